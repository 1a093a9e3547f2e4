import { randomBytes } from 'node:crypto'
import type { PrismaClient } from '../generated/prisma/client.js'
import { hashApiKey } from '../plugins/auth.js'
import { DEFAULT_SCOPES, SCOPES, type Scope } from '../http/scopes.js'

/** Stored API keys. The key itself is returned once, at creation; only its hash is kept. */

export interface CreatedApiKey {
  id: string
  name: string
  prefix: string
  /** what it may do, as stored: in the order of SCOPES, `read` always among them */
  scopes: Scope[]
  /** the key to hand to the caller; it cannot be recovered later */
  key: string
}

const KEY_PREFIX = 'vbt_'

export async function createApiKey(
  prisma: PrismaClient,
  name: string,
  actor: string,
  given: readonly Scope[] = DEFAULT_SCOPES,
): Promise<CreatedApiKey> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`
  const prefix = key.slice(0, KEY_PREFIX.length + 6)
  const scopes = SCOPES.filter((scope) => scope === 'read' || given.includes(scope))
  const row = await prisma.apiKey.create({ data: { name, prefix, keyHash: hashApiKey(key), scopes } })
  await prisma.auditEvent.create({
    data: {
      actor,
      action: 'api-key.created',
      entityType: 'api-key',
      entityId: row.id,
      details: { name, prefix, scopes },
    },
  })
  return { id: row.id, name: row.name, prefix, scopes, key }
}

const KEY_COLUMNS = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const

export async function listApiKeys(prisma: PrismaClient) {
  return prisma.apiKey.findMany({ orderBy: { id: 'asc' }, select: KEY_COLUMNS })
}

/** Revokes a key and returns it; null when there is no such key or it was already revoked. */
export async function revokeApiKey(prisma: PrismaClient, id: string, actor: string) {
  const { count } = await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })
  if (count === 0) return null
  await prisma.auditEvent.create({ data: { actor, action: 'api-key.revoked', entityType: 'api-key', entityId: id } })
  return prisma.apiKey.findUniqueOrThrow({ where: { id }, select: KEY_COLUMNS })
}
