// No imports here: the web app's CSV template reads this list too (web/src/features/imports).

/**
 * The columns of a parts CSV, in the order the export writes them (so export → import round-trips).
 * Rows are validated by the parts API's own `newPartSchema`, so both ways in obey one set of rules.
 */
export const partCsvColumns = [
  'part_number',
  'name',
  'description',
  'category',
  'hsn_code',
  'gst_rate_percent',
  'unit_price_paise',
  'mrp_paise',
  'weight_grams',
  'length_cm',
  'width_cm',
  'height_cm',
  'compatible_models',
  'status',
] as const;
