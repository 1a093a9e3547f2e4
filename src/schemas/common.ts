import { Type, type TSchema } from 'typebox'
import { named } from './named.js'
import { PROBLEM_TYPES, problemType, type ProblemSlug } from '../http/problem-types.js'
import { SCOPES } from '../http/scopes.js'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI reference naming the kind of problem', examples: ['/problems/validation'] }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'the request path' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          in: Type.String({ description: 'body, querystring, params or headers' }),
          field: Type.String({ description: 'JSON pointer to the offending field' }),
          message: Type.String(),
        }),
        { description: 'for validation problems: every offending field' },
      ),
    ),
    mergedInto: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'for a merged resource: the id it answers to now (also in Location)',
      }),
    ),
    deletedAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'for article-deleted: when an editor deleted it' }),
    ),
    requiredScope: Type.Optional(
      Type.Enum([...SCOPES], {
        description: 'for forbidden: the scope the operation needs, which the key lacks',
      }),
    ),
    suggestions: Type.Optional(
      Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }), {
        description: 'for unknown-speaker: the speakers the name may have meant, nearest first (at most 5)',
      }),
    ),
  },
  { $id: 'Problem', title: 'Problem', description: 'RFC 9457 problem details' },
)

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or fails validation; `errors` lists each offending field (an unknown `speaker` also lists `suggestions`).',
  401: 'A valid API key is required, sent as `Authorization: Bearer` followed by the key.',
  403: 'The API key lacks the scope this operation needs; `requiredScope` names it.',
  308: 'The resource was merged into another: Location names it, and so does `mergedInto`.',
  404: 'No such resource.',
  410: 'The resource existed and is gone: a claim every rendering of which was withdrawn, or an article an editor deleted.',
  409: 'The request conflicts with the current state of the resource.',
  413: 'The request body is larger than the configured limit.',
  415: 'The request body must be application/json.',
  422: 'The page given as `html` holds no article that can be read; nothing was stored.',
  429: 'Too many requests; retry after the number of seconds in Retry-After.',
  500: 'An unexpected error; nothing was changed.',
  503: 'The service cannot answer now (the database is unreachable, or quotation finding is busy or took too long); retry later, after Retry-After when it is given.',
}

interface HeaderSchema {
  type: 'string' | 'integer'
  description: string
}

/** Headers every answer carries. */
const COMMON_HEADERS: Record<string, HeaderSchema> = {
  'x-request-id': { type: 'string', description: 'the id of this request in the service log' },
}

const RETRY_AFTER: HeaderSchema = { type: 'integer', description: 'seconds to wait before trying again' }

/** Headers of the problem answers beyond the common ones. */
const PROBLEM_HEADERS: Record<number, Record<string, HeaderSchema>> = {
  308: { location: { type: 'string', description: 'the path of the resource it answers to now' } },
  429: { 'retry-after': RETRY_AFTER },
  503: { 'retry-after': RETRY_AFTER },
}

/**
 * A problem document a client may see with this status: the first catalogued type that has it; for a
 * 500, the bug's about:blank.
 */
function exampleProblem(status: number): Record<string, unknown> {
  const found = Object.entries(PROBLEM_TYPES).find(([, type]) => type.status === status)
  if (status === 500 || found === undefined) return { type: 'about:blank', title: 'Internal Server Error', status: 500 }
  const [slug, type] = found as [ProblemSlug, (typeof PROBLEM_TYPES)[ProblemSlug]]
  return { type: problemType(slug), title: type.title, status, detail: type.description }
}

const problemResponse = (status: number) => ({
  description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
  headers: { ...COMMON_HEADERS, ...PROBLEM_HEADERS[status] },
  content: { [PROBLEM_CONTENT_TYPE]: { schema: Type.Ref('Problem'), example: exampleProblem(status) } },
})

/**
 * A successful answer's schema, with what the OpenAPI document says of it: a description (instead of
 * @fastify/swagger's "Default Response") and its headers, x-request-id always.
 */
export function success<T extends TSchema>(
  schema: T,
  description: string,
  headers: Record<string, HeaderSchema> = {},
): T {
  return Type.With(schema, {
    'x-response-description': description,
    headers: { ...COMMON_HEADERS, ...headers },
  }) as unknown as T
}

/** The Location header of a 201: the path of the resource created. */
export const LOCATION_HEADER: Record<string, HeaderSchema> = {
  location: { type: 'string', description: 'the path of the resource created' },
}

/** Every route can answer these, whatever it does. */
const ALWAYS = [429, 500, 503] as const

/** The problems of an operation that takes a JSON body and needs a scope: bad, unauthorised, forbidden, too large, not JSON. */
export const SCOPED_BODY_PROBLEMS = [400, 401, 403, 413, 415] as const

/**
 * The response map of a route: its own successful responses plus the problem responses it can give.
 * Listing them per route keeps the OpenAPI document honest about every status a client may see.
 */
export function responses<Success extends Record<number, TSchema>>(
  success: Success,
  ...problems: number[]
): Success & Record<number, unknown> {
  const out: Record<number, unknown> = { ...success }
  for (const status of [...problems, ...ALWAYS]) out[status] = problemResponse(status)
  return out as Success & Record<number, unknown>
}

export const IdParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'resource id (UUID)' }),
})

/** Page size when the caller gives no `limit`. */
export const DEFAULT_PAGE_SIZE = 50

export const PaginationQuery = {
  // Optional, with a default the validation fills in: a generated client need not pass it.
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 200, default: DEFAULT_PAGE_SIZE, description: 'page size, at most 200' }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'opaque cursor from the previous page’s nextCursor' }),
  ),
}

export const page = <Item extends TSchema>(item: Item) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'pass as `cursor` for the next page; null on the last page',
    }),
  })

export const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
  Type.Union([schema, Type.Null()], options)

export const DateTime = Type.String({ format: 'date-time' })

/** A [start, end) character range (JavaScript string indices) in a text. */
export const Span = Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })], {
  description: '[start, end) character offsets (JavaScript string indices) into the text',
})

/** Where a resource can be looked at rather than read: the server-rendered page an editor opens (src/routes/pages.ts). */
export const PageLinks = named(
  'Links',
  Type.Object({
    html: Type.String({
      description: 'the page showing this resource to a person, as a path on this server',
      examples: ['/claims/0196a1f0-3c4d-7e5f-9a6b-7c8d9e0f1a2b'],
    }),
  }),
)

/** Why an editor makes a change, as the audit trail keeps it: one rule for every editing route. */
export const auditReason = (example: string) =>
  Type.Optional(
    Type.String({ minLength: 1, maxLength: 1000, description: 'why, for the audit trail', examples: [example] }),
  )

export const SPEAKER_INFERENCES = ['wording', 'office'] as const
/** How a speaker the article does not name was inferred (src/services/unattributed.ts, office-holders.ts). */
export const SpeakerInference = named(
  'SpeakerInference',
  Nullable(Type.Enum([...SPEAKER_INFERENCES]), {
    description:
      'null when the article names the speaker (or an editor gave it); wording: the speaker of the claim whose words the quote shares; office: the one person the stored articles of about that date name as holding the office the article describes the speaker by (“Mexico’s president”)',
  }),
)
