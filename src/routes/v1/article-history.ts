import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { editorOf } from '../../http/editor.js'
import {
  ArticleDeletionSchema,
  DeleteArticleQuery,
  ListRevisionsQuery,
  RevisionParams,
  RevisionSchema,
  RevisionSummarySchema,
} from '../../schemas/article-history.js'
import { IdParams, page, responses, success } from '../../schemas/common.js'
import { deleteArticle } from '../../services/article-deletion.js'
import { getRevision, listRevisions } from '../../services/article-revisions.js'

/** An article's life after ingestion: the texts it has had, and its deletion by an editor. */
export default async function articleHistoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/articles/:id/revisions',
    {
      config: { access: 'read' },
      schema: {
        tags: ['articles'],
        operationId: 'listArticleRevisions',
        summary: 'The texts an article has had, newest first',
        description:
          'One revision per distinct text posted for the article’s URL (re-posting an unchanged text adds none). Each revision is read whole at GET /v1/articles/{id}/revisions/{revisionId}.',
        params: IdParams,
        querystring: ListRevisionsQuery,
        response: responses(
          { 200: success(page(RevisionSummarySchema), 'A page of revisions, newest first.') },
          400,
          401,
          404,
          410,
        ),
      },
    },
    async (request) => listRevisions(app.prisma, request.params.id, request.query),
  )

  app.get(
    '/articles/:id/revisions/:revisionId',
    {
      config: { access: 'read' },
      schema: {
        tags: ['articles'],
        operationId: 'getArticleRevision',
        summary: 'One text an article has had',
        params: RevisionParams,
        response: responses({ 200: success(RevisionSchema, 'The revision, with its text.') }, 400, 401, 404, 410),
      },
    },
    async (request) => getRevision(app.prisma, request.params.id, request.params.revisionId),
  )

  app.delete(
    '/articles/:id',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['articles'],
        operationId: 'deleteArticle',
        summary: 'Delete an article stored by mistake',
        description:
          'For an article that should not be there (a test post, a page that is no article). Its quotes leave their claims, which are recomputed as a revision printing none would recompute them; the article, its revisions and its corrections go, and its id answers 410 from then on. Posting the same URL again stores it anew under a new id. On the audit trail as `article.deleted`.',
        params: IdParams,
        querystring: DeleteArticleQuery,
        response: responses(
          { 200: success(ArticleDeletionSchema, 'The article is deleted.') },
          400,
          401,
          403,
          404,
          410,
        ),
      },
    },
    async (request) => deleteArticle(app.db, app.prisma, request.params.id, editorOf(request, request.query.reason)),
  )
}
