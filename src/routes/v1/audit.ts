import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { AuditEventSchema, AuditQuery } from '../../schemas/audit.js'
import { page, responses, success } from '../../schemas/common.js'
import { listAuditEvents } from '../../services/audit.js'

export default async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/audit',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEvents',
        summary: 'Read the audit trail, newest first',
        description:
          'Every change, ingestion included: who made it (the key and its name), when, what, the entity before and after, and the reason given. Filters combine; `from` and `to` bound the time.',
        querystring: AuditQuery,
        response: responses({ 200: success(page(AuditEventSchema), 'A page of audit events.') }, 400, 401, 403),
      },
    },
    async (request) => listAuditEvents(app.prisma, request.query),
  )
}
