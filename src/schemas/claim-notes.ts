import { Type, type Static } from 'typebox'
import { ActorSchema } from './audit.js'
import { auditReason, DateTime, Nullable } from './common.js'
import { CLAIM_NOTE_EXAMPLE } from './examples.js'
import { named } from './named.js'

/** The longest verdict and explanation a note holds (the claim_note table's CHECKs say the same). */
export const VERDICT_MAX_LENGTH = 120
export const EXPLANATION_MAX_LENGTH = 2000

export const ClaimNoteBody = named(
  'ClaimNoteInput',
  Type.Object(
    {
      verdict: Type.String({
        minLength: 1,
        maxLength: VERDICT_MAX_LENGTH,
        pattern: '\\S',
        description:
          'the verdict in a few words, as a fact-checker prints it; it becomes the ClaimReview’s reviewRating and claims:search’s textualRating',
        examples: ['Misquoted by one outlet'],
      }),
      explanation: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: EXPLANATION_MAX_LENGTH,
          pattern: '\\S',
          description: 'why, in a sentence or two (the ClaimReview’s ratingExplanation)',
          examples: ['The Daily Ledger dropped “loved and” from the second sentence.'],
        }),
      ),
      reason: auditReason('desk review'),
    },
    { additionalProperties: false },
  ),
)
export type ClaimNoteInput = Static<typeof ClaimNoteBody>

export const ClaimNoteSchema = named(
  'ClaimNote',
  Type.Object(
    {
      id: Type.String({ format: 'uuid' }),
      claimId: Type.String({ format: 'uuid', description: 'the claim it is on now (a merged claim’s notes move)' }),
      verdict: Type.String(),
      explanation: Nullable(Type.String()),
      author: ActorSchema,
      createdAt: DateTime,
      withdrawn: Nullable(Type.Object({ by: ActorSchema, at: DateTime }), {
        description: 'null while the note stands',
      }),
    },
    {
      description: 'an editor’s verdict on how the claim was reported, and why',
      examples: [CLAIM_NOTE_EXAMPLE],
    },
  ),
)
export type ClaimNoteResource = Static<typeof ClaimNoteSchema>

export const WithdrawNoteQuery = Type.Object(
  { reason: auditReason('the wrong claim') },
  { additionalProperties: false },
)
