-- Verify finds the claims a fragment (fewer than four words) can be a rendering of by its words
-- (claimsHoldingFragment, src/services/claims.ts): the wordings holding all of them, through the trigram
-- index, and the wordings that are some of them alone, by equality. The trigram index answers equality
-- too, but the trigrams of "the" or "no" are in half the wordings: short wordings get a btree index of
-- their own. Fewer than four words is fewer than three spaces in the search key; the 4 is FRAGMENT_WORDS
-- (src/domain/claims/overlap.ts), and test/services/fragment-lookup.test.ts checks that the two agree.
CREATE INDEX "claim_wording_fragment_key_idx" ON "claim_wording" ("search_key") WHERE "search_key" NOT LIKE '% % % %';
