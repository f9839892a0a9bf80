import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { registerHealthRoutes, type ReadinessCheck } from './health.routes.js';

async function appWith(checks: ReadinessCheck[], shuttingDown = false) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerHealthRoutes(app, checks, () => shuttingDown);
  await app.ready();
  return app;
}

const ok = (name: string): ReadinessCheck => ({ name, run: async () => ({ ok: true }) });

describe('/health/ready', () => {
  it('answers 503 naming the failing check and its detail, while the others stay ok', async () => {
    const app = await appWith([
      ok('database'),
      { name: 'migrations', run: async () => ({ ok: false, detail: 'pending: 0001_parts' }) },
      {
        name: 'job_queue',
        run: async () => {
          throw new Error('relation "pgboss.version" does not exist');
        },
      },
    ]);
    const response = await app.inject('/health/ready');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      status: 'not_ready',
      checks: [
        { name: 'accepting_traffic', status: 'ok' },
        { name: 'database', status: 'ok' },
        { name: 'migrations', status: 'failing', detail: 'pending: 0001_parts' },
        {
          name: 'job_queue',
          status: 'failing',
          detail: 'relation "pgboss.version" does not exist',
        },
      ],
    });
  });

  it('fails a check that does not answer in time instead of hanging the probe', async () => {
    const app = await appWith([{ name: 'database', run: () => new Promise(() => undefined) }]);
    const response = await app.inject('/health/ready');
    expect(response.statusCode).toBe(503);
    expect(response.json().checks[1]).toEqual({
      name: 'database',
      status: 'failing',
      detail: 'no answer within 2000 ms',
    });
  });

  it('reports not ready while shutting down, and live stays 200', async () => {
    const app = await appWith([ok('database')], true);
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks[0]).toEqual({
      name: 'accepting_traffic',
      status: 'failing',
      detail: 'shutting down',
    });
    expect((await app.inject('/health/live')).statusCode).toBe(200);
  });
});
