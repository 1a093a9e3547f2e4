import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { editorOf } from '../../http/editor.js'
import { ClaimNoteBody, ClaimNoteSchema, WithdrawNoteQuery } from '../../schemas/claim-notes.js'
import { IdParams, LOCATION_HEADER, responses, SCOPED_BODY_PROBLEMS, success } from '../../schemas/common.js'
import { getClaimNote, setClaimNote, withdrawClaimNote } from '../../services/claim-notes.js'

const CARRIED =
  'The standing note is the claim’s `note`, its ClaimReview’s `reviewRating` and its claims:search `textualRating`. Notes are kept: a new one replaces the standing one without erasing it, a merged claim’s notes move to the survivor, and every change is on the audit trail (entityType `claim`).'

/** An editor's verdict on a claim, which the claim and its exports carry. */
export default async function claimNoteRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/claims/:id/note',
    {
      config: { access: 'read' },
      schema: {
        tags: ['claims'],
        operationId: 'getClaimNote',
        summary: 'The editor’s standing note on a claim',
        description: `404 when the claim has none. ${CARRIED}`,
        params: IdParams,
        response: responses({ 200: success(ClaimNoteSchema, 'The standing note.') }, 308, 400, 401, 404, 410),
      },
    },
    async (request) => getClaimNote(app.db, request.params.id),
  )

  app.put(
    '/claims/:id/note',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['claims'],
        operationId: 'setClaimNote',
        summary: 'Give a claim an editor’s verdict',
        description: `A verdict on how the claim was reported ("Misquoted by one outlet") and why. 201 when the claim had no standing note, 200 when this one replaces it. ${CARRIED}`,
        params: IdParams,
        body: ClaimNoteBody,
        response: responses(
          {
            200: success(ClaimNoteSchema, 'The note stands, in place of the one before.'),
            201: success(ClaimNoteSchema, 'The note stands; the claim had none.', LOCATION_HEADER),
          },
          ...SCOPED_BODY_PROBLEMS,
          308,
          404,
          410,
        ),
      },
    },
    async (request, reply) => {
      const { verdict, explanation, reason } = request.body
      const { note, replaced } = await setClaimNote(
        app.db,
        request.params.id,
        { verdict: verdict.trim(), explanation: explanation?.trim() ?? null },
        editorOf(request, reason),
      )
      if (replaced) return note
      return reply.code(201).header('location', `/v1/claims/${note.claimId}/note`).send(note)
    },
  )

  app.delete(
    '/claims/:id/note',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['claims'],
        operationId: 'withdrawClaimNote',
        summary: 'Withdraw the editor’s note on a claim',
        description:
          'The claim then has no verdict, and its exports no rating. The note is kept, marked withdrawn; 404 when the claim has no standing note.',
        params: IdParams,
        querystring: WithdrawNoteQuery,
        response: responses({ 200: success(ClaimNoteSchema, 'The note withdrawn.') }, 308, 400, 401, 403, 404, 410),
      },
    },
    async (request) => withdrawClaimNote(app.db, request.params.id, editorOf(request, request.query.reason)),
  )
}
