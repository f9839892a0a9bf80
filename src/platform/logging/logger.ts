import { pino, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { serializeError } from './error-serializer.js';
import { redactDeep, redactUrl, urlRedactPaths } from './redaction.js';

export type { Logger } from 'pino';

export interface LoggerSettings {
  level: LoggerOptions['level'];
  /** Where the lines go; defaults to stdout. Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
  /** Readable lines (pino-pretty) instead of JSON, for a person at a terminal (`prettyLogs`). */
  pretty?: boolean;
}

/**
 * Whether the process's logs are for a person: readable lines when its output is a terminal and
 * it does not run in production; JSON lines otherwise — what a pipe, a file, a service manager
 * or a log shipper reads, and always in production.
 */
export function prettyLogs(where: { isProduction: boolean; isTerminal: boolean }): boolean {
  return where.isTerminal && !where.isProduction;
}

/**
 * pino-pretty in the process, not in a worker thread: a terminal's few lines a second cost
 * nothing, and nothing is left unwritten when the process exits. Colours only on a terminal.
 */
function prettyStream(destination: NodeJS.WritableStream): NodeJS.WritableStream {
  const terminal = (destination as { isTTY?: boolean }).isTTY === true;
  return pretty({
    destination,
    colorize: terminal && pretty.isColorSupported,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service',
  });
}

/**
 * Path-based redaction only for what serializers produce after `formatters.log` has run: Fastify's
 * request serializer emits `req.url`, whose query string can carry tokens.
 */
export const redactOptions: LoggerOptions['redact'] = {
  paths: urlRedactPaths,
  censor: (value: unknown) => redactUrl(value),
};

/** An error through the one error rule, its other fields through the personal-data redaction. */
const serializeLoggedError = (value: unknown) =>
  serializeError(value, (field) => redactDeep(field));

/**
 * pino takes a line's message from the error when none is given (`logger.error(err)`), and
 * Fastify's own error logging passes `err.message` as the message: either would write the raw
 * message, SQL parameters included. Such a line gets the serialized error's message instead.
 */
const logMethod: NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']> = function (
  args,
  method,
) {
  const [first, second] = args as unknown[];
  const error =
    first instanceof Error
      ? first
      : first !== null &&
          typeof first === 'object' &&
          (first as { err?: unknown }).err instanceof Error
        ? (first as { err: Error }).err
        : undefined;
  if (error === undefined || (second !== undefined && second !== error.message))
    return method.apply(this, args);
  const { message } = serializeLoggedError(error) as { message: string };
  const merged = first instanceof Error ? { err: first } : (first as object);
  return method.apply(this, [merged, message] as unknown as Parameters<typeof method>);
};

/**
 * The process's logger: JSON lines (readable ones with `pretty`), secrets redacted and personal
 * data masked (`redaction.ts`), errors by the one error rule (`error-serializer.ts`). Every log
 * path (HTTP requests through Fastify, jobs, CLI commands) uses a logger made here or a child of
 * one, so they share the rule; pretty printing only formats lines already redacted.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: 'spareflow' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: redactOptions,
    // Fastify's request loggers are children of this one and keep these serializers over its own.
    serializers: { err: serializeLoggedError, error: serializeLoggedError },
    hooks: { logMethod },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactDeep(object) as Record<string, unknown>,
    },
  };
  if (settings.pretty) return pino(options, prettyStream(settings.destination ?? process.stdout));
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
