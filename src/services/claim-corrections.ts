import type { Database, SqlTransaction } from '../db/database.js'
import {
  ClaimCorrectionError,
  planMerge,
  planMove,
  planSplit,
  type CorrectedClaim,
  type Placement,
  type PlacementPlan,
} from '../domain/claims/index.js'
import { matchingWords } from '../domain/wording/index.js'
import { Prisma } from '../generated/prisma/client.js'
import { HttpProblem, notFound } from '../http/problem.js'
import { retried } from './articles.js'
import { recordAuditEvent, type Editor } from './audit.js'
import { lockSpeakerClaims, regroupClaims, type CreatedClaim, type StoredQuote } from './claim-grouping.js'
import { retiredClaimIn } from './claims.js'
import { inferSpeakers } from './unattributed.js'

/**
 * Editors' corrections of claims: merging two, moving a rendering to another, splitting renderings out
 * into a claim of their own. Each is planned as placements (src/domain/claims/claim-corrections.ts),
 * stored as facts about quotes by article, words and occurrence (claim_placement), and applied by
 * regrouping the quotes placed, as a change of their placements: the grouping keeps placements
 * whatever arrives later (re-posts, revisions, later articles, concurrent ingests), and ids follow the
 * claim-identity rules (a claim merged away redirects to the survivor). The story of each: lock the
 * speaker's claims, load the claims named, plan, write the placements, regroup, audit; after the
 * commit, misattributions are flagged and unnamed quotes look for claims, as after an ingest.
 */

/** A claim member with what naming it as a fact, and regrouping it, takes. */
interface MemberRow {
  id: string
  speakerId: string
  text: string
  spans: Array<[number, number]>
  articleId: string
  orderKey: string
  publishedAt: Date | null
  ingestedAt: Date
  seedId: string
  occurrence: number
  placementWith: string | null
  placementFounds: boolean | null
  placementCarries: boolean | null
}

interface LoadedClaim extends CorrectedClaim {
  id: string
  speakerId: string
  rows: Map<string, MemberRow>
}

const claimLocation = (id: string) => `/v1/claims/${id}`

/**
 * The claims as they are under their speakers' locks, taken at once and in one order (a correction
 * naming claims of two speakers cannot deadlock with another naming them the other way round); 308,
 * 410 or 404 where an id names no claim now.
 */
async function loadClaims(sql: SqlTransaction, claimIds: readonly string[]): Promise<LoadedClaim[]> {
  const speakers = await sql.query<{ speaker_id: string }>(Prisma.sql`
    SELECT DISTINCT speaker_id FROM claim WHERE id = ANY(${[...claimIds]}::uuid[])`)
  await lockSpeakerClaims(
    sql,
    speakers.map((row) => row.speaker_id),
  )
  // Read under the locks: a regrouping that held them may have merged a claim away meanwhile.
  return Promise.all(claimIds.map((id) => loadClaim(sql, id)))
}

async function loadClaim(sql: SqlTransaction, claimId: string): Promise<LoadedClaim> {
  const [claim] = await sql.query<{ speaker_id: string }>(Prisma.sql`
    SELECT speaker_id FROM claim WHERE id = ${claimId}::uuid`)
  if (claim === undefined) throw await retiredClaimIn(sql, claimId, claimLocation)
  const rows = await sql.query<MemberRow>(Prisma.sql`
    SELECT q.id, q.speaker_id AS "speakerId", q.text, q.spans, q.article_id AS "articleId", q.order_key AS "orderKey",
      a.published_at AS "publishedAt", a.created_at AS "ingestedAt", c.seed_quote_id AS "seedId", q.occurrence,
      t.id AS "placementWith", p.with_article_id IS NULL AS "placementFounds", p.carries AS "placementCarries"
    FROM quote q JOIN article a ON a.id = q.article_id JOIN claim c ON c.id = q.claim_id
      LEFT JOIN claim_placement p ON p.article_id = q.article_id AND p.text = q.text AND p.occurrence = q.occurrence
      LEFT JOIN quote t ON t.article_id = p.with_article_id AND t.text = p.with_text AND t.occurrence = p.with_occurrence
    WHERE q.claim_id = ${claimId}::uuid`)
  return {
    id: claimId,
    speakerId: claim.speaker_id,
    seedId: rows[0]!.seedId,
    members: rows.map((row) => ({
      id: row.id,
      orderKey: row.orderKey,
      tokens: matchingWords(row.text),
      placement: placementOf(row) ?? undefined,
    })),
    rows: new Map(rows.map((row) => [row.id, row])),
  }
}

/** The placement a member has now; null for none. */
function placementOf(row: MemberRow): Placement | null {
  if (row.placementFounds === null) return null
  // A dormant placement (its target not stored) names no quote: its own id stands for the missing one.
  return {
    with: row.placementFounds ? null : (row.placementWith ?? `dormant:${row.id}`),
    carries: row.placementCarries!,
  }
}

/**
 * Writes a plan's placements and regroups the quotes they name, each moving from its claim as it was
 * (its former placement) to wherever its new placement takes it.
 */
async function applyPlan(
  sql: SqlTransaction,
  plan: PlacementPlan,
  members: ReadonlyMap<string, MemberRow>,
  who: Editor,
): Promise<CreatedClaim[]> {
  const entries = [...plan].map(([id, placement]) => {
    const quote = members.get(id)!
    const target = placement.with === null ? null : members.get(placement.with)!
    return { quote, target, carries: placement.carries }
  })
  await sql.query(Prisma.sql`
    INSERT INTO claim_placement (article_id, text, occurrence, with_article_id, with_text, with_occurrence, carries, actor)
    SELECT * FROM unnest(${entries.map((e) => e.quote.articleId)}::uuid[], ${entries.map((e) => e.quote.text)}::text[],
      ${entries.map((e) => e.quote.occurrence)}::int[], ${entries.map((e) => e.target?.articleId ?? null)}::uuid[],
      ${entries.map((e) => e.target?.text ?? null)}::text[], ${entries.map((e) => e.target?.occurrence ?? null)}::int[],
      ${entries.map((e) => e.carries)}::boolean[], ${entries.map(() => who.actor)}::text[])
    ON CONFLICT (article_id, text_hash, occurrence) DO UPDATE SET with_article_id = EXCLUDED.with_article_id,
      with_text = EXCLUDED.with_text, with_occurrence = EXCLUDED.with_occurrence, carries = EXCLUDED.carries,
      actor = EXCLUDED.actor, created_at = CURRENT_TIMESTAMP`)
  const stored = (row: MemberRow): StoredQuote => ({
    id: row.id,
    speakerId: row.speakerId,
    text: row.text,
    spans: row.spans,
    articleId: row.articleId,
    orderKey: row.orderKey,
    publishedAt: row.publishedAt,
    ingestedAt: row.ingestedAt,
    seedId: row.seedId,
  })
  const placed = entries.map(({ quote }) => quote)
  return regroupClaims(
    sql,
    placed.map((row) => ({ ...stored(row), seedId: null })),
    placed.map((row) => ({ ...stored(row), placement: placementOf(row) })),
  )
}

/** The claim that holds a quote now. */
async function claimOf(sql: SqlTransaction, quoteId: string): Promise<string> {
  const [row] = await sql.query<{ claim_id: string }>(
    Prisma.sql`SELECT claim_id FROM quote WHERE id = ${quoteId}::uuid`,
  )
  return row!.claim_id
}

/** A plan, or the conflict that keeps it from being made, named at the request's `field`. */
function planned(plan: () => PlacementPlan, field: string): PlacementPlan {
  try {
    return plan()
  } catch (error) {
    throw error instanceof ClaimCorrectionError
      ? new HttpProblem('conflict', error.message, [{ in: 'body', field, message: error.message }])
      : error
  }
}

function sameSpeaker(x: LoadedClaim, y: LoadedClaim, field: string): void {
  if (x.speakerId === y.speakerId) return
  const message = `the claims are of two speakers (${x.speakerId}, ${y.speakerId}): correct the speaker of the quotes first`
  throw new HttpProblem('conflict', message, [{ in: 'body', field, message: 'is another speaker’s claim' }])
}

/** Runs a correction in one transaction (retried when it loses a race), then settles it as an ingest is. */
async function corrected<T>(
  db: Pick<Database, 'transaction'>,
  work: (sql: SqlTransaction) => Promise<{ result: T; claims: CreatedClaim[] }>,
): Promise<T> {
  const { result, claims } = await retried(() => db.transaction(work))
  await retried(() => db.transaction((sql) => inferSpeakers(sql, { claims, quotes: [] })))
  return result
}

/** What a correction did: the claim that holds the renderings it was about, and the ids that went. */
export interface ClaimCorrectionResult {
  claimId: string
}

/** Two claims of one speaker become one; the one printed first keeps its id, the other redirects to it. */
export async function mergeClaims(
  db: Pick<Database, 'transaction'>,
  claimId: string,
  otherId: string,
  who: Editor,
): Promise<ClaimCorrectionResult> {
  return corrected(db, async (sql) => {
    const [claim, other] = (await loadClaims(sql, [claimId, otherId])) as [LoadedClaim, LoadedClaim]
    sameSpeaker(claim, other, '/claimId')
    const plan = planned(() => planMerge(claim, other), '/claimId')
    const claims = await applyPlan(sql, plan, new Map([...claim.rows, ...other.rows]), who)
    const survivor = await claimOf(sql, claim.seedId)
    await recordAuditEvent(sql, {
      actor: who.actor,
      action: 'claim.merged',
      entityType: 'claim',
      entityId: survivor,
      before: { claims: [claimId, otherId] },
      after: { claimId: survivor },
      reason: who.reason,
      details: null,
    })
    return { result: { claimId: survivor }, claims }
  })
}

/** One rendering leaves its claim for another claim of its speaker. */
export async function moveRendering(
  db: Pick<Database, 'transaction'>,
  claimId: string,
  quoteId: string,
  who: Editor,
): Promise<ClaimCorrectionResult> {
  return corrected(db, async (sql) => {
    const [quote] = await sql.query<{ claim_id: string | null }>(Prisma.sql`
      SELECT claim_id FROM quote WHERE id = ${quoteId}::uuid`)
    if (quote === undefined) throw notFound('quote', quoteId)
    if (quote.claim_id === null) {
      throw new HttpProblem('conflict', 'the quote is in no claim: give it a speaker first', [
        { in: 'body', field: '/quoteId', message: 'has no speaker' },
      ])
    }
    const [target, from] = (await loadClaims(sql, [claimId, quote.claim_id])) as [LoadedClaim, LoadedClaim]
    sameSpeaker(target, from, '/quoteId')
    // A quote regrouped between the first read and the lock is no longer in `from`: planMove refuses it.
    const plan = planned(() => planMove(quoteId, from, target), '/quoteId')
    const claims = await applyPlan(sql, plan, new Map([...from.rows, ...target.rows]), who)
    const now = await claimOf(sql, quoteId)
    await recordAuditEvent(sql, {
      actor: who.actor,
      action: 'claim.rendering-moved',
      entityType: 'claim',
      entityId: now,
      before: { claimId: from.id },
      after: { claimId: now },
      reason: who.reason,
      details: { quoteId },
    })
    return { result: { claimId: now }, claims }
  })
}

/** Renderings leave their claim for a claim of their own. */
export async function splitClaim(
  db: Pick<Database, 'transaction'>,
  claimId: string,
  quoteIds: readonly string[],
  who: Editor,
): Promise<ClaimCorrectionResult & { remainingClaimId: string }> {
  return corrected(db, async (sql) => {
    const [claim] = (await loadClaims(sql, [claimId])) as [LoadedClaim]
    const strangers = quoteIds.filter((id) => !claim.rows.has(id))
    if (strangers.length > 0) {
      const message = `not renderings of claim ${claimId}: ${strangers.join(', ')}`
      throw new HttpProblem('conflict', message, [{ in: 'body', field: '/quoteIds', message }])
    }
    const plan = planned(() => planSplit(claim, new Set(quoteIds)), '/quoteIds')
    const claims = await applyPlan(sql, plan, claim.rows, who)
    const split = await claimOf(sql, quoteIds[0]!)
    const remaining = await claimOf(sql, claim.members.find((member) => !quoteIds.includes(member.id))!.id)
    await recordAuditEvent(sql, {
      actor: who.actor,
      action: 'claim.split',
      entityType: 'claim',
      entityId: claimId,
      before: { claimId },
      after: { claimIds: [remaining, split] },
      reason: who.reason,
      details: { quoteIds },
    })
    return { result: { claimId: split, remainingClaimId: remaining }, claims }
  })
}
