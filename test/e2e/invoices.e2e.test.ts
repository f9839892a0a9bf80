import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueReceiptVoucher, issueShippingInvoice } from '../../src/modules/invoicing/index.js';
import { inTransaction } from '../../src/platform/db/transaction.js';
import { apiCaller } from '../support/api-call.js';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { pdfText } from '../support/pdf-text.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

let owner: TestMember;
let manager: TestMember;
let viewer: TestMember;
let otherOwner: TestMember;
let platformOwner: TestMember;
let organizationId: string;
let otherOrganizationId: string;
let readKey: string;
const ids: Record<string, string> = {};

/** The charge of a shipment: 18 % of freight + margin, half up to the paisa. */
const charge = (freightPaise: number, marginPaise: number) => ({
  freightPaise,
  marginPaise,
  gstPaise: Math.floor(((freightPaise + marginPaise) * 18 + 50) / 100),
});

beforeAll(async () => {
  const container = testApp().container;
  const mine = await makeOrganization(container, 'brand', ['owner', 'manager', 'viewer']);
  const other = await makeOrganization(container, 'distributor', ['owner']);
  const platform = await makeOrganization(container, 'platform', ['owner']);
  organizationId = mine.organizationId;
  otherOrganizationId = other.organizationId;
  owner = mine.members.owner as TestMember;
  manager = mine.members.manager as TestMember;
  viewer = mine.members.viewer as TestMember;
  otherOwner = other.members.owner as TestMember;
  platformOwner = platform.members.owner as TestMember;
  readKey = await makeApiKey(container, organizationId, 'read');
  // The brand is registered in Maharashtra (27): IGST from the Karnataka sandbox supplier.
  await container.database.pool.query(
    `update organizations set gstin = '27AAACB1234C1ZF', legal_name = 'Bharat Motors Private Limited' where id = $1`,
    [organizationId],
  );
  const supplier = container.invoiceSupplier;
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));
  await inTransaction(container.database.pool, async (tx) => {
    ids.voucher = (
      await issueReceiptVoucher(tx, {
        supplier,
        organizationId,
        topupId: crypto.randomUUID(),
        amountPaise: 10_00_000_00,
        razorpayPaymentId: 'pay_E2Etest0001',
        issuedAt: at(0),
      })
    ).invoice.id;
    for (const [index, minute] of [1, 2, 3].entries())
      ids[`invoice${index}`] = (
        await issueShippingInvoice(tx, {
          supplier,
          organizationId,
          shipmentId: crypto.randomUUID(),
          ...charge(1_234_567 + index, 1_000),
          description: `Courier services, AWB D10000${index}`,
          issuedAt: at(minute),
        })
      ).invoice.id;
    ids.other = (
      await issueShippingInvoice(tx, {
        supplier,
        organizationId: otherOrganizationId,
        shipmentId: crypto.randomUUID(),
        ...charge(10_000, 1_000),
        issuedAt: at(4),
      })
    ).invoice.id;
  });
});

describe('GET /api/v1/invoices', () => {
  it("lists the organization's invoices and vouchers, newest first, to owners, managers and read keys", async () => {
    for (const auth of [
      { bearer: owner.accessToken },
      { bearer: manager.accessToken },
      { apiKey: readKey },
    ]) {
      const response = await call('GET', '/api/v1/invoices', auth);
      expect(response.status).toBe(200);
      expect(response.json.items.map((item: { id: string }) => item.id)).toEqual([
        ids.invoice2,
        ids.invoice1,
        ids.invoice0,
        ids.voucher,
      ]);
      expect(response.json.nextCursor).toBeNull();
    }
    expect((await call('GET', '/api/v1/invoices', { bearer: viewer.accessToken })).status).toBe(
      403,
    );
  });

  it('filters by kind and financial year, and pages with cursors of the same list only', async () => {
    const taxInvoices = await call('GET', '/api/v1/invoices?kind=tax_invoice&limit=2', {
      bearer: owner.accessToken,
    });
    expect(taxInvoices.json.items.map((item: { id: string }) => item.id)).toEqual([
      ids.invoice2,
      ids.invoice1,
    ]);
    const cursor = taxInvoices.json.nextCursor as string;
    expect(cursor).toBe(ids.invoice1);
    const next = await call('GET', `/api/v1/invoices?kind=tax_invoice&limit=2&cursor=${cursor}`, {
      bearer: owner.accessToken,
    });
    expect(next.json).toEqual({
      items: [expect.objectContaining({ id: ids.invoice0 })],
      nextCursor: null,
    });

    const vouchers = await call(
      'GET',
      '/api/v1/invoices?kind=receipt_voucher&financialYear=2026-27',
      {
        bearer: owner.accessToken,
      },
    );
    expect(vouchers.json.items.map((item: { id: string }) => item.id)).toEqual([ids.voucher]);
    const lastYear = await call('GET', '/api/v1/invoices?financialYear=2025-26', {
      bearer: owner.accessToken,
    });
    expect(lastYear.json).toEqual({ items: [], nextCursor: null });

    for (const path of [
      `/api/v1/invoices?cursor=${ids.other}`, // another organization's invoice
      `/api/v1/invoices?kind=receipt_voucher&cursor=${ids.invoice1}`, // another filter's
      `/api/v1/invoices?cursor=${crypto.randomUUID()}`,
      '/api/v1/invoices?financialYear=2026-28',
      '/api/v1/invoices?kind=credit_note',
    ]) {
      const refused = await call('GET', path, { bearer: owner.accessToken });
      expect({ path, status: refused.status, code: refused.json.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('shows platform administrators every organization’s invoices', async () => {
    const response = await call('GET', '/api/v1/invoices?limit=200', {
      bearer: platformOwner.accessToken,
    });
    const listed = response.json.items.map((item: { id: string }) => item.id);
    expect(listed).toEqual(expect.arrayContaining([ids.other, ids.invoice0, ids.voucher]));
  });
});

describe('GET /api/v1/invoices/{id} and /pdf', () => {
  it('answers the invoice with parties, place of supply, IGST across states and the amount in words', async () => {
    const response = await call('GET', `/api/v1/invoices/${ids.invoice0}`, {
      bearer: owner.accessToken,
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      number: 'SF/26-27/000001',
      kind: 'tax_invoice',
      financialYear: '2026-27',
      supplier: { gstin: '29AAECS0000A1Z8', stateCode: '29', state: 'Karnataka', sandbox: true },
      recipient: {
        name: 'Bharat Motors Private Limited',
        gstin: '27AAACB1234C1ZF',
        stateCode: '27',
      },
      placeOfSupply: { stateCode: '27', state: 'Maharashtra' },
      sac: '996812',
      taxablePaise: 1_235_567,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 222_402,
      totalPaise: 1_457_969,
      amountInWords: 'Rupees Fourteen Thousand Five Hundred Seventy Nine and Sixty Nine Paise Only',
    });
  });

  it('renders the PDF from the stored invoice', async () => {
    const response = await fetch(`${testApp().url}/api/v1/invoices/${ids.invoice0}/pdf`, {
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="SF-26-27-000001.pdf"',
    );
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    for (const expected of [
      'TAX INVOICE',
      'SF/26-27/000001',
      '29AAECS0000A1Z8',
      '27AAACB1234C1ZF',
      'IGST @ 18% 2,224.02',
      'Total invoice value 14,579.69',
      'Rupees Fourteen Thousand Five Hundred Seventy Nine and Sixty Nine Paise Only',
      'SANDBOX',
    ])
      expect(text).toContain(expected);
  });

  it("answers 404 for another organization's invoice, and platform administrators read it", async () => {
    for (const path of [`/api/v1/invoices/${ids.other}`, `/api/v1/invoices/${ids.other}/pdf`]) {
      expect((await call('GET', path, { bearer: owner.accessToken })).status).toBe(404);
      const other = await fetch(`${testApp().url}${path}`, {
        headers: { authorization: `Bearer ${otherOwner.accessToken}` },
      });
      expect(other.status).toBe(200);
      const platform = await fetch(`${testApp().url}${path}`, {
        headers: { authorization: `Bearer ${platformOwner.accessToken}` },
      });
      expect(platform.status).toBe(200);
    }
  });
});
