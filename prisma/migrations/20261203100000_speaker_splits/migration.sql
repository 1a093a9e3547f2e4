-- Aliases an editor split off a speaker into a speaker of their own (src/services/speaker-split.ts):
-- the fact a retried request finds, so that asking again answers with the speaker made the first time.
CREATE TABLE "speaker_split" (
  "speaker_id" UUID NOT NULL,
  -- as speaker_alias.alias_key: nameKey of the alias split off
  "alias_key" TEXT NOT NULL,
  "new_speaker_id" UUID NOT NULL,
  "actor" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "speaker_split_pkey" PRIMARY KEY ("speaker_id", "alias_key")
);
-- No foreign keys: either speaker may later be merged into another, and the split stays a fact about
-- the ids it was made with (speaker_redirect says where they went).
