-- Verbatim's first schema. Written by hand in the shape `prisma migrate dev` produces, because Prisma's
-- schema engine cannot be downloaded where this project is built; prisma/schema.prisma describes the
-- same tables and test/db/schema.test.ts proves the generated client agrees with them.

-- Extensions: trigram search over quote and claim wordings, accent-insensitive name lookups.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- Time-ordered UUIDs (RFC 9562 version 7): keyset pagination on the primary key then follows
-- insertion order, and b-tree inserts stay at the right edge of the index. Postgres 18 has uuidv7();
-- this is for 15-17 and PGlite.
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid
LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS $$
DECLARE
  unix_ms bytea := substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3);
  bytes bytea := uuid_send(gen_random_uuid());
BEGIN
  bytes := overlay(bytes PLACING unix_ms FROM 1 FOR 6);
  -- version nibble 0111; gen_random_uuid() already set the RFC variant bits
  bytes := set_byte(bytes, 6, (get_byte(bytes, 6) & 15) | 112);
  RETURN encode(bytes, 'hex')::uuid;
END
$$;

-- CreateEnum
CREATE TYPE "OutletKind" AS ENUM ('news', 'wire', 'broadcast', 'magazine', 'blog', 'government', 'other', 'unknown');

-- CreateEnum
CREATE TYPE "SpeakerKind" AS ENUM ('person', 'organisation');

-- CreateEnum
CREATE TYPE "QuoteKind" AS ENUM ('direct', 'partial', 'nested', 'indirect');

-- CreateEnum
CREATE TYPE "SpeakerResolution" AS ENUM ('name', 'surname', 'role', 'pronoun', 'organisation');

-- CreateEnum
CREATE TYPE "RenderingLabel" AS ENUM ('verbatim', 'excerpt', 'extended', 'elided', 'altered');

-- CreateTable
CREATE TABLE "outlet" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "kind" "OutletKind" NOT NULL DEFAULT 'unknown',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outlet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "outlet_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "author" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "language" TEXT,
    "text" TEXT NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_revision" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "article_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "content_hash" CHAR(64) NOT NULL,
    "title" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "speaker" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "SpeakerKind" NOT NULL DEFAULT 'person',
    "title" TEXT,
    "description" TEXT,
    "wikidata_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "speaker_alias" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "speaker_id" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "alias_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "speaker_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "speaker_id" UUID NOT NULL,
    "canonical_text" TEXT NOT NULL,
    "normalized_text" TEXT NOT NULL,
    "first_article_id" UUID,
    "first_appeared_at" TIMESTAMPTZ(3),
    "rendering_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quote" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "article_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "speaker_id" UUID,
    "claim_id" UUID,
    "text" TEXT NOT NULL,
    "normalized_text" TEXT NOT NULL,
    "spans" JSONB NOT NULL,
    "speaker_mention_start" INTEGER,
    "speaker_mention_end" INTEGER,
    "speaker_mention_text" TEXT,
    "speaker_resolution" "SpeakerResolution",
    "cue" TEXT,
    "cue_start" INTEGER,
    "cue_end" INTEGER,
    "kind" "QuoteKind" NOT NULL,
    "via" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "label" "RenderingLabel",
    "fidelity" DOUBLE PRECISION,
    "diff" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL DEFAULT uuid_v7(),
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "details" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outlet_domain_key" ON "outlet"("domain");

-- An outlet known only by its name is matched by that name, case-insensitively (not expressible in
-- schema.prisma, which is why it is only here).
CREATE UNIQUE INDEX "outlet_name_without_domain_key" ON "outlet"(lower("name")) WHERE "domain" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "article_url_key" ON "article"("url");

-- CreateIndex
CREATE INDEX "article_outlet_id_id_idx" ON "article"("outlet_id", "id");

-- CreateIndex
CREATE INDEX "article_published_at_idx" ON "article"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "article_revision_article_id_content_hash_key" ON "article_revision"("article_id", "content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "speaker_slug_key" ON "speaker"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "speaker_wikidata_id_key" ON "speaker"("wikidata_id");

-- CreateIndex
CREATE UNIQUE INDEX "speaker_alias_speaker_id_alias_key_key" ON "speaker_alias"("speaker_id", "alias_key");

-- CreateIndex
CREATE INDEX "speaker_alias_alias_key_idx" ON "speaker_alias"("alias_key");

-- CreateIndex
CREATE INDEX "claim_speaker_id_id_idx" ON "claim"("speaker_id", "id");

-- Trigram index: candidate claims for a new rendering are found by wording similarity in the database.
CREATE INDEX "claim_normalized_text_trgm_idx" ON "claim" USING GIN ("normalized_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "quote_article_id_position_key" ON "quote"("article_id", "position");

-- CreateIndex
CREATE INDEX "quote_speaker_id_idx" ON "quote"("speaker_id");

-- CreateIndex
CREATE INDEX "quote_claim_id_idx" ON "quote"("claim_id");

-- Trigram index: wording search over every rendering, not only canonical wordings.
CREATE INDEX "quote_normalized_text_trgm_idx" ON "quote" USING GIN ("normalized_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_key_hash_key" ON "api_key"("key_hash");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_event_created_at_idx" ON "audit_event"("created_at");

-- AddForeignKey
ALTER TABLE "article" ADD CONSTRAINT "article_outlet_id_fkey" FOREIGN KEY ("outlet_id") REFERENCES "outlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_revision" ADD CONSTRAINT "article_revision_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "speaker_alias" ADD CONSTRAINT "speaker_alias_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "speaker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_first_article_id_fkey" FOREIGN KEY ("first_article_id") REFERENCES "article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quote" ADD CONSTRAINT "quote_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
