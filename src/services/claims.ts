import type { SqlTransaction } from '../db/database.js'
import { FRAGMENT_WORDS, fragmentLookup, overlapsClaim, printedPieces } from '../domain/claims/index.js'
import {
  labelRendering,
  searchKey,
  SHINGLE_SIZE,
  matchingWords,
  tokenizeWording,
  wordShingles,
  type WordRun,
} from '../domain/wording/index.js'
import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { badRequest, gone, mergedInto, notFound, type HttpProblem } from '../http/problem.js'
import type {
  ClaimDetail,
  ClaimListItem,
  ListClaimsInput,
  Scorecard,
  ScorecardInput,
  VerifyInput,
  VerifyResult,
} from '../schemas/claims.js'
import { LABELS } from '../schemas/claims.js'
import { htmlLink, pagePaths } from '../pages/paths.js'
import { currentNoteJson, toNoteResource, type NoteJson } from './claim-note-store.js'
import { afterCursor, pageLimit, toPage } from './pagination.js'
import { outletWhere, timeWindow } from './query-filters.js'
import { speakerInference } from './office-holders.js'
import { probeShingles } from './shingle-probe.js'
import { resolveSpeaker, speakerFilter } from './speaker-resolution.js'

/** Reading claims: lists with filters, one claim in full, verification of a pasted quote, scorecards. */

type Label = (typeof LABELS)[number]

const iso = (value: Date | string): string => new Date(value).toISOString()
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value))

/**
 * Claims whose wording a text shares, at most `limit`, the likeliest first: those with a rendering
 * sharing a run of four words with it (the shingle index), ranked by how many of its runs they share,
 * and for a text too short to have such a run, those with a wording that contains it: any distinct
 * wording an outlet printed (the trigram index on the claims' tallied wordings), or the canonical
 * wording (the trigram index on claims, for claims tallied before wordings were), ranked by word
 * similarity. Ranked, not cut in whatever order the index gives: on real news a common run ("at the
 * end of the day") or word is in thousands of claims, and the one sought was often cut. With a
 * speaker given, that speaker's claims come first. The exact comparison is the caller's.
 */
export async function claimsSharingWords(
  prisma: PrismaClient,
  text: string,
  limit: number,
  speakerId: string | null = null,
): Promise<string[]> {
  const tokens = matchingWords(text)
  const key = searchKey(text)
  const rows =
    tokens.length >= SHINGLE_SIZE
      ? await prisma.$queryRaw<Array<{ id: string }>>`
          WITH hit AS MATERIALIZED (
            SELECT q.claim_id, q.speaker_id, k.shingle FROM ${probeShingles(wordShingles(tokens))}
            JOIN quote q ON q.shingles @> ARRAY[k.shingle] WHERE q.claim_id IS NOT NULL
          )
          -- Materialised: with the grouping and LIMIT together, the planner walked every quote in
          -- claim order hoping to stop early (200 ms at 30,000 quotes) instead of probing the shingles.
          SELECT claim_id AS id FROM hit GROUP BY claim_id
          ORDER BY coalesce(bool_or(speaker_id = ${speakerId}::uuid), false) DESC, count(DISTINCT shingle) DESC, claim_id
          LIMIT ${limit}`
      : await prisma.$queryRaw<Array<{ id: string }>>`
          SELECT id FROM (
            SELECT w.claim_id AS id, word_similarity(${key}, w.search_key) AS similarity
            FROM claim_wording w WHERE ${key} <% w.search_key
            UNION ALL
            SELECT c.id, word_similarity(${key}, c.normalized_text) FROM claim c WHERE ${key} <% c.normalized_text
          ) AS found JOIN claim c USING (id)
          GROUP BY id, c.speaker_id
          ORDER BY coalesce(c.speaker_id = ${speakerId}::uuid, false) DESC, max(similarity) DESC, id
          LIMIT ${limit}`
  return rows.map((row) => row.id)
}

/** Words of at least this many letters have a trigram of their own: the trigram index can find the wordings holding them. */
const INDEXED_WORD_LENGTH = 3

/**
 * The claims a reader's wording search finds (`q`), at most `limit`. A text of fewer than four words with a
 * word the trigram index can find: the claims with a wording holding its words as written, whole and
 * together ("no idea" in "i have no idea why", not in "no ideas"), the shortest wordings first, the closest
 * to the words sought; ranking every wording sharing trigrams with a short text by word similarity, as
 * claimsSharingWords does, read thousands of long wordings at 7.5k real articles stored ("pass the hat":
 * 0.7 s, 12,000 wordings read and dropped), where the phrase's own trigrams narrow the index to the few
 * holding it (4 ms). Otherwise, or when no wording holds it (a misspelt word), claimsSharingWords. Verify
 * does not come here: a fragment's rule accepts its words with others between them, which a phrase does not.
 */
export async function claimsMatchingSearch(prisma: PrismaClient, text: string, limit: number): Promise<string[]> {
  const key = searchKey(text)
  if (matchingWords(text).length < SHINGLE_SIZE && key.split(' ').some((word) => word.length >= INDEXED_WORD_LENGTH)) {
    // A search key holds no LIKE wildcard (see claimsHoldingFragment); the first pattern is the one the index reads.
    const rows = await prisma.$queryRaw<Array<{ id: string }>>`
      SELECT w.claim_id AS id FROM claim_wording w
      WHERE w.search_key LIKE ${`%${key}%`} AND ' ' || w.search_key || ' ' LIKE ${`% ${key} %`}
      GROUP BY w.claim_id
      ORDER BY min(length(w.search_key)), w.claim_id
      LIMIT ${limit}`
    if (rows.length > 0) return rows.map((row) => row.id)
  }
  return claimsSharingWords(prisma, text, limit)
}

/**
 * Claims a fragment (fewer than FRAGMENT_WORDS words) may be a rendering of, at most `limit`: by the
 * fragment rule (fragmentLookup), those with a wording holding every one of its words, or a wording
 * that is some of them alone; the given speaker's first, then the shortest wordings. Found by words:
 * ranking every wording that shares a trigram with "no, I can't" by word similarity read thousands of
 * long wordings (0.4 s at 5k real articles stored), and a fragment's match needs its words anyway.
 * Null when none of its words is long enough for the trigram index to find: the caller ranks by
 * similarity then.
 */
async function claimsHoldingFragment(
  prisma: PrismaClient,
  text: string,
  limit: number,
  speakerId: string | null,
): Promise<string[] | null> {
  const key = searchKey(text)
  const lookup = fragmentLookup(key === '' ? [] : key.split(' '))
  const indexed = lookup?.required.filter((word) => word.length >= INDEXED_WORD_LENGTH) ?? []
  if (lookup === null || indexed.length === 0) return null
  // The index narrows by the longer words' trigrams; each word is then required whole, between spaces. A search
  // key holds no LIKE wildcard: normalizeWording drops "%", "_" and backslashes with the other punctuation.
  const holds = (column: Prisma.Sql) =>
    Prisma.join(
      [
        ...indexed.map((word) => Prisma.sql`${column} LIKE ${`%${word}%`}`),
        ...lookup.required.map((word) => Prisma.sql`' ' || ${column} || ' ' LIKE ${`% ${word} %`}`),
      ],
      ' AND ',
    )
  const shorter = lookup.shorter.map((words) => words.join(' '))
  // A claim's canonical wording is one of its tallied wordings: claim_wording alone answers.
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM (
      SELECT w.claim_id AS id, length(w.search_key) AS length FROM claim_wording w WHERE ${holds(Prisma.sql`w.search_key`)}
      UNION ALL
      SELECT w.claim_id, length(w.search_key) FROM claim_wording w
      WHERE w.search_key NOT LIKE ${Prisma.raw(`'${FRAGMENT_KEY_PATTERN}'`)} AND w.search_key = ANY(${shorter}::text[])
    ) AS found JOIN claim c USING (id)
    GROUP BY id, c.speaker_id
    ORDER BY coalesce(c.speaker_id = ${speakerId}::uuid, false) DESC, min(length), id
    LIMIT ${limit}`
  return rows.map((row) => row.id)
}

/**
 * A search key this pattern does not match has fewer than FRAGMENT_WORDS words (fewer spaces between them):
 * the predicate of claim_wording_fragment_key_idx, written the same so that the index is used.
 */
export const FRAGMENT_KEY_PATTERN = Array.from({ length: FRAGMENT_WORDS }, () => '%').join(' ')

// Wording search returns at most this many claims.
export const WORDING_SEARCH_LIMIT = 500

export async function listClaims(
  prisma: PrismaClient,
  query: ListClaimsInput,
): Promise<{ items: ClaimListItem[]; nextCursor: string | null }> {
  const conditions: Prisma.ClaimWhereInput[] = [afterCursor(query.cursor)]
  if (query.speaker) {
    conditions.push({
      speakerId: await speakerFilter(prisma, query.speaker, { in: 'querystring', field: '/speaker' }),
    })
  }
  if (query.q) conditions.push({ id: { in: await claimsMatchingSearch(prisma, query.q, WORDING_SEARCH_LIMIT) } })
  if (query.outlet) conditions.push({ quotes: { some: { article: { outlet: outletWhere(query.outlet) } } } })
  if (query.label) conditions.push({ quotes: { some: { label: query.label } } })
  const window = timeWindow(query.from, query.to)
  if (window) conditions.push({ firstAppearedAt: window })
  if (query.misattributed !== undefined) {
    const misattributed: Prisma.ClaimWhereInput = {
      OR: [{ misattributions: { some: {} } }, { quotes: { some: { misattributions: { some: {} } } } }],
    }
    conditions.push(query.misattributed ? misattributed : { NOT: misattributed })
  }
  const limit = pageLimit(query.limit)
  const rows = await prisma.claim.findMany({
    where: { AND: conditions },
    orderBy: { id: 'desc' },
    take: limit + 1,
    include: { speaker: { select: { id: true, name: true } } },
  })
  return toPage(rows, limit, (row) => ({
    id: row.id,
    speaker: row.speaker,
    canonicalText: row.canonicalText,
    renderingCount: row.renderingCount,
    firstAppearedAt: isoOrNull(row.firstAppearedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    links: htmlLink(pagePaths.claim(row.id)),
  }))
}

interface ArticleJson {
  id: string
  url: string
  title: string | null
  publishedAt: string | null
  createdAt: string
  outlet: { id: string; name: string; domain: string | null }
}

interface ClaimRow {
  id: string
  canonical_text: string
  created_at: Date
  updated_at: Date
  speaker: { id: string; name: string; slug: string }
  first: ArticleJson | null
  appearances: Array<{
    quoteId: string
    text: string
    spans: Array<[number, number]>
    label: Label
    fidelity: number
    coverage: number | null
    diff: WordRun[]
    speakerInferred: boolean
    speakerByOffice: boolean
    speakerCorrected: boolean
    via: string | null
    article: ArticleJson
  }>
  note: NoteJson | null
  misattributions: Array<{
    quoteId: string
    text: string
    spans: Array<[number, number]>
    namedSpeaker: { id: string; name: string }
    via: string | null
    article: ArticleJson
  }>
}

const articleJson = (alias: string, outlet: string) =>
  Prisma.raw(`json_build_object('id', ${alias}.id, 'url', ${alias}.url, 'title', ${alias}.title,
    'publishedAt', ${alias}.published_at, 'createdAt', ${alias}.created_at,
    'outlet', json_build_object('id', ${outlet}.id, 'name', ${outlet}.name, 'domain', ${outlet}.domain))`)

const toArticleRef = (article: ArticleJson) => ({
  id: article.id,
  url: article.url,
  title: article.title,
  publishedAt: isoOrNull(article.publishedAt),
  outlet: article.outlet,
})

const toFirstAppearance = (article: ArticleJson | null) =>
  article && {
    articleId: article.id,
    url: article.url,
    outlet: article.outlet,
    at: iso(article.publishedAt ?? article.createdAt),
    dated: article.publishedAt !== null,
  }

/** The claim-detail query, exported so the ingest benchmark can time the same SQL without the service. */
export const claimDetailQuery = (id: string): Prisma.Sql => Prisma.sql`
    SELECT c.id, c.canonical_text, c.created_at, c.updated_at,
      json_build_object('id', s.id, 'name', s.name, 'slug', s.slug) AS speaker,
      (SELECT ${articleJson('fa', 'fo')} FROM article fa JOIN outlet fo ON fo.id = fa.outlet_id
        WHERE fa.id = c.first_article_id) AS first,
      (SELECT coalesce(json_agg(json_build_object('quoteId', q.id, 'text', q.text, 'spans', q.spans, 'label', q.label,
          'fidelity', q.fidelity, 'coverage', q.coverage, 'diff', q.diff, 'via', q.via,
          'speakerInferred', q.speaker_inferred, 'speakerByOffice', q.speaker_by_office, 'speakerCorrected', q.speaker_corrected, 'article', ${articleJson('a', 'o')}) ORDER BY q.order_key, q.id), '[]')
        FROM quote q JOIN article a ON a.id = q.article_id JOIN outlet o ON o.id = a.outlet_id
        WHERE q.claim_id = c.id) AS appearances,
      (SELECT coalesce(json_agg(json_build_object('quoteId', q.id, 'text', q.text, 'spans', q.spans, 'via', q.via,
          'namedSpeaker', json_build_object('id', ms.id, 'name', ms.name), 'article', ${articleJson('a', 'o')})
          ORDER BY q.order_key, q.id), '[]')
        FROM quote_misattribution m JOIN quote q ON q.id = m.quote_id JOIN speaker ms ON ms.id = q.speaker_id
        JOIN article a ON a.id = q.article_id JOIN outlet o ON o.id = a.outlet_id
        WHERE m.claim_id = c.id) AS misattributions,
      ${currentNoteJson(Prisma.sql`c.id`)} AS note
    FROM claim c JOIN speaker s ON s.id = c.speaker_id
    WHERE c.id = ${id}::uuid`

/**
 * One claim with every appearance, in one query: this is the read editors make most, so it is a
 * single round trip of raw SQL rather than the several queries the ORM would issue for the nesting.
 */
export async function getClaimDetail(
  prisma: PrismaClient,
  id: string,
  /** where a claim merged into another redirects: the same view of the surviving claim */
  locationOf: (survivor: string) => string = (survivor) => `/v1/claims/${survivor}`,
): Promise<ClaimDetail> {
  const rows = await prisma.$queryRaw<ClaimRow[]>(claimDetailQuery(id))
  const row = rows[0]
  if (!row) throw await retiredClaim(prisma, id, locationOf)

  const appearances = row.appearances.map(({ spans, ...appearance }) => ({
    ...appearance,
    pieces: printedPieces(appearance.text, spans),
  }))
  // Each wording is shown as first printed, by a rendering printing it in one piece where there is one.
  const wordings = new Map<string, { text: string; pieces: string[]; renderings: number; label: Label }>()
  for (const appearance of appearances) {
    const key = tokenizeWording(appearance.text).join(' ')
    const wording = wordings.get(key)
    const shown = { text: appearance.text, pieces: appearance.pieces }
    if (!wording) wordings.set(key, { ...shown, renderings: 1, label: appearance.label })
    else {
      wording.renderings++
      if (wording.pieces.length > 1 && appearance.pieces.length === 1) Object.assign(wording, shown)
    }
  }
  const fidelities = row.appearances.map((appearance) => appearance.fidelity)
  return {
    id: row.id,
    speaker: row.speaker,
    canonicalText: row.canonical_text,
    firstAppearance: toFirstAppearance(row.first),
    consistency: {
      renderings: row.appearances.length,
      articles: new Set(row.appearances.map((appearance) => appearance.article.id)).size,
      outlets: new Set(row.appearances.map((appearance) => appearance.article.outlet.id)).size,
      distinctWordings: [...wordings.values()].sort((x, y) => y.renderings - x.renderings),
      verbatimShare: row.appearances.filter((a) => a.label === 'verbatim').length / row.appearances.length,
      lowestFidelity: Math.min(...fidelities),
    },
    appearances: appearances.map(({ speakerByOffice, ...appearance }) => ({
      ...appearance,
      speakerInferredBy: speakerInference(appearance.speakerInferred, speakerByOffice),
      article: toArticleRef(appearance.article),
    })),
    misattributions: row.misattributions.map(({ spans, ...quote }) => ({
      ...quote,
      pieces: printedPieces(quote.text, spans),
      article: toArticleRef(quote.article),
    })),
    note: row.note && toNoteResource(row.note),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    links: htmlLink(pagePaths.claim(row.id)),
  }
}

/**
 * Why a claim id names no claim: merged into another (a redirect there), removed (a tombstone), or
 * never returned by this service.
 */
async function retiredClaim(prisma: PrismaClient, id: string, locationOf: (survivor: string) => string) {
  const redirect = await prisma.claimRedirect.findUnique({ where: { fromId: id }, select: { toId: true } })
  return retiredClaimProblem(id, redirect, locationOf)
}

/**
 * Why a claim id names no claim, read in a transaction (an editor's change of a claim, where the claim
 * vanished under the lock): merged (308 to `locationOf` the survivor), removed (410), or never (404).
 */
export async function retiredClaimIn(
  sql: Pick<SqlTransaction, 'query'>,
  id: string,
  locationOf: (survivor: string) => string,
): Promise<HttpProblem> {
  const [redirect] = await sql.query<{ toId: string | null }>(Prisma.sql`
    SELECT to_id AS "toId" FROM claim_redirect WHERE from_id = ${id}::uuid`)
  return retiredClaimProblem(id, redirect ?? null, locationOf)
}

/** The problem for a claim id that names no claim, given its redirect (null: the id was never returned). */
export function retiredClaimProblem(
  id: string,
  redirect: { toId: string | null } | null,
  locationOf: (survivor: string) => string,
) {
  if (!redirect) return notFound('claim', id)
  if (redirect.toId === null) return gone('claim', id, 'was removed: every rendering it had was withdrawn')
  return mergedInto('claim', id, redirect.toId, locationOf(redirect.toId))
}

const VERDICT_OF_LABEL: Record<Label, VerifyResult['verdict']> = {
  verbatim: 'matches',
  excerpt: 'excerpt',
  elided: 'elided',
  extended: 'extended',
  altered: 'altered',
}

// At most this many candidate claims are compared word by word, and this many returned.
const VERIFY_CANDIDATES = 50
const VERIFY_MATCHES = 5

/** The claims a pasted text is compared with: a fragment's by its words, a longer text's by its runs of words. */
async function verifyCandidates(prisma: PrismaClient, text: string, speakerId: string | null): Promise<string[]> {
  return (
    (await claimsHoldingFragment(prisma, text, VERIFY_CANDIDATES, speakerId)) ??
    (await claimsSharingWords(prisma, text, VERIFY_CANDIDATES, speakerId))
  )
}

interface CandidateRow {
  id: string
  canonical_text: string
  speaker_id: string
  speaker_name: string
  first: ArticleJson | null
  /** the claim's distinct wordings, in the order they were first printed, with the outlets printing each */
  wordings: Array<{ text: string; label: Label; outlets: Array<{ id: string; name: string; domain: string | null }> }>
}

/**
 * Checks a pasted quote against the record: the claims whose wording it shares (the same 60%-in-order
 * rule that groups renderings, against the canonical wording or any rendering), each with the
 * label and diff of the text against its canonical wording, and a verdict. Stores nothing.
 */
export async function verifyQuote(prisma: PrismaClient, input: VerifyInput): Promise<VerifyResult> {
  const tokens = matchingWords(input.text)
  if (tokens.length === 0) {
    throw badRequest('validation', 'text has no words to compare', [
      { in: 'body', field: '/text', message: 'has no words' },
    ])
  }
  const resolution = input.speaker ? await resolveSpeaker(prisma, input.speaker) : null
  const speaker = resolution?.speaker ? { ...resolution.speaker, resolvedBy: resolution.by } : null
  const candidates = await prisma.$queryRaw<CandidateRow[]>`
    SELECT c.id, c.canonical_text, s.id AS speaker_id, s.name AS speaker_name,
      (SELECT ${articleJson('fa', 'fo')} FROM article fa JOIN outlet fo ON fo.id = fa.outlet_id
        WHERE fa.id = c.first_article_id) AS first,
      (SELECT json_agg(json_build_object('text', w.text, 'label', w.label, 'outlets', w.outlets) ORDER BY w.first)
        FROM (
          -- Shown as first printed, by a rendering printing it in one piece where there is one.
          SELECT min(q.order_key) AS first,
            (array_agg(q.text ORDER BY jsonb_array_length(q.spans) > 1, q.order_key))[1] AS text,
            (array_agg(q.label ORDER BY q.order_key))[1] AS label,
            jsonb_agg(DISTINCT jsonb_build_object('id', o.id, 'name', o.name, 'domain', o.domain)) AS outlets
          FROM quote q JOIN article a ON a.id = q.article_id JOIN outlet o ON o.id = a.outlet_id
          WHERE q.claim_id = c.id GROUP BY q.normalized_text
        ) AS w) AS wordings
    FROM claim c JOIN speaker s ON s.id = c.speaker_id
    WHERE c.id = ANY(${await verifyCandidates(prisma, input.text, speaker?.id ?? null)}::uuid[])`

  const matches = candidates
    .map((candidate) => {
      const overlap = overlapsClaim(
        { tokens },
        [candidate.canonical_text, ...candidate.wordings.map((wording) => wording.text)].map((text) => ({
          tokens: matchingWords(text),
        })),
      )
      if (overlap === null) return null
      const assessment = labelRendering(input.text, candidate.canonical_text)
      return {
        claim: {
          id: candidate.id,
          speaker: { id: candidate.speaker_id, name: candidate.speaker_name },
          canonicalText: candidate.canonical_text,
        },
        label: assessment.label,
        fidelity: assessment.fidelity,
        coverage: assessment.coverage,
        overlap: overlap.ratio,
        diff: assessment.diff,
        firstAppearance: toFirstAppearance(candidate.first),
        wordings: candidate.wordings.map((wording) => ({
          ...wording,
          outlets: wording.outlets.sort((x, y) => x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1)),
        })),
      }
    })
    .filter((match) => match !== null)
    // Most faithful first; between equally faithful ones (an exact excerpt of a long claim and the whole
    // of a short one), the one the text covers most.
    .sort(
      (x, y) =>
        y.fidelity - x.fidelity ||
        y.coverage - x.coverage ||
        y.overlap - x.overlap ||
        (x.claim.id < y.claim.id ? -1 : 1),
    )

  // A speaker given whom the record cannot tell is no evidence either way: the matches are listed as
  // for no speaker, with the speakers the name may have meant, and nothing is called misattributed.
  if (resolution && !resolution.speaker) {
    return {
      verdict: 'unknown-speaker',
      speaker: null,
      suggestions: resolution.suggestions,
      matches: matches.slice(0, VERIFY_MATCHES),
    }
  }
  // With a speaker given, that speaker's claims come first: the question is whether they said it.
  const isOwn = (match: { claim: { speaker: { id: string } } }) => !speaker || match.claim.speaker.id === speaker.id
  const own = matches.filter(isOwn)
  const ranked = [...own, ...matches.filter((match) => !isOwn(match))]
  let verdict: VerifyResult['verdict'] = 'no-record'
  if (own[0]) verdict = VERDICT_OF_LABEL[own[0].label]
  else if (speaker && matches.length > 0) verdict = 'attributed-to-other-speaker'
  return { verdict, speaker, suggestions: [], matches: ranked.slice(0, VERIFY_MATCHES) }
}

const MOST_ALTERED = 10

/** A count of renderings for every label, all zero. */
const noRenderings = (): Record<Label, number> =>
  Object.fromEntries(LABELS.map((label) => [label, 0])) as Record<Label, number>

export async function outletScorecard(prisma: PrismaClient, id: string, query: ScorecardInput): Promise<Scorecard> {
  const outlet = await prisma.outlet.findUnique({ where: { id }, select: { id: true, name: true, domain: true } })
  if (!outlet) throw notFound('outlet', id)
  const window = timeWindow(query.from, query.to)
  const where: Prisma.QuoteWhereInput = {
    claimId: { not: null },
    article: { outletId: id, ...(window ? { publishedAt: window } : {}) },
  }
  const [byLabel, mean, altered] = await Promise.all([
    prisma.quote.groupBy({ by: ['label'], where, _count: { _all: true } }),
    prisma.quote.aggregate({ where, _avg: { fidelity: true, coverage: true }, _count: { _all: true } }),
    prisma.quote.findMany({
      where: { ...where, label: 'altered' },
      orderBy: [{ fidelity: 'asc' }, { id: 'asc' }],
      take: MOST_ALTERED,
      select: {
        id: true,
        text: true,
        fidelity: true,
        coverage: true,
        claim: { select: { id: true, canonicalText: true, speaker: { select: { id: true, name: true } } } },
        article: { select: { id: true, url: true, publishedAt: true } },
      },
    }),
  ])
  const counts = noRenderings()
  for (const group of byLabel) if (group.label) counts[group.label] = group._count._all
  return {
    outlet,
    from: query.from ? iso(query.from) : null,
    to: query.to ? iso(query.to) : null,
    renderings: mean._count._all,
    byLabel: counts,
    meanFidelity: mean._avg.fidelity,
    meanCoverage: mean._avg.coverage,
    mostAltered: altered.map((quote) => ({
      quoteId: quote.id,
      claimId: quote.claim!.id,
      speaker: quote.claim!.speaker,
      text: quote.text,
      canonicalText: quote.claim!.canonicalText,
      fidelity: quote.fidelity!,
      coverage: quote.coverage,
      article: { ...quote.article, publishedAt: isoOrNull(quote.article.publishedAt) },
    })),
  }
}

/** How consistently one claim was reproduced: its renderings by label and the least faithful of them. */
export interface ClaimConsistency {
  renderings: number
  byLabel: Record<Label, number>
  lowestFidelity: number
}

/** The consistency of each of these claims (a speaker's page lists it beside every claim), in one query. */
export async function claimsConsistency(
  prisma: PrismaClient,
  claimIds: readonly string[],
): Promise<Map<string, ClaimConsistency>> {
  const groups = await prisma.quote.groupBy({
    by: ['claimId', 'label'],
    where: { claimId: { in: [...claimIds] }, label: { not: null }, fidelity: { not: null } },
    _count: { _all: true },
    _min: { fidelity: true },
  })
  const consistency = new Map<string, ClaimConsistency>()
  for (const group of groups) {
    const claimId = group.claimId!
    const claim = consistency.get(claimId) ?? {
      renderings: 0,
      byLabel: noRenderings(),
      lowestFidelity: 1,
    }
    claim.renderings += group._count._all
    claim.byLabel[group.label!] = group._count._all
    claim.lowestFidelity = Math.min(claim.lowestFidelity, group._min.fidelity!)
    consistency.set(claimId, claim)
  }
  return consistency
}

/** An outlet's renderings of one calendar month (UTC), by label. */
export interface LabelPeriod {
  /** YYYY-MM */
  period: string
  byLabel: Record<Label, number>
}

/**
 * An outlet's renderings by label, month by month (by publication date, or ingestion where the
 * article gives none), oldest first: only the months with renderings.
 */
export async function outletLabelsByMonth(prisma: PrismaClient, outletId: string): Promise<LabelPeriod[]> {
  const rows = await prisma.$queryRaw<Array<{ period: string; label: Label; renderings: number }>>`
    SELECT to_char(coalesce(a.published_at, a.created_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS period,
      q.label::text AS label, count(*)::int AS renderings
    FROM quote q JOIN article a ON a.id = q.article_id
    WHERE a.outlet_id = ${outletId}::uuid AND q.claim_id IS NOT NULL AND q.label IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2`
  const periods: LabelPeriod[] = []
  for (const row of rows) {
    let period = periods.at(-1)
    if (period?.period !== row.period) {
      period = { period: row.period, byLabel: noRenderings() }
      periods.push(period)
    }
    period.byLabel[row.label] = row.renderings
  }
  return periods
}
