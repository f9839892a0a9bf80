import type pg from 'pg';
import type { AppConfig } from '../../config/config.js';
import { readOrCreateSecret } from '../../platform/data-dir/secrets-file.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { OutboundHttpMetrics } from '../../platform/outbound-http/outbound-http-metrics.js';
import { OutboundHttpClient } from '../../platform/outbound-http/outbound-http-client.js';
import type { VendorSimulator } from '../../platform/sandbox/vendor-simulator.js';
import type { SandboxHost } from '../../platform/sandbox/sandbox-host.js';
import { RazorpayAdapter } from './razorpay.adapter.js';
import { razorpaySimulator } from './razorpay-simulator/razorpay-simulator.js';

export interface RazorpaySecrets {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  sandbox: boolean;
}

/**
 * Razorpay's credentials: from the environment in live mode; in sandbox mode generated once into
 * the data folder (like the JWT secret, mode 0600, never committed or printed) and shared by the
 * simulator and the adapter.
 */
export async function razorpaySecrets(config: AppConfig): Promise<RazorpaySecrets> {
  const raw = config.raw;
  if (
    config.integrations.razorpay === 'live' &&
    raw.RAZORPAY_KEY_ID &&
    raw.RAZORPAY_KEY_SECRET &&
    raw.RAZORPAY_WEBHOOK_SECRET
  )
    return {
      keyId: raw.RAZORPAY_KEY_ID,
      keySecret: raw.RAZORPAY_KEY_SECRET,
      webhookSecret: raw.RAZORPAY_WEBHOOK_SECRET,
      sandbox: false,
    };
  const keyTail = (await readOrCreateSecret(config.dataDir, 'razorpay-sandbox-key-id', 12))
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 14)
    .padEnd(14, '0');
  return {
    keyId: `rzp_test_${keyTail}`,
    keySecret: await readOrCreateSecret(config.dataDir, 'razorpay-sandbox-key-secret', 24),
    webhookSecret: await readOrCreateSecret(config.dataDir, 'razorpay-sandbox-webhook-secret', 24),
    sandbox: true,
  };
}

/** The sandbox simulator, when Razorpay runs in sandbox mode. */
export function razorpaySandboxSimulators(
  secrets: RazorpaySecrets,
  pool: pg.Pool,
  logger: Logger,
): VendorSimulator[] {
  if (!secrets.sandbox) return [];
  return [razorpaySimulator({ pool, ...secrets, logger: logger.child({ sandbox: 'razorpay' }) })];
}

/**
 * The Razorpay adapter on the outbound client: api.razorpay.com (or `RAZORPAY_API_BASE_URL`) in
 * live mode; the simulator on loopback — the only case the SSRF guard admits loopback — in
 * sandbox mode.
 */
export function razorpayGateway(
  config: AppConfig,
  secrets: RazorpaySecrets,
  sandbox: SandboxHost,
  metrics: OutboundHttpMetrics,
  logger: Logger,
) {
  const baseUrl = secrets.sandbox ? sandbox.baseUrl('razorpay') : config.raw.RAZORPAY_API_BASE_URL;
  const http = new OutboundHttpClient({
    vendor: 'razorpay',
    baseUrl,
    allowLoopback: secrets.sandbox,
    connectTimeoutMs: 5_000,
    timeoutMs: 15_000,
    metrics,
    logger,
  });
  return {
    http,
    gateway: new RazorpayAdapter(http, secrets),
    checkoutUrl: secrets.sandbox ? `${baseUrl}/checkout` : undefined,
  };
}
