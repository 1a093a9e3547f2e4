import { named } from './named.js'
import { Type, type Static } from 'typebox'
import { OUTLET_KINDS } from './resources.js'
import { PaginationQuery } from './common.js'
import { DateTimeInput } from './date-time.js'

export const MAX_URL_LENGTH = 2048

/**
 * The longest article text taken, in characters, whatever BODY_LIMIT allows: extraction and storage
 * grow with the text, and the longest real articles are a tenth of this.
 */
export const MAX_TEXT_LENGTH = 1_000_000

/** An article's quotes come a thousand to a page unless the caller asks for fewer: most articles fit in one. */
export const QUOTE_PAGE_SIZE = 1000

export const IngestArticleBody = named(
  'ArticleInput',
  Type.Object(
    {
      url: Type.String({
        minLength: 1,
        maxLength: MAX_URL_LENGTH,
        description:
          'the article’s canonical address: an http(s) URL, or a URN (urn:…) for an article with no public address. Fragments and tracking parameters (utm_*, fbclid, gclid) are dropped and the host lowercased before it is stored.',
        examples: ['https://apnews.com/article/mexico-sheinbaum-trump-troops'],
      }),
      outlet: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200, examples: ['Associated Press'] }),
          domain: Type.Optional(
            Type.String({
              minLength: 3,
              maxLength: 253,
              pattern: '^(?!-)[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$',
              description: 'the outlet’s web domain; outlets are matched by domain when it is given, otherwise by name',
              examples: ['apnews.com'],
            }),
          ),
          kind: Type.Optional(Type.Enum([...OUTLET_KINDS])),
        },
        { additionalProperties: false },
      ),
      title: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
      author: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
      publishedAt: Type.Optional(DateTimeInput({ examples: ['2025-05-03T18:30:00Z'] })),
      language: Type.Optional(
        Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 tag', examples: ['en'] }),
      ),
      text: Type.String({
        minLength: 1,
        maxLength: MAX_TEXT_LENGTH,
        description: 'the article text, exactly as published; quote offsets refer to it',
      }),
    },
    { additionalProperties: false },
  ),
)
export type IngestArticleInput = Static<typeof IngestArticleBody>

export const ListArticlesQuery = Type.Object(
  {
    ...PaginationQuery,
    outlet: Type.Optional(Type.String({ minLength: 1, description: 'outlet id or domain' })),
    from: Type.Optional(DateTimeInput({ description: 'published at or after' })),
    to: Type.Optional(DateTimeInput({ description: 'published before' })),
  },
  { additionalProperties: false },
)
export type ListArticlesInput = Static<typeof ListArticlesQuery>

/** The quotes of one article, in order: a page holds every quote of all but the most unusual articles. */
export const ArticleQuotesQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, default: QUOTE_PAGE_SIZE, description: 'page size, at most 1000' }),
    ),
    cursor: PaginationQuery.cursor,
  },
  { additionalProperties: false },
)
export type ArticleQuotesInput = Static<typeof ArticleQuotesQuery>
