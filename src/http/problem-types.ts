/**
 * Every problem type the service answers with: its `type` is `/problems/<slug>`, and GET on that URI
 * describes it (src/routes/problems.ts), as RFC 9457 §3.1.1 suggests. The README's table lists the same
 * types (test/routes/problems.test.ts checks the two agree). A slug not listed here does not compile.
 */
export const PROBLEM_TYPES = {
  'claim-merged': {
    status: 308,
    title: 'Permanent Redirect',
    description: 'The claim was merged into another: Location and `mergedInto` name it.',
  },
  'speaker-merged': {
    status: 308,
    title: 'Permanent Redirect',
    description: 'The speaker was merged into another by an editor: Location and `mergedInto` name it.',
  },
  validation: {
    status: 400,
    title: 'Bad Request',
    description: 'A field is missing, malformed or unknown; `errors` lists each one.',
  },
  'malformed-body': { status: 400, title: 'Bad Request', description: 'The body is not JSON.' },
  'malformed-url': { status: 400, title: 'Bad Request', description: 'The URL is not validly percent-encoded.' },
  'malformed-request': { status: 400, title: 'Bad Request', description: 'The bytes sent are not HTTP.' },
  'invalid-cursor': { status: 400, title: 'Bad Request', description: 'A `cursor` this API did not return.' },
  'unknown-speaker': {
    status: 400,
    title: 'Bad Request',
    description: 'A `speaker` nobody goes by; `suggestions` lists who may be meant.',
  },
  'unsupported-parameter': {
    status: 400,
    title: 'Bad Request',
    description: 'A parameter of a mirrored API (Google Fact Check Tools) that this service does not honour.',
  },
  'bad-request': { status: 400, title: 'Bad Request', description: 'Any other request the service cannot read.' },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    description: 'No API key, or not a valid one (which of the two is not said).',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    description: 'The API key is valid but lacks the scope the operation needs; `requiredScope` names it.',
  },
  'not-found': { status: 404, title: 'Not Found', description: 'No such resource or route.' },
  'request-timeout': { status: 408, title: 'Request Timeout', description: 'The request did not arrive in time.' },
  'claim-removed': {
    status: 410,
    title: 'Gone',
    description: 'The claim existed; every rendering it had was withdrawn.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    description: 'The change conflicts with what is stored; the detail says with what.',
  },
  'article-deleted': {
    status: 410,
    title: 'Gone',
    description: 'An editor deleted the article; its quotes left their claims.',
  },
  'body-too-large': { status: 413, title: 'Content Too Large', description: 'The body is over BODY_LIMIT.' },
  'batch-too-large': {
    status: 413,
    title: 'Content Too Large',
    description: 'A batch of more lines than BATCH_MAX_LINES; nothing in it was done.',
  },
  'uri-too-long': { status: 414, title: 'URI Too Long', description: 'A path segment is over 100 characters.' },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported Media Type',
    description: 'A body that is not application/json.',
  },
  'unreadable-html': {
    status: 422,
    title: 'Unprocessable Content',
    description: 'The `html` holds no article to read (or too many elements, or an article over the longest text).',
  },
  'rate-limited': {
    status: 429,
    title: 'Too Many Requests',
    description: 'Over the rate limit; Retry-After says when to retry.',
  },
  'headers-too-large': {
    status: 431,
    title: 'Request Header Fields Too Large',
    description: 'The request headers are over the server’s limit (16 KB).',
  },
  internal: { status: 500, title: 'Internal Server Error', description: 'The request could not be routed: a bug.' },
  'not-implemented': { status: 501, title: 'Not Implemented', description: 'CONNECT: this server is no proxy.' },
  'database-unavailable': {
    status: 503,
    title: 'Service Unavailable',
    description: 'The database cannot be reached; the service recovers when it returns.',
  },
  'extraction-timeout': {
    status: 503,
    title: 'Service Unavailable',
    description: 'Reading the text took over EXTRACTION_TIMEOUT_MS; nothing was stored.',
  },
  'extraction-busy': {
    status: 503,
    title: 'Service Unavailable',
    description: 'Every extraction thread is busy and its queue full; Retry-After says when to retry.',
  },
} as const satisfies Record<string, { status: number; title: string; description: string }>

export type ProblemSlug = keyof typeof PROBLEM_TYPES

/** The slugs of the types that come with one status: `badRequest` takes only a 400's. */
export type ProblemSlugWithStatus<Status extends number> = {
  [Slug in ProblemSlug]: (typeof PROBLEM_TYPES)[Slug]['status'] extends Status ? Slug : never
}[ProblemSlug]

export const isProblemSlug = (slug: string): slug is ProblemSlug => Object.hasOwn(PROBLEM_TYPES, slug)

/** Problem types are relative URI references (RFC 9457 §3.1.1) that answer GET with their description. */
export const problemType = (slug: ProblemSlug): string => `/problems/${slug}`
