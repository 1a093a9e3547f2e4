/**
 * Response examples for the OpenAPI document, built on the seed story: Claudia Sheinbaum's
 * "Sovereignty is not for sale. Sovereignty is loved and defended." and the outlet that printed
 * "…Sovereignty is defended." test/openapi.test.ts validates every example against its schema, so
 * an example that drifts from the response it illustrates fails the suite.
 */
import { claimReview, factCheckedClaim } from '../domain/fact-check/index.js'
import { labelRendering } from '../domain/wording/index.js'

const CLAIM = '0196a1f0-3b2c-7d4e-8f10-2a3b4c5d6e7f'
const SPEAKER = { id: '0196a1f0-1a2b-7c3d-9e4f-5a6b7c8d9e0f', name: 'Claudia Sheinbaum' }
const OTHER_SPEAKER = { id: '0196a1f0-1a2b-7c3d-9e4f-5a6b7c8d9e1a', name: 'Marcelo Ebrard' }
const AP = { id: '0196a1f0-0a1b-7c2d-8e3f-4a5b6c7d8e9f', name: 'Associated Press', domain: 'apnews.com' }
const DAILY = { id: '0196a1f0-0a1b-7c2d-8e3f-4a5b6c7d8ea0', name: 'The Daily Ledger', domain: 'dailyledger.example' }
const AP_ARTICLE = {
  id: '0196a1f0-2b3c-7d4e-8f5a-6b7c8d9e0f1a',
  url: 'https://apnews.com/article/mexico-sheinbaum-trump-troops',
  title: 'Mexico rejects US troops',
  publishedAt: '2025-05-03T18:30:00.000Z',
  outlet: AP,
}
const DAILY_ARTICLE = {
  id: '0196a1f0-2b3c-7d4e-8f5a-6b7c8d9e0f2b',
  url: 'https://dailyledger.example/world/sheinbaum-sovereignty',
  title: 'Sheinbaum: sovereignty is not for sale',
  publishedAt: '2025-05-03T21:05:00.000Z',
  outlet: DAILY,
}
const FULL = 'Sovereignty is not for sale. Sovereignty is loved and defended.'
const CUT = 'Sovereignty is not for sale. Sovereignty is defended.'
// As the Daily Ledger printed it: "Sovereignty is not for sale." Sheinbaum declared. "Sovereignty is defended."
const CUT_PIECES = ['Sovereignty is not for sale.', 'Sovereignty is defended.']
// Computed, not typed in: the label, fidelity, coverage and diff the service gives these two wordings.
const CUT_VERDICT = labelRendering(CUT, FULL)
const FULL_VERDICT = labelRendering(FULL, FULL)
const CUT_DIFF = CUT_VERDICT.diff
const FULL_DIFF = FULL_VERDICT.diff
const FIRST_APPEARANCE = {
  articleId: AP_ARTICLE.id,
  url: AP_ARTICLE.url,
  outlet: AP,
  at: AP_ARTICLE.publishedAt,
  dated: true,
}

export const CLAIM_LIST_ITEM_EXAMPLE = {
  id: CLAIM,
  speaker: SPEAKER,
  canonicalText: FULL,
  renderingCount: 2,
  firstAppearedAt: AP_ARTICLE.publishedAt,
  createdAt: '2025-05-03T18:31:02.114Z',
  updatedAt: '2025-05-03T21:06:40.502Z',
  links: { html: `/claims/${CLAIM}` },
}

export const CLAIM_NOTE_EXAMPLE = {
  id: '0196a1f2-7a8b-7c9d-8e0f-1a2b3c4d5e6f',
  claimId: CLAIM,
  verdict: 'Misquoted by one outlet',
  explanation: 'The Daily Ledger dropped “loved and” from the second sentence.',
  author: { id: 'key:0196a1ef-0a1b-7c2d-8e3f-4a5b6c7d8e9f', name: 'standards desk' },
  createdAt: '2025-05-04T08:12:45.000Z',
  withdrawn: null,
}

export const CLAIM_DETAIL_EXAMPLE = {
  id: CLAIM,
  speaker: { ...SPEAKER, slug: 'claudia-sheinbaum' },
  canonicalText: FULL,
  firstAppearance: FIRST_APPEARANCE,
  consistency: {
    renderings: 2,
    articles: 2,
    outlets: 2,
    distinctWordings: [
      { text: FULL, pieces: [FULL], renderings: 1, label: 'verbatim' },
      { text: CUT, pieces: CUT_PIECES, renderings: 1, label: CUT_VERDICT.label },
    ],
    verbatimShare: 0.5,
    lowestFidelity: CUT_VERDICT.fidelity,
  },
  appearances: [
    {
      quoteId: '0196a1f0-4c5d-7e6f-8a7b-8c9d0e1f2a3b',
      article: AP_ARTICLE,
      text: FULL,
      pieces: [FULL],
      label: 'verbatim',
      fidelity: 1,
      coverage: 1,
      diff: FULL_DIFF,
      speakerInferred: false,
      speakerInferredBy: null,
      speakerCorrected: false,
      via: null,
    },
    {
      quoteId: '0196a1f0-4c5d-7e6f-8a7b-8c9d0e1f2a4c',
      article: DAILY_ARTICLE,
      text: CUT,
      pieces: CUT_PIECES,
      label: CUT_VERDICT.label,
      fidelity: CUT_VERDICT.fidelity,
      coverage: CUT_VERDICT.coverage,
      diff: CUT_DIFF,
      speakerInferred: false,
      speakerInferredBy: null,
      speakerCorrected: false,
      via: 'Associated Press',
    },
  ],
  misattributions: [
    {
      quoteId: '0196a1f0-4c5d-7e6f-8a7b-8c9d0e1f2a5d',
      text: 'Sovereignty is not for sale.',
      pieces: ['Sovereignty is not for sale.'],
      namedSpeaker: OTHER_SPEAKER,
      via: null,
      article: {
        ...DAILY_ARTICLE,
        id: '0196a1f0-2b3c-7d4e-8f5a-6b7c8d9e0f3c',
        url: 'https://dailyledger.example/opinion/ebrard',
      },
    },
  ],
  note: CLAIM_NOTE_EXAMPLE,
  createdAt: '2025-05-03T18:31:02.114Z',
  updatedAt: '2025-05-03T21:06:40.502Z',
  links: { html: `/claims/${CLAIM}` },
}

const VERIFY_MATCH = {
  claim: { id: CLAIM, speaker: SPEAKER, canonicalText: FULL },
  label: CUT_VERDICT.label,
  fidelity: CUT_VERDICT.fidelity,
  coverage: CUT_VERDICT.coverage,
  overlap: 1,
  diff: CUT_DIFF,
  firstAppearance: FIRST_APPEARANCE,
  wordings: [
    { text: FULL, label: 'verbatim', outlets: [AP] },
    { text: CUT, label: CUT_VERDICT.label, outlets: [DAILY] },
  ],
}

/** `{"text": CUT, "speaker": "President Sheinbaum"}`: the name without its title is one of her aliases. */
export const VERIFY_EXAMPLE = {
  verdict: CUT_VERDICT.label,
  speaker: { ...SPEAKER, resolvedBy: 'alias' },
  suggestions: [],
  matches: [VERIFY_MATCH],
}

/** `{"text": CUT, "speaker": "Sheinberg"}`: nobody goes by that name, nor by one close enough to be sure. */
export const VERIFY_UNKNOWN_SPEAKER_EXAMPLE = {
  verdict: 'unknown-speaker',
  speaker: null,
  suggestions: [SPEAKER],
  matches: [VERIFY_MATCH],
}

export const SCORECARD_EXAMPLE = {
  outlet: DAILY,
  from: '2025-05-01T00:00:00.000Z',
  to: null,
  renderings: 14,
  byLabel: { verbatim: 9, excerpt: 3, extended: 0, elided: 1, altered: 1 },
  meanFidelity: 0.9712,
  meanCoverage: 0.8415,
  mostAltered: [
    {
      quoteId: '0196a1f0-4c5d-7e6f-8a7b-8c9d0e1f2a4c',
      claimId: CLAIM,
      speaker: SPEAKER,
      text: CUT,
      canonicalText: FULL,
      fidelity: CUT_VERDICT.fidelity,
      coverage: CUT_VERDICT.coverage,
      article: { id: DAILY_ARTICLE.id, url: DAILY_ARTICLE.url, publishedAt: DAILY_ARTICLE.publishedAt },
    },
  ],
}

export const QUOTE_EXAMPLE = {
  id: '0196a1f0-4c5d-7e6f-8a7b-8c9d0e1f2a4c',
  text: CUT,
  spans: [
    [1, 29],
    [51, 75],
  ],
  pieces: CUT_PIECES,
  kind: 'direct',
  speaker: SPEAKER,
  speakerInferred: false,
  speakerInferredBy: null,
  speakerCorrected: false,
  speakerMention: { text: 'Sheinbaum', span: [31, 40] },
  cue: { text: 'declared', span: [41, 49] },
  via: null,
  confidence: 0.95,
  claimId: CLAIM,
  label: CUT_VERDICT.label,
  fidelity: CUT_VERDICT.fidelity,
  coverage: CUT_VERDICT.coverage,
  misattribution: null,
}

export const INGEST_RESULT_EXAMPLE = {
  id: DAILY_ARTICLE.id,
  url: DAILY_ARTICLE.url,
  outlet: DAILY,
  title: DAILY_ARTICLE.title,
  author: null,
  publishedAt: DAILY_ARTICLE.publishedAt,
  language: 'en',
  contentHash: '9f2c4e0d51a7b3c8e6f1d2a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4',
  revisionCount: 1,
  quoteCount: 3,
  createdAt: '2025-05-03T21:06:40.502Z',
  updatedAt: '2025-05-03T21:06:40.502Z',
  status: 'created',
}

// The fact-check shapes of the claim above, made by the functions the service uses.
const REVIEW_PUBLISHER = { name: 'Verbatim', url: 'https://verbatim.example/' }
const REVIEW_URL = `https://verbatim.example/v1/claims/${CLAIM}`

export const CLAIM_REVIEW_EXAMPLE = claimReview(
  {
    id: CLAIM,
    canonicalText: FULL,
    speaker: { name: SPEAKER.name, kind: 'person', title: 'President of Mexico', wikidataId: null },
    firstArticleId: AP_ARTICLE.id,
    appearances: CLAIM_DETAIL_EXAMPLE.appearances,
    createdAt: CLAIM_DETAIL_EXAMPLE.createdAt,
    updatedAt: CLAIM_DETAIL_EXAMPLE.updatedAt,
  },
  { publisher: REVIEW_PUBLISHER, url: REVIEW_URL },
)

export const FACT_CHECK_SEARCH_EXAMPLE = {
  claims: [
    factCheckedClaim(
      {
        canonicalText: FULL,
        speakerName: SPEAKER.name,
        firstPublishedAt: AP_ARTICLE.publishedAt,
        createdAt: CLAIM_DETAIL_EXAMPLE.createdAt,
      },
      { publisher: REVIEW_PUBLISHER, url: REVIEW_URL },
    ),
  ],
  nextPageToken: 'eyJpZCI6IjAxOTZhMWYwLTNiMmMtN2Q0ZS04ZjEwLTJhM2I0YzVkNmU3ZiJ9',
}
