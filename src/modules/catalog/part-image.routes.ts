import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import type { CatalogDeps } from './catalog.deps.js';
import { addPartImage, deletePartImage, readPartImage } from './part-image.service.js';
import { maxPartImageBytes, partImageTypes } from './part-image.rules.js';
import { catalogReadPolicy, catalogWritePolicy } from './part.routes.js';

const imageParams = z.object({ id: z.uuid(), imageId: z.uuid() });

/** Part images: raw-body upload (JPEG, PNG, WebP up to 5 MB), streamed download, delete. */
export function registerPartImageRoutes(app: FastifyZodApp, deps: CatalogDeps): void {
  // The raw bytes reach the handler as a Buffer; the type is checked against them there.
  app.addContentTypeParser(
    Object.keys(partImageTypes),
    { parseAs: 'buffer', bodyLimit: maxPartImageBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/parts/:id/images',
    {
      bodyLimit: maxPartImageBytes,
      config: {
        policy: catalogWritePolicy,
        problems: ['CONFLICT'],
        rawBody: { mediaTypes: Object.keys(partImageTypes), encoding: 'binary' },
      },
      schema: {
        tags: ['catalog'],
        summary: 'Upload an image of a part: raw body, image/jpeg, image/png or image/webp, ≤ 5 MB',
        description:
          'At most 10 images per part (409). Other types, or bytes that are not the declared type: 415; larger bodies: 413.',
        params: z.object({ id: z.uuid() }),
        response: { 201: z.object({ id: z.uuid(), url: z.string() }) },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const image = await addPartImage(
        deps,
        caller.organizationId,
        request.params.id,
        { contentType: request.headers['content-type'], body: request.body },
        auditContextOf(caller, request),
      );
      return reply.status(201).send({ id: image.id, url: image.url });
    },
  );

  app.get(
    '/api/v1/parts/:id/images/:imageId',
    {
      config: {
        policy: catalogReadPolicy,
        problems: [],
        rawResponse: { status: 200, mediaTypes: Object.keys(partImageTypes), encoding: 'binary' },
      },
      schema: {
        tags: ['catalog'],
        summary: 'The image bytes, with their content type (to whoever may see the part)',
        params: imageParams,
      },
    },
    async (request, reply) => {
      const stored = await readPartImage(
        deps,
        requireCaller(request),
        request.params.id,
        request.params.imageId,
      );
      return reply
        .type(stored.contentType)
        .header('content-length', stored.byteSize)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=86400, immutable')
        .send(stored.stream);
    },
  );

  app.delete(
    '/api/v1/parts/:id/images/:imageId',
    {
      config: { policy: catalogWritePolicy, problems: [] },
      schema: {
        tags: ['catalog'],
        summary: 'Delete an image of a part',
        params: imageParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      await deletePartImage(
        deps,
        caller.organizationId,
        request.params.id,
        request.params.imageId,
        auditContextOf(caller, request),
      );
      return reply.status(204).send(null);
    },
  );
}
