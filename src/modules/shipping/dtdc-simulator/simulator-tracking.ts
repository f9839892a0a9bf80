import type { FastifyInstance } from 'fastify';
import type { PinDirectory } from '../../../platform/geo/pin-directory.js';
import type { DtdcSimulatorOptions } from './dtdc-simulator.js';
import { rec, sameSecret, str } from './simulator-http.js';
import type { DtdcSimulatorStore, StoredConsignment } from './simulator-store.js';
import { istParts, scansSoFar } from './simulator-timeline.js';
import { lane } from './simulator-validation.js';

/**
 * The simulator's blktracksvc side (authenticate with expiring tokens, JSON tracking by AWB or
 * reference over the scripted timeline) and the public pincode lookup over the India Post
 * directory.
 */
export function registerTracking(
  app: FastifyInstance,
  store: DtdcSimulatorStore,
  options: DtdcSimulatorOptions,
) {
  app.get('/dtdc-api/api/dtdc/authenticate', async (request, reply) => {
    const query = rec(request.query);
    if (
      !sameSecret(str(query.username), options.trackingUsername) ||
      !sameSecret(str(query.password), options.trackingPassword)
    )
      return reply.status(401).type('text/plain').send('Not Authorized');
    return reply.type('text/plain').send(await store.mintToken());
  });

  app.post('/dtdc-api/rest/JSONCnTrk/getTrackDetails', async (request, reply) => {
    const token = request.headers['x-access-token'];
    if (typeof token !== 'string' || !(await store.tokenValid(token)))
      return reply.status(401).send({
        timestamp: new Date().toISOString(),
        status: 401,
        error: 'Unauthorized',
        message: 'Invalid or expired token',
        path: '/dtdc-api/rest/JSONCnTrk/getTrackDetails',
      });
    const body = rec(request.body);
    const number = str(body.strcnno);
    const found =
      str(body.trkType) === 'reference'
        ? await store.consignmentByReference(number, options.customerCode)
        : await store.consignment(number);
    if (!found)
      return {
        statusCode: 200,
        statusFlag: false,
        status: 'FAILED',
        errorDetails: [
          { name: 'strShipmentNo', value: number },
          { name: 'strError', value: 'NO DATA FOUND FOR THIS CNNO NUMBER' },
        ],
        trackHeader: null,
        trackDetails: null,
      };
    return trackBody(found, await store.now());
  });
}

function trackBody(c: StoredConsignment, now: number) {
  const bookedAt = Number(c.booked_at);
  const scans = c.cancelled
    ? scansSoFar(c.script, bookedAt, bookedAt)
    : scansSoFar(c.script, bookedAt, now);
  const last = scans.at(-1);
  const rto = scans.some((s) => s.code === 'RTO');
  const booked = istParts(bookedAt);
  const lastAt = istParts(last?.at ?? bookedAt);
  const attempts = scans.filter((s) => s.code === 'OUTDLV').length;
  const place = (side: 'origin' | 'destination') =>
    side === 'origin' ? `PIN ${c.origin_pincode} APEX` : `PIN ${c.destination_pincode} BRANCH`;
  return {
    statusCode: 200,
    statusFlag: true,
    status: 'SUCCESS',
    errorDetails: null,
    trackHeader: {
      strShipmentNo: c.awb,
      strRefNo: c.customer_reference,
      strCNType: 'CP',
      strCNProduct: c.service_type,
      strOrigin: `PIN ${c.origin_pincode}`,
      strOriginRemarks: 'Booked By',
      strBookedDate: booked.date,
      strBookedTime: `${booked.time.slice(0, 2)}:${booked.time.slice(2)}:00`,
      strPieces: String(c.num_pieces),
      strWeightUnit: 'KG',
      strWeight: str(c.body.weight),
      strDestination: `PIN ${c.destination_pincode}`,
      strStatus: c.cancelled ? 'Cancelled' : (last?.status ?? 'Booked'),
      strStatusTransOn: lastAt.date,
      strStatusTransTime: lastAt.time,
      strRemarks: last?.code === 'DLV' ? 'SIGN' : '',
      strNoOfAttempts: String(attempts),
      strRtoNumber: rto ? `7R${c.awb.slice(2)}` : '',
      strBookingType: 'DOM',
    },
    trackDetails: scans.map((s) => {
      const at = istParts(s.at);
      return {
        strCode: s.code,
        strAction: s.action,
        strManifestNo: '',
        strOrigin: place(s.location),
        strDestination: '',
        strActionDate: at.date,
        strActionTime: at.time,
        sTrRemarks: s.code === 'NONDLV' ? 'Consignee not available' : '',
      };
    }),
  };
}

export function registerPincode(app: FastifyInstance, pins: PinDirectory) {
  app.post('/ratecalapi/PincodeApiCall', async (request) => {
    const body = rec(request.body);
    const orgPin = str(body.orgPincode);
    const desPin = str(body.desPincode);
    const origin = /^[1-9]\d{5}$/.test(orgPin) ? await pins.lookup(orgPin) : undefined;
    const destination = /^[1-9]\d{5}$/.test(desPin) ? await pins.lookup(desPin) : undefined;
    const message = !origin
      ? 'ORGPIN is not valid'
      : !destination
        ? 'DESTPIN is not valid'
        : 'SUCCESS';
    const served = origin && destination ? lane(origin, destination) : undefined;
    const b2c = served ? Object.keys(served.tatDays).some((s) => s.startsWith('B2C')) : false;
    const yes = (v: boolean) => (v ? 'YES' : 'NO');
    return {
      ZIPCODE_RESP: [
        {
          MESSAGE: message,
          ORGPIN: orgPin,
          DESTPIN: desPin,
          ORGCOUNTRY: 'INDIA',
          DESTCOUNTRY: 'INDIA',
          DESTCITY: destination?.cities[0] ?? '',
          DESTSTATE: destination?.state ?? '',
          SERVFLAG: served ? 'Y' : 'N',
          SERV_COD: served?.cod ? 'Y' : 'N',
        },
      ],
      SERV_LIST: [
        {
          DC_Serviceable: yes(Boolean(served)),
          COD_Serviceable: yes(Boolean(served?.cod)),
          b2B_SERVICEABLE: 'NO',
          b2C_SERVICEABLE: yes(b2c),
          b2B_COD_Serviceable: 'NO',
          b2C_COD_Serviceable: yes(Boolean(served?.cod)),
          GEC_Serviceable: yes(Boolean(served)),
          LITE_Serviceable: 'NO',
          special_Destination: 'NO',
          remote_Delivery_Area: 'NO',
        },
      ],
      SERV_LIST_DTLS: Object.entries(served?.tatDays ?? {}).map(([code, days]) => ({
        CODE: code,
        PCODE: code,
        NAME: code,
        TAT: String(days),
      })),
      PIN_CITY: destination
        ? [
            {
              PIN: desPin,
              CITY: destination.cities[0] ?? '',
              STATE_NAME: destination.state,
              TALUKA_AND_DISTRICT: destination.districts[0] ?? '',
            },
          ]
        : [],
    };
  });
}
