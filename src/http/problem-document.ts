import type { FastifyError } from 'fastify'
import { isDatabaseUnavailable } from './database-errors.js'
import { HttpProblem, problemInstance, problemType, type FieldError, type ProblemSlug } from './problem.js'

/**
 * The problem document (RFC 9457) an error is answered with: the error handler's answer
 * (src/plugins/errors.ts), and each failed line's answer in a batch (src/routes/v1/batch.ts), which
 * must say exactly what the same request alone would have been told.
 */
export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

// Fastify's own error codes that are the client's fault, with the problem type each becomes.
const FASTIFY_CLIENT_ERRORS: Record<string, ProblemSlug> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed-body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-body',
  FST_ERR_RATE_LIMIT: 'rate-limited',
}

/** The most validation errors one answer lists. */
export const MAX_REPORTED_ERRORS = 20

function validationErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((issue) => {
    // Name the property itself for "required" and "additionalProperties" errors, not its parent.
    const params = issue.params as { missingProperty?: string; additionalProperty?: string } | undefined
    const property = params?.missingProperty ?? params?.additionalProperty
    const field = property ? `${issue.instancePath}/${property}` : issue.instancePath || '/'
    return { in: error.validationContext ?? 'body', field, message: issue.message ?? 'is invalid' }
  })
}

export function toProblem(error: FastifyError, url: string): Problem {
  const instance = problemInstance(url)
  const at = instance === undefined ? {} : { instance }
  if (error instanceof HttpProblem) {
    return {
      type: problemType(error.slug),
      title: error.title,
      status: error.status,
      ...(error.detail ? { detail: error.detail } : {}),
      ...at,
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extras.extensions,
    }
  }
  if (error.validation) {
    const all = validationErrors(error)
    // A body of a hundred thousand unknown keys made an 18 MB answer listing each: a few are enough
    // to go on, and the count says how many more there are.
    const errors = all.slice(0, MAX_REPORTED_ERRORS)
    const count = all.length > errors.length ? `${all.length} problems; the first ${errors.length}: ` : ''
    return {
      type: problemType('validation'),
      title: 'Bad Request',
      status: 400,
      detail: `the request ${error.validationContext ?? 'body'} is invalid: ${count}${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      ...at,
      errors,
    }
  }
  if (isDatabaseUnavailable(error)) {
    return {
      type: problemType('database-unavailable'),
      title: 'Service Unavailable',
      status: 503,
      detail: 'the database cannot be reached; retry later',
      ...at,
    }
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const slug = (error.code && FASTIFY_CLIENT_ERRORS[error.code]) || (status === 404 ? 'not-found' : 'bad-request')
    return {
      type: problemType(slug),
      title: STATUS_TITLES[status] ?? 'Bad Request',
      status,
      detail: error.message,
      ...at,
    }
  }
  // Anything else is our bug: say nothing about its internals.
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    ...at,
  }
}
