-- Indexes shaped for ingestion at a steady cost per article, whatever the corpus holds.

-- GIN's fast update parks new entries in a pending list that every search reads from end to end
-- until a vacuum merges it. Ingestion writes and searches these indexes in every transaction, so the
-- list grew by every quote stored and each lookup slowed with it (9,000 pending entries after 3,000
-- articles, 14 ms a lookup). Written straight into the index, entries cost a little more to insert
-- and searches stay proportional to what they find.
ALTER INDEX "quote_shingles_idx" SET (fastupdate = off);
ALTER INDEX "claim_seed_shingles_idx" SET (fastupdate = off);
ALTER INDEX "claim_normalized_text_trgm_idx" SET (fastupdate = off);

-- Nothing searches every rendering by trigram any more: candidate seeds are read through the
-- speaker's claims, and wording search goes through the shingles. Each quote stored paid for about a
-- hundred entries in it.
DROP INDEX "quote_normalized_text_trgm_idx";

-- DropIndex: quote_speaker_id_order_key_idx starts with the same column and serves the same lookups.
DROP INDEX "quote_speaker_id_idx";
