import { Type, type Static } from 'typebox'
import { REVIEW_ASPECT, SCHEMA_ORG_CONTEXT } from '../domain/fact-check/index.js'
import { DateTime } from './common.js'
import { CLAIM_REVIEW_EXAMPLE, FACT_CHECK_SEARCH_EXAMPLE } from './examples.js'
import { named } from './named.js'

const Organization = Type.Object({
  '@type': Type.Literal('Organization'),
  name: Type.String(),
  url: Type.Optional(Type.String({ format: 'uri' })),
})

const NewsArticle = Type.Object(
  {
    '@type': Type.Literal('NewsArticle'),
    url: Type.String(),
    headline: Type.Optional(Type.String()),
    datePublished: Type.Optional(DateTime),
    publisher: Organization,
    hasPart: Type.Array(Type.Object({ '@type': Type.Literal('Quotation'), text: Type.String() }), {
      description: 'the words of the claim the article printed, each piece exactly as printed',
    }),
  },
  { description: 'an article that printed the claim; absent dates are dates the article did not give' },
)

export const ClaimReviewSchema = named(
  'ClaimReview',
  Type.Object(
    {
      '@context': Type.Literal(SCHEMA_ORG_CONTEXT),
      '@type': Type.Literal('ClaimReview'),
      url: Type.String({ format: 'uri', description: 'the claim’s record in this API, which the review summarises' }),
      name: Type.String(),
      claimReviewed: Type.String({ description: 'the canonical wording' }),
      reviewAspect: Type.Literal(REVIEW_ASPECT),
      reviewBody: Type.String({ description: 'how many printed the words, and how faithfully, by label' }),
      inLanguage: Type.String({ description: 'the language of the review’s own words' }),
      author: Type.With(Organization, {
        description: 'the reviewing organisation (CLAIM_REVIEW_PUBLISHER, CLAIM_REVIEW_PUBLISHER_URL)',
      }),
      datePublished: Type.With(DateTime, { description: 'when the service first recorded the claim' }),
      dateModified: Type.With(DateTime, { description: 'when the claim last changed' }),
      itemReviewed: Type.Object({
        '@type': Type.Literal('Claim'),
        author: Type.Union(
          [
            Type.Object({
              '@type': Type.Literal('Person'),
              name: Type.String(),
              jobTitle: Type.Optional(Type.String()),
              sameAs: Type.Optional(Type.String({ format: 'uri' })),
            }),
            Type.Object({
              '@type': Type.Literal('Organization'),
              name: Type.String(),
              sameAs: Type.Optional(Type.String({ format: 'uri' })),
            }),
          ],
          { description: 'the speaker' },
        ),
        datePublished: Type.Optional(
          Type.With(DateTime, { description: 'the first appearance’s date; absent when it gave none' }),
        ),
        firstAppearance: Type.Optional(NewsArticle),
        appearance: Type.Array(NewsArticle),
      }),
      reviewRating: Type.Optional(
        Type.Object(
          {
            '@type': Type.Literal('Rating'),
            alternateName: Type.String(),
            ratingExplanation: Type.Optional(Type.String()),
          },
          { description: 'an editor’s verdict; absent until an editor gives one' },
        ),
      ),
    },
    {
      description:
        'The claim as schema.org ClaimReview JSON-LD. It reviews attribution (whether outlets printed the speaker’s words as spoken), not truth, so it carries no rating of its own.',
      examples: [CLAIM_REVIEW_EXAMPLE],
    },
  ),
)
export type ClaimReview = Static<typeof ClaimReviewSchema>

/** Page size of claims:search when none is asked for: Google's. */
export const FACT_CHECK_PAGE_SIZE = 10

export const FactCheckSearchQuery = Type.Object(
  {
    query: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 2000,
        description:
          'words of the claim (as `q` of GET /v1/claims); required unless reviewPublisherSiteFilter is given',
      }),
    ),
    languageCode: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$',
        description:
          'BCP 47 tag: claims printed in an article in this language (its primary subtag: en-US matches en and en-GB)',
        examples: ['en'],
      }),
    ),
    reviewPublisherSiteFilter: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 253,
        description:
          'the reviewing publisher’s site: this service’s (CLAIM_REVIEW_PUBLISHER_URL, or its own host) matches every claim, any other none',
      }),
    ),
    maxAgeDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description: 'claims first printed, or reviewed, at most this many days ago',
      }),
    ),
    pageSize: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: FACT_CHECK_PAGE_SIZE, description: 'page size' }),
    ),
    pageToken: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'the previous page’s nextPageToken' }),
    ),
  },
  { additionalProperties: false },
)
export type FactCheckSearchInput = Static<typeof FactCheckSearchQuery>

export const FactCheckSearchResponse = named(
  'FactCheckedClaimSearchResponse',
  Type.Object(
    {
      claims: Type.Array(
        Type.Object({
          text: Type.String({ description: 'the canonical wording' }),
          claimant: Type.String({ description: 'the speaker' }),
          claimDate: Type.Optional(
            Type.With(DateTime, { description: 'when the claim was first printed; absent when that gave no date' }),
          ),
          claimReview: Type.Array(
            Type.Object({
              publisher: Type.Object({ name: Type.String(), site: Type.String() }),
              url: Type.String({ format: 'uri' }),
              title: Type.String(),
              reviewDate: DateTime,
              textualRating: Type.Optional(
                Type.String({ description: 'an editor’s verdict; absent until an editor gives one' }),
              ),
              languageCode: Type.String(),
            }),
          ),
        }),
      ),
      nextPageToken: Type.Optional(
        Type.String({ description: 'pass as `pageToken` for the next page; absent on the last page' }),
      ),
    },
    {
      description: 'The answer of Google Fact Check Tools’ claims:search, in its field names.',
      examples: [FACT_CHECK_SEARCH_EXAMPLE],
    },
  ),
)
export type FactCheckSearchResult = Static<typeof FactCheckSearchResponse>
