/** Organizations that hold stock. */
export const stockHolders = ['brand', 'distributor', 'service_center'] as const;
