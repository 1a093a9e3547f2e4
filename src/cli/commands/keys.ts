import type { PrismaClient } from '../../generated/prisma/client.js'
import { parseScopes, SCOPES } from '../../http/scopes.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys.js'
import { UsageError } from '../usage-error.js'

const USAGE =
  `usage: verbatim keys create --name NAME [--scope SCOPES] [--json] | verbatim keys list [--json] | verbatim keys revoke ID\n` +
  `SCOPES: a comma-separated list of ${SCOPES.join(', ')} (default: read,ingest; every key may read)`

/** The value after a flag, or undefined when the flag is absent. */
function valueOf(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag)
  if (at === -1) return undefined
  const value = args[at + 1]
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value\n${USAGE}`)
  return value
}

/** `verbatim keys …`: manage the API keys stored in the database. */
export async function runKeys(args: string[], prisma: PrismaClient, out: NodeJS.WritableStream): Promise<void> {
  const [action, ...given] = args
  const json = given.includes('--json')
  const rest = given.filter((arg) => arg !== '--json')
  if (action === 'create') {
    const name = valueOf(rest, '--name')?.trim()
    if (!name) throw new UsageError(`keys create needs --name NAME\n${USAGE}`)
    const scopeList = valueOf(rest, '--scope')
    const parsed = scopeList === undefined ? undefined : parseScopes(scopeList)
    if (parsed && 'unknown' in parsed) {
      throw new UsageError(`--scope names no scope ${JSON.stringify(parsed.unknown.join(',') || scopeList)}\n${USAGE}`)
    }
    const created = await createApiKey(prisma, name, 'cli', parsed?.scopes)
    if (json) {
      out.write(`${JSON.stringify(created)}\n`)
      return
    }
    out.write(`created key ${created.id} (${created.name}) with scopes ${created.scopes.join(',')}\n`)
    out.write(`${created.key}\n`)
    out.write('This key is shown once and cannot be recovered: store it now.\n')
    return
  }
  if (action === 'list' && rest.length === 0) {
    for (const key of await listApiKeys(prisma)) {
      if (json) {
        out.write(`${JSON.stringify(key)}\n`)
        continue
      }
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'
      const used = key.lastUsedAt ? key.lastUsedAt.toISOString() : 'never'
      out.write(`${key.id}  ${key.prefix}…  ${key.name}  ${key.scopes.join(',')}  ${state}  last used ${used}\n`)
    }
    return
  }
  if (action === 'revoke' && rest.length === 1) {
    const id = rest[0]!
    if (!/^[0-9a-f-]{36}$/i.test(id) || !(await revokeApiKey(prisma, id, 'cli'))) {
      throw new UsageError(`no active key with id ${id}`)
    }
    out.write(json ? `${JSON.stringify({ id, revoked: true })}\n` : `revoked key ${id}\n`)
    return
  }
  throw new UsageError(USAGE)
}
