import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { responses, success } from '../../schemas/common.js'
import { ExtractBody, ExtractResponse } from '../../schemas/extraction.js'

export default async function extractRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.post(
    '/extract',
    {
      // Stores nothing, so it is a read as far as keys go.
      config: { access: 'read' },
      schema: {
        tags: ['extraction'],
        operationId: 'extractQuotes',
        summary: 'Find the quotations in a text and who said them (nothing is stored)',
        body: ExtractBody,
        response: responses({ 200: success(ExtractResponse, 'The quotations found, in order.') }, 400, 401, 413, 415),
      },
    },
    async (request) => ({ quotes: await fastify.extractQuotes(request.body.text) }),
  )
}
