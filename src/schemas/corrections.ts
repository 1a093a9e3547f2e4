import { Type, type Static } from 'typebox'
import { auditReason, DateTime, Nullable } from './common.js'
import { named } from './named.js'

const Reason = auditReason('the quote is the interviewer’s question')

export const QuoteSpeakerBody = named(
  'QuoteSpeakerCorrection',
  Type.Object(
    {
      speakerId: Type.Optional(Type.String({ format: 'uuid', description: 'a known speaker' })),
      name: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 200,
          pattern: '\\S',
          description: 'or a name: the speaker who goes by it, or a new one',
          examples: ['Jane Roe'],
        }),
      ),
      kind: Type.Optional(Type.Enum(['person', 'organisation'], { description: 'with `name`; default person' })),
      reason: Reason,
    },
    { additionalProperties: false, description: 'exactly one of speakerId and name' },
  ),
)
export type QuoteSpeakerInput = Static<typeof QuoteSpeakerBody>

export const CorrectionReasonBody = named(
  'CorrectionReason',
  Type.Object({ reason: Reason }, { additionalProperties: false }),
)

export const CorrectionSchema = named(
  'QuoteCorrection',
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    articleId: Type.String({ format: 'uuid' }),
    text: Type.String({ description: 'the corrected quote’s words, by which it is found again' }),
    occurrence: Type.Integer({ minimum: 0, description: 'which occurrence of those words among the article’s quotes' }),
    speaker: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }), {
      description: 'the speaker given; null when the words were declared no quotation',
    }),
    notQuotation: Type.Boolean(),
    actor: Type.String(),
    reason: Nullable(Type.String()),
    createdAt: DateTime,
  }),
)

export const CorrectionResultSchema = named(
  'QuoteCorrectionResult',
  Type.Object({
    correction: CorrectionSchema,
    quoteId: Nullable(Type.String({ format: 'uuid' }), {
      description:
        'the quote as now stored: writing the article’s quotes again gives them new ids; null when it is no quotation',
    }),
  }),
)

export const UndoQuery = Type.Object({ reason: Reason }, { additionalProperties: false })
