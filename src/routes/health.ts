import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { HttpProblem } from '../http/problem.js'
import { responses, success } from '../schemas/common.js'

const Status = Type.Object({ status: Type.Literal('ok') })
const Ready = Type.Object({ status: Type.Literal('ready'), database: Type.Enum(['postgres', 'pglite']) })

export default async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/health',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['health'],
        operationId: 'getHealth',
        summary: 'The process is up',
        response: responses({ 200: success(Status, 'The process is up.') }),
      },
    },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/ready',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['health'],
        operationId: 'getReadiness',
        summary: 'The database is reachable (503 otherwise)',
        response: responses({ 200: success(Ready, 'The database answers.') }),
      },
    },
    async () => {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('ready check timed out')), fastify.config.DATABASE_TIMEOUT_MS)
      })
      try {
        await Promise.race([fastify.prisma.$queryRaw`SELECT 1`, timeout])
      } catch (error) {
        fastify.log.warn({ err: error }, 'ready check failed')
        throw new HttpProblem('database-unavailable', 'the database cannot be reached')
      } finally {
        clearTimeout(timer)
      }
      return { status: 'ready' as const, database: fastify.db.engine }
    },
  )
}
