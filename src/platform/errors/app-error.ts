import { errorCatalog, type ErrorCode } from './error-codes.js';

export interface FieldError {
  /** JSON-pointer-like path of the offending field, e.g. `body.address.pincode`. */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Human-readable explanation safe to show to the caller. */
  detail?: string;
  errors?: FieldError[];
  /** Extra machine-readable facts for the caller (e.g. `retryAfterSeconds`). */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type services throw. It carries a stable `code` from the closed catalog; the HTTP
 * layer turns it into RFC 9457 problem+json. Services never throw HTTP-specific errors.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? errorCatalog[code].title, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extensions = options.extensions;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
