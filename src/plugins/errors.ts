import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isDatabaseUnavailable } from '../http/database-errors.js'
import { refuseConnect } from '../http/framework-errors.js'
import { HttpProblem, problemInstance, problemType, type FieldError, type ProblemSlug } from '../http/problem.js'
import { PROBLEM_CONTENT_TYPE } from '../schemas/common.js'

interface Problem {
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

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  const instance = problemInstance(request.url)
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

async function errorsPlugin(fastify: FastifyInstance): Promise<void> {
  fastify.server.on('connect', refuseConnect)
  fastify.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error, request)
    if (problem.status >= 500) {
      request.log.error({ err: error }, problem.status === 503 ? 'database unavailable' : 'unhandled error')
    } else {
      request.log.info({ status: problem.status, type: problem.type }, problem.detail ?? problem.title)
    }
    // RFC 9110 §11.6.1: a 401 names the scheme the client should authenticate with.
    if (problem.status === 401) reply.header('www-authenticate', 'Bearer')
    if (error instanceof HttpProblem && error.extras.headers) reply.headers(error.extras.headers)
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem)
  })

  fastify.setNotFoundHandler((request, reply) => {
    const instance = problemInstance(request.url)
    const problem: Problem = {
      type: problemType('not-found'),
      title: 'Not Found',
      status: 404,
      detail: `no route ${request.method} ${instance ?? 'for this path'}`,
      ...(instance === undefined ? {} : { instance }),
    }
    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem)
  })
}

export default fp(errorsPlugin, { name: 'errors', fastify: '5.x' })
