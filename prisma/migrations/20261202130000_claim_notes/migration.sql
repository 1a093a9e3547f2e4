-- Editors' notes on claims: a verdict on how the claim was reported ("misquoted by two outlets") and
-- why, which the claim, its ClaimReview (reviewRating) and claims:search (textualRating) carry.
-- Kept, never overwritten: a claim's note is its latest one not withdrawn, and when claims merge the
-- merged claim's notes move to the survivor (claim-grouping.ts, retireClaims), so no verdict is lost.
CREATE TABLE "claim_note" (
  "id" UUID NOT NULL DEFAULT uuid_v7(),
  "claim_id" UUID NOT NULL,
  "verdict" TEXT NOT NULL,
  "explanation" TEXT,
  "actor" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "withdrawn_at" TIMESTAMPTZ(3),
  "withdrawn_by" TEXT,
  CONSTRAINT "claim_note_pkey" PRIMARY KEY ("id"),
  -- the lengths of src/schemas/claim-notes.ts (test/routes/v1/claim-notes.test.ts checks they agree)
  CONSTRAINT "claim_note_verdict_length" CHECK (char_length("verdict") BETWEEN 1 AND 120),
  CONSTRAINT "claim_note_explanation_length" CHECK (char_length("explanation") BETWEEN 1 AND 2000),
  CONSTRAINT "claim_note_withdrawn" CHECK (("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL))
);
-- The current note of a claim is found by this index: newest first, among those not withdrawn.
CREATE INDEX "claim_note_current_idx" ON "claim_note" ("claim_id", "id" DESC) WHERE "withdrawn_at" IS NULL;
ALTER TABLE "claim_note" ADD CONSTRAINT "claim_note_claim_id_fkey"
  FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
