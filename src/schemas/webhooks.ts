import { Type, type Static } from 'typebox'
import { WEBHOOK_EVENT_TYPES } from '../domain/webhooks/index.js'
import { DateTime, Nullable, PaginationQuery } from './common.js'
import { named } from './named.js'

const SUBSCRIPTION = '0196a1f3-1a2b-7c3d-8e4f-5a6b7c8d9e0f'
const SPEAKER = '0196a1ee-5b6c-7d8e-9f0a-1b2c3d4e5f6a'

const EventType = Type.Enum([...WEBHOOK_EVENT_TYPES], {
  description:
    'claim.created: a speaker’s words nobody had printed before; rendering.divergent: an article printed a claim’s words cut, elided, extended or altered; quote.misattributed: words a claim has from one speaker printed under another’s name; correction: an editor changed a quote, speaker, claim note or article',
})

export const WebhookSubscriptionBody = named(
  'WebhookSubscriptionInput',
  Type.Object(
    {
      url: Type.String({
        format: 'uri',
        pattern: '^https?://',
        maxLength: 2000,
        description: 'where events are POSTed (http or https)',
        examples: ['https://desk.example.org/hooks/verbatim'],
      }),
      events: Type.Array(EventType, {
        minItems: 1,
        uniqueItems: true,
        description: 'the event types wanted',
        examples: [['rendering.divergent', 'quote.misattributed']],
      }),
      speakerId: Type.Optional(
        Type.String({
          format: 'uuid',
          description: 'only events about this speaker (a merged speaker’s id is followed to the survivor)',
        }),
      ),
      outletId: Type.Optional(Type.String({ format: 'uuid', description: 'only events about this outlet’s articles' })),
      claimId: Type.Optional(
        Type.String({ format: 'uuid', description: 'only events about this claim (followed when it is merged)' }),
      ),
      description: Type.Optional(Type.String({ minLength: 1, maxLength: 500, examples: ['misquotes desk'] })),
    },
    { additionalProperties: false },
  ),
)
export type WebhookSubscriptionInput = Static<typeof WebhookSubscriptionBody>

const subscriptionFields = {
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  events: Type.Array(EventType),
  speakerId: Nullable(Type.String({ format: 'uuid' })),
  outletId: Nullable(Type.String({ format: 'uuid' })),
  claimId: Nullable(Type.String({ format: 'uuid' })),
  description: Nullable(Type.String()),
  createdAt: DateTime,
}

const SUBSCRIPTION_EXAMPLE = {
  id: SUBSCRIPTION,
  url: 'https://desk.example.org/hooks/verbatim',
  events: ['rendering.divergent', 'quote.misattributed'],
  speakerId: SPEAKER,
  outletId: null,
  claimId: null,
  description: 'misquotes desk',
  createdAt: '2025-05-04T09:00:00.000Z',
}

export const WebhookSubscriptionSchema = named(
  'WebhookSubscription',
  Type.Object(subscriptionFields, { examples: [SUBSCRIPTION_EXAMPLE] }),
)

export const CreatedWebhookSubscriptionSchema = named(
  'CreatedWebhookSubscription',
  Type.Object(
    {
      ...subscriptionFields,
      secret: Type.String({
        description:
          'the key deliveries are signed with (Standard Webhooks: `webhook-signature` is `v1,` and the base64 HMAC-SHA256, keyed with the base64 after `whsec_`, of `webhook-id.webhook-timestamp.body`); shown only now',
      }),
    },
    { examples: [{ ...SUBSCRIPTION_EXAMPLE, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw0LsF8CVNMG4=' }] },
  ),
)

export const DeliveryAttemptSchema = named(
  'WebhookDeliveryAttempt',
  Type.Object({
    at: DateTime,
    status: Nullable(Type.Integer(), { description: 'the receiver’s HTTP status; null when none came back' }),
    error: Nullable(Type.String(), { description: 'why the attempt failed; null when it succeeded' }),
    durationMs: Type.Integer({ minimum: 0 }),
  }),
)

export const WebhookDeliverySchema = named(
  'WebhookDelivery',
  Type.Object(
    {
      id: Type.String({ format: 'uuid' }),
      state: Type.Enum(['pending', 'delivered', 'failed'], {
        description:
          'pending: queued or waiting for a retry; delivered: the receiver answered 2xx; failed: it never did',
      }),
      event: Type.Object(
        {
          id: Type.String({ description: 'the event’s id, sent as webhook-id: the same on every attempt' }),
          type: EventType,
          createdAt: DateTime,
          data: Type.Unknown({ description: 'what the event says, as the payload’s `data`' }),
        },
        { description: 'the event delivered: the payload is {id, type, createdAt, data}' },
      ),
      attempts: Type.Array(DeliveryAttemptSchema, { description: 'every attempt, oldest first' }),
      createdAt: DateTime,
      updatedAt: DateTime,
    },
    {
      examples: [
        {
          id: '0196a1f4-2b3c-7d4e-8f5a-6b7c8d9e0f1a',
          state: 'delivered',
          event: {
            id: '42',
            type: 'rendering.divergent',
            createdAt: '2025-05-04T09:12:00.000Z',
            data: { claim: { id: '0196a1f0-3c4d-7e5f-9a6b-7c8d9e0f1a2b' }, rendering: { label: 'elided' } },
          },
          attempts: [
            { at: '2025-05-04T09:12:01.000Z', status: 503, error: 'the receiver answered 503', durationMs: 41 },
            { at: '2025-05-04T09:12:32.000Z', status: 200, error: null, durationMs: 18 },
          ],
          createdAt: '2025-05-04T09:12:00.500Z',
          updatedAt: '2025-05-04T09:12:32.018Z',
        },
      ],
    },
  ),
)

export const DeliveryQuery = Type.Object(
  {
    ...PaginationQuery,
    state: Type.Optional(
      Type.Enum(['pending', 'delivered', 'failed'], { description: 'only deliveries in this state' }),
    ),
  },
  { additionalProperties: false },
)
export type DeliveryInput = Static<typeof DeliveryQuery>
