/**
 * How an error is written to the log. The default serializer writes every enumerable property, and
 * driver errors carry more than anyone should log: pg-pool attaches the failed client to an idle
 * connection's error (its `secretKey`, its connection parameters, the SQL it last ran). What helps
 * is kept by name, and nothing else: what kind of error, its message and stack, and its codes.
 */
const KEPT_FIELDS = ['code', 'errno', 'syscall', 'severity', 'statusCode'] as const

// Causes wrapped deeper than this are cut: a log line is no place for an unbounded chain.
const MAX_CAUSE_DEPTH = 5

export interface LoggedError {
  type: string
  message: string
  stack: string
  cause?: LoggedError
  [field: string]: unknown
}

export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' }
  const logged: LoggedError = { type: error.constructor.name, message: error.message, stack: error.stack ?? '' }
  for (const field of KEPT_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field]
    if (typeof value === 'string' || typeof value === 'number') logged[field] = value
  }
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) logged.cause = serializeError(error.cause, depth + 1)
  return logged
}
