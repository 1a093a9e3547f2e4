import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { REQUEST_ID_HEADER } from '../http/request-id.js'

/**
 * Every answer names its request (x-request-id), so a caller holding a 500 can find its log lines. Set
 * when the request arrives, so errors, refusals and 404s carry it too; the answers written before any
 * hook runs set it themselves (src/http/framework-errors.ts).
 */
async function requestIdPlugin(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id)
  })
}

export default fp(requestIdPlugin, { name: 'request-id', fastify: '5.x' })
