import client from 'prom-client';

/** How one attempt of an outbound call ended (the `outcome` label). */
export type OutboundOutcome =
  'success' | 'client_error' | 'server_error' | 'timeout' | 'network_error' | 'refused';

/**
 * Per vendor and endpoint *template* (`GET /v1/orders/:id`, never the concrete id, so label
 * cardinality stays bounded): attempts by outcome, retries, and latency of each attempt.
 */
export class OutboundHttpMetrics {
  private readonly attempts: client.Counter<'vendor' | 'endpoint' | 'outcome'>;
  private readonly duration: client.Histogram<'vendor' | 'endpoint' | 'outcome'>;
  private readonly retries: client.Counter<'vendor' | 'endpoint'>;

  constructor(registry: client.Registry) {
    this.attempts = new client.Counter({
      name: 'spareflow_outbound_http_requests_total',
      help: 'Outbound HTTP attempts to vendors, by vendor, endpoint template and outcome',
      labelNames: ['vendor', 'endpoint', 'outcome'],
      registers: [registry],
    });
    this.duration = new client.Histogram({
      name: 'spareflow_outbound_http_request_duration_seconds',
      help: 'Latency of each outbound HTTP attempt to a vendor, headers and body included',
      labelNames: ['vendor', 'endpoint', 'outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    });
    this.retries = new client.Counter({
      name: 'spareflow_outbound_http_retries_total',
      help: 'Outbound HTTP attempts that were retries of an earlier attempt',
      labelNames: ['vendor', 'endpoint'],
      registers: [registry],
    });
  }

  record(vendor: string, endpoint: string, outcome: OutboundOutcome, seconds: number): void {
    this.attempts.inc({ vendor, endpoint, outcome });
    this.duration.observe({ vendor, endpoint, outcome }, seconds);
  }

  retried(vendor: string, endpoint: string): void {
    this.retries.inc({ vendor, endpoint });
  }
}
