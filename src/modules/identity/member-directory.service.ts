import type { Db } from '../../platform/db/database.js';
import { memberDirectoryRepository } from './member-directory.repository.js';

/** Display names of the people and API keys named on an organization's records. */
export interface ActorNames {
  /** user id → the member's name. */
  users: ReadonlyMap<string, string>;
  /** API key id → the key's name ("ERP sync key"). */
  apiKeys: ReadonlyMap<string, string>;
}

/**
 * The display names of the given users and API keys **as the organization sees them**: a user's
 * name only while they are a member of `organizationId`, a key's name only if the key is the
 * organization's. Anyone else (a former member, another organization's person, a platform
 * administrator acting on the organization) is simply absent from the maps, so a record never
 * shows another organization's people. Members of one organization see each other's names on the
 * team page already; this says no more. `db` may be a transaction's.
 */
export async function actorNamesFor(
  db: Db,
  organizationId: string,
  refs: { userIds: Iterable<string | null>; apiKeyIds: Iterable<string | null> },
): Promise<ActorNames> {
  const userIds = distinct(refs.userIds);
  const apiKeyIds = distinct(refs.apiKeyIds);
  const [members, keys] = await Promise.all([
    memberDirectoryRepository.memberNames(db, organizationId, userIds),
    memberDirectoryRepository.apiKeyNames(db, organizationId, apiKeyIds),
  ]);
  return {
    users: new Map(members.map((row) => [row.id, row.name])),
    apiKeys: new Map(keys.map((row) => [row.id, row.name])),
  };
}

/**
 * A member's name, e-mail and phone (e.g. the person an invitation e-mail names as its sender),
 * or `undefined` when `userId` is not a member of `organizationId`.
 */
export async function memberContact(
  db: Db,
  organizationId: string,
  userId: string,
): Promise<{ name: string; email: string; phone: string | null } | undefined> {
  return memberDirectoryRepository.memberContact(db, organizationId, userId);
}

function distinct(ids: Iterable<string | null>): string[] {
  const seen = new Set<string>();
  for (const id of ids) if (id !== null) seen.add(id);
  return [...seen];
}
