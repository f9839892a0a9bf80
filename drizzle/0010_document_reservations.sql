CREATE TABLE "stock_reservation_lines" (
	"reservation_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"part_id" uuid NOT NULL,
	"held" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_reservation_lines_reservation_id_location_id_part_id_pk" PRIMARY KEY("reservation_id","location_id","part_id"),
	CONSTRAINT "stock_reservation_lines_held_non_negative" CHECK ("stock_reservation_lines"."held" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"document_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_movements" DROP CONSTRAINT "stock_movements_kind_check";--> statement-breakpoint
ALTER TABLE "stock_reservation_lines" ADD CONSTRAINT "stock_reservation_lines_reservation_id_stock_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."stock_reservations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservation_lines" ADD CONSTRAINT "stock_reservation_lines_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservation_lines" ADD CONSTRAINT "stock_reservation_lines_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_reservation_lines_level_idx" ON "stock_reservation_lines" USING btree ("location_id","part_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_reservations_document_idx" ON "stock_reservations" USING btree ("organization_id","document_type","document_id");--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_kind_check" CHECK ("stock_movements"."kind" in ('adjustment','reservation','release','consumption','transfer_out','transfer_in_transit','transfer_receipt','count','import','reservation_handover','reservation_takeover'));--> statement-breakpoint
-- Backfill. Before this migration a reservation was only a level's `reserved` counter; its
-- movements named the reference they were made for (`reference_type`, `reference_id`). Each
-- (organization, reference) whose reserved changes still sum above zero at a level becomes a
-- document holding that sum there, so every line's `held` equals the sum of its movements and a
-- level's `reserved` equals the sum of what its documents hold. The old rules let a reference
-- release more than it had reserved: such a reference holds nothing here, and if that leaves a
-- level's `reserved` different from its documents' sum, the reconciler reports it for a person.
INSERT INTO "stock_reservations" ("organization_id", "document_type", "document_id")
SELECT DISTINCT "organization_id", "reference_type", "reference_id"
  FROM "stock_movements"
 WHERE "reserved_delta" <> 0 AND "reference_type" IS NOT NULL AND "reference_id" IS NOT NULL
 GROUP BY "organization_id", "reference_type", "reference_id", "location_id", "part_id"
HAVING sum("reserved_delta") > 0;
--> statement-breakpoint
INSERT INTO "stock_reservation_lines" ("reservation_id", "location_id", "part_id", "held")
SELECT r."id", m."location_id", m."part_id", m."held"
  FROM (SELECT "organization_id", "reference_type", "reference_id", "location_id", "part_id",
               sum("reserved_delta")::int AS "held"
          FROM "stock_movements"
         WHERE "reserved_delta" <> 0 AND "reference_type" IS NOT NULL AND "reference_id" IS NOT NULL
         GROUP BY "organization_id", "reference_type", "reference_id", "location_id", "part_id"
        HAVING sum("reserved_delta") > 0) m
  JOIN "stock_reservations" r
    ON r."organization_id" = m."organization_id" AND r."document_type" = m."reference_type"
   AND r."document_id" = m."reference_id";
