import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { PaymentGatewayPort } from './payment-gateway.port.js';

/** What the payments services need from the composition root. */
export interface PaymentsDeps {
  pool: pg.Pool;
  db: Db;
  events: EventBus;
  jobs: JobQueue;
  logger: Logger;
  gateway: PaymentGatewayPort;
  /** Razorpay's key secret: Checkout signatures are HMACs with it. */
  keySecret: string;
  /** The webhook secret (not the key secret): webhook signatures are HMACs with it. */
  webhookSecret: string;
  /** True when the gateway is the sandbox simulator (no money moves). */
  sandbox: boolean;
  /** Sandbox only: the simulator's checkout page, opened by the web app instead of Razorpay's. */
  sandboxCheckoutUrl?: string;
}
