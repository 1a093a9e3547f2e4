import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import PgBoss from 'pg-boss'
import {
  coalescing,
  deliverWebhook,
  dispatchWebhookEvents,
  requeuePendingDeliveries,
  type DeliveryQueue,
} from '../services/webhook-delivery.js'
import { VERSION } from '../version.js'

/** The queue's jobs: one per delivery, its id the delivery's. */
export const DELIVERY_QUEUE = 'webhook-delivery'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The webhook worker: deliveries ride a durable job queue in the service's own database (pg-boss, in
 * its schema `pgboss`), which retries them with backoff, survives restarts and shares work between
 * every process running it. pg-boss rather than graphile-worker because it takes the SQL executor it
 * is given: the same code runs on the embedded PGlite default, where graphile-worker needs a
 * LISTEN-capable connection pool.
 *
 * Events are dispatched (matched with subscriptions, one delivery each) right after every write this
 * process answers, which is when events are made, and at start for what was left pending by a process
 * that stopped. WEBHOOKS=false leaves all of it to other processes: events are still recorded.
 */
async function webhooksPlugin(fastify: FastifyInstance): Promise<void> {
  const { config, db } = fastify
  if (!config.WEBHOOKS) return
  const log = fastify.log.child({ component: 'webhooks' })
  const boss = new PgBoss({
    db: { executeSql: (text, values) => db.execute(text, values) },
    schema: 'pgboss',
    // Scheduling (cron) is not used; supervision expires jobs whose worker died, so they are retried.
    schedule: false,
    supervise: true,
  })
  // pg-boss reports failures of its own background work here (maintenance on a lost connection);
  // nothing a test does provokes one without breaking the database under it.
  /* c8 ignore next */
  boss.on('error', (error: Error) => log.error({ err: error }, 'webhook queue error'))
  await boss.start()
  await boss.createQueue(DELIVERY_QUEUE, {
    name: DELIVERY_QUEUE,
    retryLimit: config.WEBHOOK_RETRY_LIMIT,
    retryDelay: config.WEBHOOK_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    // A delivery whose process stopped mid-request is tried again once this has passed.
    expireInSeconds: Math.ceil(config.WEBHOOK_TIMEOUT_MS / 1000) + 30,
  })
  const stopping = new AbortController()
  const queue: DeliveryQueue = {
    enqueue: (ids) => boss.insert(ids.map((id) => ({ id, name: DELIVERY_QUEUE, data: { deliveryId: id } }))),
  }
  await boss.work<{ deliveryId: string }>(
    DELIVERY_QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
    // batchSize 1: one job a call.
    async (jobs) => {
      const job = jobs[0]!
      await deliverWebhook(db, job.data.deliveryId, {
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        userAgent: `Verbatim-Webhooks/${VERSION}`,
        final: job.retryCount >= job.retryLimit,
        stopping: stopping.signal,
      })
    },
  )

  const dispatcher = coalescing(
    () => dispatchWebhookEvents(db, queue),
    (error) => log.error({ err: error }, 'webhook events not dispatched; the next write retries'),
  )
  const dispatch = () => void dispatcher.run()
  fastify.addHook('onResponse', async (request, reply) => {
    if (WRITES.has(request.method) && reply.statusCode < 400) dispatch()
  })
  fastify.addHook('onReady', async () => {
    await requeuePendingDeliveries(db, queue)
    dispatch()
  })
  // Before the database closes: deliveries in flight are cut short and recorded as failed attempts, so
  // the queue retries them in whichever process runs it next, instead of holding the shutdown for as
  // long as a slow receiver takes.
  fastify.addHook('preClose', async () => {
    stopping.abort()
    await boss.stop({ graceful: true, wait: true, close: false, timeout: config.WEBHOOK_TIMEOUT_MS })
    await dispatcher.idle()
  })
}

export default fp(webhooksPlugin, { name: 'webhooks', dependencies: ['config', 'database'], fastify: '5.x' })
