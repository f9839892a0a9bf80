import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, type ApiResponse } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

// Every CSV the product writes neutralises cells a spreadsheet would evaluate (OWASP: text
// starting with =, +, -, @, tab or CR gets a leading '), across tenants too: a partner's own
// stock export shows the brand's part names.
const testApp = useTestApp();
const call = apiCaller(testApp);

const hostile = '=HYPERLINK("http://evil.example","x")';
const neutralised = `'${hostile}`;
const triggers = ['=', '+', '-', '@', '\t', '\r'];

let brandOwner: TestMember;
let partnerOwner: TestMember;
let brandId: string;
let partnerId: string;
let partId: string;
let partnerLocationId: string;

async function download(path: string, token: string): Promise<string[][]> {
  const response = await fetch(`${testApp().url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parse(await response.text(), { relax_column_count: true }) as string[][];
}

/** Every cell (header included) that starts with a formula character. */
function formulaCells(rows: string[][]): string[] {
  return rows.flatMap((row) => row.filter((cell) => triggers.includes(cell.charAt(0))));
}

/** The value of `column` in the first data row whose `key` column equals `value`. */
function cellOf(rows: string[][], key: string, value: string, column: string): string | undefined {
  const [header = [], ...data] = rows;
  const row = data.find((cells) => cells[header.indexOf(key)] === value);
  return row?.[header.indexOf(column)];
}

async function uploadCsv(path: string, csv: string): Promise<ApiResponse['json']> {
  const response = await fetch(`${testApp().url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${brandOwner.accessToken}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(response.status).toBe(202);
  const { jobId } = (await response.json()) as { jobId: string };
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const job = await call('GET', `/api/v1/jobs/${jobId}`, { bearer: brandOwner.accessToken });
    if (job.json.status === 'succeeded' || job.json.status === 'failed') return job.json;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

const newPart = (partNumber: string, name: string, extra: Record<string, unknown> = {}) =>
  call(
    'POST',
    '/api/v1/parts',
    { bearer: brandOwner.accessToken },
    {
      partNumber,
      name,
      unitPricePaise: 12_000,
      weightGrams: 300,
      lengthCm: 20,
      widthCm: 10,
      heightCm: 5,
      ...extra,
    },
  );

beforeAll(async () => {
  const container = testApp().container;
  const brand = await makeOrganization(container, 'brand', ['owner']);
  const partner = await makeOrganization(container, 'distributor', ['owner']);
  brandId = brand.organizationId;
  partnerId = partner.organizationId;
  brandOwner = brand.members.owner as TestMember;
  partnerOwner = partner.members.owner as TestMember;
  await testApp().database.pool.query(
    `insert into partner_links (brand_id, partner_id, partner_type, status)
     values ($1, $2, 'distributor', 'active')`,
    [brandId, partnerId],
  );
  const part = await newPart('EVIL-1', hostile, {
    category: '@SUM(1+1)',
    description: "+cmd|' /C calc'!A0",
  });
  expect(part.status).toBe(201);
  partId = part.json.id as string;
  const location = await call(
    'POST',
    '/api/v1/locations',
    { bearer: partnerOwner.accessToken },
    {
      name: '-Bhiwandi depot',
      address: {
        contactName: 'Asha Patil',
        phone: '9876543210',
        line1: 'Gala 4, Mankoli Naka',
        city: 'Bhiwandi',
        state: 'Maharashtra',
        pincode: '421302',
      },
    },
  );
  expect(location.status).toBe(201);
  partnerLocationId = location.json.id as string;
});

describe('CSV exports neutralise formulas', () => {
  it("in the brand's parts export", async () => {
    const rows = await download('/api/v1/parts/export.csv', brandOwner.accessToken);
    expect(cellOf(rows, 'part_number', 'EVIL-1', 'name')).toBe(neutralised);
    expect(cellOf(rows, 'part_number', 'EVIL-1', 'category')).toBe("'@SUM(1+1)");
    expect(cellOf(rows, 'part_number', 'EVIL-1', 'description')).toBe("'+cmd|' /C calc'!A0");
    expect(formulaCells(rows)).toEqual([]);
  });

  it("in a partner's own stock and movements exports, negative numbers neutralised too", async () => {
    const receive = await call(
      'POST',
      '/api/v1/inventory/adjustments',
      { bearer: partnerOwner.accessToken },
      {
        locationId: partnerLocationId,
        partId,
        quantityDelta: 10,
        reason: 'receipt',
        note: '=1+1',
      },
    );
    expect(receive.status).toBe(201);
    const damage = await call(
      'POST',
      '/api/v1/inventory/adjustments',
      { bearer: partnerOwner.accessToken },
      { locationId: partnerLocationId, partId, quantityDelta: -3, reason: 'damage', note: '@x' },
    );
    expect(damage.status).toBe(201);

    const stock = await download('/api/v1/inventory/export.csv', partnerOwner.accessToken);
    expect(cellOf(stock, 'part_number', 'EVIL-1', 'part_name')).toBe(neutralised);
    expect(cellOf(stock, 'part_number', 'EVIL-1', 'location_name')).toBe("'-Bhiwandi depot");
    expect(cellOf(stock, 'part_number', 'EVIL-1', 'quantity')).toBe('7');
    expect(formulaCells(stock)).toEqual([]);

    const movements = await download(
      '/api/v1/inventory/movements/export.csv',
      partnerOwner.accessToken,
    );
    expect(movements.slice(1).map((row) => row[movements[0]?.indexOf('note') ?? -1])).toEqual([
      "'=1+1",
      "'@x",
    ]);
    // No cell starts with a formula character, a negative quantity included (api-v1).
    expect(cellOf(movements, 'note', "'@x", 'on_hand_delta')).toBe("'-3");
    expect(formulaCells(movements)).toEqual([]);
  });

  it('in an import error report, which echoes the cells of the bad rows', async () => {
    const job = await uploadCsv(
      '/api/v1/parts/import',
      'part_number,name,unit_price_paise,weight_grams,length_cm,width_cm,height_cm\n' +
        `EVIL-2,"${hostile.replace(/"/g, '""')}",abc,100,5,5,5\n`,
    );
    expect(job.summary).toMatchObject({ failed: 1 });
    const report = await download(`/api/v1/jobs/${job.id}/errors.csv`, brandOwner.accessToken);
    expect(report[0]).toEqual([
      'row',
      'column',
      'message',
      'part_number',
      'name',
      'unit_price_paise',
      'weight_grams',
      'length_cm',
      'width_cm',
      'height_cm',
    ]);
    expect(report[1]?.slice(0, 2)).toEqual(['2', 'unit_price_paise']);
    expect(report[1]?.[4]).toBe(neutralised);
    expect(formulaCells(report)).toEqual([]);
  });
});

describe('export → import round-trips formula-like text', () => {
  it('a part named "-Gasket" or "=SUM(A1)" comes back unchanged', async () => {
    const names: Record<string, string> = {
      'RT-1': '-Gasket',
      'RT-2': '=SUM(A1)',
      'RT-3': '+91 helpline kit',
      'RT-4': "'=already quoted",
      'RT-5': "'plain apostrophe",
    };
    for (const [partNumber, name] of Object.entries(names))
      expect((await newPart(partNumber, name, { compatibleModels: ['=A', '-B'] })).status).toBe(
        201,
      );
    const before = await testApp().database.pool.query(
      `select part_number, name, category, description, compatible_models, updated_at
         from parts where brand_id = $1 order by part_number`,
      [brandId],
    );
    const response = await fetch(`${testApp().url}/api/v1/parts/export.csv`, {
      headers: { authorization: `Bearer ${brandOwner.accessToken}` },
    });
    const exported = await response.text();
    expect(exported).toContain(`RT-1,'-Gasket,`);
    expect(exported).toContain(`RT-4,''=already quoted,`);
    expect(exported).toContain(`RT-5,'plain apostrophe,`);

    const job = await uploadCsv('/api/v1/parts/import', exported);
    expect(job).toMatchObject({ status: 'succeeded', errors: [] });
    expect(job.summary).toMatchObject({ created: 0, updated: 0, unchanged: before.rows.length });
    const after = await testApp().database.pool.query(
      `select part_number, name, category, description, compatible_models, updated_at
         from parts where brand_id = $1 order by part_number`,
      [brandId],
    );
    expect(after.rows).toEqual(before.rows);
    expect(after.rows.find((row) => row.part_number === 'RT-2')).toMatchObject({
      name: '=SUM(A1)',
      compatible_models: ['=A', '-B'],
    });
  });
});
