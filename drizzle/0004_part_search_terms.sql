CREATE TABLE "part_search_terms" (
	"brand_id" uuid NOT NULL,
	"term" text NOT NULL,
	CONSTRAINT "part_search_terms_brand_id_term_pk" PRIMARY KEY("brand_id","term")
);
--> statement-breakpoint
ALTER TABLE "part_search_terms" ADD CONSTRAINT "part_search_terms_brand_id_organizations_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill: the terms of existing parts, as searchTermsOf() (src/modules/catalog/part-search-document.ts)
-- derives them: words of the lower-cased search document split on anything not a-z0-9 (3+ characters),
-- plus the whole part number and each compatible model number, lower-cased. Before the trigram index,
-- which is then built once.
INSERT INTO "part_search_terms" ("brand_id", "term")
SELECT DISTINCT p.brand_id, t.term
FROM "parts" p
CROSS JOIN LATERAL (
	SELECT w AS term FROM regexp_split_to_table(lower(p.search_document), '[^a-z0-9]+') AS w WHERE length(w) >= 3
	UNION ALL SELECT lower(trim(p.part_number))
	UNION ALL SELECT lower(trim(m)) FROM unnest(p.compatible_models) AS m
) t
WHERE t.term <> ''
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Only all-letter terms are corrected by trigram similarity; part and model numbers stay out of this index.
CREATE INDEX "part_search_terms_term_trgm_idx" ON "part_search_terms" USING gin ("term" gin_trgm_ops) WHERE "part_search_terms"."term" ~ '^[a-z]+$';