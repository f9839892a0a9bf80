import type { FastifyInstance } from 'fastify';

/**
 * A faithful stand-in for a vendor's HTTP API (DTDC, Razorpay, WhatsApp Cloud API, OpenAI, an SMTP
 * relay's HTTP side…), served on loopback in sandbox mode. The product's *real* adapter talks to it
 * over HTTP exactly as it would to the vendor, so sandbox runs exercise the same client code,
 * request shapes and failure handling as live runs. Tests start the same simulators.
 */
export interface VendorSimulator {
  /** Integration name, e.g. `dtdc`; also the key under which its base URL is published. */
  readonly name: string;
  /** Registers the vendor's endpoints (same paths, bodies and error shapes as the real API). */
  register(app: FastifyInstance): Promise<void> | void;
}
