import {
  reassign,
  summarizeClaim,
  wordingOverlap,
  type ClusterRendering,
  type SeededRendering,
} from '../domain/claims/index.js'
import { searchKey, tokenizeWording } from '../domain/wording/index.js'
import { Prisma } from '../generated/prisma/client.js'

type Transaction = Prisma.TransactionClient

/**
 * Keeps claims up to date as quotes come and go: the database side of src/domain/claims.
 *
 * A quote joins the claim of its speaker whose founding wording (the claim's seed, its earliest
 * rendering) it overlaps best, taken in an order of facts of the articles; `reassign` works out
 * which quotes that decision changes for, so only the claims touched are recomputed. Candidates
 * come from the database by trigram word similarity, scoped to the speaker; the exact word
 * alignment decides. Speakers are locked for the transaction so concurrent ingests of the same
 * speaker's quotes take turns and see each other's claims.
 */

/**
 * pg_trgm word similarity a candidate needs. The rule it pre-filters for (60% of the shorter
 * wording's words, in order, in the longer) leaves at least that share of the shorter wording's
 * trigrams in one stretch of the longer, less what short words weigh; half that keeps a wide margin,
 * and the alignment that follows throws out the extra candidates.
 */
const CANDIDATE_WORD_SIMILARITY = 0.3

/** pg_trgm similarity two wordings of different speakers need to be compared for misattribution. */
const MISATTRIBUTION_SIMILARITY = 0.3

interface RenderingRow {
  id: string
  speaker_id: string
  text: string
  article_id: string
  order_key: string
  published_at: Date | null
  ingested_at: Date
  seed_id: string
}

const toRendering = (row: Omit<RenderingRow, 'seed_id'>): ClusterRendering => ({
  id: row.id,
  speakerKey: row.speaker_id,
  tokens: tokenizeWording(row.text),
  text: row.text,
  articleId: row.article_id,
  publishedAt: row.published_at,
  ingestedAt: row.ingested_at,
  orderKey: row.order_key,
})

/** A stored quote, as the grouping needs it. */
export interface StoredQuote {
  id: string
  speakerId: string | null
  text: string
  articleId: string
  orderKey: string
  publishedAt: Date | null
  ingestedAt: Date
  /** the seed of its claim; null for a quote not in a claim yet */
  seedId: string | null
}

const fromStored = (quote: StoredQuote & { speakerId: string }): ClusterRendering => ({
  id: quote.id,
  speakerKey: quote.speakerId,
  tokens: tokenizeWording(quote.text),
  text: quote.text,
  articleId: quote.articleId,
  publishedAt: quote.publishedAt,
  ingestedAt: quote.ingestedAt,
  orderKey: quote.orderKey,
})

const RENDERING_COLUMNS = Prisma.sql`q.id, q.speaker_id, q.text, q.article_id, q.order_key, a.published_at,
  a.created_at AS ingested_at, c.seed_quote_id AS seed_id`

async function seedsOverlapping(tx: Transaction, rendering: ClusterRendering): Promise<RenderingRow[]> {
  const key = searchKey(typeof rendering.text === 'string' ? rendering.text : rendering.text.join(' '))
  return tx.$queryRaw<RenderingRow[]>`
    SELECT ${RENDERING_COLUMNS}
    FROM claim c JOIN quote q ON q.id = c.seed_quote_id JOIN article a ON a.id = q.article_id
    WHERE c.speaker_id = ${rendering.speakerKey}::uuid
      AND (${key} <% q.normalized_text OR q.normalized_text <% ${key})`
}

async function laterOverlapping(tx: Transaction, rendering: ClusterRendering): Promise<RenderingRow[]> {
  const key = searchKey(typeof rendering.text === 'string' ? rendering.text : rendering.text.join(' '))
  return tx.$queryRaw<RenderingRow[]>`
    SELECT ${RENDERING_COLUMNS}
    FROM quote q JOIN claim c ON c.id = q.claim_id JOIN article a ON a.id = q.article_id
    WHERE q.speaker_id = ${rendering.speakerKey}::uuid AND q.order_key > ${rendering.orderKey}
      AND (${key} <% q.normalized_text OR q.normalized_text <% ${key})`
}

interface ClaimMember {
  rendering: ClusterRendering
  claimId: string | null
  label: string | null
  fidelity: number | null
}

/**
 * Regroups the claims of the given quotes' speakers after `added` quotes were stored (not yet in a
 * claim) and before `removed` ones are deleted, then deletes those. Writes claim rows, each member's
 * claim, label, fidelity and diff, and the misattribution flags of what changed.
 */
export async function regroupClaims(tx: Transaction, added: StoredQuote[], removed: StoredQuote[]): Promise<void> {
  const attributed = <T extends StoredQuote>(quotes: T[]) =>
    quotes.filter((quote): quote is T & { speakerId: string } => quote.speakerId !== null)
  const addedBySpeaker = groupBy(attributed(added), (quote) => quote.speakerId)
  const removedBySpeaker = groupBy(attributed(removed), (quote) => quote.speakerId)
  const speakers = [...new Set([...addedBySpeaker.keys(), ...removedBySpeaker.keys()])].sort()

  await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${CANDIDATE_WORD_SIMILARITY}`)
  await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${MISATTRIBUTION_SIMILARITY}`)
  const createdSeeds: ClusterRendering[] = []
  // Locks taken in one order (speaker id) cannot deadlock with another ingest taking them too.
  for (const speakerId of speakers) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${speakerId}, 0))`
    const seen = new Map<string, ClusterRendering>()
    const remember = (rows: RenderingRow[]): SeededRendering[] =>
      rows.map((row) => {
        const rendering = seen.get(row.id) ?? toRendering(row)
        seen.set(row.id, rendering)
        return { rendering, seedId: row.seed_id }
      })
    const addedRenderings = (addedBySpeaker.get(speakerId) ?? []).map(fromStored)
    for (const rendering of addedRenderings) seen.set(rendering.id, rendering)
    const removedRenderings = (removedBySpeaker.get(speakerId) ?? []).map((quote) => ({
      rendering: fromStored(quote),
      seedId: quote.seedId as string,
    }))
    const result = await reassign(
      { added: addedRenderings, removed: removedRenderings },
      async (rendering) => remember(await seedsOverlapping(tx, rendering)),
      async (rendering) => remember(await laterOverlapping(tx, rendering)),
    )
    const removedIds = new Set(removedRenderings.map(({ rendering }) => rendering.id))
    const created = await applyReassignment(tx, speakerId, result.seeds, result.touchedSeeds, seen, removedIds)
    createdSeeds.push(...created)
  }
  if (removed.length > 0) await tx.quote.deleteMany({ where: { id: { in: removed.map((quote) => quote.id) } } })
  await flagMisattributions(tx, added, createdSeeds)
}

async function applyReassignment(
  tx: Transaction,
  speakerId: string,
  seeds: Map<string, string>,
  touchedSeeds: Set<string>,
  seen: Map<string, ClusterRendering>,
  removedIds: Set<string>,
): Promise<ClusterRendering[]> {
  if (touchedSeeds.size === 0) return []
  const claims = await tx.claim.findMany({
    where: { seedQuoteId: { in: [...touchedSeeds] } },
    select: { id: true, seedQuoteId: true },
  })
  const claimIdBySeed = new Map(claims.map((claim) => [claim.seedQuoteId, claim.id]))
  // Everyone in a touched claim now, and everyone who is moving: the members to summarise.
  const stored = await tx.quote.findMany({
    where: {
      OR: [{ claimId: { in: claims.map((claim) => claim.id) } }, { id: { in: [...seeds.keys()] } }],
    },
    select: {
      id: true,
      text: true,
      articleId: true,
      orderKey: true,
      claimId: true,
      label: true,
      fidelity: true,
      claim: { select: { seedQuoteId: true } },
      article: { select: { publishedAt: true, createdAt: true } },
    },
  })
  const members = new Map<string, ClaimMember[]>([...touchedSeeds].map((seed) => [seed, []]))
  for (const quote of stored) {
    if (removedIds.has(quote.id)) continue
    const seed = seeds.get(quote.id) ?? quote.claim?.seedQuoteId
    const group = seed === undefined ? undefined : members.get(seed)
    if (group === undefined) continue
    group.push({
      rendering:
        seen.get(quote.id) ??
        fromStored({
          id: quote.id,
          speakerId,
          text: quote.text,
          articleId: quote.articleId,
          orderKey: quote.orderKey,
          publishedAt: quote.article.publishedAt,
          ingestedAt: quote.article.createdAt,
          seedId: null,
        }),
      claimId: quote.claimId,
      label: quote.label,
      fidelity: quote.fidelity,
    })
  }

  const createdSeeds: ClusterRendering[] = []
  const emptied: string[] = []
  for (const [seed, group] of members) {
    const claimId = claimIdBySeed.get(seed)
    if (group.length === 0) {
      if (claimId) emptied.push(claimId)
      continue
    }
    const summary = summarizeClaim(group.map((member) => member.rendering))
    const fields = {
      canonicalText: summary.canonical.original,
      normalizedText: searchKey(summary.canonical.original),
      firstArticleId: summary.firstAppearance.articleId,
      firstAppearedAt: summary.firstAppearance.at,
      renderingCount: group.length,
    }
    const id = claimId
      ? (await tx.claim.update({ where: { id: claimId }, data: fields, select: { id: true } })).id
      : (await tx.claim.create({ data: { ...fields, speakerId, seedQuoteId: seed }, select: { id: true } })).id
    if (!claimId) createdSeeds.push(group.find((member) => member.rendering.id === seed)!.rendering)
    const byId = new Map(group.map((member) => [member.rendering.id, member]))
    for (const verdict of summary.verdicts) {
      const member = byId.get(verdict.renderingId)!
      // Rewriting every member of a large claim for each new rendering would make ingestion cost
      // grow with the claim: only rows whose claim or verdict changed are written.
      if (member.claimId === id && member.label === verdict.label && member.fidelity === verdict.fidelity) continue
      await tx.quote.update({
        where: { id: verdict.renderingId },
        data: {
          claimId: id,
          label: verdict.label,
          fidelity: verdict.fidelity,
          diff: verdict.diff as unknown as Prisma.InputJsonValue,
        },
      })
    }
  }
  if (emptied.length > 0) await tx.claim.deleteMany({ where: { id: { in: emptied } } })
  return createdSeeds
}

interface MisattributionCandidate {
  quote_id: string
  quote_text: string
  claim_id: string
  seed_text: string
}

/**
 * Flags quotes whose words match a claim of another speaker in another article, from both ends of
 * what changed: each new quote against other speakers' claims, and each new claim against other
 * speakers' quotes. A quote matches a claim as it would join one: 60% of the shorter wording's words
 * in order in the longer, compared with the claim's founding wording. Quotes of the same article
 * are left alone: words quoted inside another speaker's quote there are nesting, not a mistake.
 */
async function flagMisattributions(
  tx: Transaction,
  added: StoredQuote[],
  createdSeeds: ClusterRendering[],
): Promise<void> {
  const candidates: MisattributionCandidate[] = []
  for (const quote of added) {
    if (quote.speakerId === null) continue
    candidates.push(
      ...(await tx.$queryRaw<MisattributionCandidate[]>`
        SELECT ${quote.id}::uuid AS quote_id, ${quote.text} AS quote_text, c.id AS claim_id, s.text AS seed_text
        FROM quote s JOIN claim c ON c.seed_quote_id = s.id
        WHERE s.normalized_text % ${searchKey(quote.text)} AND c.speaker_id <> ${quote.speakerId}::uuid
          AND s.article_id <> ${quote.articleId}::uuid`),
    )
  }
  for (const seed of createdSeeds) {
    const text = typeof seed.text === 'string' ? seed.text : seed.text.join(' ')
    candidates.push(
      ...(await tx.$queryRaw<MisattributionCandidate[]>`
        SELECT q.id AS quote_id, q.text AS quote_text, c.id AS claim_id, ${text} AS seed_text
        FROM quote q JOIN claim c ON c.seed_quote_id = ${seed.id}::uuid
        WHERE q.normalized_text % ${searchKey(text)} AND q.speaker_id <> ${seed.speakerKey}::uuid
          AND q.article_id <> ${seed.articleId}::uuid`),
    )
  }
  const rows = candidates
    .filter(
      (candidate) =>
        wordingOverlap(tokenizeWording(candidate.quote_text), tokenizeWording(candidate.seed_text)) !== null,
    )
    .map((candidate) => ({ quoteId: candidate.quote_id, claimId: candidate.claim_id }))
  if (rows.length > 0) await tx.quoteMisattribution.createMany({ data: rows, skipDuplicates: true })
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}
