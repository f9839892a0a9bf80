import { beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import type { ApiResponse } from '../support/api-call.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Parts CSVs as people and integrators write them (api-v1, Conventions): header names in any
 * case with spaces, hyphens or underscores (snake_case, the API's camelCase, labels), prices in
 * rupees in the forms people type or in paise, GST as "18%", a part number repeated in a file
 * reported on both rows, and a clear answer for an unknown header, an empty or header-only file.
 */
const testApp = useTestApp();

let owner: TestMember;
let brandId: string;

async function upload(csv: string): Promise<ApiResponse> {
  const response = await fetch(`${testApp().url}/api/v1/parts/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as ApiResponse['json'] };
}

async function importParts(csv: string): Promise<ApiResponse['json']> {
  const accepted = await upload(csv);
  expect(accepted.status).toBe(202);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await fetch(`${testApp().url}/api/v1/jobs/${accepted.json.jobId}`, {
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    const job = (await response.json()) as ApiResponse['json'];
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import did not finish');
}

async function stored(partNumbers: string[]) {
  const { rows } = await testApp().database.pool.query<{
    part_number: string;
    unit_price_paise: number;
    mrp_paise: number | null;
    gst_rate_basis_points: number | null;
  }>(
    `select part_number, unit_price_paise::int as unit_price_paise, mrp_paise::int as mrp_paise, gst_rate_basis_points from parts
      where brand_id = $1 and part_number = any($2) order by part_number`,
    [brandId, partNumbers],
  );
  return rows;
}

beforeAll(async () => {
  const brand = await makeOrganization(testApp().container, 'brand', ['owner']);
  brandId = brand.organizationId;
  owner = brand.members.owner as TestMember;
});

describe('parts CSV as people write it', () => {
  it.each([
    [
      'snake_case',
      'part_number,name,unit_price,mrp,gst_rate_percent,weight_grams,length_cm,width_cm,height_cm',
      'SN',
    ],
    [
      'the API’s camelCase',
      'partNumber,name,unitPricePaise,mrpPaise,gstRatePercent,weightGrams,lengthCm,widthCm,heightCm',
      'CC',
    ],
    [
      'labels',
      'Part Number,Name,Unit Price,MRP,GST Rate Percent,Weight Grams,Length-CM,Width cm,HEIGHT_CM',
      'LB',
    ],
  ])('reads a %s header', async (_form, header, prefix) => {
    const paise = header.includes('Paise');
    const line = `${prefix}-1,Door gasket,${paise ? '65000,79900' : '650,799'},18%,400,60,5,2`;
    const job = await importParts(`${header}\n${line}\n`);
    expect(job).toMatchObject({ status: 'succeeded', errors: [], summary: { created: 1 } });
    expect(await stored([`${prefix}-1`])).toEqual([
      {
        part_number: `${prefix}-1`,
        unit_price_paise: 65_000,
        mrp_paise: 79_900,
        gst_rate_basis_points: 1800,
      },
    ]);
  });

  it('reads rupees in the forms people type and GST with or without %, to exact paise', async () => {
    const header =
      'part_number,name,unit_price,gst_rate_percent,weight_grams,length_cm,width_cm,height_cm';
    const lines = [
      ['RP-1', '650', '18'],
      ['RP-2', '"1,250.50"', '18%'],
      ['RP-3', '"₹1,250"', '18.0'],
      ['RP-4', '"Rs. 1,250"', '18 %'],
      ['RP-5', '"1,25,000"', '28%'],
      ['RP-6', '0.29', '5%'],
    ].map(([number, price, gst]) => `${number},Part ${number},${price},${gst},100,1,1,1`);
    const job = await importParts([header, ...lines].join('\n'));
    expect(job).toMatchObject({ status: 'succeeded', errors: [], summary: { created: 6 } });
    expect(
      (await stored(['RP-1', 'RP-2', 'RP-3', 'RP-4', 'RP-5', 'RP-6'])).map((part) => [
        part.part_number,
        part.unit_price_paise,
        part.gst_rate_basis_points,
      ]),
    ).toEqual([
      ['RP-1', 65_000, 1800],
      ['RP-2', 125_050, 1800],
      ['RP-3', 125_000, 1800],
      ['RP-4', 125_000, 1800],
      ['RP-5', 12_500_000, 2800],
      ['RP-6', 29, 500],
    ]);
  });

  it('reports a part number given twice on both rows (case ignored), importing neither', async () => {
    const header = 'part_number,name,unit_price,weight_grams,length_cm,width_cm,height_cm';
    const job = await importParts(
      [
        header,
        'DUP-1,Drain pump,650,450,12,10,8',
        'OK-1,Inlet valve,320,120,6,4,4',
        'dup-1,Drain pump (new),700,450,12,10,8',
      ].join('\n'),
    );
    expect(job).toMatchObject({ status: 'succeeded', summary: { created: 1, failed: 2 } });
    expect(job.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'part_number',
        message: expect.stringContaining('DUP-1 is also on row 4;'),
      }),
      expect.objectContaining({
        row: 4,
        column: 'part_number',
        message: expect.stringContaining('dup-1 is also on row 2;'),
      }),
    ]);
    expect((await stored(['DUP-1', 'dup-1', 'OK-1'])).map((part) => part.part_number)).toEqual([
      'OK-1',
    ]);
  });

  it('refuses rupees and paise that disagree, and more than 2 decimals, as row errors', async () => {
    const header =
      'part_number,name,unit_price,unit_price_paise,mrp,weight_grams,length_cm,width_cm,height_cm';
    const job = await importParts(
      [
        header,
        'MX-1,Fan motor,650,65000,,900,20,20,15',
        'MX-2,Fan blade,650,6500,,300,30,30,5',
        'MX-3,Fan guard,99.999,,,300,30,30,5',
        'MX-4,Fan capacitor,120,,"1,50",50,5,3,3',
      ].join('\n'),
    );
    expect(job).toMatchObject({ status: 'succeeded', summary: { created: 1, failed: 3 } });
    expect(job.errors).toEqual([
      {
        row: 3,
        column: 'unit_price',
        message:
          'unit_price 650 (65000 paise) and unit_price_paise 6500 disagree; give one of them',
      },
      {
        row: 4,
        column: 'unit_price',
        message: 'has more than 2 decimals (the smallest amount is 1 paisa, ₹0.01)',
      },
      {
        row: 5,
        column: 'mrp',
        message: 'has commas out of place: write 1,250 or 1,25,000 (decimals after a point)',
      },
    ]);
  });

  it('refuses an unknown header on row 1, listing the expected columns, importing nothing', async () => {
    const job = await importParts(
      'Part Number,Name,Colour,Unit Price,Weight Grams,Length cm,Width cm,Height cm\nUK-1,Knob,red,50,10,1,1,1\n',
    );
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      {
        row: 1,
        column: 'Colour',
        message:
          'unknown column "Colour" (expected: part_number, name, description, category, hsn_code, gst_rate_percent, unit_price, mrp, weight_grams, length_cm, width_cm, height_cm, compatible_models, status, unit_price_paise, mrp_paise)',
      },
    ]);
    expect(await stored(['UK-1'])).toEqual([]);
  });

  it('says clearly that an empty or header-only file has nothing to import', async () => {
    for (const blank of ['', '\n\n', '\uFEFF  \r\n']) {
      const response = await upload(blank);
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({
        code: 'VALIDATION_FAILED',
        detail: 'The CSV file is empty: it needs a header row and at least one row below it.',
      });
    }
    const job = await importParts(
      'part_number,name,unit_price,weight_grams,length_cm,width_cm,height_cm\n\n',
    );
    expect(job).toMatchObject({
      status: 'failed',
      errors: [{ row: 0, message: 'the file has no rows to import below its header row' }],
    });
  });

  it('exports prices in rupees that import back to the same paise', async () => {
    const header =
      'part_number,name,unit_price_paise,mrp_paise,weight_grams,length_cm,width_cm,height_cm';
    const job = await importParts(`${header}\nEX-1,Thermostat,123455,123499,100,5,5,5\n`);
    expect(job.status).toBe('succeeded');
    const response = await fetch(`${testApp().url}/api/v1/parts/export.csv`, {
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    const exported = await response.text();
    expect(exported).toContain('EX-1,Thermostat,,,,,1234.55,1234.99,100,5,5,5,,active');
    const before = await stored(['EX-1']);
    const again = await importParts(exported);
    expect(again).toMatchObject({ status: 'succeeded', errors: [] });
    expect(again.summary).toMatchObject({ created: 0, updated: 0 });
    expect(await stored(['EX-1'])).toEqual(before);
  });
});
