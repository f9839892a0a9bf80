// bench/inventory/adjustments: the anchor — a pgbench script with the statements one
// `POST /api/v1/inventory/adjustments` runs, in its order, as captured with log_statement = all
// (src/modules/identity/authenticator.ts, src/platform/idempotency/*, inventory-access.ts,
// stock-level-lock.repository.ts, stock-movement.repository.ts, audit.service.ts, EventBus.publish):
// the membership read of the authenticator (outside the transaction), then in one transaction the
// idempotency key claim, the location and part reads, the level ensure / lock / update with the
// movement between them, the audit chain append (advisory lock, last hash, clock, insert), the
// domain event and the idempotency key's stored response. What the anchor leaves out is the work
// done in Node: HTTP, JWT verification, validation, hashing and JSON.

const quote = (value) => `'${String(value).replace(/'/g, "''")}'`;

/** The pgbench script for one organization/user/location and its parts (random part, ±1). */
export function pgbenchScript({ organizationId, userId, locationId, partIds, scope }) {
  const org = quote(organizationId);
  const loc = quote(locationId);
  const part = `(array[${partIds.map(quote).join(', ')}]::uuid[])[:p]`;
  const levelId = `${quote(`${locationId}/`)} || ${part}::text`;
  const key = `'pgbench-' || :k`;
  return `\\set p random(1, ${partIds.length})
\\set d random(0, 1) * 2 - 1
\\set k random(1, 9000000000000000000)
select "memberships"."role", "organizations"."type", "organizations"."status" from "memberships" inner join "organizations" on "organizations"."id" = "memberships"."organization_id" where ("memberships"."user_id" = ${quote(userId)} and "memberships"."organization_id" = ${org}) limit 1;
begin;
insert into idempotency_keys (organization_id, scope, key, request_hash, response_body)
  values (${org}, ${quote(scope)}, ${key}, md5(:k::text) || md5(:d::text), 'null'::jsonb)
  on conflict (organization_id, scope, key) do nothing;
select "id", "organization_id", "name", "contact_name", "phone", "line1", "line2", "city", "state", "pincode", "created_at" from "locations" where ("locations"."id" = ${loc} and "locations"."organization_id" = ${org}) limit 1;
select "id", "brand_id", "status" from "parts" where "parts"."id" in (${part});
insert into stock_levels (organization_id, location_id, part_id)
  select l.organization_id, k.location_id, k.part_id
    from unnest(array[${loc}]::uuid[], array[${part}]::uuid[]) as k(location_id, part_id)
    join locations l on l.id = k.location_id and l.organization_id = ${org}
   order by k.location_id, k.part_id
  on conflict (location_id, part_id) do nothing;
select s.location_id, s.part_id, s.on_hand, s.reserved, s.in_transit, s.min_quantity,
       s.reorder_point, s.average_cost_paise::text as average_cost_paise
  from stock_levels s
  join unnest(array[${loc}]::uuid[], array[${part}]::uuid[]) as k(location_id, part_id)
    on s.location_id = k.location_id and s.part_id = k.part_id
 where s.organization_id = ${org}
 order by s.location_id, s.part_id
   for update of s;
insert into "stock_movements" ("id", "organization_id", "location_id", "part_id", "kind", "on_hand_delta", "reserved_delta", "in_transit_delta", "reason", "note", "reference_type", "reference_id", "unit_cost_paise", "actor_user_id", "actor_api_key_id", "created_at")
  values (default, ${org}, ${loc}, ${part}, 'adjustment', :d, 0, 0, 'count_correction', null, 'adjustment', null, null, ${quote(userId)}, null, default) returning "id";
update stock_levels s
   set on_hand = s.on_hand + w.on_hand_delta, reserved = s.reserved + w.reserved_delta,
       in_transit = s.in_transit + w.in_transit_delta, average_cost_paise = w.average_cost_paise,
       updated_at = now()
  from unnest(array[${loc}]::uuid[], array[${part}]::uuid[], array[:d::int], array[0]::int[], array[0]::int[], array[1000]::bigint[])
    as w(location_id, part_id, on_hand_delta, reserved_delta, in_transit_delta, average_cost_paise)
 where s.location_id = w.location_id and s.part_id = w.part_id;
select pg_advisory_xact_lock(724310002);
select "hash" from "audit_log" order by "audit_log"."position" desc limit 1;
select clock_timestamp() as now;
insert into "audit_log" ("position", "occurred_at", "actor_user_id", "actor_api_key_id", "organization_id", "action", "entity_type", "entity_id", "before", "after", "request_id", "ip", "previous_hash", "hash")
  values (default, clock_timestamp(), ${quote(userId)}, null, ${org}, 'stock.adjusted', 'stock_level', ${levelId}, null,
    jsonb_build_object('level', jsonb_build_object('onHand', 999999, 'reserved', 0, 'available', 999999), 'partId', ${part}, 'reason', 'count_correction', 'locationId', ${loc}, 'movementId', 1, 'quantityDelta', :d::int),
    'pgbench', '127.0.0.1', md5(:k::text) || md5(:p::text), md5(:d::text) || md5(:k::text));
insert into "domain_events" ("position", "id", "type", "version", "organization_id", "aggregate_type", "aggregate_id", "payload", "request_id", "occurred_at")
  values (default, default, 'stock.adjusted', 1, ${org}, 'stock_level', ${levelId},
    jsonb_build_object('partId', ${part}, 'reason', 'count_correction', 'locationId', ${loc}, 'movementId', 1, 'quantityDelta', :d::int, 'organizationId', ${org}),
    'pgbench', default) returning "id";
update idempotency_keys set response_body = '{"level": {"onHand": 999999, "reserved": 0, "available": 999999}, "movementId": 1}'::jsonb
 where organization_id = ${org} and scope = ${quote(scope)} and key = ${key};
commit;
`;
}
