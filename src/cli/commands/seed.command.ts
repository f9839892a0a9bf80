import { seedDemoWorld, type DemoLogin } from '../../modules/ops/index.js';
import { readOrCreateSecret } from '../../platform/data-dir/secrets-file.js';
import { withContainer } from '../cli-context.js';

export function formatDemoLogins(logins: readonly DemoLogin[], password: string): string {
  const width = Math.max(...logins.map((login) => login.email.length));
  return [
    'Demo world (sandbox data, never created in production). Password for every demo login:',
    `  ${password}`,
    ...logins.map(
      (login) => `  ${login.email.padEnd(width)}  ${login.role} of ${login.organization}`,
    ),
  ].join('\n');
}

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
    const password = await readOrCreateSecret(config.dataDir, 'demo-password', 9);
    const { created, logins } = await seedDemoWorld(
      { ...container.identity, isProduction: config.isProduction },
      password,
    );
    process.stdout.write(
      `Demo world ready (${created} new login(s)).\n${formatDemoLogins(logins, password)}\n`,
    );
  });
}
