import { beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/platform/db/transaction.js';
import { creditTopUp, holdFunds } from '../../src/modules/ledger/index.js';
import { makeOrganization } from '../support/factories/organization.factory.js';
import { apiCaller, type ApiResponse } from '../support/api-call.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let platform: Org;
let brand: Org;
let distributor: Org;

const as = (org: Org, role: 'owner' | 'viewer' = 'owner') => {
  const member = org.members[role];
  if (!member) throw new Error(`no ${role}`);
  return { bearer: member.accessToken };
};

async function topUp(org: Org, amountPaise: number, reference: string) {
  await inTransaction(testApp().container.database.pool, (tx) =>
    creditTopUp(tx, { organizationId: org.organizationId, amountPaise, reference }),
  );
}

async function adjust(
  org: Org,
  body: unknown,
  idempotencyKey?: string,
): Promise<ApiResponse & { replayed: string | null }> {
  const response = await fetch(
    `${testApp().url}/api/v1/admin/wallets/${org.organizationId}/adjustments`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${as(platform).bearer}`,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    },
  );
  return {
    status: response.status,
    json: (await response.json()) as ApiResponse['json'],
    replayed: response.headers.get('idempotent-replayed'),
  };
}

beforeAll(async () => {
  const container = testApp().container;
  platform = await makeOrganization(container, 'platform', ['owner']);
  brand = await makeOrganization(container, 'brand', ['owner', 'viewer']);
  distributor = await makeOrganization(container, 'distributor', ['owner']);
});

describe('wallet over HTTP', () => {
  it('a new wallet is empty with the default low-balance threshold', async () => {
    const wallet = await call('GET', '/api/v1/wallet', as(distributor));
    expect(wallet.status).toBe(200);
    expect(wallet.json).toEqual({
      balancePaise: 0,
      heldPaise: 0,
      availablePaise: 0,
      lowBalanceThresholdPaise: 50_000,
    });
  });

  it('balances, the statement with running balance, filters and strict cursors; holds are not lines', async () => {
    await topUp(brand, 200_000, 'topup:e2e-1');
    await topUp(brand, 50_000, 'topup:e2e-2');
    await inTransaction(testApp().container.database.pool, (tx) =>
      holdFunds(tx, {
        organizationId: brand.organizationId,
        amountPaise: 30_000,
        reference: 'shipment:e2e',
      }),
    );
    const wallet = await call('GET', '/api/v1/wallet', as(brand, 'viewer'));
    expect(wallet.json).toMatchObject({
      balancePaise: 250_000,
      heldPaise: 30_000,
      availablePaise: 220_000,
    });

    const page = await call('GET', '/api/v1/wallet/transactions?limit=1', as(brand, 'viewer'));
    expect(page.status).toBe(200);
    expect(page.json.items).toEqual([
      {
        id: expect.any(Number),
        type: 'topup',
        amountPaise: 50_000,
        balanceAfterPaise: 250_000,
        reference: 'topup:e2e-2',
        description: 'Wallet top-up',
        createdAt: expect.any(String),
      },
    ]);
    const next = await call(
      'GET',
      `/api/v1/wallet/transactions?limit=1&cursor=${page.json.nextCursor as string}`,
      as(brand),
    );
    expect(next.json.items[0]).toMatchObject({
      reference: 'topup:e2e-1',
      balanceAfterPaise: 200_000,
    });
    expect(next.json.nextCursor).toBeNull();

    for (const bad of ['abc', '0', '-1', '1.5', '99999999999999999999'])
      expect(
        (await call('GET', `/api/v1/wallet/transactions?cursor=${bad}`, as(brand))).status,
      ).toBe(400);
    const refunds = await call('GET', '/api/v1/wallet/transactions?type=refund', as(brand));
    expect(refunds.json.items).toEqual([]);
    const future = await call(
      'GET',
      `/api/v1/wallet/transactions?from=${encodeURIComponent('2099-01-01T00:00:00+05:30')}`,
      as(brand),
    );
    expect(future.json.items).toEqual([]);
  });

  it('another organization never sees this wallet: each reads only its own', async () => {
    const other = await call('GET', '/api/v1/wallet/transactions', as(distributor));
    expect(other.json.items).toEqual([]);
    expect((await call('GET', '/api/v1/wallet', as(distributor))).json.balancePaise).toBe(0);
  });

  it('the CSV export: credits and debits apart, rupees and paise, no cell starting with a formula character', async () => {
    const response = await fetch(`${testApp().url}/api/v1/wallet/transactions/export.csv`, {
      headers: { authorization: `Bearer ${as(brand).bearer}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'id,created_at,type,description,reference,credit_rupees,debit_rupees,balance_after_rupees,credit_paise,debit_paise,balance_after_paise',
    );
    expect(lines[1]).toMatch(
      /,Top-up,Wallet top-up,topup:e2e-1,2000\.00,,2000\.00,200000,,200000$/,
    );
    expect(lines).toHaveLength(3);
  });

  it('the low-balance threshold: owners set it (audited), viewers may not', async () => {
    const refused = await call('PUT', '/api/v1/wallet/low-balance-threshold', as(brand, 'viewer'), {
      lowBalanceThresholdPaise: 100_000,
    });
    expect(refused.status).toBe(403);
    const set = await call('PUT', '/api/v1/wallet/low-balance-threshold', as(brand), {
      lowBalanceThresholdPaise: 100_000,
    });
    expect(set.status).toBe(200);
    expect(set.json.lowBalanceThresholdPaise).toBe(100_000);
    const audit = await call('GET', '/api/v1/audit-log?action=wallet.threshold_changed', as(brand));
    expect(audit.json.items[0]).toMatchObject({
      actionLabel: 'Low-balance alert changed',
      after: { lowBalanceThresholdPaise: 100_000 },
    });
  });

  it('platform administrators adjust a wallet with a reason: on the statement, audited, idempotent; a debit beyond available is INSUFFICIENT_FUNDS', async () => {
    const body = {
      direction: 'credit',
      amountPaise: 12_345,
      reason: 'Goodwill for a delayed pickup',
    };
    const first = await adjust(brand, body, 'adj-1');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      balancePaise: 262_345,
      description: 'Manual credit by SpareFlow: Goodwill for a delayed pickup',
    });
    const replay = await adjust(brand, body, 'adj-1');
    expect(replay.status).toBe(201);
    expect(replay.replayed).toBe('true');
    expect(replay.json).toEqual(first.json);
    expect((await adjust(brand, { ...body, amountPaise: 1 }, 'adj-1')).status).toBe(409);

    const statement = await call(
      'GET',
      '/api/v1/wallet/transactions?type=manual_credit',
      as(brand),
    );
    expect(statement.json.items).toEqual([
      expect.objectContaining({
        type: 'manual_credit',
        amountPaise: 12_345,
        balanceAfterPaise: 262_345,
        description: 'Manual credit by SpareFlow: Goodwill for a delayed pickup',
      }),
    ]);
    const audit = await call('GET', '/api/v1/audit-log?action=wallet.credited_manually', as(brand));
    expect(audit.json.items[0]).toMatchObject({
      actionLabel: 'Wallet credited by SpareFlow',
      after: { amountPaise: 12_345, reason: 'Goodwill for a delayed pickup' },
    });

    const tooMuch = await adjust(brand, {
      direction: 'debit',
      amountPaise: 10_000_000,
      reason: 'Wrong',
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.json).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      availablePaise: 232_345,
      requiredPaise: 10_000_000,
    });
    expect((await adjust(brand, { direction: 'debit', amountPaise: 5, reason: '' })).status).toBe(
      400,
    );
    expect((await adjust(platform, body)).status).toBe(404);
  });

  it('tenants cannot adjust or read the platform ledger; administrators see accounts and no drift', async () => {
    const tenant = await call(
      'POST',
      `/api/v1/admin/wallets/${brand.organizationId}/adjustments`,
      as(brand),
      {
        direction: 'credit',
        amountPaise: 100,
        reason: 'Free money',
      },
    );
    expect(tenant.status).toBe(403);
    expect((await call('GET', '/api/v1/admin/ledger/accounts', as(brand))).status).toBe(403);
    const accounts = await call('GET', '/api/v1/admin/ledger/accounts', as(platform));
    expect(accounts.status).toBe(200);
    expect(accounts.json.reconciliation).toMatchObject({ drift: 0, ledgerTotalPaise: 0 });
    const byKind = Object.fromEntries(
      (accounts.json.accounts as Array<{ kind: string; balancePaise: number }>).map((a) => [
        a.kind,
        a.balancePaise,
      ]),
    );
    expect(byKind.wallet_held).toBe(30_000);
    expect(byKind.gateway_clearing).toBeGreaterThanOrEqual(250_000);
  });
});
