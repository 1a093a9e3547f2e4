-- Claim ids once returned always answer: a claim merged into another or replaced by the claim that took
-- its renderings redirects there; a claim whose renderings are all gone is a tombstone (to_id NULL).
CREATE TABLE "claim_redirect" (
  "from_id" UUID NOT NULL,
  "to_id" UUID,
  "reason" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "claim_redirect_pkey" PRIMARY KEY ("from_id"),
  CONSTRAINT "claim_redirect_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "claim"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "claim_redirect_to_id_idx" ON "claim_redirect"("to_id");
