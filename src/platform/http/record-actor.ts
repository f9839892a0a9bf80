import { z } from 'zod';

/**
 * Who did something on a record (a stock movement, an audit entry), as the API shows it: the kind
 * of actor, its id and its display name. `userId` and `apiKeyId` are the fields lists carried
 * before names were added; they stay for existing clients.
 */
export const recordActorSchema = z.object({
  kind: z
    .enum(['user', 'api_key', 'system'])
    .describe('`system`: a job or SpareFlow itself, with no person or key behind it'),
  id: z.uuid().nullable(),
  name: z
    .string()
    .nullable()
    .describe(
      "A member's name or an API key's name. `null` when the actor is not (or no longer) a member or key of the caller's organization: another organization's people are never named.",
    ),
  userId: z.uuid().nullable(),
  apiKeyId: z.uuid().nullable(),
});
export type RecordActor = z.infer<typeof recordActorSchema>;

/**
 * The actor of a record from its stored ids and the names the caller may see (the maps hold only
 * the caller's organization's members and keys).
 */
export function presentRecordActor(
  ids: { userId: string | null; apiKeyId: string | null },
  names: { users: ReadonlyMap<string, string>; apiKeys: ReadonlyMap<string, string> },
): RecordActor {
  if (ids.apiKeyId !== null)
    return {
      kind: 'api_key',
      id: ids.apiKeyId,
      name: names.apiKeys.get(ids.apiKeyId) ?? null,
      ...ids,
    };
  if (ids.userId !== null)
    return { kind: 'user', id: ids.userId, name: names.users.get(ids.userId) ?? null, ...ids };
  return { kind: 'system', id: null, name: null, ...ids };
}
