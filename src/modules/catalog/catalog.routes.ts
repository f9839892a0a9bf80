import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import type { CatalogDeps } from './catalog.deps.js';
import { registerPartImageRoutes } from './part-image.routes.js';
import { registerPartRoutes } from './part.routes.js';

/** Every catalog route (parts, images), registered by the route table in one call. */
export function registerCatalogRoutes(app: FastifyZodApp, deps: CatalogDeps): void {
  registerPartRoutes(app, deps);
  registerPartImageRoutes(app, deps);
}
