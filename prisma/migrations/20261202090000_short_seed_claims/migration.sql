-- A rendering finds the claims of its speaker whose founding wording shares a run of four words with
-- it through the shingle index (src/services/claim-grouping.ts), instead of screening every claim of
-- its speaker: on real news a few speakers have thousands. Below eight words two renderings of one
-- utterance may share no such run ("we are going to win" / "we're going to win"), so a
-- longer rendering also screens the claims of its speaker founded by fewer words: they get an index
-- of their own. The 8 is RUN_FREE_WORDS (src/domain/wording/word-shingles.ts);
-- test/services/shingle-probe.test.ts checks that the two agree.
CREATE INDEX "claim_short_seed_speaker_idx" ON "claim" ("speaker_id") WHERE "seed_word_count" < 8;
