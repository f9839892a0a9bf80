import { recordAudit } from '../audit/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { AccountEmails } from './account-emails.js';
import { authRepository } from './auth.repository.js';
import type { RequestContext } from './auth.service.js';
import { oneTimeTokenRepository as tokens } from './one-time-token.repository.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import type { IdentityDeps } from './platform-admin.service.js';
import { hashSecret } from '../../platform/crypto/secret-hash.js';
import { sessionRepository } from './session.repository.js';

/** The request facts account e-mails need besides the audit ones. */
export interface LinkContext extends RequestContext {
  /** `https://host` the request came to; used for links only when `APP_URL` is unset. */
  origin: string;
}

const tokenInvalid = () =>
  new AppError('TOKEN_INVALID', {
    detail: 'This link is not valid: it is unknown, was already used, or has expired.',
  });

/** Password reset and change, and e-mail verification. */
export class AccountRecoveryService {
  constructor(
    private readonly identity: IdentityDeps,
    private readonly emails: AccountEmails,
  ) {}

  /**
   * E-mails a reset link if the address belongs to an account and does nothing otherwise; the
   * caller answers 202 either way, so the endpoint does not reveal which addresses exist.
   */
  async requestPasswordReset(email: string, context: LinkContext): Promise<void> {
    const user = await authRepository.findLoginUser(this.identity.db, email);
    if (!user) return;
    await inTransaction(this.identity.pool, (tx) =>
      this.emails.sendPasswordReset(tx, user, context.origin),
    );
  }

  /**
   * Spends the token and sets the new password; every session of the user is revoked and the
   * login lockout cleared. Unknown, used or expired tokens are 400 `TOKEN_INVALID`.
   */
  async confirmPasswordReset(token: string, newPassword: string, context: RequestContext) {
    const passwordHash = await hashPassword(newPassword);
    await inTransaction(this.identity.pool, async (tx) => {
      const owner = await tokens.consume(tx.db, 'password_reset', hashSecret(token));
      if (!owner) throw tokenInvalid();
      await tokens.setPassword(tx.db, owner.userId, passwordHash);
      const revokedSessions = await tokens.revokeAllSessions(tx.db, owner.userId);
      await recordAudit(tx, {
        actor: { userId: owner.userId },
        organizationId: null,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: owner.userId,
        after: { revokedSessions },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
  }

  /**
   * A signed-in user changes their password; a wrong current password is 401. Every other
   * session of the user (each refresh-token family, in every organization) is revoked in the same
   * transaction: whoever knew the old password and signed in elsewhere is out. The session the
   * request's access token belongs to (its `sid`) keeps working; a token that names no session
   * (issued before sessions were named) keeps none, so every refresh token of the user is revoked.
   * Access tokens already issued elsewhere expire within their 15 minutes.
   */
  async changePassword(
    caller: { userId: string; organizationId: string; sessionId?: string },
    body: { currentPassword: string; newPassword: string },
    context: RequestContext,
  ): Promise<void> {
    const account = await tokens.findAccount(this.identity.db, caller.userId);
    if (!account || !(await verifyPassword(body.currentPassword, account.passwordHash))) {
      throw new AppError('INVALID_CREDENTIALS', { detail: 'The current password is not correct.' });
    }
    const passwordHash = await hashPassword(body.newPassword);
    await inTransaction(this.identity.pool, async (tx) => {
      await tokens.setPassword(tx.db, caller.userId, passwordHash);
      const revokedSessions = await sessionRepository.revokeOtherSessionsOfUser(
        tx.db,
        caller.userId,
        caller.sessionId,
      );
      await recordAudit(tx, {
        actor: { userId: caller.userId },
        organizationId: caller.organizationId,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: caller.userId,
        after: { revokedSessions, keptSession: caller.sessionId !== undefined },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
  }

  /** Spends a verification token and marks the address verified (if it is still the user's). */
  async verifyEmail(token: string, context: RequestContext): Promise<void> {
    await inTransaction(this.identity.pool, async (tx) => {
      const owner = await tokens.consume(tx.db, 'email_verification', hashSecret(token));
      if (!owner || !(await tokens.markEmailVerified(tx.db, owner.userId, owner.email)))
        throw tokenInvalid();
      await recordAudit(tx, {
        actor: { userId: owner.userId },
        organizationId: null,
        action: 'user.email_verified',
        entityType: 'user',
        entityId: owner.userId,
        after: { email: owner.email },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
  }

  /** Sends a fresh verification link unless the address is already verified. */
  async resendVerification(userId: string, context: LinkContext): Promise<void> {
    const account = await tokens.findAccount(this.identity.db, userId);
    if (!account) throw new AppError('UNAUTHENTICATED');
    if (account.emailVerifiedAt) return;
    await inTransaction(this.identity.pool, (tx) =>
      this.emails.sendVerification(tx, account, context.origin),
    );
  }
}
