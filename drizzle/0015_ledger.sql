CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"kind" text NOT NULL,
	"balance_paise" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_kind_check" CHECK ("ledger_accounts"."kind" in ('wallet_available','wallet_held','gateway_clearing','refunds_payable','freight_revenue','margin','gst_payable','adjustments')),
	CONSTRAINT "ledger_accounts_owner_check" CHECK (("ledger_accounts"."kind" in ('wallet_available','wallet_held')) = ("ledger_accounts"."organization_id" is not null)
        and ("ledger_accounts"."organization_id" is not null) = ("ledger_accounts"."balance_paise" is not null)),
	CONSTRAINT "ledger_accounts_wallet_non_negative" CHECK ("ledger_accounts"."balance_paise" is null or "ledger_accounts"."balance_paise" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"posting_id" bigint NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_paise" bigint NOT NULL,
	"balance_after_paise" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_amount_non_zero" CHECK ("ledger_entries"."amount_paise" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_holds" (
	"reference" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"amount_paise" bigint NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "ledger_holds_amount_positive" CHECK ("ledger_holds"."amount_paise" > 0),
	CONSTRAINT "ledger_holds_status_check" CHECK ("ledger_holds"."status" in ('held','captured','released'))
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"organization_id" uuid,
	"wallet_delta_paise" bigint DEFAULT 0 NOT NULL,
	"wallet_balance_after_paise" bigint,
	"description" text,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_postings_kind_check" CHECK ("ledger_postings"."kind" in ('topup','refund','refund_settled','refund_reversed','hold','capture','release','adjustment_credit','adjustment_debit')),
	CONSTRAINT "ledger_postings_wallet_check" CHECK (("ledger_postings"."organization_id" is null) = ("ledger_postings"."wallet_balance_after_paise" is null)
        and ("ledger_postings"."organization_id" is not null or "ledger_postings"."wallet_delta_paise" = 0))
);
--> statement-breakpoint
CREATE TABLE "wallet_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"low_balance_threshold_paise" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_settings_threshold_non_negative" CHECK ("wallet_settings"."low_balance_threshold_paise" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_posting_id_ledger_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."ledger_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_holds" ADD CONSTRAINT "ledger_holds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_settings" ADD CONSTRAINT "wallet_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_wallet_key" ON "ledger_accounts" USING btree ("organization_id","kind") WHERE "ledger_accounts"."organization_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_platform_key" ON "ledger_accounts" USING btree ("kind") WHERE "ledger_accounts"."organization_id" is null;--> statement-breakpoint
CREATE INDEX "ledger_entries_posting_idx" ON "ledger_entries" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "ledger_holds_open_idx" ON "ledger_holds" USING btree ("organization_id") WHERE "ledger_holds"."status" = 'held';--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_postings_reference_key" ON "ledger_postings" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "ledger_postings_statement_idx" ON "ledger_postings" USING btree ("organization_id","id") WHERE "ledger_postings"."wallet_delta_paise" <> 0;--> statement-breakpoint
-- The platform's accounts, with the fixed ids of ledger-account-lock.repository.ts.
INSERT INTO "ledger_accounts" ("id", "organization_id", "kind", "balance_paise") VALUES
  ('00000000-0000-4000-a000-000000000001', NULL, 'gateway_clearing', NULL),
  ('00000000-0000-4000-a000-000000000002', NULL, 'refunds_payable', NULL),
  ('00000000-0000-4000-a000-000000000003', NULL, 'freight_revenue', NULL),
  ('00000000-0000-4000-a000-000000000004', NULL, 'margin', NULL),
  ('00000000-0000-4000-a000-000000000005', NULL, 'gst_payable', NULL),
  ('00000000-0000-4000-a000-000000000006', NULL, 'adjustments', NULL);--> statement-breakpoint
-- The money ledger is append-only, like the stock ledger and the audit log: a correction is a
-- new posting.
CREATE FUNCTION "ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_update_or_delete" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "ledger_postings_no_update_or_delete" BEFORE UPDATE OR DELETE ON "ledger_postings"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "ledger_postings_no_truncate" BEFORE TRUNCATE ON "ledger_postings"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();--> statement-breakpoint
-- Double entry, enforced by the database and not only by the code: at commit, every posting
-- touched by the transaction has at least two entries and they sum to zero. Deferred, so the
-- entries of one posting may be written in any order within the transaction.
CREATE FUNCTION "ledger_posting_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  posting bigint;
  total numeric;
  lines integer;
BEGIN
  IF TG_TABLE_NAME = 'ledger_postings' THEN
    posting := NEW.id;
  ELSE
    posting := NEW.posting_id;
  END IF;
  SELECT coalesce(sum(amount_paise), 0), count(*) INTO total, lines
    FROM ledger_entries WHERE posting_id = posting;
  IF lines < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'ledger posting % is not balanced: % entries summing to %', posting, lines, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_postings_balanced';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_postings_balanced" AFTER INSERT ON "ledger_postings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_posting_balanced"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_posting_balanced"();
