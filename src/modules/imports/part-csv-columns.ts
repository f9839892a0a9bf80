// No imports here: the web app's CSV template reads these lists too (web/src/features/imports).

/**
 * The columns of a parts CSV, in the order the export writes them (so export → import round-trips)
 * and the template shows them. Prices are in rupees ("1250.50"). Rows are validated by the parts
 * API's own `newPartSchema`, so both ways in obey one set of rules.
 */
export const partCsvColumns = [
  'part_number',
  'name',
  'description',
  'category',
  'hsn_code',
  'gst_rate_percent',
  'unit_price',
  'mrp',
  'weight_grams',
  'length_cm',
  'width_cm',
  'height_cm',
  'compatible_models',
  'status',
] as const;
export type PartCsvColumn = (typeof partCsvColumns)[number];

/**
 * The prices in integer paise, for integrators whose systems hold paise (the API's
 * `unitPricePaise`, `mrpPaise`): accepted instead of, or beside, the rupee columns.
 */
export const partCsvPaiseColumns = ['unit_price_paise', 'mrp_paise'] as const;
export type PartCsvPaiseColumn = (typeof partCsvPaiseColumns)[number];

/**
 * The example row of the parts template: a realistic part, prices in rupees, GST as people write
 * it. Plain ASCII, so a spreadsheet that guesses another encoding still shows it right.
 * A unit test checks that the import reads it.
 */
export const partCsvExample: Readonly<Record<PartCsvColumn, string>> = {
  part_number: 'WM-DP-450',
  name: 'Drain pump 40 W, front-load washer',
  description: 'Fits 6 to 8 kg front loaders; 230 V AC',
  category: 'Pumps',
  hsn_code: '84509000',
  gst_rate_percent: '18%',
  unit_price: '1,250.00',
  mrp: '1,499.00',
  weight_grams: '450',
  length_cm: '12',
  width_cm: '10',
  height_cm: '8',
  compatible_models: 'FL-6KG|FL-7KG|FL-8KG',
  status: 'active',
};
