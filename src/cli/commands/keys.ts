import type { PrismaClient } from '../../generated/prisma/client.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys.js'
import { UsageError } from '../usage-error.js'

const USAGE = 'usage: verbatim keys create --name NAME | verbatim keys list | verbatim keys revoke ID'

/** `verbatim keys …`: manage the API keys stored in the database. */
export async function runKeys(args: string[], prisma: PrismaClient, out: NodeJS.WritableStream): Promise<void> {
  const [action, ...rest] = args
  if (action === 'create') {
    const nameAt = rest.indexOf('--name')
    const name = nameAt === -1 ? undefined : rest[nameAt + 1]?.trim()
    if (!name) throw new UsageError(`keys create needs --name NAME\n${USAGE}`)
    const created = await createApiKey(prisma, name, 'cli')
    out.write(`created key ${created.id} (${created.name})\n`)
    out.write(`${created.key}\n`)
    out.write('This key is shown once and cannot be recovered: store it now.\n')
    return
  }
  if (action === 'list' && rest.length === 0) {
    for (const key of await listApiKeys(prisma)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'
      const used = key.lastUsedAt ? key.lastUsedAt.toISOString() : 'never'
      out.write(`${key.id}  ${key.prefix}…  ${key.name}  ${state}  last used ${used}\n`)
    }
    return
  }
  if (action === 'revoke' && rest.length === 1) {
    const id = rest[0]!
    if (!/^[0-9a-f-]{36}$/i.test(id) || !(await revokeApiKey(prisma, id, 'cli'))) {
      throw new UsageError(`no active key with id ${id}`)
    }
    out.write(`revoked key ${id}\n`)
    return
  }
  throw new UsageError(USAGE)
}
