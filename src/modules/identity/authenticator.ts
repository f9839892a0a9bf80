import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.js';
import type { Caller } from '../../platform/http/caller.js';
import type { Authenticate } from '../../platform/http/route-policy.js';
import type { AccessTokenService } from './access-token.service.js';
import { callerRepository } from './caller.repository.js';
import { hashSecret } from '../../platform/crypto/secret-hash.js';

/**
 * Turns the request's credentials into a `Caller`: `Authorization: Bearer <access token>` for
 * people, `X-API-Key` for machines. Membership, role and organization status are read fresh, so a
 * removed member or a suspended organization loses access at once, not when the token expires.
 * Credentials that are present but invalid count as no credentials (401). An HTTP helper by
 * design (it reads the request's headers): the composition root hands it to the route policies.
 */
export function createAuthenticator(deps: { db: Db; tokens: AccessTokenService }): Authenticate {
  return async (request: FastifyRequest): Promise<Caller | null> => {
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
      const claims = await deps.tokens.verify(authorization.slice('Bearer '.length).trim());
      if (!claims) return null;
      const membership = await callerRepository.findMembership(
        deps.db,
        claims.userId,
        claims.organizationId,
      );
      if (!membership || membership.organizationStatus !== 'active') return null;
      return {
        kind: 'user',
        userId: claims.userId,
        organizationId: claims.organizationId,
        organizationType: membership.organizationType,
        role: membership.role,
        ...(claims.sessionId ? { sessionId: claims.sessionId } : {}),
      };
    }
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey !== '') {
      const key = await callerRepository.findActiveApiKey(deps.db, hashSecret(apiKey));
      if (!key || key.organizationStatus !== 'active') return null;
      await callerRepository.touchApiKey(deps.db, key.id);
      return {
        kind: 'api_key',
        apiKeyId: key.id,
        organizationId: key.organizationId,
        organizationType: key.organizationType,
        scope: key.scope,
      };
    }
    return null;
  };
}
