import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** The level of the two lines Fastify writes per request ("incoming", "completed"). */
export type RequestLogLevel = 'info' | 'debug';

/**
 * Request lines at `info` in production and test (operators and tests read them), at `debug` in
 * development: a person running SpareFlow in a terminal sees the start-up banner and what goes
 * wrong, not two lines per click (`LOG_LEVEL=debug` shows them again).
 */
export function requestLogLevel(env: 'development' | 'production' | 'test'): RequestLogLevel {
  return env === 'development' ? 'debug' : 'info';
}

/**
 * Fastify's log controller with the request lines at a chosen level; errors keep theirs. (A
 * route-level `logLevel` would make pino rebuild every log method of each request's child
 * logger; this costs nothing per request.)
 */
export class RequestLogController extends LogController {
  constructor(
    private readonly level: RequestLogLevel,
    options: ConstructorParameters<typeof LogController>[0],
  ) {
    super(options);
  }

  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log[this.level]({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) return super.requestCompleted(error, request, reply);
    if (this.isLogDisabled(request)) return;
    reply.log[this.level]({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
