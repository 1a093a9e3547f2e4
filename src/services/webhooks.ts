import type { Database } from '../db/database.js'
import { newWebhookSecret } from '../domain/webhooks/index.js'
import { Prisma, type PrismaClient } from '../generated/prisma/client.js'
import { badRequest, notFound } from '../http/problem.js'
import type { DeliveryInput, WebhookSubscriptionInput } from '../schemas/webhooks.js'
import { recordAuditEvent } from './audit.js'
import { afterCursor, pageLimit, toPage } from './pagination.js'

/** Webhook subscriptions, as subscribers manage them, and their delivery logs. */

export interface WebhookSubscriptionResource {
  id: string
  url: string
  events: string[]
  speakerId: string | null
  outletId: string | null
  claimId: string | null
  description: string | null
  createdAt: string
}

type SubscriptionRow = Prisma.WebhookSubscriptionGetPayload<object>

const toResource = (row: SubscriptionRow): WebhookSubscriptionResource => ({
  id: row.id,
  url: row.url,
  events: row.events,
  speakerId: row.speakerId,
  outletId: row.outletId,
  claimId: row.claimId,
  description: row.description,
  createdAt: row.createdAt.toISOString(),
})

/**
 * Subscribes a URL to events. Filters must name what exists: a merged speaker or claim is stored as the
 * one it answers to now (and followed again if that one is merged later); a claim that is gone is
 * refused. The answer holds the signing secret, which is never shown again.
 */
export async function createWebhookSubscription(
  db: Pick<Database, 'transaction'>,
  input: WebhookSubscriptionInput,
  actor: string,
): Promise<WebhookSubscriptionResource & { secret: string }> {
  return db.transaction(async (sql) => {
    const [found] = await sql.query<{ speaker: string | null; outlet: string | null; claim: string | null }>(Prisma.sql`
      SELECT
        (SELECT COALESCE((SELECT r.to_id FROM speaker_redirect r WHERE r.from_id = s.id), s.id) FROM (
          SELECT id FROM speaker WHERE id = ${input.speakerId ?? null}::uuid
          UNION ALL SELECT from_id FROM speaker_redirect WHERE from_id = ${input.speakerId ?? null}::uuid) s LIMIT 1) AS speaker,
        (SELECT id FROM outlet WHERE id = ${input.outletId ?? null}::uuid) AS outlet,
        (SELECT COALESCE(c.id, r.to_id) FROM (SELECT ${input.claimId ?? null}::uuid AS id) k
          LEFT JOIN claim c ON c.id = k.id LEFT JOIN claim_redirect r ON r.from_id = k.id) AS claim`)
    const missing = [
      ['speakerId', input.speakerId, found!.speaker, 'no such speaker'],
      ['outletId', input.outletId, found!.outlet, 'no such outlet'],
      ['claimId', input.claimId, found!.claim, 'no such claim (or it is gone)'],
    ].filter(([, given, resolved]) => given !== undefined && resolved === null)
    if (missing.length > 0) {
      throw badRequest(
        'validation',
        missing.map(([field, , , message]) => `${field}: ${message}`).join('; '),
        missing.map(([field, , , message]) => ({ in: 'body', field: `/${field}`, message: message as string })),
      )
    }
    const secret = newWebhookSecret()
    const [row] = await sql.query<{ id: string; created_at: Date }>(Prisma.sql`
      INSERT INTO webhook_subscription (url, secret, events, speaker_id, outlet_id, claim_id, description, created_by)
      VALUES (${input.url}, ${secret}, ${input.events}::text[], ${found!.speaker}::uuid, ${found!.outlet}::uuid,
        ${found!.claim}::uuid, ${input.description?.trim() ?? null}, ${actor})
      RETURNING id, created_at`)
    const resource: WebhookSubscriptionResource = {
      id: row!.id,
      url: input.url,
      events: input.events,
      speakerId: found!.speaker,
      outletId: found!.outlet,
      claimId: found!.claim,
      description: input.description?.trim() ?? null,
      createdAt: row!.created_at.toISOString(),
    }
    await recordAuditEvent(sql, {
      actor,
      action: 'webhook.created',
      entityType: 'webhook',
      entityId: resource.id,
      before: null,
      after: resource,
      reason: null,
      details: null,
    })
    return { ...resource, secret }
  })
}

export async function listWebhookSubscriptions(
  prisma: PrismaClient,
  query: { limit?: number; cursor?: string },
): Promise<{ items: WebhookSubscriptionResource[]; nextCursor: string | null }> {
  const limit = pageLimit(query.limit)
  const rows = await prisma.webhookSubscription.findMany({
    where: afterCursor(query.cursor),
    orderBy: { id: 'desc' },
    take: limit + 1,
  })
  return toPage(rows, limit, toResource)
}

export async function getWebhookSubscription(prisma: PrismaClient, id: string): Promise<WebhookSubscriptionResource> {
  const row = await prisma.webhookSubscription.findUnique({ where: { id } })
  if (row === null) throw notFound('webhook subscription', id)
  return toResource(row)
}

/** Ends a subscription: nothing more is delivered to it, deliveries queued included; its log goes with it. */
export async function deleteWebhookSubscription(
  db: Pick<Database, 'transaction'>,
  id: string,
  actor: string,
): Promise<WebhookSubscriptionResource> {
  return db.transaction(async (sql) => {
    const [row] = await sql.query<SubscriptionRow>(Prisma.sql`
      DELETE FROM webhook_subscription WHERE id = ${id}::uuid
      RETURNING id, url, events, speaker_id AS "speakerId", outlet_id AS "outletId", claim_id AS "claimId",
        description, created_at AS "createdAt"`)
    if (row === undefined) throw notFound('webhook subscription', id)
    const resource = toResource(row)
    await recordAuditEvent(sql, {
      actor,
      action: 'webhook.deleted',
      entityType: 'webhook',
      entityId: id,
      before: resource,
      after: null,
      reason: null,
      details: null,
    })
    return resource
  })
}

export interface WebhookDeliveryResource {
  id: string
  state: string
  event: { id: string; type: string; createdAt: string; data: unknown }
  attempts: unknown[]
  createdAt: string
  updatedAt: string
}

/** A subscription's delivery log, newest first. */
export async function listWebhookDeliveries(
  prisma: PrismaClient,
  subscriptionId: string,
  query: DeliveryInput,
): Promise<{ items: WebhookDeliveryResource[]; nextCursor: string | null }> {
  await getWebhookSubscription(prisma, subscriptionId)
  const limit = pageLimit(query.limit)
  const rows = await prisma.webhookDelivery.findMany({
    where: { subscriptionId, ...afterCursor(query.cursor), ...(query.state ? { state: query.state } : {}) },
    include: { event: true },
    orderBy: { id: 'desc' },
    take: limit + 1,
  })
  return toPage(rows, limit, (row) => ({
    id: row.id,
    state: row.state,
    event: {
      id: row.event.id.toString(),
      type: row.event.type,
      createdAt: row.event.createdAt.toISOString(),
      data: row.event.data,
    },
    attempts: row.attempts as unknown[],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }))
}
