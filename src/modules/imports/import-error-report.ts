import { csvRecords } from './csv-records.js';
import type { ImportJobRow } from './import-job.repository.js';
import type { ImportRowError } from './import-job.tables.js';
import type { ImportFileStore } from './import-run.js';

/**
 * The rows of an import's error report: `row, column, message` and then the cells of the original
 * row (read again from the stored file, one pass, only the bad rows kept), so a user can fix the
 * rows in the report and upload just those. Errors of the header or of the whole file come first,
 * without cells. If the file is gone, the report still has every error.
 */
export async function* errorReportRows(
  files: ImportFileStore,
  job: ImportJobRow,
): AsyncGenerator<string[]> {
  const byRow = new Map<number, ImportRowError[]>();
  for (const error of job.errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  const line = (error: ImportRowError, cells: string[] = []) => [
    String(error.row),
    error.column ?? '',
    error.message,
    ...cells,
  ];
  const stored = await files.get(job.sourceKey).catch(() => undefined);
  const dataErrors = job.errors.filter((error) => error.row >= 2);
  if (!stored || dataErrors.length === 0) {
    yield ['row', 'column', 'message'];
    for (const error of job.errors) yield line(error);
    return;
  }
  let header: string[] = [];
  const records = csvRecords(stored.stream, (names) => (header = names));
  let started = false;
  for await (const record of records) {
    if (!started) {
      started = true;
      yield ['row', 'column', 'message', ...header];
      for (const error of job.errors.filter((error) => error.row < 2)) yield line(error);
    }
    const errors = byRow.get(record.row);
    if (!errors) continue;
    const cells = header.map((name) => record.cells[name] ?? '');
    for (const error of errors) yield line(error, cells);
  }
}
