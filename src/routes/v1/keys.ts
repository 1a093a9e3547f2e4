import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { notFound } from '../../http/problem.js'
import { SCOPED_BODY_PROBLEMS, IdParams, LOCATION_HEADER, responses, success } from '../../schemas/common.js'
import { ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema } from '../../schemas/keys.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys.js'

/** API keys, managed over HTTP by an admin key as `verbatim keys` does from the command line. */
export default async function keyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/keys',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['keys'],
        operationId: 'listApiKeys',
        summary: 'List the stored API keys',
        description: 'Every stored key, revoked ones too, oldest first; never the keys themselves.',
        response: responses({ 200: success(Type.Object({ items: Type.Array(ApiKeySchema) }), 'The keys.') }, 401, 403),
      },
    },
    async () => ({ items: await listApiKeys(app.prisma) }),
  )

  app.post(
    '/keys',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['keys'],
        operationId: 'createApiKey',
        summary: 'Create an API key',
        description: 'The answer holds the key itself, once: only its hash is stored.',
        body: CreateApiKeyBody,
        response: responses(
          { 201: success(CreatedApiKeySchema, 'The key was created.', LOCATION_HEADER) },
          ...SCOPED_BODY_PROBLEMS,
        ),
      },
    },
    async (request, reply) => {
      const { name, scopes } = request.body
      const created = await createApiKey(app.prisma, name.trim(), request.actor as string, scopes)
      reply.header('location', `/v1/keys/${created.id}`)
      return reply.code(201).send(created)
    },
  )

  app.delete(
    '/keys/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['keys'],
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key',
        description: 'The key stops working at once; it stays listed, with the time it was revoked.',
        params: IdParams,
        response: responses({ 200: success(ApiKeySchema, 'The key, revoked.') }, 400, 401, 403, 404),
      },
    },
    async (request) => {
      const revoked = await revokeApiKey(app.prisma, request.params.id, request.actor as string)
      if (!revoked) throw notFound('active API key', request.params.id)
      return revoked
    },
  )
}
