// The shipping module's public surface (ADR 0009). Issue 13 foundation: the carrier port, the
// DTDC adapter and its sandbox simulator; shipments, bookings and routes come later.
export * from './carrier.port.js';
export {
  DtdcAdapter,
  type DtdcAdapterOptions,
  type DtdcTrackingAuth,
} from './dtdc/dtdc.adapter.js';
export {
  dtdcCarrier,
  dtdcSandboxSimulators,
  dtdcSecrets,
  type DtdcSecrets,
} from './dtdc.wiring.js';
