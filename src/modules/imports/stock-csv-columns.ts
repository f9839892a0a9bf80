// No imports here: the web app's CSV template reads these lists too (web/src/features/imports).

/**
 * Stock CSV columns: a location by id or by name, the part number, the quantity, the unit cost
 * of what is received (in rupees, or in paise for integrators) and the adjustment reason.
 */
export const stockCsvColumns = [
  'location_id',
  'location_name',
  'part_number',
  'quantity',
  'unit_cost',
  'unit_cost_paise',
  'reason',
] as const;
export type StockCsvColumn = (typeof stockCsvColumns)[number];

/** Columns the stock export adds for people to read; the import accepts and ignores them. */
export const stockInformationalColumns = [
  'part_name',
  'reserved',
  'available',
  'in_transit',
  'average_cost_paise',
] as const;

/** The columns of the stock template: what a person fills in for a stock count or a receipt. */
export const stockCsvTemplateColumns = [
  'location_name',
  'part_number',
  'quantity',
  'unit_cost',
  'reason',
] as const satisfies readonly StockCsvColumn[];

/**
 * The example row of the stock template (25 of the parts template's drain pump received at a
 * warehouse, cost in rupees). A unit test checks that the import reads it.
 */
export const stockCsvExample: Readonly<Record<(typeof stockCsvTemplateColumns)[number], string>> = {
  location_name: 'Pune warehouse',
  part_number: 'WM-DP-450',
  quantity: '25',
  unit_cost: '980.00',
  reason: 'receipt',
};
