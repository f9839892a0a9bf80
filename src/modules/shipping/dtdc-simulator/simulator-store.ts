import crypto from 'node:crypto';
import type pg from 'pg';
import type { Script } from './simulator-timeline.js';

export interface StoredConsignment {
  awb: string;
  customer_code: string;
  customer_reference: string;
  service_type: string;
  consignment_type: string;
  num_pieces: number;
  origin_pincode: string;
  destination_pincode: string;
  script: Script;
  booked_at: string;
  cancelled: boolean;
  body: Record<string, unknown>;
}

export interface Fault {
  fault: string;
  delay_ms: number;
}

/** Defaults of the simulator's settings ([SYNTHETIC] token TTL of 24 h, like karrio's cache). */
const defaults: Record<string, string> = {
  clock_offset_ms: '0',
  token_ttl_ms: String(24 * 3600_000),
  duplicate_reference: 'reject',
  second_cancel: 'fail',
  reject_non_ascii: 'false',
};

/** The simulator's SQL: every process of the installation shares these rows. */
export class DtdcSimulatorStore {
  constructor(private readonly pool: pg.Pool) {}

  async setting(name: string): Promise<string> {
    const { rows } = await this.pool.query<{ value: string }>(
      'select value from sandbox_dtdc_settings where name = $1',
      [name],
    );
    return rows[0]?.value ?? defaults[name] ?? '';
  }

  async setSetting(name: string, value: string): Promise<void> {
    await this.pool.query(
      `insert into sandbox_dtdc_settings (name, value) values ($1, $2)
       on conflict (name) do update set value = excluded.value`,
      [name, value],
    );
  }

  /** The simulator clock: wall clock plus the offset the control route moved it by. */
  async now(): Promise<number> {
    return Date.now() + Number(await this.setting('clock_offset_ms'));
  }

  async advanceClock(ms: number): Promise<number> {
    await this.pool.query(
      `insert into sandbox_dtdc_settings (name, value) values ('clock_offset_ms', $1::text)
       on conflict (name) do update
         set value = (sandbox_dtdc_settings.value::bigint + $1::bigint)::text`,
      [String(ms)],
    );
    return this.now();
  }

  /** The next AWB of the series `7X` + 9 digits (from 7X100000001). */
  async nextAwb(): Promise<string> {
    const { rows } = await this.pool.query<{ value: string }>(
      `insert into sandbox_dtdc_settings (name, value) values ('awb_sequence', '100000001')
       on conflict (name) do update set value = (sandbox_dtdc_settings.value::bigint + 1)::text
       returning value`,
    );
    return `7X${rows[0]!.value.padStart(9, '0')}`;
  }

  /** Inserts a booking; `false` when the customer already booked this reference. */
  async insertConsignment(row: Omit<StoredConsignment, 'cancelled'>): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `insert into sandbox_dtdc_consignments
         (awb, customer_code, customer_reference, service_type, consignment_type, num_pieces,
          origin_pincode, destination_pincode, script, booked_at, body)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict do nothing`,
      [
        row.awb,
        row.customer_code,
        row.customer_reference,
        row.service_type,
        row.consignment_type,
        row.num_pieces,
        row.origin_pincode,
        row.destination_pincode,
        row.script,
        row.booked_at,
        JSON.stringify(row.body),
      ],
    );
    return rowCount === 1;
  }

  async consignment(awb: string): Promise<StoredConsignment | undefined> {
    const { rows } = await this.pool.query<StoredConsignment>(
      'select * from sandbox_dtdc_consignments where awb = $1',
      [awb],
    );
    return rows[0];
  }

  async consignmentByReference(
    reference: string,
    customerCode?: string,
  ): Promise<StoredConsignment | undefined> {
    const { rows } = await this.pool.query<StoredConsignment>(
      `select * from sandbox_dtdc_consignments
        where customer_reference = $1 and ($2::text is null or customer_code = $2)
        order by booked_at limit 1`,
      [reference, customerCode ?? null],
    );
    return rows[0];
  }

  async setScript(awb: string, script: Script): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'update sandbox_dtdc_consignments set script = $2 where awb = $1',
      [awb, script],
    );
    return rowCount === 1;
  }

  async markCancelled(awb: string): Promise<void> {
    await this.pool.query('update sandbox_dtdc_consignments set cancelled = true where awb = $1', [
      awb,
    ]);
  }

  async mintToken(): Promise<string> {
    const token = crypto.randomBytes(24).toString('base64url');
    const expiresAt = (await this.now()) + Number(await this.setting('token_ttl_ms'));
    await this.pool.query('insert into sandbox_dtdc_tokens (token, expires_at) values ($1, $2)', [
      token,
      expiresAt,
    ]);
    return token;
  }

  async tokenValid(token: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ expires_at: string }>(
      'select expires_at from sandbox_dtdc_tokens where token = $1',
      [token],
    );
    return rows[0] !== undefined && Number(rows[0].expires_at) > (await this.now());
  }

  async addFault(endpoint: string, fault: string, delayMs: number, times: number): Promise<void> {
    await this.pool.query(
      `insert into sandbox_dtdc_faults (endpoint, fault, delay_ms, remaining)
       values ($1, $2, $3, $4)`,
      [endpoint, fault, delayMs, times],
    );
  }

  /** Takes one use of the oldest fault for `endpoint` (or `any`), atomically across processes. */
  async takeFault(endpoint: string): Promise<Fault | undefined> {
    const { rows } = await this.pool.query<Fault>(
      `with next as (
         select id from sandbox_dtdc_faults
          where endpoint in ($1, 'any') and remaining > 0
          order by id limit 1 for update skip locked)
       update sandbox_dtdc_faults f set remaining = remaining - 1
         from next where f.id = next.id
       returning f.fault, f.delay_ms`,
      [endpoint],
    );
    return rows[0];
  }

  async clearFaults(): Promise<void> {
    await this.pool.query('delete from sandbox_dtdc_faults');
  }

  /** Records a request; only the latest 1,000 are kept, so a long sandbox run stays small. */
  async recordRequest(endpoint: string, body: unknown, receivedAt: number): Promise<void> {
    const { rows } = await this.pool.query<{ id: string }>(
      'insert into sandbox_dtdc_requests (endpoint, body, received_at) values ($1, $2, $3) returning id',
      [endpoint, body === undefined ? null : JSON.stringify(body), receivedAt],
    );
    const id = Number(rows[0]!.id);
    if (id % 100 === 0)
      await this.pool.query('delete from sandbox_dtdc_requests where id <= $1', [id - 1000]);
  }

  /** The latest received requests of an endpoint, newest first. */
  async requests(endpoint: string, limit: number): Promise<{ id: number; body: unknown }[]> {
    const { rows } = await this.pool.query<{ id: string; body: unknown }>(
      `select id, body from sandbox_dtdc_requests where endpoint = $1 order by id desc limit $2`,
      [endpoint, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), body: r.body }));
  }
}
