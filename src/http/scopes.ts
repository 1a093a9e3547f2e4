/**
 * What an API key may do. Every key may read; `ingest` posts articles (one by one or in batches), `edit`
 * corrects what the machine got wrong and reads the audit trail, `admin` manages keys and may do everything.
 * A route names the one scope it needs (its `config.access`, src/plugins/auth.ts), and the OpenAPI document
 * lists that scope in the operation's security requirement.
 */
export const SCOPES = ['read', 'ingest', 'edit', 'admin'] as const

export type Scope = (typeof SCOPES)[number]

/** What a key gets when nobody says: what every key could do before keys had scopes. */
export const DEFAULT_SCOPES: readonly Scope[] = ['read', 'ingest']

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value)

/** Whether a key holding `held` may do what needs `needed`. */
export function grants(held: readonly Scope[], needed: Scope): boolean {
  return needed === 'read' || held.includes('admin') || held.includes(needed)
}

/**
 * Scopes written as a list ("ingest,edit" or "ingest+edit"), as a key holds them: in the order of SCOPES, each
 * once, `read` always among them. Or the names that are not scopes, so that a caller can say which.
 */
export function parseScopes(text: string): { scopes: Scope[] } | { unknown: string[] } {
  const names = text
    .split(/[,+]/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '')
  const unknown = names.filter((name) => !isScope(name))
  if (unknown.length > 0 || names.length === 0) return { unknown }
  return { scopes: SCOPES.filter((scope) => scope === 'read' || names.includes(scope)) }
}
