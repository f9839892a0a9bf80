import { pino, type Logger, type LoggerOptions } from 'pino';
import { redactDeep, redactUrl, urlRedactPaths } from './redaction.js';

export type { Logger } from 'pino';

export interface LoggerSettings {
  level: LoggerOptions['level'];
  /** Where the JSON lines go; defaults to stdout. Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

/**
 * Path-based redaction only for what serializers produce after `formatters.log` has run: Fastify's
 * request serializer emits `req.url`, whose query string can carry tokens.
 */
export const redactOptions: LoggerOptions['redact'] = {
  paths: urlRedactPaths,
  censor: (value: unknown) => redactUrl(value),
};

export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: 'spareflow' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: redactOptions,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactDeep(object) as Record<string, unknown>,
    },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
