import { describe, expect, it } from 'vitest';
import { authClient, newAccount } from '../support/auth-client.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const { call, query } = authClient(testApp);

/** Sends every body at once and tallies the answers by status and code. */
async function registerAtOnce(bodies: ReadonlyArray<ReturnType<typeof newAccount>>) {
  const responses = await Promise.all(
    bodies.map((body) => call('POST', '/api/v1/auth/register', body)),
  );
  const tally: Record<string, number> = {};
  for (const { status, json } of responses) {
    const key = status === 201 ? '201' : `${status} ${String(json?.code)}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

const usersWith = async (email: string) =>
  Number(
    (await query('select count(*) from users where lower(email) = lower($1)', [email]))[0]?.count,
  );

describe('concurrent registrations of one e-mail', () => {
  it('creates one account: exactly one 201, every other answer 409 CONFLICT, no 500', async () => {
    const account = newAccount();
    const bodies = Array.from({ length: 10 }, (_, index) => ({
      ...account,
      organization: { ...account.organization, name: `${account.organization.name} ${index}` },
    }));
    expect(await registerAtOnce(bodies)).toEqual({ '201': 1, '409 CONFLICT': 9 });
    expect(await usersWith(account.email)).toBe(1);
  });

  it('treats letter-case variants of the address as the same account', async () => {
    const account = newAccount();
    const local = account.email.split('@')[0] ?? '';
    const variants = [
      account.email,
      account.email.toLowerCase(),
      account.email.toUpperCase(),
      `${local.toLowerCase()}@EXAMPLE.IN`,
      `${local.toUpperCase()}@example.in`,
    ];
    const bodies = Array.from({ length: 10 }, (_, index) => ({
      ...account,
      email: variants[index % variants.length] ?? account.email,
    }));
    expect(await registerAtOnce(bodies)).toEqual({ '201': 1, '409 CONFLICT': 9 });
    expect(await usersWith(account.email)).toBe(1);
  });
});
