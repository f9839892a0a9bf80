import { describe, expect, it } from 'vitest';
import type { DemoWorldInfo, RunningApp } from '../../app/app-runtime.js';
import { loadConfig } from '../../config/config.js';
import { demoLogins } from '../../modules/ops/index.js';
import { formatReadyBanner } from './start.command.js';

const demo: DemoWorldInfo = {
  logins: demoLogins,
  passwordFile: '/home/asha/spareflow/.spareflow/demo-password',
  password: 'Zq8xP2mKt4Lw',
  seeded: undefined,
  seededInMs: undefined,
};

function app(env: Record<string, string>, world: DemoWorldInfo | undefined) {
  const config = loadConfig({ JWT_SECRET: 'x'.repeat(40), ...env });
  return {
    url: 'http://localhost:3000',
    demo: world,
    container: { config, database: { description: 'embedded PostgreSQL in /tmp/pg' } },
  } as unknown as Pick<RunningApp, 'url' | 'demo' | 'container'>;
}

describe('the start-up banner', () => {
  it('prints the demo logins on every start while the demo world exists', () => {
    const text = formatReadyBanner(app({}, demo), 1234, { terminal: false });
    expect(text).toContain('SpareFlow is ready at http://localhost:3000  (started in 1234 ms)');
    expect(text).toContain('brand@demo.spareflow.in');
    expect(text).toContain('owner of Kaveri Home Appliances (demo)');
    expect(text).toContain(`in ${demo.passwordFile} (shown only in a terminal)`);
    expect(text).not.toContain('Zq8xP2mKt4Lw');
    expect(text).not.toContain('Seeded the demo world');
  });

  it('shows the password in a terminal, and what a first start seeded', () => {
    const seeded = {
      ...demo,
      seeded: {
        created: 19,
        logins: [...demoLogins],
        history: { parts: 326, locations: 10, movements: 3373, days: 90 },
      },
      seededInMs: 4200,
    };
    const text = formatReadyBanner(app({}, seeded), 9000, { terminal: true });
    expect(text).toContain('Password of every demo login: Zq8xP2mKt4Lw');
    expect(text).toContain(
      'Seeded the demo world in 4200 ms: 326 parts, 10 locations, 3373 stock movements over 90 days.',
    );
  });

  it('says nothing of demo logins without a demo world, or in production', () => {
    expect(formatReadyBanner(app({}, undefined), 1, { terminal: true })).not.toContain('demo');
    const production = app(
      {
        NODE_ENV: 'production',
        APP_URL: 'https://spareflow.example',
        ALLOW_SANDBOX_IN_PRODUCTION: 'true',
      },
      demo,
    );
    const text = formatReadyBanner(production, 1, { terminal: true });
    expect(text).not.toContain('demo');
    expect(text).not.toContain('Zq8xP2mKt4Lw');
  });
});
