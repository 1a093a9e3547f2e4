-- The grouping decides a speaker's quotes in tiers, fullest wordings first (groupingTier in
-- src/domain/claims/rendering.ts): wordings of eight words or more (RUN_FREE_WORDS), then of four to
-- seven, then fragments of fewer than four (FRAGMENT_WORDS); within a tier, by order key. The lookup of
-- the quotes that come after one in that order (claim-grouping.ts) is a range of this index.
-- test/services/grouping-tier.test.ts checks that the function and the domain agree.
CREATE FUNCTION grouping_tier(word_count INT) RETURNS INT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN word_count >= 8 THEN 0 WHEN word_count >= 4 THEN 1 ELSE 2 END
$$;

-- It serves every lookup by speaker the index it replaces did.
CREATE INDEX "quote_speaker_grouping_order_idx" ON "quote" ("speaker_id", grouping_tier("word_count"), "order_key");
DROP INDEX "quote_speaker_id_order_key_idx";
