-- Speaker names given to verify and to the `speaker` filters are looked up by close spelling too
-- ("Claudia Sheinbaun"): candidates come from a trigram index on the alias keys, the choice between
-- them is made in src/domain/speaker-resolution.ts. An alias is a few words, so a few dozen entries.
CREATE INDEX "speaker_alias_alias_key_trgm_idx" ON "speaker_alias" USING GIN ("alias_key" gin_trgm_ops);
