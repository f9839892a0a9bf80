import { z } from 'zod';
import { csvRowsOf } from '../../platform/csv/csv-writer.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import { exportStockLevels, exportStockMovements } from '../inventory/index.js';
import {
  acceptCsvBodies,
  csvBody,
  csvDownload,
  csvUpload,
  csvUploadLimitBytes,
  sendCsv,
} from './csv-http.js';
import { submitImport, type ImportSubmitDeps } from './import.service.js';

const levelColumns = [
  'location_id',
  'location_name',
  'part_number',
  'part_name',
  'quantity',
  'reserved',
  'available',
  'in_transit',
  'average_cost_paise',
] as const;

const movementColumns = [
  'id',
  'created_at',
  'location_id',
  'location_name',
  'part_number',
  'kind',
  'on_hand_delta',
  'reserved_delta',
  'in_transit_delta',
  'reason',
  'note',
  'reference_type',
  'reference_id',
  'unit_cost_paise',
  'actor_user_id',
  'actor_api_key_id',
  // Added later, at the end, so files read by column position keep their meaning.
  'part_name',
  'location_city',
  'actor_name',
] as const;

/**
 * Stock by CSV: import (set quantities or adjust them, through the ledger as a durable job) and
 * exports of the organization's stock levels and of its movement ledger.
 */
export function registerInventoryImportRoutes(app: FastifyZodApp, deps: ImportSubmitDeps): void {
  void app.register(async (uploads: FastifyZodApp) => {
    acceptCsvBodies(uploads);
    uploads.post(
      '/api/v1/inventory/import',
      {
        bodyLimit: csvUploadLimitBytes,
        config: {
          policy: { access: 'authenticated', capability: 'stock.import' },
          problems: [],
          rawBody: csvUpload,
        },
        schema: {
          tags: ['imports'],
          summary:
            'Import stock from a CSV file: set quantities on hand or adjust them; answers a job to poll',
          description:
            'Body: the CSV file itself (`Content-Type: text/csv`, at most 50 MB), columns `location_id` or `location_name`, `part_number`, `quantity`, optional `unit_cost` (rupees) or `unit_cost_paise` and `reason`; header names matched without regard to case, spaces, hyphens or underscores. `mode=set`: quantity on hand to reach; `mode=adjust`: signed change. Poll `GET /api/v1/jobs/{jobId}`.',
          querystring: z.object({
            mode: z.enum(['set', 'adjust']),
            allOrNothing: z
              .enum(['true', 'false'])
              .default('false')
              .transform((value) => value === 'true'),
          }),
          response: { 202: z.object({ jobId: z.uuid() }) },
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request);
        const { jobId } = await submitImport(
          deps,
          caller,
          'stock',
          csvBody(request.body),
          { mode: request.query.mode, allOrNothing: request.query.allOrNothing },
          auditContextOf(caller, request),
        );
        return reply.status(202).send({ jobId });
      },
    );
  });

  app.get(
    '/api/v1/inventory/export.csv',
    {
      config: {
        policy: { access: 'authenticated', capability: 'stock.export' },
        problems: [],
        rawResponse: csvDownload,
      },
      schema: {
        tags: ['imports'],
        summary: "The organization's stock levels as CSV (imports back unchanged with mode=set)",
      },
    },
    async (request, reply) => {
      const organizationId = requireCaller(request).organizationId;
      async function* rows() {
        for await (const batch of exportStockLevels(deps.pool, organizationId)) yield* batch;
      }
      return sendCsv(reply, 'stock.csv', csvRowsOf(levelColumns, rows()));
    },
  );

  app.get(
    '/api/v1/inventory/movements/export.csv',
    {
      config: {
        policy: { access: 'authenticated', capability: 'stock.export' },
        problems: [],
        rawResponse: csvDownload,
      },
      schema: {
        tags: ['imports'],
        summary: "The organization's stock movement ledger as CSV, oldest first",
        description:
          'Columns: id, created_at, location_id, location_name, part_number, kind, on_hand_delta, reserved_delta, in_transit_delta, reason, note, reference_type, reference_id, unit_cost_paise, actor_user_id, actor_api_key_id, part_name, location_city, actor_name (the member or API key of the organization who made the movement; empty for SpareFlow jobs and people no longer in the organization).',
      },
    },
    async (request, reply) => {
      const organizationId = requireCaller(request).organizationId;
      async function* rows() {
        for await (const batch of exportStockMovements(deps, organizationId)) yield* batch;
      }
      return sendCsv(reply, 'stock-movements.csv', csvRowsOf(movementColumns, rows()));
    },
  );
}
