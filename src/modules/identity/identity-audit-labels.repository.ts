import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { uuidIds, type AuditTargetLabels } from '../audit/index.js';
import { organizations } from './identity.tables.js';
import { memberDirectoryRepository } from './member-directory.repository.js';
import { oneTimeTokens } from './session.tables.js';

const asMap = (rows: Array<{ id: string; label: string }>) =>
  new Map(rows.map((row) => [row.id, row.label]));

/**
 * Audit targets identity owns: organizations by name; people (user, membership), API keys and
 * staff invitations only within the viewer's organization — as for actors, no one outside it is
 * named.
 */
export const identityAuditLabels: AuditTargetLabels = {
  entityTypes: ['organization', 'user', 'membership', 'api_key', 'staff_invitation'],
  async labels(db: Db, { entityType, ids, viewerOrganizationId }) {
    const keys = uuidIds(ids);
    if (keys.length === 0) return new Map();
    switch (entityType) {
      case 'organization':
        return asMap(
          await db
            .select({ id: organizations.id, label: organizations.name })
            .from(organizations)
            .where(inArray(organizations.id, keys)),
        );
      case 'api_key':
        return new Map(
          (await memberDirectoryRepository.apiKeyNames(db, viewerOrganizationId, keys)).map(
            (row) => [row.id, row.name],
          ),
        );
      case 'staff_invitation':
        return asMap(
          await db
            .select({ id: oneTimeTokens.id, label: oneTimeTokens.email })
            .from(oneTimeTokens)
            .where(
              and(
                eq(oneTimeTokens.purpose, 'staff_invitation'),
                eq(oneTimeTokens.organizationId, viewerOrganizationId),
                inArray(oneTimeTokens.id, keys),
              ),
            ),
        );
      default:
        // user, membership: the entity id is the user's id.
        return new Map(
          (await memberDirectoryRepository.memberNames(db, viewerOrganizationId, keys)).map(
            (row) => [row.id, row.name],
          ),
        );
    }
  },
};
