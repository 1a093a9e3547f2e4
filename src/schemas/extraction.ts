import { named } from './named.js'
import { Type } from 'typebox'
import { MAX_TEXT_LENGTH } from './articles.js'
import { Nullable, Span } from './common.js'

export const ExtractBody = named(
  'ExtractRequest',
  Type.Object(
    {
      text: Type.String({
        minLength: 1,
        maxLength: MAX_TEXT_LENGTH,
        description: 'article text',
        examples: ['“Sovereignty is not for sale,” Sheinbaum declared. “Sovereignty is loved and defended.”'],
      }),
    },
    { additionalProperties: false },
  ),
)

export const Office = named(
  'Office',
  Type.Object({
    role: Type.String({ description: 'the role, with words that make it another office', examples: ['president'] }),
    qualifiers: Type.Array(Type.String(), {
      minItems: 1,
      description: 'whose office: places (a demonym as its country) and capitalised words of bodies and parties',
      examples: [['mexico']],
    }),
  }),
)

export const ExtractedQuoteSchema = named(
  'ExtractedQuote',
  Type.Object({
    text: Type.String({ description: 'the quoted words; the pieces of a split quote joined by one space' }),
    spans: Type.Array(Span, { description: 'one per piece, in order; quote marks excluded' }),
    kind: Type.Enum(['direct', 'partial', 'nested'], {
      description:
        'direct: a whole quoted sentence or more; partial: a fragment inside the writer’s sentence; nested: words quoted inside another speaker’s quote',
    }),
    cue: Nullable(Type.Object({ text: Type.String({ examples: ['said'] }), span: Span })),
    speaker: Nullable(
      Type.Object({
        name: Type.String({ description: 'canonical name in this text', examples: ['Claudia Sheinbaum'] }),
        title: Nullable(Type.String({ examples: ['Mexican President'] })),
        kind: Type.Enum(['person', 'organisation']),
        mention: Nullable(Span),
        resolvedBy: Type.Enum(['name', 'surname', 'role', 'pronoun', 'organisation']),
        named: Type.Boolean({
          description:
            'the text names this speaker; false when only a pronoun or a description (“a spokesman”) stands for them, who is someone different in every article',
        }),
        offices: Type.Array(Office, {
          description:
            'the qualified offices the text says the speaker holds (“Mexican President”); for a speaker only described (“Mexico’s president”), the office described, by which another article’s named holder is found',
        }),
      }),
      { description: 'null when the text does not say who is speaking' },
    ),
    via: Nullable(Type.String({ description: 'second-hand attribution, e.g. The Associated Press' })),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    statement: Type.Integer({
      minimum: 0,
      description:
        'quotes reported as one statement (one cue, one speaker: `called it “A” and “B”`) share this number, counted from 0 in the text',
    }),
  }),
)

export const ExtractResponse = named('Extraction', Type.Object({ quotes: Type.Array(ExtractedQuoteSchema) }))
