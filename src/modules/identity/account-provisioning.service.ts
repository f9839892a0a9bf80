/**
 * Accounts made outside sign-up and invitations, by the installation itself (the demo world):
 * nobody receives mail at these addresses, so they start verified.
 */
import type { Tx } from '../../platform/db/transaction.js';
import type { Db } from '../../platform/db/database.js';
import type { MemberRole } from '../../platform/access/organization-roles.js';
import { identityRepository, type Organization } from './identity.repository.js';
import { oneTimeTokenRepository } from './one-time-token.repository.js';
import { hashPassword } from './password-hasher.js';
import { createMember, type IdentityDeps, type NewUser } from './platform-admin.service.js';

/** Whether a user with this e-mail address exists (compared without regard to case). */
export async function hasUserWithEmail(db: Db, email: string): Promise<boolean> {
  return (await identityRepository.findUserByEmail(db, email)) !== undefined;
}

/** One password for many accounts, hashed at most once and only when an account needs it. */
export function sharedPasswordHash(password: string): () => Promise<string> {
  let hash: Promise<string> | undefined;
  return () => (hash ??= hashPassword(password));
}

/**
 * Makes the user a member of `organization` with `role` and a verified address, in the caller's
 * transaction, unless a user with that e-mail already exists (then nothing changes: an existing
 * account is never rewritten). `created` says whether it was made now; `userId` is the account's
 * either way.
 */
export async function ensureVerifiedMember(
  deps: IdentityDeps,
  tx: Tx,
  organization: Organization,
  input: Omit<NewUser, 'password'>,
  role: MemberRole,
  passwordHash: () => Promise<string>,
): Promise<{ created: boolean; userId: string }> {
  const existing = await identityRepository.findUserByEmail(tx.db, input.email);
  if (existing) return { created: false, userId: existing.id };
  const user = await createMember(
    deps,
    tx,
    organization,
    { ...input, passwordHash: await passwordHash() },
    role,
  );
  await oneTimeTokenRepository.markEmailVerified(tx.db, user.id, input.email);
  return { created: true, userId: user.id };
}
