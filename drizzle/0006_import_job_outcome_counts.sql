ALTER TABLE "import_jobs" ADD COLUMN "created" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "updated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "unchanged" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Jobs that finished before these columns existed: their figures are in their audit entry
-- (`import.<kind>.finished`, written in the transaction that finished the job).
UPDATE "import_jobs" AS j
   SET "created" = coalesce((a."after" ->> 'created')::int, 0),
       "updated" = coalesce((a."after" ->> 'updated')::int, 0),
       "unchanged" = coalesce((a."after" ->> 'unchanged')::int, 0)
  FROM "audit_log" AS a
 WHERE a."entity_type" = 'import_job'
   AND a."entity_id" = j."id"::text
   AND a."action" = 'import.' || j."kind" || '.finished'
   AND j."status" = 'succeeded';
