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

-- The distinct words of a normalised wording, hashed, and a screen built on them: whether two
-- wordings share enough words to overlap at all. If the shorter (n words, d of them distinct) has
-- `share` of its words in order in the longer, those words are all common to both, and at most
-- n - d of them repeat an earlier one, so at least share * n - (n - d) distinct words are common.
-- The same bound as overlapBound in src/domain/claims/overlap.ts, on distinct words. Integer arrays
-- compare in microseconds, where trigram similarity costs 35-65 µs a pair; a hash collision only
-- lets an extra candidate through to the exact comparison.
CREATE FUNCTION word_hashes(wording TEXT) RETURNS BIGINT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT DISTINCT hashtextextended(word, 0) FROM unnest(string_to_array(wording, ' ')) AS word)
$$;

CREATE FUNCTION may_share_wording(a BIGINT[], a_words INT, b BIGINT[], b_words INT, share FLOAT8)
RETURNS BOOLEAN LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT cardinality(ARRAY(SELECT unnest(a) INTERSECT SELECT unnest(b)))
    + CASE WHEN a_words <= b_words THEN a_words - cardinality(a) ELSE b_words - cardinality(b) END
    >= share * least(a_words, b_words) - 1e-9
$$;

-- Every quote's word hashes and word count, for screening the later quotes of a speaker (undated
-- ones come after every dated one, so there are ever more of them to screen).
ALTER TABLE "quote" ADD COLUMN "words" BIGINT[] NOT NULL DEFAULT '{}';
ALTER TABLE "quote" ADD COLUMN "word_count" INTEGER NOT NULL DEFAULT 0;
UPDATE "quote" SET "words" = word_hashes("normalized_text"),
    "word_count" = cardinality(string_to_array("normalized_text", ' '));

-- The seed's word hashes and word count on the claim too, so that a speaker's claims are screened
-- without reading their seeds.
ALTER TABLE "claim" ADD COLUMN "seed_words" BIGINT[] NOT NULL DEFAULT '{}';
ALTER TABLE "claim" ADD COLUMN "seed_word_count" INTEGER NOT NULL DEFAULT 0;
UPDATE "claim" AS c SET "seed_words" = word_hashes(q."normalized_text"),
    "seed_word_count" = cardinality(string_to_array(q."normalized_text", ' '))
FROM "quote" AS q WHERE q."id" = c."seed_quote_id";

-- Each claim's distinct wordings, tallied: how many articles printed each, and which rendering first.
-- The canonical wording is chosen from these, and counts only grow as renderings join, so a new
-- rendering is placed by reading its own wording's tally and the canonical one's, by key, instead
-- of every member of the claim (a thousand for a widely quoted one). Claims from before this
-- migration have none; the service recomputes them from their members the next time they change.
ALTER TABLE "claim" ADD COLUMN "canonical_wording" TEXT;
ALTER TABLE "claim" ADD COLUMN "first_quote_id" UUID;

-- CreateTable
CREATE TABLE "claim_wording" (
    "claim_id" UUID NOT NULL,
    "wording" TEXT NOT NULL,
    "article_count" INTEGER NOT NULL,
    "first_quote_id" UUID NOT NULL,

    CONSTRAINT "claim_wording_pkey" PRIMARY KEY ("claim_id","wording")
);

-- CreateIndex
CREATE INDEX "claim_wording_first_quote_id_idx" ON "claim_wording"("first_quote_id");

-- CreateIndex
CREATE INDEX "claim_first_quote_id_idx" ON "claim"("first_quote_id");

-- AddForeignKey
ALTER TABLE "claim_wording" ADD CONSTRAINT "claim_wording_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_wording" ADD CONSTRAINT "claim_wording_first_quote_id_fkey" FOREIGN KEY ("first_quote_id") REFERENCES "quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_first_quote_id_fkey" FOREIGN KEY ("first_quote_id") REFERENCES "quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;
