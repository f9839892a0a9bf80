import type { FamilySpec } from './demo-catalog.types.js';

/*
 * HSN codes: an appliance's own parts take its heading's parts subheading (8418 99 refrigerators,
 * 8415 90 air conditioners, 8479 90 air coolers); parts with a heading of their own keep it —
 * compressors 8414 30, motors 8501, capacitors 8532, control boards 8537 10, static converters
 * 8504 40, rubber gaskets 4016 93, toughened glass 7007 19, thermostats 9032 10, sensors 9025 19,
 * switches 8536 50, relays 8536 49, valves 8481 80, copper tube 7411 10, LED lamps 8539 52.
 * GST: every one of them is 18% since GST 2.0 (22 September 2025), which moved air conditioners
 * and their parts down from 28%.
 */

export const refrigerators: FamilySpec = {
  code: 'RF',
  hsn: '84189900',
  models: {
    'KRF-190DC': '190 L direct-cool single door',
    'KRF-215DC': '215 L direct-cool single door',
    'KRF-230DC': '230 L direct-cool single door',
    'KRF-260FF': '260 L frost-free double door',
    'KRF-310FF': '310 L frost-free double door',
    'KRF-345IN': '345 L inverter frost-free double door',
    'KRF-415IN': '415 L inverter frost-free double door',
    'KRF-580SB': '580 L inverter side-by-side',
  },
  groups: {
    'direct-cool': ['KRF-190DC', 'KRF-215DC', 'KRF-230DC'],
    'frost-free': ['KRF-260FF', 'KRF-310FF'],
    inverter: ['KRF-345IN', 'KRF-415IN', 'KRF-580SB'],
  },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 101, name: 'Refrigerator door gasket, fridge door', category: 'Gaskets & seals', hsn: '40169390', price: [450, 1450], weight: [400, 1100], size: [60, 40, 6], fits: { each: [] }, demand: 4, about: 'Magnetic PVC gasket for the fridge door; restores the seal when the door sweats or frost builds up.' },
    { code: 102, name: 'Refrigerator door gasket, freezer door', category: 'Gaskets & seals', hsn: '40169390', price: [380, 900], weight: [250, 600], size: [45, 35, 5], fits: { each: ['frost-free', 'inverter'] }, demand: 3, about: 'Magnetic PVC gasket for the freezer door.' },
    { code: 103, name: 'Refrigerator hermetic compressor', category: 'Compressors', hsn: '84143000', price: [4800, 9800], weight: [7500, 11000], size: [32, 24, 28], fits: { per: ['direct-cool', 'frost-free', 'inverter'] }, demand: 1, about: 'Hermetic reciprocating compressor for R600a refrigerant, supplied charged with oil; inverter models use the BLDC variant.' },
    { code: 104, name: 'Refrigerator capillary thermostat', category: 'Sensors & thermostats', hsn: '90321010', price: [240, 420], weight: [80, 140], size: [12, 8, 5], fits: { per: ['direct-cool'] }, demand: 4, about: 'Capillary thermostat with knob shaft; replace when the compressor runs without stopping or never starts.' },
    { code: 105, name: 'Refrigerator defrost heater', category: 'Heating elements', hsn: '85168000', price: [420, 780], weight: [150, 260], size: [48, 10, 4], fits: { per: ['frost-free', 'inverter'] }, demand: 3, about: 'Glass-tube defrost heater fitted under the evaporator.' },
    { code: 106, name: 'Refrigerator defrost bimetal thermostat', category: 'Sensors & thermostats', hsn: '90321090', price: [150, 260], weight: [30, 60], size: [8, 6, 3], fits: { per: ['frost-free', 'inverter'] }, demand: 3, about: 'Bimetal switch that ends the defrost cycle.' },
    { code: 107, name: 'Refrigerator defrost timer', category: 'Switches & relays', hsn: '91070000', price: [380, 560], weight: [90, 150], size: [10, 7, 5], fits: { per: ['frost-free'] }, demand: 2, about: 'Electromechanical defrost timer, 8 hours of cooling to 25 minutes of defrost.' },
    { code: 108, name: 'Refrigerator PTC relay with overload protector', category: 'Switches & relays', hsn: '85364900', price: [180, 320], weight: [60, 110], size: [9, 7, 5], fits: { per: ['direct-cool', 'frost-free'] }, demand: 5, about: 'Start relay and overload protector kit that plugs onto the compressor terminals.', revised: 2, revisedTwice: true },
    { code: 109, name: 'Refrigerator evaporator fan motor, 12 V DC', category: 'Motors & pumps', hsn: '85011019', price: [650, 1150], weight: [180, 320], size: [14, 12, 10], fits: { per: ['frost-free', 'inverter'] }, demand: 2, about: 'Brushless fan motor that circulates cold air from the freezer to the fridge.' },
    { code: 110, name: 'Refrigerator main control PCB', category: 'Electronics & PCBs', hsn: '85371000', price: [2400, 4200], weight: [180, 320], size: [22, 16, 6], fits: { each: ['inverter'] }, demand: 2, about: 'Main control board with display connector and sensor inputs.', revised: 1 },
    { code: 111, name: 'Refrigerator inverter drive PCB', category: 'Electronics & PCBs', hsn: '85044090', price: [2900, 4900], weight: [220, 380], size: [20, 15, 7], fits: { each: ['inverter'] }, demand: 1, about: 'Inverter board that drives the BLDC compressor.' },
    { code: 112, name: 'Refrigerator NTC temperature sensor, 5 kΩ', category: 'Sensors & thermostats', hsn: '90251990', price: [120, 220], weight: [15, 30], size: [10, 6, 2], fits: 'all', demand: 4, about: 'Moisture-sealed NTC sensor with connector, for the fridge, freezer and defrost positions.' },
    { code: 113, name: 'Refrigerator toughened glass shelf', category: 'Shelves, trays & bins', hsn: '70071900', price: [650, 1500], weight: [1200, 2600], size: [56, 42, 4], fits: { each: [] }, demand: 2, about: 'Toughened glass shelf with moulded spill-proof rim.' },
    { code: 114, name: 'Refrigerator crisper tray', category: 'Shelves, trays & bins', price: [550, 1200], weight: [600, 1100], size: [50, 36, 18], fits: { each: [] }, demand: 2, about: 'Vegetable crisper tray with humidity slider.' },
    { code: 115, name: 'Refrigerator door bin, large', category: 'Shelves, trays & bins', price: [280, 520], weight: [180, 320], size: [48, 12, 10], fits: { each: [] }, demand: 3, about: 'Bottle bin for the fridge door, holds 2-litre bottles.', interchangeable: true },
    { code: 116, name: 'Refrigerator egg tray', category: 'Shelves, trays & bins', price: [60, 120], weight: [60, 110], size: [28, 10, 4], fits: 'all', demand: 3, about: 'Twelve-egg tray.' },
    { code: 117, name: 'Refrigerator ice tray', category: 'Shelves, trays & bins', price: [70, 150], weight: [80, 140], size: [26, 10, 4], fits: { per: ['direct-cool', 'frost-free'] }, demand: 3, about: 'Food-grade polypropylene ice tray.', interchangeable: true },
    { code: 118, name: 'Refrigerator door handle', category: 'Body & trim parts', price: [190, 450], weight: [120, 300], size: [34, 6, 5], fits: { per: ['direct-cool', 'frost-free', 'inverter'] }, demand: 2, about: 'Door handle with screw covers.' },
    { code: 119, name: 'Refrigerator hinge kit, top and bottom', category: 'Hardware & fittings', hsn: '83024900', price: [240, 480], weight: [300, 520], size: [16, 10, 5], fits: { per: ['direct-cool', 'frost-free', 'inverter'] }, demand: 2, about: 'Top and bottom door hinges with pins and bushes.' },
    { code: 120, name: 'Refrigerator LED interior lamp, 1.5 W', category: 'Lamps', hsn: '85395200', price: [160, 280], weight: [20, 40], size: [10, 4, 3], fits: 'all', demand: 3, about: 'LED lamp module with clip-in connector.' },
    { code: 121, name: 'Refrigerator door switch', category: 'Switches & relays', hsn: '85365090', price: [90, 180], weight: [15, 30], size: [6, 4, 3], fits: 'all', demand: 3, about: 'Push switch for the interior lamp and fan cut-off.' },
    { code: 122, name: 'Refrigerator drain pan with pipe', category: 'Body & trim parts', price: [260, 420], weight: [250, 420], size: [30, 22, 6], fits: { per: ['frost-free', 'inverter'] }, demand: 1, about: 'Defrost water pan with drain pipe and clips.' },
    { code: 123, name: 'Refrigerator water dispenser tap', category: 'Valves & hoses', hsn: '84818090', price: [240, 380], weight: [60, 110], size: [9, 7, 6], fits: { per: ['inverter'] }, demand: 1, about: 'Push-type tap for the door water tank.' },
  ],
};

export const airConditioners: FamilySpec = {
  code: 'AC',
  hsn: '84159000',
  models: {
    'KAC-10IS3': '1.0 ton inverter split, 3 star',
    'KAC-10IS5': '1.0 ton inverter split, 5 star',
    'KAC-15IS3': '1.5 ton inverter split, 3 star',
    'KAC-15IS5': '1.5 ton inverter split, 5 star',
    'KAC-20IS3': '2.0 ton inverter split, 3 star',
    'KAC-20IS5': '2.0 ton inverter split, 5 star',
    'KAC-15WF': '1.5 ton window, fixed speed',
  },
  groups: {
    'split 1–1.5 ton': ['KAC-10IS3', 'KAC-10IS5', 'KAC-15IS3', 'KAC-15IS5'],
    'split 2 ton': ['KAC-20IS3', 'KAC-20IS5'],
    split: ['KAC-10IS3', 'KAC-10IS5', 'KAC-15IS3', 'KAC-15IS5', 'KAC-20IS3', 'KAC-20IS5'],
    window: ['KAC-15WF'],
  },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 301, name: 'AC rotary compressor', category: 'Compressors', hsn: '84143000', price: [9800, 18500], weight: [9000, 14000], size: [36, 30, 40], fits: { each: [] }, demand: 1, about: 'Rotary compressor for R32 refrigerant (R22 on the window model), supplied with terminal cover.' },
    { code: 302, name: 'AC indoor fan motor', category: 'Motors & pumps', hsn: '85011019', price: [1400, 2300], weight: [700, 1200], size: [20, 14, 14], fits: { per: ['split 1–1.5 ton', 'split 2 ton'] }, demand: 2, about: 'BLDC motor for the indoor cross-flow blower.' },
    { code: 303, name: 'AC outdoor fan motor', category: 'Motors & pumps', hsn: '85014010', price: [2100, 3400], weight: [1800, 3200], size: [24, 20, 18], fits: { per: ['split 1–1.5 ton', 'split 2 ton', 'window'] }, demand: 2, about: 'Outdoor condenser fan motor with mounting bolts.' },
    { code: 304, name: 'AC run capacitor, 45+5 µF', category: 'Capacitors', hsn: '85322990', price: [260, 380], weight: [150, 230], size: [12, 7, 7], fits: { per: ['window'] }, demand: 5, about: 'Dual run capacitor for the compressor and fan motor, 440 V AC.' },
    { code: 305, name: 'AC fan motor capacitor, 3 µF', category: 'Capacitors', hsn: '85322990', price: [110, 190], weight: [40, 70], size: [7, 4, 4], fits: { per: ['split'] }, demand: 5, about: 'Polypropylene film capacitor, 440 V AC, with leads.' },
    { code: 306, name: 'AC indoor control PCB', category: 'Electronics & PCBs', hsn: '85371000', price: [2600, 4600], weight: [160, 280], size: [22, 14, 6], fits: { each: ['split'] }, demand: 2, about: 'Indoor unit control board with receiver connector.', revised: 1 },
    { code: 307, name: 'AC outdoor inverter PCB', category: 'Electronics & PCBs', hsn: '85044090', price: [4800, 7900], weight: [450, 800], size: [28, 20, 8], fits: { each: ['split'] }, demand: 1, about: 'Outdoor inverter board with IPM and heat sink.' },
    { code: 308, name: 'AC remote control', category: 'Remote controls', hsn: '85437099', price: [480, 780], weight: [90, 140], size: [18, 6, 3], fits: { per: ['split', 'window'] }, demand: 4, about: 'Infrared remote with backlit display; batteries not included.', revised: 1 },
    { code: 309, name: 'AC air filter, pair', category: 'Filters & membranes', price: [220, 380], weight: [80, 160], size: [30, 20, 2], fits: { per: ['split 1–1.5 ton', 'split 2 ton', 'window'] }, demand: 4, about: 'Washable mesh filters for the indoor air intake.' },
    { code: 310, name: 'AC cross-flow blower wheel', category: 'Motors & pumps', price: [850, 1400], weight: [400, 700], size: [70, 12, 12], fits: { per: ['split 1–1.5 ton', 'split 2 ton'] }, demand: 1, about: 'Balanced cross-flow blower wheel with bearing.' },
    { code: 311, name: 'AC louvre swing motor', category: 'Motors & pumps', hsn: '85011019', price: [320, 540], weight: [60, 110], size: [8, 6, 5], fits: { per: ['split'] }, demand: 3, about: '12 V stepper motor that swings the louvre.' },
    { code: 312, name: 'AC room temperature sensor, 10 kΩ', category: 'Sensors & thermostats', hsn: '90251990', price: [140, 240], weight: [10, 25], size: [10, 6, 2], fits: 'all', demand: 4, about: 'NTC sensor at the indoor air intake.' },
    { code: 313, name: 'AC pipe temperature sensor, 10 kΩ', category: 'Sensors & thermostats', hsn: '90251990', price: [160, 260], weight: [15, 30], size: [10, 6, 2], fits: { per: ['split'] }, demand: 3, about: 'NTC sensor clipped to the evaporator or condenser pipe.' },
    { code: 314, name: 'AC electronic expansion valve', category: 'Valves & hoses', hsn: '84818090', price: [1600, 2400], weight: [250, 400], size: [14, 10, 10], fits: { per: ['split'] }, demand: 1, about: 'Electronic expansion valve with coil.' },
    { code: 315, name: 'AC copper pipe kit, 3 m', category: 'Valves & hoses', hsn: '74111000', price: [1800, 2900], weight: [1600, 2600], size: [40, 40, 12], fits: { per: ['split 1–1.5 ton', 'split 2 ton'] }, demand: 3, about: 'Insulated copper pipe pair with flare nuts for a standard installation.' },
    { code: 316, name: 'AC drain pipe, 3 m', category: 'Valves & hoses', hsn: '39173990', price: [90, 160], weight: [120, 220], size: [30, 30, 6], fits: 'all', demand: 4, about: 'Flexible PVC condensate drain pipe.' },
    { code: 317, name: 'AC indoor front panel', category: 'Body & trim parts', price: [1400, 2600], weight: [900, 1600], size: [90, 30, 8], fits: { each: ['split'] }, demand: 1, about: 'Front panel with filter guides.' },
    { code: 318, name: 'AC display board', category: 'Electronics & PCBs', hsn: '85371000', price: [650, 1050], weight: [40, 80], size: [12, 6, 3], fits: { per: ['split'] }, demand: 2, about: 'Display and infrared receiver board.' },
    { code: 319, name: 'AC outdoor wall bracket', category: 'Hardware & fittings', hsn: '73269099', price: [650, 980], weight: [2800, 4200], size: [50, 12, 10], fits: { per: ['split'] }, demand: 3, about: 'Powder-coated steel bracket pair with anchor bolts.' },
  ],
};

export const airCoolers: FamilySpec = {
  code: 'AR',
  hsn: '84799090',
  models: {
    'KAR-35P': '35 L personal air cooler',
    'KAR-55D': '55 L desert air cooler',
    'KAR-70D': '70 L desert air cooler with remote',
  },
  groups: { personal: ['KAR-35P'], desert: ['KAR-55D', 'KAR-70D'], 'with remote': ['KAR-70D'] },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 801, name: 'Air cooler honeycomb cooling pad set', category: 'Filters & membranes', price: [450, 1100], weight: [600, 1800], size: [60, 45, 8], fits: { each: [] }, demand: 4, about: 'Honeycomb cellulose pads for the three sides of the cooler.' },
    { code: 802, name: 'Air cooler water pump, 18 W', category: 'Motors & pumps', hsn: '84137010', price: [220, 380], weight: [180, 300], size: [10, 8, 8], fits: 'all', demand: 5, about: 'Submersible pump that wets the pads.', interchangeable: true },
    { code: 803, name: 'Air cooler water pump, 18 W, long cable', category: 'Motors & pumps', hsn: '84137010', price: [240, 400], weight: [200, 320], size: [10, 8, 8], fits: 'all', demand: 3, about: 'The same pump with a 2 m cable for the desert models.', interchangeable: true },
    { code: 804, name: 'Air cooler fan motor', category: 'Motors & pumps', hsn: '85014010', price: [950, 1650], weight: [1400, 2600], size: [18, 16, 16], fits: { per: ['personal', 'desert'] }, demand: 2, about: 'Fan motor with thermal protection.' },
    { code: 805, name: 'Air cooler fan blade', category: 'Body & trim parts', price: [180, 380], weight: [200, 500], size: [45, 45, 10], fits: { per: ['personal', 'desert'] }, demand: 2, about: 'Balanced fan blade with boss.' },
    { code: 806, name: 'Air cooler louvre swing motor', category: 'Motors & pumps', hsn: '85011019', price: [180, 280], weight: [60, 110], size: [8, 6, 5], fits: 'all', demand: 3, about: 'Synchronous motor for the vertical louvres.' },
    { code: 807, name: 'Air cooler speed switch', category: 'Switches & relays', hsn: '85365090', price: [110, 190], weight: [40, 80], size: [6, 5, 5], fits: 'all', demand: 3, about: 'Rotary switch: off, three speeds, pump.' },
    { code: 808, name: 'Air cooler float valve', category: 'Valves & hoses', hsn: '84818090', price: [90, 160], weight: [40, 70], size: [10, 6, 6], fits: 'all', demand: 3, about: 'Auto-fill float valve for a tap connection.' },
    { code: 809, name: 'Air cooler castor wheel set', category: 'Hardware & fittings', hsn: '83022000', price: [140, 240], weight: [200, 320], size: [12, 10, 8], fits: 'all', demand: 3, about: 'Four swivel castors, two with brakes.' },
    { code: 810, name: 'Air cooler fan capacitor, 2.5 µF', category: 'Capacitors', hsn: '85322990', price: [60, 110], weight: [30, 50], size: [6, 4, 3], fits: 'all', demand: 4, about: 'Polypropylene film capacitor, 440 V AC.' },
    { code: 811, name: 'Air cooler remote control', category: 'Remote controls', hsn: '85437099', price: [280, 420], weight: [60, 100], size: [15, 5, 2], fits: { per: ['with remote'] }, demand: 2, about: 'Infrared remote for speed, swing and timer.' },
  ],
};
