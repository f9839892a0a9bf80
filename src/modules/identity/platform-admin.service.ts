import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { indianPhoneSchema } from '../../platform/validation/indian-phone.schema.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { identityRepository, type Organization } from './identity.repository.js';
import { hashPassword, passwordPolicy } from './password-hasher.js';
import type { MemberRole, OrganizationType } from './identity.tables.js';
import './identity.events.js';
import type { AccountEmails } from './account-emails.js';

export const newUserSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  password: z
    .string()
    .min(passwordPolicy.minLength, `must be at least ${passwordPolicy.minLength} characters`)
    .max(passwordPolicy.maxLength, `must be at most ${passwordPolicy.maxLength} characters`),
  phone: indianPhoneSchema.optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

export interface IdentityDeps {
  pool: pg.Pool;
  db: Db;
  events: EventBus;
  /** Sends account e-mails (verification on registration); absent where no e-mail is wired. */
  accountEmails?: AccountEmails;
}

const platformOrganizationName = 'SpareFlow Platform';

/** Finds or creates an organization by type and name, publishing `organization.created` once. */
export async function ensureOrganization(
  deps: IdentityDeps,
  tx: Tx,
  type: OrganizationType,
  name: string,
): Promise<Organization> {
  const existing =
    type === 'platform'
      ? await identityRepository.findOrganizationByType(tx.db, 'platform')
      : await identityRepository.findOrganizationByName(tx.db, type, name);
  if (existing) return existing;
  return createOrganization(deps, tx, { type, name });
}

/** Always creates a new organization (registration never joins an existing one by name). */
export async function createOrganization(
  deps: IdentityDeps,
  tx: Tx,
  values: { type: OrganizationType; name: string; gstin?: string | null },
): Promise<Organization> {
  const organization = await identityRepository.insertOrganization(tx.db, values);
  const { type, name } = values;
  await deps.events.publish(tx, {
    type: 'organization.created',
    aggregateType: 'organization',
    aggregateId: organization.id,
    organizationId: organization.id,
    payload: { organizationId: organization.id, type, name },
  });
  return organization;
}

/**
 * A new member's details with the password, or its hash when one password serves many accounts
 * (the demo world hashes its shared password once: bcrypt costs a quarter second a hash).
 */
export type NewMember = Omit<NewUser, 'password'> &
  ({ password: string } | { passwordHash: string });

/** Creates a user (hashing the password) and makes them a member of the organization. */
export async function createMember(
  deps: IdentityDeps,
  tx: Tx,
  organization: Organization,
  input: NewMember,
  role: MemberRole,
) {
  if (await identityRepository.findUserByEmail(tx.db, input.email)) {
    throw new AppError('CONFLICT', { detail: `A user with e-mail ${input.email} already exists.` });
  }
  const user = await identityRepository.insertUser(tx.db, {
    email: input.email,
    name: input.name,
    phone: input.phone ?? null,
    passwordHash: 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password),
  });
  await identityRepository.upsertMembership(tx.db, {
    userId: user.id,
    organizationId: organization.id,
    role,
  });
  await deps.events.publish(tx, {
    type: 'membership.created',
    aggregateType: 'organization',
    aggregateId: organization.id,
    organizationId: organization.id,
    payload: { organizationId: organization.id, userId: user.id, role },
  });
  return user;
}

/**
 * Creates a platform administrator. This is the only way one comes to exist: `spareflow admin
 * create` calls it; no HTTP route does, so registration can never yield an administrator.
 */
export async function createPlatformAdmin(deps: IdentityDeps, input: NewUser) {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    });
  }
  return inTransaction(deps.pool, async (tx) => {
    const platform = await ensureOrganization(deps, tx, 'platform', platformOrganizationName);
    const user = await createMember(deps, tx, platform, parsed.data, 'owner');
    return {
      user: { id: user.id, email: user.email, name: user.name },
      organization: { id: platform.id, name: platform.name },
    };
  });
}
