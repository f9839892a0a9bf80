CREATE TABLE "invoice_counters" (
	"series" text NOT NULL,
	"financial_year" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "invoice_counters_series_financial_year_pk" PRIMARY KEY("series","financial_year"),
	CONSTRAINT "invoice_counters_last_number_positive" CHECK ("invoice_counters"."last_number" >= 0)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"series" text NOT NULL,
	"financial_year" text NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"supplier_name" text NOT NULL,
	"supplier_gstin" text NOT NULL,
	"supplier_state_code" text NOT NULL,
	"supplier_address" text NOT NULL,
	"supplier_sandbox" boolean NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_gstin" text,
	"recipient_state_code" text NOT NULL,
	"recipient_address" text,
	"place_of_supply_state_code" text NOT NULL,
	"sac" text NOT NULL,
	"description" text NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"cgst_paise" bigint NOT NULL,
	"sgst_paise" bigint NOT NULL,
	"igst_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	"payment_reference" text,
	CONSTRAINT "invoices_kind_check" CHECK ("invoices"."kind" in ('receipt_voucher','tax_invoice')),
	CONSTRAINT "invoices_source_type_check" CHECK ("invoices"."source_type" in ('topup','shipment')),
	CONSTRAINT "invoices_sequence_positive" CHECK ("invoices"."sequence" >= 1),
	CONSTRAINT "invoices_amounts_non_negative" CHECK ("invoices"."taxable_paise" >= 0 and "invoices"."cgst_paise" >= 0 and "invoices"."sgst_paise" >= 0 and "invoices"."igst_paise" >= 0 and "invoices"."total_paise" > 0),
	CONSTRAINT "invoices_total_adds_up" CHECK ("invoices"."total_paise" = "invoices"."taxable_paise" + "invoices"."cgst_paise" + "invoices"."sgst_paise" + "invoices"."igst_paise" or "invoices"."kind" = 'receipt_voucher'),
	CONSTRAINT "invoices_receipt_voucher_untaxed" CHECK ("invoices"."kind" <> 'receipt_voucher' or ("invoices"."taxable_paise" = 0 and "invoices"."cgst_paise" = 0 and "invoices"."sgst_paise" = 0 and "invoices"."igst_paise" = 0)),
	CONSTRAINT "invoices_one_tax_regime" CHECK ("invoices"."igst_paise" = 0 or ("invoices"."cgst_paise" = 0 and "invoices"."sgst_paise" = 0))
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_unique" ON "invoices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_series_sequence_unique" ON "invoices" USING btree ("series","financial_year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_source_unique" ON "invoices" USING btree ("kind","source_type","source_id");--> statement-breakpoint
CREATE INDEX "invoices_organization_idx" ON "invoices" USING btree ("organization_id","issued_at","id");--> statement-breakpoint
CREATE INDEX "invoices_issued_idx" ON "invoices" USING btree ("issued_at","id");--> statement-breakpoint
-- An issued invoice is a legal record: it is never edited or deleted (a correction is a credit or
-- debit note, a new document). The row is what the PDF is rendered from.
CREATE FUNCTION "invoices_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "invoices_no_update_or_delete" BEFORE UPDATE OR DELETE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION "invoices_immutable"();--> statement-breakpoint
-- TRUNCATE fires no row trigger. A counter row deleted or truncated would restart its series at 1
-- (numbers already issued): counters only ever change through their upsert.
CREATE TRIGGER "invoices_no_truncate" BEFORE TRUNCATE ON "invoices"
  FOR EACH STATEMENT EXECUTE FUNCTION "invoices_immutable"();--> statement-breakpoint
CREATE TRIGGER "invoice_counters_no_delete" BEFORE DELETE ON "invoice_counters"
  FOR EACH ROW EXECUTE FUNCTION "invoices_immutable"();--> statement-breakpoint
CREATE TRIGGER "invoice_counters_no_truncate" BEFORE TRUNCATE ON "invoice_counters"
  FOR EACH STATEMENT EXECUTE FUNCTION "invoices_immutable"();
