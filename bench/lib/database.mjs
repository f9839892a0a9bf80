// A fresh PostgreSQL database per bench run, on the server of BENCH_DATABASE_URL (default: the
// local postgres superuser, trust auth): created at the start, dropped at the end.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';

export const adminUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `postgres://…/<name>` on the same server as `adminUrl`. */
export function databaseUrl(name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates `spareflow_bench_<label>_<random>`; returns its name, URL and `drop()`. */
export async function createBenchDatabase(label) {
  const name = `spareflow_bench_${label}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    name,
    url: databaseUrl(name),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * `COPY table (columns) FROM STDIN` through psql, fed `rows` (arrays of values; null → NULL) as
 * CSV. Returns the ms it took.
 */
export function copyRows(url, table, columns, rows) {
  const started = performance.now();
  const psql = spawn(
    'psql',
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-qc',
      `\\copy ${table} (${columns.join(', ')}) from stdin with (format csv)`,
    ],
    { stdio: ['pipe', 'inherit', 'pipe'] },
  );
  let stderr = '';
  psql.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise((resolve, reject) => {
    psql.once('error', reject);
    psql.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`psql copy: ${stderr}`)),
    );
  });
  const cell = (value) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
  };
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(cell).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      psql.stdin.write(chunk);
      chunk = '';
    }
  }
  psql.stdin.end(chunk);
  return done;
}
