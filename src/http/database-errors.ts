/**
 * Whether an error means "the database cannot be reached right now" (answer 503, keep running) rather
 * than a bug (500). Prisma wraps driver errors differently per adapter and version, so the whole cause
 * chain is searched for the codes that mean a lost or refused connection.
 */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])
// SQLSTATE class 08 (connection exception), 57P01-57P03 (server shutting down or starting up) and
// 57014 (a statement cancelled: the service cancels none itself, so it is statement_timeout, a server
// too slow to answer in time)
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|57014)$/
// ...and what pg says when the server is silent past query_timeout or no pooled connection frees up
const MESSAGE_UNAVAILABLE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Can't reach database server|Client has encountered a connection error|DatabaseNotReachable|ConnectionClosed|SocketTimeout/i

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, originalCode, message, kind } of errorChain(error)) {
    if (typeof code === 'string') {
      if (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code)) return true
    }
    // A raw query's driver error, as Prisma keeps it
    if (typeof originalCode === 'string' && SQLSTATE_UNAVAILABLE.test(originalCode)) return true
    if (typeof kind === 'string' && MESSAGE_UNAVAILABLE.test(kind)) return true
    if (typeof message === 'string' && MESSAGE_UNAVAILABLE.test(message)) return true
  }
  return false
}

// Prisma's codes for a unique index another transaction won and for a deadlock or write conflict,
// and the SQLSTATEs behind them, which is what a raw query's error carries (P2010). 23503 too: the
// service only writes references to rows it has just read, so a foreign key violation means a
// concurrent transaction removed one in between (a claim retired while a flag to it was being written:
// seen under an 8-writer load on real articles).
const PRISMA_CONFLICT = new Set(['P2002', 'P2003', 'P2034'])
const SQLSTATE_CONFLICT = new Set(['23503', '23505', '40001', '40P01'])

/**
 * Whether an error means a concurrent transaction got in the way: a unique index it won, a row it
 * removed that this one referenced, a deadlock with it, a serialization failure. The transaction was rolled back whole, so running it again is
 * safe and will see the other one's rows.
 */
export function isTransactionConflict(error: unknown): boolean {
  for (const { code, originalCode } of errorChain(error)) {
    if (typeof code === 'string' && (PRISMA_CONFLICT.has(code) || SQLSTATE_CONFLICT.has(code))) return true
    if (typeof originalCode === 'string' && SQLSTATE_CONFLICT.has(originalCode)) return true
  }
  return false
}

interface ErrorLink {
  code?: unknown
  originalCode?: unknown
  message?: unknown
  kind?: unknown
  cause?: unknown
  meta?: { driverAdapterError?: unknown }
}

/** An error and everything it wraps: its causes, and the driver error Prisma keeps in `meta`. */
function* errorChain(error: unknown): Generator<ErrorLink> {
  const seen = new Set<unknown>()
  const pending: unknown[] = [error]
  while (pending.length > 0) {
    const current = pending.pop()
    if (!current || typeof current !== 'object' || seen.has(current)) continue
    seen.add(current)
    const link = current as ErrorLink
    yield link
    pending.push(link.cause, link.meta?.driverAdapterError)
  }
}
