import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { ArticleQuotesQuery, IngestArticleBody, ListArticlesQuery } from '../../schemas/articles.js'
import { SCOPED_BODY_PROBLEMS, IdParams, LOCATION_HEADER, page, responses, success } from '../../schemas/common.js'
import { ArticleSchema, ArticleSummarySchema, IngestResultSchema, QuoteSchema } from '../../schemas/resources.js'
import { getArticle, ingestArticle, listArticleQuotes, listArticles } from '../../services/articles.js'

export default async function articleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/articles',
    {
      config: { access: 'ingest' },
      schema: {
        tags: ['articles'],
        operationId: 'ingestArticle',
        summary: 'Ingest an article',
        description:
          'Stores the article, given as its `text` or as its web page (`html`, read down to its article; 422 when it holds none). Idempotent by canonical URL: the same URL with the same text returns the stored article (200, status "unchanged"); a changed text is kept as a new revision (200, status "revised"); a new URL is created (201).',
        body: IngestArticleBody,
        response: responses(
          {
            200: success(IngestResultSchema, 'The article was stored already: unchanged, or a new revision of it.'),
            201: success(IngestResultSchema, 'The article is new and stored.', LOCATION_HEADER),
          },
          ...SCOPED_BODY_PROBLEMS,
          422,
        ),
      },
    },
    async (request, reply) => {
      const result = await ingestArticle(app.db, request.body, request.actor ?? 'anonymous', {
        extract: fastify.extractQuotes,
        readPage: fastify.readArticlePage,
        log: request.log,
      })
      reply.header('location', `/v1/articles/${result.id}`)
      return reply.code(result.status === 'created' ? 201 : 200).send(result)
    },
  )

  app.get(
    '/articles',
    {
      config: { access: 'read' },
      schema: {
        tags: ['articles'],
        operationId: 'listArticles',
        summary: 'List articles, newest first',
        querystring: ListArticlesQuery,
        response: responses({ 200: success(page(ArticleSummarySchema), 'A page of articles.') }, 400, 401),
      },
    },
    async (request) => listArticles(app.prisma, request.query),
  )

  app.get(
    '/articles/:id',
    {
      config: { access: 'read' },
      schema: {
        tags: ['articles'],
        operationId: 'getArticle',
        summary: 'An article with its current text',
        params: IdParams,
        response: responses({ 200: success(ArticleSchema, 'The article.') }, 400, 401, 404, 410),
      },
    },
    async (request) => getArticle(app.prisma, request.params.id),
  )

  app.get(
    '/articles/:id/quotes',
    {
      config: { access: 'read' },
      schema: {
        tags: ['articles'],
        operationId: 'listArticleQuotes',
        summary: 'The quotations found in an article, in order',
        description:
          'A page of at most `limit` quotes (1000 by default, enough for every quote of a normal article); `nextCursor` reads on.',
        params: IdParams,
        querystring: ArticleQuotesQuery,
        response: responses(
          { 200: success(page(QuoteSchema), 'A page of the article’s quotes, in order.') },
          400,
          401,
          404,
          410,
        ),
      },
    },
    async (request) => listArticleQuotes(app.prisma, request.params.id, request.query),
  )
}
