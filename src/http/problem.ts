import { PROBLEM_TYPES, type ProblemSlug, type ProblemSlugWithStatus } from './problem-types.js'

/**
 * An error that already knows how it is to be shown to the client: the RFC 9457 problem fields.
 * Services throw these; the error handler (src/plugins/errors.ts) renders them, and renders every
 * other error as a problem too.
 */
export interface FieldError {
  /** where the bad value was: body, querystring, params or headers */
  in: string
  /** JSON pointer to the field within it, e.g. /outlet/name */
  field: string
  message: string
}

/** What a problem may add to the RFC 9457 fields: members of its own, and headers of the answer. */
export interface ProblemExtras {
  /** extension members (RFC 9457 §3.2) the problem type defines: `mergedInto`, `suggestions` */
  extensions?: Record<string, unknown>
  headers?: Record<string, string>
}

export class HttpProblem extends Error {
  override name = 'HttpProblem'
  /** The type's status and title, from the catalogue (src/http/problem-types.ts): stated once. */
  readonly status: number
  readonly title: string
  constructor(
    readonly slug: ProblemSlug,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extras: ProblemExtras = {},
  ) {
    super(detail ?? PROBLEM_TYPES[slug].title)
    this.status = PROBLEM_TYPES[slug].status
    this.title = PROBLEM_TYPES[slug].title
  }
}

/** The longest request path a problem echoes back as its `instance`. */
export const MAX_INSTANCE_LENGTH = 2048

/**
 * The request's path, without the query, as a problem's `instance`; none for a path over
 * MAX_INSTANCE_LENGTH: a client that sent a 70 KB URL is told it was too long, not sent it back.
 */
export function problemInstance(url: string): string | undefined {
  const path = url.split('?')[0]!
  return path.length > MAX_INSTANCE_LENGTH ? undefined : path
}

export { problemType, type ProblemSlug } from './problem-types.js'

export const notFound = (what: string, id: string): HttpProblem =>
  new HttpProblem('not-found', `no ${what} with id ${id}`)

export const badRequest = (slug: ProblemSlugWithStatus<400>, detail: string, errors?: FieldError[]): HttpProblem =>
  new HttpProblem(slug, detail, errors)

/** A resource merged into another: a permanent redirect there, with the problem saying why. */
export const mergedInto = (what: 'claim' | 'speaker', id: string, survivor: string, location: string): HttpProblem =>
  new HttpProblem(`${what}-merged`, `${what} ${id} was merged into ${survivor}`, undefined, {
    extensions: { mergedInto: survivor },
    headers: { location },
  })

/** A resource that existed and is gone for good. */
export const gone = (what: 'claim', id: string, why: string): HttpProblem =>
  new HttpProblem(`${what}-removed`, `${what} ${id} ${why}`)

/** An article an editor deleted, with when and, where given, why. */
export const articleDeleted = (id: string, deletedAt: Date, reason: string | null): HttpProblem =>
  new HttpProblem(
    'article-deleted',
    `article ${id} was deleted on ${deletedAt.toISOString()}${reason ? `: ${reason}` : ''}`,
    undefined,
    { extensions: { deletedAt: deletedAt.toISOString() } },
  )

/**
 * A speaker named in a filter (or anywhere a speaker must be known) whom no speaker goes by, with the
 * speakers the name may have meant, nearest first.
 */
export const unknownSpeaker = (
  reference: string,
  where: { in: string; field: string },
  suggestions: Array<{ id: string; name: string }>,
): HttpProblem =>
  new HttpProblem(
    'unknown-speaker',
    `no speaker goes by "${reference}"${suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => s.name).join(', ')}?` : ''}`,
    [{ ...where, message: 'is no known speaker' }],
    { extensions: { suggestions } },
  )
