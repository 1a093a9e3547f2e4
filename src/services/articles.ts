import { createHash } from 'node:crypto'
import { canonicalUrl, InvalidUrlError } from '../domain/canonical-url.js'
import { extractQuotes, type ExtractedQuote } from '../domain/extraction/index.js'
import { readArticlePage, type PageReading } from '../domain/html/article-page.js'
import type { HtmlArticle } from '../domain/html/read-article-html.js'
import { printedPieces } from '../domain/claims/index.js'
import type { Database, SqlTransaction } from '../db/database.js'
import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { isTransactionConflict } from '../http/database-errors.js'
import { articleDeleted, badRequest, HttpProblem, notFound } from '../http/problem.js'
import {
  MAX_TEXT_LENGTH,
  QUOTE_PAGE_SIZE,
  type ArticleQuotesInput,
  type IngestArticleInput,
  type ListArticlesInput,
} from '../schemas/articles.js'
import type { ArticleResource, ArticleSummary, IngestResult, QuoteResource } from '../schemas/resources.js'
import { afterCursor, decodeCursor, invalidCursor, pageLimit, toPage } from './pagination.js'
import { isStorableDateTime } from '../schemas/date-time.js'
import { outletDomain, outletWhere, timeWindow } from './query-filters.js'
import { speakerInference } from './office-holders.js'
import { replaceArticleQuotes, type ArticleFacts, type ReplacedQuotes } from './quotes.js'
import { inferSpeakers } from './unattributed.js'
import { recordArticleEvents } from './webhook-events.js'

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

const summaryInclude = {
  outlet: { select: { id: true, name: true, domain: true } },
  _count: { select: { revisions: true, quotes: true } },
} satisfies Prisma.ArticleInclude

type ArticleRow = Prisma.ArticleGetPayload<{ include: typeof summaryInclude }>

/** What an article summary is made of, as the ORM or a raw statement reads it. */
type SummaryRow = Omit<ArticleRow, 'outletId' | 'text'>

export function toSummary(row: SummaryRow): ArticleSummary {
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

type OutletRef = ArticleSummary['outlet']

const MAX_ATTEMPTS = 5

const isRetryable = (error: unknown): boolean => error instanceof LostRace || isTransactionConflict(error)

/**
 * Stores an article, idempotently by canonical URL: the same text again changes nothing, a changed text
 * becomes a new revision (the old one is kept). Two requests racing to create the same article or
 * outlet both succeed: the loser of the unique-index race retries and finds the winner's row.
 *
 * The whole ingest is one transaction on the driver (Database.transaction): readers see an article
 * with its quotes and claims, or neither.
 */
/** Where an ingest reports what went wrong after its article was stored. */
export interface IngestLog {
  warn(details: object, message: string): void
}

export interface IngestOptions {
  /** how quotations are found: in the app, on its worker pool (src/plugins/extraction.ts) */
  extract?: (text: string) => Promise<ExtractedQuote[]> | ExtractedQuote[]
  /** how a page given as `html` is read: in the app, on the same worker pool */
  readPage?: (html: string, baseUrl: string | undefined, maxTextLength: number) => Promise<PageReading> | PageReading
  /** where an ingest reports what went wrong after its article was stored */
  log?: IngestLog
}

export async function ingestArticle(
  db: Pick<Database, 'transaction'>,
  input: IngestArticleInput,
  actor: string,
  { extract = extractQuotes, readPage = readArticlePage, log }: IngestOptions = {},
): Promise<IngestResult> {
  const givenUrl = input.url === undefined ? undefined : storedUrl(input.url, true)
  // Extraction (and reading a page) is pure CPU work: done before the transaction so it stays short.
  const { article: given, quotes } =
    input.text !== undefined
      ? { article: input as ArticleFields, quotes: await extract(input.text) }
      : await readHtmlInput(input, givenUrl, readPage)
  const url = givenUrl ?? storedUrl(given.url, false)
  const contentHash = sha256(given.text)
  const publishedAt = given.publishedAt ? new Date(given.publishedAt) : null
  const text = { ...given, url, contentHash, publishedAt, actor }

  let changed: ReplacedQuotes = { claims: [], offices: [] }
  const result = await retried(() =>
    db.transaction(async (sql) => {
      changed = { claims: [], offices: [] }
      const { existing, outlet } = await lookUpArticle(sql, url, given.outlet)
      if (existing && existing.contentHash === contentHash) {
        return { ...toSummary(await readSummary(sql, existing.id)), status: 'unchanged' as const }
      }
      if (existing) {
        changed = await replaceArticleQuotes(sql, await reviseArticle(sql, existing.id, text), quotes, true)
        await recordArticleEvents(sql, existing.id)
        return { ...toSummary(await readSummary(sql, existing.id)), status: 'revised' as const }
      }
      const publisher = outlet ?? (await createOutlet(sql, given.outlet))
      const article = publisher && (await insertArticle(sql, { ...text, outletId: publisher.id }))
      if (!publisher || !article) throw new LostRace()
      changed = await replaceArticleQuotes(sql, article, quotes, false)
      await recordArticleEvents(sql, article.id)
      // Everything the resource shows is known here: no need to read the article back.
      return {
        ...toSummary({ ...article, outlet: publisher, _count: { revisions: 1, quotes: quotes.length } }),
        status: 'created' as const,
      }
    }),
  )
  // After the commit, so that of two concurrent ingests the second sees the first's quotes and claims
  // (unattributed.ts). The article is stored whatever happens here, and the answer says so: an error
  // now is logged, and re-posting the article (unchanged) runs this again.
  try {
    await retried(() => db.transaction((sql) => inferSpeakers(sql, { articleId: result.id, ...changed })))
  } catch (error) {
    log?.warn({ err: error, articleId: result.id }, 'speakers of unnamed quotes not inferred; re-post to retry')
  }
  return result
}

/** An article as it is stored: a text, an address and a publisher, whether posted so or read from a page. */
type ArticleFields = Omit<IngestArticleInput, 'html' | 'text' | 'url' | 'outlet'> & {
  text: string
  url: string
  outlet: NonNullable<IngestArticleInput['outlet']>
}

/**
 * An address in its stored form (src/domain/canonical-url.ts). A bad address the caller gave is a 400
 * naming /url; the schema guarantees one comes with a text, so a bad one here was read from a page.
 */
function storedUrl(url: string, given: boolean): string {
  try {
    return canonicalUrl(url)
  } catch (error) {
    if (!(error instanceof InvalidUrlError)) throw error
    const message = given ? error.message : `url is required: the page's own address cannot be used (${error.message})`
    throw badRequest('validation', message, [{ in: 'body', field: '/url', message }])
  }
}

/**
 * The article of a page posted as `html`, with its quotations. What the caller gave wins over what the
 * page says; the page fills in the rest: its canonical address, its site as the outlet (on the address's
 * domain), its title, byline and publication time.
 */
async function readHtmlInput(
  input: IngestArticleInput,
  givenUrl: string | undefined,
  readPage: NonNullable<IngestOptions['readPage']>,
): Promise<{ article: ArticleFields; quotes: ExtractedQuote[] }> {
  const reading = await readPage(input.html!, givenUrl, MAX_TEXT_LENGTH)
  if ('unreadable' in reading) throw new HttpProblem('unreadable-html', reading.unreadable)
  const page = reading.article
  const url = input.url ?? page.canonicalUrl
  if (url === null) {
    const message = 'is required: the page names no canonical address of its own'
    throw badRequest('validation', `url ${message}`, [{ in: 'body', field: '/url', message }])
  }
  const { html: _html, ...given } = input
  const publishedAt = input.publishedAt ?? pagePublishedAt(page.publishedTime)
  return {
    article: {
      ...given,
      url,
      outlet: input.outlet ?? pageOutlet(page, storedUrl(url, input.url !== undefined)),
      text: page.text,
      ...(given.title || !page.title ? {} : { title: page.title.slice(0, 1000) }),
      ...(given.author || !page.byline ? {} : { author: page.byline.slice(0, 500) }),
      ...(publishedAt ? { publishedAt } : {}),
    },
    quotes: reading.quotes,
  }
}

// A domain as the ArticleInput schema takes one: a host name with a dot, no IP address port or IPv6.
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/

/** The publisher a page names: its site name, else its host, on its address's domain. */
function pageOutlet(page: HtmlArticle, url: string): ArticleFields['outlet'] {
  const host = url.startsWith('urn:') ? null : new URL(url).hostname
  const domain = host !== null && DOMAIN.test(host) ? outletDomain(host) : undefined
  const name = page.siteName ?? domain
  if (name === undefined) {
    const message = 'is required: the page names no site and its address no domain'
    throw badRequest('validation', `outlet ${message}`, [{ in: 'body', field: '/outlet', message }])
  }
  return { name: name.slice(0, 200), ...(domain ? { domain } : {}) }
}

/**
 * A page's publication time as the API stores dates; a time it gives in another form (a bare date,
 * no zone) read as JavaScript reads it; none when it cannot be stored.
 */
function pagePublishedAt(value: string | null): string | undefined {
  if (value === null || isStorableDateTime(value)) return value ?? undefined
  const instant = new Date(value)
  const iso = Number.isNaN(instant.getTime()) ? '' : instant.toISOString()
  return isStorableDateTime(iso) ? iso : undefined
}

/** Runs a transaction again when it lost a race with another (up to MAX_ATTEMPTS times in all). */
export async function retried<T>(run: () => Promise<T>, attempt = 1): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error
    return retried(run, attempt + 1)
  }
}

/** Another ingest stored the same URL or outlet while this one ran: this transaction starts over. */
class LostRace extends Error {}

/** The article stored at a URL, if any, and the outlet named, if known: the facts an ingest starts from. */
async function lookUpArticle(
  sql: SqlTransaction,
  url: string,
  outlet: ArticleFields['outlet'],
): Promise<{ existing: { id: string; contentHash: string } | null; outlet: OutletRef | null }> {
  const outletMatch = outlet.domain
    ? Prisma.sql`o.domain = ${outletDomain(outlet.domain)}`
    : Prisma.sql`lower(o.name) = lower(${outlet.name.trim()})`
  const [row] = await sql.query<{ existing: { id: string; contentHash: string } | null; outlet: OutletRef | null }>(
    Prisma.sql`
      SELECT
        (SELECT json_build_object('id', a.id, 'contentHash', a.content_hash) FROM article a WHERE a.url = ${url})
          AS existing,
        (SELECT json_build_object('id', o.id, 'name', o.name, 'domain', o.domain) FROM outlet o WHERE ${outletMatch}
          ORDER BY o.id LIMIT 1) AS outlet`,
  )
  return row!
}

/** A new outlet; null when another ingest created it first. */
async function createOutlet(sql: SqlTransaction, outlet: ArticleFields['outlet']): Promise<OutletRef | null> {
  const [row] = await sql.query<OutletRef>(Prisma.sql`
    INSERT INTO outlet (name, domain, kind)
    VALUES (${outlet.name.trim()}, ${outlet.domain ? outletDomain(outlet.domain) : null}, ${outlet.kind ?? 'unknown'}::"OutletKind")
    ON CONFLICT DO NOTHING
    RETURNING id, name, domain`)
  return row ?? null
}

interface ArticleText {
  url: string
  title?: string | undefined
  author?: string | undefined
  publishedAt: Date | null
  language?: string | undefined
  text: string
  contentHash: string
  actor: string
}

/** The audit record of a write to the article returned by the statement's CTE `source`. */
const auditOf = (source: string, text: ArticleText, action: 'article.created' | 'article.revised') => Prisma.sql`
  INSERT INTO audit_event (actor, action, entity_type, entity_id, details)
  SELECT ${text.actor}, ${action}, 'article', id::text, json_build_object('url', url, 'contentHash', content_hash)::jsonb
  FROM ${Prisma.raw(source)}`

const FACT_COLUMNS = Prisma.sql`id, url, text, published_at AS "publishedAt", created_at AS "createdAt"`

/** A row of the article table as the API and the quote replacement need it. */
type StoredArticle = Omit<SummaryRow, 'outlet' | '_count'> & ArticleFacts

/**
 * Stores a new article with its first revision and the audit record, in one statement; null when
 * another ingest stored the URL first (the caller starts over and finds it).
 */
async function insertArticle(
  sql: SqlTransaction,
  article: ArticleText & { outletId: string },
): Promise<StoredArticle | null> {
  const [row] = await sql.query<StoredArticle>(
    Prisma.sql`
    WITH stored AS (
      INSERT INTO article (outlet_id, url, title, author, published_at, language, text, content_hash)
      VALUES (${article.outletId}::uuid, ${article.url}, ${article.title ?? null}, ${article.author ?? null},
        ${article.publishedAt}::timestamptz, ${article.language ?? null}, ${article.text}, ${article.contentHash})
      ON CONFLICT (url) DO NOTHING
      RETURNING *
    ), revision AS (
      INSERT INTO article_revision (article_id, text, content_hash, title) SELECT id, text, content_hash, title FROM stored
    ), audit AS (${auditOf('stored', article, 'article.created')})
    SELECT ${FACT_COLUMNS}, title, author, language, content_hash AS "contentHash", updated_at AS "updatedAt"
    FROM stored`,
    { prepared: true },
  )
  return row ?? null
}

/**
 * Makes a new text the article's current one, keeping it as a revision (the earlier ones stay), with
 * the audit record. Metadata not given keeps its stored value.
 */
async function reviseArticle(sql: SqlTransaction, id: string, text: ArticleText): Promise<ArticleFacts> {
  const [row] = await sql.query<ArticleFacts>(Prisma.sql`
    WITH revision AS (
      INSERT INTO article_revision (article_id, text, content_hash, title)
      VALUES (${id}::uuid, ${text.text}, ${text.contentHash}, ${text.title ?? null})
      ON CONFLICT (article_id, content_hash) DO NOTHING
    ), revised AS (
      UPDATE article SET text = ${text.text}, content_hash = ${text.contentHash},
        title = COALESCE(${text.title ?? null}, title), author = COALESCE(${text.author ?? null}, author),
        published_at = COALESCE(${text.publishedAt}::timestamptz, published_at),
        language = COALESCE(${text.language ?? null}, language), updated_at = CURRENT_TIMESTAMP
      WHERE id = ${id}::uuid
      RETURNING *
    ), audit AS (${auditOf('revised', text, 'article.revised')})
    SELECT ${FACT_COLUMNS} FROM revised`)
  return row!
}

/** The article as the API shows it, read inside the ingest transaction. */
export async function readSummary(sql: SqlTransaction, id: string): Promise<SummaryRow> {
  const [row] = await sql.query<SummaryRow>(Prisma.sql`
    SELECT a.id, a.url, a.title, a.author, a.published_at AS "publishedAt", a.language, a.content_hash AS "contentHash",
      a.created_at AS "createdAt", a.updated_at AS "updatedAt",
      json_build_object('id', o.id, 'name', o.name, 'domain', o.domain) AS outlet,
      json_build_object(
        'revisions', (SELECT count(*) FROM article_revision r WHERE r.article_id = a.id),
        'quotes', (SELECT count(*) FROM quote q WHERE q.article_id = a.id)) AS _count
    FROM article a JOIN outlet o ON o.id = a.outlet_id WHERE a.id = ${id}::uuid`)
  return row!
}

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
  const limit = pageLimit(query.limit)
  const rows = await prisma.article.findMany({
    where,
    orderBy: { id: 'desc' },
    take: limit + 1,
    include: summaryInclude,
  })
  return toPage(rows, limit, toSummary)
}

/** Why an article id names no article: an editor deleted it (410, for good), or it never did (404). */
export async function missingArticle(prisma: Pick<PrismaClient, 'articleDeletion'>, id: string): Promise<HttpProblem> {
  const deletion = await prisma.articleDeletion.findUnique({ where: { articleId: id } })
  return deletion ? articleDeleted(id, deletion.deletedAt, deletion.reason) : notFound('article', id)
}

export async function getArticle(prisma: PrismaClient, id: string): Promise<ArticleResource> {
  const row = await prisma.article.findUnique({ where: { id }, include: summaryInclude })
  if (!row) throw await missingArticle(prisma, id)
  return { ...toSummary(row), text: row.text }
}

/**
 * The quotes of an article in order, a page at a time: an article can hold tens of thousands, more
 * than one statement can take parameters for when their speakers and misattributions are read.
 */
export async function listArticleQuotes(
  prisma: PrismaClient,
  id: string,
  query: ArticleQuotesInput,
): Promise<{ items: QuoteResource[]; nextCursor: string | null }> {
  const cursor = decodeCursor(query.cursor)
  const [article, after] = await Promise.all([
    prisma.article.findUnique({ where: { id }, select: { id: true } }),
    cursor ? prisma.quote.findFirst({ where: { id: cursor, articleId: id }, select: { position: true } }) : null,
  ])
  if (!article) throw await missingArticle(prisma, id)
  // A cursor names the last quote of the page before; one of another article's, or of a text since
  // revised, names no place in this list.
  if (cursor && !after) throw invalidCursor()
  const limit = pageLimit(query.limit, QUOTE_PAGE_SIZE)
  const rows = await prisma.quote.findMany({
    where: { articleId: id, ...(after ? { position: { gt: after.position } } : {}) },
    orderBy: { position: 'asc' },
    take: limit + 1,
    include: {
      speaker: { select: { id: true, name: true } },
      misattributions: {
        orderBy: { claimId: 'asc' },
        take: 1,
        select: { claim: { select: { id: true, speaker: { select: { id: true, name: true } } } } },
      },
    },
  })
  return toPage(rows, limit, (quote) => ({
    id: quote.id,
    text: quote.text,
    spans: quote.spans as Array<[number, number]>,
    pieces: printedPieces(quote.text, quote.spans as Array<[number, number]>),
    kind: quote.kind,
    speaker: quote.speaker,
    speakerInferred: quote.speakerInferred,
    speakerInferredBy: speakerInference(quote.speakerInferred, quote.speakerByOffice),
    speakerCorrected: quote.speakerCorrected,
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
    coverage: quote.coverage,
    misattribution: quote.misattributions[0]
      ? { claimId: quote.misattributions[0].claim.id, speaker: quote.misattributions[0].claim.speaker }
      : null,
  }))
}
