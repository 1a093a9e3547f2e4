import type { SqlTransaction } from '../db/database.js'
import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import type { AuditInput } from '../schemas/audit.js'
import { afterCursor, pageLimit, toPage } from './pagination.js'
import { timeWindow } from './query-filters.js'
import { correctionEvents } from './webhook-events.js'

/** The audit trail as readers see it: who (by name), when, what, before and after, and why. */

export interface AuditEventResource {
  id: string
  at: string
  actor: { id: string; name: string | null }
  action: string
  entity: { type: string; id: string | null }
  before: unknown
  after: unknown
  reason: string | null
  details: unknown
}

type AuditRow = Prisma.AuditEventGetPayload<object>

/** Who an actor id stands for: a stored key by its name (given, as the caller looked it up), or what the id says. */
export function describeActor(actor: string, keyName: string | null): { id: string; name: string | null } {
  if (actor.startsWith('key:')) return { id: actor, name: keyName }
  if (actor.startsWith('env:')) return { id: actor, name: `API_KEYS entry ${actor.slice(4)}` }
  if (actor === 'cli') return { id: actor, name: 'the verbatim command' }
  return { id: actor, name: actor === 'anonymous' ? 'no key' : null }
}

export async function listAuditEvents(
  prisma: PrismaClient,
  query: AuditInput,
): Promise<{ items: AuditEventResource[]; nextCursor: string | null }> {
  const limit = pageLimit(query.limit)
  const createdAt = timeWindow(query.from, query.to)
  const rows = await prisma.auditEvent.findMany({
    where: {
      ...afterCursor(query.cursor),
      ...(query.entityType ? { entityType: query.entityType } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(createdAt ? { createdAt } : {}),
    },
    orderBy: { id: 'desc' },
    take: limit + 1,
  })
  const keyIds = [...new Set(rows.filter((row) => row.actor.startsWith('key:')).map((row) => row.actor.slice(4)))]
  const keys = keyIds.length === 0 ? [] : await prisma.apiKey.findMany({ where: { id: { in: keyIds } } })
  const keyNames = new Map(keys.map((key) => [key.id, key.name]))
  return toPage(rows, limit, (row: AuditRow) => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: describeActor(row.actor, keyNames.get(row.actor.slice(4)) ?? null),
    action: row.action,
    entity: { type: row.entityType, id: row.entityId },
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    details: row.details ?? null,
  }))
}

/** One change on the record: who made it, to what, the entity before and after, and why. */
export interface AuditRecord {
  actor: string
  action: string
  entityType: string
  entityId: string
  before: unknown
  after: unknown
  reason: string | null
  details: unknown
}

/** Who makes an editor's change and why: what the audit trail records of it (src/http/editor.ts). */
export interface Editor {
  actor: string
  reason: string | null
}

/** Writes an audit event in the transaction that makes the change: the record holds exactly what happened. */
export async function recordAuditEvent(sql: SqlTransaction, record: AuditRecord): Promise<void> {
  // An editor's change is also news for webhook subscribers to corrections: one statement writes both.
  await sql.query(Prisma.sql`
    WITH recorded AS (
      INSERT INTO audit_event (actor, action, entity_type, entity_id, before, after, reason, details)
      VALUES (${record.actor}, ${record.action}, ${record.entityType}, ${record.entityId},
        ${JSON.stringify(record.before)}::jsonb, ${JSON.stringify(record.after)}::jsonb, ${record.reason},
        ${JSON.stringify(record.details)}::jsonb)
      RETURNING *)
    ${correctionEvents('recorded')}`)
}

/** An actor with the name it goes by, looked up in the transaction that records what it did. */
export async function namedActor(
  sql: Pick<SqlTransaction, 'query'>,
  actor: string,
): Promise<{ id: string; name: string | null }> {
  if (!actor.startsWith('key:')) return describeActor(actor, null)
  const [key] = await sql.query<{ name: string }>(
    Prisma.sql`SELECT name FROM api_key WHERE id = ${actor.slice(4)}::uuid`,
  )
  return describeActor(actor, key?.name ?? null)
}
