import { z } from 'zod';
import type { AppConfig, IntegrationMode, IntegrationName } from '../../config/config.js';
import { packageVersion } from '../../platform/runtime/package-info.js';

export const systemInfoSchema = z.object({
  name: z.literal('SpareFlow'),
  version: z.string().describe('The server version (package.json)'),
  environment: z.enum(['development', 'production', 'test']),
  integrations: z
    .record(z.string(), z.enum(['sandbox', 'live']))
    .describe('Each integration and whether it runs live or against the sandbox simulator'),
  sandbox: z.boolean().describe('True when any integration runs in sandbox mode'),
  sandboxMailbox: z
    .boolean()
    .describe('True when GET /api/v1/sandbox/mailbox exists (e-mail in sandbox mode)'),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

/**
 * What the web app shows about the server it talks to (version, the Sandbox badge, a link to the
 * sandbox mailbox). Built from `config.integrations`, so an integration added to the config
 * appears here without touching this file. Nothing secret: the same facts the start-up banner
 * prints. Computed once, since configuration is fixed for the life of the process.
 */
export function systemInfo(config: AppConfig, options: { sandboxMailbox: boolean }): SystemInfo {
  const integrations = Object.fromEntries(
    Object.entries(config.integrations).sort(([a], [b]) => a.localeCompare(b)),
  ) as Record<IntegrationName, IntegrationMode>;
  return {
    name: 'SpareFlow',
    version: packageVersion(),
    environment: config.env,
    integrations,
    sandbox: Object.values(integrations).includes('sandbox'),
    sandboxMailbox: options.sandboxMailbox,
  };
}
