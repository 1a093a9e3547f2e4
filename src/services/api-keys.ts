import { randomBytes } from 'node:crypto'
import type { PrismaClient } from '../generated/prisma/client.js'
import { hashApiKey } from '../plugins/auth.js'

/** Stored API keys. The key itself is returned once, at creation; only its hash is kept. */

export interface CreatedApiKey {
  id: string
  name: string
  prefix: string
  /** the key to hand to the caller; it cannot be recovered later */
  key: string
}

const KEY_PREFIX = 'vbt_'

export async function createApiKey(prisma: PrismaClient, name: string, actor: string): Promise<CreatedApiKey> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`
  const prefix = key.slice(0, KEY_PREFIX.length + 6)
  const row = await prisma.apiKey.create({ data: { name, prefix, keyHash: hashApiKey(key) } })
  await prisma.auditEvent.create({
    data: { actor, action: 'api-key.created', entityType: 'api-key', entityId: row.id, details: { name, prefix } },
  })
  return { id: row.id, name: row.name, prefix, key }
}

export async function listApiKeys(prisma: PrismaClient) {
  return prisma.apiKey.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  })
}

/** Revokes a key; false when there is no such key or it was already revoked. */
export async function revokeApiKey(prisma: PrismaClient, id: string, actor: string): Promise<boolean> {
  const { count } = await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })
  if (count === 0) return false
  await prisma.auditEvent.create({ data: { actor, action: 'api-key.revoked', entityType: 'api-key', entityId: id } })
  return true
}
