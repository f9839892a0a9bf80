import type { FastifyInstance } from 'fastify';
import type { SimulatorStore } from './simulator-store.js';
import type { PayControl } from './simulator-controls.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page's origin for `postMessage`: an http(s) origin or nothing (no `*`, ever). */
function openerOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sandbox's stand-in for Razorpay Checkout: a page the web app opens in a window, with
 * "Pay" and "Fail" buttons. Paying creates and captures a payment (and sends the webhooks) and
 * hands the Checkout triple back to the opener with `postMessage`, restricted to the app's
 * origin — exactly what Razorpay Checkout's success handler receives. It says SANDBOX in large
 * letters: no money moves.
 */
export function registerCheckoutPage(
  app: FastifyInstance,
  store: SimulatorStore,
  options: { keyId: string },
  pay: (orderId: string, control: PayControl) => Promise<unknown>,
): void {
  app.get('/checkout', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const orderId = typeof query.order_id === 'string' ? query.order_id : '';
    const order = /^order_[A-Za-z0-9]{14}$/.test(orderId) ? await store.order(orderId) : undefined;
    if (!order || query.key_id !== options.keyId)
      return reply.status(404).type('text/html').send('<p>Unknown order or key.</p>');
    const origin = openerOrigin(query.origin);
    const rupees = (Number(order.amount) / 100).toLocaleString('en-IN', {
      style: 'currency',
      currency: 'INR',
    });
    const config = JSON.stringify({ orderId, keyId: options.keyId, origin: origin ?? null });
    return reply.type('text/html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Sandbox checkout — ${escapeHtml(orderId)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}
.badge{background:#f59f00;color:#000;padding:.2rem .5rem;border-radius:.25rem;font-weight:700}
button{font-size:1rem;padding:.6rem 1rem;margin:.5rem .5rem 0 0}</style></head>
<body><p><span class="badge">SANDBOX</span> No money moves: this page stands in for Razorpay Checkout.</p>
<h1>Pay ${escapeHtml(rupees)}</h1><p>Order <code>${escapeHtml(orderId)}</code> · status ${escapeHtml(order.status)}</p>
<button id="pay" type="button">Pay ${escapeHtml(rupees)}</button>
<button id="fail" type="button">Fail the payment</button>
<p id="result" role="status"></p>
<script>
const cfg = ${config.replace(/</g, '\\u003c')};
async function go(action) {
  document.querySelectorAll('button').forEach((b) => (b.disabled = true));
  const res = await fetch('/checkout/' + cfg.orderId + '/' + action, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key_id: cfg.keyId }) });
  const data = await res.json();
  const message = action === 'pay'
    ? { type: 'razorpay.sandbox.success', razorpay_order_id: data.razorpay_order_id, razorpay_payment_id: data.razorpay_payment_id, razorpay_signature: data.razorpay_signature }
    : { type: 'razorpay.sandbox.failed', error: { code: data.payment && data.payment.error_code, description: data.payment && data.payment.error_description } };
  document.getElementById('result').textContent = action === 'pay' ? 'Payment captured. You can close this window.' : 'Payment failed. You can close this window.';
  if (window.opener && cfg.origin) { window.opener.postMessage(message, cfg.origin); setTimeout(() => window.close(), 300); }
}
document.getElementById('pay').onclick = () => go('pay');
document.getElementById('fail').onclick = () => go('fail');
</script></body></html>`);
  });

  for (const action of ['pay', 'fail'] as const)
    app.post(`/checkout/:orderId/${action}`, async (request, reply) => {
      const { key_id: keyId } = (request.body ?? {}) as { key_id?: unknown };
      if (keyId !== options.keyId) return reply.status(401).send({ error: 'unknown key' });
      const orderId = (request.params as { orderId: string }).orderId;
      const result = await pay(orderId, action === 'fail' ? { fail: {} } : {});
      return result ?? reply.status(404).send({ error: 'unknown order' });
    });
}
