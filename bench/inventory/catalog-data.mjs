// bench/inventory: a deterministic, realistic catalog of one brand's appliance spare parts
// (part numbers like KV-WM-000123, names from a parts vocabulary, categories, compatible models)
// and the search queries run against it.

/** A small seeded PRNG (mulberry32), so every run seeds and queries the same catalog. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const appliances = [
  {
    code: 'WM',
    category: 'Washing machine',
    models: ['WMF', 'WMT', 'WSA'],
    parts: [
      'drive belt',
      'door gasket',
      'drain pump',
      'inlet valve',
      'drum bearing',
      'shock absorber',
      'PCB main board',
      'door lock',
      'motor carbon brush',
      'heater element',
      'pressure switch',
      'timer knob',
    ],
  },
  {
    code: 'RF',
    category: 'Refrigerator',
    models: ['RFD', 'RFS', 'RFB'],
    parts: [
      'compressor',
      'thermostat',
      'door gasket',
      'defrost heater',
      'defrost timer',
      'evaporator fan motor',
      'PCB inverter board',
      'overload protector',
      'relay starter',
      'crisper drawer',
      'ice tray',
      'door hinge',
    ],
  },
  {
    code: 'AC',
    category: 'Air conditioner',
    models: ['ACS', 'ACW', 'ACI'],
    parts: [
      'compressor',
      'capacitor',
      'fan motor',
      'PCB control board',
      'remote control',
      'thermistor sensor',
      'expansion valve',
      'blower wheel',
      'swing motor',
      'filter mesh',
      'condenser coil',
      'drain hose',
    ],
  },
  {
    code: 'MW',
    category: 'Microwave oven',
    models: ['MWC', 'MWG'],
    parts: [
      'magnetron',
      'high voltage diode',
      'turntable motor',
      'glass tray',
      'door switch',
      'PCB keypad board',
      'thermal fuse',
      'stirrer belt',
      'waveguide cover',
    ],
  },
  {
    code: 'DW',
    category: 'Dishwasher',
    models: ['DWF', 'DWT'],
    parts: [
      'wash pump',
      'spray arm',
      'door gasket',
      'inlet valve',
      'heater element',
      'PCB control board',
      'rinse aid dispenser',
      'float switch',
    ],
  },
  {
    code: 'WH',
    category: 'Water heater',
    models: ['WHS', 'WHI'],
    parts: [
      'heating element',
      'thermostat',
      'magnesium anode rod',
      'safety valve',
      'indicator lamp',
      'thermal cut-out',
    ],
  },
];
const qualifiers = [
  '',
  '',
  'front load',
  'top load',
  '1.5 ton',
  '7 kg',
  '190 L',
  '230 V',
  'inverter',
  'double door',
  'stainless',
  'OEM',
];

/** `count` parts of one brand: the columns the bench copies into `parts` (without brand and document). */
export function generateParts(count, seed = 42) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const rows = [];
  for (let i = 1; i <= count; i += 1) {
    const appliance = appliances[i % appliances.length];
    const part = pick(appliance.parts);
    const qualifier = pick(qualifiers);
    const name = `${part[0].toUpperCase()}${part.slice(1)}${qualifier ? ` ${qualifier}` : ''}`;
    const modelCount = 1 + Math.floor(next() * 3);
    const compatibleModels = Array.from(
      { length: modelCount },
      () => `${pick(appliance.models)}-${1000 + Math.floor(next() * 9000)}`,
    );
    const price = 5_000 + Math.floor(next() * 2_000_000);
    rows.push({
      partNumber: `KV-${appliance.code}-${String(i).padStart(6, '0')}`,
      name,
      description: `Genuine ${part} for ${appliance.category.toLowerCase()} models ${compatibleModels.join(', ')}.`,
      category: appliance.category,
      compatibleModels,
      unitPricePaise: price,
      mrpPaise: Math.round(price * 1.25),
      weightGrams: 50 + Math.floor(next() * 20_000),
    });
  }
  return rows;
}

const words = [
  'compressor',
  'drive belt',
  'door gasket',
  'pcb',
  'thermostat',
  'inlet valve',
  'magnetron',
  'drain pump',
  'capacitor',
  'heater element',
  'fan motor',
  'defrost timer',
];
const typos = [
  'comprssor',
  'gaskit',
  'thermostt',
  'drian pump',
  'magnetrn',
  'capacitr',
  'heatr element',
  'inlet vlave',
  'defrst timer',
  'compresor',
];

/**
 * The query mix: exact part numbers (25 %), part-number prefixes (15 %), words (25 %), typos
 * (20 %) and compatible model numbers (15 %), drawn from `parts`; `{ kind, q }` each.
 */
export function searchQueries(parts, count = 400, seed = 7) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const queries = [];
  for (let i = 0; i < count; i += 1) {
    const roll = next();
    const part = pick(parts);
    if (roll < 0.25) queries.push({ kind: 'exact', q: part.partNumber });
    else if (roll < 0.4)
      queries.push({ kind: 'prefix', q: part.partNumber.slice(0, 8 + Math.floor(next() * 3)) });
    else if (roll < 0.65) queries.push({ kind: 'word', q: pick(words) });
    else if (roll < 0.85) queries.push({ kind: 'typo', q: pick(typos) });
    else queries.push({ kind: 'model', q: pick(part.compatibleModels) });
  }
  return queries;
}
