-- Offices across articles (src/services/office-holders.ts). An article that names someone with a
-- qualified office ("Mexican President Jane Roe") records it here: evidence that they held it when the
-- article was published. A quote whose article only describes its speaker by such an office ("Mexico's
-- president said") keeps the office described, and takes as its speaker the one person the stored
-- articles of about that time name as its holder (quote.speaker_by_office), until a second holder appears.
-- Rows are written when an article's quotes are (ingest, revision): articles stored before this
-- migration record theirs when they are next revised.
CREATE TABLE "speaker_office" (
  "id" UUID NOT NULL DEFAULT uuid_v7() PRIMARY KEY,
  "article_id" UUID NOT NULL REFERENCES "article"("id") ON DELETE CASCADE,
  "speaker_id" UUID NOT NULL REFERENCES "speaker"("id") ON DELETE CASCADE,
  "role" TEXT NOT NULL,
  -- lower-cased, distinct and sorted (officeOf in src/domain/extraction/offices.ts); never empty
  "qualifiers" TEXT[] NOT NULL CHECK (cardinality("qualifiers") > 0)
);
CREATE UNIQUE INDEX "speaker_office_key" ON "speaker_office" ("article_id", "speaker_id", "role", "qualifiers");
CREATE INDEX "speaker_office_role_idx" ON "speaker_office" ("role");
CREATE INDEX "speaker_office_speaker_idx" ON "speaker_office" ("speaker_id");

ALTER TABLE "quote"
  ADD COLUMN "office_role" TEXT,
  ADD COLUMN "office_qualifiers" TEXT[],
  ADD COLUMN "speaker_by_office" BOOLEAN NOT NULL DEFAULT false;
-- The described quotes a new holder may be the speaker of.
CREATE INDEX "quote_office_role_idx" ON "quote" ("office_role") WHERE "office_role" IS NOT NULL;
