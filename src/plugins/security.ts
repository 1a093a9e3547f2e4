import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../http/problem.js'
import { HELMET_OPTIONS } from '../http/security-headers.js'

/** Security headers and per-caller rate limiting. */
async function securityPlugin(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, HELMET_OPTIONS)
  await fastify.register(rateLimit, {
    max: fastify.config.RATE_LIMIT_MAX,
    timeWindow: fastify.config.RATE_LIMIT_WINDOW_MS,
    // After authentication, so a caller with a key is counted by key (wherever it calls from) and a
    // caller rotating made-up keys is still counted by address.
    hook: 'preHandler',
    keyGenerator: (request) => request.actor ?? `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem('rate-limited', `at most ${context.max} requests per window; retry in ${context.after}`),
  })
}

export default fp(securityPlugin, { name: 'security', dependencies: ['config', 'auth'], fastify: '5.x' })
