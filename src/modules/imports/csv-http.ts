import type { FastifyReply } from 'fastify';
import { csvStream, type CsvCell } from '../../platform/csv/csv-writer.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import type { RawMedia } from '../../platform/http/route-problems.js';
import { AppError } from '../../platform/errors/app-error.js';

/** Upper bound of an uploaded CSV (the server-wide JSON limit stays small). */
export const csvUploadLimitBytes = 50 * 1024 * 1024;

/** The upload routes' request body in the OpenAPI document: the file itself. */
export const csvUpload: RawMedia = {
  mediaTypes: ['text/csv', 'application/csv'],
  encoding: 'text',
};
/** The downloads' 200 in the OpenAPI document. */
export const csvDownload: RawMedia & { status: number } = {
  status: 200,
  mediaTypes: ['text/csv'],
  encoding: 'text',
};

/**
 * Makes `scope` (an encapsulated plugin holding only the upload routes) accept `text/csv` bodies
 * as raw bytes and nothing else: any other content type is 415 UNSUPPORTED_MEDIA_TYPE.
 */
export function acceptCsvBodies(scope: FastifyZodApp): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    [...csvUpload.mediaTypes],
    { parseAs: 'buffer', bodyLimit: csvUploadLimitBytes },
    (_request, body, done) => done(null, body),
  );
}

/** The uploaded bytes of a CSV route (the parser above hands a Buffer). */
export function csvBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'Send the file as text/csv.' });
  return body;
}

/**
 * Streams a CSV download through the platform's one CSV writer (formula cells neutralised,
 * rows written as they are read, never collected in memory). `rows` starts with the header;
 * `csvRowsOf(columns, records)` makes such rows of records.
 */
export function sendCsv(
  reply: FastifyReply,
  filename: string,
  rows: AsyncIterable<readonly CsvCell[]>,
): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csvStream(rows));
}
