import type { FamilySpec } from './demo-catalog.types.js';

/*
 * HSN codes: water purifier parts 8421 99, water heater and other electro-thermic parts 8516 90,
 * washing machine parts 8450 90, dishwasher parts 8422 90; pumps 8413 70, heating elements
 * 8516 80, safety valves 8481 40, belts 4010 39, plastic hoses 3917 39, UV lamps 8539 49, level
 * sensors 9026 20, gears 8483 40, time switches 9107. GST 18% for all (GST 2.0).
 */

export const waterPurifiers: FamilySpec = {
  code: 'WP',
  hsn: '84219900',
  models: {
    'KWP-RO7': 'RO + UV purifier, 7 L',
    'KWP-RUF8': 'RO + UF purifier, 8 L',
    'KWP-RUC9': 'RO + UV + copper purifier, 9 L',
    'KWP-UV10': 'UV purifier, 10 L',
  },
  groups: {
    RO: ['KWP-RO7', 'KWP-RUF8', 'KWP-RUC9'],
    '80 GPD RO': ['KWP-RO7', 'KWP-RUF8'],
    '100 GPD RO': ['KWP-RUC9'],
    'RO + UV': ['KWP-RO7', 'KWP-RUC9'],
    UV: ['KWP-UV10'],
    UF: ['KWP-RUF8'],
    copper: ['KWP-RUC9'],
  },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 501, name: 'Water purifier RO membrane', category: 'Filters & membranes', price: [1200, 2100], weight: [450, 700], size: [32, 8, 8], fits: { per: ['80 GPD RO', '100 GPD RO'] }, demand: 4, about: 'Thin-film composite RO membrane; replace every 18–24 months or when the TDS rises.', interchangeable: true },
    { code: 502, name: 'Water purifier sediment filter, 10 inch', category: 'Filters & membranes', price: [180, 320], weight: [150, 250], size: [27, 7, 7], fits: 'all', demand: 5, about: 'Spun polypropylene 5-micron sediment cartridge.', interchangeable: true },
    { code: 503, name: 'Water purifier sediment filter, 10 inch, pleated', category: 'Filters & membranes', price: [220, 360], weight: [160, 260], size: [27, 7, 7], fits: 'all', demand: 3, about: 'Washable pleated sediment cartridge, same housing.', interchangeable: true },
    { code: 504, name: 'Water purifier pre-carbon filter', category: 'Filters & membranes', price: [220, 380], weight: [250, 400], size: [27, 7, 7], fits: { per: ['RO'] }, demand: 5, about: 'Granular activated carbon cartridge that removes chlorine before the membrane.' },
    { code: 505, name: 'Water purifier post-carbon filter', category: 'Filters & membranes', price: [240, 420], weight: [180, 300], size: [27, 6, 6], fits: 'all', demand: 5, about: 'Inline carbon polisher for taste and odour.' },
    { code: 506, name: 'Water purifier UF membrane', category: 'Filters & membranes', price: [650, 980], weight: [300, 450], size: [30, 7, 7], fits: { per: ['UF'] }, demand: 3, about: 'Hollow-fibre ultrafiltration membrane.' },
    { code: 507, name: 'Water purifier UV lamp', category: 'Lamps', hsn: '85394900', price: [420, 720], weight: [60, 110], size: [25, 4, 4], fits: { per: ['RO + UV', 'UV'] }, demand: 3, about: 'Germicidal UV lamp; replace yearly.' },
    { code: 508, name: 'Water purifier booster pump, 24 V', category: 'Motors & pumps', hsn: '84137010', price: [1400, 2200], weight: [900, 1300], size: [18, 10, 10], fits: { per: ['RO'] }, demand: 2, about: 'Diaphragm booster pump, 75–100 GPD.', revised: 1 },
    { code: 509, name: 'Water purifier SMPS, 24 V 2.5 A', category: 'Electronics & PCBs', hsn: '85044090', price: [550, 850], weight: [200, 320], size: [14, 7, 5], fits: { per: ['RO'] }, demand: 3, about: 'Switched-mode power supply for the pump and solenoid valve.' },
    { code: 510, name: 'Water purifier solenoid valve, 24 V', category: 'Valves & hoses', hsn: '84818090', price: [280, 460], weight: [90, 150], size: [9, 6, 6], fits: { per: ['RO'] }, demand: 3, about: 'Inlet solenoid valve with quarter-inch push fittings.' },
    { code: 511, name: 'Water purifier float switch', category: 'Switches & relays', hsn: '85365090', price: [150, 280], weight: [40, 80], size: [10, 5, 5], fits: 'all', demand: 3, about: 'Tank-full float switch.' },
    { code: 512, name: 'Water purifier copper cartridge', category: 'Filters & membranes', price: [520, 780], weight: [250, 380], size: [27, 6, 6], fits: { per: ['copper'] }, demand: 2, about: 'Copper-infusing cartridge.' },
    { code: 513, name: 'Water purifier filter service kit', category: 'Service kits', price: [890, 1490], weight: [600, 900], size: [30, 20, 10], fits: { each: ['RO'] }, demand: 4, about: 'Sediment, pre-carbon and post-carbon cartridges with O-rings for the yearly service.' },
    { code: 514, name: 'Water purifier flow restrictor, 450 ml', category: 'Valves & hoses', price: [70, 130], weight: [10, 20], size: [8, 3, 3], fits: { per: ['RO'] }, demand: 3, about: 'Reject-water flow restrictor matched to the membrane.' },
    { code: 515, name: 'Water purifier faucet', category: 'Valves & hoses', hsn: '84818090', price: [160, 290], weight: [60, 110], size: [10, 8, 5], fits: 'all', demand: 3, about: 'Push-type faucet with lock.' },
  ],
};

export const waterHeaters: FamilySpec = {
  code: 'WH',
  hsn: '85169000',
  models: {
    'KWH-15V': '15 L storage water heater, vertical',
    'KWH-25V': '25 L storage water heater, vertical',
    'KWH-3IN': '3 L instant water heater',
  },
  groups: { storage: ['KWH-15V', 'KWH-25V'], instant: ['KWH-3IN'] },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 901, name: 'Water heater heating element, 2 kW', category: 'Heating elements', hsn: '85168000', price: [450, 720], weight: [300, 450], size: [40, 8, 8], fits: { per: ['storage'] }, demand: 4, about: 'Incoloy-sheathed element with flange gasket.' },
    { code: 902, name: 'Water heater heating element, 3 kW', category: 'Heating elements', hsn: '85168000', price: [420, 680], weight: [200, 320], size: [22, 8, 8], fits: { per: ['instant'] }, demand: 3, about: 'Copper element for the instant heater.' },
    { code: 903, name: 'Water heater thermostat', category: 'Sensors & thermostats', hsn: '90321010', price: [260, 420], weight: [80, 140], size: [14, 6, 5], fits: { per: ['storage'] }, demand: 4, about: 'Adjustable rod thermostat, 25–75 °C.' },
    { code: 904, name: 'Water heater thermal cut-out', category: 'Switches & relays', hsn: '85363000', price: [140, 240], weight: [30, 60], size: [6, 5, 4], fits: 'all', demand: 3, about: 'Manual-reset safety cut-out at 90 °C.' },
    { code: 905, name: 'Water heater magnesium anode rod', category: 'Body & trim parts', price: [280, 420], weight: [300, 500], size: [36, 4, 4], fits: { each: ['storage'] }, demand: 4, about: 'Sacrificial anode that protects the tank; check it every year in hard-water areas.' },
    { code: 906, name: 'Water heater multi-function valve', category: 'Valves & hoses', hsn: '84814000', price: [240, 380], weight: [120, 200], size: [10, 6, 6], fits: { per: ['storage'] }, demand: 3, about: 'Pressure-relief and non-return valve, 8 bar.' },
    { code: 907, name: 'Water heater indicator lamp set', category: 'Lamps', hsn: '85399090', price: [40, 90], weight: [10, 20], size: [5, 3, 3], fits: 'all', demand: 3, about: 'Red heating and green ready neon lamps.' },
    { code: 908, name: 'Water heater flange gasket', category: 'Gaskets & seals', hsn: '40169390', price: [120, 220], weight: [20, 40], size: [10, 10, 1], fits: { each: ['storage'] }, demand: 2, about: 'Silicone flange gasket for the element.' },
    { code: 909, name: 'Water heater braided connection pipe pair, 18 inch', category: 'Valves & hoses', hsn: '83071000', price: [260, 420], weight: [300, 420], size: [24, 12, 6], fits: 'all', demand: 3, about: 'Stainless-steel braided inlet and outlet pipes.' },
  ],
};

export const washingMachines: FamilySpec = {
  code: 'WM',
  hsn: '84509000',
  models: {
    'KWM-62SA': '6.2 kg semi-automatic top load',
    'KWM-75SA': '7.5 kg semi-automatic top load',
    'KWM-65TL': '6.5 kg fully automatic top load',
    'KWM-70TL': '7 kg fully automatic top load',
    'KWM-80TL': '8 kg fully automatic top load, inverter',
    'KWM-70FL': '7 kg front load, inverter',
    'KWM-80FL': '8 kg front load, inverter',
    'KWM-90FL': '9 kg front load, inverter with steam',
  },
  groups: {
    'semi-automatic': ['KWM-62SA', 'KWM-75SA'],
    'top load': ['KWM-65TL', 'KWM-70TL', 'KWM-80TL'],
    'front load': ['KWM-70FL', 'KWM-80FL', 'KWM-90FL'],
  },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 201, name: 'Washing machine drive belt', category: 'Belts & drives', hsn: '40103999', price: [180, 340], weight: [60, 120], size: [20, 12, 2], fits: { per: ['semi-automatic', 'top load'] }, demand: 4, about: 'V-belt between motor and gearbox.', interchangeable: true },
    { code: 202, name: 'Washing machine drain pump', category: 'Motors & pumps', hsn: '84137010', price: [650, 1150], weight: [400, 700], size: [16, 10, 10], fits: { per: ['top load', 'front load'] }, demand: 3, about: 'Synchronous drain pump with filter housing.' },
    { code: 203, name: 'Washing machine water inlet valve, dual', category: 'Valves & hoses', hsn: '84818090', price: [480, 780], weight: [150, 260], size: [12, 8, 8], fits: { per: ['top load', 'front load'] }, demand: 4, about: 'Dual solenoid inlet valve, 230 V AC.' },
    { code: 204, name: 'Washing machine wash motor', category: 'Motors & pumps', hsn: '85014010', price: [2200, 5400], weight: [2500, 6500], size: [26, 22, 20], fits: { per: ['semi-automatic', 'top load', 'front load'] }, demand: 1, about: 'Wash motor: induction on the semi-automatics, BLDC on the automatics, direct drive on the front loaders.' },
    { code: 205, name: 'Washing machine spin motor', category: 'Motors & pumps', hsn: '85014010', price: [1600, 2400], weight: [1800, 2600], size: [20, 18, 16], fits: { per: ['semi-automatic'] }, demand: 1, about: 'Spin tub motor with brake drum.' },
    { code: 206, name: 'Washing machine main control PCB', category: 'Electronics & PCBs', hsn: '85371000', price: [2100, 4800], weight: [200, 380], size: [24, 16, 6], fits: { each: ['top load', 'front load'] }, demand: 2, about: 'Programme controller with display.', revised: 1 },
    { code: 207, name: 'Washing machine door lock', category: 'Switches & relays', hsn: '85365090', price: [620, 980], weight: [80, 140], size: [10, 6, 5], fits: { per: ['front load'] }, demand: 3, about: 'Door interlock with delay, three terminals.', revised: 1 },
    { code: 208, name: 'Washing machine door bellow gasket', category: 'Gaskets & seals', hsn: '40169390', price: [1100, 1900], weight: [700, 1200], size: [40, 40, 12], fits: { each: ['front load'] }, demand: 2, about: 'Door bellow with drain holes; replace when torn or mouldy.' },
    { code: 209, name: 'Washing machine shock absorber, pair', category: 'Body & trim parts', price: [540, 860], weight: [500, 800], size: [30, 10, 6], fits: { per: ['front load'] }, demand: 2, about: 'Friction dampers under the drum.' },
    { code: 210, name: 'Washing machine suspension rod set', category: 'Body & trim parts', price: [780, 1200], weight: [700, 1100], size: [60, 10, 6], fits: { per: ['top load'] }, demand: 2, about: 'Four suspension rods with dampers.' },
    { code: 211, name: 'Washing machine pulsator', category: 'Body & trim parts', price: [380, 820], weight: [300, 700], size: [36, 36, 8], fits: { each: ['semi-automatic', 'top load'] }, demand: 2, about: 'Pulsator with centre screw.' },
    { code: 212, name: 'Washing machine lint filter', category: 'Filters & membranes', price: [90, 180], weight: [30, 60], size: [14, 8, 4], fits: { per: ['semi-automatic', 'top load'] }, demand: 5, about: 'Clip-in lint filter bag.', interchangeable: true },
    { code: 213, name: 'Washing machine drain hose, 1.5 m', category: 'Valves & hoses', hsn: '39173990', price: [150, 260], weight: [150, 260], size: [25, 25, 6], fits: 'all', demand: 4, about: 'Corrugated drain hose with hook.' },
    { code: 214, name: 'Washing machine inlet hose, 1.5 m', category: 'Valves & hoses', hsn: '39173990', price: [190, 320], weight: [200, 320], size: [25, 25, 6], fits: 'all', demand: 4, about: 'Inlet hose with tap adapter.' },
    { code: 215, name: 'Washing machine wash timer', category: 'Switches & relays', hsn: '91070000', price: [320, 520], weight: [90, 150], size: [8, 8, 6], fits: { per: ['semi-automatic'] }, demand: 3, about: '15-minute wash timer with knob.' },
    { code: 216, name: 'Washing machine spin timer', category: 'Switches & relays', hsn: '91070000', price: [280, 460], weight: [80, 130], size: [8, 8, 6], fits: { per: ['semi-automatic'] }, demand: 3, about: '5-minute spin timer with knob.' },
    { code: 217, name: 'Washing machine motor capacitor, 10 µF', category: 'Capacitors', hsn: '85322990', price: [90, 160], weight: [40, 70], size: [7, 4, 4], fits: { per: ['semi-automatic'] }, demand: 4, about: 'Run capacitor, 440 V AC.' },
    { code: 218, name: 'Washing machine water level sensor', category: 'Sensors & thermostats', hsn: '90262000', price: [380, 620], weight: [50, 90], size: [8, 6, 5], fits: { per: ['top load', 'front load'] }, demand: 3, about: 'Pressure switch that reads the water level.' },
    { code: 219, name: 'Washing machine clutch assembly', category: 'Belts & drives', hsn: '84834000', price: [1800, 2600], weight: [1800, 2600], size: [22, 16, 16], fits: { per: ['top load'] }, demand: 1, about: 'Gearbox and clutch for wash and spin.' },
    { code: 220, name: 'Washing machine lid switch', category: 'Switches & relays', hsn: '85365090', price: [140, 260], weight: [20, 40], size: [6, 4, 3], fits: { per: ['top load'] }, demand: 3, about: 'Lid safety switch.' },
    { code: 221, name: 'Washing machine detergent drawer', category: 'Body & trim parts', price: [420, 680], weight: [250, 400], size: [30, 16, 10], fits: { per: ['front load'] }, demand: 1, about: 'Three-compartment detergent drawer.' },
    { code: 222, name: 'Washing machine heater, 1,800 W', category: 'Heating elements', hsn: '85168000', price: [720, 1100], weight: [250, 400], size: [30, 8, 6], fits: { per: ['front load'] }, demand: 2, about: 'Drum heater with NTC sensor seat.' },
  ],
};

export const dishwashers: FamilySpec = {
  code: 'DW',
  hsn: '84229000',
  models: {
    'KDW-12P': '12 place settings, freestanding',
    'KDW-14P': '14 place settings, freestanding',
  },
  groups: {},
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 601, name: 'Dishwasher wash pump motor', category: 'Motors & pumps', hsn: '84137010', price: [3200, 4600], weight: [1600, 2400], size: [26, 18, 18], fits: 'all', demand: 1, about: 'Circulation pump motor.' },
    { code: 602, name: 'Dishwasher drain pump', category: 'Motors & pumps', hsn: '84137010', price: [1100, 1600], weight: [350, 550], size: [14, 10, 10], fits: 'all', demand: 2, about: 'Synchronous drain pump.' },
    { code: 603, name: 'Dishwasher flow-through heater', category: 'Heating elements', hsn: '85168000', price: [1800, 2600], weight: [500, 800], size: [24, 12, 12], fits: 'all', demand: 1, about: 'Flow-through heater, 1,800 W.' },
    { code: 604, name: 'Dishwasher lower spray arm', category: 'Body & trim parts', price: [450, 720], weight: [150, 250], size: [44, 8, 4], fits: 'all', demand: 2, about: 'Lower spray arm with bearing.' },
    { code: 605, name: 'Dishwasher upper spray arm', category: 'Body & trim parts', price: [420, 680], weight: [120, 220], size: [40, 8, 4], fits: 'all', demand: 2, about: 'Upper spray arm with feed pipe nut.' },
    { code: 606, name: 'Dishwasher filter assembly', category: 'Filters & membranes', price: [650, 980], weight: [200, 320], size: [20, 14, 10], fits: 'all', demand: 3, about: 'Coarse and micro filter assembly; clean weekly.' },
    { code: 607, name: 'Dishwasher door gasket', category: 'Gaskets & seals', hsn: '40169390', price: [780, 1200], weight: [250, 400], size: [30, 30, 4], fits: { each: [] }, demand: 2, about: 'Tub door gasket.' },
    { code: 608, name: 'Dishwasher main control PCB', category: 'Electronics & PCBs', hsn: '85371000', price: [3400, 5200], weight: [250, 400], size: [24, 16, 6], fits: { each: [] }, demand: 1, about: 'Main board with programme memory.' },
    { code: 609, name: 'Dishwasher detergent dispenser', category: 'Body & trim parts', price: [950, 1450], weight: [200, 320], size: [16, 10, 6], fits: 'all', demand: 1, about: 'Detergent and rinse-aid dispenser with actuator.' },
    { code: 610, name: 'Dishwasher water inlet valve', category: 'Valves & hoses', hsn: '84818090', price: [520, 780], weight: [120, 200], size: [10, 8, 8], fits: 'all', demand: 2, about: 'Single inlet valve with anti-flood switch.' },
    { code: 611, name: 'Dishwasher basket wheel set', category: 'Hardware & fittings', price: [180, 320], weight: [60, 120], size: [12, 8, 4], fits: 'all', demand: 2, about: 'Eight wheels for the lower basket.' },
  ],
};
