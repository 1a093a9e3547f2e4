import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { shapeOpenApiDocument } from '../http/openapi-shape.js'
import { ProblemSchema } from '../schemas/common.js'
import { VERSION } from '../version.js'

/** The OpenAPI 3.1 document, built from the routes' own schemas, and Swagger UI at /docs. */
async function swaggerPlugin(fastify: FastifyInstance): Promise<void> {
  // Every documented operation has an id, once: what a generated client names its functions by.
  const operationIds = new Set<string>()
  fastify.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; operationId?: string } | undefined
    if (schema?.hide === true || route.method === 'HEAD') return
    const id = schema?.operationId
    if (id === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no schema.operationId`)
    if (operationIds.has(id)) throw new Error(`operationId ${id} is declared twice`)
    operationIds.add(id)
  })
  fastify.addSchema(ProblemSchema)
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      // Relative: the document describes the server that serves it, whatever its address.
      servers: [{ url: '/', description: 'this server' }],
      info: {
        title: 'Verbatim API',
        version: VERSION,
        description:
          'Source-attribution fact-checking: ingest news articles, find every direct quotation and who said it, ' +
          'group renderings of the same utterance across outlets into claims, and see how faithfully each outlet reproduced it. ' +
          'Errors are application/problem+json (RFC 9457). Writes need `Authorization: Bearer <key>` with the scope the operation lists (read, ingest, edit or admin).',
      },
      tags: [
        { name: 'articles', description: 'Ingest and read articles' },
        { name: 'outlets', description: 'Publishers' },
        { name: 'speakers', description: 'People and organisations quoted' },
        { name: 'claims', description: 'Utterances grouped across outlets' },
        { name: 'extraction', description: 'Quotation finding without storage' },
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'keys', description: 'API keys and their scopes (admin)' },
        { name: 'corrections', description: 'Editors fix what the machine got wrong (edit)' },
        { name: 'audit', description: 'Who changed what, when and why (edit)' },
        { name: 'webhooks', description: 'Events POSTed to subscribers, signed and retried (admin)' },
        { name: 'errors', description: 'What each problem type means' },
      ],
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'an API key' } },
      },
    },
    transformObject: (document) =>
      'openapiObject' in document ? shapeOpenApiDocument(document.openapiObject) : document.swaggerObject,
    // Shared schemas (Problem) become named components instead of being repeated in every response.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === 'string' ? json.$id : `def-${index}`,
    },
  })
  await fastify.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true, validatorUrl: null } })
  fastify.get('/openapi.json', { schema: { hide: true } }, async () => fastify.swagger())
}

export default fp(swaggerPlugin, { name: 'swagger', dependencies: ['config'], fastify: '5.x' })
