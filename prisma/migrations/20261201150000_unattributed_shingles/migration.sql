-- A new claim looks for quotes without a named speaker that share a run of words with it
-- (src/services/unattributed.ts) on every ingest. The full shingle index holds every quote, and a
-- common run ("i don't think that") is in thousands of them; the quotes that can take a speaker from
-- a claim are few, so they get an index of their own.
CREATE INDEX "quote_unattributed_shingles_idx" ON "quote" USING GIN ("shingles")
  WITH (fastupdate = off) WHERE "speaker_id" IS NULL OR "speaker_inferred";
