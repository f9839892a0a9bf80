import { z } from 'zod';
import { csvRowsOf } from '../../platform/csv/csv-writer.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { auditContextOf } from '../audit/index.js';
import { streamBrandParts } from '../catalog/index.js';
import {
  acceptCsvBodies,
  csvBody,
  csvDownload,
  csvUpload,
  csvUploadLimitBytes,
  sendCsv,
} from './csv-http.js';
import {
  getImportJob,
  importJobViewSchema,
  presentImportJob,
  submitImport,
  type ImportSubmitDeps,
} from './import.service.js';
import { errorReportRows } from './import-error-report.js';
import { registerInventoryImportRoutes } from './inventory-import.routes.js';
import { partCsvColumns, partToCsvRecord } from './part-import.row.js';

const booleanFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');
const acceptedSchema = z.object({ jobId: z.uuid() });

/**
 * Bulk CSV: parts import (a durable job, progress through `/jobs/{jobId}`), the job status and
 * its error report, the catalog export in the import's own format, and the stock routes.
 */
export function registerImportRoutes(app: FastifyZodApp, deps: ImportSubmitDeps): void {
  registerInventoryImportRoutes(app, deps);
  void app.register(async (uploads: FastifyZodApp) => {
    acceptCsvBodies(uploads);
    uploads.post(
      '/api/v1/parts/import',
      {
        bodyLimit: csvUploadLimitBytes,
        config: {
          policy: { access: 'authenticated', capability: 'catalog.import' },
          problems: [],
          rawBody: csvUpload,
        },
        schema: {
          tags: ['imports'],
          summary:
            'Import parts from a CSV file (create or update by part number); answers a job to poll',
          description:
            'Body: the CSV file itself (`Content-Type: text/csv`, at most 50 MB), columns `part_number,name,description,category,hsn_code,gst_rate_percent,unit_price,mrp,weight_grams,length_cm,width_cm,height_cm,compatible_models,status` (models separated by `|`). Header names are matched without regard to case, spaces, hyphens or underscores (`part_number`, `partNumber`, `Part Number`). Prices in rupees (`650`, `1,250.50`, `₹1,25,000`, at most 2 decimals) or in paise in `unit_price_paise` and `mrp_paise`; GST as `18`, `18%` or `18.0`. A part number on two rows (case ignored) is an error on both. The same file with the same options answers the earlier job. Poll `GET /api/v1/jobs/{jobId}`.',
          querystring: z.object({ allOrNothing: booleanFlag }),
          response: { 202: acceptedSchema },
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request);
        const { jobId } = await submitImport(
          deps,
          caller,
          'parts',
          csvBody(request.body),
          { allOrNothing: request.query.allOrNothing },
          auditContextOf(caller, request),
        );
        return reply.status(202).send({ jobId });
      },
    );
  });

  app.get(
    '/api/v1/jobs/:jobId',
    {
      config: {
        policy: { access: 'authenticated', capability: 'imports.read' },
        problems: [],
      },
      schema: {
        tags: ['imports'],
        summary: 'Status, progress and row errors of an import job of the organization',
        params: z.object({ jobId: z.uuid() }),
        response: { 200: importJobViewSchema },
      },
    },
    async (request) =>
      presentImportJob(
        await getImportJob(deps, requireCaller(request).organizationId, request.params.jobId),
      ),
  );

  app.get(
    '/api/v1/jobs/:jobId/errors.csv',
    {
      config: {
        policy: { access: 'authenticated', capability: 'imports.read' },
        problems: [],
        rawResponse: csvDownload,
      },
      schema: {
        tags: ['imports'],
        summary:
          'The row errors of an import job as a CSV download: row, column, message and the cells of the row',
        params: z.object({ jobId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const job = await getImportJob(
        deps,
        requireCaller(request).organizationId,
        request.params.jobId,
      );
      return sendCsv(reply, `import-${job.id}-errors.csv`, errorReportRows(deps.files, job));
    },
  );

  app.get(
    '/api/v1/parts/export.csv',
    {
      config: {
        policy: { access: 'authenticated', capability: 'catalog.export' },
        problems: [],
        rawResponse: csvDownload,
      },
      schema: {
        tags: ['imports'],
        summary: "The brand's catalog as CSV, in the columns the import reads (prices in rupees)",
      },
    },
    async (request, reply) => {
      const brandId = requireCaller(request).organizationId;
      async function* rows() {
        for await (const batch of streamBrandParts(deps.pool, brandId)) {
          for (const part of batch) yield partToCsvRecord(part);
        }
      }
      return sendCsv(reply, 'parts.csv', csvRowsOf(partCsvColumns, rows()));
    },
  );
}
