import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The problems of the `ConfigError` thrown for `env`; fails the test if loading succeeds. */
function problemsFor(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    for (const problem of configError.problems) expect(configError.message).toContain(problem);
    return configError.problems;
  }
  throw new Error(`expected loadConfig to reject ${JSON.stringify(env)}`);
}

const fullDtdc = {
  DTDC_API_KEY_NEW: 'dtdc-key',
  DTDC_CUSTOMER_CODE: 'GL1234',
  DTDC_TRACKING_USERNAME: 'spareflow',
  DTDC_TRACKING_ACCESS_TOKEN: 'trk-token',
};

describe('loadConfig defaults', () => {
  const config = loadConfig({});

  it('listens on port 3000 with the embedded data folder resolved to an absolute path', () => {
    expect(config.http.port).toBe(3000);
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.env).toBe('development');
    expect(config.isProduction).toBe(false);
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir).toBe(path.resolve('./.spareflow'));
    expect(config.database.url).toBeUndefined();
    expect(config.jwtSecret).toBeUndefined();
  });

  it('runs every integration in sandbox mode', () => {
    expect(config.integrations).toEqual({
      dtdc: 'sandbox',
      razorpay: 'sandbox',
      email: 'sandbox',
      whatsapp: 'sandbox',
      openai: 'sandbox',
    });
  });

  it('points vendors at their public base URLs', () => {
    expect(config.raw.DTDC_API_BASE_URL).toBe('https://dtdcapi.shipsy.io');
    expect(config.raw.DTDC_TRACKING_BASE_URL).toBe('https://blktracksvc.dtdc.com/dtdc-api');
    expect(config.raw.DTDC_API_FALLBACK_URLS).toEqual([]);
    expect(config.raw.RAZORPAY_API_BASE_URL).toBe('https://api.razorpay.com');
    expect(config.raw.WHATSAPP_API_BASE_URL).toBe('https://graph.facebook.com/v21.0');
  });

  it('treats empty and blank values as unset', () => {
    const blank = loadConfig({ PORT: ' ', NODE_ENV: '', LOG_LEVEL: '', DTDC_API_BASE_URL: '' });
    expect(blank.http.port).toBe(3000);
    expect(blank.env).toBe('development');
    expect(blank.logLevel).toBe('info');
    expect(blank.raw.DTDC_API_BASE_URL).toBe('https://dtdcapi.shipsy.io');
  });

  it('returns a deeply frozen object', () => {
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
    expect(Object.isFrozen(config.http.corsOrigins)).toBe(true);
    expect(Object.isFrozen(config.integrations)).toBe(true);
    expect(Object.isFrozen(config.raw)).toBe(true);
    expect(() => {
      (config.http as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.http.port).toBe(3000);
  });
});

describe('loadConfig values', () => {
  it('reads APP_URL, falling back to its alias NEXT_PUBLIC_APP_URL', () => {
    expect(loadConfig({}).http.appUrl).toBeUndefined();
    expect(loadConfig({ NEXT_PUBLIC_APP_URL: 'https://next.example' }).http.appUrl).toBe(
      'https://next.example',
    );
    const both = { APP_URL: 'https://app.example', NEXT_PUBLIC_APP_URL: 'https://next.example' };
    expect(loadConfig(both).http.appUrl).toBe('https://app.example');
  });

  it('parses lists, flags and numbers', () => {
    const config = loadConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example, https://b.example,',
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
      DTDC_API_FALLBACK_URLS: 'https://f1.example,https://f2.example',
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.http.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(config.raw.DTDC_API_FALLBACK_URLS).toEqual(['https://f1.example', 'https://f2.example']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0x10'],
    ['PORT', '1e3'],
    ['DATABASE_URL', 'mysql://user:pass@localhost/spareflow'],
    ['JWT_SECRET', 'too-short'],
    ['SUPPORT_EMAIL', 'support-at-spareflow'],
    ['EMAIL_SECURE', 'maybe'],
    ['LOG_LEVEL', 'verbose'],
    ['APP_URL', 'localhost:3000'],
    ['APP_URL', 'javascript:alert(1)'],
    ['DTDC_API_FALLBACK_URLS', 'https://f1.example,not a url'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    const problems = problemsFor({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}\\b`));
  });
});

describe('loadConfig live-mode companions', () => {
  it('lists every DTDC companion missing when only DTDC_API_KEY_NEW is set', () => {
    const problems = problemsFor({ DTDC_API_KEY_NEW: 'dtdc-key' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DTDC_CUSTOMER_CODE: required because DTDC_API_KEY_NEW is set/);
    expect(problems[1]).toMatch(/^DTDC_TRACKING_USERNAME: required/);
    expect(problems[2]).toMatch(/^DTDC_TRACKING_PASSWORD or DTDC_TRACKING_ACCESS_TOKEN: one is/);
  });

  it('switches a fully configured DTDC to live and leaves the others in sandbox', () => {
    const config = loadConfig(fullDtdc);
    expect(config.integrations.dtdc).toBe('live');
    expect(config.integrations.razorpay).toBe('sandbox');
    const withPassword = { ...fullDtdc, DTDC_TRACKING_ACCESS_TOKEN: '' };
    expect(problemsFor(withPassword)[0]).toMatch(/^DTDC_TRACKING_PASSWORD or/);
    const passwordInstead = { ...withPassword, DTDC_TRACKING_PASSWORD: 'pw' };
    expect(loadConfig(passwordInstead).integrations.dtdc).toBe('live');
  });

  it.each([
    ['razorpay', 'RAZORPAY_KEY_ID', ['RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET']],
    [
      'whatsapp',
      'WHATSAPP_ACCESS_TOKEN',
      ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'],
    ],
    ['email', 'EMAIL_HOST', ['EMAIL_FROM']],
  ] as const)('requires the companions of %s (%s)', (integration, switchVariable, companions) => {
    const problems = problemsFor({ [switchVariable]: 'value' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(companions);
    const complete = Object.fromEntries(
      [switchVariable, ...companions].map((name) => [name, 'value']),
    );
    expect(loadConfig(complete).integrations[integration]).toBe('live');
  });

  it('turns OpenAI live with its key alone', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test' }).integrations.openai).toBe('live');
  });
});

describe('loadConfig production and aggregation', () => {
  it('requires JWT_SECRET and APP_URL in production', () => {
    expect(problemsFor({ NODE_ENV: 'production', ALLOW_SANDBOX_IN_PRODUCTION: 'true' })).toEqual([
      'JWT_SECRET: required when NODE_ENV=production',
      'APP_URL: required when NODE_ENV=production (the origin used in e-mailed links)',
    ]);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      APP_URL: 'https://spareflow.example',
      ALLOW_SANDBOX_IN_PRODUCTION: 'true',
    });
    expect(config.isProduction).toBe(true);
    expect(config.jwtSecret).toBe('x'.repeat(32));
  });

  it('reports malformed values and missing companions in one error', () => {
    const problems = problemsFor({
      PORT: 'abc',
      EMAIL_SECURE: 'maybe',
      NODE_ENV: 'production',
      RAZORPAY_KEY_ID: 'rzp_test',
      RAZORPAY_KEY_SECRET: 'secret',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'ALLOW_SANDBOX_IN_PRODUCTION',
      'APP_URL',
      'EMAIL_SECURE',
      'INVOICE_SUPPLIER_NAME, INVOICE_SUPPLIER_GSTIN, INVOICE_SUPPLIER_STATE, INVOICE_SUPPLIER_ADDRESS',
      'JWT_SECRET',
      'PORT',
      'RAZORPAY_WEBHOOK_SECRET',
    ]);
  });
});

/** Every integration live, with its companions: what a real production deployment sets. */
const allLive = {
  ...fullDtdc,
  RAZORPAY_KEY_ID: 'rzp_live_1',
  RAZORPAY_KEY_SECRET: 'secret',
  RAZORPAY_WEBHOOK_SECRET: 'hook-secret',
  EMAIL_HOST: 'smtp.example.in',
  EMAIL_FROM: 'SpareFlow <no-reply@example.in>',
  WHATSAPP_ACCESS_TOKEN: 'wa-token',
  WHATSAPP_PHONE_NUMBER_ID: '1234',
  WHATSAPP_APP_SECRET: 'wa-secret',
  WHATSAPP_VERIFY_TOKEN: 'wa-verify',
  OPENAI_API_KEY: 'sk-live',
  INVOICE_SUPPLIER_NAME: 'SpareFlow Logistics Private Limited',
  INVOICE_SUPPLIER_GSTIN: '29AABCT3518Q1ZS',
  INVOICE_SUPPLIER_STATE: 'Karnataka',
  INVOICE_SUPPLIER_ADDRESS: '1 MG Road, Bengaluru 560001',
};
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(32),
  APP_URL: 'https://spareflow.example',
};

describe('loadConfig sandbox integrations in production', () => {
  it('refuses production with e-mail (or any integration) in sandbox mode, naming each one', () => {
    const problems = problemsFor(production);
    expect(problems).toHaveLength(2);
    const [problem, supplierProblem] = problems;
    expect(supplierProblem).toMatch(
      /^INVOICE_SUPPLIER_NAME, .*: required when NODE_ENV=production/,
    );
    expect(problem).toMatch(/^ALLOW_SANDBOX_IN_PRODUCTION: NODE_ENV=production/);
    for (const name of [
      'DTDC (DTDC_API_KEY_NEW is unset)',
      'Razorpay (RAZORPAY_KEY_ID is unset)',
      'SMTP e-mail (EMAIL_HOST is unset)',
      'WhatsApp (WHATSAPP_ACCESS_TOKEN is unset)',
      'OpenAI (OPENAI_API_KEY is unset)',
    ])
      expect(problem).toContain(name);
    expect(problem).toContain('set ALLOW_SANDBOX_IN_PRODUCTION=true');
  });

  it('names only the integrations still in sandbox mode', () => {
    const withoutEmail = { ...production, ...allLive, EMAIL_HOST: '', EMAIL_FROM: '' };
    const [problem] = problemsFor(withoutEmail);
    expect(problem).toContain('SMTP e-mail (EMAIL_HOST is unset)');
    expect(problem).not.toMatch(/DTDC|Razorpay|WhatsApp|OpenAI/);
  });

  it('starts production with every integration live', () => {
    const config = loadConfig({ ...production, ...allLive });
    expect(Object.values(config.integrations)).toEqual(Array(5).fill('live'));
  });

  it('starts production in sandbox mode only when ALLOW_SANDBOX_IN_PRODUCTION is true', () => {
    const config = loadConfig({ ...production, ALLOW_SANDBOX_IN_PRODUCTION: 'true' });
    expect(config.isProduction).toBe(true);
    expect(config.integrations.email).toBe('sandbox');
    expect(problemsFor({ ...production, ALLOW_SANDBOX_IN_PRODUCTION: 'false' })[0]).toMatch(
      /^ALLOW_SANDBOX_IN_PRODUCTION: NODE_ENV=production/,
    );
    expect(problemsFor({ ALLOW_SANDBOX_IN_PRODUCTION: 'maybe' })).toEqual([
      'ALLOW_SANDBOX_IN_PRODUCTION: must be true or false',
    ]);
  });

  it('leaves development and test free to simulate every integration', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).integrations.email).toBe('sandbox');
    expect(loadConfig({ NODE_ENV: 'development' }).integrations.dtdc).toBe('sandbox');
  });
});

describe('loadConfig TRUST_PROXY', () => {
  it('trusts no proxy by default, or for false and 0', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).http.trustProxy).toBe(false);
  });

  it('takes a list of proxy addresses, CIDRs and named ranges', () => {
    const config = loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8, loopback' });
    expect(config.http.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'loopback']);
  });

  it.each(['true', 'yes', 'on'])('refuses %s: it would trust any X-Forwarded-For', (value) => {
    const [problem] = problemsFor({ TRUST_PROXY: value });
    expect(problem).toMatch(/^TRUST_PROXY: `true` would trust any X-Forwarded-For/);
    expect(problem).toContain('10.0.0.0/8');
  });

  it.each([
    ['1', /^TRUST_PROXY: a hop count trusts whatever connects directly/],
    ['10.0.0.0/33', /^TRUST_PROXY: not an address or CIDR: 10\.0\.0\.0\/33/],
    ['127.0.0.1,proxy.internal', /^TRUST_PROXY: not an address or CIDR: proxy\.internal/],
  ])('refuses %s naming the problem', (value, pattern) => {
    expect(problemsFor({ TRUST_PROXY: value })).toEqual([expect.stringMatching(pattern)]);
  });
});

describe('loadConfig METRICS_TOKEN and tracking interval', () => {
  it('keeps /metrics open outside production and removes it in production without a token', () => {
    expect(loadConfig({}).metrics).toEqual({ access: 'open' });
    expect(loadConfig({ ...production, ALLOW_SANDBOX_IN_PRODUCTION: 'true' }).metrics).toEqual({
      access: 'absent',
    });
  });

  it('requires the bearer token wherever METRICS_TOKEN is set (at least 32 characters)', () => {
    const token = 'm'.repeat(32);
    expect(loadConfig({ METRICS_TOKEN: token }).metrics).toEqual({ access: 'token', token });
    const inProduction = {
      ...production,
      ALLOW_SANDBOX_IN_PRODUCTION: 'true',
      METRICS_TOKEN: token,
    };
    expect(loadConfig(inProduction).metrics).toEqual({ access: 'token', token });
    expect(problemsFor({ METRICS_TOKEN: 'short' })).toEqual([
      'METRICS_TOKEN: must be at least 32 characters long',
    ]);
  });

  it('accepts TRACKING_POLL_INTERVAL_SECONDS down to 5, default 900', () => {
    expect(loadConfig({}).trackingPollIntervalSeconds).toBe(900);
    expect(loadConfig({ TRACKING_POLL_INTERVAL_SECONDS: '5' }).trackingPollIntervalSeconds).toBe(5);
    expect(problemsFor({ TRACKING_POLL_INTERVAL_SECONDS: '4' })).toEqual([
      'TRACKING_POLL_INTERVAL_SECONDS: must be an integer between 5 and 86400',
    ]);
  });
});

describe('loadConfig invoice supplier', () => {
  const supplier = {
    INVOICE_SUPPLIER_NAME: 'SpareFlow Logistics Private Limited',
    INVOICE_SUPPLIER_GSTIN: '29AABCT3518Q1ZS',
    INVOICE_SUPPLIER_STATE: 'Karnataka',
    INVOICE_SUPPLIER_ADDRESS: '1 MG Road, Bengaluru 560001',
  };

  it('reads the four variables, or none (the sandbox supplier)', () => {
    expect(loadConfig({ NODE_ENV: 'test', ...supplier }).invoiceSupplier).toEqual({
      name: 'SpareFlow Logistics Private Limited',
      gstin: '29AABCT3518Q1ZS',
      state: 'Karnataka',
      address: '1 MG Road, Bengaluru 560001',
    });
    expect(loadConfig({ NODE_ENV: 'test' }).invoiceSupplier).toBeUndefined();
  });

  it('refuses a half-set supplier, naming what is missing', () => {
    expect(problemsFor({ NODE_ENV: 'test', ...supplier, INVOICE_SUPPLIER_ADDRESS: ' ' })).toEqual([
      'INVOICE_SUPPLIER_ADDRESS: required because other INVOICE_SUPPLIER_* variables are set (the supplier on tax invoices)',
    ]);
  });

  it('requires the supplier in production unless sandbox is allowed there', () => {
    const live = { ...production, ...allLive };
    expect(
      problemsFor({
        ...live,
        INVOICE_SUPPLIER_NAME: '',
        INVOICE_SUPPLIER_GSTIN: '',
        INVOICE_SUPPLIER_STATE: '',
        INVOICE_SUPPLIER_ADDRESS: '',
      }),
    ).toEqual([
      'INVOICE_SUPPLIER_NAME, INVOICE_SUPPLIER_GSTIN, INVOICE_SUPPLIER_STATE, INVOICE_SUPPLIER_ADDRESS: required when NODE_ENV=production (the supplier on tax invoices; unset, invoices would carry sandbox details)',
    ]);
    const staging = loadConfig({ ...production, ALLOW_SANDBOX_IN_PRODUCTION: 'true' });
    expect(staging.invoiceSupplier).toBeUndefined();
  });
});
