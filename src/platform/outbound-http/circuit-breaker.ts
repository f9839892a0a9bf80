export interface CircuitBreakerOptions {
  /** Consecutive failures that open a circuit; default 5. */
  readonly failureThreshold?: number;
  /** How long an open circuit refuses calls before letting one trial through; default 30 s. */
  readonly openMs?: number;
  /** Tests pin the clock. */
  readonly now?: () => number;
}

interface Circuit {
  failures: number;
  openedAt: number | null;
  trialInFlight: boolean;
}

/**
 * A small circuit breaker keyed by endpoint (`<base URL> <method> <template>`), in memory per
 * process: after `failureThreshold` consecutive failures (no answer, timeout or 5xx — never a
 * 4xx, which is the vendor answering) the endpoint is skipped for `openMs`; then one trial call
 * is let through (half-open) and its result closes or re-opens the circuit. A skipped call was
 * never sent, so callers may fail over to another URL or report "not sent" safely.
 */
export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.openMs = options.openMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Whether a call to `key` may go out now; a `true` in half-open state reserves the trial. */
  allow(key: string): boolean {
    const circuit = this.circuits.get(key);
    if (!circuit || circuit.openedAt === null) return true;
    if (this.now() - circuit.openedAt < this.openMs || circuit.trialInFlight) return false;
    circuit.trialInFlight = true;
    return true;
  }

  succeeded(key: string): void {
    this.circuits.delete(key);
  }

  failed(key: string): void {
    const circuit = this.circuits.get(key) ?? { failures: 0, openedAt: null, trialInFlight: false };
    circuit.failures += 1;
    circuit.trialInFlight = false;
    if (circuit.openedAt !== null || circuit.failures >= this.threshold)
      circuit.openedAt = this.now();
    this.circuits.set(key, circuit);
  }

  state(key: string): 'closed' | 'open' | 'half_open' {
    const circuit = this.circuits.get(key);
    if (!circuit || circuit.openedAt === null) return 'closed';
    return this.now() - circuit.openedAt < this.openMs ? 'open' : 'half_open';
  }
}
