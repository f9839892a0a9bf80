CREATE TABLE "rate_card_markup_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"brand_id" uuid,
	"party_type" text,
	"percent_bps" integer NOT NULL,
	"minimum_paise" integer NOT NULL,
	CONSTRAINT "rate_card_markup_rules_key" UNIQUE NULLS NOT DISTINCT("version_id","brand_id","party_type"),
	CONSTRAINT "rate_card_markup_rules_party_check" CHECK ("rate_card_markup_rules"."party_type" is null or "rate_card_markup_rules"."party_type" in ('brand','distributor','service_center','customer')),
	CONSTRAINT "rate_card_markup_rules_amount_check" CHECK ("rate_card_markup_rules"."percent_bps" between 0 and 10000 and "rate_card_markup_rules"."minimum_paise" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_card_metro_cities" (
	"version_id" uuid NOT NULL,
	"city" text NOT NULL,
	"metro" text NOT NULL,
	CONSTRAINT "rate_card_metro_cities_version_id_city_pk" PRIMARY KEY("version_id","city")
);
--> statement-breakpoint
CREATE TABLE "rate_card_services" (
	"version_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"first_slab_grams" integer NOT NULL,
	"additional_slab_grams" integer NOT NULL,
	CONSTRAINT "rate_card_services_version_id_service_type_pk" PRIMARY KEY("version_id","service_type"),
	CONSTRAINT "rate_card_services_slabs_check" CHECK ("rate_card_services"."first_slab_grams" > 0 and "rate_card_services"."additional_slab_grams" > 0)
);
--> statement-breakpoint
CREATE TABLE "rate_card_slabs" (
	"version_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"zone" text NOT NULL,
	"first_slab_paise" integer NOT NULL,
	"additional_slab_paise" integer NOT NULL,
	CONSTRAINT "rate_card_slabs_version_id_service_type_zone_pk" PRIMARY KEY("version_id","service_type","zone"),
	CONSTRAINT "rate_card_slabs_zone_check" CHECK ("rate_card_slabs"."zone" in ('within_city','within_state','metro_to_metro','rest_of_india','special')),
	CONSTRAINT "rate_card_slabs_paise_check" CHECK ("rate_card_slabs"."first_slab_paise" >= 0 and "rate_card_slabs"."additional_slab_paise" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_card_special_regions" (
	"version_id" uuid NOT NULL,
	"state" text NOT NULL,
	"region" text NOT NULL,
	CONSTRAINT "rate_card_special_regions_version_id_state_pk" PRIMARY KEY("version_id","state")
);
--> statement-breakpoint
CREATE TABLE "rate_card_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "rate_card_versions_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"effective_from" timestamp with time zone NOT NULL,
	"based_on_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"volumetric_divisor" integer NOT NULL,
	"fuel_surcharge_bps" integer NOT NULL,
	"cod_flat_paise" integer NOT NULL,
	"cod_percent_bps" integer NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_card_versions_divisor_check" CHECK ("rate_card_versions"."volumetric_divisor" > 0),
	CONSTRAINT "rate_card_versions_fuel_check" CHECK ("rate_card_versions"."fuel_surcharge_bps" between 0 and 10000),
	CONSTRAINT "rate_card_versions_cod_check" CHECK ("rate_card_versions"."cod_flat_paise" >= 0 and "rate_card_versions"."cod_percent_bps" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "rate_card_markup_rules" ADD CONSTRAINT "rate_card_markup_rules_version_id_rate_card_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."rate_card_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_markup_rules" ADD CONSTRAINT "rate_card_markup_rules_brand_id_organizations_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_metro_cities" ADD CONSTRAINT "rate_card_metro_cities_version_id_rate_card_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."rate_card_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_services" ADD CONSTRAINT "rate_card_services_version_id_rate_card_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."rate_card_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_slabs" ADD CONSTRAINT "rate_card_slabs_version_id_service_type_rate_card_services_version_id_service_type_fk" FOREIGN KEY ("version_id","service_type") REFERENCES "public"."rate_card_services"("version_id","service_type") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_special_regions" ADD CONSTRAINT "rate_card_special_regions_version_id_rate_card_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."rate_card_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_versions" ADD CONSTRAINT "rate_card_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_card_versions" ADD CONSTRAINT "rate_card_versions_based_on_id_rate_card_versions_id_fk" FOREIGN KEY ("based_on_id") REFERENCES "public"."rate_card_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rate_card_versions_number_key" ON "rate_card_versions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "rate_card_versions_effective_idx" ON "rate_card_versions" USING btree ("effective_from","number");--> statement-breakpoint
-- A rate card version never changes once written (ADR 0014): bookings keep the version they were
-- priced with and must be explainable later. Corrections are new versions.
CREATE FUNCTION "rate_card_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: a rate card change is a new version (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;--> statement-breakpoint
-- A version's rows are written in the transaction that creates the version, never added later.
CREATE FUNCTION "rate_card_rows_with_their_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "rate_card_versions"
    WHERE "id" = NEW."version_id" AND "xmin" = pg_current_xact_id()::xid
  ) THEN
    RAISE EXCEPTION '%: rows of a rate card version are written only with the version', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "rate_card_versions_immutable" BEFORE UPDATE OR DELETE ON "rate_card_versions"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_immutable"();--> statement-breakpoint
CREATE TRIGGER "rate_card_services_immutable" BEFORE UPDATE OR DELETE ON "rate_card_services"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_immutable"();--> statement-breakpoint
CREATE TRIGGER "rate_card_slabs_immutable" BEFORE UPDATE OR DELETE ON "rate_card_slabs"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_immutable"();--> statement-breakpoint
CREATE TRIGGER "rate_card_markup_rules_immutable" BEFORE UPDATE OR DELETE ON "rate_card_markup_rules"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_immutable"();--> statement-breakpoint
CREATE TRIGGER "rate_card_metro_cities_immutable" BEFORE UPDATE OR DELETE ON "rate_card_metro_cities"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_immutable"();--> statement-breakpoint
CREATE TRIGGER "rate_card_special_regions_immutable" BEFORE UPDATE OR DELETE ON "rate_card_special_regions"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_immutable"();--> statement-breakpoint
CREATE TRIGGER "rate_card_services_with_version" BEFORE INSERT ON "rate_card_services"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_rows_with_their_version"();--> statement-breakpoint
CREATE TRIGGER "rate_card_slabs_with_version" BEFORE INSERT ON "rate_card_slabs"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_rows_with_their_version"();--> statement-breakpoint
CREATE TRIGGER "rate_card_markup_rules_with_version" BEFORE INSERT ON "rate_card_markup_rules"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_rows_with_their_version"();--> statement-breakpoint
CREATE TRIGGER "rate_card_metro_cities_with_version" BEFORE INSERT ON "rate_card_metro_cities"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_rows_with_their_version"();--> statement-breakpoint
CREATE TRIGGER "rate_card_special_regions_with_version" BEFORE INSERT ON "rate_card_special_regions"
  FOR EACH ROW EXECUTE FUNCTION "rate_card_rows_with_their_version"();--> statement-breakpoint
-- Version 1: the default card (src/modules/pricing/default-rate-card.ts, TEST-FIXTURE numbers),
-- in force from 2000-01-01 until an administrator's version supersedes it. An integration test
-- checks these rows equal that file.
INSERT INTO "rate_card_versions" ("id", "effective_from", "note", "volumetric_divisor", "fuel_surcharge_bps", "cod_flat_paise", "cod_percent_bps") VALUES ('00000000-0000-4000-8000-00000000ca01', '2000-01-01T00:00:00Z', 'Default card seeded by the installation: test-fixture numbers, not a contracted tariff (docs/pricing.md)', 5000, 1000, 3600, 250);--> statement-breakpoint
INSERT INTO "rate_card_services" ("version_id", "service_type", "label", "position", "first_slab_grams", "additional_slab_grams") VALUES ('00000000-0000-4000-8000-00000000ca01', 'standard', 'Standard express', 0, 500, 500);--> statement-breakpoint
INSERT INTO "rate_card_slabs" ("version_id", "service_type", "zone", "first_slab_paise", "additional_slab_paise") VALUES
  ('00000000-0000-4000-8000-00000000ca01', 'standard', 'within_city', 3800, 3400),
  ('00000000-0000-4000-8000-00000000ca01', 'standard', 'within_state', 4800, 4300),
  ('00000000-0000-4000-8000-00000000ca01', 'standard', 'metro_to_metro', 6300, 5600),
  ('00000000-0000-4000-8000-00000000ca01', 'standard', 'rest_of_india', 7200, 6400),
  ('00000000-0000-4000-8000-00000000ca01', 'standard', 'special', 9500, 8500);--> statement-breakpoint
INSERT INTO "rate_card_services" ("version_id", "service_type", "label", "position", "first_slab_grams", "additional_slab_grams") VALUES ('00000000-0000-4000-8000-00000000ca01', 'ground', 'Ground express', 1, 3000, 1000);--> statement-breakpoint
INSERT INTO "rate_card_slabs" ("version_id", "service_type", "zone", "first_slab_paise", "additional_slab_paise") VALUES
  ('00000000-0000-4000-8000-00000000ca01', 'ground', 'within_city', 9900, 2600),
  ('00000000-0000-4000-8000-00000000ca01', 'ground', 'within_state', 11900, 3100),
  ('00000000-0000-4000-8000-00000000ca01', 'ground', 'metro_to_metro', 14100, 3700),
  ('00000000-0000-4000-8000-00000000ca01', 'ground', 'rest_of_india', 15900, 4200),
  ('00000000-0000-4000-8000-00000000ca01', 'ground', 'special', 19900, 5600);--> statement-breakpoint
INSERT INTO "rate_card_markup_rules" ("version_id", "brand_id", "party_type", "percent_bps", "minimum_paise") VALUES
  ('00000000-0000-4000-8000-00000000ca01', NULL, NULL, 1000, 1000),
  ('00000000-0000-4000-8000-00000000ca01', NULL, 'service_center', 800, 1000),
  ('00000000-0000-4000-8000-00000000ca01', NULL, 'customer', 1500, 1500);--> statement-breakpoint
INSERT INTO "rate_card_metro_cities" ("version_id", "city", "metro") VALUES
  ('00000000-0000-4000-8000-00000000ca01', 'Delhi', 'Delhi NCR'),
  ('00000000-0000-4000-8000-00000000ca01', 'New Delhi', 'Delhi NCR'),
  ('00000000-0000-4000-8000-00000000ca01', 'Gurugram', 'Delhi NCR'),
  ('00000000-0000-4000-8000-00000000ca01', 'Noida', 'Delhi NCR'),
  ('00000000-0000-4000-8000-00000000ca01', 'Ghaziabad', 'Delhi NCR'),
  ('00000000-0000-4000-8000-00000000ca01', 'Faridabad', 'Delhi NCR'),
  ('00000000-0000-4000-8000-00000000ca01', 'Mumbai', 'Mumbai'),
  ('00000000-0000-4000-8000-00000000ca01', 'Thane', 'Mumbai'),
  ('00000000-0000-4000-8000-00000000ca01', 'Navi Mumbai', 'Mumbai'),
  ('00000000-0000-4000-8000-00000000ca01', 'Bengaluru', 'Bengaluru'),
  ('00000000-0000-4000-8000-00000000ca01', 'Chennai', 'Chennai'),
  ('00000000-0000-4000-8000-00000000ca01', 'Kolkata', 'Kolkata'),
  ('00000000-0000-4000-8000-00000000ca01', 'Hyderabad', 'Hyderabad'),
  ('00000000-0000-4000-8000-00000000ca01', 'Ahmedabad', 'Ahmedabad'),
  ('00000000-0000-4000-8000-00000000ca01', 'Pune', 'Pune');--> statement-breakpoint
INSERT INTO "rate_card_special_regions" ("version_id", "state", "region") VALUES
  ('00000000-0000-4000-8000-00000000ca01', 'Arunachal Pradesh', 'North-East'),
  ('00000000-0000-4000-8000-00000000ca01', 'Assam', 'North-East'),
  ('00000000-0000-4000-8000-00000000ca01', 'Manipur', 'North-East'),
  ('00000000-0000-4000-8000-00000000ca01', 'Meghalaya', 'North-East'),
  ('00000000-0000-4000-8000-00000000ca01', 'Mizoram', 'North-East'),
  ('00000000-0000-4000-8000-00000000ca01', 'Nagaland', 'North-East'),
  ('00000000-0000-4000-8000-00000000ca01', 'Sikkim', 'North-East'),
  ('00000000-0000-4000-8000-00000000ca01', 'Tripura', 'North-East'),
  ('00000000-0000-4000-8000-00000000ca01', 'Jammu and Kashmir', 'Jammu & Kashmir'),
  ('00000000-0000-4000-8000-00000000ca01', 'Ladakh', 'Ladakh'),
  ('00000000-0000-4000-8000-00000000ca01', 'Andaman and Nicobar Islands', 'Andaman & Nicobar'),
  ('00000000-0000-4000-8000-00000000ca01', 'Lakshadweep', 'Lakshadweep');
