import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { PinDirectory } from '../../../platform/geo/pin-directory.js';
import { indiaPostPinDirectory } from '../../../platform/geo/pin-directory.js';
import type { Logger } from '../../../platform/logging/logger.js';
import type { VendorSimulator } from '../../../platform/sandbox/vendor-simulator.js';
import { registerDtdcControls } from './simulator-controls.js';
import { dtdcError, rec, sameSecret, str, type Body } from './simulator-http.js';
import { registerPincode, registerTracking } from './simulator-tracking.js';
import { labelPdf } from './simulator-label.js';
import { DtdcSimulatorStore, type StoredConsignment } from './simulator-store.js';
import { pickedUpAfterMinutes } from './simulator-timeline.js';
import { chargeableWeight, validateConsignment } from './simulator-validation.js';

export interface DtdcSimulatorOptions {
  pool: pg.Pool;
  apiKey: string;
  customerCode: string;
  trackingUsername: string;
  trackingPassword: string;
  /** The India Post directory (tests may pass a small one). */
  pins?: PinDirectory;
  logger?: Logger;
}

/** Marks a body that was not JSON, so the route answers DTDC's 400 rather than Fastify's. */
const notJson = Symbol('not json');

const endpoints: Record<string, string> = {
  '/api/customer/integration/consignment/softdata': 'softdata',
  '/api/customer/integration/consignment/shippinglabel/stream': 'label',
  '/api/customer/integration/consignment/cancel': 'cancel',
  '/dtdc-api/api/dtdc/authenticate': 'authenticate',
  '/dtdc-api/rest/JSONCnTrk/getTrackDetails': 'track',
  '/ratecalapi/PincodeApiCall': 'pincode',
};

/**
 * A faithful fake DTDC (`shared/reference/external-apis.md` §1 and §5 "Fake DTDC" 1–8): Shipsy's
 * softdata, label and cancel with the `api-key` header and DTDC's error envelopes; blktracksvc
 * authenticate and JSON tracking with expiring tokens and a scripted scan timeline on a movable
 * clock; the pincode lookup over the India Post directory. State in PostgreSQL
 * (`sandbox_dtdc_*`), shared by every process. Test controls under `/_sandbox/` (same api-key):
 * failure injection, the clock, a consignment's script, settings and the requests received.
 */
export function dtdcSimulator(options: DtdcSimulatorOptions): VendorSimulator {
  const store = new DtdcSimulatorStore(options.pool);
  const pins = options.pins ?? indiaPostPinDirectory;
  return {
    name: 'dtdc',
    register(app) {
      app.removeContentTypeParser('application/json');
      app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
        try {
          done(null, body === '' ? undefined : (JSON.parse(body as string) as unknown));
        } catch {
          done(null, notJson);
        }
      });
      registerFaults(app, store, options);
      registerShipsy(app, store, options, pins);
      registerTracking(app, store, options);
      registerPincode(app, pins);
      registerDtdcControls(app, store, options.apiKey);
    },
  };
}

function endpointOf(request: FastifyRequest): string | undefined {
  return endpoints[request.url.split('?')[0] ?? ''];
}

/** Records each API request and applies an injected fault before the route runs. */
function registerFaults(
  app: FastifyInstance,
  store: DtdcSimulatorStore,
  options: DtdcSimulatorOptions,
) {
  app.addHook('preHandler', async (request, reply) => {
    const endpoint = endpointOf(request);
    if (!endpoint) return;
    const body = request.body === notJson ? '<not json>' : request.body;
    await store.recordRequest(endpoint, body ?? null, await store.now());
    const fault = await store.takeFault(endpoint);
    if (!fault) return;
    options.logger?.info({ endpoint, fault: fault.fault }, 'dtdc simulator fault');
    if (fault.fault === 'slow') await sleep(fault.delay_ms);
    if (fault.fault === 'error_5xx')
      return reply.status(502).send(dtdcError('Bad Gateway', 'INTERNAL_SERVER_ERROR'));
    if (fault.fault === 'unauthorized')
      return reply.status(401).send(dtdcError('Wrong api key', 'WRONG_API_KEY', 401));
    if (fault.fault === 'bad_request')
      return reply.status(400).send(dtdcError('Injected bad request', 'WRONG_INPUT'));
    if (fault.fault === 'reset') {
      request.raw.socket.destroy();
      return reply;
    }
    if (fault.fault === 'hang') {
      // Never answers; the socket is dropped after a minute so the simulator can still stop.
      reply.hijack();
      setTimeout(() => request.raw.socket.destroy(), 60_000).unref();
      return reply;
    }
    // `reject` and `empty_reference` are applied by softdata itself.
    (request as FastifyRequest & { dtdcFault?: string }).dtdcFault = fault.fault;
  });
}

function apiKeyRefusal(request: FastifyRequest, reply: FastifyReply, apiKey: string) {
  const given = request.headers['api-key'];
  if (typeof given !== 'string' || given === '')
    return reply.status(401).send(dtdcError('API key should be present', 'NO_API_KEY'));
  if (!sameSecret(given, apiKey))
    return reply.status(401).send(dtdcError('Wrong api key', 'WRONG_API_KEY', 401));
  return undefined;
}

function registerShipsy(
  app: FastifyInstance,
  store: DtdcSimulatorStore,
  options: DtdcSimulatorOptions,
  pins: PinDirectory,
) {
  app.post('/api/customer/integration/consignment/softdata', async (request, reply) => {
    const refused = apiKeyRefusal(request, reply, options.apiKey);
    if (refused) return refused;
    const consignments = rec(request.body).consignments;
    if (request.body === notJson || !Array.isArray(consignments))
      return reply.status(400).send(dtdcError('consignments should be an array', 'WRONG_INPUT'));
    if (consignments.length === 0)
      return reply.status(400).send(dtdcError('consignments should not be empty', 'WRONG_INPUT'));
    if (consignments.length > 20)
      return reply
        .status(400)
        .send(
          dtdcError(
            'Number of consignments in a single request should not be greater than 20',
            'MAX_MANIFEST_LIST_LENGTH_EXCEEDED',
          ),
        );
    const fault = (request as FastifyRequest & { dtdcFault?: string }).dtdcFault;
    const duplicates = await store.setting('duplicate_reference');
    const rejectNonAscii = (await store.setting('reject_non_ascii')) === 'true';
    const data: Body[] = [];
    for (const item of consignments) {
      const c = rec(item);
      const customerReference = str(c.customer_reference_number);
      if (fault === 'reject') {
        data.push({
          success: false,
          reason: 'SERVICE_UNAVAILABLE',
          message: 'Injected rejection, try again',
          customer_reference_number: customerReference,
          should_retry: true,
        });
        continue;
      }
      const rejection = await validateConsignment(c, options.customerCode, pins, {
        rejectNonAscii,
      });
      if (rejection) {
        data.push({
          success: false,
          ...rejection,
          customer_reference_number: customerReference,
          should_retry: false,
        });
        continue;
      }
      const previous = await store.consignmentByReference(customerReference, str(c.customer_code));
      if (previous && duplicates !== 'original') {
        data.push({
          success: false,
          reason: 'CUSTOMER_REFERENCE_NUMBER_ALREADY_EXISTS',
          message: 'customer reference number already exists',
          customer_reference_number: customerReference,
          should_retry: false,
        });
        continue;
      }
      const awb = previous?.awb ?? (str(c.reference_number).trim() || (await store.nextAwb()));
      const pieces = Number(c.num_pieces);
      if (!previous) {
        const inserted = await store.insertConsignment({
          awb,
          customer_code: str(c.customer_code),
          customer_reference: customerReference,
          service_type: str(c.service_type_id),
          consignment_type: str(c.consignment_type) || 'Forward',
          num_pieces: pieces,
          origin_pincode: str(rec(c.origin_details).pincode),
          destination_pincode: str(rec(c.destination_details).pincode),
          script: 'deliver',
          booked_at: String(await store.now()),
          body: c,
        });
        if (!inserted) {
          data.push({
            success: false,
            reason: 'WRONG_INPUT',
            message: 'AWB or customer reference number already used',
            customer_reference_number: customerReference,
            should_retry: false,
          });
          continue;
        }
      }
      data.push({
        success: true,
        reference_number: fault === 'empty_reference' ? '' : awb,
        courier_partner: null,
        courier_account: '',
        courier_partner_reference_number: null,
        chargeable_weight: chargeableWeight(c),
        self_pickup_enabled: true,
        customer_reference_number: customerReference,
        pieces: Array.from({ length: pieces }, (_, i) => ({
          reference_number: `${awb}${String(i + 1).padStart(3, '0')}`,
          product_code: '',
        })),
        barCodeData: '',
      });
    }
    return { status: 'OK', data };
  });

  app.get('/api/customer/integration/consignment/shippinglabel/stream', async (request, reply) => {
    const refused = apiKeyRefusal(request, reply, options.apiKey);
    if (refused) return refused;
    const query = rec(request.query);
    const awb = str(query.reference_number);
    const code = str(query.label_code);
    const format = str(query.label_format) || 'pdf';
    const size = code === 'SHIP_LABEL_A4' ? 'A4' : code === 'SHIP_LABEL_4X6' ? '4x6' : undefined;
    if (!size || (format !== 'pdf' && format !== 'base64'))
      return reply.status(400).send(dtdcError('Invalid label code or format', 'WRONG_INPUT'));
    const consignment = await store.consignment(awb);
    if (!consignment || consignment.customer_code !== options.customerCode)
      return reply
        .status(400)
        .send(dtdcError(`Consignment ${awb} not found`, 'CONSIGNMENT_NOT_FOUND'));
    const pdf = labelPdf(awb, size);
    if (format === 'pdf') return reply.type('application/pdf').send(pdf);
    return { referenceNumber: awb, label: pdf.toString('base64') };
  });

  app.post('/api/customer/integration/consignment/cancel', async (request, reply) => {
    const refused = apiKeyRefusal(request, reply, options.apiKey);
    if (refused) return refused;
    const body = rec(request.body);
    const awbs = body.AWBNo;
    if (!Array.isArray(awbs) || awbs.length === 0 || !str(body.customerCode))
      return reply
        .status(400)
        .send(dtdcError('AWBNo and customerCode are mandatory', 'WRONG_INPUT'));
    const now = await store.now();
    const secondCancel = await store.setting('second_cancel');
    const successConsignments: Body[] = [];
    const failures: Body[] = [];
    for (const item of awbs) {
      const awb = str(item);
      const found = await store.consignment(awb);
      const fail = (message: string, reason: string) =>
        failures.push({ reference_number: awb, success: false, message, reason });
      if (!found) fail('Consignment not found', 'CONSIGNMENT_NOT_FOUND');
      else if (found.customer_code !== str(body.customerCode))
        fail('Consignment does not belong to customer', 'WRONG_CUSTOMER');
      else if (found.cancelled && secondCancel !== 'noop')
        fail('Consignment already cancelled', 'ALREADY_CANCELLED');
      else if (!found.cancelled && pickedUp(found, now))
        fail('Consignment already picked up', 'CANNOT_CANCEL_AFTER_PICKUP');
      else {
        await store.markCancelled(awb);
        successConsignments.push({ reference_number: awb, success: true });
      }
    }
    return {
      status: 'OK',
      success: failures.length === 0,
      successConsignments,
      ...(failures.length > 0 ? { failures } : {}),
    };
  });
}

const pickedUp = (c: StoredConsignment, now: number) =>
  now - Number(c.booked_at) >= pickedUpAfterMinutes * 60_000;
