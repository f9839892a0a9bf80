import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { AppConfig } from '../../config/config.js';
import {
  isDataDirLocked,
  lockDataDir,
  readDataDirOwner,
  type DataDirLock,
} from '../data-dir/data-dir-lock.js';
import { readOrCreateSecret } from '../data-dir/secrets-file.js';
import type { Logger } from '../logging/logger.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { createPool, endPool } from './pool.js';
import { createReadPool, type ReadPool } from './read-pool.js';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  readonly pool: pg.Pool;
  readonly db: Db;
  /** The read pool: read-only sessions with cached plans for hot reads (catalog search). */
  readonly reads: ReadPool;
  /** Full connection string, password included: for the job queue's own pool, never for logs. */
  readonly connectionString: string;
  /** Where the data lives, without the password: shown by `doctor` and the start-up banner. */
  readonly description: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

export const embeddedDatabaseName = 'spareflow';

export interface OpenDatabaseOptions {
  config: AppConfig;
  logger: Logger;
  /**
   * A CLI command (`migrate`, `admin create`, …) may attach to the embedded server of a SpareFlow
   * that is already running on the same data folder. A server process never attaches: it owns.
   */
  attachToRunningServer?: boolean;
}

/** Opens the configured database: `DATABASE_URL`, or the embedded server in the data folder. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { config, logger } = options;
  if (config.database.url) {
    return wrap(
      config.database.url,
      config,
      logger,
      describeUrl(config.database.url),
      false,
      async () => {},
    );
  }
  const password = await readOrCreateSecret(config.dataDir, 'pg-password');
  if (options.attachToRunningServer && (await isDataDirLocked(config.dataDir))) {
    const owner = await readDataDirOwner(config.dataDir);
    if (owner?.postgresPort) {
      const url = embeddedUrl(password, owner.postgresPort, embeddedDatabaseName);
      const description = `embedded PostgreSQL of process ${owner.pid} (${config.dataDir})`;
      return wrap(url, config, logger, description, true, async () => {});
    }
  }
  const lock = await lockDataDir(config.dataDir);
  try {
    const server = await startEmbedded(config, logger, password, lock);
    const url = server.connectionString(embeddedDatabaseName);
    const description = `embedded PostgreSQL in ${path.join(config.dataDir, 'pg')} (port ${server.port})`;
    return wrap(url, config, logger, description, true, async () => {
      await server.stop();
      await lock.release();
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function startEmbedded(
  config: AppConfig,
  logger: Logger,
  password: string,
  lock: DataDirLock,
) {
  const started = Date.now();
  const server = await EmbeddedPostgres.start({
    directory: path.join(config.dataDir, 'pg'),
    password,
    logger,
  });
  try {
    await ensureDatabaseExists(server.connectionString('postgres'), embeddedDatabaseName);
    await lock.publish({ postgresPort: server.port });
  } catch (error) {
    await server.stop();
    throw error;
  }
  logger.info({ port: server.port, ms: Date.now() - started }, 'embedded PostgreSQL started');
  return server;
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } catch (error) {
    // Two processes racing to create it is fine; anything else is not.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

function wrap(
  url: string,
  config: AppConfig,
  logger: Logger,
  description: string,
  embedded: boolean,
  onClose: () => Promise<void>,
): Database {
  const pool = createPool({
    connectionString: url,
    max: config.database.poolMax,
    applicationName: 'spareflow',
    logger,
  });
  const reads = createReadPool({ connectionString: url, max: config.database.readPoolMax, logger });
  let closed = false;
  return {
    pool,
    db: drizzle(pool, { schema }),
    reads,
    connectionString: url,
    description,
    embedded,
    async close() {
      if (closed) return;
      closed = true;
      // Every connection closed before an embedded server stops under them.
      await Promise.all([endPool(pool), reads.close()]);
      await onClose();
    },
  };
}

function embeddedUrl(password: string, port: number, database: string) {
  return `postgres://spareflow:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** `postgres://user:secret@host:5432/db` → `postgres://user@host:5432/db` (never print passwords). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'PostgreSQL (unparseable URL)';
  }
}
