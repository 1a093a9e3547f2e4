import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../http/problem.js'
import { grants, type Scope } from '../http/scopes.js'

/**
 * What a route asks of its caller: nothing, or a key with a scope. `read` needs a key only when
 * REQUIRE_KEY_FOR_READS; every other scope always does.
 */
export type RouteAccess = 'public' | Scope

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

/**
 * The OpenAPI security requirement of a route: the scope it needs; for a read, also none (reads need a key
 * only when REQUIRE_KEY_FOR_READS); for a public route, nothing.
 */
export function securityOf(access: RouteAccess): Record<string, string[]>[] {
  if (access === 'public') return []
  return access === 'read' ? [{}, { apiKey: ['read'] }] : [{ apiKey: [access] }]
}

// The same answer for a missing, malformed, unknown or revoked key: which one it was is no business
// of someone who does not hold a key.
const unauthorized = () => new HttpProblem('unauthorized', 'a valid API key is required')

const forbidden = (scope: Scope) =>
  new HttpProblem('forbidden', `this API key does not have the "${scope}" scope this operation needs`, undefined, {
    extensions: { requiredScope: scope },
  })

// Stored keys are looked up per request; lastUsedAt is written at most this often per key.
const LAST_USED_RESOLUTION_MS = 60_000

interface Caller {
  actor: string
  scopes: readonly Scope[]
}

async function authPlugin(fastify: FastifyInstance): Promise<void> {
  const envKeys = fastify.config.apiKeys.map(({ key, scopes }) => ({
    hash: Buffer.from(hashApiKey(key), 'hex'),
    scopes,
  }))
  const lastUsedWritten = new Map<string, number>()

  fastify.addHook('onRoute', (route) => {
    // Every versioned route must say who may call it, so a new route cannot be open by omission.
    const access = route.config?.access
    if (route.url.startsWith('/v1') && !access) {
      throw new Error(`route ${route.method} ${route.url} declares no config.access`)
    }
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined
    if (!access || !schema || schema.hide === true) return
    // The document states the scope the hook below enforces: written here, from the same value, not by each route.
    route.schema = { ...route.schema, security: securityOf(access) }
    // And a route that needs a scope answers 401 and 403, so it must say so.
    if (access !== 'public' && access !== 'read') {
      const missing = ['401', '403'].filter((status) => !schema.response || !(status in schema.response))
      if (missing.length > 0)
        throw new Error(`route ${route.method} ${route.url} needs "${access}" but declares no ${missing.join(', ')}`)
    }
  })

  fastify.decorateRequest('actor', null)

  async function identify(request: FastifyRequest): Promise<Caller | null> {
    const header = request.headers.authorization
    if (header === undefined) return null
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header)
    if (!match) throw unauthorized()
    const hash = Buffer.from(hashApiKey(match[1]!), 'hex')
    // Compare against every configured key, in constant time each, so timing says nothing either.
    let envIndex = -1
    envKeys.forEach((candidate, index) => {
      if (timingSafeEqual(candidate.hash, hash)) envIndex = index
    })
    if (envIndex !== -1) return { actor: `env:${envIndex + 1}`, scopes: envKeys[envIndex]!.scopes }
    const stored = await fastify.prisma.apiKey.findUnique({
      where: { keyHash: hash.toString('hex') },
      select: { id: true, revokedAt: true, scopes: true },
    })
    if (!stored || stored.revokedAt) throw unauthorized()
    const now = Date.now()
    if (now - (lastUsedWritten.get(stored.id) ?? 0) > LAST_USED_RESOLUTION_MS) {
      lastUsedWritten.set(stored.id, now)
      await fastify.prisma.apiKey.update({ where: { id: stored.id }, data: { lastUsedAt: new Date(now) } })
    }
    // The database's CHECK holds stored scopes to the known names.
    return { actor: `key:${stored.id}`, scopes: stored.scopes as Scope[] }
  }

  fastify.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'public'
    if (access === 'public') return
    const caller = await identify(request)
    request.actor = caller?.actor ?? null
    const needsKey = access !== 'read' || fastify.config.REQUIRE_KEY_FOR_READS
    if (!needsKey) return
    if (!caller) throw unauthorized()
    if (!grants(caller.scopes, access)) throw forbidden(access)
  })
}

export default fp(authPlugin, { name: 'auth', dependencies: ['config', 'database'], fastify: '5.x' })
