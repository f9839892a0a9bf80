import type { Db } from '../../platform/db/database.js';

/**
 * Names the audit log shows instead of ids. The audit module owns none of the named things and
 * imports no module (every module records audit entries, so it must stay a leaf): the owners
 * hand their readers in through the composition root, each reading its own tables.
 */
export interface AuditNameSources {
  /**
   * Display names of members and API keys **of `organizationId` only** (identity's
   * `actorNamesFor`): an actor outside the viewer's organization stays unnamed.
   */
  actorNames(
    db: Db,
    organizationId: string,
    refs: { userIds: Iterable<string | null>; apiKeyIds: Iterable<string | null> },
  ): Promise<{ users: ReadonlyMap<string, string>; apiKeys: ReadonlyMap<string, string> }>;
  /** Readers of target labels, one per owning module. */
  targets: readonly AuditTargetLabels[];
}

/** How a module labels the entities it records audit entries against. */
export interface AuditTargetLabels {
  /** The entity types it labels (`part`, `location`…); one reader per type. */
  entityTypes: readonly string[];
  /**
   * Labels of `ids` of one entity type, one statement for the page: the part number, the
   * location's name and city, the member's name… An id it cannot label (gone, or a person the
   * viewer may not see) is left out. People are named only for members of
   * `viewerOrganizationId`, as for actors.
   */
  labels(
    db: Db,
    request: { entityType: string; ids: readonly string[]; viewerOrganizationId: string },
  ): Promise<ReadonlyMap<string, string>>;
}

/** No names at all: the audit log shows kinds and ids (tests and tools without modules). */
export const noAuditNames: AuditNameSources = {
  actorNames: () => Promise.resolve({ users: new Map(), apiKeys: new Map() }),
  targets: [],
};

/**
 * Labels of the entries' targets, `<entityType>\u0000<entityId>` → label: one call per entity type
 * present, each with the distinct ids of that type.
 */
export async function labelTargets(
  db: Db,
  sources: readonly AuditTargetLabels[],
  entries: ReadonlyArray<{ entityType: string; entityId: string }>,
  viewerOrganizationId: string,
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const entry of entries) {
    const ids = idsByType.get(entry.entityType) ?? new Set<string>();
    ids.add(entry.entityId);
    idsByType.set(entry.entityType, ids);
  }
  const labels = new Map<string, string>();
  for (const [entityType, ids] of idsByType) {
    const source = sources.find((candidate) => candidate.entityTypes.includes(entityType));
    if (!source) continue;
    const found = await source.labels(db, { entityType, ids: [...ids], viewerOrganizationId });
    for (const [id, label] of found) labels.set(targetKey(entityType, id), label);
  }
  return labels;
}

export function targetKey(entityType: string, entityId: string): string {
  return `${entityType}\u0000${entityId}`;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids that can name a row of a uuid key: entity ids are text (`<location>/<part>` for stock
 * lines, integrators' document ids), and a comparison with a uuid column would fail on the rest.
 */
export function uuidIds(ids: readonly string[]): string[] {
  return ids.filter((id) => uuidShape.test(id));
}
