-- Editors' corrections of speakers (src/services/speaker-corrections.ts), kept as facts that ingestion
-- respects: a name an editor gave is not replaced by a fuller form an article prints, and an alias an
-- editor removed is not learnt again from later articles.
ALTER TABLE "speaker" ADD COLUMN "name_corrected" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "speaker_alias_block" (
  "speaker_id" UUID NOT NULL,
  -- as speaker_alias.alias_key: nameKey of the removed alias
  "alias_key" TEXT NOT NULL,
  "alias" TEXT NOT NULL,
  "actor" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "speaker_alias_block_pkey" PRIMARY KEY ("speaker_id", "alias_key")
);
ALTER TABLE "speaker_alias_block" ADD CONSTRAINT "speaker_alias_block_speaker_id_fkey"
  FOREIGN KEY ("speaker_id") REFERENCES "speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;
