/**
 * Whether an error means "the database cannot be reached right now" (answer 503, keep running) rather
 * than a bug (500). Prisma wraps driver errors differently per adapter and version, so the whole cause
 * chain is searched for the codes that mean a lost or refused connection.
 */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])
// SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shutting down or starting up)
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123])$/
const MESSAGE_UNAVAILABLE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|Client has encountered a connection error|DatabaseNotReachable|ConnectionClosed/i

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const { code, message, kind } = current as { code?: unknown; message?: unknown; kind?: unknown }
    if (typeof code === 'string') {
      if (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code)) return true
    }
    if (typeof kind === 'string' && MESSAGE_UNAVAILABLE.test(kind)) return true
    if (typeof message === 'string' && MESSAGE_UNAVAILABLE.test(message)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
