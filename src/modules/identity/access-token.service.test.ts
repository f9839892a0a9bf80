import crypto from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokenService, accessTokenTtlSeconds } from './access-token.service.js';

const secret = 'unit-test-secret-that-is-long-enough-0123456789';
const service = new AccessTokenService(secret);
const key = new TextEncoder().encode(secret);
const claims = {
  userId: crypto.randomUUID(),
  organizationId: crypto.randomUUID(),
  role: 'manager' as const,
};
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token like ours, with any part overridden, signed with HS256 and the shared key unless told. */
function forge(
  options: {
    payload?: Record<string, unknown>;
    alg?: string;
    signKey?: Uint8Array;
    iss?: string;
    aud?: string;
    iat?: number;
    exp?: number;
  } = {},
) {
  const iat = options.iat ?? nowSeconds();
  return new SignJWT(
    options.payload ?? { org: claims.organizationId, role: claims.role, typ: 'access' },
  )
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(options.iss ?? 'spareflow')
    .setAudience(options.aud ?? 'spareflow-api')
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 600)
    .sign(options.signKey ?? key);
}

describe('AccessTokenService', () => {
  it('verifies what it signs and returns the same claims', async () => {
    const token = await service.sign(claims);
    expect(await service.verify(token)).toEqual(claims);
    expect(await service.verify(await forge())).toEqual(claims);
  });

  it('sets a 15-minute expiry', async () => {
    const now = new Date();
    const token = await service.sign(claims, now);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(payload.exp - payload.iat).toBe(accessTokenTtlSeconds);
    expect(accessTokenTtlSeconds).toBe(900);
  });

  it('refuses alg none', async () => {
    const unsigned = new UnsecuredJWT({ org: claims.organizationId, role: 'owner', typ: 'access' })
      .setSubject(claims.userId)
      .setIssuer('spareflow')
      .setAudience('spareflow-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .encode();
    expect(await service.verify(unsigned)).toBeNull();
  });

  it('refuses another algorithm (HS512 with the right key) and another key', async () => {
    expect(await service.verify(await forge({ alg: 'HS512' }))).toBeNull();
    const otherKey = new TextEncoder().encode('another-secret-another-secret-0123456789');
    expect(await service.verify(await forge({ signKey: otherKey }))).toBeNull();
  });

  it('refuses a wrong issuer or audience', async () => {
    expect(await service.verify(await forge({ iss: 'someone-else' }))).toBeNull();
    expect(await service.verify(await forge({ aud: 'other-api' }))).toBeNull();
  });

  it('refuses an expired token', async () => {
    const iat = nowSeconds() - 3600;
    expect(await service.verify(await forge({ iat, exp: iat + 900 }))).toBeNull();
    const signedLongAgo = await service.sign(claims, new Date(Date.now() - 2 * 3600 * 1000));
    expect(await service.verify(signedLongAgo)).toBeNull();
  });

  it('refuses tokens missing or mangling claims', async () => {
    const { organizationId } = claims;
    for (const payload of [
      { role: 'owner', typ: 'access' },
      { org: organizationId, typ: 'access' },
      { org: organizationId, role: 'owner' },
      { org: organizationId, role: 'owner', typ: 'refresh' },
      { org: organizationId, role: 'superuser', typ: 'access' },
      { org: 'not-a-uuid', role: 'owner', typ: 'access' },
    ]) {
      expect(await service.verify(await forge({ payload }))).toBeNull();
    }
    const noExp = await new SignJWT({ org: organizationId, role: 'owner', typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer('spareflow')
      .setAudience('spareflow-api')
      .setIssuedAt()
      .sign(key);
    expect(await service.verify(noExp)).toBeNull();
    const noSub = await new SignJWT({ org: organizationId, role: 'owner', typ: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('spareflow')
      .setAudience('spareflow-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
    expect(await service.verify(noSub)).toBeNull();
    expect(await service.verify('not.a.jwt')).toBeNull();
    expect(await service.verify('')).toBeNull();
  });

  it('carries the session id (sid) when signed in a session, and none otherwise', async () => {
    const sessionId = crypto.randomUUID();
    expect(await service.verify(await service.sign({ ...claims, sessionId }))).toEqual({
      ...claims,
      sessionId,
    });
    expect(await service.verify(await service.sign(claims))).toEqual(claims);
    const badSid = await forge({
      payload: { org: claims.organizationId, role: claims.role, typ: 'access', sid: 'x' },
    });
    expect(await service.verify(badSid)).toBeNull();
  });
});
