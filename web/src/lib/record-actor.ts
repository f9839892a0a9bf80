/** Who did something on a record, as the API sends it (movements, audit entries). */
export interface RecordActor {
  kind: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string | null;
}

/**
 * The actor in words: the member's name, "ERP sync key (API key)", "SpareFlow" for the system.
 * The API names only the caller's organization's people and keys; anyone else — a former member,
 * SpareFlow staff acting on the organization — reads as not being in the team, never as an id.
 */
export function actorLabel(actor: RecordActor): string {
  if (actor.kind === 'system') return 'SpareFlow';
  if (actor.kind === 'api_key') return actor.name ? `${actor.name} (API key)` : 'Another API key';
  return actor.name ?? 'Someone not in your team';
}
