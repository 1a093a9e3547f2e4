import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../http/problem.js'

/** What a route asks of its caller: `write` always needs a key, `read` only when REQUIRE_KEY_FOR_READS. */
export type RouteAccess = 'public' | 'read' | 'write'

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
  }
  interface FastifyRequest {
    /** who is calling: "key:<id>" for a stored key, "env:<n>" for the n-th of API_KEYS, null when anonymous */
    actor: string | null
  }
}

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex')

// The same answer for a missing, malformed, unknown or revoked key: which one it was is no business
// of someone who does not hold a key.
const unauthorized = () => new HttpProblem('unauthorized', 'a valid API key is required')

// Stored keys are looked up per request; lastUsedAt is written at most this often per key.
const LAST_USED_RESOLUTION_MS = 60_000

async function authPlugin(fastify: FastifyInstance): Promise<void> {
  const envKeyHashes = fastify.config.apiKeys.map((key) => Buffer.from(hashApiKey(key), 'hex'))
  const lastUsedWritten = new Map<string, number>()

  // Every versioned route must say who may call it, so a new route cannot be open by omission.
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no config.access`)
    }
  })

  fastify.decorateRequest('actor', null)

  async function identify(request: FastifyRequest): Promise<string | null> {
    const header = request.headers.authorization
    if (header === undefined) return null
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header)
    if (!match) throw unauthorized()
    const hash = Buffer.from(hashApiKey(match[1]!), 'hex')
    // Compare against every configured key, in constant time each, so timing says nothing either.
    let envIndex = -1
    envKeyHashes.forEach((candidate, index) => {
      if (timingSafeEqual(candidate, hash)) envIndex = index
    })
    if (envIndex !== -1) return `env:${envIndex + 1}`
    const stored = await fastify.prisma.apiKey.findUnique({
      where: { keyHash: hash.toString('hex') },
      select: { id: true, revokedAt: true },
    })
    if (!stored || stored.revokedAt) throw unauthorized()
    const now = Date.now()
    if (now - (lastUsedWritten.get(stored.id) ?? 0) > LAST_USED_RESOLUTION_MS) {
      lastUsedWritten.set(stored.id, now)
      await fastify.prisma.apiKey.update({ where: { id: stored.id }, data: { lastUsedAt: new Date(now) } })
    }
    return `key:${stored.id}`
  }

  fastify.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'public'
    if (access === 'public') return
    request.actor = await identify(request)
    const needsKey = access === 'write' || fastify.config.REQUIRE_KEY_FOR_READS
    if (needsKey && request.actor === null) throw unauthorized()
  })
}

export default fp(authPlugin, { name: 'auth', dependencies: ['config', 'database'], fastify: '5.x' })
