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
