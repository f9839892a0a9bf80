import type { FamilySpec } from './demo-catalog.types.js';

/*
 * HSN codes: microwave, induction and other electro-thermic parts 8516 90, mixer grinder parts
 * 8509 90, fan and chimney parts 8414 90; magnetrons 8540 71, transformers 8504 31, diodes
 * 8541 10, IGBTs 8541 29, carbon brushes 8545 20, motor parts 8503, bearings 8482 10, thermal
 * cut-outs 8536 30, glassware 7013 49, mica 6814 90, cords 8544 42. GST 18% for all (GST 2.0).
 */

export const microwaveOvens: FamilySpec = {
  code: 'MW',
  hsn: '85169000',
  models: {
    'KMW-20SO': '20 L solo',
    'KMW-23GR': '23 L grill',
    'KMW-25GR': '25 L grill',
    'KMW-28CV': '28 L convection',
    'KMW-32CV': '32 L convection',
  },
  groups: {
    'solo and grill': ['KMW-20SO', 'KMW-23GR', 'KMW-25GR'],
    grill: ['KMW-23GR', 'KMW-25GR'],
    convection: ['KMW-28CV', 'KMW-32CV'],
  },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 401, name: 'Microwave magnetron, 900 W', category: 'Electronics & PCBs', hsn: '85407100', price: [1900, 2800], weight: [800, 1100], size: [14, 12, 12], fits: { per: ['solo and grill', 'convection'] }, demand: 2, about: 'Magnetron with antenna cap; check the HV diode and capacitor when replacing.' },
    { code: 402, name: 'Microwave high-voltage capacitor, 0.95 µF', category: 'Capacitors', hsn: '85322990', price: [320, 520], weight: [120, 200], size: [10, 6, 4], fits: 'all', demand: 3, about: '2,100 V AC capacitor with bleeder resistor.' },
    { code: 403, name: 'Microwave high-voltage diode', category: 'Electronics & PCBs', hsn: '85411000', price: [110, 190], weight: [10, 20], size: [8, 3, 2], fits: 'all', demand: 3, about: 'HV rectifier diode with ring terminal.' },
    { code: 404, name: 'Microwave high-voltage transformer', category: 'Electronics & PCBs', hsn: '85043100', price: [1500, 2300], weight: [2600, 3600], size: [14, 12, 10], fits: { per: ['solo and grill', 'convection'] }, demand: 1, about: 'HV transformer with filament winding.' },
    { code: 405, name: 'Microwave glass turntable tray', category: 'Shelves, trays & bins', hsn: '70134900', price: [380, 720], weight: [900, 1500], size: [32, 32, 4], fits: { each: [] }, demand: 3, about: 'Glass turntable tray with coupler lugs.' },
    { code: 406, name: 'Microwave turntable roller ring', category: 'Body & trim parts', price: [140, 240], weight: [40, 80], size: [22, 22, 2], fits: 'all', demand: 3, about: 'Roller ring for the turntable.' },
    { code: 407, name: 'Microwave turntable motor', category: 'Motors & pumps', hsn: '85011019', price: [260, 420], weight: [60, 100], size: [7, 7, 5], fits: 'all', demand: 3, about: 'Synchronous turntable motor, 230 V, 5 rpm.' },
    { code: 408, name: 'Microwave door latch switch set', category: 'Switches & relays', hsn: '85365090', price: [180, 320], weight: [20, 40], size: [8, 6, 3], fits: 'all', demand: 4, about: 'Primary, secondary and monitor interlock switches.' },
    { code: 409, name: 'Microwave waveguide cover', category: 'Body & trim parts', hsn: '68149090', price: [60, 120], weight: [5, 10], size: [12, 10, 1], fits: 'all', demand: 4, about: 'Mica sheet; replace when burnt or greasy.' },
    { code: 410, name: 'Microwave control keypad', category: 'Electronics & PCBs', hsn: '85389000', price: [450, 850], weight: [30, 60], size: [18, 8, 1], fits: { each: [] }, demand: 2, about: 'Membrane keypad with ribbon cable.' },
    { code: 411, name: 'Microwave main PCB', category: 'Electronics & PCBs', hsn: '85371000', price: [1500, 2900], weight: [120, 220], size: [18, 12, 5], fits: { each: [] }, demand: 1, about: 'Control board with relays and display.', revised: 1 },
    { code: 412, name: 'Microwave grill heater', category: 'Heating elements', hsn: '85168000', price: [480, 760], weight: [150, 260], size: [30, 20, 3], fits: { per: ['grill', 'convection'] }, demand: 2, about: 'Quartz or sheathed grill heater, 1,000–1,250 W.' },
    { code: 413, name: 'Microwave convection fan motor', category: 'Motors & pumps', hsn: '85011019', price: [620, 940], weight: [200, 320], size: [10, 8, 8], fits: { per: ['convection'] }, demand: 1, about: 'Convection fan motor with impeller.' },
    { code: 414, name: 'Microwave thermal cut-off, 150 °C', category: 'Switches & relays', hsn: '85363000', price: [60, 110], weight: [5, 15], size: [4, 3, 2], fits: 'all', demand: 4, about: 'Cavity thermal cut-off.' },
    { code: 415, name: 'Microwave door assembly', category: 'Body & trim parts', price: [1100, 1800], weight: [1500, 2400], size: [50, 32, 6], fits: { each: [] }, demand: 1, about: 'Door with choke, glass and hook.' },
  ],
};

export const mixerGrinders: FamilySpec = {
  code: 'MG',
  hsn: '85099000',
  models: {
    'KMG-550': '550 W mixer grinder, 3 jars',
    'KMG-750': '750 W mixer grinder, 4 jars',
    'KMG-1000J': '1,000 W juicer mixer grinder',
  },
  groups: { mixer: ['KMG-550', 'KMG-750'], juicer: ['KMG-1000J'] },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 701, name: 'Mixer grinder liquidising jar, 1.5 L', category: 'Jars & blades', price: [650, 1050], weight: [700, 1100], size: [24, 16, 16], fits: { per: ['mixer', 'juicer'] }, demand: 3, about: 'Stainless-steel jar with lid and blade.' },
    { code: 702, name: 'Mixer grinder dry grinding jar, 1.0 L', category: 'Jars & blades', price: [550, 900], weight: [600, 900], size: [20, 14, 14], fits: { per: ['mixer', 'juicer'] }, demand: 3, about: 'Dry grinding jar with lid and blade.' },
    { code: 703, name: 'Mixer grinder chutney jar, 0.4 L', category: 'Jars & blades', price: [380, 620], weight: [350, 550], size: [14, 12, 12], fits: 'all', demand: 3, about: 'Chutney jar with lid and blade.' },
    { code: 704, name: 'Mixer grinder wet blade assembly', category: 'Jars & blades', price: [240, 420], weight: [80, 140], size: [10, 10, 6], fits: 'all', demand: 4, about: 'Four-wing wet grinding blade with bushing.', revised: 1 },
    { code: 705, name: 'Mixer grinder dry blade assembly', category: 'Jars & blades', price: [220, 380], weight: [70, 120], size: [10, 10, 6], fits: 'all', demand: 4, about: 'Two-wing dry grinding blade with bushing.' },
    { code: 706, name: 'Mixer grinder motor coupler', category: 'Belts & drives', price: [60, 120], weight: [10, 20], size: [5, 5, 3], fits: 'all', demand: 5, about: 'Nylon drive socket on the motor shaft.' },
    { code: 707, name: 'Mixer grinder jar coupler', category: 'Belts & drives', price: [50, 100], weight: [10, 20], size: [5, 5, 3], fits: 'all', demand: 5, about: 'Coupler under the jar; replace with the motor coupler when worn.' },
    { code: 708, name: 'Mixer grinder carbon brush pair', category: 'Motors & pumps', hsn: '85452000', price: [70, 140], weight: [10, 20], size: [5, 4, 2], fits: { per: ['mixer', 'juicer'] }, demand: 5, about: 'Carbon brushes with springs.', interchangeable: true },
    { code: 709, name: 'Mixer grinder armature', category: 'Motors & pumps', hsn: '85030010', price: [850, 1600], weight: [500, 900], size: [16, 8, 8], fits: { each: [] }, demand: 1, about: 'Armature with commutator and bearings.' },
    { code: 710, name: 'Mixer grinder field coil', category: 'Motors & pumps', hsn: '85030010', price: [650, 1200], weight: [500, 800], size: [10, 10, 8], fits: { each: [] }, demand: 1, about: 'Field winding (stator).' },
    { code: 711, name: 'Mixer grinder speed switch', category: 'Switches & relays', hsn: '85365090', price: [120, 220], weight: [30, 60], size: [6, 5, 5], fits: 'all', demand: 3, about: 'Rotary switch: pulse, off, three speeds.' },
    { code: 712, name: 'Mixer grinder overload protector', category: 'Switches & relays', hsn: '85363000', price: [80, 160], weight: [10, 20], size: [4, 3, 3], fits: 'all', demand: 3, about: 'Resettable motor overload protector.' },
    { code: 713, name: 'Mixer grinder juicer filter mesh', category: 'Filters & membranes', price: [280, 480], weight: [100, 160], size: [16, 16, 6], fits: { per: ['juicer'] }, demand: 2, about: 'Stainless-steel juicer filter basket.' },
    { code: 714, name: 'Mixer grinder jar lid with gasket', category: 'Gaskets & seals', price: [90, 160], weight: [40, 80], size: [14, 14, 3], fits: 'all', demand: 4, about: 'Polycarbonate lid with silicone gasket.' },
    { code: 715, name: 'Mixer grinder rubber foot set', category: 'Hardware & fittings', hsn: '40169990', price: [40, 80], weight: [10, 20], size: [5, 5, 2], fits: 'all', demand: 2, about: 'Four vacuum feet.' },
  ],
};

export const ceilingFans: FamilySpec = {
  code: 'CF',
  hsn: '84149090',
  models: {
    'KCF-1200HS': '1,200 mm high-speed ceiling fan',
    'KCF-1200DC': '1,200 mm decorative ceiling fan',
    'KCF-1200BL': '1,200 mm BLDC ceiling fan, 28 W, with remote',
    'KCF-900HS': '900 mm high-speed ceiling fan',
  },
  groups: {
    '1,200 mm induction': ['KCF-1200HS', 'KCF-1200DC'],
    '900 mm': ['KCF-900HS'],
    induction: ['KCF-1200HS', 'KCF-1200DC', 'KCF-900HS'],
    BLDC: ['KCF-1200BL'],
  },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 751, name: 'Ceiling fan capacitor, 2.5 µF', category: 'Capacitors', hsn: '85322990', price: [60, 110], weight: [20, 40], size: [5, 3, 3], fits: { per: ['1,200 mm induction'] }, demand: 5, about: 'Polypropylene film capacitor, 440 V AC; a slow fan usually needs one.', interchangeable: true },
    { code: 752, name: 'Ceiling fan capacitor, 2.5 µF, with long leads', category: 'Capacitors', hsn: '85322990', price: [70, 120], weight: [20, 40], size: [5, 3, 3], fits: { per: ['1,200 mm induction'] }, demand: 3, about: 'The same capacitor with 30 cm leads for a downrod canopy.', interchangeable: true },
    { code: 753, name: 'Ceiling fan capacitor, 2.25 µF', category: 'Capacitors', hsn: '85322990', price: [60, 110], weight: [20, 40], size: [5, 3, 3], fits: { per: ['900 mm'] }, demand: 4, about: 'Polypropylene film capacitor, 440 V AC.' },
    { code: 754, name: 'Ceiling fan blade set', category: 'Body & trim parts', price: [420, 980], weight: [900, 1600], size: [62, 14, 6], fits: { each: [] }, demand: 2, about: 'Three balanced blades with screws.' },
    { code: 755, name: 'Ceiling fan stator winding', category: 'Motors & pumps', hsn: '85030010', price: [650, 980], weight: [1200, 1800], size: [18, 18, 8], fits: { per: ['1,200 mm induction', '900 mm'] }, demand: 1, about: 'Copper stator winding.' },
    { code: 756, name: 'Ceiling fan BLDC controller PCB', category: 'Electronics & PCBs', hsn: '85371000', price: [950, 1450], weight: [60, 120], size: [12, 8, 4], fits: { per: ['BLDC'] }, demand: 2, about: 'Motor controller with remote receiver.', revised: 1 },
    { code: 757, name: 'Ceiling fan remote control', category: 'Remote controls', hsn: '85437099', price: [320, 520], weight: [40, 80], size: [14, 5, 2], fits: { per: ['BLDC'] }, demand: 3, about: 'Infrared remote: speed, boost, sleep and timer.' },
    { code: 758, name: 'Ceiling fan canopy set', category: 'Body & trim parts', price: [180, 420], weight: [200, 400], size: [20, 20, 10], fits: { each: [] }, demand: 2, about: 'Top and bottom canopies with screws.' },
    { code: 759, name: 'Ceiling fan downrod, 12 inch', category: 'Hardware & fittings', hsn: '73269099', price: [150, 260], weight: [400, 600], size: [32, 4, 4], fits: 'all', demand: 3, about: 'Downrod with pin and split pin.' },
    { code: 760, name: 'Ceiling fan ball bearing pair, 6202', category: 'Hardware & fittings', hsn: '84821090', price: [120, 220], weight: [60, 100], size: [6, 6, 3], fits: { per: ['induction'] }, demand: 4, about: 'Sealed ball bearings for the rotor.' },
    { code: 761, name: 'Ceiling fan shackle kit', category: 'Hardware & fittings', hsn: '73269099', price: [60, 120], weight: [80, 140], size: [8, 6, 4], fits: 'all', demand: 3, about: 'Shackle with bolt, nut and split pins.' },
    { code: 762, name: 'Ceiling fan electronic regulator', category: 'Switches & relays', hsn: '85437099', price: [240, 420], weight: [60, 100], size: [8, 8, 5], fits: { per: ['induction'] }, demand: 3, about: 'Five-step electronic regulator for a modular plate.' },
  ],
};

export const kitchenChimneys: FamilySpec = {
  code: 'KC',
  hsn: '84149090',
  models: { 'KCH-60BF': '60 cm baffle-filter chimney', 'KCH-90AC': '90 cm auto-clean chimney' },
  groups: { '60 cm': ['KCH-60BF'], '90 cm': ['KCH-90AC'] },
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 851, name: 'Chimney baffle filter pair', category: 'Filters & membranes', price: [1200, 2200], weight: [1200, 2200], size: [40, 30, 4], fits: { each: [] }, demand: 3, about: 'Stainless-steel baffle filters; dishwasher safe.' },
    { code: 852, name: 'Chimney suction motor', category: 'Motors & pumps', hsn: '85014010', price: [2400, 3800], weight: [2200, 3400], size: [28, 26, 22], fits: { per: ['60 cm', '90 cm'] }, demand: 1, about: 'Suction motor with blower housing, 1,100–1,400 m³/h.' },
    { code: 853, name: 'Chimney touch control PCB', category: 'Electronics & PCBs', hsn: '85371000', price: [1400, 2400], weight: [80, 160], size: [20, 8, 4], fits: { each: [] }, demand: 2, about: 'Touch panel board with gesture sensor.' },
    { code: 854, name: 'Chimney LED lamp, 2 W', category: 'Lamps', hsn: '85395200', price: [180, 280], weight: [20, 40], size: [8, 8, 3], fits: 'all', demand: 3, about: 'Round LED lamp with connector.' },
    { code: 855, name: 'Chimney oil collector cup', category: 'Body & trim parts', price: [90, 160], weight: [40, 80], size: [10, 10, 6], fits: 'all', demand: 3, about: 'Clip-on oil collector.' },
    { code: 856, name: 'Chimney exhaust duct pipe, 6 inch, 1.5 m', category: 'Hardware & fittings', price: [350, 550], weight: [500, 800], size: [20, 20, 20], fits: 'all', demand: 3, about: 'Flexible aluminium duct with clamps.' },
    { code: 857, name: 'Chimney motor capacitor, 4 µF', category: 'Capacitors', hsn: '85322990', price: [90, 160], weight: [30, 50], size: [6, 4, 4], fits: 'all', demand: 3, about: 'Run capacitor, 440 V AC.' },
  ],
};

export const inductionCooktops: FamilySpec = {
  code: 'IC',
  hsn: '85169000',
  models: {
    'KIC-1600': '1,600 W induction cooktop, push buttons',
    'KIC-2000T': '2,000 W induction cooktop, touch',
  },
  groups: {},
  // One component per line: the table reads as a table.
  // prettier-ignore
  components: [
    { code: 951, name: 'Induction cooktop work coil', category: 'Heating elements', price: [650, 950], weight: [250, 400], size: [20, 20, 3], fits: 'all', demand: 2, about: 'Litz-wire work coil with ferrite bars.' },
    { code: 952, name: 'Induction cooktop power board', category: 'Electronics & PCBs', hsn: '85371000', price: [1100, 1700], weight: [200, 320], size: [18, 12, 5], fits: { each: [] }, demand: 2, about: 'Power board with IGBT and rectifier.', revised: 1 },
    { code: 953, name: 'Induction cooktop display board', category: 'Electronics & PCBs', hsn: '85371000', price: [420, 720], weight: [40, 80], size: [16, 5, 2], fits: { each: [] }, demand: 2, about: 'Display and key board.' },
    { code: 954, name: 'Induction cooktop IGBT, 25 A 1,200 V', category: 'Electronics & PCBs', hsn: '85412900', price: [180, 320], weight: [5, 10], size: [4, 3, 1], fits: 'all', demand: 4, about: 'IGBT for the resonant converter; check the fuse and bridge too.' },
    { code: 955, name: 'Induction cooktop cooling fan, 18 V', category: 'Motors & pumps', hsn: '84145990', price: [160, 260], weight: [40, 80], size: [9, 9, 3], fits: 'all', demand: 3, about: 'Brushless cooling fan.' },
    { code: 956, name: 'Induction cooktop glass top', category: 'Body & trim parts', price: [850, 1350], weight: [600, 900], size: [36, 30, 2], fits: { each: [] }, demand: 1, about: 'Crystallite glass plate with frame.' },
    { code: 957, name: 'Induction cooktop thermistor, 100 kΩ', category: 'Sensors & thermostats', hsn: '85334010', price: [60, 110], weight: [5, 10], size: [4, 3, 1], fits: 'all', demand: 3, about: 'NTC sensor under the glass top.' },
    { code: 958, name: 'Induction cooktop power cord, 1.5 m', category: 'Cables & cords', hsn: '85444299', price: [140, 220], weight: [150, 220], size: [15, 15, 4], fits: 'all', demand: 3, about: '3-pin cord, 1.5 mm², moulded plug.' },
  ],
};
