-- `succeeded` is `created + updated + unchanged` (0006), computed where it is shown. A stock
-- import interrupted by this very upgrade resumes after its committed rows and reports only the
-- rows of its resumed run; every finished job keeps its figures (0006 backfilled them).
ALTER TABLE "import_jobs" DROP COLUMN "succeeded";
