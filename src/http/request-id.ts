import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** The response header (and request header) that names a request in the log. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** An id a caller may choose: short, printable, nothing a log line or a header could be broken by. */
const CALLER_ID = /^[\w.:-]{1,128}$/

/**
 * The id of a request: the caller's x-request-id when it is a plain token of at most 128 characters
 * (so a client, or a proxy in front, can follow its own id into the log), a fresh UUID otherwise.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER]
  return typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID()
}
