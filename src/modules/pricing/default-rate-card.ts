import type { RateCardTerms, SlabPrice, Zone } from './rate-card.js';

const slabs = (prices: Record<Zone, [first: number, additional: number]>) =>
  Object.fromEntries(
    Object.entries(prices).map(([zone, [first, additional]]) => [
      zone,
      { firstSlabPaise: first, additionalSlabPaise: additional } satisfies SlabPrice,
    ]),
  ) as Record<Zone, SlabPrice>;

/**
 * The first rate card of an installation (version 1, seeded by the pricing migration's data step
 * at start-up when no version exists). **Test-fixture numbers, not a real tariff**: the metro
 * express price (₹63 first 500 g + ₹56 per additional 500 g) and the ground price (₹141 up to
 * 3 kg + ₹37 per additional kg) are one DTDC customer's card seen in public integrator code; the
 * other zones are scaled around them; COD ₹36 or 2.5 % is Shiprocket's worked example
 * (docs/pricing.md). Administrators replace it with the contracted card as a new version.
 */
export const defaultRateCardTerms: RateCardTerms = {
  volumetricDivisor: 5000,
  fuelSurchargeBps: 1000,
  cod: { flatPaise: 3600, percentBps: 250 },
  services: [
    {
      serviceType: 'standard',
      label: 'Standard express',
      firstSlabGrams: 500,
      additionalSlabGrams: 500,
      slabs: slabs({
        within_city: [3800, 3400],
        within_state: [4800, 4300],
        metro_to_metro: [6300, 5600],
        rest_of_india: [7200, 6400],
        special: [9500, 8500],
      }),
    },
    {
      serviceType: 'ground',
      label: 'Ground express',
      firstSlabGrams: 3000,
      additionalSlabGrams: 1000,
      slabs: slabs({
        within_city: [9900, 2600],
        within_state: [11900, 3100],
        metro_to_metro: [14100, 3700],
        rest_of_india: [15900, 4200],
        special: [19900, 5600],
      }),
    },
  ],
  markupRules: [
    { brandId: null, partyType: null, percentBps: 1000, minimumPaise: 1000 },
    { brandId: null, partyType: 'service_center', percentBps: 800, minimumPaise: 1000 },
    { brandId: null, partyType: 'customer', percentBps: 1500, minimumPaise: 1500 },
  ],
  metroCities: [
    ...['Delhi', 'New Delhi', 'Gurugram', 'Noida', 'Ghaziabad', 'Faridabad'].map((city) => ({
      city,
      metro: 'Delhi NCR',
    })),
    ...['Mumbai', 'Thane', 'Navi Mumbai'].map((city) => ({ city, metro: 'Mumbai' })),
    { city: 'Bengaluru', metro: 'Bengaluru' },
    { city: 'Chennai', metro: 'Chennai' },
    { city: 'Kolkata', metro: 'Kolkata' },
    { city: 'Hyderabad', metro: 'Hyderabad' },
    { city: 'Ahmedabad', metro: 'Ahmedabad' },
    { city: 'Pune', metro: 'Pune' },
  ],
  specialRegions: [
    ...(
      [
        'Arunachal Pradesh',
        'Assam',
        'Manipur',
        'Meghalaya',
        'Mizoram',
        'Nagaland',
        'Sikkim',
        'Tripura',
      ] as const
    ).map((state) => ({ state, region: 'North-East' })),
    { state: 'Jammu and Kashmir', region: 'Jammu & Kashmir' },
    { state: 'Ladakh', region: 'Ladakh' },
    { state: 'Andaman and Nicobar Islands', region: 'Andaman & Nicobar' },
    { state: 'Lakshadweep', region: 'Lakshadweep' },
  ],
};
