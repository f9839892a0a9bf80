CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"sequence" bigint NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"sequence" bigint NOT NULL,
	"hash" text NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_checkpoints_source_check" CHECK ("audit_checkpoints"."source" in ('migration','schedule','verify'))
);
--> statement-breakpoint
-- Hand-edited: drizzle-kit generated `ADD COLUMN … NOT NULL` for both columns, which fails on a
-- log that has entries. The entries written so far form one global chain: they become the frozen
-- `legacy` chain (ADR 0008), numbered 1, 2, 3… in position order. `chain` is added with 'legacy'
-- as a default (filled in without rewriting the table), which is dropped at once so every new
-- entry must name its chain; `sequence` is added nullable, backfilled, then made NOT NULL. Neither
-- column is covered by the legacy entries' hashes, so they verify exactly as before.
ALTER TABLE "audit_log" ADD COLUMN "chain" text DEFAULT 'legacy' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "chain" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "sequence" bigint;--> statement-breakpoint
-- The append-only trigger refuses the backfill's UPDATE: off for this statement only, inside the
-- migration's transaction (which holds the table's exclusive lock until it commits).
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update_or_delete";--> statement-breakpoint
UPDATE "audit_log" AS a
   SET "sequence" = n."sequence"
  FROM (SELECT "position", row_number() OVER (ORDER BY "position") AS "sequence" FROM "audit_log") AS n
 WHERE a."position" = n."position";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update_or_delete";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "sequence" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_checkpoints_chain_idx" ON "audit_checkpoints" USING btree ("chain","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_sequence_unique" ON "audit_log" USING btree ("chain","sequence");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_chain_of_organization" CHECK ("audit_log"."chain" = 'legacy' or "audit_log"."chain" = coalesce('org:' || "audit_log"."organization_id"::text, 'platform'));--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_sequence_positive" CHECK ("audit_log"."sequence" >= 1);--> statement-breakpoint
-- The legacy chain's head, and a checkpoint of it: the legacy chain is frozen (nothing appends to
-- it any more), so from here on `spareflow audit verify` detects a deleted legacy tail too.
INSERT INTO "audit_chain_heads" ("chain", "sequence", "hash")
SELECT "chain", "sequence", "hash" FROM "audit_log" WHERE "chain" = 'legacy'
 ORDER BY "sequence" DESC LIMIT 1;--> statement-breakpoint
INSERT INTO "audit_checkpoints" ("chain", "sequence", "hash", "source")
SELECT "chain", "sequence", "hash", 'migration' FROM "audit_chain_heads";--> statement-breakpoint
-- Checkpoints are append-only, and none of the three tables may be truncated (TRUNCATE fires no
-- row trigger, so the row triggers alone would not stop it). A superuser can still disable the
-- triggers; ADR 0008 says what verification then still detects.
CREATE FUNCTION "audit_table_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "audit_table_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_table_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_table_append_only"();--> statement-breakpoint
-- A chain head only moves forward, one entry per update (each append), and is never deleted: to
-- hide a deleted tail from the head, the head's trigger has to be disabled as well.
CREATE FUNCTION "audit_chain_heads_forward_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW."chain" = OLD."chain" AND NEW."sequence" = OLD."sequence" + 1 THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_chain_heads only moves forward one entry at a time (% refused)', TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_chain_heads_forward_only" BEFORE UPDATE OR DELETE ON "audit_chain_heads"
  FOR EACH ROW EXECUTE FUNCTION "audit_chain_heads_forward_only"();--> statement-breakpoint
CREATE TRIGGER "audit_chain_heads_no_truncate" BEFORE TRUNCATE ON "audit_chain_heads"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_table_append_only"();
