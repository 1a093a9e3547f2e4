import { createHash } from 'node:crypto'
import { canonicalUrl, InvalidUrlError } from '../domain/canonical-url.js'
import { extractQuotes } from '../domain/extraction/index.js'
import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { isTransactionConflict } from '../http/database-errors.js'
import { badRequest, notFound } from '../http/problem.js'
import type { IngestArticleInput, ListArticlesInput } from '../schemas/articles.js'
import type { ArticleResource, ArticleSummary, IngestResult, QuoteResource } from '../schemas/resources.js'
import { afterCursor, toPage } from './pagination.js'
import { outletDomain, outletWhere, timeWindow } from './query-filters.js'
import { replaceArticleQuotes, type ArticleFacts } from './quotes.js'

type Transaction = Prisma.TransactionClient

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

const summaryInclude = {
  outlet: { select: { id: true, name: true, domain: true } },
  _count: { select: { revisions: true, quotes: true } },
} satisfies Prisma.ArticleInclude

type ArticleRow = Prisma.ArticleGetPayload<{ include: typeof summaryInclude }>

function toSummary(row: Omit<ArticleRow, 'outletId' | 'text'>): ArticleSummary {
  return {
    id: row.id,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    author: row.author,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    language: row.language,
    contentHash: row.contentHash,
    revisionCount: row._count.revisions,
    quoteCount: row._count.quotes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

const outletFields = { id: true, name: true, domain: true } as const

type OutletRef = ArticleSummary['outlet']

async function resolveOutlet(tx: Transaction, outlet: IngestArticleInput['outlet']): Promise<OutletRef> {
  const name = outlet.name.trim()
  if (outlet.domain) {
    const domain = outletDomain(outlet.domain)
    return tx.outlet.upsert({
      where: { domain },
      create: { name, domain, kind: outlet.kind ?? 'unknown' },
      update: {},
      select: outletFields,
    })
  }
  const known = await tx.outlet.findFirst({
    where: { name: { equals: name, mode: 'insensitive' } },
    orderBy: { id: 'asc' },
    select: outletFields,
  })
  return known ?? tx.outlet.create({ data: { name, kind: outlet.kind ?? 'unknown' }, select: outletFields })
}

// Embedded Postgres has one connection, so concurrent ingests queue for it: let them wait their turn
// rather than fail after Prisma's default 2 s.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 }

const MAX_ATTEMPTS = 5

const articleFacts = { id: true, url: true, text: true, publishedAt: true, createdAt: true } as const

const isRetryable = (error: unknown): boolean => error instanceof LostRace || isTransactionConflict(error)

/**
 * Stores an article, idempotently by canonical URL: the same text again changes nothing, a changed text
 * becomes a new revision (the old one is kept). Two requests racing to create the same article or
 * outlet both succeed: the loser of the unique-index race retries and finds the winner's row.
 */
export async function ingestArticle(
  prisma: PrismaClient,
  input: IngestArticleInput,
  actor: string,
): Promise<IngestResult> {
  let url: string
  try {
    url = canonicalUrl(input.url)
  } catch (error) {
    if (!(error instanceof InvalidUrlError)) throw error
    throw badRequest('validation', error.message, [{ in: 'body', field: '/url', message: error.message }])
  }
  const contentHash = sha256(input.text)
  // Extraction is pure CPU work: done before the transaction so the transaction stays short.
  const quotes = extractQuotes(input.text)
  const publishedAt = input.publishedAt ? new Date(input.publishedAt) : null

  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const { existing, outlet } = await lookUpArticle(tx, url, input.outlet)
        if (existing && existing.contentHash === contentHash) {
          const row = await tx.article.findUniqueOrThrow({ where: { id: existing.id }, include: summaryInclude })
          return { ...toSummary(row), status: 'unchanged' as const }
        }
        if (existing) {
          await tx.articleRevision.upsert({
            where: { articleId_contentHash: { articleId: existing.id, contentHash } },
            create: { articleId: existing.id, text: input.text, contentHash, title: input.title ?? null },
            update: {},
          })
          const updated = await tx.article.update({
            where: { id: existing.id },
            data: {
              ...(input.title !== undefined ? { title: input.title } : {}),
              ...(input.author !== undefined ? { author: input.author } : {}),
              ...(publishedAt ? { publishedAt } : {}),
              ...(input.language !== undefined ? { language: input.language } : {}),
              text: input.text,
              contentHash,
            },
            select: articleFacts,
          })
          await replaceArticleQuotes(tx, updated, quotes, true)
          await tx.auditEvent.create({
            data: {
              actor,
              action: 'article.revised',
              entityType: 'article',
              entityId: existing.id,
              details: { url, contentHash },
            },
          })
          const row = await tx.article.findUniqueOrThrow({ where: { id: existing.id }, include: summaryInclude })
          return { ...toSummary(row), status: 'revised' as const }
        }
        const publisher = outlet ?? (await resolveOutlet(tx, input.outlet))
        const article = await insertArticle(tx, {
          ...input,
          url,
          contentHash,
          publishedAt,
          outletId: publisher.id,
          actor,
        })
        if (article === null) throw new LostRace()
        await replaceArticleQuotes(tx, article, quotes, false)
        // Everything the resource shows is known here: no need to read the article back.
        return {
          ...toSummary({ ...article, outlet: publisher, _count: { revisions: 1, quotes: quotes.length } }),
          status: 'created' as const,
        }
      }, TRANSACTION_OPTIONS)
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue
      throw error
    }
  }
}

/** The article stored at a URL, if any, and the outlet named, if known: the facts an ingest starts from. */
async function lookUpArticle(
  tx: Transaction,
  url: string,
  outlet: IngestArticleInput['outlet'],
): Promise<{ existing: { id: string; contentHash: string } | null; outlet: OutletRef | null }> {
  const outletMatch = outlet.domain
    ? Prisma.sql`o.domain = ${outletDomain(outlet.domain)}`
    : Prisma.sql`lower(o.name) = lower(${outlet.name.trim()})`
  const [row] = await tx.$queryRaw<
    Array<{ existing: { id: string; contentHash: string } | null; outlet: OutletRef | null }>
  >`
    SELECT
      (SELECT json_build_object('id', a.id, 'contentHash', a.content_hash) FROM article a WHERE a.url = ${url}) AS existing,
      (SELECT json_build_object('id', o.id, 'name', o.name, 'domain', o.domain) FROM outlet o WHERE ${outletMatch}
        ORDER BY o.id LIMIT 1) AS outlet`
  return row!
}

interface NewArticle {
  url: string
  outletId: string
  title?: string | undefined
  author?: string | undefined
  publishedAt: Date | null
  language?: string | undefined
  text: string
  contentHash: string
  actor: string
}

interface InsertedArticle extends ArticleFacts {
  title: string | null
  author: string | null
  language: string | null
  contentHash: string
  updatedAt: Date
}

/**
 * Stores a new article with its first revision and the audit record, in one statement; null when
 * another ingest stored the URL first (the caller starts over and finds it).
 */
async function insertArticle(tx: Transaction, article: NewArticle): Promise<InsertedArticle | null> {
  const [row] = await tx.$queryRaw<InsertedArticle[]>`
    WITH stored AS (
      INSERT INTO article (outlet_id, url, title, author, published_at, language, text, content_hash)
      VALUES (${article.outletId}::uuid, ${article.url}, ${article.title ?? null}, ${article.author ?? null},
        ${article.publishedAt}::timestamptz, ${article.language ?? null}, ${article.text}, ${article.contentHash})
      ON CONFLICT (url) DO NOTHING
      RETURNING *
    ), revision AS (
      INSERT INTO article_revision (article_id, text, content_hash, title)
      SELECT id, text, content_hash, title FROM stored
    ), audit AS (
      INSERT INTO audit_event (actor, action, entity_type, entity_id, details)
      SELECT ${article.actor}, 'article.created', 'article', id::text,
        json_build_object('url', url, 'contentHash', content_hash)::jsonb FROM stored
    )
    SELECT id, url, text, title, author, language, content_hash AS "contentHash", published_at AS "publishedAt",
      created_at AS "createdAt", updated_at AS "updatedAt" FROM stored`
  return row ?? null
}

/** Another ingest stored the same URL while this one ran: this transaction starts over. */
class LostRace extends Error {}

export async function listArticles(
  prisma: PrismaClient,
  query: ListArticlesInput,
): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
  const window = timeWindow(query.from, query.to)
  const where: Prisma.ArticleWhereInput = {
    ...afterCursor(query.cursor),
    ...(query.outlet ? { outlet: outletWhere(query.outlet) } : {}),
    ...(window ? { publishedAt: window } : {}),
  }
  const rows = await prisma.article.findMany({
    where,
    orderBy: { id: 'desc' },
    take: query.limit + 1,
    include: summaryInclude,
  })
  return toPage(rows, query.limit, toSummary)
}

export async function getArticle(prisma: PrismaClient, id: string): Promise<ArticleResource> {
  const row = await prisma.article.findUnique({ where: { id }, include: summaryInclude })
  if (!row) throw notFound('article', id)
  return { ...toSummary(row), text: row.text }
}

export async function listArticleQuotes(prisma: PrismaClient, id: string): Promise<{ items: QuoteResource[] }> {
  const article = await prisma.article.findUnique({
    where: { id },
    select: {
      quotes: {
        orderBy: { position: 'asc' },
        include: {
          speaker: { select: { id: true, name: true } },
          misattributions: {
            orderBy: { claimId: 'asc' },
            take: 1,
            select: { claim: { select: { id: true, speaker: { select: { id: true, name: true } } } } },
          },
        },
      },
    },
  })
  if (!article) throw notFound('article', id)
  return {
    items: article.quotes.map((quote) => ({
      id: quote.id,
      text: quote.text,
      spans: quote.spans as Array<[number, number]>,
      kind: quote.kind,
      speaker: quote.speaker,
      speakerMention:
        quote.speakerMentionText !== null && quote.speakerMentionStart !== null && quote.speakerMentionEnd !== null
          ? { text: quote.speakerMentionText, span: [quote.speakerMentionStart, quote.speakerMentionEnd] }
          : null,
      cue:
        quote.cue !== null
          ? {
              text: quote.cue,
              span: quote.cueStart !== null && quote.cueEnd !== null ? [quote.cueStart, quote.cueEnd] : null,
            }
          : null,
      via: quote.via,
      confidence: quote.confidence,
      claimId: quote.claimId,
      label: quote.label,
      fidelity: quote.fidelity,
      misattribution: quote.misattributions[0]
        ? { claimId: quote.misattributions[0].claim.id, speaker: quote.misattributions[0].claim.speaker }
        : null,
    })),
  }
}
