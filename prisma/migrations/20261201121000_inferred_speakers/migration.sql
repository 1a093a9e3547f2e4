-- A quote whose speaker the article does not name ("he", "a spokesman") joins the claim whose words it
-- shares, and takes that claim's speaker: inferred, not read, and said so.
ALTER TABLE "quote" ADD COLUMN "speaker_inferred" BOOLEAN NOT NULL DEFAULT false;
