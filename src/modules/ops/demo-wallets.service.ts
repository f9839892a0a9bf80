import type { OrganizationType, MemberRole } from '../../platform/access/organization-roles.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { Caller } from '../../platform/http/caller.js';
import type { IdentityDeps } from '../identity/index.js';
import { createTopup, requestRefund, verifyTopup, type PaymentsDeps } from '../payments/index.js';
import { ensureDemoNetwork } from './demo-network.service.js';
import { demoOrganizations } from './demo-organizations.js';

/** One top-up of the demo world: who pays how many rupees, and what part of it is refunded. */
interface DemoTopup {
  organization: string;
  owner: string;
  rupees: number;
  refund?: { rupees: number; reason: string };
}

const email = (local: string) => `${local}@demo.spareflow.in`;

/**
 * The demo wallets: the brand funds shipping to its network in large top-ups, the distributor in
 * medium ones, the service centres in small ones; one service centre paid twice by mistake and
 * had the second payment refunded by SpareFlow; Pink City tops up little and sits near its
 * low-balance alert. The customer has not topped up.
 */
const demoTopups: readonly DemoTopup[] = [
  { organization: 'brand', owner: email('brand'), rupees: 1_00_000 },
  { organization: 'brand', owner: email('brand'), rupees: 50_000 },
  { organization: 'distributor', owner: email('distributor'), rupees: 25_000 },
  { organization: 'distributor', owner: email('distributor'), rupees: 10_000 },
  { organization: 'service-pune', owner: email('service'), rupees: 5_000 },
  { organization: 'service-chennai', owner: email('service.chennai'), rupees: 3_000 },
  {
    organization: 'service-chennai',
    owner: email('service.chennai'),
    rupees: 3_000,
    refund: { rupees: 3_000, reason: 'Paid twice by mistake: the second top-up returned.' },
  },
  { organization: 'service-jaipur', owner: email('service.jaipur'), rupees: 600 },
];

export interface DemoWalletDeps {
  identity: IdentityDeps;
  payments: PaymentsDeps;
  /** The Razorpay simulator's base URL: the demo customer "pays" on its control route. */
  simulatorUrl: string;
  password: string;
}

/**
 * Funds the demo wallets the way people do: each top-up creates a Razorpay order (the sandbox
 * simulator), is paid on the simulator, and is verified with the checkout signature — the same
 * services the web app's Top up uses, so every rupee on a demo statement is a (simulated) payment
 * with its receipt voucher. A platform administrator refunds one; the refund job settles it with
 * the simulator. Runs once, after the demo world's first seed; sandbox only (the caller checks).
 * Idempotency keys make a rerun of an interrupted seed reuse its top-ups.
 */
export async function seedDemoWallets(
  deps: DemoWalletDeps,
): Promise<{ topups: number; refunds: number }> {
  if (!deps.payments.sandbox) throw new Error('demo wallets are funded on the sandbox only');
  const network = await inTransaction(deps.identity.pool, (tx) =>
    ensureDemoNetwork(deps.identity, tx, deps.password),
  );
  const admin = network.users.get(email('admin'));
  const platform = demoOrganizations.find((organization) => organization.type === 'platform');
  let refunds = 0;
  for (const [index, topup] of demoTopups.entries()) {
    const organizationId = network.organizations.get(topup.organization);
    const userId = network.users.get(topup.owner);
    const spec = demoOrganizations.find((organization) => organization.key === topup.organization);
    if (!organizationId || !userId || !spec)
      throw new Error(`the demo organization ${topup.organization} comes first`);
    const caller = ownerCaller(userId, organizationId, spec.type, 'owner');
    const created = await createTopup(
      deps.payments,
      caller,
      { amountPaise: topup.rupees * 100 },
      `demo-world-topup-${index}`,
    );
    const paid = await payOnSimulator(deps, created.value.razorpayOrderId);
    await verifyTopup(deps.payments, caller, created.value.topupId, {
      razorpayPaymentId: paid.razorpay_payment_id,
      razorpaySignature: paid.razorpay_signature,
    });
    if (topup.refund && admin && platform) {
      await requestRefund(
        deps.payments,
        created.value.topupId,
        { amountPaise: topup.refund.rupees * 100, reason: topup.refund.reason },
        { actor: { userId: admin }, requestId: 'demo-world', ip: null },
      );
      refunds += 1;
    }
  }
  return { topups: demoTopups.length, refunds };
}

function ownerCaller(
  userId: string,
  organizationId: string,
  organizationType: OrganizationType,
  role: MemberRole,
): Caller {
  return { kind: 'user', userId, organizationId, organizationType, role };
}

interface CheckoutTriple {
  razorpay_payment_id: string;
  razorpay_signature: string;
}

/**
 * The simulator's "customer pays" control (Basic auth with the sandbox key, like its API):
 * captured at once, webhooks left out — the checkout's verification credits the wallet.
 */
async function payOnSimulator(deps: DemoWalletDeps, orderId: string): Promise<CheckoutTriple> {
  const { gateway, keySecret } = deps.payments;
  const basic = Buffer.from(`${gateway.keyId}:${keySecret}`).toString('base64');
  const url = `${deps.simulatorUrl}/_sandbox/orders/${encodeURIComponent(orderId)}/pay`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${basic}` },
    body: JSON.stringify({ webhooks: false }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok)
    throw new Error(`the Razorpay simulator refused to pay ${orderId}: ${response.status}`);
  return (await response.json()) as CheckoutTriple;
}
