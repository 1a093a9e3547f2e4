import {
  extendClaim,
  FRAGMENT_TIER,
  groupingTier,
  type LaterReach,
  originalText,
  planClaimIdentity,
  type ClaimIdentityPlan,
  type EmptiedClaim,
  printedPieces,
  reassign,
  summarizeClaim,
  type ClusteredClaim,
  type RenderingVerdict,
  wordingOverlap,
  type ClusterRendering,
  type Placement,
  type SeededRendering,
} from '../domain/claims/index.js'
import {
  CLAIM_OVERLAP_THRESHOLD,
  RUN_FREE_WORDS,
  searchKey,
  matchingWords,
  wordShingles,
  type CanonicalWording,
  type WordedRendering,
  type WordingTally,
} from '../domain/wording/index.js'
import { Prisma } from '../generated/prisma/client.js'
import type { SqlTransaction } from '../db/database.js'
import { holdingShingle, probeShingles } from './shingle-probe.js'
import { misattributionEvents } from './webhook-events.js'

/**
 * Keeps claims up to date as quotes come and go: the database side of src/domain/claims.
 *
 * A quote joins the claim of its speaker whose founding wording (the claim's seed, its earliest
 * rendering) it overlaps best, taken in an order of facts of the articles; `reassign` works out
 * which quotes that decision changes for, so only the claims touched are recomputed. Candidates
 * come from the database, scoped to the speaker and screened by shared words and trigram word
 * similarity; the exact word alignment decides. A claim gaining renderings is extended from its
 * stored wording tallies; one that loses or exchanges members is summarised from all of them.
 * Speakers are locked for the transaction so concurrent ingests of the same speaker's quotes take
 * turns and see each other's claims.
 */

/**
 * pg_trgm word similarity a candidate needs. The rule it pre-filters for (60% of the shorter
 * wording's words, in order, in the longer) leaves at least that share of the shorter wording's
 * trigrams in one stretch of the longer, less what short words weigh; half that keeps a wide margin,
 * and the alignment that follows throws out the extra candidates.
 */
const CANDIDATE_WORD_SIMILARITY = Prisma.raw('0.3')

const SHARE = Prisma.raw(String(CLAIM_OVERLAP_THRESHOLD))

const FRAGMENT_TIER_SQL = Prisma.raw(String(FRAGMENT_TIER))

type Spans = Array<[number, number]>

interface RenderingRow {
  id: string
  speaker_id: string
  text: string
  /** one per piece: what tells a quote printed in pieces, and the pieces */
  spans: Spans
  article_id: string
  order_key: string
  published_at: Date | null
  ingested_at: Date
  seed_id: string
  claim_id: string
  /** the seed of its claim, as the lookup of a fragment gives it (SeededRendering.seed) */
  seed?: Pick<ClusterRendering, 'id' | 'orderKey' | 'tokens'>
}

const toRendering = (row: Omit<RenderingRow, 'seed_id' | 'claim_id'>): ClusterRendering => ({
  id: row.id,
  speakerKey: row.speaker_id,
  tokens: matchingWords(row.text),
  text: row.spans.length > 1 ? printedPieces(row.text, row.spans) : row.text,
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
  /** character spans in the article, one per piece */
  spans: Spans
  articleId: string
  orderKey: string
  publishedAt: Date | null
  ingestedAt: Date
  /** the seed of its claim; null for a quote not in a claim yet */
  seedId: string | null
  /** its speaker was inferred from the claim its words share (unattributed.ts), not named by its article */
  inferred?: boolean
  /**
   * its placement as the grouping should take it, when that is not what is stored: the one a claim
   * correction replaces, for the quote as it was (null: none); absent, the stored one
   */
  placement?: Placement | null
}

/**
 * A StoredQuote's columns, for a statement reading quotes `q` joined to their article `a`: what the
 * passes after an ingest (unattributed.ts, office-holders.ts) hand to regroupClaims.
 */
export const STORED_QUOTE_COLUMNS = Prisma.sql`q.id, q.text, q.spans, q.article_id AS "articleId", q.order_key AS "orderKey",
  a.published_at AS "publishedAt", a.created_at AS "ingestedAt", q.speaker_id AS "speakerId",
  (SELECT c.seed_quote_id FROM claim c WHERE c.id = q.claim_id) AS "seedId"`

const fromStored = (quote: StoredQuote & { speakerId: string }): ClusterRendering =>
  toRendering({
    id: quote.id,
    speaker_id: quote.speakerId,
    text: quote.text,
    spans: quote.spans,
    article_id: quote.articleId,
    order_key: quote.orderKey,
    published_at: quote.publishedAt,
    ingested_at: quote.ingestedAt,
  })

const RENDERING_COLUMNS = Prisma.sql`q.id, q.speaker_id, q.text, q.spans, q.article_id, q.order_key, a.published_at,
  a.created_at AS ingested_at, c.seed_quote_id AS seed_id, c.id AS claim_id`

/**
 * Stored renderings of each given rendering's speaker that may overlap it: what reassign's lookups ask.
 * Renderings are decided in tiers, fullest first (groupingTier), then by order key. For each rendering,
 * one statement answers `seedsOf` and `laterOf` with reach `fragments` at once, for every rendering of
 * an ingest (reassign accepts a superset for either lookup): the seeds of the speaker's claims, the
 * renderings after it in its own tier, for a full wording the fragments it holds, and for a fragment
 * the full wordings holding it. `laterTiers` asks instead for what `laterOf` adds with reach `every`:
 * the short wordings (four to seven words) a full wording overlaps, which matter only when it starts or
 * stops being a seed, so are looked up only once one does (regroupClaims' `later`): looked up with the
 * rest, a speaker's hundreds of short quotes were screened against every full wording, seed or not.
 *
 * Candidates are found by their words, not by walking the speaker's claims or quotes (only the later
 * quotes of a rendering's own tier are a range by order key): on real news a few speakers are quoted
 * thousands of times, and screening each of their claims made every ingest naming them slower than
 * the one before. The grouping rule asks two wordings of RUN_FREE_WORDS words or more
 * to share a run of four (sharesRunOfWords): such a rendering finds the seeds sharing one with it that
 * is not a common turn of phrase (holdingShingle). Below that length no run is needed, and the word
 * screen (may_share_wording) is what bounds the lookup: a wording that may share another at least as
 * long holds one of its few screening words (screening_word_hashes, by pigeonhole), so a short
 * rendering probes its speaker's quotes holding one of its own (holdingScreeningWord) for longer seeds,
 * and every rendering probes the short quotes whose screening words it holds (shortWithScreeningWordHeld)
 * for shorter or equal ones. The probes read an index of words hashed with their speaker, so they are
 * bounded by the speaker's quotes holding those words, not by all the speaker's quotes. Past
 * COMMON_SHINGLE_HOLDERS claims holding a run, the store no longer sees two wordings whose only runs
 * in common are such runs, where a full rebuild would join them. A fragment and a full wording
 * overlap only when the fragment's words are all in the other (the fragment rule), which the word
 * hashes screen exactly, with no trigram; the screening words of a fragment are some of its words, so
 * the same two probes find them.
 *
 * The screen is two-stage because word similarity is the costly part (35-65 µs a pair): rows that do
 * not share enough distinct words to reach the overlap rule (may_share_wording in the migrations, on
 * word hashes kept on the quote, and on the claim for the seeds a run finds) are dropped before any
 * trigram is computed, after a cheaper test still: sharing a word at all. CASE fixes the order of the
 * tests, which the planner would otherwise choose by its own cost guesses.
 */
async function overlappingStored(
  sql: SqlTransaction,
  renderings: ClusterRendering[],
  { laterTiers = false }: { laterTiers?: boolean } = {},
): Promise<Map<string, RenderingRow[]>> {
  // A regrouping that only takes quotes out (a revision, a quote whose inferred speaker is withdrawn) adds
  // none to look up: no statement.
  if (renderings.length === 0) return new Map()
  const keys = renderings.map((rendering) =>
    searchKey(typeof rendering.text === 'string' ? rendering.text : rendering.text.join(' ')),
  )
  // Each rendering's runs as one Postgres array literal: unnest cannot take an array of arrays row by row.
  const runs = renderings.map((rendering) =>
    rendering.tokens.length >= RUN_FREE_WORDS ? `{${wordShingles(rendering.tokens).join(',')}}` : '{}',
  )
  const wordScreen = Prisma.sql`CASE WHEN l.words && k.words
    AND may_share_wording(l.words, l.word_count, k.words, k.word_count, ${SHARE})
    THEN ${similar(Prisma.sql`l.normalized_text`)} END`
  const candidates = laterTiers
    ? Prisma.sql`
      -- The tiers after its own but the fragments': shorter wordings, found by their screening words.
      SELECT l.id FROM ${shortWithScreeningWordHeld} AS l
      WHERE l.speaker_id = k.speaker AND grouping_tier(l.word_count) > k.tier
        AND grouping_tier(l.word_count) < ${FRAGMENT_TIER_SQL} AND l.claim_id IS NOT NULL AND ${wordScreen}`
    : Prisma.sql`
      -- Each seed once, however many runs it shares, before any word is compared: a long quote shares
      -- hundreds of runs with its claim's seed.
      SELECT s.id FROM (
        SELECT DISTINCT sc.seed_quote_id FROM unnest(k.runs::bigint[]) AS p(shingle)
        CROSS JOIN ${holdingShingle(
          Prisma.sql`sc.speaker_id, sc.seed_quote_id`,
          Prisma.sql`claim sc`,
          Prisma.sql`sc.seed_shingles`,
          Prisma.sql`p.shingle`,
        )} AS sc
        WHERE sc.speaker_id = k.speaker
      ) AS found
      -- By key: a subquery with LIMIT is not flattened into a hash of the whole table.
      CROSS JOIN LATERAL (SELECT sc.seed_words, sc.seed_word_count FROM claim sc
        WHERE sc.seed_quote_id = found.seed_quote_id LIMIT 1) AS sc
      CROSS JOIN LATERAL (SELECT s.id, s.normalized_text FROM quote s WHERE s.id = found.seed_quote_id LIMIT 1) AS s
      WHERE CASE WHEN may_share_wording(sc.seed_words, sc.seed_word_count, k.words, k.word_count, ${SHARE})
          THEN ${similar(Prisma.sql`s.normalized_text`)} END
      UNION
      -- Longer wordings holding one of a short rendering's screening words: the seeds among them that
      -- pass the word screen, and for a fragment the full wordings holding all its words.
      SELECT l.id FROM ${holdingScreeningWord} AS l
      WHERE l.speaker_id = k.speaker AND l.claim_id IS NOT NULL
        AND (CASE WHEN k.tier = ${FRAGMENT_TIER_SQL} AND grouping_tier(l.word_count) < ${FRAGMENT_TIER_SQL}
            THEN cardinality(k.words) > 0 AND l.words @> k.words END
          OR CASE WHEN l.word_count > k.word_count AND ${isSeed} THEN ${wordScreen} END)
      UNION
      -- Shorter or equal wordings of fewer than RUN_FREE_WORDS words whose screening words it holds one
      -- of: the seeds among them that pass the word screen, and for a fuller wording the fragments it
      -- holds, which may join through it (cluster.ts).
      SELECT l.id FROM ${shortWithScreeningWordHeld} AS l
      WHERE l.speaker_id = k.speaker AND l.claim_id IS NOT NULL AND l.word_count <= k.word_count
        AND (CASE WHEN k.tier < ${FRAGMENT_TIER_SQL} AND grouping_tier(l.word_count) = ${FRAGMENT_TIER_SQL}
            THEN cardinality(l.words) > 0 AND l.words <@ k.words END
          OR CASE WHEN ${isSeed} THEN ${wordScreen} END)
      UNION
      -- After it in its own tier: a range of quote_speaker_grouping_order_idx.
      SELECT l.id FROM quote l
      WHERE l.speaker_id = k.speaker AND grouping_tier(l.word_count) = k.tier AND l.order_key > k.order_key
        AND l.claim_id IS NOT NULL AND ${wordScreen}`
  const rows = await sql.query<
    RenderingRow & { rendering: string; word_count: number; seed_text: string | null; seed_order_key: string | null }
  >(
    Prisma.sql`
    -- Materialised, so that each key's word hashes are computed once, not once per claim screened.
    WITH k AS MATERIALIZED (
      SELECT u.*, w.words, w.word_count, grouping_tier(w.word_count) AS tier,
        speaker_word_hashes(u.speaker, w.words) AS speaker_words,
        CASE WHEN u.short THEN speaker_word_hashes(u.speaker, screening_word_hashes(u.key, ${SHARE}))
          ELSE '{}'::bigint[] END AS speaker_screen
      FROM unnest(${renderings.map((r) => r.id)}::text[], ${renderings.map((r) => r.speakerKey)}::uuid[],
        ${keys}::text[], ${renderings.map((r) => r.orderKey)}::text[],
        ${renderings.map((r) => r.tokens.length < RUN_FREE_WORDS)}::boolean[], ${runs}::text[])
        AS u(rendering, speaker, key, order_key, short, runs)
      CROSS JOIN LATERAL (
        SELECT word_hashes(u.key) AS words, cardinality(string_to_array(u.key, ' ')) AS word_count) AS w
    )
    SELECT k.rendering, r.*, fs.*
    FROM k CROSS JOIN LATERAL (${candidates}) AS m
    -- Read by key, one row per candidate: joined plainly, the planner, expecting thousands of
    -- candidates, hashed the whole quote and article tables (100 ms at 5k real articles, and growing).
    CROSS JOIN LATERAL (
      SELECT ${RENDERING_COLUMNS}, q.word_count FROM quote q JOIN article a ON a.id = q.article_id
        JOIN claim c ON c.id = q.claim_id
      WHERE q.id = m.id LIMIT 1) AS r
    -- A fragment's claim seed, which lets reassign pass the fragment by when another wording moves
    -- (SeededRendering.seed).
    LEFT JOIN LATERAL (
      SELECT s.text AS seed_text, s.order_key AS seed_order_key FROM quote s
      WHERE s.id = r.seed_id AND grouping_tier(r.word_count) = ${FRAGMENT_TIER_SQL} LIMIT 1) AS fs ON true`,
    // Not prepared: a plan made while the claim table was small (a scan of it, with the LIMIT of each
    // shingle probe to stop early) was kept as it grew, and one lookup took a second at 5k claims.
  )
  const found = new Map<string, RenderingRow[]>(renderings.map((rendering) => [rendering.id, []]))
  for (const { rendering, word_count: _, seed_text, seed_order_key, ...row } of rows) {
    const seed =
      seed_text === null ? undefined : { id: row.seed_id, orderKey: seed_order_key!, tokens: matchingWords(seed_text) }
    found.get(rendering)!.push({ ...row, seed })
  }
  return found
}

/** What the word probes below hand to the tests after them. */
const PROBED_COLUMNS = Prisma.sql`l.id, l.speaker_id, l.claim_id, l.words, l.word_count, l.normalized_text`

/**
 * The quotes holding one of the lookup's `k` screening words (screening_word_hashes in the migrations),
 * each word hashed with k's speaker: a probe of quote_speaker_words_idx, which reads only that speaker's
 * quotes holding those words, where a read by speaker grew with how much the speaker is quoted. Behind
 * OFFSET 0 so that the speaker test, applied after, cannot lead the planner to the speaker's index.
 */
const holdingScreeningWord = Prisma.sql`(
  SELECT ${PROBED_COLUMNS} FROM quote l
  WHERE l.speaker_words && k.speaker_screen OFFSET 0)`

/**
 * The quotes of fewer than RUN_FREE_WORDS words one of whose screening words the lookup's `k` holds: by
 * pigeonhole, every such wording that k, as long or longer, may share. A probe of
 * quote_short_speaker_screen_idx, whose predicate the literal matches.
 */
const shortWithScreeningWordHeld = Prisma.sql`(
  SELECT ${PROBED_COLUMNS} FROM quote l
  WHERE l.word_count < ${Prisma.raw(String(RUN_FREE_WORDS))} AND l.speaker_screen && k.speaker_words OFFSET 0)`

/** Whether the quote `l` founds a claim, read by key. */
const isSeed = Prisma.sql`EXISTS (SELECT FROM claim c WHERE c.seed_quote_id = l.id)`

/** Whether a stored normalised wording is trigram-similar enough to the lookup's `k.key`. */
const similar = (stored: Prisma.Sql) => Prisma.sql`(word_similarity(k.key, ${stored}) >= ${CANDIDATE_WORD_SIMILARITY}
  OR word_similarity(${stored}, k.key) >= ${CANDIDATE_WORD_SIMILARITY})`

interface MemberRow extends Omit<RenderingRow, 'seed_id' | 'claim_id'> {
  claim_id: string | null
  seed_id: string | null
  label: string | null
  fidelity: number | null
  coverage: number | null
  /** the canonical wording of the claim the quote is in now, as stored */
  claim_canonical: string | null
}

interface PlacementRow extends RenderingRow {
  carries: boolean
  founds: boolean
  /** the stored quotes it names as the one it is placed with: two while that one's article is being revised */
  target_ids: string[]
  placement_id: string
}

/** Editors' placements bearing on a regrouping of some speakers' claims (claim-corrections.ts). */
interface SpeakersPlacements {
  /** placement of each placed quote, by its id */
  byQuote: Map<string, Placement>
  /** placed quotes in a claim, by the id of the quote each is placed with */
  placedOn: Map<string, RenderingRow[]>
  /** quotes in a claim that carry it, by speaker */
  carriers: Map<string, RenderingRow[]>
  /** the quotes placed quotes are placed with, by id */
  targets: Map<string, RenderingRow>
}

/**
 * The placements of the speakers' quotes, resolved to the quotes stored now: a placement names quotes
 * by article, words and occurrence, so a revision's new quote takes it over. During a revision both
 * versions of a quote are stored; a placed quote takes the version of its target that is staying
 * (`leaving` names those that are not). Editors make few placements, so the read starts from them and
 * probes each one's quote, article and claim by key: its cost grows with the placements editors made,
 * not with the quotes stored. As a plain join the planner, without statistics, scanned every article
 * for each ingest (87 ms a call at 10k articles with no placement at all).
 */
async function speakersPlacements(
  sql: SqlTransaction,
  speakerIds: readonly string[],
  leaving: readonly string[],
): Promise<SpeakersPlacements> {
  const rows = await sql.query<PlacementRow>(Prisma.sql`
    SELECT q.id, q.speaker_id, q.text, q.spans, q.article_id, q.order_key, a.published_at, a.created_at AS ingested_at,
      c.seed_quote_id AS seed_id, c.id AS claim_id, p.carries, p.with_article_id IS NULL AS founds,
      ARRAY(SELECT t.id FROM quote t WHERE t.article_id = p.with_article_id AND t.text = p.with_text
        AND t.occurrence = p.with_occurrence) AS target_ids,
      p.id AS placement_id
    FROM claim_placement p
    -- OFFSET 0 keeps each probe a subquery run per row instead of a join the planner may reorder.
    CROSS JOIN LATERAL (
      SELECT q.id, q.speaker_id, q.text, q.spans, q.article_id, q.order_key, q.claim_id FROM quote q
      WHERE q.article_id = p.article_id AND q.text = p.text AND q.occurrence = p.occurrence
        AND q.speaker_id = ANY(${[...speakerIds]}::uuid[])
      OFFSET 0) AS q
    CROSS JOIN LATERAL (SELECT a.published_at, a.created_at FROM article a WHERE a.id = q.article_id OFFSET 0) AS a
    LEFT JOIN LATERAL (SELECT c.id, c.seed_quote_id FROM claim c WHERE c.id = q.claim_id OFFSET 0) AS c ON true`)
  const placements: SpeakersPlacements = {
    byQuote: new Map(),
    placedOn: new Map(),
    carriers: new Map(),
    targets: new Map(),
  }
  if (rows.length === 0) return placements
  const leavingIds = new Set(leaving)
  const targetIds = new Set<string>()
  for (const row of rows) {
    // The version of the target that stays; a dormant placement names no stored quote, and the
    // placement's own id stands for the missing one.
    const staying = row.target_ids.find((id) => !leavingIds.has(id))
    if (staying !== undefined) targetIds.add(staying)
    placements.byQuote.set(row.id, { with: row.founds ? null : (staying ?? row.placement_id), carries: row.carries })
    // Quotes not in a claim yet are being added: the regrouping has them at hand.
    if (row.claim_id === null) continue
    // By every version of the target, a leaving one included: its leaving is what they must follow.
    for (const id of row.target_ids) placements.placedOn.set(id, [...(placements.placedOn.get(id) ?? []), row])
    if (row.carries) placements.carriers.set(row.speaker_id, [...(placements.carriers.get(row.speaker_id) ?? []), row])
  }
  if (targetIds.size > 0) {
    const targets = await sql.query<RenderingRow>(Prisma.sql`
      SELECT ${RENDERING_COLUMNS} FROM quote q JOIN article a ON a.id = q.article_id JOIN claim c ON c.id = q.claim_id
      WHERE q.id = ANY(${[...targetIds]}::uuid[])`)
    for (const target of targets) placements.targets.set(target.id, target)
  }
  return placements
}

/**
 * Takes, for the transaction, the locks under which the claims of these speakers are regrouped: ingests
 * touching the same speaker's claims take turns and see each other's. All at once and in one order
 * (speaker id): another transaction taking some of the same locks takes them in the same order, so the
 * two cannot deadlock. Taken again by the same transaction, they are held already.
 */
export async function lockSpeakerClaims(sql: SqlTransaction, speakerIds: readonly string[]): Promise<void> {
  if (speakerIds.length === 0) return
  await sql.query(Prisma.sql`SELECT pg_advisory_xact_lock(lock) FROM (
    SELECT hashtextextended(speaker, 0) AS lock FROM unnest(${[...speakerIds].sort()}::text[]) AS speaker
    ORDER BY speaker) AS ordered`)
}

/** A quote a pass after an ingest is about to give another speaker: the one it was read with, and the new one. */
export interface SpeakerChange {
  id: string
  was: string | null
  to: string | null
}

/**
 * Takes what a pass after an ingest must hold before it gives quotes other speakers (or takes theirs away):
 * the claim locks of every speaker the changes touch, those the quotes leave and those they join, then the rows
 * of the quotes still as they were read, in id order (a quote another pass gave someone else meanwhile is not
 * locked: its speaker's lock is not held, and the write that follows leaves it as it is). Everything else that
 * writes a speaker's quotes (an ingest's grouping, an editor's change) holds that speaker's claim lock first; a
 * pass that wrote the rows first and met the lock in regroupClaims after held rows that a holder of the lock
 * was about to write, and the two deadlocked. On real news with eight writers that happened every hundred
 * ingests or so, and some passes lost five tries in a row. Each step of a pass takes its own locks this way
 * (the office step, then each round of the words'), so two passes can still meet in opposite orders across
 * steps, far more rarely, and are retried.
 */
export async function lockSpeakerChanges(sql: SqlTransaction, changes: readonly SpeakerChange[]): Promise<void> {
  if (changes.length === 0) return
  const speakers = changes.flatMap(({ was, to }) => [was, to]).filter((id): id is string => id !== null)
  await lockSpeakerClaims(sql, [...new Set(speakers)])
  // NO KEY UPDATE: the lock the write itself takes (speaker_id is in no key), which leaves other writers'
  // foreign-key checks on the quote free.
  await sql.query(Prisma.sql`
    SELECT FROM quote q
    JOIN unnest(${changes.map((c) => c.id)}::uuid[], ${changes.map((c) => c.was)}::uuid[]) AS u(id, was) ON q.id = u.id
    WHERE q.speaker_id IS NOT DISTINCT FROM u.was ORDER BY q.id FOR NO KEY UPDATE OF q`)
}

/**
 * Regroups the claims of the given quotes' speakers after `added` quotes were stored (not yet in a
 * claim) and before `removed` ones are deleted, then deletes those (or only takes them out of their
 * claims). A quote in both lists moves: stored under its new speaker already, it is `added` as it is
 * now and `removed` as it was (its former speaker and claim's seed), and keeps its row, its id and
 * what it was in, so that the claims it leaves pass their ids on to the claims it joins
 * (claim-identity.ts), as when an editor merges two speakers. Writes claim rows and each member's
 * claim, label, fidelity, coverage and diff. The writes
 * are a handful of set-based statements whatever the number of quotes: ingestion cost is dominated by
 * round trips, so they are batched across speakers. Misattributions are flagged by the caller
 * (flagMisattributions), after the commit where it can: not while this speaker's lock is held.
 */
export async function regroupClaims(
  sql: SqlTransaction,
  added: StoredQuote[],
  removed: StoredQuote[],
  /** keepRemoved: the removed quotes only leave their claims, and stay stored */
  options: { keepRemoved?: boolean } = {},
): Promise<CreatedClaim[]> {
  const attributed = <T extends StoredQuote>(quotes: T[]) =>
    quotes.filter((quote): quote is T & { speakerId: string } => quote.speakerId !== null)
  const addedBySpeaker = groupBy(attributed(added), (quote) => quote.speakerId)
  const removedBySpeaker = groupBy(attributed(removed), (quote) => quote.speakerId)
  const speakers = [...new Set([...addedBySpeaker.keys(), ...removedBySpeaker.keys()])].sort()

  await lockSpeakerClaims(sql, speakers)
  const addedIds = new Set(added.map((quote) => quote.id))
  // Quotes leaving the claims for good: a quote also added is moving, not leaving.
  const leaving = removed.map((quote) => quote.id).filter((id) => !addedIds.has(id))
  const placements = await speakersPlacements(sql, speakers, leaving)
  /** A rendering with the placement the grouping takes for it: the one given, else the stored one. */
  const placed = (rendering: ClusterRendering, given?: Placement | null): ClusterRendering => {
    const placement = given === undefined ? placements.byQuote.get(rendering.id) : (given ?? undefined)
    return placement === undefined ? rendering : { ...rendering, placement }
  }
  const seen = new Map<string, ClusterRendering>()
  const remember = (rows: RenderingRow[]): SeededRendering[] =>
    rows.map((row) => {
      const rendering = seen.get(row.id) ?? placed(toRendering(row))
      seen.set(row.id, rendering)
      return { rendering, seedId: row.seed_id, seed: row.seed }
    })
  const addedRenderings = new Map(
    speakers.map((speakerId) => [
      speakerId,
      (addedBySpeaker.get(speakerId) ?? []).map((quote) => placed(fromStored(quote), quote.placement)),
    ]),
  )
  for (const rendering of [...addedRenderings.values()].flat()) seen.set(rendering.id, rendering)
  // Every added rendering is looked up: those lookups are made at once. Stored renderings a change
  // reaches (a revision, a new seed earlier than stored quotes) are looked up as they come.
  // By speaker and id: a quote moving between speakers is looked up as each, among each one's quotes.
  const lookupKey = (rendering: ClusterRendering) => `${rendering.speakerKey}/${rendering.id}`
  const joining = [...addedRenderings.values()].flat()
  const found = await overlappingStored(sql, joining)
  const lookups = new Map(joining.map((rendering) => [lookupKey(rendering), found.get(rendering.id)!]))
  // Beyond the renderings sharing its words, a rendering's decision may rest on its speaker's carrying
  // renderings and on the one it is placed with (reassign's contract), which the placements hold.
  const overlapping = async (rendering: ClusterRendering) => {
    let rows = lookups.get(lookupKey(rendering))
    if (rows === undefined) {
      rows = (await overlappingStored(sql, [rendering])).get(rendering.id)!
      lookups.set(lookupKey(rendering), rows)
    }
    const target = rendering.placement?.with ? placements.targets.get(rendering.placement.with) : undefined
    return remember([...rows, ...(placements.carriers.get(rendering.speakerKey) ?? []), ...(target ? [target] : [])])
  }
  // With reach `every`, a full wording looks up the short wordings after it too (overlappingStored's
  // laterTiers): only a seed's change of standing asks for them. Asked for one added rendering, they are
  // looked up for every added one that may need them at once: on real news most quotes found a claim,
  // and a statement each cost a quarter of the ingest rate.
  const laterTierRows = new Map<string, RenderingRow[]>()
  const hasLaterTiers = (rendering: ClusterRendering) => groupingTier(rendering.tokens) + 1 < FRAGMENT_TIER
  const later = async (rendering: ClusterRendering, reach: LaterReach) => {
    const found = await overlapping(rendering)
    if (reach === 'fragments' || !hasLaterTiers(rendering)) return found
    let rows = laterTierRows.get(lookupKey(rendering))
    if (rows === undefined) {
      const batch = joining.some((other) => lookupKey(other) === lookupKey(rendering))
        ? joining.filter((other) => hasLaterTiers(other) && !laterTierRows.has(lookupKey(other)))
        : [rendering]
      const fetched = await overlappingStored(sql, batch, { laterTiers: true })
      for (const other of batch) laterTierRows.set(lookupKey(other), fetched.get(other.id)!)
      rows = laterTierRows.get(lookupKey(rendering))!
    }
    return [...found, ...remember(rows)]
  }
  const placedOn = (rendering: ClusterRendering) => remember(placements.placedOn.get(rendering.id) ?? [])
  // The stored renderings a change reaches (a new seed earlier than them: on real news, articles of the
  // same day sort by address, so a new article's quote often precedes stored ones) are looked up in one
  // statement per wave of them, where each took a statement of its own: 374 of 743 lookups in a replay
  // of 150 articles at 5k stored were such single ones. reassign runs per speaker and announces each
  // rendering once, so the ids of a wave are distinct, as overlappingStored's answer, keyed by id, needs.
  const lookupsAhead = async (renderings: readonly ClusterRendering[]) => {
    const batch = renderings.filter((rendering) => !lookups.has(lookupKey(rendering)))
    if (batch.length < 2) return
    const fetched = await overlappingStored(sql, batch)
    for (const rendering of batch) lookups.set(lookupKey(rendering), fetched.get(rendering.id)!)
  }
  const seeds = new Map<string, string>()
  const touchedSeeds = new Set<string>()
  for (const speakerId of speakers) {
    const removedRenderings = (removedBySpeaker.get(speakerId) ?? []).map((quote) => ({
      rendering: placed(fromStored(quote), quote.placement),
      seedId: quote.seedId as string,
    }))
    const result = await reassign(
      { added: addedRenderings.get(speakerId)!, removed: removedRenderings },
      overlapping,
      later,
      placedOn,
      lookupsAhead,
    )
    for (const [id, seed] of result.seeds) seeds.set(id, seed)
    for (const seed of result.touchedSeeds) touchedSeeds.add(seed)
  }
  // Only new renderings moved, into claims or out on their own: the claims touched can be extended
  // from what is stored of them. Anything else (a removal, a stored rendering moving) is summarised
  // from every member.
  const onlyJoins = removed.length === 0 && [...seeds.keys()].every((id) => addedIds.has(id))
  let plan: ClaimPlan = { writes: [], emptied: [] }
  let fromMembers = touchedSeeds
  if (onlyJoins) ({ plan, fromMembers } = await planJoins(sql, seeds, touchedSeeds, seen))
  if (fromMembers.size > 0) {
    const moving = new Map([...seeds].filter(([, seed]) => fromMembers.has(seed)))
    const rest = await planFromMembers(sql, moving, fromMembers, seen, new Set(leaving))
    plan = { writes: [...plan.writes, ...rest.writes], emptied: rest.emptied }
  }
  const createdClaims = await writeClaims(sql, plan)
  if (leaving.length > 0 && options.keepRemoved) {
    await sql.query(Prisma.sql`UPDATE quote SET claim_id = NULL, label = NULL, fidelity = NULL, coverage = NULL,
      diff = NULL WHERE id = ANY(${leaving}::uuid[])`)
  } else if (leaving.length > 0) {
    await sql.query(Prisma.sql`DELETE FROM quote WHERE id = ANY(${leaving}::uuid[])`)
  }
  return createdClaims
}

/**
 * The claims whose seed an article printed: those its ingest started or refounded, with their seeds.
 * Read from what is stored, so that flagging them can be repeated by re-posting the article.
 */
export async function claimsSeededIn(sql: SqlTransaction, articleId: string): Promise<CreatedClaim[]> {
  const rows = await sql.query<RenderingRow>(Prisma.sql`
    SELECT ${RENDERING_COLUMNS} FROM quote q JOIN article a ON a.id = q.article_id JOIN claim c ON c.seed_quote_id = q.id
    WHERE q.article_id = ${articleId}::uuid`)
  return rows.map((row) => ({ seed: toRendering(row), claimId: row.claim_id }))
}

/**
 * The claims that now hold any of the given quotes, with their seeds: after quotes changed speakers, the
 * claims whose words other speakers' quotes may print, whether or not they were refounded.
 */
export async function claimsHolding(sql: SqlTransaction, quoteIds: readonly string[]): Promise<CreatedClaim[]> {
  const rows = await sql.query<RenderingRow>(Prisma.sql`
    SELECT ${RENDERING_COLUMNS} FROM quote q JOIN article a ON a.id = q.article_id JOIN claim c ON c.seed_quote_id = q.id
    WHERE c.id IN (SELECT m.claim_id FROM quote m WHERE m.id = ANY(${quoteIds}::uuid[]))`)
  return rows.map((row) => ({ seed: toRendering(row), claimId: row.claim_id }))
}

/** A claim started, or refounded on a new seed, by a regrouping. */
export interface CreatedClaim {
  seed: ClusterRendering
  claimId: string
}

/** What a claim is now, to be written. */
interface ClaimWrite {
  /** null for a claim to start */
  claimId: string | null
  seed: ClusterRendering | { id: string }
  canonical: CanonicalWording
  firstAppearance: ClusteredClaim['firstAppearance']
  renderingCount: number
  /** members whose claim, label, fidelity, coverage or diff changed */
  verdicts: RenderingVerdict[]
  /** tallies of the claim's wordings that changed; `allWordings` when they are all of them */
  wordings: WordingTally[]
  allWordings: boolean
}

interface ClaimPlan {
  writes: ClaimWrite[]
  /** claims left without members, with where their renderings went */
  emptied: EmptiedClaim[]
}

const isStarted = (write: ClaimWrite): write is ClaimWrite & { seed: ClusterRendering } => write.claimId === null

interface ClaimStateRow {
  id: string
  seed: string
  canonical_text: string
  canonical_wording: string | null
  rendering_count: number
  first_id: string | null
  first_article_id: string | null
  first_published_at: Date | null
  first_ingested_at: Date | null
  tallies: Array<{
    wording: string
    articleCount: number
    first: TalliedRendering
    shown: TalliedRendering
  }>
}

/** A rendering a wording tally names, as read back in JSON. */
interface TalliedRendering {
  id: string
  articleId: string
  publishedAt: string | null
  ingestedAt: string
  original: string
  pieces: number
}

/**
 * The writes when new renderings (of one article, new to every claim) only joined claims or started
 * them: started claims are summarised from their renderings, all at hand; stored claims are
 * extended from their stored state (extendClaim), read by key whatever their size. `fromMembers`
 * names the stored claims that cannot be extended that way (the canonical wording moves, which
 * happens mostly while a claim is young and small, or the claim predates the stored tallies): the
 * caller summarises those from every member instead.
 */
async function planJoins(
  sql: SqlTransaction,
  seeds: Map<string, string>,
  touchedSeeds: Set<string>,
  seen: Map<string, ClusterRendering>,
): Promise<{ plan: ClaimPlan; fromMembers: Set<string> }> {
  const fromMembers = new Set<string>()
  const joining = new Map<string, ClusterRendering[]>([...touchedSeeds].map((seed) => [seed, []]))
  for (const [id, seed] of seeds) joining.get(seed)!.push(seen.get(id)!)
  const writes: ClaimWrite[] = []
  // A touched seed that is a new rendering started its claim; the others are stored claims.
  const storedSeeds = [...touchedSeeds].filter((seed) => !seeds.has(seed))
  for (const seed of touchedSeeds) {
    if (!seeds.has(seed)) continue
    const summary = summarizeClaim(joining.get(seed)!)
    writes.push({
      claimId: null,
      seed: seen.get(seed)!,
      ...summary,
      renderingCount: summary.renderingIds.length,
      allWordings: true,
    })
  }
  if (storedSeeds.length > 0) {
    const wanted = storedSeeds.flatMap((seed) =>
      [...new Set(joining.get(seed)!.map((rendering) => rendering.tokens.join(' ')))].map((wording) => ({
        seed,
        wording,
      })),
    )
    const states = await sql.query<ClaimStateRow>(
      Prisma.sql`
      WITH wanted AS (SELECT * FROM unnest(${wanted.map((w) => w.seed)}::uuid[], ${wanted.map((w) => w.wording)}::text[])
        AS u(seed, wording))
      SELECT c.id, c.seed_quote_id AS seed, c.canonical_text, c.canonical_wording, c.rendering_count,
        f.id AS first_id, f.article_id AS first_article_id, fa.published_at AS first_published_at,
        fa.created_at AS first_ingested_at,
        COALESCE((
          SELECT json_agg(json_build_object('wording', w.wording, 'articleCount', w.article_count,
            'first', ${talliedRendering('q', 'a')}, 'shown', ${talliedRendering('sq', 'sa')}))
          FROM claim_wording w JOIN quote q ON q.id = w.first_quote_id JOIN article a ON a.id = q.article_id
            -- A tally from before shown renderings were kept is shown by its first.
            JOIN quote sq ON sq.id = COALESCE(w.shown_quote_id, w.first_quote_id) JOIN article sa ON sa.id = sq.article_id
          WHERE w.claim_id = c.id AND w.wording = ANY(
            array_append(ARRAY(SELECT u.wording FROM wanted u WHERE u.seed = c.seed_quote_id), c.canonical_wording))
        ), '[]') AS tallies
      FROM claim c LEFT JOIN quote f ON f.id = c.first_quote_id LEFT JOIN article fa ON fa.id = f.article_id
      WHERE c.seed_quote_id IN (SELECT seed FROM wanted)`,
    )
    for (const state of states) {
      const tallies = new Map<string, WordingTally>(
        state.tallies.map((tally) => [
          tally.wording,
          {
            normalized: tally.wording,
            articleCount: tally.articleCount,
            first: fromTallied(tally.wording, tally.first),
            shown: fromTallied(tally.wording, tally.shown),
          },
        ]),
      )
      const canonical = state.canonical_wording === null ? undefined : tallies.get(state.canonical_wording)
      if (canonical === undefined || state.first_id === null) {
        fromMembers.add(state.seed)
        continue
      }
      const extension = extendClaim(
        {
          canonical,
          tallies,
          first: {
            id: state.first_id,
            articleId: state.first_article_id!,
            publishedAt: state.first_published_at,
            ingestedAt: state.first_ingested_at!,
          },
          renderingCount: state.rendering_count,
        },
        joining.get(state.seed)!,
      )
      if (extension === null) {
        fromMembers.add(state.seed)
        continue
      }
      writes.push({
        claimId: state.id,
        seed: { id: state.seed },
        canonical: {
          normalized: canonical.normalized,
          original: state.canonical_text,
          renderingId: canonical.shown.id,
        },
        ...extension,
        allWordings: false,
      })
    }
  }
  return { plan: { writes, emptied: [] }, fromMembers }
}

const talliedRendering = (quote: string, article: string) =>
  Prisma.raw(`json_build_object('id', ${quote}.id, 'articleId', ${quote}.article_id, 'publishedAt', ${article}.published_at,
    'ingestedAt', ${article}.created_at, 'original', ${quote}.text, 'pieces', jsonb_array_length(${quote}.spans))`)

const fromTallied = (wording: string, rendering: TalliedRendering): WordedRendering => ({
  id: rendering.id,
  articleId: rendering.articleId,
  publishedAt: rendering.publishedAt === null ? null : new Date(rendering.publishedAt),
  ingestedAt: new Date(rendering.ingestedAt),
  normalized: wording,
  original: rendering.original,
  inPieces: rendering.pieces > 1,
})

/**
 * The writes for any change, from every member of the claims it touches: what planJoins cannot do
 * (renderings removed or moving between claims, a canonical wording moving), at a cost that grows
 * with the size of those claims.
 */
async function planFromMembers(
  sql: SqlTransaction,
  seeds: Map<string, string>,
  touchedSeeds: Set<string>,
  seen: Map<string, ClusterRendering>,
  /** quotes leaving their claims for good (not moving to another) */
  leavingIds: Set<string>,
): Promise<ClaimPlan> {
  // Everyone in a touched claim now, and everyone who is moving: the members to summarise. Each claim's
  // members, and each member's article and claim, are probed by key (OFFSET 0 keeps a probe a subquery
  // the planner cannot turn into a join): as a join, the planner, without statistics, took a claim to
  // have a two-hundredth of all quotes and scanned the quote table instead (100 ms at 10k articles).
  const stored = await sql.query<MemberRow>(Prisma.sql`
    WITH member AS MATERIALIZED (
      SELECT m.id FROM unnest(${[...touchedSeeds]}::uuid[]) AS s(seed)
      CROSS JOIN LATERAL (SELECT t.id FROM claim t WHERE t.seed_quote_id = s.seed OFFSET 0) AS t
      CROSS JOIN LATERAL (SELECT m.id FROM quote m WHERE m.claim_id = t.id OFFSET 0) AS m
      UNION SELECT unnest(${[...seeds.keys()]}::uuid[])
    )
    SELECT q.id, q.speaker_id, q.text, q.spans, q.article_id, q.order_key, a.published_at, a.created_at AS ingested_at,
      q.claim_id,
      c.seed_quote_id AS seed_id, q.label::text AS label, q.fidelity, q.coverage, c.canonical_text AS claim_canonical
    FROM member
    CROSS JOIN LATERAL (
      SELECT q.id, q.speaker_id, q.text, q.spans, q.article_id, q.order_key, q.claim_id, q.label, q.fidelity, q.coverage
      FROM quote q WHERE q.id = member.id OFFSET 0) AS q
    CROSS JOIN LATERAL (SELECT a.published_at, a.created_at FROM article a WHERE a.id = q.article_id OFFSET 0) AS a
    LEFT JOIN LATERAL (
      SELECT c.seed_quote_id, c.canonical_text FROM claim c WHERE c.id = q.claim_id OFFSET 0) AS c ON true`)
  const claimIdBySeed = new Map<string, string>()
  const members = new Map<string, Array<{ rendering: ClusterRendering; row: MemberRow }>>(
    [...touchedSeeds].map((seed) => [seed, []]),
  )
  // Where each claim's remaining renderings go, earliest first: what decides which id an emptied claim
  // passes on (claim-identity.ts).
  const formerMembers = new Map<string, Array<{ orderKey: string; seed: string }>>()
  const storedById = new Map(stored.map((row) => [row.id, row]))
  for (const row of [...stored].sort((x, y) => (x.order_key < y.order_key ? -1 : x.order_key > y.order_key ? 1 : 0))) {
    if (row.claim_id && row.seed_id) claimIdBySeed.set(row.seed_id, row.claim_id)
    if (leavingIds.has(row.id)) continue
    const seed = seeds.get(row.id) ?? row.seed_id
    if (row.claim_id && seed !== null) {
      const former = formerMembers.get(row.claim_id) ?? formerMembers.set(row.claim_id, []).get(row.claim_id)!
      former.push({ orderKey: row.order_key, seed })
    }
    const group = seed === null ? undefined : members.get(seed)
    if (group === undefined) continue
    group.push({ rendering: seen.get(row.id) ?? toRendering(row), row })
  }

  const plan: ClaimPlan = { writes: [], emptied: [] }
  for (const [seed, group] of members) {
    const claimId = claimIdBySeed.get(seed) ?? null
    if (group.length === 0) {
      if (claimId) {
        const former = formerMembers.get(claimId) ?? []
        const seedRow = storedById.get(seed)!
        plan.emptied.push({
          claimId,
          speakerKey: seedRow.speaker_id,
          seedTokens: (seen.get(seed) ?? toRendering(seedRow)).tokens,
          destinations: former.map((member) => member.seed),
          firstOrderKey: former[0]?.orderKey ?? null,
        })
      }
      continue
    }
    // Members that stay where they were keep their verdicts unless the canonical wording moves. A
    // verdict without coverage predates it, and is made again.
    const staying = group.filter(
      ({ row }) => row.claim_id === claimId && !seeds.has(row.id) && row.label !== null && row.coverage !== null,
    )
    const summary = summarizeClaim(
      group.map((member) => member.rendering),
      claimId && staying[0]
        ? {
            canonicalOriginal: staying[0].row.claim_canonical as string,
            renderingIds: new Set(staying.map(({ row }) => row.id)),
          }
        : undefined,
    )
    // Rewriting every member of a large claim for each new rendering would make ingestion cost grow
    // with the claim: only rows whose claim or verdict changed are written.
    const rows = new Map(group.map((member) => [member.rendering.id, member.row]))
    const verdicts = summary.verdicts.filter((verdict) => {
      const row = rows.get(verdict.renderingId)!
      return !(
        claimId !== null &&
        row.claim_id === claimId &&
        row.label === verdict.label &&
        row.fidelity === verdict.fidelity &&
        row.coverage === verdict.coverage
      )
    })
    plan.writes.push({
      claimId,
      seed: group.find((member) => member.rendering.id === seed)?.rendering ?? { id: seed },
      canonical: summary.canonical,
      firstAppearance: summary.firstAppearance,
      renderingCount: summary.renderingIds.length,
      verdicts,
      wordings: summary.wordings,
      allWordings: true,
    })
  }
  return plan
}

/**
 * Writes a plan in one statement: claims started and recomputed, members moved or relabelled, and
 * wording tallies. A member of a claim being started names it by its seed; the statement gives it
 * the new claim's id. Claims left empty are deleted after.
 */
async function writeClaims(sql: SqlTransaction, plan: ClaimPlan): Promise<CreatedClaim[]> {
  const identity = planClaimIdentity(
    plan.emptied,
    plan.writes.filter(isStarted).map(({ seed }) => ({
      seedId: seed.id,
      speakerKey: seed.speakerKey,
      tokens: seed.tokens,
      orderKey: seed.orderKey,
    })),
  )
  // A started claim taking over an emptied claim's id is that claim, recomputed under its new seed.
  const reseeded = new Set<string>()
  const writes = plan.writes.map((write) => {
    const inherited = isStarted(write) ? identity.inherited.get(write.seed.id) : undefined
    if (inherited === undefined) return write
    reseeded.add(inherited)
    return { ...write, claimId: inherited, allWordings: true }
  })
  const started = writes.filter(isStarted)
  const recomputed = writes.filter((write) => write.claimId !== null)
  const columns = (write: ClaimWrite) => ({
    canonical: write.canonical.original,
    wording: write.canonical.normalized,
    normalized: searchKey(write.canonical.original),
    first: write.firstAppearance.renderingId,
    firstArticle: write.firstAppearance.articleId,
    firstAt: write.firstAppearance.at,
    count: write.renderingCount,
  })
  const newClaims = started.map((write) => ({ ...columns(write), seed: write.seed.id, speaker: write.seed.speakerKey }))
  const changedClaims = recomputed.map((write) => ({
    ...columns(write),
    id: write.claimId!,
    seed: reseeded.has(write.claimId!) ? write.seed.id : null,
  }))
  const changes = writes.flatMap((write) =>
    write.verdicts.map((verdict) => ({
      id: verdict.renderingId,
      claim: write.claimId,
      seed: write.seed.id,
      label: verdict.label,
      fidelity: verdict.fidelity,
      coverage: verdict.coverage,
      diff: JSON.stringify(verdict.diff),
    })),
  )
  const tallies = writes.flatMap((write) =>
    write.wordings.map((tally) => ({
      claim: write.claimId,
      seed: write.seed.id,
      wording: tally.normalized,
      count: tally.articleCount,
      first: tally.first.id,
      shown: tally.shown.id,
    })),
  )
  // Claims summarised in full drop the tallies of wordings no member prints any more.
  const retallied = recomputed.filter((write) => write.allWordings).map((write) => write.claimId!)
  const inserted = await sql.query<{ id: string; seed_quote_id: string }>(
    Prisma.sql`
    WITH started AS (
      INSERT INTO claim (speaker_id, seed_quote_id, seed_shingles, seed_words, seed_word_count, canonical_text,
        canonical_wording, normalized_text, first_quote_id, first_article_id, first_appeared_at, rendering_count)
      SELECT u.speaker, u.seed, s.shingles, word_hashes(s.normalized_text),
        cardinality(string_to_array(s.normalized_text, ' ')), u.canonical, u.wording, u.normalized, u.first,
        u.first_article, u.first_at, u.count
      FROM unnest(${newClaims.map((r) => r.speaker)}::uuid[], ${newClaims.map((r) => r.seed)}::uuid[],
        ${newClaims.map((r) => r.canonical)}::text[], ${newClaims.map((r) => r.wording)}::text[],
        ${newClaims.map((r) => r.normalized)}::text[], ${newClaims.map((r) => r.first)}::uuid[],
        ${newClaims.map((r) => r.firstArticle)}::uuid[], ${newClaims.map((r) => r.firstAt)}::timestamptz[],
        ${newClaims.map((r) => r.count)}::int[])
        AS u(speaker, seed, canonical, wording, normalized, first, first_article, first_at, count)
      JOIN quote s ON s.id = u.seed
      RETURNING id, seed_quote_id
    ), recomputed AS (
      -- A claim given a new seed (it kept its id through a change of seed) takes the seed's screening columns.
      UPDATE claim AS c SET canonical_text = u.canonical, canonical_wording = u.wording, normalized_text = u.normalized,
        first_quote_id = u.first, first_article_id = u.first_article, first_appeared_at = u.first_at,
        rendering_count = u.count, updated_at = now(), seed_quote_id = COALESCE(s.id, c.seed_quote_id),
        -- A claim is its seed's speaker's: when quotes move to another speaker, the claims whose ids they carry follow.
        speaker_id = COALESCE((SELECT q.speaker_id FROM quote q WHERE q.id = COALESCE(s.id, c.seed_quote_id)), c.speaker_id),
        seed_shingles = COALESCE(s.shingles, c.seed_shingles),
        seed_words = CASE WHEN s.id IS NULL THEN c.seed_words ELSE word_hashes(s.normalized_text) END,
        seed_word_count = CASE WHEN s.id IS NULL THEN c.seed_word_count
          ELSE cardinality(string_to_array(s.normalized_text, ' ')) END
      FROM unnest(${changedClaims.map((r) => r.id)}::uuid[], ${changedClaims.map((r) => r.canonical)}::text[],
        ${changedClaims.map((r) => r.wording)}::text[], ${changedClaims.map((r) => r.normalized)}::text[],
        ${changedClaims.map((r) => r.first)}::uuid[], ${changedClaims.map((r) => r.firstArticle)}::uuid[],
        ${changedClaims.map((r) => r.firstAt)}::timestamptz[], ${changedClaims.map((r) => r.count)}::int[],
        ${changedClaims.map((r) => r.seed)}::uuid[])
        AS u(id, canonical, wording, normalized, first, first_article, first_at, count, seed)
      LEFT JOIN quote s ON s.id = u.seed
      WHERE c.id = u.id
    ), relabelled AS (
      UPDATE quote AS q SET claim_id = COALESCE(u.claim, n.id), label = u.label::"RenderingLabel",
        fidelity = u.fidelity, coverage = u.coverage, diff = u.diff::jsonb
      FROM unnest(${changes.map((c) => c.id)}::uuid[], ${changes.map((c) => c.claim)}::uuid[],
        ${changes.map((c) => c.seed)}::uuid[], ${changes.map((c) => c.label)}::text[],
        ${changes.map((c) => c.fidelity)}::float8[], ${changes.map((c) => c.coverage)}::float8[],
        ${changes.map((c) => c.diff)}::text[])
        AS u(id, claim, seed, label, fidelity, coverage, diff)
      LEFT JOIN started n ON n.seed_quote_id = u.seed
      WHERE q.id = u.id
    ), tallied AS (
      -- The search key of a wording is the unaccented form its first rendering was stored with.
      INSERT INTO claim_wording (claim_id, wording, article_count, first_quote_id, shown_quote_id, search_key)
      SELECT COALESCE(u.claim, n.id), u.wording, u.count, u.first, u.shown, f.normalized_text
      FROM unnest(${tallies.map((t) => t.claim)}::uuid[], ${tallies.map((t) => t.seed)}::uuid[],
        ${tallies.map((t) => t.wording)}::text[], ${tallies.map((t) => t.count)}::int[],
        ${tallies.map((t) => t.first)}::uuid[], ${tallies.map((t) => t.shown)}::uuid[])
        AS u(claim, seed, wording, count, first, shown)
      JOIN quote f ON f.id = u.first
      LEFT JOIN started n ON n.seed_quote_id = u.seed
      ON CONFLICT (claim_id, wording_hash) DO UPDATE SET article_count = EXCLUDED.article_count,
        first_quote_id = EXCLUDED.first_quote_id, shown_quote_id = EXCLUDED.shown_quote_id
    ), untallied AS (
      DELETE FROM claim_wording AS w WHERE w.claim_id = ANY(${retallied}::uuid[]) AND NOT EXISTS (
        SELECT FROM unnest(${tallies.map((t) => t.claim)}::uuid[], ${tallies.map((t) => t.wording)}::text[])
          AS kept(claim, wording)
        WHERE kept.claim = w.claim_id AND kept.wording = w.wording)
    )
    SELECT id, seed_quote_id FROM started`,
    // Prepared: its text never changes, and parsing and planning its eight statements cost 2 ms an ingest.
    { prepared: true },
  )
  const claimIdBySeed = new Map(inserted.map((row) => [row.seed_quote_id, row.id]))
  for (const write of recomputed) claimIdBySeed.set(write.seed.id, write.claimId!)
  await retireClaims(sql, identity, claimIdBySeed)
  // A claim under a new seed has new words to be found by: it is probed as a new claim is.
  return [
    ...started.map((write) => ({ seed: write.seed, claimId: claimIdBySeed.get(write.seed.id)! })),
    ...recomputed
      .filter(
        (write): write is ClaimWrite & { seed: ClusterRendering } =>
          reseeded.has(write.claimId!) && 'text' in write.seed,
      )
      .map((write) => ({ seed: write.seed, claimId: write.claimId! })),
  ]
}

/**
 * Emptied claims that passed on no id leave: merged ones redirect to the claim holding their earliest
 * rendering (as do the ids that redirected to them, and their misattribution flags and editors' notes
 * follow), removed ones stay as tombstones (their notes stay with their ids). Claim ids once returned
 * always answer.
 */
async function retireClaims(
  sql: SqlTransaction,
  identity: ClaimIdentityPlan,
  claimIdBySeed: Map<string, string>,
): Promise<void> {
  const merged = identity.redirects.map(({ from, toSeed }) => ({ from, to: claimIdBySeed.get(toSeed)! }))
  const retired = [...merged.map((redirect) => redirect.from), ...identity.removed]
  if (retired.length === 0) return
  // An editor writing a note on one of them (claim-notes.ts) holds its row: wait, so that the note moves.
  await sql.query(Prisma.sql`SELECT id FROM claim WHERE id = ANY(${retired}::uuid[]) ORDER BY id FOR UPDATE`)
  if (merged.length > 0) {
    const from = merged.map((redirect) => redirect.from)
    const to = merged.map((redirect) => redirect.to)
    await sql.query(Prisma.sql`
      WITH merged AS (SELECT * FROM unnest(${from}::uuid[], ${to}::uuid[]) AS u(from_id, to_id)),
      chained AS (
        UPDATE claim_redirect r SET to_id = m.to_id FROM merged m WHERE r.to_id = m.from_id
      ), flags AS (
        INSERT INTO quote_misattribution (quote_id, claim_id)
        SELECT f.quote_id, m.to_id FROM quote_misattribution f JOIN merged m ON m.from_id = f.claim_id
        ON CONFLICT DO NOTHING
      ), notes AS (
        UPDATE claim_note n SET claim_id = m.to_id FROM merged m WHERE n.claim_id = m.from_id
      )
      INSERT INTO claim_redirect (from_id, to_id, reason) SELECT from_id, to_id, 'merged' FROM merged`)
  }
  if (identity.removed.length > 0) {
    await sql.query(Prisma.sql`
      INSERT INTO claim_redirect (from_id, to_id, reason) SELECT unnest(${identity.removed}::uuid[]), NULL, 'removed'`)
  }
  await sql.query(Prisma.sql`DELETE FROM claim WHERE id = ANY(${retired}::uuid[])`)
}

interface ShingleMatch {
  id: string
  text: string
  speaker_id: string
  article_id: string
}

const shinglesOf = (text: string) => wordShingles(matchingWords(text))

/**
 * Flags quotes whose words match a claim of another speaker in another article, from both ends of
 * what changed: each new quote against other speakers' claims, and each new claim against other
 * speakers' quotes. A quote matches a claim as it would join one: 60% of the shorter wording's words
 * in order in the longer, compared with the claim's founding wording; candidates are the wordings
 * sharing a run of four words with it (word-shingles.ts) that is not a common turn of phrase
 * (COMMON_SHINGLE_HOLDERS), so a match that shares no such run is not seen. Quotes of the same
 * article are left alone: words quoted inside another speaker's quote there are nesting, not a
 * mistake.
 */
export async function flagMisattributions(
  sql: SqlTransaction,
  added: StoredQuote[],
  createdClaims: CreatedClaim[],
): Promise<void> {
  // A quote whose speaker was inferred from a claim cannot have been given to the wrong one.
  const quotes = added.filter((quote) => quote.speakerId !== null && !quote.inferred)
  if (quotes.length === 0 && createdClaims.length === 0) return
  // The claim's own speaker's renderings (most of what shares its words) are not flagged; they count
  // towards a run's holders all the same, as every holder does (holdingShingle).
  const probes = createdClaims.flatMap(({ seed }) =>
    shinglesOf(originalText(seed)).map((shingle) => ({ shingle, speaker: seed.speakerKey })),
  )
  // Both ends in one statement: claims (by their seeds) sharing a run of words with a new quote, and
  // other speakers' quotes sharing one with a new claim's seed, each by one bounded index probe per
  // shingle (holdingShingle). `ref` is the seed's claim, or the new claim's speaker.
  const found = await sql.query<ShingleMatch & { side: 'seed' | 'quote'; ref: string }>(Prisma.sql`
    SELECT DISTINCT 'seed' AS side, s.id, s.text, c.speaker_id, s.article_id, c.id AS ref
    FROM ${probeShingles(quotes.flatMap((quote) => shinglesOf(quote.text)))}
    CROSS JOIN ${holdingShingle(Prisma.sql`c.id, c.speaker_id, c.seed_quote_id`, Prisma.sql`claim c`, Prisma.sql`c.seed_shingles`)} AS c
    -- A subquery with LIMIT is not flattened: the seed is read by its key, where the planner,
    -- expecting hundreds of claims per shingle, would hash the whole quote table.
    CROSS JOIN LATERAL (SELECT s.id, s.text, s.article_id FROM quote s WHERE s.id = c.seed_quote_id LIMIT 1) AS s
    UNION ALL
    SELECT DISTINCT 'quote', q.id, q.text, q.speaker_id, q.article_id, k.speaker
    FROM unnest(${probes.map((probe) => probe.shingle)}::bigint[], ${probes.map((probe) => probe.speaker)}::uuid[])
      AS k(shingle, speaker)
    CROSS JOIN ${holdingShingle(
      Prisma.sql`q.id, q.text, q.speaker_id, q.article_id, q.speaker_inferred`,
      Prisma.sql`quote q`,
      Prisma.sql`q.shingles`,
    )} AS q
    WHERE q.speaker_id <> k.speaker AND NOT q.speaker_inferred`)
  // Each text is compared with several: its words are worked out once.
  const words = new Map<string, string[]>()
  const wordsOf = (text: string) => words.get(text) ?? words.set(text, matchingWords(text)).get(text)!
  const matches = (a: string, b: string) => wordingOverlap(wordsOf(a), wordsOf(b)) !== null
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
    // Flags new to the store are news for webhook subscribers: one statement writes both.
    await sql.query(
      Prisma.sql`
      WITH flagged AS (
        INSERT INTO quote_misattribution (quote_id, claim_id)
        SELECT * FROM unnest(${pairs.map((pair) => pair.quoteId)}::uuid[], ${pairs.map((pair) => pair.claimId)}::uuid[])
        ON CONFLICT DO NOTHING
        RETURNING quote_id, claim_id)
      ${misattributionEvents('flagged')}`,
      // Prepared: planning the insert and its event's joins took 8 ms a call, running them well under one.
      { prepared: true },
    )
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
