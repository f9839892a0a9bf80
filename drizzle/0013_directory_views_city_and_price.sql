-- Published views grow (ADR 0009): location_directory gains the city (movement lists and audit
-- labels tell two locations of one name apart), part_directory the list price (stock received
-- without a unit cost is valued at it). Plain views: dropped and re-created, nothing depends on them.
DROP VIEW "public"."location_directory";--> statement-breakpoint
DROP VIEW "public"."part_directory";--> statement-breakpoint
CREATE VIEW "public"."location_directory" AS (select "id", "organization_id", "name", "city" from "locations");--> statement-breakpoint
CREATE VIEW "public"."part_directory" AS (select "id", "brand_id", "part_number", "name", "status", "unit_price_paise" from "parts");