import { z } from 'zod';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { pageQuerySchema, pageSchema } from '../../platform/http/pagination.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import {
  newRateCardSchema,
  publicRateCardSchema,
  quoteRequestSchema,
  quoteResponseSchema,
  rateCardSchema,
  rateCardSummarySchema,
} from './pricing.schemas.js';
import {
  createRateCard,
  getRateCard,
  listRateCards,
  quoteForCaller,
  rateCardInForce,
  type PricingDeps,
} from './pricing.service.js';

const quote = { access: 'authenticated', capability: 'rates.quote' } as const;
const manage = { access: 'authenticated', capability: 'rates.manage' } as const;

/** Shipping quotes for members; rate card versions for platform administrators (ADR 0014). */
export function registerPricingRoutes(app: FastifyZodApp, deps: PricingDeps): void {
  app.post(
    '/api/v1/rates/quote',
    {
      config: { policy: quote, problems: ['UNKNOWN_PINCODE', 'SERVICE_TYPE_NOT_PRICED'] },
      schema: {
        tags: ['pricing'],
        summary:
          'Price a shipment on the rate card in force: zone, chargeable weight, breakdown line by line',
        body: quoteRequestSchema,
        response: { 200: quoteResponseSchema },
      },
    },
    async (request) => quoteForCaller(deps, requireCaller(request), request.body),
  );

  app.get(
    '/api/v1/rates/card',
    {
      config: { policy: quote, problems: [] },
      schema: {
        tags: ['pricing'],
        summary: 'The rate card in force: services, surcharges, metro list and special regions',
        response: { 200: publicRateCardSchema },
      },
    },
    async () => rateCardInForce(deps.db),
  );

  app.get(
    '/api/v1/admin/rate-cards',
    {
      config: { policy: manage, problems: [] },
      schema: {
        tags: ['pricing'],
        summary: 'Rate card versions, newest first, each in force, scheduled or superseded',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(rateCardSummarySchema) },
      },
    },
    async (request) => listRateCards(deps.db, request.query),
  );

  app.post(
    '/api/v1/admin/rate-cards',
    {
      config: { policy: manage, problems: ['RATE_CARD_INVALID'] },
      schema: {
        tags: ['pricing'],
        summary:
          'Create a rate card version (a whole card, effective now or later); versions never change',
        body: newRateCardSchema,
        response: { 201: rateCardSchema },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      const created = await createRateCard(
        deps,
        caller,
        request.body,
        auditContextOf(caller, request),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/admin/rate-cards/:id',
    {
      config: { policy: manage, problems: [] },
      schema: {
        tags: ['pricing'],
        summary: 'One rate card version, whole: slabs, surcharges, markup rules, zone data',
        params: z.object({ id: z.uuid() }),
        response: { 200: rateCardSchema },
      },
    },
    async (request) => getRateCard(deps.db, request.params.id),
  );
}
