import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Headers a browser page on an allowed origin may read from an answer, beyond the basic ones. */
const EXPOSED_HEADERS = [
  'x-request-id',
  'location',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
]

/** How long a browser may keep a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600

/**
 * Cross-origin calls from browsers: pages on the origins of CORS_ORIGINS (or any, with *) may call the
 * API, their preflight answered before authentication (a browser sends it without the key). Keys are
 * bearer tokens, never cookies, so credentials are not allowed and nothing a browser holds is exposed.
 */
async function corsPlugin(fastify: FastifyInstance): Promise<void> {
  const origins = fastify.config.corsOrigins
  await fastify.register(cors, {
    // An empty list, not false: false would leave preflights unanswered (404) rather than answered and refused.
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE,
    // A preflight without Origin is no browser's; answered 204 like any other rather than with cors's plain-text 400.
    strictPreflight: false,
  })
}

export default fp(corsPlugin, { name: 'cors', dependencies: ['config'], fastify: '5.x' })
