import { seedDemoWallets } from '../modules/ops/index.js';
import type { Container } from './container.js';

/**
 * After the demo world's first seed: its wallets funded through simulated Razorpay payments
 * (`seedDemoWallets`). Sandbox only — with live Razorpay keys nothing is paid for show.
 */
export async function fundDemoWallets(container: Container, password: string): Promise<void> {
  if (!container.payments.sandbox) return;
  const funded = await seedDemoWallets({
    identity: container.identity,
    payments: container.payments,
    simulatorUrl: container.sandbox.baseUrl('razorpay'),
    password,
  });
  container.logger.info(funded, 'demo wallets funded');
}
