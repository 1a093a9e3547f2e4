import { named } from './named.js'
import { Type, type Static } from 'typebox'
import { DateTime, Nullable, PageLinks, PaginationQuery, SpeakerInference } from './common.js'
import { ClaimNoteSchema } from './claim-notes.js'
import { DateTimeInput } from './date-time.js'
import {
  CLAIM_DETAIL_EXAMPLE,
  CLAIM_LIST_ITEM_EXAMPLE,
  SCORECARD_EXAMPLE,
  VERIFY_EXAMPLE,
  VERIFY_UNKNOWN_SPEAKER_EXAMPLE,
} from './examples.js'

export const LABELS = ['verbatim', 'excerpt', 'extended', 'elided', 'altered'] as const

const Id = Type.String({ format: 'uuid' })
const SpeakerRef = Type.Object({ id: Id, name: Type.String() })
const OutletRef = Type.Object({ id: Id, name: Type.String(), domain: Nullable(Type.String()) })
const ArticleRef = Type.Object({
  id: Id,
  url: Type.String(),
  title: Nullable(Type.String()),
  publishedAt: Nullable(DateTime),
  outlet: OutletRef,
})

export const WordRunSchema = named(
  'WordRun',
  Type.Object(
    {
      op: Type.Enum(['equal', 'delete', 'insert', 'replace']),
      a: Type.Array(Type.String(), { description: 'words of the canonical wording' }),
      b: Type.Array(Type.String(), { description: 'words of the rendering' }),
    },
    { description: 'a run of the word diff from the canonical wording (a) to the rendering (b)' },
  ),
)

const Fidelity = Type.Number({
  minimum: 0,
  maximum: 1,
  description:
    "whether the printed words are the speaker's: 1 for verbatim renderings and exact excerpts, lower for words changed, added or cut inside what was printed",
})
const Coverage = Type.Number({
  minimum: 0,
  maximum: 1,
  description: "share of the canonical wording's words the rendering printed",
})
/** Coverage as stored: null for a rendering labelled before coverage was kept, until its claim changes. */
const StoredCoverage = Nullable(Coverage, {
  description:
    "share of the canonical wording's words the rendering printed; null for a verdict not recomputed since coverage was added",
})

const Via = Nullable(Type.String(), {
  description:
    'second-hand attribution: whom the outlet says it has the quote from ("The Associated Press" in "…, according to The Associated Press"); null when it heard it first-hand or does not say',
})

const Pieces = Type.Array(Type.String(), {
  minItems: 1,
  description:
    'the quote exactly as printed, piece by piece: several when the reporter\'s words interrupt it ("X," she said. "Y."); `text` is the pieces joined by one space',
})

const FirstAppearance = Nullable(
  Type.Object({
    articleId: Id,
    url: Type.String(),
    outlet: OutletRef,
    at: DateTime,
    dated: Type.Boolean({ description: 'false: the article gave no date and `at` is when it was ingested' }),
  }),
)

export const ClaimListItemSchema = named(
  'ClaimSummary',
  Type.Object(
    {
      id: Id,
      speaker: SpeakerRef,
      canonicalText: Type.String({ description: 'the canonical wording, as first printed' }),
      renderingCount: Type.Integer(),
      firstAppearedAt: Nullable(DateTime),
      createdAt: DateTime,
      updatedAt: DateTime,
      links: PageLinks,
    },
    { examples: [CLAIM_LIST_ITEM_EXAMPLE] },
  ),
)
export type ClaimListItem = Static<typeof ClaimListItemSchema>

export const ClaimDetailSchema = named(
  'Claim',
  Type.Object(
    {
      id: Id,
      speaker: Type.Object({ id: Id, name: Type.String(), slug: Type.String() }),
      canonicalText: Type.String({
        description:
          'the canonical wording (printed by the most articles), as first printed by a rendering printing it in one piece where there is one',
      }),
      firstAppearance: FirstAppearance,
      consistency: Type.Object({
        renderings: Type.Integer(),
        articles: Type.Integer(),
        outlets: Type.Integer(),
        distinctWordings: Type.Array(
          Type.Object({
            text: Type.String({
              description: 'the wording as first printed, by a rendering printing it in one piece where there is one',
            }),
            pieces: Pieces,
            renderings: Type.Integer(),
            label: Type.Enum([...LABELS]),
          }),
        ),
        verbatimShare: Type.Number({ minimum: 0, maximum: 1, description: 'share of renderings labelled verbatim' }),
        lowestFidelity: Type.Number({
          minimum: 0,
          maximum: 1,
          description: 'the lowest fidelity of its renderings (an excerpt printed exactly does not lower it)',
        }),
      }),
      appearances: Type.Array(
        Type.Object({
          quoteId: Id,
          article: ArticleRef,
          text: Type.String({ description: 'exactly as printed; the pieces joined by one space' }),
          pieces: Pieces,
          label: Type.Enum([...LABELS]),
          fidelity: Fidelity,
          coverage: StoredCoverage,
          diff: Type.Array(WordRunSchema),
          speakerInferred: Type.Boolean({
            description: 'the article names no speaker for these words: the speaker is inferred (speakerInferredBy)',
          }),
          speakerInferredBy: SpeakerInference,
          speakerCorrected: Type.Boolean({
            description: 'an editor gave this rendering its speaker (PUT /v1/quotes/{id}/speaker)',
          }),
          via: Via,
        }),
      ),
      misattributions: Type.Array(
        Type.Object(
          {
            quoteId: Id,
            text: Type.String(),
            pieces: Pieces,
            namedSpeaker: SpeakerRef,
            via: Via,
            article: ArticleRef,
          },
          { description: 'a quote of these words that another outlet attributed to someone else' },
        ),
      ),
      note: Nullable(ClaimNoteSchema, {
        description:
          'the editor’s standing verdict on how the claim was reported (PUT /v1/claims/{id}/note); null when none',
      }),
      createdAt: DateTime,
      updatedAt: DateTime,
      links: PageLinks,
    },
    { examples: [CLAIM_DETAIL_EXAMPLE] },
  ),
)
export type ClaimDetail = Static<typeof ClaimDetailSchema>

export const ListClaimsQuery = Type.Object(
  {
    ...PaginationQuery,
    speaker: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'speaker id, slug or name (an alias, with or without a title; a surname; a close spelling); a name nobody goes by is a 400 unknown-speaker with suggestions',
      }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 2, maxLength: 2000, description: 'words of the claim (trigram wording search)' }),
    ),
    outlet: Type.Optional(Type.String({ minLength: 1, description: 'claims printed by this outlet (id or domain)' })),
    label: Type.Optional(Type.Enum([...LABELS], { description: 'claims with at least one rendering of this label' })),
    from: Type.Optional(DateTimeInput({ description: 'first appeared at or after' })),
    to: Type.Optional(DateTimeInput({ description: 'first appeared before' })),
    misattributed: Type.Optional(
      Type.Boolean({ description: 'true: only claims whose words some outlet gave to another speaker' }),
    ),
  },
  { additionalProperties: false },
)
export type ListClaimsInput = Static<typeof ListClaimsQuery>

export const VerifyBody = named(
  'VerifyRequest',
  Type.Object(
    {
      text: Type.String({
        minLength: 1,
        maxLength: 20_000,
        description: 'the quote to check, as printed or pasted',
        examples: ['Sovereignty is not for sale. Sovereignty is defended.'],
      }),
      speaker: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 200,
          description:
            'who the text is attributed to: id, slug, or a name (an alias, with or without a title; a surname; a close spelling)',
          examples: ['Claudia Sheinbaum', 'President Sheinbaum'],
        }),
      ),
    },
    { additionalProperties: false },
  ),
)
export type VerifyInput = Static<typeof VerifyBody>

export const VERDICTS = [
  'matches',
  'excerpt',
  'elided',
  'altered',
  'extended',
  'attributed-to-other-speaker',
  'unknown-speaker',
  'no-record',
] as const

export const RESOLVED_BY = ['id', 'slug', 'alias', 'surname', 'spelling'] as const

export const VerifyResponse = named(
  'Verification',
  Type.Object(
    {
      verdict: Type.Enum([...VERDICTS], {
        description:
          'matches: the canonical wording verbatim; excerpt/elided/extended/altered: how the text differs from it; attributed-to-other-speaker: the words are on record, but for someone else than the speaker given; unknown-speaker: no speaker, or more than one, goes by the name given (see `suggestions`; `matches` are those found without a speaker); no-record: no claim has these words',
      }),
      speaker: Nullable(
        Type.Object({
          id: Id,
          name: Type.String(),
          resolvedBy: Type.Enum([...RESOLVED_BY], {
            description:
              'how the name given was recognised: id, slug, alias (a name or alias the articles use, with or without a title), surname (the one person with that surname, or the one the record quotes far more than its other bearers), spelling (a close spelling of exactly one known name)',
          }),
        }),
        { description: 'the speaker given, as recognised (null when not given or unknown-speaker)' },
      ),
      suggestions: Type.Array(SpeakerRef, {
        description:
          'for unknown-speaker: the speakers the name may have meant, nearest first (at most 5); otherwise empty',
      }),
      matches: Type.Array(
        Type.Object({
          claim: Type.Object({ id: Id, speaker: SpeakerRef, canonicalText: Type.String() }),
          label: Type.Enum([...LABELS]),
          fidelity: Fidelity,
          coverage: Coverage,
          overlap: Type.Number({ minimum: 0, maximum: 1, description: 'share of the shorter wording found in order' }),
          diff: Type.Array(WordRunSchema),
          firstAppearance: FirstAppearance,
          wordings: Type.Array(
            Type.Object({
              text: Type.String(),
              label: Type.Enum([...LABELS]),
              outlets: Type.Array(OutletRef),
            }),
          ),
        }),
        { description: 'best first, at most 5' },
      ),
    },
    { examples: [VERIFY_EXAMPLE, VERIFY_UNKNOWN_SPEAKER_EXAMPLE] },
  ),
)
export type VerifyResult = Static<typeof VerifyResponse>

export const ScorecardQuery = Type.Object(
  {
    from: Type.Optional(DateTimeInput({ description: 'articles published at or after' })),
    to: Type.Optional(DateTimeInput({ description: 'articles published before' })),
  },
  { additionalProperties: false },
)
export type ScorecardInput = Static<typeof ScorecardQuery>

export const ScorecardSchema = named(
  'Scorecard',
  Type.Object(
    {
      outlet: OutletRef,
      from: Nullable(DateTime),
      to: Nullable(DateTime),
      renderings: Type.Integer({ description: 'quotes of this outlet that belong to a claim' }),
      byLabel: Type.Object(Object.fromEntries(LABELS.map((label) => [label, Type.Integer()]))),
      meanFidelity: Nullable(Type.Number({ minimum: 0, maximum: 1 }), {
        description: 'mean fidelity of its renderings: exact excerpts count as fully faithful; null for none',
      }),
      meanCoverage: Nullable(Type.Number({ minimum: 0, maximum: 1 }), {
        description:
          'mean share of the canonical wording its renderings printed, over those with a coverage; null for none',
      }),
      mostAltered: Type.Array(
        Type.Object({
          quoteId: Id,
          claimId: Id,
          speaker: SpeakerRef,
          text: Type.String(),
          canonicalText: Type.String(),
          fidelity: Fidelity,
          coverage: StoredCoverage,
          article: Type.Object({ id: Id, url: Type.String(), publishedAt: Nullable(DateTime) }),
        }),
        { description: 'its least faithful altered renderings, at most 10' },
      ),
    },
    { examples: [SCORECARD_EXAMPLE] },
  ),
)
export type Scorecard = Static<typeof ScorecardSchema>
