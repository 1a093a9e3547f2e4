-- The printing a wording is shown by: the earliest that printed it in one piece, or the earliest
-- when every printing is in pieces (src/domain/wording/canonical-wording.ts). A quote printed in
-- pieces ("X," she said. "Y.") is stored as its pieces joined by one space, which reads as a text
-- nobody printed ("X, Y."): a claim's canonical text is taken from the shown printing instead of the
-- first. NULL (tallies from before) means the first; the service fills it in as claims change.
ALTER TABLE "claim_wording" ADD COLUMN "shown_quote_id" UUID;

ALTER TABLE "claim_wording" ADD CONSTRAINT "claim_wording_shown_quote_id_fkey" FOREIGN KEY ("shown_quote_id") REFERENCES "quote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE INDEX "claim_wording_shown_quote_id_idx" ON "claim_wording"("shown_quote_id");
