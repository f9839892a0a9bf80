import { partCsvColumns, partCsvExample } from '../../../../src/modules/imports/part-csv-columns';
import {
  stockCsvExample,
  stockCsvTemplateColumns,
} from '../../../../src/modules/imports/stock-csv-columns';
import { csvFileText } from '../../lib/csv-file';
import type { ImportKind } from './imports.queries';

/** The columns the parts import reads — the server's own list (the export writes the same). */
export const partColumns = partCsvColumns;

/** The columns of a stock file: a location by name (or `location_id`), part, quantity, cost. */
export const stockColumns = stockCsvTemplateColumns;

/**
 * A template: the header and one example row (the server's own, which its tests import), so a
 * spreadsheet opens with the columns and shows how to fill them — prices in rupees, GST "18%".
 */
export function templateCsv(kind: ImportKind): string {
  if (kind === 'parts')
    return csvFileText([partColumns, partColumns.map((column) => partCsvExample[column])]);
  return csvFileText([stockColumns, stockColumns.map((column) => stockCsvExample[column])]);
}
