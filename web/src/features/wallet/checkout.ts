import type { CreatedTopup } from '../payments/payments.queries';

/** What Razorpay Checkout's success handler receives (and what the sandbox page posts back). */
export interface CheckoutSuccess {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

export type CheckoutResult =
  | { outcome: 'paid'; payment: CheckoutSuccess }
  | { outcome: 'failed'; description: string }
  | { outcome: 'dismissed' };

/**
 * Sandbox: the simulator's checkout page in a window of its own; it posts the Checkout triple
 * back to this origin with `postMessage`. Only messages from the page's own origin count.
 */
export function sandboxCheckout(
  topup: CreatedTopup,
  host: Window = window,
): Promise<CheckoutResult> {
  const url = `${topup.checkoutUrl ?? ''}&origin=${encodeURIComponent(host.location.origin)}`;
  const pageOrigin = new URL(url).origin;
  const popup = host.open(url, 'spareflow-sandbox-checkout', 'popup,width=480,height=640');
  return new Promise((resolve) => {
    const timer = host.setInterval(() => {
      if (popup?.closed) finish({ outcome: 'dismissed' });
    }, 500);
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== pageOrigin) return;
      const data = event.data as {
        type?: string;
        error?: { description?: string };
      } & Partial<CheckoutSuccess>;
      if (
        data.type === 'razorpay.sandbox.success' &&
        data.razorpay_payment_id &&
        data.razorpay_signature &&
        data.razorpay_order_id
      )
        finish({
          outcome: 'paid',
          payment: {
            razorpay_order_id: data.razorpay_order_id,
            razorpay_payment_id: data.razorpay_payment_id,
            razorpay_signature: data.razorpay_signature,
          },
        });
      else if (data.type === 'razorpay.sandbox.failed')
        finish({
          outcome: 'failed',
          description: data.error?.description ?? 'The payment failed.',
        });
    };
    function finish(result: CheckoutResult) {
      host.clearInterval(timer);
      host.removeEventListener('message', onMessage);
      resolve(result);
    }
    host.addEventListener('message', onMessage);
  });
}

interface RazorpayCheckoutInstance {
  open(): void;
  on(
    event: 'payment.failed',
    handler: (response: { error: { description: string } }) => void,
  ): void;
}
type RazorpayConstructor = new (options: Record<string, unknown>) => RazorpayCheckoutInstance;

const checkoutScript = 'https://checkout.razorpay.com/v1/checkout.js';

function loadCheckoutScript(): Promise<RazorpayConstructor> {
  const existing = (window as unknown as { Razorpay?: RazorpayConstructor }).Razorpay;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = checkoutScript;
    script.async = true;
    script.onload = () => {
      const loaded = (window as unknown as { Razorpay?: RazorpayConstructor }).Razorpay;
      if (loaded) resolve(loaded);
      else reject(new Error('Razorpay Checkout did not load'));
    };
    script.onerror = () => reject(new Error('Razorpay Checkout could not be loaded'));
    document.head.appendChild(script);
  });
}

/** Live: Razorpay Checkout (its script and frame are allowed by the CSP only in live mode). */
export async function razorpayCheckout(topup: CreatedTopup, name: string): Promise<CheckoutResult> {
  const Razorpay = await loadCheckoutScript();
  return new Promise((resolve) => {
    const checkout = new Razorpay({
      key: topup.keyId,
      order_id: topup.razorpayOrderId,
      amount: topup.amountPaise,
      currency: topup.currency,
      name: 'SpareFlow',
      description: `Wallet top-up for ${name}`,
      handler: (payment: CheckoutSuccess) => resolve({ outcome: 'paid', payment }),
      modal: { ondismiss: () => resolve({ outcome: 'dismissed' }) },
    });
    checkout.on('payment.failed', (response) =>
      resolve({ outcome: 'failed', description: response.error.description }),
    );
    checkout.open();
  });
}
