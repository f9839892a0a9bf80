import type { HTTPMethods, RouteOptions } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { FastifyZodApp } from './fastify-types.js';
import { sendProblem } from './problem.js';

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((method) =>
    method.toUpperCase(),
  );
}

/**
 * Answers a method no route serves (QUERY, PROPFIND, …) before Fastify handles it: 405
 * `METHOD_NOT_ALLOWED` with `Allow` when the path exists for other methods, 404 otherwise.
 * Without it such requests reached Fastify's body handling, which refuses a QUERY without a
 * Content-Type with an error our handler turned into a 500 and an error-level stack trace.
 * Call before any route is added: the methods served are collected as routes are registered.
 */
export function installMethodGuard(app: FastifyZodApp): void {
  const served = new Set<string>();
  app.addHook('onRoute', (route) => {
    for (const method of methodsOf(route)) served.add(method);
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (served.has(request.method)) {
      done();
      return;
    }
    const path = request.url.split('?')[0] ?? '/';
    const allowed = [...served].filter((method) => {
      try {
        return app.findRoute({ method: method as HTTPMethods, url: path }) !== null;
      } catch {
        return false; // a path the router cannot even decode exists for no method
      }
    });
    if (allowed.length === 0) {
      void sendProblem(
        reply.status(404),
        new AppError('NOT_FOUND', { detail: `No route for ${request.method} ${path}.` }),
      );
      return;
    }
    void sendProblem(
      reply.status(405).header('allow', allowed.join(', ')),
      new AppError('METHOD_NOT_ALLOWED', {
        detail: `${path} does not accept ${request.method}; it accepts ${allowed.join(', ')}.`,
      }),
    );
  });
}
