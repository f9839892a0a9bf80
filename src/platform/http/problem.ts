import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type FieldError } from '../errors/app-error.js';
import { errorCatalog, type ErrorCode } from '../errors/error-codes.js';

/** RFC 9457 problem details, plus our stable `code` and the request id. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  requestId: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemContentType = 'application/problem+json';

export function toProblem(error: AppError, request: FastifyRequest): ProblemDocument {
  const entry = errorCatalog[error.code];
  return {
    ...error.extensions,
    type: `https://spareflow.in/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: entry.title,
    status: entry.status,
    ...(error.detail ? { detail: error.detail } : {}),
    code: error.code,
    requestId: request.id,
    instance: request.url.split('?')[0],
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  const problem = toProblem(error, reply.request);
  return reply.status(problem.status).type(problemContentType).send(problem);
}

/** Framework errors that are the caller's fault, translated into our closed code set. */
const fastifyCodeMap: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
};

/** Framework 4xx errors without an entry above, by status (others become 400). */
const clientErrorCodes: Partial<Record<number, ErrorCode>> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function translate(error: FastifyError): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }));
    return new AppError('VALIDATION_FAILED', {
      detail: `The request ${where} is invalid.`,
      errors,
    });
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('MALFORMED_JSON', { detail: 'The body is not valid JSON.' });
  }
  const code = error.code ? fastifyCodeMap[error.code] : undefined;
  if (code) return new AppError(code, { detail: error.message });
  const status = error.statusCode ?? 500;
  // Any other framework refusal of the request (a 4xx Fastify knows is the caller's doing) stays
  // a 4xx: a new framework error code must never surface as a 500 with an error-level log.
  if (status >= 400 && status < 500)
    return new AppError(clientErrorCodes[status] ?? 'VALIDATION_FAILED', { detail: error.message });
  return new AppError('INTERNAL_ERROR', { cause: error });
}

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors`): a path
 * that is not valid percent-encoding (a lone surrogate's bytes) or a path parameter over
 * `maxParamLength`. Every path parameter of the API is an id, so both are the caller's invalid
 * parameter: 400 VALIDATION_FAILED as problem+json, not Fastify's own JSON.
 */
export function frameworkProblem(error: FastifyError): AppError {
  if (error.code === 'FST_ERR_BAD_URL')
    return new AppError('VALIDATION_FAILED', {
      detail: 'The URL is not valid percent-encoded UTF-8.',
    });
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new AppError('VALIDATION_FAILED', { detail: 'A path parameter is too long.' });
  return new AppError('INTERNAL_ERROR', { cause: error });
}

/** Installs the one error handler and the 404 handler: every failure leaves as problem+json. */
export interface ProblemHandlerOptions {
  /** Called for requests no route matched (they bypass per-route hooks such as metrics). */
  onUnmatched?: (request: FastifyRequest, reply: FastifyReply) => void;
  /**
   * Answers an unmatched request itself when it returns a reply (the web app's deep links get
   * index.html); `undefined` leaves it to the 404 problem document.
   */
  pageFallback?: (
    request: FastifyRequest,
    reply: FastifyReply,
  ) => FastifyReply | Promise<FastifyReply> | undefined;
}

export function installProblemHandlers(
  app: FastifyInstance,
  options: ProblemHandlerOptions = {},
): void {
  app.setErrorHandler((rawError: FastifyError, request, reply) => {
    const error = translate(rawError);
    if (error.status >= 500) {
      request.log.error({ err: rawError, code: error.code }, 'request failed');
    } else {
      request.log.info({ code: error.code, detail: error.detail }, 'request rejected');
    }
    return sendProblem(reply, error);
  });
  app.setNotFoundHandler((request, reply) => {
    const page = options.pageFallback?.(request, reply);
    if (page) return page;
    reply.status(404);
    options.onUnmatched?.(request, reply);
    return sendProblem(
      reply,
      new AppError('NOT_FOUND', {
        detail: `No route for ${request.method} ${request.url.split('?')[0]}.`,
      }),
    );
  });
}
