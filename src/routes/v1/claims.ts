import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { getSpeaker } from '../../services/catalog.js'
import {
  ClaimDetailSchema,
  ClaimListItemSchema,
  ListClaimsQuery,
  ScorecardQuery,
  ScorecardSchema,
  VerifyBody,
  VerifyResponse,
} from '../../schemas/claims.js'
import { IdParams, page, PaginationQuery, responses, success } from '../../schemas/common.js'
import { getClaimDetail, listClaims, outletScorecard, verifyQuote } from '../../services/claims.js'

export default async function claimRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/claims',
    {
      config: { access: 'read' },
      schema: {
        tags: ['claims'],
        operationId: 'listClaims',
        summary: 'List claims, newest first, by speaker, wording, outlet, label, time or misattribution',
        querystring: ListClaimsQuery,
        response: responses({ 200: success(page(ClaimListItemSchema), 'A page of claims.') }, 400, 401),
      },
    },
    async (request) => listClaims(app.prisma, request.query),
  )

  app.get(
    '/claims/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['claims'],
        operationId: 'getClaim',
        summary: 'A claim with its consistency summary and every appearance',
        description:
          'The speaker, the canonical wording (the wording printed by the most articles, as first printed), who printed it first, and every rendering with its label (verbatim, excerpt, extended, elided, altered), fidelity and word diff against the canonical wording; and the quotes in which other outlets gave these words to someone else. A claim id once returned always answers: a claim since merged into another redirects there (308, `Location` and `mergedInto`), one whose renderings were all withdrawn answers 410.',
        params: IdParams,
        response: responses({ 200: success(ClaimDetailSchema, 'The claim.') }, 308, 400, 401, 404, 410),
      },
    },
    async (request) => getClaimDetail(app.prisma, request.params.id),
  )

  app.get(
    '/speakers/:id/claims',
    {
      config: { access: 'read' },
      schema: {
        tags: ['speakers', 'claims'],
        operationId: 'listSpeakerClaims',
        summary: 'The claims of one speaker, newest first',
        params: IdParams,
        querystring: Type.Object(PaginationQuery, { additionalProperties: false }),
        response: responses(
          { 200: success(page(ClaimListItemSchema), 'A page of the speaker’s claims.') },
          308,
          400,
          401,
          404,
        ),
      },
    },
    async (request) => {
      const { id } = request.params
      // A speaker merged into another redirects to the survivor's claims, which hold its claims now.
      await getSpeaker(app.prisma, id, (survivor) => `/v1/speakers/${survivor}/claims`)
      return listClaims(app.prisma, { ...request.query, speaker: id })
    },
  )

  app.post(
    '/verify',
    {
      // Stores nothing, so it is a read as far as keys go.
      config: { access: 'read' },
      schema: {
        tags: ['claims'],
        operationId: 'verifyQuote',
        summary: 'Check a quote against the record (nothing is stored)',
        description:
          'Finds the claims whose wording the text shares and says how the text differs from each canonical wording. Verdict: matches, excerpt, elided, altered, extended, attributed-to-other-speaker (the words are on record for someone other than `speaker`), unknown-speaker (no speaker, or more than one, goes by the name given: `suggestions` lists who may be meant, and `matches` are those found without a speaker) or no-record. `speaker` is resolved by id, slug, alias (with or without a title), surname, or a close spelling of exactly one known name.',
        body: VerifyBody,
        response: responses(
          { 200: success(VerifyResponse, 'The verdict and the claims it rests on.') },
          400,
          401,
          413,
          415,
        ),
      },
    },
    async (request) => verifyQuote(app.prisma, request.body),
  )

  app.get(
    '/outlets/:id/scorecard',
    {
      config: { access: 'read' },
      schema: {
        tags: ['outlets'],
        operationId: 'getOutletScorecard',
        summary: 'How faithfully an outlet reproduces quotes: renderings by label, mean fidelity, most altered',
        params: IdParams,
        querystring: ScorecardQuery,
        response: responses({ 200: success(ScorecardSchema, 'The outlet’s scorecard.') }, 400, 401, 404),
      },
    },
    async (request) => outletScorecard(app.prisma, request.params.id, request.query),
  )
}
