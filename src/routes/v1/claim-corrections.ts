import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { editorOf } from '../../http/editor.js'
import { ClaimMergeBody, ClaimSplitBody, RenderingMoveBody } from '../../schemas/claim-corrections.js'
import { ClaimDetailSchema } from '../../schemas/claims.js'
import { IdParams, LOCATION_HEADER, responses, SCOPED_BODY_PROBLEMS, success } from '../../schemas/common.js'
import { mergeClaims, moveRendering, splitClaim } from '../../services/claim-corrections.js'
import { getClaimDetail } from '../../services/claims.js'

/** What a claim correction can answer besides success: the claims named may be merged away (308) or gone. */
const CORRECTION_PROBLEMS = [...SCOPED_BODY_PROBLEMS, 308, 404, 409, 410] as const

const HOLDS =
  'The correction is kept as a fact about the quotes it names (by article, words and occurrence), which the grouping obeys: re-posting or revising an article, later articles printing the same words and concurrent ingests all respect it. Claim ids stay resolvable: a claim merged away answers 308 with the survivor. On the audit trail (entityType `claim`).'

/** Editors' corrections of claims: merge two, move a rendering, split renderings out. */
export default async function claimCorrectionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/claims/:id/merge',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['claims', 'corrections'],
        operationId: 'mergeClaims',
        summary: 'Merge two claims of one speaker',
        description: `The two become one claim; the claim printed first keeps its id and the other redirects to it (308). Later renderings of either claim's words join the merged claim. 409 for claims of two speakers (correct the quotes' speaker first) or a claim merged with itself. ${HOLDS}`,
        params: IdParams,
        body: ClaimMergeBody,
        response: responses({ 200: success(ClaimDetailSchema, 'The merged claim.') }, ...CORRECTION_PROBLEMS),
      },
    },
    async (request) => {
      const { claimId } = await mergeClaims(
        app.db,
        request.params.id,
        request.body.claimId,
        editorOf(request, request.body.reason),
      )
      return getClaimDetail(app.prisma, claimId)
    },
  )

  app.post(
    '/claims/:id/renderings',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['claims', 'corrections'],
        operationId: 'moveRendering',
        summary: 'Move a rendering into this claim',
        description: `The quote leaves the claim it is in for this one, of the same speaker; the renderings it leaves stay together. 409 for a quote of another speaker, or one in this claim already. ${HOLDS}`,
        params: IdParams,
        body: RenderingMoveBody,
        response: responses(
          { 200: success(ClaimDetailSchema, 'The claim the rendering is in now.') },
          ...CORRECTION_PROBLEMS,
        ),
      },
    },
    async (request) => {
      const { claimId } = await moveRendering(
        app.db,
        request.params.id,
        request.body.quoteId,
        editorOf(request, request.body.reason),
      )
      return getClaimDetail(app.prisma, claimId)
    },
  )

  app.post(
    '/claims/:id/split',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['claims', 'corrections'],
        operationId: 'splitClaim',
        summary: 'Split renderings out of a claim into a claim of their own',
        description: `The renderings named form a claim of their own; the others stay together. The claim's id stays with the part holding its earliest rendering, so the answer (the claim of the renderings split out, at Location) may carry the old id. 409 for a quote not in the claim, or every rendering of it. ${HOLDS}`,
        params: IdParams,
        body: ClaimSplitBody,
        response: responses(
          { 201: success(ClaimDetailSchema, 'The claim of the renderings split out.', LOCATION_HEADER) },
          ...CORRECTION_PROBLEMS,
        ),
      },
    },
    async (request, reply) => {
      const { claimId } = await splitClaim(
        app.db,
        request.params.id,
        request.body.quoteIds,
        editorOf(request, request.body.reason),
      )
      const claim = await getClaimDetail(app.prisma, claimId)
      return reply.code(201).header('location', `/v1/claims/${claimId}`).send(claim)
    },
  )
}
