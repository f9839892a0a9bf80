import { z } from 'zod';

/**
 * The environment variables SpareFlow reads, validated in one place.
 * Every variable of the public contract (`api-v1.md` § Configuration) is here, plus the
 * operational knobs of the platform. Nothing else in the code reads `process.env`.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Only http(s): `APP_URL=localhost:3000` parses as a URL with scheme `localhost:` and must fail. */
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

const optionalUrl = optionalString.pipe(httpUrl.optional());

/** An enum where an empty value means "unset", like every other variable (`LOG_LEVEL=`). */
const optionalEnum = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  optionalString.pipe(z.enum(values).optional());

const booleanFlag = (fallback: boolean) =>
  optionalString.transform((value, ctx) => {
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const integer = (fallback: number, min: number, max: number) =>
  optionalString.transform((value, ctx) => {
    if (value === undefined) return fallback;
    // Digits only: `Number()` alone would accept `0x10`, `1e3` and `3000.0`.
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      ctx.addIssue({ code: 'custom', message: `must be an integer between ${min} and ${max}` });
      return z.NEVER;
    }
    return parsed;
  });

const commaList = optionalString.transform((value) =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
);

export const envSchema = z.object({
  NODE_ENV: optionalEnum(['development', 'production', 'test']).default('development'),
  HOST: optionalString.default('0.0.0.0'),
  PORT: integer(3000, 0, 65535),
  APP_URL: optionalUrl,
  NEXT_PUBLIC_APP_URL: optionalUrl,
  LOG_LEVEL: optionalEnum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(
    'info',
  ),
  CORS_ORIGINS: commaList,
  BODY_LIMIT_BYTES: integer(1024 * 1024, 1024, 100 * 1024 * 1024),
  /** `false`, a hop count or proxy addresses/CIDRs; see `trustProxySetting` in config.ts. */
  TRUST_PROXY: optionalString,
  SHUTDOWN_TIMEOUT_MS: integer(9000, 100, 120_000),

  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATABASE_POOL_MAX: integer(10, 1, 200),
  /** The read pool (catalog search): a bulkhead of its own, read-only sessions, cached plans. */
  DATABASE_READ_POOL_MAX: integer(6, 1, 200),
  SPAREFLOW_DATA_DIR: optionalString.default('./.spareflow'),
  /** Uploaded files (part images); unset → `<SPAREFLOW_DATA_DIR>/files`. */
  STORAGE_DIR: optionalString,

  WORKER_IN_PROCESS: booleanFlag(true),
  WORKER_CONCURRENCY: integer(4, 1, 64),
  WORKER_POLL_INTERVAL_SECONDS: integer(2, 1, 60),

  JWT_SECRET: optionalString.pipe(
    z.string().min(32, 'must be at least 32 characters long').optional(),
  ),

  DTDC_API_KEY_NEW: optionalString,
  DTDC_CUSTOMER_CODE: optionalString,
  DTDC_API_BASE_URL: optionalUrl.default('https://dtdcapi.shipsy.io'),
  DTDC_API_FALLBACK_URLS: commaList.pipe(z.array(httpUrl)),
  /** Label and cancel host (DTDC documents pxapi.dtdc.in); DTDC_API_BASE_URL when unset. */
  DTDC_LABEL_BASE_URL: optionalUrl,
  DTDC_TRACKING_BASE_URL: optionalUrl.default('https://blktracksvc.dtdc.com/dtdc-api'),
  DTDC_TRACKING_USERNAME: optionalString,
  DTDC_TRACKING_PASSWORD: optionalString,
  DTDC_TRACKING_ACCESS_TOKEN: optionalString,
  DTDC_PINCODE_URL: optionalUrl,
  DTDC_SERVICE_TYPE: optionalString,
  DTDC_COMMODITY_ID: optionalString,

  RAZORPAY_KEY_ID: optionalString,
  RAZORPAY_KEY_SECRET: optionalString,
  RAZORPAY_WEBHOOK_SECRET: optionalString,
  RAZORPAY_API_BASE_URL: optionalUrl.default('https://api.razorpay.com'),

  EMAIL_HOST: optionalString,
  EMAIL_PORT: integer(587, 1, 65535),
  EMAIL_USER: optionalString,
  EMAIL_PASS: optionalString,
  EMAIL_SECURE: booleanFlag(false),
  EMAIL_FROM: optionalString,
  SUPPORT_EMAIL: optionalString.pipe(z.email().optional()),

  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: optionalString,
  WHATSAPP_API_BASE_URL: optionalUrl.default('https://graph.facebook.com/v21.0'),
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: optionalString.default('gpt-4o-mini'),

  /**
   * The platform as supplier on tax invoices and receipt vouchers: legal name, GSTIN (its first two
   * digits are the supplier's state), state (as addresses name it) and registered address. Unset
   * → sandbox values, printed as SANDBOX on every PDF; production requires all four.
   */
  INVOICE_SUPPLIER_NAME: optionalString,
  INVOICE_SUPPLIER_GSTIN: optionalString,
  INVOICE_SUPPLIER_STATE: optionalString,
  INVOICE_SUPPLIER_ADDRESS: optionalString,

  // Down to 5 s so tests and demos can watch a shipment move; production keeps the 900 s default.
  TRACKING_POLL_INTERVAL_SECONDS: integer(900, 5, 86_400),
  /**
   * Production refuses to start while any integration would run in sandbox mode, unless this is
   * true (a staging system with simulated vendors). The sandbox mailbox is never served in
   * production either way.
   */
  ALLOW_SANDBOX_IN_PRODUCTION: booleanFlag(false),
  /**
   * The bearer token `GET /metrics` requires when set. Production without it serves no `/metrics`
   * at all (404); development and test keep it open.
   */
  METRICS_TOKEN: optionalString.pipe(
    z.string().min(32, 'must be at least 32 characters long').optional(),
  ),
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
  RATE_LIMIT_PER_MINUTE: integer(300, 1, 10_000_000),
  RATE_LIMIT_AUTH_PER_MINUTE: integer(10, 1, 10_000_000),
  RATE_LIMIT_REDIS_PREFIX: optionalString.default('spareflow:rate-limit:'),
});

export type RawEnv = z.infer<typeof envSchema>;

/** The supplier variables of invoices: all four, or none (sandbox values). */
export const invoiceSupplierVariables = [
  'INVOICE_SUPPLIER_NAME',
  'INVOICE_SUPPLIER_GSTIN',
  'INVOICE_SUPPLIER_STATE',
  'INVOICE_SUPPLIER_ADDRESS',
] as const satisfies ReadonlyArray<keyof RawEnv>;

/**
 * Variables that must accompany an integration's switch variable when that integration runs live.
 * A half-configured live integration would fail at its first real call; we fail at start-up instead.
 */
export const liveRequirements: ReadonlyArray<{
  integration: string;
  switchVariable: keyof RawEnv;
  required: ReadonlyArray<keyof RawEnv>;
  oneOf?: ReadonlyArray<ReadonlyArray<keyof RawEnv>>;
}> = [
  {
    integration: 'DTDC',
    switchVariable: 'DTDC_API_KEY_NEW',
    required: ['DTDC_CUSTOMER_CODE', 'DTDC_TRACKING_USERNAME'],
    oneOf: [['DTDC_TRACKING_PASSWORD', 'DTDC_TRACKING_ACCESS_TOKEN']],
  },
  {
    integration: 'Razorpay',
    switchVariable: 'RAZORPAY_KEY_ID',
    required: ['RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET'],
  },
  { integration: 'SMTP e-mail', switchVariable: 'EMAIL_HOST', required: ['EMAIL_FROM'] },
  {
    integration: 'WhatsApp',
    switchVariable: 'WHATSAPP_ACCESS_TOKEN',
    required: ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'],
  },
  { integration: 'OpenAI', switchVariable: 'OPENAI_API_KEY', required: [] },
];
