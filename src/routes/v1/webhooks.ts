import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import {
  IdParams,
  LOCATION_HEADER,
  page,
  PaginationQuery,
  responses,
  SCOPED_BODY_PROBLEMS,
  success,
} from '../../schemas/common.js'
import { Type } from 'typebox'
import {
  CreatedWebhookSubscriptionSchema,
  DeliveryQuery,
  WebhookDeliverySchema,
  WebhookSubscriptionBody,
  WebhookSubscriptionSchema,
} from '../../schemas/webhooks.js'
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  getWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
} from '../../services/webhooks.js'

const DELIVERY =
  'Each event is POSTed as JSON `{id, type, createdAt, data}`, signed as Standard Webhooks signs (headers `webhook-id`, `webhook-timestamp`, `webhook-signature`). Any 2xx within WEBHOOK_TIMEOUT_MS delivers it; anything else is retried with doubling delays (WEBHOOK_RETRY_DELAY_SECONDS, WEBHOOK_RETRY_LIMIT), across restarts, and every attempt is in the delivery log.'

/** Webhook subscriptions: an admin's, since a subscriber receives whatever its filters let through. */
export default async function webhookRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/webhooks',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'createWebhookSubscription',
        summary: 'Subscribe a URL to events',
        description: `Events of the types given, narrowed by every filter given (speaker, outlet, claim). ${DELIVERY} The answer holds the signing secret, once.`,
        body: WebhookSubscriptionBody,
        response: responses(
          { 201: success(CreatedWebhookSubscriptionSchema, 'The subscription, with its secret.', LOCATION_HEADER) },
          ...SCOPED_BODY_PROBLEMS,
        ),
      },
    },
    async (request, reply) => {
      const created = await createWebhookSubscription(app.db, request.body, request.actor as string)
      return reply.code(201).header('location', `/v1/webhooks/${created.id}`).send(created)
    },
  )

  app.get(
    '/webhooks',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhookSubscriptions',
        summary: 'List webhook subscriptions, newest first',
        description: 'Never their secrets.',
        querystring: Type.Object(PaginationQuery, { additionalProperties: false }),
        response: responses(
          { 200: success(page(WebhookSubscriptionSchema), 'A page of subscriptions.') },
          400,
          401,
          403,
        ),
      },
    },
    async (request) => listWebhookSubscriptions(app.prisma, request.query),
  )

  app.get(
    '/webhooks/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'getWebhookSubscription',
        summary: 'A webhook subscription',
        params: IdParams,
        response: responses({ 200: success(WebhookSubscriptionSchema, 'The subscription.') }, 400, 401, 403, 404),
      },
    },
    async (request) => getWebhookSubscription(app.prisma, request.params.id),
  )

  app.delete(
    '/webhooks/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'deleteWebhookSubscription',
        summary: 'End a webhook subscription',
        description: 'Nothing more is delivered to it, queued deliveries included; its delivery log goes with it.',
        params: IdParams,
        response: responses(
          { 200: success(WebhookSubscriptionSchema, 'The subscription, ended.') },
          400,
          401,
          403,
          404,
        ),
      },
    },
    async (request) => deleteWebhookSubscription(app.db, request.params.id, request.actor as string),
  )

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhookDeliveries',
        summary: 'A subscription’s delivery log, newest first',
        description: `Each event sent to the subscription, its state and every attempt: when, the receiver’s status, what went wrong, how long it took. ${DELIVERY}`,
        params: IdParams,
        querystring: DeliveryQuery,
        response: responses({ 200: success(page(WebhookDeliverySchema), 'A page of deliveries.') }, 400, 401, 403, 404),
      },
    },
    async (request) => listWebhookDeliveries(app.prisma, request.params.id, request.query),
  )
}
