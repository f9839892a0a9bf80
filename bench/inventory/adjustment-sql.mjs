// bench/inventory/adjustments: the pgbench scripts its anchors run, for one organization/user/
// location and its parts (a random part, ±1 each transaction).
//
// ceilingScript — THE anchor (the ceiling the database allows for the work of one
// `POST /api/v1/inventory/adjustments`): the membership read of the authenticator (outside the
// transaction), then in one transaction the idempotency key claim, the location and part reads,
// ONE conditional update of the level (`… where on_hand + Δ >= reserved`, its row lock is the
// database's own), the ledger row, the audit row, the domain event and the idempotency key's
// stored response. No lock of our design: no advisory lock, no `select … for update` of the level,
// no audit chain head, no last-hash read (the audit row gets a random sequence and dummy hashes).
//
// globalLockScript — the OLD anchor (issue 5's figure, docs/benchmarks.md): the statements one
// adjustment ran before per-organization audit chains, as captured with log_statement = all: the
// level ensure / `for update` / update with the movement between them, and the audit append under
// the installation-wide advisory lock 724310002 with the last-hash read. Kept to compare with the
// earlier figures; it now also fills the audit row's chain and (random) sequence.
//
// chainHeadStatements — the audit append as the code does it now (ADR 0008): lock the chain's
// head row, read the clock, insert the entry and move the head in one statement (`--profile`).
//
// What every anchor leaves out is the work done in Node: HTTP, JWT verification, validation,
// hashing and JSON.

const quote = (value) => `'${String(value).replace(/'/g, "''")}'`;

function fragments({ organizationId, userId, locationId, partIds, scope }) {
  const org = quote(organizationId);
  const loc = quote(locationId);
  const part = `(array[${partIds.map(quote).join(', ')}]::uuid[])[:p]`;
  const levelId = `${quote(`${locationId}/`)} || ${part}::text`;
  const key = `'pgbench-' || :k`;
  const auditAfter = `jsonb_build_object('level', jsonb_build_object('onHand', 999999, 'reserved', 0, 'available', 999999), 'partId', ${part}, 'reason', 'count_correction', 'locationId', ${loc}, 'movementId', 1, 'quantityDelta', :d::int)`;
  return {
    org,
    loc,
    part,
    head: `\\set p random(1, ${partIds.length})
\\set d random(0, 1) * 2 - 1
\\set k random(1, 9000000000000000000)
select "memberships"."role", "organizations"."type", "organizations"."status" from "memberships" inner join "organizations" on "organizations"."id" = "memberships"."organization_id" where ("memberships"."user_id" = ${quote(userId)} and "memberships"."organization_id" = ${org}) limit 1;
begin;
insert into idempotency_keys (organization_id, scope, key, request_hash, response_body)
  values (${org}, ${quote(scope)}, ${key}, md5(:k::text) || md5(:d::text), 'null'::jsonb)
  on conflict (organization_id, scope, key) do nothing;
select "id", "organization_id", "name", "contact_name", "phone", "line1", "line2", "city", "state", "pincode", "created_at" from "locations" where ("locations"."id" = ${loc} and "locations"."organization_id" = ${org}) limit 1;
select "id", "brand_id", "status" from "parts" where "parts"."id" in (${part});
`,
    movement: `insert into "stock_movements" ("id", "organization_id", "location_id", "part_id", "kind", "on_hand_delta", "reserved_delta", "in_transit_delta", "reason", "note", "reference_type", "reference_id", "unit_cost_paise", "actor_user_id", "actor_api_key_id", "created_at")
  values (default, ${org}, ${loc}, ${part}, 'adjustment', :d, 0, 0, 'count_correction', null, 'adjustment', null, null, ${quote(userId)}, null, default) returning "id";
`,
    // The audit row: chain of the organization (the CHECK constraint wants it), a random sequence
    // (unique in practice), dummy hashes: the row and its four indexes cost what a real entry costs.
    audit: (
      sequence = ':k',
    ) => `insert into "audit_log" ("position", "occurred_at", "actor_user_id", "actor_api_key_id", "organization_id", "action", "entity_type", "entity_id", "before", "after", "request_id", "ip", "chain", "sequence", "previous_hash", "hash")
  values (default, clock_timestamp(), ${quote(userId)}, null, ${org}, 'stock.adjusted', 'stock_level', ${levelId}, null,
    ${auditAfter},
    'pgbench', '127.0.0.1', ${quote(`org:${organizationId}`)}, ${sequence}, md5(:k::text) || md5(:p::text), md5(:d::text) || md5(:k::text));
`,
    tail: `insert into "domain_events" ("position", "id", "type", "version", "organization_id", "aggregate_type", "aggregate_id", "payload", "request_id", "occurred_at")
  values (default, default, 'stock.adjusted', 1, ${org}, 'stock_level', ${levelId},
    jsonb_build_object('partId', ${part}, 'reason', 'count_correction', 'locationId', ${loc}, 'movementId', 1, 'quantityDelta', :d::int, 'organizationId', ${org}),
    'pgbench', default) returning "id";
update idempotency_keys set response_body = '{"level": {"onHand": 999999, "reserved": 0, "available": 999999}, "movementId": 1}'::jsonb
 where organization_id = ${org} and scope = ${quote(scope)} and key = ${key};
commit;
`,
  };
}

/** The ceiling: one adjustment's SQL without any lock of our own design (see the file comment). */
export function ceilingScript(options) {
  const f = fragments(options);
  return `${f.head}update stock_levels
   set on_hand = on_hand + :d, updated_at = now()
 where location_id = ${f.loc} and part_id = ${f.part} and organization_id = ${f.org}
   and on_hand + :d >= reserved
 returning on_hand, reserved, in_transit;
${f.movement}${f.audit()}${f.tail}`;
}

/** The old anchor: the statements of an adjustment under the global audit advisory lock. */
export function globalLockScript(options) {
  const f = fragments(options);
  return `${f.head}insert into stock_levels (organization_id, location_id, part_id)
  select l.organization_id, k.location_id, k.part_id
    from unnest(array[${f.loc}]::uuid[], array[${f.part}]::uuid[]) as k(location_id, part_id)
    join locations l on l.id = k.location_id and l.organization_id = ${f.org}
   order by k.location_id, k.part_id
  on conflict (location_id, part_id) do nothing;
select s.location_id, s.part_id, s.on_hand, s.reserved, s.in_transit, s.min_quantity,
       s.reorder_point, s.average_cost_paise::text as average_cost_paise
  from stock_levels s
  join unnest(array[${f.loc}]::uuid[], array[${f.part}]::uuid[]) as k(location_id, part_id)
    on s.location_id = k.location_id and s.part_id = k.part_id
 where s.organization_id = ${f.org}
 order by s.location_id, s.part_id
   for update of s;
${f.movement}update stock_levels s
   set on_hand = s.on_hand + w.on_hand_delta, reserved = s.reserved + w.reserved_delta,
       in_transit = s.in_transit + w.in_transit_delta, average_cost_paise = w.average_cost_paise,
       updated_at = now()
  from unnest(array[${f.loc}]::uuid[], array[${f.part}]::uuid[], array[:d::int], array[0]::int[], array[0]::int[], array[1000]::bigint[])
    as w(location_id, part_id, on_hand_delta, reserved_delta, in_transit_delta, average_cost_paise)
 where s.location_id = w.location_id and s.part_id = w.part_id;
select pg_advisory_xact_lock(724310002);
select "hash" from "audit_log" order by "audit_log"."position" desc limit 1;
select clock_timestamp() as now;
${f.audit()}${f.tail}`;
}

/**
 * The ceiling script with its audit row appended as the code does now (ADR 0008): the per-chain
 * head row locked, the clock read, entry and head move in one statement. One organization means
 * one chain, so this is what our own lock costs a single busy tenant (`--profile`).
 */
export function chainHeadScript(options) {
  const f = fragments(options);
  const chain = quote(`org:${options.organizationId}`);
  const entry = f.audit(`(select sequence + 1 from audit_chain_heads where chain = ${chain})`);
  return ceilingScript(options).replace(
    f.audit(),
    // The chain's head exists: the organization's registration through the API appended to it.
    `select sequence, hash from audit_chain_heads where chain = ${chain} for update;
select clock_timestamp() as now;
with entry as (
${entry.replace(/;\n$/, '')}
  returning chain, sequence, hash)
update audit_chain_heads h set sequence = entry.sequence, hash = entry.hash, updated_at = now()
  from entry where h.chain = entry.chain;
`,
  );
}
