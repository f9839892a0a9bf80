import type { Tx } from '../../platform/db/transaction.js';
import { linkBase } from '../../platform/http/public-links.js';
import type { EmailOutbox } from '../notifications/index.js';
import { oneTimeTokenRepository } from './one-time-token.repository.js';
import { hashSecret, newSecret } from '../../platform/crypto/secret-hash.js';

export interface AccountEmailUser {
  id: string;
  email: string;
  name: string;
}

/** Lifetimes of the e-mailed tokens. */
export const tokenLifetimes = { passwordResetMinutes: 30, emailVerificationMinutes: 24 * 60 };

const tokenPrefix = 'sft_';

/**
 * Issues the single-use tokens of account e-mails (password reset, e-mail verification) and
 * enqueues the e-mail carrying the link, both in the caller's transaction. Only the token's hash
 * is stored; the clear token exists in the e-mail alone.
 *
 * Links start with `APP_URL` when it is set. Otherwise with the origin of the request that caused
 * them, or, for registration (which does not pass one), `fallbackOrigin`. Set `APP_URL` in
 * production: a request's `Host` header is chosen by the client.
 */
export class AccountEmails {
  constructor(
    private readonly outbox: EmailOutbox,
    private readonly appUrl: string | undefined,
    private readonly fallbackOrigin: string,
  ) {}

  async sendVerification(tx: Tx, user: AccountEmailUser, origin?: string): Promise<void> {
    const token = await this.issue(tx, user, 'email_verification');
    const link = `${this.base(origin)}/verify-email?token=${token}`;
    await this.outbox.enqueue(tx, {
      to: user.email,
      subject: 'Confirm your e-mail address for SpareFlow',
      text: [
        `Hello ${user.name},`,
        '',
        'Please confirm that this is your e-mail address by opening this link:',
        link,
        '',
        'The link works once and expires in 24 hours.',
      ].join('\n'),
    });
  }

  async sendPasswordReset(tx: Tx, user: AccountEmailUser, origin?: string): Promise<void> {
    const token = await this.issue(tx, user, 'password_reset');
    const link = `${this.base(origin)}/reset-password?token=${token}`;
    await this.outbox.enqueue(tx, {
      to: user.email,
      subject: 'Reset your SpareFlow password',
      text: [
        `Hello ${user.name},`,
        '',
        'Someone (hopefully you) asked to reset your SpareFlow password. To choose a new one, open:',
        link,
        '',
        'The link works once and expires in 30 minutes. If you did not ask, ignore this e-mail.',
      ].join('\n'),
    });
  }

  private async issue(
    tx: Tx,
    user: AccountEmailUser,
    purpose: 'email_verification' | 'password_reset',
  ): Promise<string> {
    const token = newSecret(tokenPrefix);
    await oneTimeTokenRepository.insert(tx.db, {
      purpose,
      tokenHash: hashSecret(token),
      userId: user.id,
      email: user.email,
      ttlMinutes:
        purpose === 'password_reset'
          ? tokenLifetimes.passwordResetMinutes
          : tokenLifetimes.emailVerificationMinutes,
    });
    return encodeURIComponent(token);
  }

  private base(origin: string | undefined): string {
    return linkBase(this.appUrl, origin, this.fallbackOrigin);
  }
}
