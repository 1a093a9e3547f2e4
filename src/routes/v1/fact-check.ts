import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { JSON_LD, jsonLdMediaType, PLAIN_JSON } from '../../http/json-ld.js'
import { IdParams, responses, success } from '../../schemas/common.js'
import { ClaimReviewSchema, FactCheckSearchQuery, FactCheckSearchResponse } from '../../schemas/fact-check.js'
import {
  getClaimReview,
  refuseUnsupportedSearchParameters,
  searchFactChecks,
  type ReviewSite,
} from '../../services/fact-check.js'

/** Claims in fact-checkers' conventions: schema.org ClaimReview, and Google Fact Check Tools' claims:search. */
export default async function factCheckRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  // Absolute addresses are made from the address the request reached (behind a proxy, with TRUST_PROXY,
  // the one the client used), so the reviews link to where they can be read.
  const reviewSite = (request: FastifyRequest): ReviewSite => {
    const origin = `${request.protocol}://${request.host}`
    return {
      origin,
      publisher: {
        name: app.config.CLAIM_REVIEW_PUBLISHER,
        url: app.config.CLAIM_REVIEW_PUBLISHER_URL ?? `${origin}/`,
      },
    }
  }

  app.get(
    '/claims/:id/claimreview',
    {
      config: { access: 'read' },
      schema: {
        tags: ['claims'],
        operationId: 'getClaimReview',
        summary: 'A claim as schema.org ClaimReview JSON-LD',
        description:
          'The claim as fact-checkers publish a review: `claimReviewed` (the canonical wording), `itemReviewed` (a Claim with its speaker as author, its first appearance and every appearance as NewsArticles with their outlet as publisher and the words each printed), and the reviewing organisation as `author`. It reviews attribution, not truth, and has no `reviewRating` until an editor gives a verdict. `application/ld+json`, or `application/json` for a client whose Accept prefers it. A claim merged into another redirects to that claim’s review.',
        params: IdParams,
        produces: [JSON_LD, PLAIN_JSON],
        response: responses(
          {
            200: success(ClaimReviewSchema, 'The ClaimReview.', {
              vary: { type: 'string', description: 'Accept: the media type follows it' },
            }),
          },
          308,
          400,
          401,
          404,
          410,
        ),
      },
    },
    async (request, reply) => {
      const review = await getClaimReview(app.prisma, request.params.id, reviewSite(request))
      return reply.header('vary', 'Accept').type(jsonLdMediaType(request.headers.accept)).send(review)
    },
  )

  app.get(
    // '::' is a literal colon to the router: the path is /v1/claims:search, as Google's is.
    '/claims::search',
    {
      config: { access: 'read' },
      schema: {
        tags: ['claims'],
        operationId: 'searchFactCheckedClaims',
        summary: 'Search claims as Google Fact Check Tools’ claims:search does',
        description:
          'The parameters and answer of `GET https://factchecktools.googleapis.com/v1alpha1/claims:search`, so that clients written for it read Verbatim’s claims: `query` searches the words of the claims (as `q` of GET /v1/claims), `languageCode` keeps claims printed in that language, `maxAgeDays` those first printed or reviewed that recently, `reviewPublisherSiteFilter` matches this service’s reviews (every claim) or none, `pageSize` (default 10) and `pageToken` page as `limit` and `cursor` do. `offset` is not supported (a 400 unsupported-parameter says so): page with `pageToken`.',
        querystring: FactCheckSearchQuery,
        response: responses({ 200: success(FactCheckSearchResponse, 'A page of fact-checked claims.') }, 400, 401),
      },
      preValidation: async (request) => refuseUnsupportedSearchParameters(request.query as Record<string, unknown>),
    },
    async (request) => searchFactChecks(app.prisma, request.query, reviewSite(request)),
  )
}
