-- Speakers an editor merged into another (src/services/speaker-merge.ts). The merged speaker's row goes;
-- its id and slug stay here, so that links to it answer with the survivor, and ingestion, meeting its
-- name where the aliases alone cannot decide, finds the survivor instead of making the speaker again.
CREATE TABLE "speaker_redirect" (
  "from_id" UUID NOT NULL,
  -- null once a later speaker of that slug was merged too: the slug then leads to where that one went
  "from_slug" TEXT,
  "to_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "speaker_redirect_pkey" PRIMARY KEY ("from_id")
);
CREATE UNIQUE INDEX "speaker_redirect_from_slug_key" ON "speaker_redirect"("from_slug");
CREATE INDEX "speaker_redirect_to_id_idx" ON "speaker_redirect"("to_id");
-- A survivor merged in turn passes its redirects on first (the merge rewrites to_id): never left dangling.
ALTER TABLE "speaker_redirect" ADD CONSTRAINT "speaker_redirect_to_id_fkey"
  FOREIGN KEY ("to_id") REFERENCES "speaker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
