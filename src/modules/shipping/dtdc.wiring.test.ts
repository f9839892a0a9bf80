import client from 'prom-client';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../platform/logging/logger.js';
import { OutboundHttpMetrics } from '../../platform/outbound-http/outbound-http-metrics.js';
import { SandboxHost } from '../../platform/sandbox/sandbox-host.js';
import { dtdcCarrier, dtdcSandboxSimulators, dtdcSecrets } from './dtdc.wiring.js';

const logger = createLogger({ level: 'silent' });
const live = {
  DTDC_API_KEY_NEW: 'dtdc-key',
  DTDC_CUSTOMER_CODE: 'GL1234',
  DTDC_TRACKING_USERNAME: 'spareflow',
  DTDC_TRACKING_PASSWORD: 'pw',
  DTDC_TRACKING_ACCESS_TOKEN: 'trk-token',
  DTDC_API_FALLBACK_URLS: 'https://alphademodashboardapi.shipsy.io,https://app.shipsy.in',
};

describe('DTDC wiring in live mode', () => {
  it('prefers the configured access token and starts no simulator', async () => {
    const secrets = await dtdcSecrets(loadConfig(live));
    expect(secrets).toEqual({
      apiKey: 'dtdc-key',
      customerCode: 'GL1234',
      tracking: { accessToken: 'trk-token' },
      sandbox: false,
    });
    expect(dtdcSandboxSimulators(secrets, undefined as never, logger)).toEqual([]);
  });

  it('label and cancel use the API list unless DTDC_LABEL_BASE_URL is set; fallbacks follow', async () => {
    const host = await SandboxHost.start([], logger);
    const metrics = new OutboundHttpMetrics(new client.Registry());
    try {
      const config = loadConfig(live);
      const plain = dtdcCarrier(config, await dtdcSecrets(config), host, metrics, logger);
      expect(plain.urls).toEqual({
        api: [
          'https://dtdcapi.shipsy.io',
          'https://alphademodashboardapi.shipsy.io',
          'https://app.shipsy.in',
        ],
        label: [
          'https://dtdcapi.shipsy.io',
          'https://alphademodashboardapi.shipsy.io',
          'https://app.shipsy.in',
        ],
        tracking: 'https://blktracksvc.dtdc.com/dtdc-api',
        pincode: 'http://smarttrack.ctbsplus.dtdc.com/ratecalapi/PincodeApiCall',
      });
      await plain.close();
      const labelled = loadConfig({ ...live, DTDC_LABEL_BASE_URL: 'https://pxapi.dtdc.in' });
      const split = dtdcCarrier(labelled, await dtdcSecrets(labelled), host, metrics, logger);
      expect(split.urls.label[0]).toBe('https://pxapi.dtdc.in');
      expect(split.urls.api[0]).toBe('https://dtdcapi.shipsy.io');
      expect(split.carrier.carrier).toBe('dtdc');
      await split.close();
    } finally {
      await host.stop();
    }
  });
});
