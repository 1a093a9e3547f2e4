-- Editors' claim corrections (src/domain/claims/claim-corrections.ts), kept as placements the grouping
-- obeys (src/domain/claims/cluster.ts): facts about quotes, named as quote_correction names them (the
-- article, the exact words, which occurrence of them), so that re-reading or revising an article keeps
-- them, and a placement whose quote or target is not there is dormant rather than lost.
CREATE TABLE "claim_placement" (
  "id" UUID NOT NULL DEFAULT uuid_v7(),
  "article_id" UUID NOT NULL,
  "text" TEXT NOT NULL,
  "text_hash" BYTEA GENERATED ALWAYS AS (sha256("text"::bytea)) STORED NOT NULL,
  "occurrence" INTEGER NOT NULL,
  -- the quote whose claim it joins; all three null: it founds a claim of its own
  "with_article_id" UUID,
  "with_text" TEXT,
  "with_occurrence" INTEGER,
  -- later quotes that would have joined it as a seed join its claim through it (a merged claim's seed)
  "carries" BOOLEAN NOT NULL DEFAULT false,
  "actor" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "claim_placement_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "claim_placement_target" CHECK (
    ("with_article_id" IS NULL) = ("with_text" IS NULL) AND ("with_text" IS NULL) = ("with_occurrence" IS NULL)),
  CONSTRAINT "claim_placement_occurrence" CHECK ("occurrence" >= 0 AND "with_occurrence" >= 0)
);
CREATE UNIQUE INDEX "claim_placement_quote_key" ON "claim_placement" ("article_id", "text_hash", "occurrence");
ALTER TABLE "claim_placement" ADD CONSTRAINT "claim_placement_article_id_fkey"
  FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- No foreign key on the target: an article deleted leaves the placements naming its quotes dormant.
