ALTER TABLE "import_jobs" ADD COLUMN "failed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Finished jobs: their exact count is in their audit entry (`import.<kind>.finished`, written in
-- the transaction that finished the job), which the summary used to derive from the capped list.
UPDATE "import_jobs" AS j
   SET "failed" = coalesce((a."after" ->> 'failed')::int, 0)
  FROM "audit_log" AS a
 WHERE a."entity_type" = 'import_job'
   AND a."entity_id" = j."id"::text
   AND a."action" = 'import.' || j."kind" || '.finished'
   AND j."status" IN ('succeeded', 'failed');
-- Queued jobs have counted nothing yet. A stock import interrupted by this very upgrade resumes
-- and counts the bad rows of the batches it still applies (the earlier ones were never counted).
