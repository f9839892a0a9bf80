import type pg from 'pg';
import type { AppConfig } from '../../config/config.js';
import { readOrCreateSecret } from '../../platform/data-dir/secrets-file.js';
import type { Logger } from '../../platform/logging/logger.js';
import { CircuitBreaker } from '../../platform/outbound-http/circuit-breaker.js';
import { OutboundHttpClient } from '../../platform/outbound-http/outbound-http-client.js';
import type { OutboundHttpMetrics } from '../../platform/outbound-http/outbound-http-metrics.js';
import type { SandboxHost } from '../../platform/sandbox/sandbox-host.js';
import type { VendorSimulator } from '../../platform/sandbox/vendor-simulator.js';
import { DtdcAdapter, type DtdcTrackingAuth } from './dtdc/dtdc.adapter.js';
import { dtdcSimulator } from './dtdc-simulator/dtdc-simulator.js';

export interface DtdcSecrets {
  apiKey: string;
  customerCode: string;
  tracking: DtdcTrackingAuth;
  sandbox: boolean;
}

/** DTDC's public pincode lookup (plain HTTP, unauthenticated), when DTDC_PINCODE_URL is unset. */
const defaultPincodeUrl = 'http://smarttrack.ctbsplus.dtdc.com/ratecalapi/PincodeApiCall';

/**
 * DTDC's credentials: from the environment in live mode; in sandbox mode generated once into the
 * data folder (mode 0600, never committed or printed) and shared by the simulator and the adapter.
 */
export async function dtdcSecrets(config: AppConfig): Promise<DtdcSecrets> {
  const raw = config.raw;
  if (config.integrations.dtdc === 'live' && raw.DTDC_API_KEY_NEW && raw.DTDC_CUSTOMER_CODE) {
    const tracking: DtdcTrackingAuth = raw.DTDC_TRACKING_ACCESS_TOKEN
      ? { accessToken: raw.DTDC_TRACKING_ACCESS_TOKEN }
      : {
          username: raw.DTDC_TRACKING_USERNAME ?? '',
          password: raw.DTDC_TRACKING_PASSWORD ?? '',
        };
    return {
      apiKey: raw.DTDC_API_KEY_NEW,
      customerCode: raw.DTDC_CUSTOMER_CODE,
      tracking,
      sandbox: false,
    };
  }
  return {
    apiKey: await readOrCreateSecret(config.dataDir, 'dtdc-sandbox-api-key', 24),
    customerCode: 'GLSANDBOX',
    tracking: {
      username: 'sandbox',
      password: await readOrCreateSecret(config.dataDir, 'dtdc-sandbox-tracking-password', 24),
    },
    sandbox: true,
  };
}

/** The sandbox simulator, when DTDC runs in sandbox mode. */
export function dtdcSandboxSimulators(
  secrets: DtdcSecrets,
  pool: pg.Pool,
  logger: Logger,
): VendorSimulator[] {
  if (!secrets.sandbox || !('username' in secrets.tracking)) return [];
  return [
    dtdcSimulator({
      pool,
      apiKey: secrets.apiKey,
      customerCode: secrets.customerCode,
      trackingUsername: secrets.tracking.username,
      trackingPassword: secrets.tracking.password,
      logger: logger.child({ sandbox: 'dtdc' }),
    }),
  ];
}

/**
 * The DTDC adapter on the outbound client. Live: softdata on `DTDC_API_BASE_URL` then
 * `DTDC_API_FALLBACK_URLS`; label and cancel on `DTDC_LABEL_BASE_URL` (else the same list);
 * tracking on `DTDC_TRACKING_BASE_URL`; pincode on `DTDC_PINCODE_URL`. Sandbox: every one of
 * them on the simulator, on loopback. Softdata may take long for 20 consignments: 30 s.
 */
export function dtdcCarrier(
  config: AppConfig,
  secrets: DtdcSecrets,
  sandbox: SandboxHost,
  metrics: OutboundHttpMetrics,
  logger: Logger,
) {
  const raw = config.raw;
  const simulator = secrets.sandbox ? sandbox.baseUrl('dtdc') : undefined;
  const client = (baseUrl: string, timeoutMs = 15_000) =>
    new OutboundHttpClient({
      vendor: 'dtdc',
      baseUrl,
      allowLoopback: secrets.sandbox,
      connectTimeoutMs: 5_000,
      timeoutMs,
      metrics,
      logger,
    });
  const apiUrls = simulator ? [simulator] : [raw.DTDC_API_BASE_URL, ...raw.DTDC_API_FALLBACK_URLS];
  const labelUrls = simulator
    ? [simulator]
    : raw.DTDC_LABEL_BASE_URL
      ? [raw.DTDC_LABEL_BASE_URL, ...raw.DTDC_API_FALLBACK_URLS]
      : apiUrls;
  const pincode = new URL(
    simulator
      ? `${simulator}/ratecalapi/PincodeApiCall`
      : (raw.DTDC_PINCODE_URL ?? defaultPincodeUrl),
  );
  const clients = {
    api: apiUrls.map((url) => client(url, 30_000)),
    label: labelUrls.map((url) => client(url)),
    tracking: client(simulator ? `${simulator}/dtdc-api` : raw.DTDC_TRACKING_BASE_URL),
    pincode: client(pincode.origin),
  };
  const carrier = new DtdcAdapter({
    api: clients.api,
    label: clients.label,
    tracking: clients.tracking,
    pincode: { client: clients.pincode, path: pincode.pathname },
    apiKey: secrets.apiKey,
    account: {
      customerCode: secrets.customerCode,
      serviceType: raw.DTDC_SERVICE_TYPE ?? 'B2C PRIORITY',
      commodityId: raw.DTDC_COMMODITY_ID ?? '99',
    },
    trackingAuth: secrets.tracking,
    breaker: new CircuitBreaker(),
  });
  const all = [...clients.api, ...clients.label, clients.tracking, clients.pincode];
  return {
    carrier,
    /** Where each kind of call goes, in fail-over order (for logs and the doctor). */
    urls: {
      api: apiUrls,
      label: labelUrls,
      tracking: simulator ? `${simulator}/dtdc-api` : raw.DTDC_TRACKING_BASE_URL,
      pincode: pincode.href,
    },
    /** Closes every outbound client (at shutdown). */
    close: async () => {
      await Promise.all([...new Set(all)].map((c) => c.close()));
    },
  };
}
