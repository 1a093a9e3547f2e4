import {
  originalText,
  reassign,
  summarizeClaim,
  wordingOverlap,
  type ClusterRendering,
  type SeededRendering,
} from '../domain/claims/index.js'
import { CLAIM_OVERLAP_THRESHOLD, searchKey, tokenizeWording, wordShingles } from '../domain/wording/index.js'
import { Prisma } from '../generated/prisma/client.js'
import type { SqlTransaction } from '../db/database.js'
import { probeShingles } from './shingle-probe.js'

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
const CANDIDATE_WORD_SIMILARITY = Prisma.raw('0.3')

const SHARE = Prisma.raw(String(CLAIM_OVERLAP_THRESHOLD))

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

const fromStored = (quote: StoredQuote & { speakerId: string }): ClusterRendering =>
  toRendering({
    id: quote.id,
    speaker_id: quote.speakerId,
    text: quote.text,
    article_id: quote.articleId,
    order_key: quote.orderKey,
    published_at: quote.publishedAt,
    ingested_at: quote.ingestedAt,
  })

const RENDERING_COLUMNS = Prisma.sql`q.id, q.speaker_id, q.text, q.article_id, q.order_key, a.published_at,
  a.created_at AS ingested_at, c.seed_quote_id AS seed_id`

/**
 * Stored renderings of each given rendering's speaker that may overlap it: the seeds of the
 * speaker's claims, and the renderings that come after it in the order of facts (which matter only
 * when it starts or stops being a seed). reassign accepts a superset for either lookup, so one
 * statement answers both, for every rendering of an ingest at once.
 *
 * The filter is two-stage because word similarity is the costly part (35-65 µs a pair, where a
 * speaker may have hundreds of claims): rows that do not share enough distinct words to reach the
 * overlap rule (may_share_wording in the migrations, on word hashes kept on the claim for seeds)
 * are dropped before any trigram is computed. The claim's own columns are screened before its seed
 * is read; CASE fixes the order for later quotes, which the planner would otherwise choose.
 */
async function overlappingStored(
  sql: SqlTransaction,
  renderings: ClusterRendering[],
): Promise<Map<string, RenderingRow[]>> {
  const keys = renderings.map((rendering) =>
    searchKey(typeof rendering.text === 'string' ? rendering.text : rendering.text.join(' ')),
  )
  const rows = await sql.query<RenderingRow & { rendering: string }>(Prisma.sql`
    -- Materialised, so that each key's word hashes are computed once, not once per claim screened.
    WITH k AS MATERIALIZED (
      SELECT *, word_hashes(key) AS words, cardinality(string_to_array(key, ' ')) AS word_count
      FROM unnest(${renderings.map((r) => r.id)}::text[], ${renderings.map((r) => r.speakerKey)}::uuid[],
        ${keys}::text[], ${renderings.map((r) => r.orderKey)}::text[]) AS u(rendering, speaker, key, order_key)
    )
    SELECT k.rendering, ${RENDERING_COLUMNS}
    FROM k CROSS JOIN LATERAL (
      SELECT s.id FROM claim sc JOIN quote s ON s.id = sc.seed_quote_id
      WHERE sc.speaker_id = k.speaker AND ${similar(Prisma.sql`s.normalized_text`)}
        AND may_share_wording(sc.seed_words, sc.seed_word_count, k.words, k.word_count, ${SHARE})
      UNION
      SELECT l.id FROM quote l
      WHERE l.speaker_id = k.speaker AND l.order_key > k.order_key AND l.claim_id IS NOT NULL
        AND CASE WHEN may_share_wording(word_hashes(l.normalized_text), cardinality(string_to_array(l.normalized_text, ' ')),
          k.words, k.word_count, ${SHARE}) THEN ${similar(Prisma.sql`l.normalized_text`)} END
    ) AS m
    JOIN quote q ON q.id = m.id JOIN article a ON a.id = q.article_id JOIN claim c ON c.id = q.claim_id`)
  const found = new Map<string, RenderingRow[]>(renderings.map((rendering) => [rendering.id, []]))
  for (const { rendering, ...row } of rows) found.get(rendering)!.push(row)
  return found
}

/** Whether a stored normalised wording is trigram-similar enough to the lookup's `k.key`. */
const similar = (stored: Prisma.Sql) => Prisma.sql`(word_similarity(k.key, ${stored}) >= ${CANDIDATE_WORD_SIMILARITY}
  OR word_similarity(${stored}, k.key) >= ${CANDIDATE_WORD_SIMILARITY})`

interface MemberRow extends Omit<RenderingRow, 'seed_id'> {
  claim_id: string | null
  seed_id: string | null
  label: string | null
  fidelity: number | null
  /** the canonical wording of the claim the quote is in now, as stored */
  claim_canonical: string | null
}

/**
 * Regroups the claims of the given quotes' speakers after `added` quotes were stored (not yet in a
 * claim) and before `removed` ones are deleted, then deletes those. Writes claim rows, each member's
 * claim, label, fidelity and diff, and the misattribution flags of what changed. The writes are a
 * handful of set-based statements whatever the number of quotes: ingestion cost is dominated by
 * round trips, so they are batched across speakers.
 */
export async function regroupClaims(sql: SqlTransaction, added: StoredQuote[], removed: StoredQuote[]): Promise<void> {
  const attributed = <T extends StoredQuote>(quotes: T[]) =>
    quotes.filter((quote): quote is T & { speakerId: string } => quote.speakerId !== null)
  const addedBySpeaker = groupBy(attributed(added), (quote) => quote.speakerId)
  const removedBySpeaker = groupBy(attributed(removed), (quote) => quote.speakerId)
  const speakers = [...new Set([...addedBySpeaker.keys(), ...removedBySpeaker.keys()])].sort()

  if (speakers.length > 0) {
    // All at once and in one order (speaker id): another ingest taking some of the same locks takes
    // them in the same order, so the two cannot deadlock.
    await sql.query(Prisma.sql`SELECT pg_advisory_xact_lock(lock) FROM (
      SELECT hashtextextended(speaker, 0) AS lock FROM unnest(${speakers}::text[]) AS speaker ORDER BY speaker) AS ordered`)
  }
  const seen = new Map<string, ClusterRendering>()
  const remember = (rows: RenderingRow[]): SeededRendering[] =>
    rows.map((row) => {
      const rendering = seen.get(row.id) ?? toRendering(row)
      seen.set(row.id, rendering)
      return { rendering, seedId: row.seed_id }
    })
  const addedRenderings = new Map(
    speakers.map((speakerId) => [speakerId, (addedBySpeaker.get(speakerId) ?? []).map(fromStored)]),
  )
  for (const rendering of [...addedRenderings.values()].flat()) seen.set(rendering.id, rendering)
  // Every added rendering is looked up: those lookups are made at once. Stored renderings a change
  // reaches (a revision, a new seed earlier than stored quotes) are looked up as they come.
  const lookups = await overlappingStored(sql, [...addedRenderings.values()].flat())
  const overlapping = async (rendering: ClusterRendering) => {
    let rows = lookups.get(rendering.id)
    if (rows === undefined) {
      rows = (await overlappingStored(sql, [rendering])).get(rendering.id)!
      lookups.set(rendering.id, rows)
    }
    return remember(rows)
  }
  const seeds = new Map<string, string>()
  const touchedSeeds = new Set<string>()
  for (const speakerId of speakers) {
    const removedRenderings = (removedBySpeaker.get(speakerId) ?? []).map((quote) => ({
      rendering: fromStored(quote),
      seedId: quote.seedId as string,
    }))
    const result = await reassign({ added: addedRenderings.get(speakerId)!, removed: removedRenderings }, overlapping)
    for (const [id, seed] of result.seeds) seeds.set(id, seed)
    for (const seed of result.touchedSeeds) touchedSeeds.add(seed)
  }
  const createdClaims = await applyReassignment(sql, seeds, touchedSeeds, seen, new Set(removed.map((q) => q.id)))
  if (removed.length > 0) {
    await sql.query(Prisma.sql`DELETE FROM quote WHERE id = ANY(${removed.map((quote) => quote.id)}::uuid[])`)
  }
  await flagMisattributions(sql, added, createdClaims)
}

interface CreatedClaim {
  seed: ClusterRendering
  claimId: string
}

async function applyReassignment(
  sql: SqlTransaction,
  seeds: Map<string, string>,
  touchedSeeds: Set<string>,
  seen: Map<string, ClusterRendering>,
  removedIds: Set<string>,
): Promise<CreatedClaim[]> {
  if (touchedSeeds.size === 0) return []
  // Everyone in a touched claim now, and everyone who is moving: the members to summarise.
  const stored = await sql.query<MemberRow>(Prisma.sql`
    SELECT q.id, q.speaker_id, q.text, q.article_id, q.order_key, a.published_at, a.created_at AS ingested_at, q.claim_id,
      c.seed_quote_id AS seed_id, q.label::text AS label, q.fidelity, c.canonical_text AS claim_canonical
    FROM quote q JOIN article a ON a.id = q.article_id LEFT JOIN claim c ON c.id = q.claim_id
    WHERE q.id IN (
      SELECT m.id FROM claim t JOIN quote m ON m.claim_id = t.id WHERE t.seed_quote_id = ANY(${[...touchedSeeds]}::uuid[])
      UNION ALL SELECT unnest(${[...seeds.keys()]}::uuid[]))`)
  const claimIdBySeed = new Map<string, string>()
  const members = new Map<string, Array<{ rendering: ClusterRendering; row: MemberRow }>>(
    [...touchedSeeds].map((seed) => [seed, []]),
  )
  for (const row of stored) {
    if (row.claim_id && row.seed_id) claimIdBySeed.set(row.seed_id, row.claim_id)
    if (removedIds.has(row.id)) continue
    const seed = seeds.get(row.id) ?? row.seed_id
    const group = seed === null ? undefined : members.get(seed)
    if (group === undefined) continue
    group.push({ rendering: seen.get(row.id) ?? toRendering(row), row })
  }

  const created: Array<{ seed: ClusterRendering; summary: ReturnType<typeof summarizeClaim> }> = []
  const updated: Array<{ id: string; summary: ReturnType<typeof summarizeClaim> }> = []
  const emptied: string[] = []
  for (const [seed, group] of members) {
    const claimId = claimIdBySeed.get(seed)
    if (group.length === 0) {
      if (claimId) emptied.push(claimId)
      continue
    }
    // Members that stay where they were keep their verdicts unless the canonical wording moves.
    const staying = group.filter(({ row }) => row.claim_id === claimId && !seeds.has(row.id) && row.label !== null)
    const summary = summarizeClaim(
      group.map((member) => member.rendering),
      claimId && staying[0]
        ? {
            canonicalOriginal: staying[0].row.claim_canonical as string,
            renderingIds: new Set(staying.map(({ row }) => row.id)),
          }
        : undefined,
    )
    if (claimId) updated.push({ id: claimId, summary })
    else created.push({ seed: group.find((member) => member.rendering.id === seed)!.rendering, summary })
  }
  const columns = (summary: ReturnType<typeof summarizeClaim>) => ({
    canonical: summary.canonical.original,
    normalized: searchKey(summary.canonical.original),
    firstArticle: summary.firstAppearance.articleId,
    firstAt: summary.firstAppearance.at,
    count: summary.renderingIds.length,
  })
  const newClaims = created.map(({ seed, summary }) => ({
    ...columns(summary),
    seed: seed.id,
    speaker: seed.speakerKey,
  }))
  const changedClaims = updated.map(({ id, summary }) => ({ id, ...columns(summary) }))

  // Rewriting every member of a large claim for each new rendering would make ingestion cost grow
  // with the claim: only rows whose claim or verdict changed are written. A member of a claim being
  // created names it by its seed; the statement below gives it the new claim's id.
  const changes: Array<{
    id: string
    claim: string | null
    seed: string
    label: string
    fidelity: number
    diff: string
  }> = []
  for (const { summary } of [...created, ...updated]) {
    const claim = claimIdBySeed.get(summary.seedId) ?? null
    const group = new Map(members.get(summary.seedId)!.map((member) => [member.rendering.id, member.row]))
    for (const verdict of summary.verdicts) {
      const row = group.get(verdict.renderingId)!
      if (row.claim_id === claim && row.label === verdict.label && row.fidelity === verdict.fidelity) continue
      changes.push({
        id: verdict.renderingId,
        claim,
        seed: summary.seedId,
        label: verdict.label,
        fidelity: verdict.fidelity,
        diff: JSON.stringify(verdict.diff),
      })
    }
  }
  // One statement for every write: claims started, claims recomputed, members moved or relabelled.
  const inserted = await sql.query<{ id: string; seed_quote_id: string }>(Prisma.sql`
    WITH started AS (
      INSERT INTO claim (speaker_id, seed_quote_id, seed_shingles, seed_words, seed_word_count, canonical_text,
        normalized_text, first_article_id, first_appeared_at, rendering_count)
      SELECT u.speaker, u.seed, s.shingles, word_hashes(s.normalized_text),
        cardinality(string_to_array(s.normalized_text, ' ')), u.canonical, u.normalized, u.first_article, u.first_at, u.count
      FROM unnest(${newClaims.map((r) => r.speaker)}::uuid[], ${newClaims.map((r) => r.seed)}::uuid[],
        ${newClaims.map((r) => r.canonical)}::text[], ${newClaims.map((r) => r.normalized)}::text[],
        ${newClaims.map((r) => r.firstArticle)}::uuid[], ${newClaims.map((r) => r.firstAt)}::timestamptz[],
        ${newClaims.map((r) => r.count)}::int[])
        AS u(speaker, seed, canonical, normalized, first_article, first_at, count)
      JOIN quote s ON s.id = u.seed
      RETURNING id, seed_quote_id
    ), recomputed AS (
      UPDATE claim AS c SET canonical_text = u.canonical, normalized_text = u.normalized,
        first_article_id = u.first_article, first_appeared_at = u.first_at, rendering_count = u.count,
        updated_at = now()
      FROM unnest(${changedClaims.map((r) => r.id)}::uuid[], ${changedClaims.map((r) => r.canonical)}::text[],
        ${changedClaims.map((r) => r.normalized)}::text[], ${changedClaims.map((r) => r.firstArticle)}::uuid[],
        ${changedClaims.map((r) => r.firstAt)}::timestamptz[], ${changedClaims.map((r) => r.count)}::int[])
        AS u(id, canonical, normalized, first_article, first_at, count)
      WHERE c.id = u.id
    ), relabelled AS (
      UPDATE quote AS q SET claim_id = COALESCE(u.claim, n.id), label = u.label::"RenderingLabel",
        fidelity = u.fidelity, diff = u.diff::jsonb
      FROM unnest(${changes.map((c) => c.id)}::uuid[], ${changes.map((c) => c.claim)}::uuid[],
        ${changes.map((c) => c.seed)}::uuid[], ${changes.map((c) => c.label)}::text[],
        ${changes.map((c) => c.fidelity)}::float8[], ${changes.map((c) => c.diff)}::text[])
        AS u(id, claim, seed, label, fidelity, diff)
      LEFT JOIN started n ON n.seed_quote_id = u.seed
      WHERE q.id = u.id
    )
    SELECT id, seed_quote_id FROM started`)
  for (const row of inserted) claimIdBySeed.set(row.seed_quote_id, row.id)
  if (emptied.length > 0) await sql.query(Prisma.sql`DELETE FROM claim WHERE id = ANY(${emptied}::uuid[])`)
  return created.map(({ seed }) => ({ seed, claimId: claimIdBySeed.get(seed.id) as string }))
}

interface ShingleMatch {
  id: string
  text: string
  speaker_id: string
  article_id: string
}

const shinglesOf = (text: string) => wordShingles(tokenizeWording(text))

/**
 * Flags quotes whose words match a claim of another speaker in another article, from both ends of
 * what changed: each new quote against other speakers' claims, and each new claim against other
 * speakers' quotes. A quote matches a claim as it would join one: 60% of the shorter wording's words
 * in order in the longer, compared with the claim's founding wording; candidates are the wordings
 * sharing a run of four words with it (word-shingles.ts), so a match that shares no such run is
 * not seen. Quotes of the same article are left alone: words quoted inside another speaker's quote
 * there are nesting, not a mistake.
 */
async function flagMisattributions(
  sql: SqlTransaction,
  added: StoredQuote[],
  createdClaims: CreatedClaim[],
): Promise<void> {
  const quotes = added.filter((quote) => quote.speakerId !== null)
  if (quotes.length === 0 && createdClaims.length === 0) return
  // The claim's own speaker's renderings (most of what shares its words) are left out in the lookup.
  const probes = createdClaims.flatMap(({ seed }) =>
    shinglesOf(originalText(seed)).map((shingle) => ({ shingle, speaker: seed.speakerKey })),
  )
  // Both ends in one statement: claims (by their seeds) sharing a run of words with a new quote, and
  // other speakers' quotes sharing one with a new claim's seed (one index probe per shingle and
  // speaker, as in probeShingles). \`ref\` is the seed's claim, or the new claim's speaker.
  const found = await sql.query<ShingleMatch & { side: 'seed' | 'quote'; ref: string }>(Prisma.sql`
    SELECT DISTINCT 'seed' AS side, s.id, s.text, c.speaker_id, s.article_id, c.id AS ref
    FROM ${probeShingles(quotes.flatMap((quote) => shinglesOf(quote.text)))}
    JOIN claim c ON c.seed_shingles @> ARRAY[k.shingle]
    -- A subquery with LIMIT is not flattened: the seed is read by its key, where the planner,
    -- expecting hundreds of claims per shingle, would hash the whole quote table.
    CROSS JOIN LATERAL (SELECT s.id, s.text, s.article_id FROM quote s WHERE s.id = c.seed_quote_id LIMIT 1) AS s
    UNION ALL
    SELECT DISTINCT 'quote', q.id, q.text, q.speaker_id, q.article_id, k.speaker
    FROM unnest(${probes.map((probe) => probe.shingle)}::bigint[], ${probes.map((probe) => probe.speaker)}::uuid[])
      AS k(shingle, speaker)
    JOIN quote q ON q.shingles @> ARRAY[k.shingle] AND q.speaker_id <> k.speaker`)
  const matches = (a: string, b: string) => wordingOverlap(tokenizeWording(a), tokenizeWording(b)) !== null
  const pairs: Array<{ quoteId: string; claimId: string }> = []
  for (const row of found) {
    if (row.side === 'seed') {
      for (const quote of quotes) {
        if (row.speaker_id === quote.speakerId || row.article_id === quote.articleId) continue
        if (matches(quote.text, row.text)) pairs.push({ quoteId: quote.id, claimId: row.ref })
      }
    } else {
      for (const { seed, claimId } of createdClaims) {
        if (row.ref !== seed.speakerKey || row.article_id === seed.articleId) continue
        if (matches(row.text, originalText(seed))) pairs.push({ quoteId: row.id, claimId })
      }
    }
  }
  if (pairs.length > 0) {
    await sql.query(Prisma.sql`
      INSERT INTO quote_misattribution (quote_id, claim_id)
      SELECT * FROM unnest(${pairs.map((pair) => pair.quoteId)}::uuid[], ${pairs.map((pair) => pair.claimId)}::uuid[])
      ON CONFLICT DO NOTHING`)
  }
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
