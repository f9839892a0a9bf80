-- Published views grow (ADR 0009): location_directory gains the city (movement lists and audit
-- labels tell two locations of one name apart), part_directory the list price (stock received
-- without a unit cost is valued at it). Plain views: dropped and re-created, nothing depends on them.
-- Resending a pending invitation (staff or partner) gives it a new token and restarts its expiry;
-- resent_at keeps the resends of the last hour, so the services refuse more than their limit
-- (src/platform/limits/resend-window.ts). Existing invitations start with none.
DROP VIEW "public"."location_directory";--> statement-breakpoint
DROP VIEW "public"."part_directory";--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD COLUMN "resent_at" timestamp with time zone[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD COLUMN "resent_at" timestamp with time zone[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE VIEW "public"."location_directory" AS (select "id", "organization_id", "name", "archived_at", "city" from "locations");--> statement-breakpoint
CREATE VIEW "public"."part_directory" AS (select "id", "brand_id", "part_number", "name", "status", "unit_price_paise" from "parts");