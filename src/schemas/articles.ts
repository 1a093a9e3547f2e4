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

/**
 * The longest page taken as `html`, in characters. The page is read down to its article, whose text is
 * then held to MAX_TEXT_LENGTH; BODY_LIMIT usually refuses a page long before this.
 */
export const MAX_HTML_LENGTH = 10_000_000

/** An article's quotes come a thousand to a page unless the caller asks for fewer: most articles fit in one. */
export const QUOTE_PAGE_SIZE = 1000

export const IngestArticleBody = named(
  'ArticleInput',
  Type.Object(
    {
      url: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: MAX_URL_LENGTH,
          description:
            'the article’s canonical address: an http(s) URL, or a URN (urn:…) for an article with no public address. Fragments and tracking parameters (utm_*, fbclid, gclid) are dropped and the host lowercased before it is stored. Required with `text`; with `html`, the page’s own canonical address (link rel="canonical", else og:url) when not given.',
          examples: ['https://apnews.com/article/mexico-sheinbaum-trump-troops'],
        }),
      ),
      outlet: Type.Optional(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200, examples: ['Associated Press'] }),
            domain: Type.Optional(
              Type.String({
                minLength: 3,
                maxLength: 253,
                pattern: '^(?!-)[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$',
                description:
                  'the outlet’s web domain; outlets are matched by domain when it is given, otherwise by name',
                examples: ['apnews.com'],
              }),
            ),
            kind: Type.Optional(Type.Enum([...OUTLET_KINDS])),
          },
          {
            additionalProperties: false,
            description:
              'who published it. Required with `text`; with `html`, when not given, the page’s site name (else the address’s host) on the address’s domain',
          },
        ),
      ),
      title: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
      author: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
      publishedAt: Type.Optional(DateTimeInput({ examples: ['2025-05-03T18:30:00Z'] })),
      language: Type.Optional(
        Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 tag', examples: ['en'] }),
      ),
      text: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: MAX_TEXT_LENGTH,
          description: 'the article text, exactly as published; quote offsets refer to it. Give this or `html`.',
        }),
      ),
      html: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: MAX_HTML_LENGTH,
          description:
            'the article’s web page, instead of `text`: its article is read out of it as a reader view would (navigation, advertisements and other boilerplate left out) and stored as the text, one paragraph to a blank-line-separated block; quote offsets refer to that text. `title`, `author` and `publishedAt` not given are taken from the page (meta tags, JSON-LD, byline). A page in which no article is found is answered 422.',
          examples: ['<html><head><title>…</title></head><body><article><h1>…</h1><p>…</p></article></body></html>'],
        }),
      ),
    },
    {
      additionalProperties: false,
      // Exactly one body: both would leave it unsaid which one the quote offsets refer to.
      oneOf: [{ required: ['text'] }, { required: ['html'] }],
      // A page can say where it lives and who published it; a plain text cannot.
      if: { required: ['text'] },
      then: { required: ['url', 'outlet'] },
    },
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
