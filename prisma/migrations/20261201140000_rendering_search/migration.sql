-- Wording search (`q`) finds the words any outlet printed, not only the canonical wording. Each
-- claim's distinct wordings are tallied already; their search key (the wording unaccented, as
-- quote.normalized_text and claim.normalized_text hold it) is indexed by trigram. That is one entry
-- set per distinct wording rather than per quote (the trigram index on every quote was dropped for
-- that cost): most renderings repeat a wording already tallied.
ALTER TABLE "claim_wording" ADD COLUMN "search_key" TEXT;
UPDATE "claim_wording" AS w SET "search_key" = q."normalized_text" FROM "quote" AS q WHERE q."id" = w."first_quote_id";
ALTER TABLE "claim_wording" ALTER COLUMN "search_key" SET NOT NULL;
-- Written by ingestion and read only by searches, like the trigram index on canonical wordings.
CREATE INDEX "claim_wording_search_key_trgm_idx" ON "claim_wording" USING GIN ("search_key" gin_trgm_ops)
  WITH (fastupdate = on, gin_pending_list_limit = 256);
