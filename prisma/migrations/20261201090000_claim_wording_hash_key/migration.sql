-- A wording tally was keyed by (claim_id, wording), and a wording is as long as the quote it
-- tallies: a btree index row holds at most about 2.7 KB, so a longer quotation could never be
-- stored ("index row size exceeds btree maximum" on claim_wording_pkey). The key is now a sha-256 of
-- the wording, which Postgres computes itself, so every writer and reader of the table agrees on it.
ALTER TABLE "claim_wording" ADD COLUMN "wording_hash" BYTEA GENERATED ALWAYS AS (sha256("wording"::bytea)) STORED NOT NULL;

ALTER TABLE "claim_wording" DROP CONSTRAINT "claim_wording_pkey";

ALTER TABLE "claim_wording" ADD CONSTRAINT "claim_wording_pkey" PRIMARY KEY ("claim_id", "wording_hash");
