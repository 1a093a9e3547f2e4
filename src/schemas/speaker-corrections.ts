import { Type, type Static } from 'typebox'
import { auditReason, Nullable } from './common.js'

const Reason = auditReason('her full name')

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })

export const SpeakerPatchBody = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: '\\S',
        description: 'the name to show; articles printing a fuller form no longer replace it, and it becomes an alias',
        examples: ['Claudia Sheinbaum Pardo'],
      }),
    ),
    title: Type.Optional(
      Nullable(Name, { description: 'what the speaker is ("President of Mexico"); null clears it' }),
    ),
    description: Type.Optional(
      Nullable(Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }), { description: 'null clears it' }),
    ),
    wikidataId: Type.Optional(
      Nullable(Type.String({ pattern: '^Q[1-9][0-9]{0,11}$', examples: ['Q2344758'] }), {
        description: 'the Wikidata item (one speaker per item); null clears it',
      }),
    ),
    reason: Reason,
  },
  { additionalProperties: false, description: 'the fields to change, at least one' },
)
export type SpeakerPatchInput = Static<typeof SpeakerPatchBody>

export const SpeakerAliasBody = Type.Object(
  {
    alias: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description: 'a name articles print for the speaker',
      examples: ['President Sheinbaum'],
    }),
    reason: Reason,
  },
  { additionalProperties: false },
)

export const AliasParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'the speaker' }),
  alias: Type.String({ minLength: 1, maxLength: 200, description: 'the alias, URL-encoded' }),
})

export const AliasReasonQuery = Type.Object({ reason: Reason }, { additionalProperties: false })

export const SpeakerMergeBody = Type.Object(
  {
    duplicateId: Type.String({
      format: 'uuid',
      description: 'the speaker that is the same person (or body) as this one: it goes, and its id redirects here',
      examples: ['01936f0e-5b3c-7d4e-9a6f-2c8b1d0e4f5a'],
    }),
    reason: auditReason('the same person: "Sheinbaum" was made before any article named her in full'),
  },
  { additionalProperties: false },
)

export const SpeakerSplitBody = Type.Object(
  {
    alias: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description: 'the alias that names someone else: it becomes that speaker’s, and is kept from this one',
      examples: ['Ann Romney'],
    }),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: '\\S',
        description: 'the new speaker’s name, when it is not the alias',
        examples: ['Ann Davies Romney'],
      }),
    ),
    reason: auditReason('two people: his wife is quoted as "Ann Romney"'),
  },
  { additionalProperties: false },
)
