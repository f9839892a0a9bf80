import path from 'node:path';
import {
  envSchema,
  invoiceSupplierVariables,
  liveRequirements,
  type RawEnv,
} from './config.schema.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

export type IntegrationName = 'dtdc' | 'razorpay' | 'email' | 'whatsapp' | 'openai';
export type IntegrationMode = 'live' | 'sandbox';

export interface AppConfig {
  readonly env: RawEnv['NODE_ENV'];
  readonly isProduction: boolean;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly appUrl: string | undefined;
    readonly bodyLimitBytes: number;
    readonly corsOrigins: readonly string[];
    /** Which `X-Forwarded-*` hops to believe (`TRUST_PROXY`): none, the last N, or these proxies. */
    readonly trustProxy: TrustProxy;
    readonly shutdownTimeoutMs: number;
  };
  readonly database: {
    /** External PostgreSQL; `undefined` means the embedded server in `dataDir`. */
    readonly url: string | undefined;
    readonly poolMax: number;
    /** Connections of the read pool (hot read-only statements: catalog search). */
    readonly readPoolMax: number;
  };
  /** Absolute path of the folder holding the embedded database and generated secrets. */
  readonly dataDir: string;
  /** Absolute path of the folder the local storage adapter keeps uploaded files in. */
  readonly storageDir: string;
  readonly logLevel: RawEnv['LOG_LEVEL'];
  readonly worker: {
    readonly inProcess: boolean;
    readonly concurrency: number;
    readonly pollIntervalSeconds: number;
  };
  /** `undefined` outside production: a secret is generated and kept in the data folder. */
  readonly jwtSecret: string | undefined;
  readonly integrations: Readonly<Record<IntegrationName, IntegrationMode>>;
  readonly redisUrl: string | undefined;
  /** Requests per minute and per client IP; the counters are shared through Redis when set. */
  readonly rateLimit: {
    readonly perMinute: number;
    readonly authPerMinute: number;
    readonly redisPrefix: string;
  };
  readonly trackingPollIntervalSeconds: number;
  /**
   * `GET /metrics`: `open` (development, test), `token` (requires `Authorization: Bearer
   * METRICS_TOKEN`) or `absent` (production without a token: the route does not exist).
   */
  readonly metrics:
    | { readonly access: 'open' }
    | { readonly access: 'token'; readonly token: string }
    | { readonly access: 'absent' };
  /**
   * The platform as supplier on invoices (`INVOICE_SUPPLIER_*`), or `undefined` when none is set:
   * the invoicing module then uses its sandbox supplier and marks every PDF as SANDBOX.
   */
  readonly invoiceSupplier:
    | {
        readonly name: string;
        readonly gstin: string;
        readonly state: string;
        readonly address: string;
      }
    | undefined;
  /** The validated variables, for adapters that need vendor specifics. */
  readonly raw: Readonly<RawEnv>;
}

/** Thrown when the environment cannot run SpareFlow; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const integrationSwitches: Record<IntegrationName, keyof RawEnv> = {
  dtdc: 'DTDC_API_KEY_NEW',
  razorpay: 'RAZORPAY_KEY_ID',
  email: 'EMAIL_HOST',
  whatsapp: 'WHATSAPP_ACCESS_TOKEN',
  openai: 'OPENAI_API_KEY',
};

/** Presence as the schema sees it: unset, empty and blank values all mean "not configured". */
function isSet(env: NodeJS.ProcessEnv, variable: string): boolean {
  const value = env[variable];
  return value !== undefined && value.trim() !== '';
}

/**
 * Companion checks need only presence, so they run on the input itself: a malformed PORT and a
 * half-configured DTDC are reported by the same error instead of one start-up at a time.
 */
function liveModeProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const rule of liveRequirements) {
    if (!isSet(env, rule.switchVariable)) continue;
    for (const variable of rule.required) {
      if (!isSet(env, variable)) {
        problems.push(
          `${variable}: required because ${rule.switchVariable} is set (${rule.integration} live mode)`,
        );
      }
    }
    for (const alternatives of rule.oneOf ?? []) {
      if (alternatives.every((variable) => !isSet(env, variable))) {
        problems.push(
          `${alternatives.join(' or ')}: one is required because ${rule.switchVariable} is set (${rule.integration} live mode)`,
        );
      }
    }
  }
  const production = env.NODE_ENV?.trim() === 'production';
  if (production) problems.push(...sandboxInProductionProblems(env));
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (!trustProxy.ok) problems.push(`TRUST_PROXY: ${trustProxy.problem}`);
  if (production && !isSet(env, 'JWT_SECRET')) {
    problems.push('JWT_SECRET: required when NODE_ENV=production');
  }
  // Links in e-mails (password reset, invitations) otherwise come from the request's Host header,
  // which a caller controls: a reset link could be made to point at someone else's site.
  if (production && !isSet(env, 'APP_URL') && !isSet(env, 'NEXT_PUBLIC_APP_URL')) {
    problems.push('APP_URL: required when NODE_ENV=production (the origin used in e-mailed links)');
  }
  problems.push(...invoiceSupplierProblems(env, production));
  return problems;
}

/**
 * Invoices name the platform as supplier: a half-set supplier would issue invoices mixing real and
 * sandbox details, and production must not issue sandbox invoices unless it is a staging system
 * (`ALLOW_SANDBOX_IN_PRODUCTION`).
 */
function invoiceSupplierProblems(env: NodeJS.ProcessEnv, production: boolean): string[] {
  const missing = invoiceSupplierVariables.filter((variable) => !isSet(env, variable));
  if (missing.length === 0) return [];
  if (missing.length < invoiceSupplierVariables.length)
    return [
      `${missing.join(', ')}: required because other INVOICE_SUPPLIER_* variables are set (the supplier on tax invoices)`,
    ];
  if (production && !allowsSandboxInProduction(env))
    return [
      `${invoiceSupplierVariables.join(', ')}: required when NODE_ENV=production (the supplier on tax invoices; unset, invoices would carry sandbox details)`,
    ];
  return [];
}

/** `ALLOW_SANDBOX_IN_PRODUCTION` as the schema reads it (a malformed value is reported there). */
function allowsSandboxInProduction(env: NodeJS.ProcessEnv): boolean {
  const value = env.ALLOW_SANDBOX_IN_PRODUCTION?.trim().toLowerCase() ?? '';
  return ['1', 'true', 'yes', 'on'].includes(value);
}

/**
 * A simulated integration in production is a hole, not a convenience: sandbox e-mail kept
 * password-reset links where a public route served them, a sandbox gateway would "take"
 * payments. Production therefore names every integration that is not live and refuses to start,
 * unless `ALLOW_SANDBOX_IN_PRODUCTION` says this is deliberate (a staging system).
 */
function sandboxInProductionProblems(env: NodeJS.ProcessEnv): string[] {
  if (allowsSandboxInProduction(env)) return [];
  const simulated = liveRequirements.filter((rule) => !isSet(env, rule.switchVariable));
  if (simulated.length === 0) return [];
  const names = simulated.map((rule) => `${rule.integration} (${rule.switchVariable} is unset)`);
  return [
    `ALLOW_SANDBOX_IN_PRODUCTION: NODE_ENV=production, but these integrations would run in sandbox mode: ${names.join(', ')}. ` +
      'Configure them live, or set ALLOW_SANDBOX_IN_PRODUCTION=true to run them simulated on purpose.',
  ];
}

/** Parses the environment once into a frozen, typed configuration or throws `ConfigError`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
        )),
    ...liveModeProblems(env),
  ];
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (!parsed.success || !trustProxy.ok || problems.length > 0) throw new ConfigError(problems);
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === 'production';

  const integrations = Object.fromEntries(
    Object.entries(integrationSwitches).map(([name, variable]) => [
      name,
      raw[variable] === undefined ? 'sandbox' : 'live',
    ]),
  ) as Record<IntegrationName, IntegrationMode>;

  return deepFreeze({
    env: raw.NODE_ENV,
    isProduction,
    http: {
      host: raw.HOST,
      port: raw.PORT,
      appUrl: raw.APP_URL ?? raw.NEXT_PUBLIC_APP_URL,
      bodyLimitBytes: raw.BODY_LIMIT_BYTES,
      corsOrigins: raw.CORS_ORIGINS,
      trustProxy: trustProxy.value,
      shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    },
    database: {
      url: raw.DATABASE_URL,
      poolMax: raw.DATABASE_POOL_MAX,
      readPoolMax: raw.DATABASE_READ_POOL_MAX,
    },
    dataDir: path.resolve(raw.SPAREFLOW_DATA_DIR),
    storageDir: path.resolve(raw.STORAGE_DIR ?? path.join(raw.SPAREFLOW_DATA_DIR, 'files')),
    logLevel: raw.LOG_LEVEL,
    worker: {
      inProcess: raw.WORKER_IN_PROCESS,
      concurrency: raw.WORKER_CONCURRENCY,
      pollIntervalSeconds: raw.WORKER_POLL_INTERVAL_SECONDS,
    },
    jwtSecret: raw.JWT_SECRET,
    integrations,
    redisUrl: raw.REDIS_URL,
    rateLimit: {
      perMinute: raw.RATE_LIMIT_PER_MINUTE,
      authPerMinute: raw.RATE_LIMIT_AUTH_PER_MINUTE,
      redisPrefix: raw.RATE_LIMIT_REDIS_PREFIX,
    },
    trackingPollIntervalSeconds: raw.TRACKING_POLL_INTERVAL_SECONDS,
    metrics: raw.METRICS_TOKEN
      ? { access: 'token', token: raw.METRICS_TOKEN }
      : { access: isProduction ? 'absent' : 'open' },
    invoiceSupplier:
      raw.INVOICE_SUPPLIER_NAME &&
      raw.INVOICE_SUPPLIER_GSTIN &&
      raw.INVOICE_SUPPLIER_STATE &&
      raw.INVOICE_SUPPLIER_ADDRESS
        ? {
            name: raw.INVOICE_SUPPLIER_NAME,
            gstin: raw.INVOICE_SUPPLIER_GSTIN,
            state: raw.INVOICE_SUPPLIER_STATE,
            address: raw.INVOICE_SUPPLIER_ADDRESS,
          }
        : undefined,
    raw,
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
