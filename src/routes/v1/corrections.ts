import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { editorOf } from '../../http/editor.js'
import { Type } from 'typebox'
import { badRequest } from '../../http/problem.js'
import { SCOPED_BODY_PROBLEMS, IdParams, responses, success } from '../../schemas/common.js'
import {
  CorrectionReasonBody,
  CorrectionResultSchema,
  CorrectionSchema,
  QuoteSpeakerBody,
  UndoQuery,
  type QuoteSpeakerInput,
} from '../../schemas/corrections.js'
import { correctQuote, listArticleCorrections, undoCorrection, type QuoteChange } from '../../services/corrections.js'

/** The one speaker a correction names: by id or by name, never both or neither. */
function speakerChange(body: QuoteSpeakerInput): QuoteChange {
  if ((body.speakerId === undefined) === (body.name === undefined)) {
    const field = body.speakerId === undefined ? '/speakerId' : '/name'
    throw badRequest('validation', 'give exactly one of speakerId and name', [
      { in: 'body', field, message: 'exactly one of speakerId and name is required' },
    ])
  }
  if (body.kind !== undefined && body.name === undefined) {
    throw badRequest('validation', 'kind goes with name', [{ in: 'body', field: '/kind', message: 'needs name' }])
  }
  return body.speakerId !== undefined
    ? { speaker: { id: body.speakerId } }
    : { speaker: { name: body.name!.trim(), kind: body.kind ?? 'person' } }
}

const HOLDS =
  'The correction is kept as a fact about the article (the quote’s words and which occurrence of them it is): re-posting or revising the article, later articles and parallel ingestion all keep it. The article’s quotes are written again, so they get new ids; `quoteId` is the corrected one’s.'

export default async function correctionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.put(
    '/quotes/:id/speaker',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['corrections'],
        operationId: 'setQuoteSpeaker',
        summary: 'Set or change the speaker of a quote',
        description: `Gives the quote a known speaker (\`speakerId\`) or the one a name stands for, new if nobody goes by it (\`name\`). Its claims are regrouped. ${HOLDS}`,
        params: IdParams,
        body: QuoteSpeakerBody,
        response: responses(
          { 200: success(CorrectionResultSchema, 'The quote has that speaker.') },
          ...SCOPED_BODY_PROBLEMS,
          404,
        ),
      },
    },
    async (request) =>
      correctQuote(
        app.db,
        request.params.id,
        speakerChange(request.body),
        editorOf(request, request.body.reason),
        app.extractQuotes,
      ),
  )

  app.post(
    '/quotes/:id/not-a-quotation',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['corrections'],
        operationId: 'markNotQuotation',
        summary: 'Declare a quote no quotation',
        description: `For words in quotation marks that nobody said: a scare quote, a title, a term. The quote leaves its claim and the article’s quotes. Undo with DELETE /v1/corrections/{id}. ${HOLDS}`,
        params: IdParams,
        body: Type.Optional(CorrectionReasonBody),
        response: responses(
          { 200: success(CorrectionResultSchema, 'The words are no longer a quote.') },
          ...SCOPED_BODY_PROBLEMS,
          404,
        ),
      },
    },
    async (request) =>
      correctQuote(
        app.db,
        request.params.id,
        { notQuotation: true },
        editorOf(request, request.body?.reason),
        app.extractQuotes,
      ),
  )

  app.get(
    '/articles/:id/corrections',
    {
      config: { access: 'read' },
      schema: {
        tags: ['corrections'],
        operationId: 'listArticleCorrections',
        summary: 'The corrections an article’s quotes are held to',
        params: IdParams,
        response: responses(
          { 200: success(Type.Object({ items: Type.Array(CorrectionSchema) }), 'Its corrections, oldest first.') },
          400,
          401,
          404,
          410,
        ),
      },
    },
    async (request) => ({ items: await listArticleCorrections(app.prisma, request.params.id) }),
  )

  app.delete(
    '/corrections/:id',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['corrections'],
        operationId: 'undoCorrection',
        summary: 'Take a correction back',
        description:
          'The quote is read from the article again as if the correction had never been made (its speaker as the article gives it, or back as a quotation). The article’s quotes get new ids.',
        params: IdParams,
        querystring: UndoQuery,
        response: responses({ 200: success(CorrectionSchema, 'The correction taken back.') }, 400, 401, 403, 404),
      },
    },
    async (request) =>
      undoCorrection(app.db, request.params.id, editorOf(request, request.query.reason), app.extractQuotes),
  )
}
