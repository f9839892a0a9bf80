export const inventorySecurity: Array<Record<string, string[]>> = [
  { bearerAuth: [] },
  { apiKey: [] },
];

/** Organizations that hold stock. */
export const stockHolders = ['brand', 'distributor', 'service_center'] as const;
