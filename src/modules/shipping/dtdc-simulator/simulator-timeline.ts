/** A scripted scan: minutes after booking, DTDC scan code, action text, header status. */
interface ScriptedScan {
  readonly minutes: number;
  readonly code: string;
  readonly action: string;
  readonly status: string;
  readonly location: 'origin' | 'destination';
}

export const scripts = ['deliver', 'ndr', 'rto'] as const;
export type Script = (typeof scripts)[number];

const transit: ScriptedScan[] = [
  { minutes: 0, code: 'BKD', action: 'Booked', status: 'Booked', location: 'origin' },
  { minutes: 120, code: 'OBMD', action: 'Dispatched', status: 'In Transit', location: 'origin' },
  { minutes: 240, code: 'OPMF', action: 'Manifested', status: 'In Transit', location: 'origin' },
  { minutes: 360, code: 'CDOUT', action: 'Left hub', status: 'In Transit', location: 'origin' },
  {
    minutes: 720,
    code: 'CDIN',
    action: 'Reached hub',
    status: 'In Transit',
    location: 'destination',
  },
  { minutes: 840, code: 'IPMF', action: 'Received', status: 'In Transit', location: 'destination' },
  {
    minutes: 960,
    code: 'inscan',
    action: 'Received at destination',
    status: 'In Transit',
    location: 'destination',
  },
  {
    minutes: 1200,
    code: 'OUTDLV',
    action: 'Out For Delivery',
    status: 'Out For Delivery',
    location: 'destination',
  },
];
const attempted: ScriptedScan = {
  minutes: 1380,
  code: 'NONDLV',
  action: 'Not Delivered',
  status: 'Attempted',
  location: 'destination',
};

/**
 * The scripted timelines of the simulator ([SYNTHETIC] timings): `deliver` goes BKD → transit
 * scans → OUTDLV → DLV within a day; `ndr` fails its first attempt (NONDLV) and delivers the next
 * day; `rto` fails twice and returns to origin (RTO, with an RTO number), delivered back there.
 */
export const timelines: Readonly<Record<Script, readonly ScriptedScan[]>> = {
  deliver: [
    ...transit,
    {
      minutes: 1320,
      code: 'DLV',
      action: 'Delivered',
      status: 'Delivered',
      location: 'destination',
    },
  ],
  ndr: [
    ...transit,
    attempted,
    {
      minutes: 2640,
      code: 'OUTDLV',
      action: 'Out For Delivery',
      status: 'Out For Delivery',
      location: 'destination',
    },
    {
      minutes: 2760,
      code: 'DLV',
      action: 'Delivered',
      status: 'Delivered',
      location: 'destination',
    },
  ],
  rto: [
    ...transit,
    attempted,
    {
      minutes: 2640,
      code: 'OUTDLV',
      action: 'Out For Delivery',
      status: 'Out For Delivery',
      location: 'destination',
    },
    { ...attempted, minutes: 2820 },
    {
      minutes: 2880,
      code: 'RTO',
      action: 'Returned to origin',
      status: 'RTO',
      location: 'destination',
    },
    {
      minutes: 4320,
      code: 'DLV',
      action: 'RTO Delivered',
      status: 'RTO Delivered',
      location: 'origin',
    },
  ],
};

/** Minutes after booking when the consignment counts as picked up (cancel refused after). */
export const pickedUpAfterMinutes = 120;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as DTDC's IST date `DDMMYYYY` and time `HHMM`. */
export function istParts(ms: number): { date: string; time: string } {
  const ist = new Date(ms + 330 * 60_000);
  return {
    date: `${pad(ist.getUTCDate())}${pad(ist.getUTCMonth() + 1)}${ist.getUTCFullYear()}`,
    time: `${pad(ist.getUTCHours())}${pad(ist.getUTCMinutes())}`,
  };
}

/** The scans that have happened by `now` (simulator clock), oldest first. */
export function scansSoFar(script: Script, bookedAt: number, now: number) {
  return timelines[script]
    .filter((scan) => bookedAt + scan.minutes * 60_000 <= now)
    .map((scan) => ({ ...scan, at: bookedAt + scan.minutes * 60_000 }));
}
