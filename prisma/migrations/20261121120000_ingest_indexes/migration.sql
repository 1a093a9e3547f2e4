-- Indexes shaped for ingestion at a steady cost per article, whatever the corpus holds.

-- GIN's fast update parks new entries in a pending list that every search reads from end to end
-- until a vacuum merges it. Ingestion writes and searches these indexes in every transaction, so the
-- list grew by every quote stored and each lookup slowed with it (9,000 pending entries after 3,000
-- articles, 14 ms a lookup). Written straight into the index, entries cost a little more to insert
-- and searches stay proportional to what they find.
ALTER INDEX "quote_shingles_idx" SET (fastupdate = off);
ALTER INDEX "claim_seed_shingles_idx" SET (fastupdate = off);

-- The trigram index over canonical wordings is the opposite case: ingestion writes it (a hundred
-- entries a claim, each a descent of the tree when written through) and never reads it; wording
-- search reads it. A short pending list keeps inserts batched and what a search reads bounded.
ALTER INDEX "claim_normalized_text_trgm_idx" SET (fastupdate = on, gin_pending_list_limit = 256);

-- A claim row is rewritten each time a rendering joins (its count, often its first appearance).
-- Room left on each page lets Postgres keep the new version there without touching the indexes
-- (a HOT update); full pages made every such update re-enter the row in both GIN indexes.
ALTER TABLE "claim" SET (fillfactor = 70);

-- Nothing searches every rendering by trigram any more: candidate seeds are read through the
-- speaker's claims, and wording search goes through the shingles. Each quote stored paid for about a
-- hundred entries in it.
DROP INDEX "quote_normalized_text_trgm_idx";

-- DropIndex: quote_speaker_id_order_key_idx starts with the same column and serves the same lookups.
DROP INDEX "quote_speaker_id_idx";

-- The distinct words of a normalised wording, hashed: the first test of whether two wordings may
-- overlap (one that shares 60% of its words with another shares at least one). Comparing integer
-- arrays costs about a microsecond where comparing the words as text, collation and all, cost
-- 30 µs, as much as the trigram similarity it was meant to spare. A collision only lets an extra
-- candidate through to the exact comparison.
CREATE FUNCTION word_hashes(wording TEXT) RETURNS BIGINT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT DISTINCT hashtextextended(word, 0) FROM unnest(string_to_array(wording, ' ')) AS word)
$$;

-- The seed's word hashes on the claim, so that a speaker's claims are screened without reading
-- their seeds.
ALTER TABLE "claim" ADD COLUMN "seed_words" BIGINT[] NOT NULL DEFAULT '{}';
UPDATE "claim" AS c SET "seed_words" = word_hashes(q."normalized_text") FROM "quote" AS q WHERE q."id" = c."seed_quote_id";
