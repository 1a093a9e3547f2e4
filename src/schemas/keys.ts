import { Type } from 'typebox'
import { SCOPES } from '../http/scopes.js'
import { DateTime, Nullable } from './common.js'
import { named } from './named.js'

export const ScopeSchema = named(
  'Scope',
  Type.Enum([...SCOPES], {
    description:
      'what a key may do: read (every key), ingest (post articles), edit (correct and read the audit trail), admin (manage keys; everything)',
  }),
)

const keyFields = {
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ description: 'who or what the key is for' }),
  prefix: Type.String({
    description: 'the first characters of the key, to recognise it; the key itself is never shown again',
  }),
  scopes: Type.Array(ScopeSchema, { description: 'in the order read, ingest, edit, admin; read always among them' }),
}

export const ApiKeySchema = named(
  'ApiKey',
  Type.Object({
    ...keyFields,
    createdAt: DateTime,
    lastUsedAt: Nullable(DateTime, { description: 'to the minute; null when never used' }),
    revokedAt: Nullable(DateTime),
  }),
)

export const CreatedApiKeySchema = named(
  'CreatedApiKey',
  Type.Object({
    ...keyFields,
    key: Type.String({ description: 'the key: shown this once, it cannot be recovered later' }),
  }),
)

export const CreateApiKeyBody = named(
  'CreateApiKeyRequest',
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', examples: ['claims desk tool'] }),
      scopes: Type.Optional(
        Type.Array(ScopeSchema, {
          uniqueItems: true,
          description: 'what the key may do; read is always added; default read and ingest',
          examples: [['read', 'edit']],
        }),
      ),
    },
    { additionalProperties: false },
  ),
)
