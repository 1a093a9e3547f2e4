import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../http/problem.js'

/**
 * Refused requests, counted per address. The rate limiter (src/plugins/security.ts) counts a caller
 * by key after authentication, so what is refused before it runs — a bad key (401), a bad input
 * (400), an unknown route (404) — was never counted: nineteen thousand made-up keys in five seconds
 * each cost a key lookup and none got a 429. Here every 4xx answer counts against its address, and
 * an address that has had RATE_LIMIT_MAX of them in the window is refused first thing, before its key
 * is looked up. A caller whose requests succeed is never counted here.
 */
interface Window {
  refused: number
  endsAt: number
}

async function refusalLimitPlugin(fastify: FastifyInstance): Promise<void> {
  const { RATE_LIMIT_MAX: max, RATE_LIMIT_WINDOW_MS: windowMs } = fastify.config
  const windows = new Map<string, Window>()

  // Windows that have ended are dropped, so made-up addresses cannot grow the map without bound.
  const sweep = setInterval(() => {
    const now = Date.now()
    for (const [address, window] of windows) if (window.endsAt <= now) windows.delete(address)
  }, windowMs)
  sweep.unref()
  fastify.addHook('onClose', async () => clearInterval(sweep))

  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.rateLimit === false) return
    const window = windows.get(request.ip)
    if (!window || window.refused < max || window.endsAt <= Date.now()) return
    const seconds = Math.ceil((window.endsAt - Date.now()) / 1000)
    reply.header('retry-after', String(seconds))
    throw new HttpProblem(
      'rate-limited',
      `at most ${max} refused requests per window from one address; retry in ${seconds} seconds`,
    )
  })

  fastify.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode < 400 || reply.statusCode >= 500 || reply.statusCode === 429) return
    const now = Date.now()
    const window = windows.get(request.ip)
    if (window && window.endsAt > now) window.refused++
    else windows.set(request.ip, { refused: 1, endsAt: now + windowMs })
  })
}

export default fp(refusalLimitPlugin, { name: 'refusal-limit', dependencies: ['config', 'errors'], fastify: '5.x' })
