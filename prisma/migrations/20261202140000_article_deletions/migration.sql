-- Articles an editor deleted (a stray post, a page that is no article): the article, its revisions and
-- its quotes are gone and its claims recomputed, and its id answers 410 for good, so that a stored link
-- learns the article was withdrawn rather than that it never existed. Who and why are kept here and on
-- the audit trail.
CREATE TABLE "article_deletion" (
  "article_id" UUID NOT NULL,
  "url" TEXT NOT NULL,
  "actor" TEXT NOT NULL,
  "reason" TEXT,
  "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "article_deletion_pkey" PRIMARY KEY ("article_id")
);
