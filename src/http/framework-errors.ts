import { randomUUID } from 'node:crypto'
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { PROBLEM_CONTENT_TYPE } from '../schemas/common.js'
import { problemInstance, problemType, type ProblemSlug } from './problem.js'
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.js'
import { SECURITY_HEADERS } from './security-headers.js'

/**
 * The answers given before a request reaches the app's hooks and error handler: by the router (a URL it
 * cannot decode, a path parameter over its length limit), by Node's HTTP parser (headers too large,
 * bytes that are not HTTP) and to CONNECT, which Node hands to no request handler at all. Each is a
 * problem document with the security headers like every other answer.
 */

interface BareProblem {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
}

const problem = (status: number, slug: ProblemSlug, detail: string, instance?: string): BareProblem => ({
  type: problemType(slug),
  title: STATUS_CODES[status]!,
  status,
  detail,
  ...(instance === undefined ? {} : { instance }),
})

// The router's errors, by Fastify's code. It raises no other kind here: the app has no async constraints.
const ROUTER_ERRORS: Record<string, { status: number; slug: ProblemSlug; detail: string }> = {
  FST_ERR_BAD_URL: { status: 400, slug: 'malformed-url', detail: 'the URL is not validly percent-encoded' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, slug: 'uri-too-long', detail: 'a path segment of the URL is too long' },
}
const ROUTER_FALLBACK = { status: 500, slug: 'internal' as const, detail: 'the request could not be routed' }

/** Fastify's `frameworkErrors` option: the router's refusals as problems. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, slug, detail } = ROUTER_ERRORS[error.code] ?? ROUTER_FALLBACK
  request.log.info({ status, code: error.code }, detail)
  void reply
    .code(status)
    .headers({ ...SECURITY_HEADERS, [REQUEST_ID_HEADER]: request.id })
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(status, slug, detail, problemInstance(request.url)))
}

/**
 * An answer written straight to the socket, for when there is no request object to answer through. It
 * still carries an x-request-id, the one logged with the refusal.
 */
function writeRaw(socket: Duplex, body: BareProblem, requestId: string): void {
  const json = JSON.stringify(body)
  const headers = {
    ...SECURITY_HEADERS,
    [REQUEST_ID_HEADER]: requestId,
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(json)),
    connection: 'close',
  }
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  socket.end(`HTTP/1.1 ${body.status} ${body.title}\r\n${head.join('')}\r\n${json}`)
}

// What Node's HTTP parser refuses, by its error code; anything else it cannot read is a 400.
const PARSER_ERRORS: Record<string, { status: number; slug: ProblemSlug; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, slug: 'headers-too-large', detail: 'the request headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, slug: 'request-timeout', detail: 'the request took too long to arrive' },
}
const PARSER_FALLBACK = { status: 400, slug: 'malformed-request' as const, detail: 'the request is not valid HTTP' }

/** Fastify's `clientErrorHandler` option (`this` is the Fastify instance). */
export function clientErrorHandler(this: { log: FastifyBaseLogger }, error: NodeJS.ErrnoException, socket: Duplex) {
  // A connection the client reset has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, slug, detail } = PARSER_ERRORS[error.code ?? ''] ?? PARSER_FALLBACK
  const reqId = randomUUID()
  this.log.info({ reqId, status, code: error.code }, detail)
  if (socket.writable) writeRaw(socket, problem(status, slug, detail), reqId)
  else socket.destroy()
}

/**
 * The server's 'connect' listener. Without one, Node closes the socket of a CONNECT request with no
 * answer at all; this service is no proxy, so it says so.
 */
export function refuseConnect(request: IncomingMessage, socket: Duplex): void {
  writeRaw(
    socket,
    problem(
      501,
      'not-implemented',
      'CONNECT is not supported: this server is not a proxy',
      problemInstance(request.url as string) /* set on every request Node parsed */,
    ),
    requestIdOf(request),
  )
}
