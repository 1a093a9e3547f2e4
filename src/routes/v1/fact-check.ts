import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { JSON_LD, jsonLdMediaType, PLAIN_JSON } from '../../http/json-ld.js'
import { IdParams, responses, success } from '../../schemas/common.js'
import { ClaimReviewSchema } from '../../schemas/fact-check.js'
import { getClaimReview, type ReviewSite } from '../../services/fact-check.js'
import { READ_SECURITY } from './security.js'

/** Claims in fact-checkers' conventions: schema.org ClaimReview. */
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
        security: READ_SECURITY,
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
}
