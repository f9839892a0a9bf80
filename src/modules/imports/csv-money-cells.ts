import { parseRupees, type RupeesProblem } from '../../platform/validation/rupees.js';
import type { ImportRowError } from './import-job.tables.js';

const rupeesMessages: Record<RupeesProblem, string> = {
  'not-an-amount': 'must be an amount in rupees, such as 650, 1,250.50 or ₹1,25,000',
  'too-many-decimals': 'has more than 2 decimals (the smallest amount is 1 paisa, ₹0.01)',
  'misplaced-commas': 'has commas out of place: write 1,250 or 1,25,000 (decimals after a point)',
  'too-large': 'is too large an amount',
};

/** An amount a row gives, the column it came from, or the problems found. */
export interface MoneyCell {
  paise?: number;
  /** The column the amount came from (where errors about it belong); none when both are blank. */
  column?: string;
  errors: ImportRowError[];
}

/**
 * The amount of one money field of a row, given in rupees (`rupeeColumn`: "1,250.50", "₹650")
 * and/or in paise (`paiseColumn`: whole numbers, for integrators). Both given and disagreeing is
 * an error: the file says two things. Blank cells give no amount (the caller decides whether
 * one is required). A paise cell may be negative here, so the schema's own range message shows.
 */
export function moneyCell(
  cells: Record<string, string | undefined>,
  row: number,
  rupeeColumn: string,
  paiseColumn: string,
): MoneyCell {
  const rupeesText = cells[rupeeColumn]?.trim() ?? '';
  const paiseText = cells[paiseColumn]?.trim() ?? '';
  const errors: ImportRowError[] = [];
  let fromRupees: number | undefined;
  let fromPaise: number | undefined;
  if (rupeesText !== '') {
    const parsed = parseRupees(rupeesText);
    if (parsed.ok) fromRupees = parsed.paise;
    else errors.push({ row, column: rupeeColumn, message: rupeesMessages[parsed.problem] });
  }
  if (paiseText !== '') {
    if (/^-?\d{1,15}$/.test(paiseText)) fromPaise = Number(paiseText);
    else errors.push({ row, column: paiseColumn, message: 'must be a whole number of paise' });
  }
  if (fromRupees !== undefined && fromPaise !== undefined && fromRupees !== fromPaise)
    errors.push({
      row,
      column: rupeeColumn,
      message: `${rupeeColumn} ${rupeesText} (${fromRupees} paise) and ${paiseColumn} ${paiseText} disagree; give one of them`,
    });
  const [first] = errors;
  if (first) return first.column === undefined ? { errors } : { column: first.column, errors };
  if (fromRupees !== undefined) return { paise: fromRupees, column: rupeeColumn, errors };
  if (fromPaise !== undefined) return { paise: fromPaise, column: paiseColumn, errors };
  return { errors };
}
