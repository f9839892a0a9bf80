import crypto from 'node:crypto';
import { AppError } from '../../platform/errors/app-error.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { accessTokenTtlSeconds, type AccessTokenService } from './access-token.service.js';
import { callerRepository } from './caller.repository.js';
import type { MemberRole } from './identity.tables.js';
import type { IdentityDeps } from './platform-admin.service.js';
import { hashSecret, newSecret } from '../../platform/crypto/secret-hash.js';
import { sessionRepository } from './session.repository.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** Where security events go; Fastify's request logger fits. */
export interface SecurityLog {
  warn(facts: Record<string, unknown>, message: string): void;
}

export interface SessionDeps {
  identity: IdentityDeps;
  accessTokens: AccessTokenService;
}

const refreshPrefix = 'sfr_';

type RefreshOutcome =
  | { kind: 'rotated'; pair: TokenPair }
  | { kind: 'reused'; familyId: string; userId: string; revoked: number }
  | { kind: 'refused' };

/**
 * Sessions: an access token (15 min) plus a rotating refresh token (30 days) whose family is
 * revoked as a whole when an already-rotated token comes back (it was copied by someone).
 */
export class SessionService {
  constructor(private readonly deps: SessionDeps) {}

  /** Starts a new session (a new refresh-token family) inside the caller's transaction. */
  async start(
    tx: Tx,
    session: { userId: string; organizationId: string; role: MemberRole },
  ): Promise<TokenPair> {
    return this.issue(tx, { ...session, familyId: crypto.randomUUID() });
  }

  /**
   * Rotates a refresh token. An unknown, expired, revoked or already-rotated token is 401
   * `UNAUTHENTICATED`; a rotated or revoked one also revokes its whole family (committed before
   * the 401 is thrown) and is logged as a reuse. Role and organization status are re-read.
   */
  async refresh(refreshToken: string, log: SecurityLog): Promise<TokenPair> {
    const outcome = await inTransaction(
      this.deps.identity.pool,
      async (tx): Promise<RefreshOutcome> => {
        const row = await sessionRepository.findForUpdate(tx.db, hashSecret(refreshToken));
        if (!row) return { kind: 'refused' };
        if (row.rotatedAt || row.revokedAt) {
          const revoked = await sessionRepository.revokeFamily(tx.db, row.familyId);
          return { kind: 'reused', familyId: row.familyId, userId: row.userId, revoked };
        }
        if (row.expired) return { kind: 'refused' };
        const membership = await callerRepository.findMembership(
          tx.db,
          row.userId,
          row.organizationId,
        );
        if (!membership) {
          await sessionRepository.revokeFamily(tx.db, row.familyId);
          return { kind: 'refused' };
        }
        if (membership.organizationStatus !== 'active') {
          throw new AppError('ORGANIZATION_SUSPENDED', {
            detail: 'This organization is suspended; its members cannot sign in.',
          });
        }
        await sessionRepository.markRotated(tx.db, row.id);
        const pair = await this.issue(tx, {
          userId: row.userId,
          organizationId: row.organizationId,
          role: membership.role,
          familyId: row.familyId,
        });
        return { kind: 'rotated', pair };
      },
    );
    if (outcome.kind === 'rotated') return outcome.pair;
    if (outcome.kind === 'reused') {
      log.warn(
        {
          event: 'refresh_token_reused',
          familyId: outcome.familyId,
          userId: outcome.userId,
          revokedTokens: outcome.revoked,
        },
        'refresh token presented again after rotation or revocation; its family is revoked',
      );
    }
    throw new AppError('UNAUTHENTICATED', { detail: 'The refresh token is not valid.' });
  }

  /** Ends the session the refresh token belongs to (its whole family); unknown tokens are a no-op. */
  async logout(refreshToken: string): Promise<void> {
    const familyId = await sessionRepository.findFamilyId(
      this.deps.identity.db,
      hashSecret(refreshToken),
    );
    if (familyId) await sessionRepository.revokeFamily(this.deps.identity.db, familyId);
  }

  /**
   * Signs the user out everywhere: every refresh-token family of theirs, in every organization, is
   * revoked (a lost laptop, a shared computer). Access tokens already issued still run out within
   * their 15 minutes. Audited in the caller's organization.
   */
  async logoutAll(
    caller: { userId: string; organizationId: string },
    audit: AuditContext,
  ): Promise<number> {
    return inTransaction(this.deps.identity.pool, async (tx) => {
      const revoked = await sessionRepository.revokeAllOfUser(tx.db, caller.userId);
      await recordAudit(tx, {
        ...audit,
        organizationId: caller.organizationId,
        action: 'session.revoked_all',
        entityType: 'user',
        entityId: caller.userId,
        after: { revokedTokens: revoked },
      });
      return revoked;
    });
  }

  private async issue(
    tx: Tx,
    session: { userId: string; organizationId: string; role: MemberRole; familyId: string },
  ): Promise<TokenPair> {
    const refreshToken = newSecret(refreshPrefix);
    await sessionRepository.insert(tx.db, {
      familyId: session.familyId,
      userId: session.userId,
      organizationId: session.organizationId,
      tokenHash: hashSecret(refreshToken),
    });
    const accessToken = await this.deps.accessTokens.sign({
      userId: session.userId,
      organizationId: session.organizationId,
      role: session.role,
      sessionId: session.familyId,
    });
    return { accessToken, refreshToken, expiresIn: accessTokenTtlSeconds };
  }
}
