-- The grouping's lookup of the quotes a rendering may join (src/services/claim-grouping.ts) read, for
-- a short rendering, every claim of its speaker, and for a fragment every full wording of its speaker:
-- on real news one speaker had 5,300 claims and 7,700 full wordings at 10k articles, so an ingest
-- quoting that speaker took longer with every article. These columns bound those reads by words: a
-- quote's words, each hashed together with its speaker, GIN-indexed, so that one probe reads the
-- quotes of that speaker holding that word and nothing of anyone else's.

-- A speaker's words: each word hash of `words` hashed again with the speaker's id. A collision between
-- two speakers only lets an extra row through to the speaker test that follows every probe.
CREATE FUNCTION speaker_word_hashes(speaker UUID, words BIGINT[]) RETURNS BIGINT[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN speaker IS NULL THEN '{}'::BIGINT[]
    ELSE ARRAY(SELECT hashtextextended(speaker::text, word) FROM unnest(words) AS word) END
$$;

-- The fewest of a wording's distinct words of which every wording that may share it and is at least as
-- long must hold one. may_share_wording lets such a wording through only when it holds at least
-- t = share × n − (n − d) of this one's d distinct words (n words in all), so by pigeonhole it holds one
-- of any d − t + 1 of them; all of them when t is 1 or less. The longest are taken, as the rarest: a
-- speaker's quotes holding one of them are few where those holding "the" are most. Which ones does not
-- matter to the rule, only how many. test/services/screening-words.test.ts checks the pigeonhole on the
-- store's own functions.
CREATE FUNCTION screening_word_hashes(wording TEXT, share FLOAT8) RETURNS BIGINT[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH w AS (SELECT string_to_array(wording, ' ') AS words),
  counts AS (
    SELECT cardinality(w.words) AS n, (SELECT count(DISTINCT word) FROM unnest(w.words) AS word)::INT AS d FROM w),
  needed AS (
    SELECT CASE WHEN t <= 1 THEN d ELSE d - t + 1 END AS k
    FROM (SELECT d, ceil(share * n - (n - d) - 1e-9)::INT AS t FROM counts) AS c)
  SELECT ARRAY(
    SELECT hashtextextended(word, 0) FROM (SELECT DISTINCT word FROM w, unnest(w.words) AS word) AS distinct_words
    ORDER BY length(word) DESC, word COLLATE "C" LIMIT (SELECT greatest(k, 0) FROM needed))
$$;

-- Kept by Postgres, so that every write of a quote's speaker or words (ingest, corrections, merges and
-- splits of speakers) keeps them without a line of service code. The 0.6 is CLAIM_OVERLAP_THRESHOLD
-- (src/domain/wording/claim-overlap.ts); test/services/screening-words.test.ts checks that they agree.
-- One statement, so that the table is rewritten once.
ALTER TABLE "quote"
  ADD COLUMN "speaker_words" BIGINT[] GENERATED ALWAYS AS (speaker_word_hashes("speaker_id", "words")) STORED,
  ADD COLUMN "speaker_screen" BIGINT[]
    GENERATED ALWAYS AS (speaker_word_hashes("speaker_id", screening_word_hashes("normalized_text", 0.6))) STORED;

-- Which of a speaker's quotes hold a word: the seeds longer than a short rendering that hold one of its
-- screening words, the full wordings holding a fragment's. Ingestion writes and searches both indexes
-- in every transaction, so entries are written straight into them, as into the shingle indexes: a
-- pending list (fastupdate) is read whole by every search until a vacuum merges it, and the first
-- 2,500 real articles went in at 14 articles/s with it, against 18 without these indexes.
CREATE INDEX "quote_speaker_words_idx" ON "quote" USING GIN ("speaker_words") WITH (fastupdate = off);
-- Which of a speaker's wordings of fewer than eight words (RUN_FREE_WORDS; checked by
-- test/services/screening-words.test.ts) a longer or equal wording may share: those whose screening
-- words it holds one of.
CREATE INDEX "quote_short_speaker_screen_idx" ON "quote" USING GIN ("speaker_screen") WITH (fastupdate = off)
  WHERE "word_count" < 8;

-- It served the lookup of the short seeds of a longer rendering's speaker, which the index above does.
DROP INDEX "claim_short_seed_speaker_idx";
