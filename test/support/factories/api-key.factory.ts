import type { Container } from '../../../src/app/container.js';
import { apiKeys } from '../../../src/modules/identity/session.tables.js';
import { hashSecret, newSecret } from '../../../src/platform/crypto/secret-hash.js';

/** An API key of the organization with the given scope, inserted directly; returns the secret. */
export async function makeApiKey(
  container: Container,
  organizationId: string,
  scope: 'read' | 'read_write',
): Promise<string> {
  const key = newSecret('sfk_');
  await container.database.db.insert(apiKeys).values({
    organizationId,
    name: `test ${scope} key`,
    prefix: key.slice(0, 12),
    keyHash: hashSecret(key),
    scope,
  });
  return key;
}
