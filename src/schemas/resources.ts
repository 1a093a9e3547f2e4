import { named } from './named.js'
import { Type, type Static } from 'typebox'
import { DateTime, Nullable, PageLinks, Span, SpeakerInference } from './common.js'
import { INGEST_RESULT_EXAMPLE, QUOTE_EXAMPLE } from './examples.js'

export const OUTLET_KINDS = ['news', 'wire', 'broadcast', 'magazine', 'blog', 'government', 'other', 'unknown'] as const

export const OutletSchema = named(
  'Outlet',
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    domain: Nullable(Type.String()),
    kind: Type.Enum([...OUTLET_KINDS]),
    createdAt: DateTime,
    links: PageLinks,
  }),
)
export type OutletResource = Static<typeof OutletSchema>

const OutletRef = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  domain: Nullable(Type.String()),
})

const articleFields = {
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  outlet: OutletRef,
  title: Nullable(Type.String()),
  author: Nullable(Type.String()),
  publishedAt: Nullable(DateTime),
  language: Nullable(Type.String()),
  contentHash: Type.String({ description: 'sha-256 of the current text, hex' }),
  revisionCount: Type.Integer({ description: 'distinct texts seen for this URL' }),
  quoteCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
}

export const ArticleSummarySchema = named('ArticleSummary', Type.Object(articleFields))
export type ArticleSummary = Static<typeof ArticleSummarySchema>

export const ArticleSchema = named('Article', Type.Object({ ...articleFields, text: Type.String() }))
export type ArticleResource = Static<typeof ArticleSchema>

export const IngestResultSchema = named(
  'IngestResult',
  Type.Object(
    {
      ...articleFields,
      status: Type.Enum(['created', 'unchanged', 'revised'], {
        description:
          'created: a new article (201); unchanged: this URL was already stored with this text (200); revised: a new text for a stored URL, kept as a new revision (200)',
      }),
    },
    { examples: [INGEST_RESULT_EXAMPLE] },
  ),
)
export type IngestResult = Static<typeof IngestResultSchema>

export const SpeakerSchema = named(
  'Speaker',
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    slug: Type.String(),
    kind: Type.Enum(['person', 'organisation']),
    title: Nullable(Type.String()),
    description: Nullable(Type.String()),
    wikidataId: Nullable(Type.String()),
    aliases: Type.Array(Type.String()),
    nameCorrected: Type.Boolean({
      description: 'the name was set by an editor: articles printing a fuller form no longer replace it',
    }),
    createdAt: DateTime,
    links: PageLinks,
  }),
)
export type SpeakerResource = Static<typeof SpeakerSchema>

const SpeakerRef = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() })

export const QuoteSchema = named(
  'Quote',
  Type.Object(
    {
      id: Type.String({ format: 'uuid' }),
      text: Type.String({ description: 'exactly as printed; a quote in several pieces has them joined by one space' }),
      spans: Type.Array(Span, { description: 'where each piece stands in the article text' }),
      pieces: Type.Array(Type.String(), { minItems: 1, description: 'the quote as printed, piece by piece' }),
      kind: Type.Enum(['direct', 'partial', 'nested', 'indirect']),
      speaker: Nullable(SpeakerRef),
      speakerInferred: Type.Boolean({
        description: 'true when the article names no speaker and `speaker` is inferred: see speakerInferredBy',
      }),
      speakerInferredBy: SpeakerInference,
      speakerCorrected: Type.Boolean({
        description: 'true when an editor gave the quote its speaker (GET /v1/articles/{id}/corrections)',
      }),
      speakerMention: Nullable(Type.Object({ text: Type.String(), span: Span })),
      cue: Nullable(Type.Object({ text: Type.String(), span: Nullable(Span) })),
      via: Nullable(Type.String()),
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      claimId: Nullable(Type.String({ format: 'uuid' })),
      label: Nullable(Type.Enum(['verbatim', 'excerpt', 'extended', 'elided', 'altered'])),
      fidelity: Nullable(Type.Number({ minimum: 0, maximum: 1 }), {
        description:
          "whether the printed words are the speaker's (1 for verbatim and exact excerpts); null outside a claim",
      }),
      coverage: Nullable(Type.Number({ minimum: 0, maximum: 1 }), {
        description:
          "share of the claim's canonical wording printed; null outside a claim or for a verdict from before coverage",
      }),
      misattribution: Nullable(Type.Object({ claimId: Type.String({ format: 'uuid' }), speaker: SpeakerRef }), {
        description: 'null, or the claim of another speaker whose words these are, as another outlet printed them',
      }),
    },
    { examples: [QUOTE_EXAMPLE] },
  ),
)
export type QuoteResource = Static<typeof QuoteSchema>
