import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, type ApiResponse } from '../support/api-call.js';
import { makeOrganization, type TestMember } from '../support/factories/organization.factory.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();
const call = apiCaller(testApp);

let owner: TestMember;
let otherOwner: TestMember;
let organizationId: string;
let locationId: string;

async function upload(path: string, body: string, token = owner.accessToken) {
  const response = await fetch(`${testApp().url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv; charset=utf-8' },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    json: (text ? JSON.parse(text) : null) as ApiResponse['json'],
  };
}

async function finished(jobId: string): Promise<ApiResponse['json']> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const job = await call('GET', `/api/v1/jobs/${jobId}`, { bearer: owner.accessToken });
    if (job.json.status === 'succeeded' || job.json.status === 'failed') return job.json;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function runImport(path: string, csv: string) {
  const accepted = await upload(path, csv);
  expect(accepted.status).toBe(202);
  return { jobId: accepted.json.jobId as string, job: await finished(accepted.json.jobId) };
}

async function levels() {
  const { rows } = await testApp().database.pool.query<{ part_number: string; on_hand: number }>(
    `select p.part_number, s.on_hand from stock_levels s join parts p on p.id = s.part_id
      where s.organization_id = $1 order by p.part_number`,
    [organizationId],
  );
  return rows;
}

async function movementCount(): Promise<number> {
  const { rows } = await testApp().database.pool.query<{ n: number }>(
    'select count(*)::int as n from stock_movements where organization_id = $1',
    [organizationId],
  );
  return rows[0]?.n ?? 0;
}

async function download(path: string): Promise<string> {
  const response = await fetch(`${testApp().url}${path}`, {
    headers: { authorization: `Bearer ${owner.accessToken}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return response.text();
}

beforeAll(async () => {
  const container = testApp().container;
  const brand = await makeOrganization(container, 'brand', ['owner']);
  const other = await makeOrganization(container, 'brand', ['owner']);
  organizationId = brand.organizationId;
  owner = brand.members.owner as TestMember;
  otherOwner = other.members.owner as TestMember;
  const location = await call(
    'POST',
    '/api/v1/locations',
    { bearer: owner.accessToken },
    {
      name: 'Pune warehouse',
      address: {
        contactName: 'Asha Patil',
        phone: '9876543210',
        line1: 'Plot 12, MIDC Bhosari',
        city: 'Pune',
        state: 'Maharashtra',
        pincode: '411026',
      },
    },
  );
  locationId = location.json.id as string;
  const parts = await runImport(
    '/api/v1/parts/import',
    'part_number,name,unit_price_paise,weight_grams,length_cm,width_cm,height_cm,status\n' +
      'FR-1,Fridge thermostat,9000,100,5,5,5,active\n' +
      'FR-2,Fridge gasket,12000,400,60,5,2,active\n' +
      'FR-3,Fridge door bin,3000,200,30,10,8,draft\n',
  );
  expect(parts.job.status).toBe('succeeded');
});

describe('stock CSV import and exports', () => {
  it('sets quantities on hand through the ledger, reporting bad rows', async () => {
    const { job, jobId } = await runImport(
      '/api/v1/inventory/import?mode=set',
      'location_name,part_number,quantity\n' +
        'pune warehouse,FR-1,40\n' +
        'Pune warehouse,fr-2,15\n' +
        'Nashik,FR-1,3\n' +
        'Pune warehouse,NOPE-9,3\n' +
        'Pune warehouse,FR-3,1\n' +
        'Pune warehouse,FR-1,-2\n',
    );
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { processed: 6, total: 6 },
      summary: { succeeded: 2, failed: 4, created: 0, updated: 2, unchanged: 0 },
    });
    expect(
      job.errors.map((error: { row: number; column: string }) => [error.row, error.column]),
    ).toEqual([
      [4, 'location_name'],
      [5, 'part_number'],
      [6, 'part_number'],
      [7, 'quantity'],
    ]);
    expect(await levels()).toEqual([
      { part_number: 'FR-1', on_hand: 40 },
      { part_number: 'FR-2', on_hand: 15 },
    ]);
    const movements = await testApp().database.pool.query(
      'select kind, reason, on_hand_delta, reference_id from stock_movements where organization_id = $1 order by id',
      [organizationId],
    );
    expect(movements.rows).toEqual([
      { kind: 'import', reason: 'count_correction', on_hand_delta: 40, reference_id: jobId },
      { kind: 'import', reason: 'count_correction', on_hand_delta: 15, reference_id: jobId },
    ]);
  });

  it('adjusts by signed deltas; a row that would go below zero is reported, the rest applied', async () => {
    const { job } = await runImport(
      '/api/v1/inventory/import?mode=adjust',
      `location_id,part_number,quantity,reason,unit_cost_paise\n${locationId},FR-1,-5,damage,\n${locationId},FR-2,-100,loss,\n${locationId},FR-2,10,receipt,11000\n`,
    );
    expect(job.status).toBe('succeeded');
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, column: 'quantity' })]);
    expect(await levels()).toEqual([
      { part_number: 'FR-1', on_hand: 35 },
      { part_number: 'FR-2', on_hand: 25 },
    ]);
  });

  it('reads headers as people write them and unit costs in rupees', async () => {
    const { job, jobId } = await runImport(
      '/api/v1/inventory/import?mode=adjust',
      'Location Name,partNumber,QUANTITY,Unit Cost,reason\n' +
        'Pune warehouse,FR-2,2,"₹1,100.50",receipt\n' +
        'Pune warehouse,FR-2,1,110.505,receipt\n',
    );
    expect(job).toMatchObject({ status: 'succeeded', summary: { updated: 1, failed: 1 } });
    expect(job.errors).toEqual([
      {
        row: 3,
        column: 'unit_cost',
        message: 'has more than 2 decimals (the smallest amount is 1 paisa, ₹0.01)',
      },
    ]);
    const movements = await testApp().database.pool.query(
      'select on_hand_delta, unit_cost_paise::int as cost from stock_movements where reference_id = $1',
      [jobId],
    );
    expect(movements.rows).toEqual([{ on_hand_delta: 2, cost: 110_050 }]);
    const undo = await runImport(
      '/api/v1/inventory/import?mode=adjust',
      'location_name,part_number,quantity,reason\nPune warehouse,FR-2,-2,count_correction\n',
    );
    expect(undo.job.status).toBe('succeeded');
  });

  it('all or nothing: one refused row leaves stock untouched', async () => {
    const before = await movementCount();
    const { job } = await runImport(
      '/api/v1/inventory/import?mode=adjust&allOrNothing=true',
      `location_id,part_number,quantity\n${locationId},FR-1,1\n${locationId},FR-2,-1000\n`,
    );
    expect(job.status).toBe('failed');
    expect(job.summary).toMatchObject({ succeeded: 0, updated: 0, unchanged: 0 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, column: 'quantity' })]);
    expect(await movementCount()).toBe(before);
  });

  it('exports levels that import back with mode=set changing nothing, and the ledger', async () => {
    const exported = await download('/api/v1/inventory/export.csv');
    expect(exported.split('\n')[0]).toBe(
      'location_id,location_name,part_number,part_name,quantity,reserved,available,in_transit,average_cost_paise',
    );
    expect(exported).toContain(`${locationId},Pune warehouse,FR-2,Fridge gasket,25,0,25,0,`);
    const before = await movementCount();
    const { job } = await runImport('/api/v1/inventory/import?mode=set', exported);
    expect(job).toMatchObject({ status: 'succeeded', errors: [] });
    expect(job.summary).toMatchObject({ updated: 0, unchanged: job.progress.total });
    expect(await movementCount()).toBe(before);

    const ledger = await download('/api/v1/inventory/movements/export.csv');
    const lines = ledger.trim().split('\n');
    expect(lines).toHaveLength(1 + before);
    expect(lines[1]).toContain(',import,40,0,0,count_correction,');
  });

  it('refuses header errors and hides the job from other organizations', async () => {
    const { job, jobId } = await runImport(
      '/api/v1/inventory/import?mode=set',
      'part_number,qty\nFR-1,3\n',
    );
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'qty' }),
        expect.objectContaining({ row: 1, column: 'quantity' }),
        expect.objectContaining({ row: 1, column: 'location_id' }),
      ]),
    );
    const foreign = await call('GET', `/api/v1/jobs/${jobId}`, { bearer: otherOwner.accessToken });
    expect(foreign.status).toBe(404);
    const missingMode = await upload('/api/v1/inventory/import', 'a\n1\n');
    expect(missingMode.status).toBe(400);
  });

  it('a run that dies after a committed batch resumes after it: nothing twice, every row counted', async () => {
    const pool = testApp().database.pool;
    await crashingSecondBatchOnce(async () => {
      const [before] = await levels();
      const rows = Array.from({ length: 1500 }, () => `${locationId},FR-1,1,receipt`);
      const { jobId, job } = await runResumedImport(rows);
      expect(job).toMatchObject({
        status: 'succeeded',
        progress: { processed: 1500, total: 1500 },
        summary: { succeeded: 1500, failed: 0, created: 0, updated: 1500, unchanged: 0 },
      });
      const [after] = await levels();
      expect(after).toEqual({ part_number: 'FR-1', on_hand: (before?.on_hand ?? 0) + 1500 });
      const movements = await pool.query<{ n: number }>(
        `select count(*)::int as n from stock_movements where reference_id = $1`,
        [jobId],
      );
      expect(movements.rows[0]?.n).toBe(1500);
    });
  });

  it('a resumed run still counts the rows the ledger refused before the crash', async () => {
    await crashingSecondBatchOnce(async () => {
      const rows = Array.from({ length: 1500 }, (_, index) => {
        const row = index + 2;
        // Refused by the ledger (below what is on hand): two in the committed first batch,
        // one in the batch that crashes and is retried; one bad cell in each batch.
        if (row === 10 || row === 20 || row === 1200) return `${locationId},FR-2,-999999,loss`;
        if (row === 30 || row === 1300) return `${locationId},FR-1,abc,receipt`;
        return `${locationId},FR-1,1,receipt`;
      });
      const { job } = await runResumedImport(rows);
      expect(job).toMatchObject({
        status: 'succeeded',
        progress: { processed: 1500, total: 1500 },
        summary: { succeeded: 1495, failed: 5, created: 0, updated: 1495, unchanged: 0 },
      });
    });
  });

  it('counts every bad row even when the stored error list is capped', async () => {
    // Five errors a row: 2,100 rows make 10,500 errors, past the 10,000 the job keeps.
    const rows = Array.from({ length: 2100 }, () => 'not-a-uuid,,x,y,z');
    const { job } = await runImport(
      '/api/v1/inventory/import?mode=adjust',
      `location_id,part_number,quantity,unit_cost_paise,reason\n${locationId},FR-1,1,,receipt\n${rows.join('\n')}\n`,
    );
    expect(job.status).toBe('succeeded');
    expect(job.summary).toEqual({
      succeeded: 1,
      failed: 2100,
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    const listedRows = new Set(
      (job.errors as Array<{ row: number }>).filter((e) => e.row >= 2).map((e) => e.row),
    );
    expect(listedRows.size).toBeLessThan(2100);
    expect(job.errors.at(-1)).toEqual({
      row: 0,
      message: `${2100 - listedRows.size} more rows with errors are not listed`,
    });
  });
});

/**
 * Runs `work` while the second batch of a stock import (rows 1,001 on) fails once, after the
 * first (1,000 rows) committed: the job's retry must resume after the committed batch.
 */
async function crashingSecondBatchOnce(work: () => Promise<void>): Promise<void> {
  const pool = testApp().database.pool;
  await pool.query(`
    create sequence fail_once;
    create function fail_second_batch_once() returns trigger language plpgsql as $$
    begin
      if (select processed from import_jobs where id::text = new.reference_id) >= 1000 then
        if nextval('fail_once') = 1 then
          raise exception 'simulated crash in the second batch';
        end if;
      end if;
      return new;
    end $$;
    create trigger fail_second_batch_once before insert on stock_movements
      for each row when (new.reference_type = 'import_job')
      execute function fail_second_batch_once();`);
  try {
    await work();
    const crash = await pool.query<{ last_value: string }>('select last_value from fail_once');
    expect(Number(crash.rows[0]?.last_value)).toBeGreaterThan(1);
  } finally {
    await pool.query(`
      drop trigger fail_second_batch_once on stock_movements;
      drop function fail_second_batch_once();
      drop sequence fail_once;`);
  }
}

/** An adjust import of `rows` that is expected to crash once and resume. */
async function runResumedImport(rows: string[]) {
  const accepted = await upload(
    '/api/v1/inventory/import?mode=adjust',
    `location_id,part_number,quantity,reason\n${rows.join('\n')}\n`,
  );
  expect(accepted.status).toBe(202);
  const jobId = accepted.json.jobId as string;
  // The retry waits out the queue's retry delay (5 s), so allow longer than finished().
  return { jobId, job: await finished(jobId).catch(() => finished(jobId)) };
}
