import { Type, type Static } from 'typebox'
import { DateTime, Nullable, PaginationQuery } from './common.js'
import { DateTimeInput } from './date-time.js'
import { named } from './named.js'

const ACTOR = '^(key:[0-9a-f-]{36}|env:[1-9][0-9]{0,3}|cli|anonymous)$'

export const AuditQuery = Type.Object(
  {
    ...PaginationQuery,
    entityType: Type.Optional(
      Type.String({ pattern: '^[a-z-]{1,40}$', description: 'what kind of thing changed', examples: ['article'] }),
    ),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'which one (with entityType)' })),
    actor: Type.Optional(
      Type.String({
        pattern: ACTOR,
        description: 'who: key:<stored key id>, env:<position in API_KEYS>, cli or anonymous',
        examples: ['env:1'],
      }),
    ),
    action: Type.Optional(
      Type.String({
        pattern: '^[a-z-]{1,40}\\.[a-z-]{1,40}$',
        description: 'what was done, as <entity>.<verb>',
        examples: ['article.revised'],
      }),
    ),
    from: Type.Optional(DateTimeInput({ description: 'at or after' })),
    to: Type.Optional(DateTimeInput({ description: 'before' })),
  },
  { additionalProperties: false },
)
export type AuditInput = Static<typeof AuditQuery>

/** Who made a change: the id the record keeps, and the name it goes by. */
export const ActorSchema = named(
  'Actor',
  Type.Object(
    {
      id: Type.String({ description: 'key:<stored key id>, env:<position in API_KEYS>, cli or anonymous' }),
      name: Nullable(Type.String(), {
        description: 'the stored key’s name, or what the id stands for; null for a key since deleted',
      }),
    },
    { description: 'who made the change' },
  ),
)

export const AuditEventSchema = named(
  'AuditEvent',
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    at: DateTime,
    actor: ActorSchema,
    action: Type.String({ examples: ['article.revised'] }),
    entity: Type.Object({ type: Type.String({ examples: ['article'] }), id: Nullable(Type.String()) }),
    before: Nullable(Type.Unknown(), { description: 'the entity as it was, where the change has such a side' }),
    after: Nullable(Type.Unknown(), { description: 'the entity as it became' }),
    reason: Nullable(Type.String(), { description: 'why, in the words of whoever made the change' }),
    details: Nullable(Type.Unknown(), { description: 'what else the change records (an article’s URL and text hash)' }),
  }),
)
