import { compareOverlaps, wordingOverlap } from '../domain/claims/index.js'
import { SHINGLE_SIZE, matchingWords, wordShingles, type WordingOverlap } from '../domain/wording/index.js'
import { Prisma } from '../generated/prisma/client.js'
import type { SqlTransaction } from '../db/database.js'
import {
  claimsSeededIn,
  flagMisattributions,
  lockSpeakerChanges,
  regroupClaims,
  STORED_QUOTE_COLUMNS,
  type CreatedClaim,
  type StoredQuote,
} from './claim-grouping.js'
import { attributeByOffice, type HeldOffice } from './office-holders.js'
import { holdingShingle } from './shingle-probe.js'

/**
 * Quotes an article prints without naming who said them ("he said" with no one to resolve to, "a
 * spokesman said") join the claim whose words they share, and take that claim's speaker, marked as
 * inferred. The words are the evidence: a quote sharing a claim's wording by the grouping's own rule
 * (60% of the shorter wording's words, in order) is a rendering of that utterance, whoever the article
 * forgot to name. Only when the words point to one speaker: a wording that two speakers' claims share
 * says nothing about which of them it was.
 *
 * It runs from both ends, so the order articles arrive in does not matter: an article's unattributed
 * quotes look for claims, and the claims an ingest starts look for unattributed quotes of other
 * articles. It runs after the ingest's own transaction has committed, in one of its own: whichever of
 * two concurrent ingests commits second sees the other's quotes and claims.
 */

/** The fewest words a quote needs to be placed by its words alone: shorter runs are shared by chance. */
export const MIN_INFERRED_WORDS = SHINGLE_SIZE

/** Rounds of "the quotes placed start claims, which place other quotes" before stopping. */
const MAX_ROUNDS = 3

interface UnattributedRow {
  id: string
  text: string
  spans: StoredQuote['spans']
  articleId: string
  orderKey: string
  publishedAt: Date | null
  ingestedAt: Date
  /** the speaker inferred for it so far; null while it has none */
  speakerId: string | null
  seedId: string | null
}

/**
 * Gives speakers to the unattributed quotes of an article, and to those of other articles that the
 * given claims (started or refounded by an ingest, or by an editor's change) share words with: first
 * by the offices that changed (the article's, or those of speakers an editor merged: office-holders.ts),
 * then by the words. The article's quotes and claims are flagged where they print another speaker's
 * words; after an editor's change of speakers, which is no article's, the quotes it gave another
 * speaker and the claims it refounded are. Returns how many were placed by their words.
 */
export async function inferSpeakers(
  sql: SqlTransaction,
  scope: { claims: CreatedClaim[]; offices?: readonly HeldOffice[] } & (
    { articleId: string } | { quotes: StoredQuote[] }
  ),
): Promise<number> {
  let placed = 0
  const byOffice =
    'articleId' in scope || (scope.offices ?? []).length > 0
      ? await attributeByOffice(sql, {
          articleId: 'articleId' in scope ? scope.articleId : undefined,
          offices: scope.offices ?? [],
        })
      : { claims: [], released: [] }
  let claims = [...scope.claims, ...byOffice.claims]
  if ('quotes' in scope) await flagMisattributions(sql, scope.quotes, claims)
  else await flagArticle(sql, scope.articleId)
  // The article's quotes with no speaker, and those whose office no longer names one holder.
  let quotes =
    'quotes' in scope && byOffice.released.length === 0
      ? []
      : await sql.query<UnattributedRow>(Prisma.sql`
          SELECT ${STORED_QUOTE_COLUMNS} FROM quote q JOIN article a ON a.id = q.article_id
          WHERE (q.article_id = ${'articleId' in scope ? scope.articleId : null}::uuid OR q.id = ANY(${byOffice.released}::uuid[]))
            AND q.speaker_id IS NULL AND q.word_count >= ${MIN_INFERRED_WORDS}`)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    quotes = [...quotes, ...(await unattributedSharingWords(sql, claims))]
    if (quotes.length === 0) break
    const { placed: assigned, unplaced } = await decide(sql, dedupe(quotes))
    placed += assigned.length
    if (assigned.length === 0 && unplaced.length === 0) break
    claims = [
      ...(unplaced.length > 0 ? await regroupClaims(sql, [], unplaced, { keepRemoved: true }) : []),
      ...(assigned.length > 0 ? await regroupClaims(sql, assigned, []) : []),
    ]
    // Claims that quotes placed here started: other speakers' quotes may print their words.
    await flagMisattributions(sql, [], claims)
    quotes = []
    if (claims.length === 0) break
  }
  return placed
}

/**
 * Flags the misattributions an article's quotes and the claims it seeds take part in. After the ingest's
 * commit, not inside it: there it would be blind to a concurrent ingest's quotes and claims (of two, the
 * one committing second sees the first's here), and it would lengthen the time the ingest holds its
 * speakers' locks, which every ingest quoting the same people waits for. Flags are a set: what was found
 * already is not found twice, and re-posting the article repeats this whole.
 */
async function flagArticle(sql: SqlTransaction, articleId: string): Promise<void> {
  const named = await sql.query<StoredQuote>(Prisma.sql`
    SELECT ${STORED_QUOTE_COLUMNS} FROM quote q JOIN article a ON a.id = q.article_id
    WHERE q.article_id = ${articleId}::uuid AND q.speaker_id IS NOT NULL AND NOT q.speaker_inferred`)
  await flagMisattributions(sql, named, await claimsSeededIn(sql, articleId))
}

const dedupe = (quotes: UnattributedRow[]) => [...new Map(quotes.map((quote) => [quote.id, quote])).values()]

/**
 * Quotes of other articles that share a run of words with the given claims' seeds: those without a
 * speaker, which may now have one, and those whose speaker was inferred as someone else's, which the
 * new claim may make ambiguous.
 */
async function unattributedSharingWords(sql: SqlTransaction, claims: CreatedClaim[]): Promise<UnattributedRow[]> {
  const probes = claims.flatMap(({ seed }) =>
    wordShingles(seed.tokens).map((shingle) => ({ shingle, speaker: seed.speakerKey })),
  )
  if (probes.length === 0) return []
  // One probe of the partial shingle index per run of words, as holdingShingle (shingle-probe.ts) makes
  // them but without its bound on common runs, which this lookup has never had (OFFSET 0 keeps it a
  // subquery run per run, not a join the planner may reorder). The probe states the index's own
  // predicate; a quote an office placed is dropped after. Asked for in the join itself, the office
  // condition made the planner, on tables autovacuum had not analysed, scan every quote instead
  // (2.7 → 124 ms a call at 13k quotes, growing with them).
  return sql.query<UnattributedRow>(Prisma.sql`
    WITH hit AS MATERIALIZED (
      SELECT DISTINCT h.id
      FROM unnest(${probes.map((p) => p.shingle)}::bigint[], ${probes.map((p) => p.speaker)}::uuid[]) AS k(shingle, speaker)
      CROSS JOIN LATERAL (
        SELECT q.id FROM quote q WHERE q.shingles @> ARRAY[k.shingle]
          AND (q.speaker_id IS NULL OR (q.speaker_inferred AND q.speaker_id <> k.speaker))
        OFFSET 0) AS h
    )
    SELECT ${STORED_QUOTE_COLUMNS} FROM hit JOIN quote q ON q.id = hit.id JOIN article a ON a.id = q.article_id
    WHERE NOT q.speaker_by_office`)
}

interface SeedRow {
  claim_id: string
  speaker_id: string
  text: string
}

/**
 * Decides each quote's speaker from the claims its words match, and stores it. A quote is placed when
 * the claims it matches all belong to one speaker; the grouping then puts it in that speaker's claim
 * it overlaps best, as it would any rendering. A quote placed before whose words now match claims of
 * several speakers loses its inferred speaker: the outcome is the one the articles would have given
 * in any order. Returns the quotes placed, and those unplaced (still in their claims, for the caller
 * to take out).
 */
async function decide(
  sql: SqlTransaction,
  quotes: UnattributedRow[],
): Promise<{ placed: StoredQuote[]; unplaced: StoredQuote[] }> {
  const probes = quotes.flatMap((quote) =>
    wordShingles(matchingWords(quote.text)).map((shingle) => ({ quote: quote.id, shingle })),
  )
  const seeds = await sql.query<SeedRow & { quote: string }>(Prisma.sql`
    SELECT DISTINCT k.quote, c.id AS claim_id, c.speaker_id, s.text
    FROM unnest(${probes.map((p) => p.quote)}::uuid[], ${probes.map((p) => p.shingle)}::bigint[]) AS k(quote, shingle)
    CROSS JOIN ${holdingShingle(Prisma.sql`c.id, c.speaker_id, c.seed_quote_id`, Prisma.sql`claim c`, Prisma.sql`c.seed_shingles`)} AS c
    JOIN quote s ON s.id = c.seed_quote_id`)
  const bySpeaker = new Map<string, Map<string, string>>()
  for (const seed of seeds) {
    const speakers = bySpeaker.get(seed.quote) ?? bySpeaker.set(seed.quote, new Map()).get(seed.quote)!
    speakers.set(seed.claim_id, seed.speaker_id)
  }
  const seedText = new Map(seeds.map((seed) => [seed.claim_id, seed.text]))
  const decisions: Array<{ quote: UnattributedRow; speaker: string }> = []
  const withdrawn: UnattributedRow[] = []
  for (const quote of quotes) {
    const tokens = matchingWords(quote.text)
    const matches: Array<{ speaker: string; overlap: WordingOverlap }> = []
    for (const [claimId, speaker] of bySpeaker.get(quote.id) ?? []) {
      const overlap = wordingOverlap(tokens, matchingWords(seedText.get(claimId)!))
      if (overlap !== null) matches.push({ speaker, overlap })
    }
    const speakers = new Set(matches.map((match) => match.speaker))
    if (quote.speakerId !== null) {
      if (speakers.size > 1) withdrawn.push(quote)
      continue
    }
    if (speakers.size !== 1) continue
    matches.sort((x, y) => compareOverlaps(x.overlap, y.overlap))
    decisions.push({ quote, speaker: matches[0]!.speaker })
  }
  await lockSpeakerChanges(sql, [
    ...decisions.map((d) => ({ id: d.quote.id, was: null, to: d.speaker })),
    ...withdrawn.map((quote) => ({ id: quote.id, was: quote.speakerId, to: null })),
  ])
  // Only a quote still as it was read is changed: a concurrent run may have decided it meanwhile.
  const placed =
    decisions.length === 0
      ? []
      : await sql.query<{ id: string; speakerId: string }>(Prisma.sql`
    UPDATE quote q SET speaker_id = u.speaker, speaker_inferred = true
    FROM unnest(${decisions.map((d) => d.quote.id)}::uuid[], ${decisions.map((d) => d.speaker)}::uuid[]) AS u(id, speaker)
    WHERE q.id = u.id AND q.speaker_id IS NULL
    RETURNING q.id, q.speaker_id AS "speakerId"`)
  const unplaced =
    withdrawn.length === 0
      ? []
      : await sql.query<{ id: string }>(Prisma.sql`
    UPDATE quote q SET speaker_id = NULL, speaker_inferred = false
    FROM unnest(${withdrawn.map((quote) => quote.id)}::uuid[], ${withdrawn.map((quote) => quote.speakerId)}::uuid[])
      AS u(id, was)
    WHERE q.id = u.id AND q.speaker_id = u.was AND q.speaker_inferred AND NOT q.speaker_by_office
    RETURNING q.id`)
  const byId = new Map(quotes.map((quote) => [quote.id, quote]))
  return {
    placed: placed.map(({ id, speakerId }) => ({ ...byId.get(id)!, speakerId, seedId: null, inferred: true })),
    // As the grouping knew them: in their claim, with the speaker they had.
    unplaced: unplaced.map(({ id }) => ({ ...byId.get(id)!, inferred: true })),
  }
}
