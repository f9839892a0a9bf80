import crypto from 'node:crypto';
import type { Container } from '../../../src/app/container.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import type {
  MemberRole,
  OrganizationType,
} from '../../../src/modules/identity/identity.tables.js';
import {
  createMember,
  ensureOrganization,
} from '../../../src/modules/identity/platform-admin.service.js';

export interface TestMember {
  userId: string;
  organizationId: string;
  role: MemberRole;
  email: string;
  password: string;
  accessToken: string;
}

/** A fresh organization of the given type with one member per requested role, each with a token. */
export async function makeOrganization(
  container: Container,
  type: OrganizationType,
  roles: readonly MemberRole[] = ['owner'],
): Promise<{ organizationId: string; name: string; members: Record<string, TestMember> }> {
  const suffix = crypto.randomBytes(4).toString('hex');
  const password = `Test-password-${suffix}`;
  const name = `Test ${type} ${suffix}`;
  const created = await inTransaction(container.database.pool, async (tx) => {
    const organization = await ensureOrganization(container.identity, tx, type, name);
    const users = [];
    for (const role of roles) {
      const email = `${role}.${suffix}@test.spareflow.in`;
      const user = await createMember(
        container.identity,
        tx,
        organization,
        { email, name: `${role} ${suffix}`, password },
        role,
      );
      users.push({ userId: user.id, role, email });
    }
    return { organizationId: organization.id, users };
  });
  const members: Record<string, TestMember> = {};
  for (const user of created.users) {
    members[user.role] = {
      ...user,
      organizationId: created.organizationId,
      password,
      accessToken: await container.accessTokens.sign({
        userId: user.userId,
        organizationId: created.organizationId,
        role: user.role,
      }),
    };
  }
  return { organizationId: created.organizationId, name, members };
}
