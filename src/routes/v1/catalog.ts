import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type, type TSchema } from 'typebox'
import type { PrismaClient } from '../../generated/prisma/client.js'
import { IdParams, page, PaginationQuery, responses, success } from '../../schemas/common.js'
import { OutletSchema, SpeakerSchema } from '../../schemas/resources.js'
import { getOutlet, getSpeaker, listOutlets, listSpeakers } from '../../services/catalog.js'

const ListQuery = Type.Object(PaginationQuery, { additionalProperties: false })

interface Collection {
  path: string
  tag: string
  noun: string
  schema: TSchema
  list: (prisma: PrismaClient, query: { limit?: number | undefined; cursor?: string | undefined }) => Promise<unknown>
  get: (prisma: PrismaClient, id: string) => Promise<unknown>
  /** problems one by id can answer beyond 400, 401 and 404: a speaker merged into another redirects (308) */
  problems: number[]
}

// Outlets and speakers are read the same way: a paginated list and one by id.
const COLLECTIONS: Collection[] = [
  {
    path: '/outlets',
    tag: 'outlets',
    noun: 'outlet',
    schema: OutletSchema,
    list: listOutlets,
    get: getOutlet,
    problems: [],
  },
  {
    path: '/speakers',
    tag: 'speakers',
    noun: 'speaker',
    schema: SpeakerSchema,
    list: listSpeakers,
    get: (prisma, id) => getSpeaker(prisma, id),
    problems: [308],
  },
]

/** The noun as operation ids spell it: "outlet" in listOutlets, getOutlet. */
const operationName = (noun: string): string => noun.charAt(0).toUpperCase() + noun.slice(1)

export default async function catalogRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  for (const collection of COLLECTIONS) {
    app.get(
      collection.path,
      {
        config: { access: 'read' },
        schema: {
          tags: [collection.tag],
          operationId: `list${operationName(collection.noun)}s`,
          summary: `List ${collection.noun}s, newest first`,
          querystring: ListQuery,
          response: responses({ 200: success(page(collection.schema), `A page of ${collection.noun}s.`) }, 400, 401),
        },
      },
      async (request) => collection.list(app.prisma, request.query),
    )
    app.get(
      `${collection.path}/:id`,
      {
        config: { access: 'read' },
        schema: {
          tags: [collection.tag],
          operationId: `get${operationName(collection.noun)}`,
          summary: `One ${collection.noun}`,
          params: IdParams,
          response: responses(
            { 200: success(collection.schema, `The ${collection.noun}.`) },
            ...collection.problems,
            400,
            401,
            404,
          ),
        },
      },
      async (request) => collection.get(app.prisma, request.params.id),
    )
  }
}
