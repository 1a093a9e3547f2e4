import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { notFound } from '../http/problem.js'
import type { ListRevisionsInput, RevisionResource, RevisionSummary } from '../schemas/article-history.js'
import { missingArticle } from './articles.js'
import { decodeCursor, pageLimit, toPage } from './pagination.js'

/** An article's revision history: every text it has had, newest first, and each one whole. */

interface RevisionRow {
  id: string
  title: string | null
  contentHash: string
  length: number
  createdAt: Date
}

const toSummary = (row: RevisionRow): RevisionSummary => ({
  id: row.id,
  title: row.title,
  contentHash: row.contentHash,
  length: row.length,
  createdAt: row.createdAt.toISOString(),
})

export async function listRevisions(
  prisma: PrismaClient,
  articleId: string,
  query: ListRevisionsInput,
): Promise<{ items: RevisionSummary[]; nextCursor: string | null }> {
  const article = await prisma.article.findUnique({ where: { id: articleId }, select: { id: true } })
  if (!article) throw await missingArticle(prisma, articleId)
  const limit = pageLimit(query.limit)
  const before = decodeCursor(query.cursor)
  // The length is counted by Postgres: a page of long revisions is not read whole to be measured.
  const rows = await prisma.$queryRaw<RevisionRow[]>(Prisma.sql`
    SELECT id, title, content_hash AS "contentHash", char_length(text)::int AS length, created_at AS "createdAt"
    FROM article_revision
    WHERE article_id = ${articleId}::uuid ${before ? Prisma.sql`AND id < ${before}::uuid` : Prisma.empty}
    ORDER BY id DESC LIMIT ${limit + 1}`)
  return toPage(rows, limit, toSummary)
}

export async function getRevision(
  prisma: PrismaClient,
  articleId: string,
  revisionId: string,
): Promise<RevisionResource> {
  const revision = await prisma.articleRevision.findUnique({ where: { id: revisionId } })
  if (!revision || revision.articleId !== articleId) {
    const article = await prisma.article.findUnique({ where: { id: articleId }, select: { id: true } })
    throw article ? notFound('revision', revisionId) : await missingArticle(prisma, articleId)
  }
  return {
    ...toSummary({ ...revision, length: [...revision.text].length }),
    text: revision.text,
  }
}
