import path from 'node:path';
import { seedDemoWorld } from '../../modules/ops/index.js';
import { readOrCreateSecret } from '../../platform/data-dir/secrets-file.js';
import { fundDemoWallets } from '../../app/demo-wallets.js';
import { withContainer } from '../cli-context.js';
import { formatDemoLogins } from './demo-logins.js';

/** `spareflow seed --demo`: creates the demo world if missing and prints its logins. */
export async function seedCommand(options: { demo?: boolean }): Promise<void> {
  if (!options.demo) {
    process.stderr.write('Nothing to seed: pass --demo to create the demo world.\n');
    process.exitCode = 1;
    return;
  }
  await withContainer({ migrate: true }, async (container) => {
    const { config } = container;
    if (config.isProduction) {
      process.stderr.write('Refusing to seed demo data when NODE_ENV=production.\n');
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    const password = await readOrCreateSecret(config.dataDir, 'demo-password', 9);
    const { created, logins, history } = await seedDemoWorld(
      { ...container.identity, isProduction: config.isProduction },
      password,
    );
    if (history) await fundDemoWallets(container, password);
    const contents = history
      ? `; ${history.parts} parts, ${history.locations} locations, ${history.movements} stock movements over ${history.days} days, in ${Date.now() - started} ms`
      : '';
    const banner = formatDemoLogins(logins, {
      file: path.join(config.dataDir, 'demo-password'),
      value: password,
      show: process.stdout.isTTY === true,
    });
    process.stdout.write(`Demo world ready (${created} new login(s)${contents}).\n${banner}\n`);
  });
}
