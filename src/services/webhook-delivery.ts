import type { Database } from '../db/database.js'
import { signWebhook, wantsEvent, type WebhookEventType } from '../domain/webhooks/index.js'
import { Prisma } from '../generated/prisma/client.js'

/**
 * Getting recorded events (webhook-events.ts) to subscribers. Two steps, each safe to repeat and to
 * run in several processes at once:
 * - dispatch: events not yet dispatched are matched with the subscriptions (wantsEvent) and become one
 *   delivery row each, in one transaction that also marks them dispatched; the deliveries are then
 *   queued, as jobs whose id is the delivery's, so queueing one twice queues it once;
 * - delivery: one POST, signed, with a timeout; a 2xx ends it, anything else is recorded as an attempt
 *   and thrown, for the queue to retry with backoff until its retry limit, when the delivery is marked
 *   failed.
 * A process stopping between the two finds its deliveries still pending when a worker starts again
 * (requeuePendingDeliveries).
 */

/** Where deliveries go to be attempted: the job queue (src/plugins/webhooks.ts). */
export interface DeliveryQueue {
  enqueue(deliveryIds: readonly string[]): Promise<void>
}

/** Events a dispatch takes at once. */
const DISPATCH_BATCH = 200

interface SubscriptionFilterRow {
  id: string
  events: string[]
  speaker_id: string | null
  outlet_id: string | null
  claim_id: string | null
}

interface EventRow {
  id: string
  type: WebhookEventType
  speaker_ids: string[]
  outlet_id: string | null
  claim_id: string | null
}

/** Dispatches every undispatched event; the number of deliveries queued. */
export async function dispatchWebhookEvents(
  db: Pick<Database, 'transaction' | 'query'>,
  queue: DeliveryQueue,
): Promise<number> {
  // Dispatch follows every write, and most record no event (nobody subscribes to what they do): one
  // probe of the undispatched index says so, where the transaction below costs three round trips.
  const pending = await db.query('SELECT 1 FROM webhook_event WHERE dispatched_at IS NULL LIMIT 1')
  if (pending.length === 0) return 0
  let queued = 0
  for (;;) {
    const { deliveries, events } = await db.transaction(async (sql) => {
      // Another dispatcher's events are skipped, not waited for: it will deliver them.
      const events = await sql.query<EventRow>(Prisma.sql`
        SELECT id::text, type, speaker_ids::text[], outlet_id, claim_id FROM webhook_event
        WHERE dispatched_at IS NULL ORDER BY id LIMIT ${DISPATCH_BATCH} FOR UPDATE SKIP LOCKED`)
      if (events.length === 0) return { deliveries: [], events: 0 }
      // A filter naming a merged speaker or claim follows it to the one it answers to now.
      const subscriptions = await sql.query<SubscriptionFilterRow>(Prisma.sql`
        SELECT s.id, s.events, s.outlet_id,
          COALESCE((SELECT r.to_id FROM speaker_redirect r WHERE r.from_id = s.speaker_id), s.speaker_id) AS speaker_id,
          CASE WHEN s.claim_id IS NULL THEN NULL
            ELSE COALESCE((SELECT r.to_id FROM claim_redirect r WHERE r.from_id = s.claim_id), s.claim_id) END AS claim_id
        FROM webhook_subscription s`)
      const pairs = events.flatMap((event) =>
        subscriptions
          .filter((subscription) =>
            wantsEvent(
              {
                events: subscription.events,
                speakerId: subscription.speaker_id,
                outletId: subscription.outlet_id,
                claimId: subscription.claim_id,
              },
              {
                type: event.type,
                speakerIds: event.speaker_ids,
                outletId: event.outlet_id,
                claimId: event.claim_id,
              },
            ),
          )
          .map((subscription) => ({ subscription: subscription.id, event: event.id })),
      )
      const inserted = await sql.query<{ id: string }>(Prisma.sql`
        WITH marked AS (
          UPDATE webhook_event SET dispatched_at = now() WHERE id = ANY(${events.map((event) => event.id)}::bigint[])
        )
        INSERT INTO webhook_delivery (subscription_id, event_id)
        SELECT * FROM unnest(${pairs.map((pair) => pair.subscription)}::uuid[], ${pairs.map((pair) => pair.event)}::bigint[])
        ON CONFLICT DO NOTHING
        RETURNING id`)
      return { deliveries: inserted.map((row) => row.id), events: events.length }
    })
    if (deliveries.length > 0) await queue.enqueue(deliveries)
    queued += deliveries.length
    if (events < DISPATCH_BATCH) return queued
  }
}

/** Queues again every delivery still pending: after a stop between dispatch and queueing. */
export async function requeuePendingDeliveries(
  db: Pick<Database, 'transaction'>,
  queue: DeliveryQueue,
): Promise<number> {
  const pending = await db.transaction((sql) =>
    sql.query<{ id: string }>(Prisma.sql`SELECT id FROM webhook_delivery WHERE state = 'pending' ORDER BY id`),
  )
  if (pending.length > 0) await queue.enqueue(pending.map((row) => row.id))
  return pending.length
}

export interface DeliveryOptions {
  timeoutMs: number
  userAgent: string
  /** the attempt is the last the queue will make: a failure marks the delivery failed */
  final: boolean
  /** aborted when the process stops: the attempt is cut short, recorded and retried later */
  stopping: AbortSignal
}

/** One delivery attempt's outcome, as the log shows it. */
export interface DeliveryAttempt {
  at: string
  /** the receiver's HTTP status; null when none came back */
  status: number | null
  /** why the attempt failed; null when it succeeded */
  error: string | null
  durationMs: number
}

/** A delivery attempt that failed: thrown, so that the queue retries it. */
export class DeliveryFailed extends Error {}

interface DeliveryRow {
  state: string
  url: string
  secret: string
  event_id: string
  type: string
  data: unknown
  created_at: Date
}

/**
 * Attempts one delivery. Already delivered (a job run twice) or gone with its subscription: nothing to
 * do. Throws DeliveryFailed when the receiver did not take it.
 */
export async function deliverWebhook(
  db: Pick<Database, 'transaction'>,
  deliveryId: string,
  options: DeliveryOptions,
): Promise<DeliveryAttempt | null> {
  const [row] = await db.transaction((sql) =>
    sql.query<DeliveryRow>(Prisma.sql`
      SELECT d.state, s.url, s.secret, e.id::text AS event_id, e.type, e.data, e.created_at
      FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
        JOIN webhook_event e ON e.id = d.event_id
      WHERE d.id = ${deliveryId}::uuid`),
  )
  if (row === undefined || row.state !== 'pending') return null
  // The event's id, not the delivery's: a receiver told of it twice (a retry after a lost answer) can tell.
  const body = JSON.stringify({
    id: row.event_id,
    type: row.type,
    createdAt: row.created_at.toISOString(),
    data: row.data,
  })
  const timestamp = Math.floor(Date.now() / 1000)
  const started = Date.now()
  let status: number | null = null
  let error: string | null = null
  try {
    const response = await fetch(row.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': options.userAgent,
        'webhook-id': row.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(row.secret, row.event_id, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.stopping]),
    })
    status = response.status
    // The body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined)
    if (status < 200 || status > 299) error = `the receiver answered ${status}`
  } catch (cause) {
    error = options.stopping.aborted
      ? 'the service stopped during the attempt'
      : describeFailure(cause as Error, options.timeoutMs)
  }
  const attempt: DeliveryAttempt = {
    at: new Date(started).toISOString(),
    status,
    error,
    durationMs: Date.now() - started,
  }
  const state = error === null ? 'delivered' : options.final ? 'failed' : 'pending'
  await db.transaction((sql) =>
    sql.query(Prisma.sql`
      UPDATE webhook_delivery SET state = ${state}, attempts = attempts || ${JSON.stringify([attempt])}::jsonb,
        updated_at = now()
      WHERE id = ${deliveryId}::uuid`),
  )
  if (error !== null) throw new DeliveryFailed(error)
  return attempt
}

/** What went wrong with a request that got no answer, in a receiver's owner's terms. */
function describeFailure(error: Error, timeoutMs: number): string {
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause
  return cause?.code ? `${cause.code}: ${cause.message ?? error.message}` : error.message
}

/**
 * A task run one at a time however often it is asked for: asked while running, it runs once more after,
 * so whatever the asks were about is seen; asked ten times meanwhile, still once. Failures go to
 * `onError` (the next ask tries again).
 */
export function coalescing(
  task: () => Promise<unknown>,
  onError: (error: Error) => void,
): { run(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | null = null
  let again = false
  const run = (): Promise<void> => {
    if (running !== null) {
      again = true
      return running
    }
    running = task()
      .then(
        () => undefined,
        (error: Error) => onError(error),
      )
      .finally(() => {
        running = null
        if (again) {
          again = false
          void run()
        }
      })
    return running
  }
  return { run, idle: async () => void (await running) }
}
