-- Editors' corrections of quotes (src/domain/corrections/quote-corrections.ts): facts kept beside the
-- article and applied whenever its quotes are written, so that re-reading or revising it keeps them.
-- A quote is named by its words and which occurrence of them it is among the article's quotes.
CREATE TABLE "quote_correction" (
  "id" UUID NOT NULL DEFAULT uuid_v7(),
  "article_id" UUID NOT NULL,
  "text" TEXT NOT NULL,
  -- the key, as a quote can be longer than an index row (as claim_wording.wording_hash)
  "text_hash" BYTEA GENERATED ALWAYS AS (sha256("text"::bytea)) STORED NOT NULL,
  "occurrence" INTEGER NOT NULL,
  "speaker_id" UUID,
  "not_quotation" BOOLEAN NOT NULL DEFAULT false,
  "actor" TEXT NOT NULL,
  "reason" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "quote_correction_pkey" PRIMARY KEY ("id"),
  -- One effect each: a speaker given, or the words declared no quotation.
  CONSTRAINT "quote_correction_one_effect" CHECK (("speaker_id" IS NOT NULL) <> "not_quotation"),
  CONSTRAINT "quote_correction_occurrence" CHECK ("occurrence" >= 0)
);
CREATE UNIQUE INDEX "quote_correction_quote_key" ON "quote_correction" ("article_id", "text_hash", "occurrence");
CREATE INDEX "quote_correction_speaker_idx" ON "quote_correction" ("speaker_id");
ALTER TABLE "quote_correction" ADD CONSTRAINT "quote_correction_article_id_fkey"
  FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "quote_correction" ADD CONSTRAINT "quote_correction_speaker_id_fkey"
  FOREIGN KEY ("speaker_id") REFERENCES "speaker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Which occurrence of its words a quote is (what a correction names it by), and whether its speaker
-- was given by an editor.
ALTER TABLE "quote" ADD COLUMN "occurrence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "quote" ADD COLUMN "speaker_corrected" BOOLEAN NOT NULL DEFAULT false;
UPDATE "quote" AS q SET "occurrence" = numbered.n
FROM (SELECT "id", row_number() OVER (PARTITION BY "article_id", "text" ORDER BY "position") - 1 AS n FROM "quote") AS numbered
WHERE numbered."id" = q."id" AND numbered.n > 0;
