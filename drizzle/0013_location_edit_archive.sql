DROP VIEW "public"."location_directory";--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE VIEW "public"."location_directory" AS (select "id", "organization_id", "name", "archived_at" from "locations");--> statement-breakpoint
-- Locations existing before edits were possible were last changed when they were created.
UPDATE "locations" SET "updated_at" = "created_at";
