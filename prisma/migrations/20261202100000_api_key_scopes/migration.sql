-- What each stored key may do (src/http/scopes.ts): keys made before scopes keep what they could do,
-- read and ingest. Only known scope names are stored, and a key may always read.
ALTER TABLE "api_key" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['read', 'ingest']::TEXT[];
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_scopes_known"
  CHECK ("scopes" <@ ARRAY['read', 'ingest', 'edit', 'admin']::TEXT[] AND 'read' = ANY ("scopes"));
