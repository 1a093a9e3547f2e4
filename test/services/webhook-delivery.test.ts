import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { Prisma } from '../../src/generated/prisma/client.js'
import {
  coalescing,
  deliverWebhook,
  DeliveryFailed,
  dispatchWebhookEvents,
  requeuePendingDeliveries,
  type DeliveryQueue,
} from '../../src/services/webhook-delivery.js'
import { asAdmin, buildApp } from '../helper.js'
import { firstQuoteOf, ingestArticle } from '../fixtures/speaker-articles.js'

/** A queue that only remembers what it was given: dispatch is tested apart from the job queue. */
function rememberingQueue(): DeliveryQueue & { ids: string[] } {
  const ids: string[] = []
  return { ids, enqueue: async (given) => void ids.push(...given) }
}

const subscribe = async (app: Awaited<ReturnType<typeof buildApp>>, payload: object) => {
  const response = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: asAdmin, payload })
  t.equal(response.statusCode, 201, response.body)
  return (response.json() as { id: string }).id
}

const stopping = new AbortController().signal
const options = { timeoutMs: 300, userAgent: 'test', final: false, stopping }

t.test(
  'dispatch: every event once, in batches, to the subscriptions that want it; filters follow merges',
  async (t) => {
    const app = await buildApp(t)
    const hook = 'http://127.0.0.1:9/hook'
    // Two speakers, then one merged into the other: a filter naming the duplicate follows it.
    const one = await ingestArticle(
      app,
      'https://ledger.example/a',
      '2025-05-01T08:00:00Z',
      '“The tide tables are wrong this year,” Harbourmaster Ode Lantern said.',
    )
    const other = await ingestArticle(
      app,
      'https://courier.example/b',
      '2025-05-02T08:00:00Z',
      '“We will print new tide tables by June,” Ode Lantern of the port authority said.',
    )
    const survivor = (await firstQuoteOf(app, other)).speaker!.id
    const duplicate = (await firstQuoteOf(app, one)).speaker!.id
    t.not(survivor, duplicate)
    const followsSpeaker = await subscribe(app, { url: hook, events: ['correction'], speakerId: duplicate })
    const merged = await app.inject({
      method: 'POST',
      url: `/v1/speakers/${survivor}/merge`,
      headers: asAdmin,
      payload: { duplicateId: duplicate },
    })
    t.equal(merged.statusCode, 200, merged.body)
    // A claim filter naming a claim since merged into another follows it too.
    const claim = (await firstQuoteOf(app, other)).claimId
    const gone = '0196a1f0-0000-7000-8000-00000000beef'
    await app.db.transaction((sql) =>
      sql.query(
        Prisma.sql`INSERT INTO claim_redirect (from_id, to_id, reason) VALUES (${gone}::uuid, ${claim}::uuid, 'merged')`,
      ),
    )
    const followsClaim = await app.db.transaction(async (sql) => {
      const [row] = await sql.query<{ id: string }>(Prisma.sql`
      INSERT INTO webhook_subscription (url, secret, events, claim_id, created_by)
      VALUES (${hook}, 'whsec_AAAA', '{correction}', ${gone}::uuid, 'cli') RETURNING id`)
      return row!.id
    })
    const everything = await subscribe(app, { url: hook, events: ['correction'] })
    const noteOnClaim = await app.inject({
      method: 'PUT',
      url: `/v1/claims/${claim}/note`,
      headers: asAdmin,
      payload: { verdict: 'Printed as said' },
    })
    t.equal(noteOnClaim.statusCode, 201, noteOnClaim.body)
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/v1/speakers/${survivor}`,
      headers: asAdmin,
      payload: { title: 'Harbourmaster' },
    })
    t.equal(renamed.statusCode, 200, renamed.body)
    // Many events at once go in batches.
    await app.db.transaction((sql) =>
      sql.query(Prisma.sql`
      INSERT INTO webhook_event (type, dedupe_key, data)
      SELECT 'correction', 'bulk:' || n, '{}'::jsonb FROM generate_series(1, 450) AS n`),
    )
    const queue = rememberingQueue()
    const queued = await dispatchWebhookEvents(app.db, queue)
    const deliveries = await app.prisma.webhookDelivery.findMany({ include: { event: true } })
    t.equal(queued, deliveries.length)
    t.same(new Set(queue.ids), new Set(deliveries.map((delivery) => delivery.id)))
    const typesOf = (subscription: string) =>
      deliveries
        .filter((delivery) => delivery.subscriptionId === subscription && !delivery.event.dedupeKey.startsWith('bulk:'))
        .map((delivery) => (delivery.event.data as { action: string }).action)
        .sort()
    // The merge is the duplicate's correction as well as the survivor's; the title change is the survivor's.
    t.same(typesOf(followsSpeaker), ['speaker.updated'], 'the duplicate’s filter hears the survivor after the merge')
    t.same(typesOf(followsClaim), ['claim-note.set'])
    t.ok(typesOf(everything).includes('speaker.merged'))
    t.equal(
      deliveries.filter((delivery) => delivery.subscriptionId === everything).length,
      typesOf(everything).length + 450,
    )
    t.equal(await app.prisma.webhookEvent.count({ where: { dispatchedAt: null } }), 0)
    t.equal(await dispatchWebhookEvents(app.db, queue), 0, 'nothing twice')
    t.equal(await requeuePendingDeliveries(app.db, queue), deliveries.length, 'pending ones queue again after a stop')
  },
)

t.test('an attempt: delivered, refused, timed out, or nothing left to deliver', async (t) => {
  const app = await buildApp(t)
  const server = createServer((request, response) => {
    request.resume()
    if (request.url === '/slow') return
    response.writeHead(request.url === '/ok' ? 200 : 410).end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(() => {
    server.closeAllConnections()
    server.close()
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const paths = ['/ok', '/gone', '/slow']
  for (const path of paths) await subscribe(app, { url: base + path, events: ['claim.created'] })
  // A port nobody listens on: the server's, once it is closed.
  const closed = createServer()
  closed.listen(0, '127.0.0.1')
  await once(closed, 'listening')
  const refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`
  closed.close()
  await subscribe(app, { url: refusedUrl, events: ['claim.created'] })
  await ingestArticle(
    app,
    'https://ledger.example/a',
    '2025-05-01T08:00:00Z',
    '“The tide tables are wrong,” Ode Lantern said.',
  )
  await dispatchWebhookEvents(app.db, rememberingQueue())
  const deliveries = await app.prisma.webhookDelivery.findMany({ include: { subscription: true } })
  const byUrl = new Map(deliveries.map((delivery) => [delivery.subscription.url, delivery.id]))
  const ok = await deliverWebhook(app.db, byUrl.get(`${base}/ok`)!, options)
  t.match(ok, { status: 200, error: null })
  t.equal(await deliverWebhook(app.db, byUrl.get(`${base}/ok`)!, options), null, 'delivered once is delivered')
  const failure = (id: string, final = false) =>
    deliverWebhook(app.db, id, { ...options, final }).then(
      () => t.fail('should have failed'),
      (error: Error) => {
        t.type(error, DeliveryFailed)
        return error.message
      },
    )
  t.equal(await failure(byUrl.get(`${base}/gone`)!), 'the receiver answered 410')
  t.equal(await failure(byUrl.get(`${base}/slow`)!, true), 'no answer within 300 ms')
  t.match(await failure(byUrl.get(refusedUrl)!), /^ECONNREFUSED: /)
  const states = await app.prisma.webhookDelivery.findMany({ include: { subscription: true } })
  t.same(
    Object.fromEntries(states.map((delivery) => [delivery.subscription.url.replace(base, ''), delivery.state])),
    { '/ok': 'delivered', '/gone': 'pending', '/slow': 'failed', [refusedUrl]: 'pending' },
    'a failure is final only on the last attempt',
  )
  // A subscription ended while its delivery was queued: nothing to deliver.
  const gone = byUrl.get(`${base}/gone`)!
  const subscription = deliveries.find((delivery) => delivery.id === gone)!.subscriptionId
  await app.inject({ method: 'DELETE', url: `/v1/webhooks/${subscription}`, headers: asAdmin })
  t.equal(await deliverWebhook(app.db, gone, options), null)
})

t.test('a coalescing task runs once at a time, once more when asked meanwhile, and reports failures', async (t) => {
  let runs = 0
  let release!: () => void
  const errors: string[] = []
  const task = coalescing(
    async () => {
      runs++
      if (runs === 2) throw new Error('second run failed')
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve))
    },
    (error) => errors.push(error.message),
  )
  const first = task.run()
  void task.run()
  void task.run()
  t.equal(runs, 1, 'asked while running: not run alongside')
  release()
  await first
  await task.idle()
  await new Promise((resolve) => setImmediate(resolve))
  await task.idle()
  t.equal(runs, 2, 'asked twice meanwhile: run once more')
  t.same(errors, ['second run failed'])
  await task.run()
  t.equal(runs, 3, 'a failure does not stop the next run')
})
