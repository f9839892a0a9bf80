-- Published views (ADR 0009): what other modules may read and join of identity, locations and
-- the catalog. Plain views, inlined by the planner: a join through one costs what a join of the
-- table costs.
CREATE VIEW "public"."organization_directory" AS (select "id", "type", "name", "status" from "organizations");--> statement-breakpoint
CREATE VIEW "public"."location_directory" AS (select "id", "organization_id", "name" from "locations");--> statement-breakpoint
CREATE VIEW "public"."part_directory" AS (select "id", "brand_id", "part_number", "name", "status" from "parts");