import {
  claimReview,
  factCheckedClaim,
  publisherSite,
  siteOf,
  type ClaimReviewDocument,
  type ReviewPublisher,
  type ReviewRating,
} from '../domain/fact-check/index.js'
import type { Prisma, PrismaClient } from '../generated/prisma/client.js'
import { badRequest, HttpProblem } from '../http/problem.js'
import { FACT_CHECK_PAGE_SIZE, type FactCheckSearchInput, type FactCheckSearchResult } from '../schemas/fact-check.js'
import type { ClaimNoteResource } from '../schemas/claim-notes.js'
import { currentNotes } from './claim-note-store.js'
import { claimsMatchingSearch, getClaimDetail, WORDING_SEARCH_LIMIT } from './claims.js'
import { afterCursor, pageLimit, toPage } from './pagination.js'

/** Claims in fact-checkers' conventions: a claim's ClaimReview, and a search answering as Fact Check Tools does. */

export interface ReviewSite {
  /** the organisation publishing the reviews */
  publisher: ReviewPublisher
  /** scheme, host and port the API is reached at: absolute addresses in the reviews start with it */
  origin: string
}

const claimUrl = (site: ReviewSite, id: string) => `${site.origin}/v1/claims/${id}`

export async function getClaimReview(prisma: PrismaClient, id: string, site: ReviewSite): Promise<ClaimReviewDocument> {
  const claim = await getClaimDetail(prisma, id, (survivor) => `/v1/claims/${survivor}/claimreview`)
  // A claim's speaker cannot be deleted while the claim stands (the foreign key restricts it).
  const speaker = await prisma.speaker.findUniqueOrThrow({
    where: { id: claim.speaker.id },
    select: { name: true, kind: true, title: true, wikidataId: true },
  })
  return claimReview(
    {
      id: claim.id,
      canonicalText: claim.canonicalText,
      speaker,
      firstArticleId: claim.firstAppearance?.articleId ?? null,
      appearances: claim.appearances,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
    },
    { publisher: site.publisher, url: claimUrl(site, claim.id), ...reviewRating(claim.note) },
  )
}

/** The review's rating: the editor's standing verdict, where there is one, and never one of the service's own. */
const reviewRating = (note: ClaimNoteResource | null): { rating?: ReviewRating } =>
  note ? { rating: { verdict: note.verdict, ...(note.explanation ? { explanation: note.explanation } : {}) } } : {}

/**
 * Parameters of Google's claims:search this service does not honour, and what to do instead: answered
 * with a problem rather than ignored, since a client that sent them expects them to mean something.
 */
const UNSUPPORTED_SEARCH_PARAMETERS: Record<string, string> = {
  offset: 'offset is not supported: page with pageToken, the nextPageToken of the previous answer',
  key: 'key is not how this API takes a key: send it as Authorization: Bearer <key>',
}

export function refuseUnsupportedSearchParameters(query: Record<string, unknown>): void {
  const given = Object.keys(UNSUPPORTED_SEARCH_PARAMETERS).filter((name) => Object.hasOwn(query, name))
  if (given.length === 0) return
  throw new HttpProblem(
    'unsupported-parameter',
    given.map((name) => UNSUPPORTED_SEARCH_PARAMETERS[name]).join('; '),
    given.map((name) => ({ in: 'querystring', field: `/${name}`, message: 'is not supported' })),
  )
}

const DAY_MS = 86_400_000

/** Claims as Google Fact Check Tools' claims:search answers, with its parameters mapped onto the claim list's. */
export async function searchFactChecks(
  prisma: PrismaClient,
  query: FactCheckSearchInput,
  site: ReviewSite,
  now: Date = new Date(),
): Promise<FactCheckSearchResult> {
  if (query.query === undefined && query.reviewPublisherSiteFilter === undefined) {
    throw badRequest('validation', 'query is required unless reviewPublisherSiteFilter is given', [
      { in: 'querystring', field: '/query', message: 'is required unless reviewPublisherSiteFilter is given' },
    ])
  }
  const conditions: Prisma.ClaimWhereInput[] = [afterCursor(query.pageToken, '/pageToken')]
  // Every review here is this service's: another publisher's site has none.
  const filter = query.reviewPublisherSiteFilter
  if (filter !== undefined && siteOf(filter) !== publisherSite(site.publisher)) return { claims: [] }
  if (query.query !== undefined) {
    conditions.push({ id: { in: await claimsMatchingSearch(prisma, query.query, WORDING_SEARCH_LIMIT) } })
  }
  if (query.languageCode !== undefined) {
    // The language only: Google's search does not consider the region either.
    const language = query.languageCode.split('-')[0]!
    conditions.push({
      quotes: {
        some: {
          article: {
            OR: [
              { language: { equals: language, mode: 'insensitive' } },
              { language: { startsWith: `${language}-`, mode: 'insensitive' } },
            ],
          },
        },
      },
    })
  }
  if (query.maxAgeDays !== undefined) {
    // As Google counts a result's age: by the claim's date or the review's, whichever is later.
    const since = new Date(now.getTime() - query.maxAgeDays * DAY_MS)
    conditions.push({ OR: [{ firstAppearedAt: { gte: since } }, { createdAt: { gte: since } }] })
  }
  const limit = pageLimit(query.pageSize, FACT_CHECK_PAGE_SIZE)
  const rows = await prisma.claim.findMany({
    where: { AND: conditions },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: {
      id: true,
      canonicalText: true,
      createdAt: true,
      speaker: { select: { name: true } },
      firstArticle: { select: { publishedAt: true } },
    },
  })
  const notes = await currentNotes(
    { query: <Row>(statement: Prisma.Sql) => prisma.$queryRaw<Row[]>(statement) },
    rows.slice(0, limit).map((row) => row.id),
  )
  const page = toPage(rows, limit, (row) =>
    factCheckedClaim(
      {
        canonicalText: row.canonicalText,
        speakerName: row.speaker.name,
        firstPublishedAt: row.firstArticle?.publishedAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      },
      { publisher: site.publisher, url: claimUrl(site, row.id), ...reviewRating(notes.get(row.id) ?? null) },
    ),
  )
  return { claims: page.items, ...(page.nextCursor === null ? {} : { nextPageToken: page.nextCursor }) }
}
