-- Claim grouping: each claim is named by its seed (the earliest rendering, which founded it), quotes
-- carry the order in which they are grouped, and misattributions are recorded on both sides.

-- The order quotes are grouped in: publication date (undated last), then URL, then position, as
-- src/domain/claims/order-key.ts builds it. Compared byte-wise (COLLATE "C") like JavaScript strings.
ALTER TABLE "quote" ADD COLUMN "order_key" TEXT COLLATE "C";
UPDATE "quote" AS q SET "order_key" =
    CASE WHEN a."published_at" IS NULL THEN '1'
         ELSE '0' || to_char(a."published_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END
    || ' ' || a."url" || ' ' || lpad(q."position"::text, 12, '0')
FROM "article" AS a WHERE a."id" = q."article_id";
ALTER TABLE "quote" ALTER COLUMN "order_key" SET NOT NULL;

-- A revised article's new quotes are written before its old ones are removed (claims move from one
-- to the other in between), so two quotes of an article may briefly share a position.
DROP INDEX "quote_article_id_position_key";
CREATE INDEX "quote_article_id_position_idx" ON "quote"("article_id", "position");

-- CreateIndex
CREATE INDEX "quote_speaker_id_order_key_idx" ON "quote"("speaker_id", "order_key");

-- Hashes of every run of four words of the quote (src/domain/wording/word-shingles.ts): finds the
-- same words given to other speakers without the trigram index reading half the corpus per lookup.
-- Quotes from before this migration get theirs when their article is next ingested.
ALTER TABLE "quote" ADD COLUMN "shingles" BIGINT[] NOT NULL DEFAULT '{}';
CREATE INDEX "quote_shingles_idx" ON "quote" USING GIN ("shingles");

-- Claims from before grouping existed have no seed: there were none (extraction and grouping ship
-- together), so the column can be required at once.
ALTER TABLE "claim" ADD COLUMN "seed_quote_id" UUID NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "claim_seed_quote_id_key" ON "claim"("seed_quote_id");

-- The seed's shingles again, on the claim: finding the claims a wording shares a run of words with
-- then reads posting lists of seeds only, not of every rendering of a popular quote.
ALTER TABLE "claim" ADD COLUMN "seed_shingles" BIGINT[] NOT NULL DEFAULT '{}';
CREATE INDEX "claim_seed_shingles_idx" ON "claim" USING GIN ("seed_shingles");

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_seed_quote_id_fkey" FOREIGN KEY ("seed_quote_id") REFERENCES "quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "quote_misattribution" (
    "quote_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quote_misattribution_pkey" PRIMARY KEY ("quote_id","claim_id")
);

-- CreateIndex
CREATE INDEX "quote_misattribution_claim_id_idx" ON "quote_misattribution"("claim_id");

-- AddForeignKey
ALTER TABLE "quote_misattribution" ADD CONSTRAINT "quote_misattribution_quote_id_fkey" FOREIGN KEY ("quote_id") REFERENCES "quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote_misattribution" ADD CONSTRAINT "quote_misattribution_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
