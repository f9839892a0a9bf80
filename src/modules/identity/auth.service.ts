import { recordAudit } from '../audit/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { Caller } from '../../platform/http/caller.js';
import { authRepository, lockoutPolicy, type MembershipView } from './auth.repository.js';
import type { LoginBody, RegisterBody } from './auth.schemas.js';
import { verifyPassword } from './password-hasher.js';
import { createMember, createOrganization } from './platform-admin.service.js';
import type { SessionDeps, SessionService } from './session.service.js';

/** Who made the request, for the audit log. */
export interface RequestContext {
  requestId: string;
  ip: string;
}

/**
 * A real bcrypt hash (cost 12) of a password no one uses: unknown e-mails are compared against it,
 * so they cost the same time as a wrong password and get the same answer.
 */
const dummyPasswordHash = '$2b$12$qq70a5iuCCxuulFwZThax.OxF/oW06h4kwJYXQyyxhA/Jq9IdiYHq';

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', { detail: 'The e-mail or password is not correct.' });

/** Registration, login and the caller's own profile. */
export class AuthService {
  constructor(
    private readonly deps: SessionDeps,
    private readonly sessions: SessionService,
  ) {}

  /** Creates an organization and its owner, audited, and starts their first session. */
  async register(body: RegisterBody, context: RequestContext) {
    const { organization: org, ...person } = body;
    try {
      return await inTransaction(this.deps.identity.pool, async (tx) => {
        const organization = await createOrganization(this.deps.identity, tx, {
          type: org.type,
          name: org.name,
          gstin: org.gstin ?? null,
        });
        const user = await createMember(
          this.deps.identity,
          tx,
          organization,
          { ...person, email: person.email.toLowerCase() },
          'owner',
        );
        const audit = { requestId: context.requestId, ip: context.ip };
        await recordAudit(tx, {
          actor: { userId: user.id },
          organizationId: organization.id,
          action: 'organization.created',
          entityType: 'organization',
          entityId: organization.id,
          after: { type: organization.type, name: organization.name, gstin: organization.gstin },
          ...audit,
        });
        await recordAudit(tx, {
          actor: { userId: user.id },
          organizationId: organization.id,
          action: 'user.registered',
          entityType: 'user',
          entityId: user.id,
          after: { email: user.email, name: user.name, role: 'owner' },
          ...audit,
        });
        await this.deps.identity.accountEmails?.sendVerification(tx, user);
        const pair = await this.sessions.start(tx, {
          userId: user.id,
          organizationId: organization.id,
          role: 'owner',
        });
        return {
          user: { id: user.id, email: user.email, name: user.name },
          organization: { id: organization.id, type: organization.type, name: organization.name },
          accessToken: pair.accessToken,
          refreshToken: pair.refreshToken,
        };
      });
    } catch (error) {
      // Two registrations racing for one e-mail (in any letter case: the index is on lower(email))
      // pass the existence check together; the unique index decides and the loser gets 409.
      if (isUniqueViolation(error, 'users_email_unique')) {
        throw new AppError('CONFLICT', { detail: 'A user with this e-mail already exists.' });
      }
      throw error;
    }
  }

  /**
   * Password login with a per-account lockout: after 5 consecutive failures the account is locked
   * for 15 minutes (even the right password is refused); a success resets the count.
   */
  async login(body: LoginBody) {
    const { db } = this.deps.identity;
    const user = await authRepository.findLoginUser(db, body.email);
    if (!user) {
      await verifyPassword(body.password, dummyPasswordHash);
      throw invalidCredentials();
    }
    if (user.lockSeconds > 0) throw accountLocked(user.lockSeconds);
    if (!(await verifyPassword(body.password, user.passwordHash))) {
      const lockSeconds = await authRepository.recordFailedLogin(db, user.id);
      if (lockSeconds > 0) throw accountLocked(lockSeconds);
      throw invalidCredentials();
    }
    await authRepository.resetFailedLogins(db, user.id);
    const membership = chooseMembership(
      await authRepository.listMemberships(db, user.id),
      body.organizationId,
    );
    const pair = await inTransaction(this.deps.identity.pool, (tx) =>
      this.sessions.start(tx, {
        userId: user.id,
        organizationId: membership.organizationId,
        role: membership.role,
      }),
    );
    return {
      ...pair,
      user: { id: user.id, email: user.email, name: user.name },
      organization: {
        id: membership.organizationId,
        type: membership.organizationType,
        name: membership.organizationName,
      },
      role: membership.role,
    };
  }

  /**
   * A new session for another organization of the same user (the SPA's organization switcher):
   * the same answer as a login, without the password, since the caller has just proven a live
   * session. An organization the user does not belong to, or a suspended one, is 404 — never a
   * hint that it exists. The current session stays valid; audited in the target organization.
   */
  async switchOrganization(
    caller: { userId: string; organizationId: string },
    organizationId: string,
    context: RequestContext,
  ) {
    const { db } = this.deps.identity;
    const user = await authRepository.findUserById(db, caller.userId);
    const membership = (await authRepository.listMemberships(db, caller.userId)).find(
      (m) => m.organizationId === organizationId && m.organizationStatus === 'active',
    );
    if (!user || !membership) {
      throw new AppError('NOT_FOUND', { detail: 'No such organization among yours.' });
    }
    const pair = await inTransaction(this.deps.identity.pool, async (tx) => {
      await recordAudit(tx, {
        actor: { userId: user.id },
        organizationId,
        action: 'session.organization_switched',
        entityType: 'user',
        entityId: user.id,
        before: { organizationId: caller.organizationId },
        after: { organizationId, role: membership.role },
        requestId: context.requestId,
        ip: context.ip,
      });
      return this.sessions.start(tx, { userId: user.id, organizationId, role: membership.role });
    });
    return {
      ...pair,
      user: { id: user.id, email: user.email, name: user.name },
      organization: {
        id: membership.organizationId,
        type: membership.organizationType,
        name: membership.organizationName,
      },
      role: membership.role,
    };
  }

  /** The signed-in user, the organization they act for, and all their memberships. */
  async me(caller: Extract<Caller, { kind: 'user' }>) {
    const { db } = this.deps.identity;
    const user = await authRepository.findUserById(db, caller.userId);
    const all = await authRepository.listMemberships(db, caller.userId);
    const current = all.find((m) => m.organizationId === caller.organizationId);
    if (!user || !current) throw new AppError('UNAUTHENTICATED');
    return {
      user,
      organization: {
        id: current.organizationId,
        type: current.organizationType,
        name: current.organizationName,
      },
      role: current.role,
      memberships: all.map(({ organizationId, organizationName, organizationType, role }) => ({
        organizationId,
        organizationName,
        organizationType,
        role,
      })),
    };
  }
}

function accountLocked(retryAfterSeconds: number) {
  return new AppError('ACCOUNT_LOCKED', {
    detail: `Too many failed logins (${lockoutPolicy.maxFailures} in a row): this account is locked. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    extensions: { retryAfterSeconds },
  });
}

/**
 * The requested organization (which must be one of the user's, else the same 401 as a wrong
 * password), or the oldest membership in an active organization.
 */
function chooseMembership(all: MembershipView[], organizationId?: string): MembershipView {
  const chosen = organizationId
    ? all.find((m) => m.organizationId === organizationId)
    : (all.find((m) => m.organizationStatus === 'active') ?? all[0]);
  if (!chosen) throw invalidCredentials();
  if (chosen.organizationStatus !== 'active') {
    throw new AppError('ORGANIZATION_SUSPENDED', {
      detail: 'This organization is suspended; its members cannot sign in.',
    });
  }
  return chosen;
}
