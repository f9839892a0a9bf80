import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { systemInfoSchema, type SystemInfo } from './system-info.service.js';

/** `GET /api/v1/system/info`: public, since the sign-in page already needs the Sandbox badge. */
export function registerSystemInfoRoutes(app: FastifyZodApp, info: SystemInfo): void {
  app.get(
    '/api/v1/system/info',
    {
      config: { policy: { access: 'public' }, problems: [] },
      schema: {
        tags: ['service'],
        summary: 'Server name, version, environment and live/sandbox mode per integration',
        response: { 200: systemInfoSchema },
      },
    },
    async () => info,
  );
}
