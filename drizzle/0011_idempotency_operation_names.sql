-- Idempotency keys are per operation NAME now (`inventory.adjustment`, …), not per HTTP method
-- and path: services do not know HTTP. Stored keys are renamed so a key issued before the upgrade
-- still replays its first answer (same body) or is refused (other body) after it.
UPDATE "idempotency_keys" SET "scope" = CASE "scope"
    WHEN 'POST /api/v1/inventory/adjustments' THEN 'inventory.adjustment'
    WHEN 'POST /api/v1/inventory/reservations' THEN 'inventory.reservation.reserve'
    WHEN 'POST /api/v1/inventory/reservations/release' THEN 'inventory.reservation.release'
    WHEN 'POST /api/v1/inventory/reservations/consume' THEN 'inventory.reservation.consume'
  END
 WHERE "scope" IN ('POST /api/v1/inventory/adjustments', 'POST /api/v1/inventory/reservations',
                   'POST /api/v1/inventory/reservations/release',
                   'POST /api/v1/inventory/reservations/consume');
--> statement-breakpoint
-- The stored HTTP status goes: the route chooses it (201 for adjustments and reservations, 200 for
-- release and consume: what every stored row says), the same for a first answer and its replays.
ALTER TABLE "idempotency_keys" DROP COLUMN "response_status";
