import type { AppConfig } from '../config/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { readOrCreateSecret } from '../platform/data-dir/secrets-file.js';
import { EventBus } from '../platform/jobs/domain-events.js';
import { JobQueue } from '../platform/jobs/job-queue.js';
import type { Logger } from '../platform/logging/logger.js';
import { Metrics } from '../platform/metrics/metrics.js';
import { SandboxHost } from '../platform/sandbox/sandbox-host.js';
import type { VendorSimulator } from '../platform/sandbox/vendor-simulator.js';
import type { DoctorCheck } from '../platform/health/doctor-check.js';
import { platformDoctorChecks } from '../modules/ops/index.js';
import {
  AccessTokenService,
  AccountEmails,
  createAuthenticator,
  type IdentityDeps,
} from '../modules/identity/index.js';
import type { Authenticate } from '../platform/http/route-policy.js';
import {
  emailDoctorCheck,
  emailSendJob,
  jobQueueEmailOutbox,
  wireEmail,
  type EmailOutbox,
  type EmailPort,
  type SmtpSink,
} from '../modules/notifications/index.js';
import {
  StockDriftMonitor,
  stockLedgerDoctorCheck,
  stockReservationsDoctorCheck,
  stockReconcileJob,
} from '../modules/inventory/index.js';
import {
  connectLedgerEvents,
  LedgerDriftMonitor,
  ledgerDoctorCheck,
  ledgerReconcileJob,
} from '../modules/ledger/index.js';
import { importRunJob, type ImportDeps } from '../modules/imports/index.js';
import { auditCheckpointJob } from '../modules/audit/index.js';
import {
  invoiceNumberingDoctorCheck,
  invoiceSupplierDoctorCheck,
  invoiceSupplierFrom,
  receiptVoucherSubscriber,
  type InvoiceSupplier,
} from '../modules/invoicing/index.js';
import { rateCardDoctorCheck } from '../modules/pricing/index.js';
import type { StoragePort } from '../platform/storage/storage.port.js';
import { LocalFolderStorage } from '../platform/storage/local-folder-storage.js';
import { indiaPostPinDirectory, type PinDirectory } from '../platform/geo/pin-directory.js';
import {
  razorpayGateway,
  razorpaySandboxSimulators,
  razorpaySecrets,
  paymentReconcileJob,
  paymentReconciliationDoctorCheck,
  razorpayWebhookJob,
  refundSubmitJob,
  registerReconciliationGauge,
  type PaymentsDeps,
  type RazorpaySecrets,
} from '../modules/payments/index.js';
import {
  dtdcCarrier,
  dtdcSandboxSimulators,
  dtdcSecrets,
  type CarrierPort,
  type DtdcSecrets,
} from '../modules/shipping/index.js';

/**
 * Everything a SpareFlow process needs, wired once from configuration. The only place that knows
 * which adapter implements which port; tests build containers with their own configuration.
 */
export interface Container {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly database: Database;
  readonly jobs: JobQueue;
  readonly events: EventBus;
  readonly metrics: Metrics;
  readonly sandbox: SandboxHost;
  readonly jwtSecret: string;
  readonly doctorChecks: DoctorCheck[];
  readonly identity: IdentityDeps;
  readonly accessTokens: AccessTokenService;
  readonly authenticate: Authenticate;
  /** Sends e-mail; use it through the `email.send` job, not from requests. */
  readonly email: EmailPort;
  /** The sandbox SMTP sink (captured e-mails), only when `integrations.email` is `sandbox`. */
  readonly emailSink: SmtpSink | undefined;
  /** Enqueues an e-mail inside the caller's transaction (the `email.send` job delivers it). */
  readonly emailOutbox: EmailOutbox;
  /** Uploaded files (part images): a local folder (`STORAGE_DIR`), created on demand. */
  readonly storage: StoragePort;
  /** CSV imports: the `import.run` job's dependencies (uploaded files kept in storage). */
  readonly imports: ImportDeps;
  /** India Post's PIN directory (addresses, later shipping zones): loaded on first lookup. */
  readonly pins: PinDirectory;
  /**
   * The platform as supplier on invoices (`INVOICE_SUPPLIER_*`, else sandbox values): shipments
   * pass it to `issueShippingInvoice`.
   */
  readonly invoiceSupplier: InvoiceSupplier;
  /** Top-ups, refunds and webhooks: the Razorpay gateway (live or the sandbox simulator). */
  readonly payments: PaymentsDeps;
  /** The courier (DTDC, live or the sandbox simulator): bookings, labels, tracking (issue 13). */
  readonly carrier: CarrierPort;
  /** Releases every resource in reverse order of acquisition. */
  dispose(): Promise<void>;
}

export interface ContainerOptions {
  config: AppConfig;
  logger: Logger;
  attachToRunningServer?: boolean;
  /** Tests shorten the queue's dead-job detection. */
  jobMaintenanceIntervalSeconds?: number;
}

/**
 * Simulators of the vendor APIs whose integrations run in sandbox mode. Each capability adds its
 * own here (DTDC, Razorpay, WhatsApp, OpenAI, …) together with its adapter wiring.
 */
function sandboxSimulators(
  config: AppConfig,
  deps: { database: Database; logger: Logger; razorpay: RazorpaySecrets; dtdc: DtdcSecrets },
): VendorSimulator[] {
  void config;
  return [
    ...razorpaySandboxSimulators(deps.razorpay, deps.database.pool, deps.logger),
    ...dtdcSandboxSimulators(deps.dtdc, deps.database.pool, deps.logger),
  ];
}

export async function createContainer(options: ContainerOptions): Promise<Container> {
  const { config, logger } = options;
  const database = await openDatabase({
    config,
    logger,
    attachToRunningServer: options.attachToRunningServer ?? false,
  });
  const disposers: Array<() => Promise<void>> = [() => database.close()];
  const dispose = async () => {
    for (const disposer of disposers.reverse())
      await disposer().catch((error: unknown) => logger.error({ err: error }, 'dispose failed'));
  };
  try {
    const jwtSecret = config.jwtSecret ?? (await readOrCreateSecret(config.dataDir, 'jwt-secret'));
    const jobs = new JobQueue({
      connectionString: database.connectionString,
      pool: database.pool,
      logger,
      concurrency: config.worker.concurrency,
      pollIntervalSeconds: config.worker.pollIntervalSeconds,
      // Half the shutdown budget for running jobs; HTTP and PostgreSQL share the rest.
      stopTimeoutMs: Math.max(1000, Math.floor(config.http.shutdownTimeoutMs / 2)),
      ...(options.jobMaintenanceIntervalSeconds
        ? { maintenanceIntervalSeconds: options.jobMaintenanceIntervalSeconds }
        : {}),
    });
    disposers.push(() => jobs.stop());
    const events = new EventBus(jobs, database.db);
    // Checked before anything starts: a GSTIN that fails its checksum or names another state
    // than INVOICE_SUPPLIER_STATE refuses start-up.
    const invoiceSupplier = invoiceSupplierFrom(config.invoiceSupplier);
    events.subscribe(receiptVoucherSubscriber(invoiceSupplier));
    const storage = new LocalFolderStorage(config.storageDir);
    const imports: ImportDeps = { pool: database.pool, db: database.db, events, files: storage };
    jobs.define(importRunJob(imports));
    const stockDrift = new StockDriftMonitor();
    jobs.define(stockReconcileJob(database.pool, stockDrift));
    connectLedgerEvents(events);
    const ledgerDrift = new LedgerDriftMonitor();
    jobs.define(ledgerReconcileJob(database.pool, ledgerDrift));
    jobs.define(auditCheckpointJob(database.db));
    const razorpay = await razorpaySecrets(config);
    const dtdc = await dtdcSecrets(config);
    const sandbox = await SandboxHost.start(
      sandboxSimulators(config, { database, logger, razorpay, dtdc }),
      logger,
    );
    disposers.push(() => sandbox.stop());
    // SMTP is not HTTP, so its sandbox sink runs beside SandboxHost rather than inside it.
    const mail = await wireEmail(config, logger);
    disposers.push(() => mail.dispose());
    jobs.define(emailSendJob(mail.email));
    const emailOutbox = jobQueueEmailOutbox(jobs);
    const accountEmails = new AccountEmails(
      emailOutbox,
      config.http.appUrl,
      `http://localhost:${config.http.port}`,
    );
    const accessTokens = new AccessTokenService(jwtSecret);
    const metrics = new Metrics();
    metrics.observeDatabasePools({ app: database.pool, read: database.reads.pool });
    metrics.observeJobQueue(jobs);
    stockDrift.register(metrics.registry);
    ledgerDrift.register(metrics.registry);
    const gateway = razorpayGateway(config, razorpay, sandbox, metrics.outboundHttp, logger);
    disposers.push(() => gateway.http.close());
    const payments: PaymentsDeps = {
      pool: database.pool,
      db: database.db,
      events,
      jobs,
      logger,
      gateway: gateway.gateway,
      keySecret: razorpay.keySecret,
      webhookSecret: razorpay.webhookSecret,
      sandbox: razorpay.sandbox,
      ...(gateway.checkoutUrl ? { sandboxCheckoutUrl: gateway.checkoutUrl } : {}),
    };
    jobs.define(razorpayWebhookJob(payments));
    jobs.define(refundSubmitJob(payments));
    jobs.define(paymentReconcileJob(payments));
    registerReconciliationGauge(metrics.registry, payments);
    const carrier = dtdcCarrier(config, dtdc, sandbox, metrics.outboundHttp, logger);
    disposers.push(() => carrier.close());

    return {
      config,
      logger,
      database,
      jobs,
      events,
      metrics,
      sandbox,
      jwtSecret,
      doctorChecks: [
        ...platformDoctorChecks(config, database, jobs),
        emailDoctorCheck(config, mail.email),
        stockLedgerDoctorCheck(database.pool),
        stockReservationsDoctorCheck(database.pool),
        invoiceNumberingDoctorCheck(database.pool),
        invoiceSupplierDoctorCheck(invoiceSupplier),
        rateCardDoctorCheck(database.db, config.isProduction),
        ledgerDoctorCheck(database.pool),
        paymentReconciliationDoctorCheck(payments),
      ],
      identity: { pool: database.pool, db: database.db, events, accountEmails },
      accessTokens,
      emailOutbox,
      authenticate: createAuthenticator({ db: database.db, tokens: accessTokens }),
      email: mail.email,
      emailSink: mail.sink,
      imports,
      pins: indiaPostPinDirectory,
      invoiceSupplier,
      storage,
      payments,
      carrier: carrier.carrier,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
