import { beforeAll, describe, expect, it } from 'vitest';
import { makeApiKey } from '../support/factories/api-key.factory.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import type { ApiResponse } from '../support/api-call.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();

let owner: TestMember;
let viewer: TestMember;
let otherOwner: TestMember;
let brandId: string;

const header =
  'part_number,name,description,category,hsn_code,gst_rate_percent,unit_price_paise,mrp_paise,weight_grams,length_cm,width_cm,height_cm,compatible_models,status';

function partLine(n: number, changes: Partial<Record<string, string>> = {}): string {
  const cells: Record<string, string> = {
    part_number: `WM-${String(n).padStart(4, '0')}`,
    name: `Drain pump ${n}`,
    description: 'Fits front loaders',
    category: 'Pumps',
    hsn_code: '84509000',
    gst_rate_percent: '18',
    unit_price_paise: String(10_000 + n),
    mrp_paise: String(20_000 + n),
    weight_grams: '450',
    length_cm: '12',
    width_cm: '10',
    height_cm: '8',
    compatible_models: 'WM-6kg|WM-7kg',
    status: 'active',
    ...changes,
  };
  return header
    .split(',')
    .map((column) => cells[column] ?? '')
    .join(',');
}

const csvOf = (lines: string[]) => [header, ...lines].join('\n') + '\n';

async function upload(
  path: string,
  body: string | Buffer,
  token: string,
  contentType = 'text/csv',
): Promise<ApiResponse> {
  const response = await fetch(`${testApp().url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as ApiResponse['json'] };
}

async function get(path: string, token: string) {
  return fetch(`${testApp().url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

/** Polls the job until it is finished. */
async function finished(jobId: string, token = owner.accessToken): Promise<ApiResponse['json']> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const job = (await (await get(`/api/v1/jobs/${jobId}`, token)).json()) as ApiResponse['json'];
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function importParts(csv: string, query = '') {
  const accepted = await upload(`/api/v1/parts/import${query}`, csv, owner.accessToken);
  expect(accepted.status).toBe(202);
  return { jobId: accepted.json.jobId as string, job: await finished(accepted.json.jobId) };
}

async function catalog() {
  const { rows } = await testApp().database.pool.query<{
    part_number: string;
    name: string;
    updated_at: Date;
    xmin: string;
  }>(
    'select part_number, name, updated_at, xmin::text from parts where brand_id = $1 order by part_number',
    [brandId],
  );
  return rows;
}

beforeAll(async () => {
  const container = testApp().container;
  const brand = await makeOrganization(container, 'brand', ['owner', 'viewer']);
  const other = await makeOrganization(container, 'brand', ['owner']);
  brandId = brand.organizationId;
  owner = brand.members.owner as TestMember;
  viewer = brand.members.viewer as TestMember;
  otherOwner = other.members.owner as TestMember;
});

describe('parts CSV import', () => {
  it('refuses a bad header before reading any row, importing nothing', async () => {
    const { job } = await importParts('part_number,name,colour\nX-1,Thing,red\n');
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'colour' }),
        expect.objectContaining({
          row: 1,
          column: 'unit_price',
          message: 'required column is missing (unit_price, or unit_price_paise in paise)',
        }),
      ]),
    );
    expect(await catalog()).toHaveLength(0);
  });

  it('all or nothing: one bad row leaves the catalog untouched', async () => {
    const { job } = await importParts(
      csvOf([partLine(1), partLine(2, { weight_grams: '0' })]),
      '?allOrNothing=true',
    );
    expect(job).toMatchObject({ status: 'failed', progress: { total: 2 } });
    // The good row was written in the rolled-back transaction: nothing is counted as imported.
    expect(job.summary).toEqual({ succeeded: 0, failed: 1, created: 0, updated: 0, unchanged: 0 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, column: 'weight_grams' })]);
    expect(await catalog()).toHaveLength(0);
  });

  it('imports good rows and reports every bad row at once by spreadsheet row number (a repeated part number on both rows)', async () => {
    const lines = [
      partLine(1),
      partLine(2, { unit_price_paise: 'abc' }),
      partLine(3),
      partLine(4, { hsn_code: '12', status: 'gone' }),
      partLine(1, { name: 'Repeat' }),
      partLine(5),
    ];
    const { job, jobId } = await importParts(csvOf(lines));
    expect(job).toMatchObject({
      id: jobId,
      kind: 'parts',
      status: 'succeeded',
      progress: { processed: 6, total: 6 },
      summary: { succeeded: 2, failed: 4, created: 2, updated: 0, unchanged: 0 },
    });
    expect(job.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'part_number',
        message: expect.stringContaining('WM-0001 is also on row 6;'),
      }),
      { row: 3, column: 'unit_price_paise', message: 'must be a whole number of paise' },
      expect.objectContaining({ row: 5, column: 'hsn_code' }),
      expect.objectContaining({ row: 5, column: 'status' }),
      expect.objectContaining({
        row: 6,
        column: 'part_number',
        message: expect.stringContaining('WM-0001 is also on row 2;'),
      }),
    ]);
    expect((await catalog()).map((part) => part.part_number)).toEqual(['WM-0003', 'WM-0005']);
    const [part] = (
      await testApp().database.pool.query(
        `select compatible_models, gst_rate_basis_points, search_document from parts
          where brand_id = $1 and part_number = 'WM-0003'`,
        [brandId],
      )
    ).rows;
    expect(part).toMatchObject({
      compatible_models: ['WM-6kg', 'WM-7kg'],
      gst_rate_basis_points: 1800,
    });
    expect(part.search_document).toContain('WM-7kg');

    const audit = await testApp().database.pool.query(
      'select action from audit_log where entity_id = $1',
      [jobId],
    );
    expect(audit.rows).toEqual([{ action: 'import.parts.finished' }]);
    const events = await testApp().database.pool.query(
      'select type, payload from domain_events where aggregate_id = $1',
      [jobId],
    );
    expect(events.rows).toEqual([
      {
        type: 'import.finished',
        payload: expect.objectContaining({ created: 2, updated: 0, unchanged: 0, failed: 4 }),
      },
    ]);

    const report = await get(`/api/v1/jobs/${jobId}/errors.csv`, owner.accessToken);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(report.headers.get('content-disposition')).toContain('attachment');
    const text = await report.text();
    const reportLines = text.trim().split('\n');
    expect(reportLines[0]).toBe(`row,column,message,${header}`);
    expect(reportLines).toHaveLength(1 + 5);
    expect(reportLines[2]).toBe(
      `3,unit_price_paise,must be a whole number of paise,${partLine(2, { unit_price_paise: 'abc' })}`,
    );
  });

  it('a re-upload of the same file answers the earlier job and changes nothing', async () => {
    const csv = csvOf([partLine(10), partLine(11), partLine(12)]);
    const first = await importParts(csv);
    expect(first.job.status).toBe('succeeded');
    const before = await catalog();
    const again = await upload('/api/v1/parts/import', csv, owner.accessToken);
    expect(again).toEqual({ status: 202, json: { jobId: first.jobId } });
    // Same rows in a different file (a trailing blank line): a new job, but nothing rewritten.
    const reworded = await importParts(csv + '\n');
    expect(reworded.jobId).not.toBe(first.jobId);
    expect(reworded.job.status).toBe('succeeded');
    expect(reworded.job.summary).toMatchObject({
      succeeded: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await catalog()).toEqual(before);
    const count = await testApp().database.pool.query(
      `select count(*)::int as n from import_jobs where organization_id = $1`,
      [brandId],
    );
    expect(count.rows[0].n).toBe(5);
  });

  it('changing one row updates only that row', async () => {
    const before = await catalog();
    const { job } = await importParts(
      csvOf([partLine(10), partLine(11, { name: 'Drain pump 11 (new)' }), partLine(12)]),
    );
    expect(job.status).toBe('succeeded');
    expect(job.summary).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await catalog();
    const changed = after.filter(
      (part) => before.find((old) => old.part_number === part.part_number)?.xmin !== part.xmin,
    );
    expect(changed.map((part) => [part.part_number, part.name])).toEqual([
      ['WM-0011', 'Drain pump 11 (new)'],
    ]);
  });

  it('refuses non-CSV bodies (415), bodies over the limit (413), viewers (403)', async () => {
    expect(
      (await upload('/api/v1/parts/import', '{}', owner.accessToken, 'application/json')).status,
    ).toBe(415);
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 'a');
    const tooLarge = await upload('/api/v1/parts/import', big, owner.accessToken);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.code).toBe('PAYLOAD_TOO_LARGE');
    expect(
      (await upload('/api/v1/parts/import', csvOf([partLine(1)]), viewer.accessToken)).status,
    ).toBe(403);
  });

  it('lets a read_write API key import (audited as the key) and a read key only read', async () => {
    const container = testApp().container;
    const writer = await makeApiKey(container, brandId, 'read_write');
    const reader = await makeApiKey(container, brandId, 'read');
    const send = (key: string) =>
      fetch(`${testApp().url}/api/v1/parts/import`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'text/csv' },
        body: csvOf([partLine(30)]),
      });
    expect((await send(reader)).status).toBe(403);
    const accepted = await send(writer);
    expect(accepted.status).toBe(202);
    const { jobId } = (await accepted.json()) as { jobId: string };
    expect((await finished(jobId)).status).toBe('succeeded');
    const audit = await testApp().database.pool.query(
      'select actor_api_key_id is not null as by_key from audit_log where entity_id = $1',
      [jobId],
    );
    expect(audit.rows).toEqual([{ by_key: true }]);
    const status = await fetch(`${testApp().url}/api/v1/jobs/${jobId}`, {
      headers: { 'x-api-key': reader },
    });
    expect(status.status).toBe(200);
  });

  it('hides another organization’s job (404)', async () => {
    const { jobId } = await importParts(csvOf([partLine(20)]));
    expect((await get(`/api/v1/jobs/${jobId}`, otherOwner.accessToken)).status).toBe(404);
    expect((await get(`/api/v1/jobs/${jobId}/errors.csv`, otherOwner.accessToken)).status).toBe(
      404,
    );
  });

  it('exports the catalog in the import format, prices in rupees, and the export imports back unchanged', async () => {
    const response = await get('/api/v1/parts/export.csv', owner.accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const exported = await response.text();
    expect(exported.split('\n')[0]).toBe(
      header.replace('unit_price_paise,mrp_paise', 'unit_price,mrp'),
    );
    expect(exported).toContain(
      'WM-0011,Drain pump 11 (new),Fits front loaders,Pumps,84509000,18,100.11,200.11,450,12,10,8,WM-6kg|WM-7kg,active',
    );
    const before = await catalog();
    const { job } = await importParts(exported);
    expect(job.status).toBe('succeeded');
    expect(job.errors).toEqual([]);
    expect(await catalog()).toEqual(before);
  });

  it('counts every bad row even when the stored error list is capped', async () => {
    // Nine errors a row: 1,200 rows make 10,800 errors, past the 10,000 the job keeps.
    const bad = { unit_price_paise: 'x', mrp_paise: 'x', weight_grams: 'x', length_cm: 'x' };
    const worse = { ...bad, width_cm: 'x', height_cm: 'x', gst_rate_percent: 'x' };
    const lines = Array.from({ length: 1200 }, (_, index) =>
      partLine(5000 + index, { ...worse, hsn_code: '1', status: 'gone' }),
    );
    const { job, jobId } = await importParts(csvOf([partLine(4999), ...lines]));
    expect(job.status).toBe('succeeded');
    expect(job.summary).toEqual({
      succeeded: 1,
      failed: 1200,
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    const listedRows = new Set(
      (job.errors as Array<{ row: number }>).filter((e) => e.row >= 2).map((e) => e.row),
    );
    expect(listedRows.size).toBeLessThan(1200);
    expect(job.errors.at(-1)).toEqual({
      row: 0,
      message: `${1200 - listedRows.size} more rows with errors are not listed`,
    });
    const events = await testApp().database.pool.query(
      'select payload from domain_events where aggregate_id = $1',
      [jobId],
    );
    expect(events.rows[0].payload).toMatchObject({ failed: 1200 });
  });
});
