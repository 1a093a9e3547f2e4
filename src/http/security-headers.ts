import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'

/** The security headers of every answer, set by @fastify/helmet on the answers Fastify's reply sends. */
export const HELMET_OPTIONS = {
  // Swagger UI's page needs its own inline style and the spec fetched from this origin; nothing else does.
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      // helmet's default would have browsers fetch every asset over https: over plain HTTP on any host but
      // localhost (a container reached by its address) Swagger UI's scripts then never load.
      upgradeInsecureRequests: null,
    },
  },
}

/**
 * The pages' own policy, stricter than the API's: they run no script, style themselves from one
 * stylesheet of this origin (no inline style, so no 'unsafe-inline'), draw their charts inline, and
 * submit their forms only here.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The same headers as a plain record, for the answers written before any hook runs (a URL the router
 * cannot read, a request the HTTP parser refuses, CONNECT): helmet itself works them out, once, on a
 * response that only records them, so the two can never drift apart.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
  }
  helmet(HELMET_OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined)
  return Object.freeze(headers)
})()
