import type { Database, SqlTransaction } from '../db/database.js'
import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { notFound } from '../http/problem.js'
import { missingArticle, retried } from './articles.js'
import { recordAuditEvent, type Editor } from './audit.js'
import {
  lockArticle,
  replaceArticleQuotes,
  speakerForName,
  type ArticleFacts,
  type ExtractQuotes,
  type ReplacedQuotes,
} from './quotes.js'
import { inferSpeakers } from './unattributed.js'

/**
 * Editors' corrections of quotes. A correction is stored as a fact about the article (its words, which
 * occurrence of them) and then the article's quotes are written again from its stored text through the
 * ingestion's own path (replaceArticleQuotes), which applies every correction of the article: so a
 * correction holds exactly as it will when the article is re-posted, revised or joined by later
 * articles, and the claims it touches are regrouped as an ingest regroups them. Writing the quotes
 * again gives them new ids, as a revision does.
 */

export type QuoteChange =
  { speaker: { id: string } | { name: string; kind: 'person' | 'organisation' } } | { notQuotation: true }

export interface CorrectionResource {
  id: string
  articleId: string
  text: string
  occurrence: number
  speaker: { id: string; name: string } | null
  notQuotation: boolean
  actor: string
  reason: string | null
  createdAt: string
}

export interface CorrectionResult {
  correction: CorrectionResource
  /** the quote as it is now stored (a new id); null when it was declared no quotation */
  quoteId: string | null
}

interface CorrectionRow {
  id: string
  articleId: string
  text: string
  occurrence: number
  speakerId: string | null
  speakerName: string | null
  notQuotation: boolean
  actor: string
  reason: string | null
  createdAt: Date
}

const CORRECTION_COLUMNS = Prisma.sql`c.id, c.article_id AS "articleId", c.text, c.occurrence, c.speaker_id AS "speakerId",
  s.name AS "speakerName", c.not_quotation AS "notQuotation", c.actor, c.reason, c.created_at AS "createdAt"`

const toResource = (row: CorrectionRow): CorrectionResource => ({
  id: row.id,
  articleId: row.articleId,
  text: row.text,
  occurrence: row.occurrence,
  speaker: row.speakerId ? { id: row.speakerId, name: row.speakerName as string } : null,
  notQuotation: row.notQuotation,
  actor: row.actor,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
})

/** Writes the article's quotes again from its stored text, every correction applied. */
async function rewriteQuotes(
  sql: SqlTransaction,
  article: ArticleFacts,
  extract: ExtractQuotes,
): Promise<ReplacedQuotes> {
  return replaceArticleQuotes(sql, article, await extract(article.text), true)
}

/** After the commit, as after an ingest: unnamed quotes look for claims again, misattributions are flagged. */
async function settle(db: Pick<Database, 'transaction'>, articleId: string, changed: ReplacedQuotes): Promise<void> {
  await retried(() => db.transaction((sql) => inferSpeakers(sql, { articleId, ...changed })))
}

async function readCorrection(sql: SqlTransaction, id: string): Promise<CorrectionRow | null> {
  const [row] = await sql.query<CorrectionRow>(Prisma.sql`
    SELECT ${CORRECTION_COLUMNS} FROM quote_correction c LEFT JOIN speaker s ON s.id = c.speaker_id
    WHERE c.id = ${id}::uuid`)
  return row ?? null
}

/** Corrects one quote: gives it a speaker (a known one, or one named), or declares it no quotation. */
export async function correctQuote(
  db: Pick<Database, 'transaction'>,
  quoteId: string,
  change: QuoteChange,
  who: Editor,
  extract: ExtractQuotes,
): Promise<CorrectionResult> {
  let changed: ReplacedQuotes = { claims: [], offices: [] }
  const result = await retried(() =>
    db.transaction(async (sql) => {
      const [quote] = await sql.query<{
        articleId: string
        text: string
        occurrence: number
        speakerId: string | null
      }>(
        Prisma.sql`SELECT article_id AS "articleId", text, occurrence, speaker_id AS "speakerId" FROM quote
          WHERE id = ${quoteId}::uuid`,
      )
      if (!quote) throw notFound('quote', quoteId)
      const article = await lockArticle(sql, quote.articleId)
      // A revision committed between the two reads replaced the quote: it is no longer there to correct.
      const [still] = await sql.query(Prisma.sql`SELECT 1 FROM quote WHERE id = ${quoteId}::uuid`)
      if (!article || !still) throw notFound('quote', quoteId)
      let speakerId: string | null = null
      if ('speaker' in change) {
        if ('id' in change.speaker) {
          const [known] = await sql.query(Prisma.sql`SELECT 1 FROM speaker WHERE id = ${change.speaker.id}::uuid`)
          if (!known) throw notFound('speaker', change.speaker.id)
          speakerId = change.speaker.id
        } else {
          speakerId = await speakerForName(sql, change.speaker.name, change.speaker.kind)
        }
      }
      const [stored] = await sql.query<{ id: string }>(Prisma.sql`
        INSERT INTO quote_correction (article_id, text, occurrence, speaker_id, not_quotation, actor, reason)
        VALUES (${quote.articleId}::uuid, ${quote.text}, ${quote.occurrence}, ${speakerId}::uuid,
          ${speakerId === null}, ${who.actor}, ${who.reason})
        ON CONFLICT (article_id, text_hash, occurrence) DO UPDATE SET speaker_id = EXCLUDED.speaker_id,
          not_quotation = EXCLUDED.not_quotation, actor = EXCLUDED.actor, reason = EXCLUDED.reason,
          created_at = CURRENT_TIMESTAMP
        RETURNING id`)
      const correction = (await readCorrection(sql, stored!.id))!
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: correction.notQuotation ? 'quote.not-quotation' : 'quote.speaker-set',
        entityType: 'quote',
        entityId: quoteId,
        before: { speakerId: quote.speakerId },
        after: correction.notQuotation ? { notQuotation: true } : { speakerId: correction.speakerId },
        reason: who.reason,
        details: { correctionId: correction.id, articleId: quote.articleId, text: quote.text },
      })
      changed = await rewriteQuotes(sql, article, extract)
      const [rewritten] = await sql.query<{ id: string }>(Prisma.sql`SELECT id FROM quote
        WHERE article_id = ${quote.articleId}::uuid AND text = ${quote.text} AND occurrence = ${quote.occurrence}`)
      return { correction: toResource(correction), quoteId: rewritten?.id ?? null }
    }),
  )
  await settle(db, result.correction.articleId, changed)
  return result
}

/** Takes a correction back: the quote is read from the article again as if it had never been made. */
export async function undoCorrection(
  db: Pick<Database, 'transaction'>,
  id: string,
  who: Editor,
  extract: ExtractQuotes,
): Promise<CorrectionResource> {
  let changed: ReplacedQuotes = { claims: [], offices: [] }
  const undone = await retried(() =>
    db.transaction(async (sql) => {
      const found = await readCorrection(sql, id)
      const article = found && (await lockArticle(sql, found.articleId))
      const correction = article && (await readCorrection(sql, id))
      if (!article || !correction) throw notFound('correction', id)
      await sql.query(Prisma.sql`DELETE FROM quote_correction WHERE id = ${id}::uuid`)
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: 'quote-correction.undone',
        entityType: 'quote-correction',
        entityId: id,
        before: toResource(correction),
        after: null,
        reason: who.reason,
        details: { articleId: correction.articleId, text: correction.text },
      })
      changed = await rewriteQuotes(sql, article, extract)
      return toResource(correction)
    }),
  )
  await settle(db, undone.articleId, changed)
  return undone
}

export async function listArticleCorrections(prisma: PrismaClient, articleId: string): Promise<CorrectionResource[]> {
  const article = await prisma.article.findUnique({ where: { id: articleId }, select: { id: true } })
  if (!article) throw await missingArticle(prisma, articleId)
  const rows = await prisma.quoteCorrection.findMany({
    where: { articleId },
    orderBy: { id: 'asc' },
    include: { speaker: { select: { id: true, name: true } } },
  })
  return rows.map((row) => toResource({ ...row, speakerName: row.speaker?.name ?? null, speakerId: row.speakerId }))
}
