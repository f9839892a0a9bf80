import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { webcrypto } from 'node:crypto';
import { z } from 'zod';
import { memberRoles } from './identity.tables.js';

/** Access tokens live 15 minutes; refresh tokens renew them. */
export const accessTokenTtlSeconds = 15 * 60;
const issuer = 'spareflow';
const audience = 'spareflow-api';
/** The one algorithm we sign and accept: `none` and algorithm confusion are refused by construction. */
const algorithm = 'HS256';

const claimsSchema = z.object({
  sub: z.uuid(),
  org: z.uuid(),
  role: z.enum(memberRoles),
  typ: z.literal('access'),
  /** The session (refresh-token family) the token was issued in; absent in older tokens. */
  sid: z.uuid().optional(),
});

export interface AccessClaims {
  userId: string;
  organizationId: string;
  role: (typeof memberRoles)[number];
  /**
   * The refresh-token family of the session the token belongs to, so that "end my other
   * sessions" (a password change) can keep this one. Tokens signed outside a session have none.
   */
  sessionId?: string;
}

/** Signs and verifies SpareFlow access tokens (JWT, HS256, with `iss`, `aud`, `exp`). */
export class AccessTokenService {
  private readonly secret: Uint8Array;
  private key: Promise<webcrypto.CryptoKey> | undefined;

  constructor(secret: string) {
    this.secret = new TextEncoder().encode(secret);
  }

  /**
   * The secret as a WebCrypto HMAC key, imported once: given raw bytes, jose imports a key on
   * every sign and verify, which cost about a sixth of an authenticated request's CPU.
   */
  private cryptoKey(): Promise<webcrypto.CryptoKey> {
    this.key ??= webcrypto.subtle.importKey(
      'raw',
      this.secret,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    return this.key;
  }

  async sign(claims: AccessClaims, now = new Date()): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      org: claims.organizationId,
      role: claims.role,
      typ: 'access',
      ...(claims.sessionId ? { sid: claims.sessionId } : {}),
    })
      .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + accessTokenTtlSeconds)
      .sign(await this.cryptoKey());
  }

  /** The claims of a valid token, or `null` for anything else (expired, forged, wrong audience…). */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, await this.cryptoKey(), {
        algorithms: [algorithm],
        issuer,
        audience,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const claims = claimsSchema.parse(payload);
      return {
        userId: claims.sub,
        organizationId: claims.org,
        role: claims.role,
        ...(claims.sid ? { sessionId: claims.sid } : {}),
      };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof z.ZodError) return null;
      throw error;
    }
  }
}
