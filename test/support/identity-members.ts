import crypto from 'node:crypto';
import type { Container } from '../../src/app/container.js';
import type { MemberRole } from '../../src/modules/identity/identity.tables.js';
import {
  createMember,
  ensureOrganization,
} from '../../src/modules/identity/platform-admin.service.js';
import { inTransaction } from '../../src/platform/db/transaction.js';

export interface BrandWithMembers {
  organizationId: string;
  name: string;
  /** Bearer tokens per role, ready for the Authorization header. */
  tokens: Record<MemberRole, string>;
}

const roles: readonly MemberRole[] = ['owner', 'admin', 'manager', 'operator', 'viewer'];

/** A fresh brand with one member of every role, each with a signed access token. */
export async function brandWithMembers(container: Container): Promise<BrandWithMembers> {
  const suffix = crypto.randomBytes(4).toString('hex');
  const name = `Brand ${suffix}`;
  const members = await inTransaction(container.database.pool, async (tx) => {
    const organization = await ensureOrganization(container.identity, tx, 'brand', name);
    const created: Array<{ role: MemberRole; userId: string }> = [];
    for (const role of roles) {
      const user = await createMember(
        container.identity,
        tx,
        organization,
        {
          email: `${role}.${suffix}@example.test`,
          name: `${role} ${suffix}`,
          password: `pw-${suffix}-long-enough`,
        },
        role,
      );
      created.push({ role, userId: user.id });
    }
    return { organizationId: organization.id, created };
  });
  const tokens = {} as Record<MemberRole, string>;
  for (const { role, userId } of members.created) {
    tokens[role] = await container.accessTokens.sign({
      userId,
      organizationId: members.organizationId,
      role,
    });
  }
  return { organizationId: members.organizationId, name, tokens };
}
