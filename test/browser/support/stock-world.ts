import type { BrowserHarness } from './browser-harness.js';

// A small world for the journeys that need parts and stock, made through the public API (the
// demo world is not assumed): a brand's parts, locations, stock, a partnership.

export interface MadePart {
  id: string;
  partNumber: string;
  name: string;
}

async function expectCreated(
  harness: BrowserHarness,
  what: string,
  method: string,
  path: string,
  body: unknown,
  token: string,
) {
  const answer = await harness.api(method, path, body, token);
  if (answer.status !== 201 && answer.status !== 200)
    throw new Error(
      `${what}: ${method} ${path} answered ${answer.status} ${JSON.stringify(answer.json)}`,
    );
  return answer.json;
}

/** A part of the brand whose token is given (prices in paise). */
export async function makePart(
  harness: BrowserHarness,
  token: string,
  part: { partNumber: string; name: string; unitPricePaise: number; category?: string },
): Promise<MadePart> {
  const made = await expectCreated(
    harness,
    'part',
    'POST',
    '/api/v1/parts',
    {
      ...part,
      hsnCode: '84509000',
      gstRatePercent: 18,
      weightGrams: 1200,
      lengthCm: 20,
      widthCm: 15,
      heightCm: 10,
    },
    token,
  );
  return { id: String(made.id), partNumber: part.partNumber, name: part.name };
}

/** A location of the organization whose token is given. */
export async function makeLocation(
  harness: BrowserHarness,
  token: string,
  location: { name: string; city: string; state: string; pincode: string },
): Promise<{ id: string; name: string }> {
  const made = await expectCreated(
    harness,
    'location',
    'POST',
    '/api/v1/locations',
    {
      name: location.name,
      address: {
        contactName: 'Stores in-charge',
        phone: '+919876543210',
        line1: '14, Industrial Estate',
        city: location.city,
        state: location.state,
        pincode: location.pincode,
      },
    },
    token,
  );
  return { id: String(made.id), name: location.name };
}

/** Receives `quantity` of a part at a location (an adjustment with reason receipt). */
export async function receiveStock(
  harness: BrowserHarness,
  token: string,
  stock: { locationId: string; partId: string; quantity: number; unitCostPaise?: number },
): Promise<void> {
  await expectCreated(
    harness,
    'receipt',
    'POST',
    '/api/v1/inventory/adjustments',
    {
      locationId: stock.locationId,
      partId: stock.partId,
      quantityDelta: stock.quantity,
      reason: 'receipt',
      ...(stock.unitCostPaise === undefined ? {} : { unitCostPaise: stock.unitCostPaise }),
    },
    token,
  );
}

/** The partner asks to join the brand's network and the brand approves (both through the API). */
export async function makePartners(
  harness: BrowserHarness,
  brand: { token: string; organizationId: string },
  partnerToken: string,
): Promise<void> {
  await expectCreated(
    harness,
    'access request',
    'POST',
    '/api/v1/network/access-requests',
    { brandId: brand.organizationId },
    partnerToken,
  );
  const pending = await harness.api(
    'GET',
    '/api/v1/network/access-requests?status=pending',
    undefined,
    brand.token,
  );
  const request = (pending.json.items as Array<{ id: string }>)[0];
  if (!request) throw new Error('no pending access request to approve');
  await expectCreated(
    harness,
    'approval',
    'POST',
    `/api/v1/network/access-requests/${request.id}/approve`,
    undefined,
    brand.token,
  );
}
