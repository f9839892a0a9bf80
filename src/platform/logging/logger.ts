import { pino, type Logger, type LoggerOptions } from 'pino';
import {
  maskPersonal,
  personalRedactPaths,
  redactUrl,
  secretRedactPaths,
  urlRedactPaths,
} from './redaction.js';

export type { Logger } from 'pino';

export interface LoggerSettings {
  level: LoggerOptions['level'];
  /** Where the JSON lines go; defaults to stdout. Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

/** Redaction settings shared by the app logger and Fastify's request logger. */
export const redactOptions: LoggerOptions['redact'] = {
  paths: [...secretRedactPaths, ...personalRedactPaths, ...urlRedactPaths],
  censor: (value: unknown, path: string[]) => {
    if (urlRedactPaths.includes(path.map(String).join('.'))) return redactUrl(value);
    const key = path[path.length - 1] ?? '';
    const isPersonal = ['email', 'phone', 'mobile', 'to'].includes(key);
    return isPersonal ? maskPersonal(value) : '[REDACTED]';
  },
};

export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: 'spareflow' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: redactOptions,
    formatters: { level: (label) => ({ level: label }) },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
