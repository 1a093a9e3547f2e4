import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { verifyWebhook } from '../../../src/domain/webhooks/index.js'
import { asAdmin, authorized, buildApp, testDatabaseEnv } from '../../helper.js'
import { firstQuoteOf, ingestArticle } from '../../fixtures/speaker-articles.js'

/** A receiver on a local port: records every delivery and answers as `answer` says. */
async function receiver(
  t: { teardown(fn: () => unknown): void },
  answer: (count: number) => number | 'hang' = () => 204,
) {
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = []
  const hanging: ServerResponse[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    request.on('end', () => {
      received.push({ headers: request.headers, body })
      const status = answer(received.length)
      if (status === 'hang') hanging.push(response)
      else response.writeHead(status).end()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(async () => {
    for (const response of hanging) response.destroy()
    server.closeAllConnections()
    server.close()
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received }
}

const ORIGINAL =
  'The minister spoke at the harbour. “Our ports will stay open to every ship that keeps the rules,” Minister Ada Quill said on Monday.'
const CUT =
  'The harbour heard the minister again. “Our ports will stay open to every ship,” Minister Ada Quill said on Monday.'

/** Waits until `done` holds, checking every 100 ms, for at most `ms`. */
async function until(done: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function subscribe(app: FastifyInstance, payload: object) {
  const response = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: asAdmin, payload })
  t.equal(response.statusCode, 201, response.body)
  return response.json() as { id: string; secret: string }
}

const deliveries = async (app: FastifyInstance, id: string) =>
  (await app.inject({ url: `/v1/webhooks/${id}/deliveries`, headers: asAdmin })).json().items as Array<{
    state: string
    event: { type: string }
    attempts: Array<{ status: number | null; error: string | null }>
  }>

t.test('subscriptions: made by an admin, validated, listed without their secret, ended', async (t) => {
  const app = await buildApp(t)
  const url = 'https://desk.example.org/hooks'
  const forbidden = await app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: authorized,
    payload: { url, events: ['correction'] },
  })
  t.equal(forbidden.statusCode, 403)
  for (const payload of [
    { url: 'ftp://desk.example.org/hooks', events: ['correction'] },
    { url, events: [] },
    { url, events: ['claim.deleted'] },
    { url, events: ['correction'], colour: 'red' },
  ]) {
    const response = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: asAdmin, payload })
    t.equal(response.statusCode, 400, JSON.stringify(payload))
    t.match(response.headers['content-type'], /^application\/problem\+json/)
  }
  const unknown = await app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: asAdmin,
    payload: { url, events: ['correction'], speakerId: '0196a1ee-5b6c-7d8e-9f0a-1b2c3d4e5f6a' },
  })
  t.equal(unknown.statusCode, 400)
  t.same(
    unknown.json().errors.map((error: { field: string }) => error.field),
    ['/speakerId'],
  )
  t.equal(await app.prisma.webhookSubscription.count(), 0, 'nothing stored for a refused subscription')

  const created = await app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: asAdmin,
    payload: { url, events: ['claim.created', 'correction'], description: ' desk ' },
  })
  t.equal(created.statusCode, 201)
  const subscription = created.json()
  t.equal(created.headers.location, `/v1/webhooks/${subscription.id}`)
  t.match(subscription, { url, events: ['claim.created', 'correction'], description: 'desk', speakerId: null })
  t.match(subscription.secret, /^whsec_[A-Za-z0-9+/]{43}=$/)
  const listed = (await app.inject({ url: '/v1/webhooks', headers: asAdmin })).json()
  t.same(
    listed.items.map((item: { id: string }) => item.id),
    [subscription.id],
  )
  t.notOk('secret' in listed.items[0], 'the secret is shown once')
  t.notOk('secret' in (await app.inject({ url: `/v1/webhooks/${subscription.id}`, headers: asAdmin })).json())
  const audit = (await app.inject({ url: '/v1/audit?entityType=webhook', headers: asAdmin })).json().items
  t.same(
    audit.map((event: { action: string }) => event.action),
    ['webhook.created'],
  )
  t.notMatch(JSON.stringify(audit), subscription.secret, 'the audit trail keeps no secret')

  const ended = await app.inject({ method: 'DELETE', url: `/v1/webhooks/${subscription.id}`, headers: asAdmin })
  t.equal(ended.statusCode, 200)
  t.equal((await app.inject({ url: `/v1/webhooks/${subscription.id}`, headers: asAdmin })).statusCode, 404)
  t.equal(
    (await app.inject({ method: 'DELETE', url: `/v1/webhooks/${subscription.id}`, headers: asAdmin })).statusCode,
    404,
  )
  t.equal((await app.inject({ url: `/v1/webhooks/${subscription.id}/deliveries`, headers: asAdmin })).statusCode, 404)
})

t.test('events reach a subscriber signed, once each, filtered; corrections too', async (t) => {
  const app = await buildApp(t, { WEBHOOKS: 'true' })
  const hook = await receiver(t)
  const narrowHook = await receiver(t)
  const everything = await subscribe(app, {
    url: hook.url,
    events: ['claim.created', 'rendering.divergent', 'quote.misattributed', 'correction'],
  })
  const first = await ingestArticle(app, 'https://ledger.example/ports', '2025-05-01T08:00:00Z', ORIGINAL)
  const { claimId, speaker } = await firstQuoteOf(app, first)
  const narrow = await subscribe(app, { url: narrowHook.url, events: ['rendering.divergent'], claimId })
  // Filters narrow: another outlet's renderings, or corrections, are not this one's news.
  const otherOutlet = (await app.inject({ url: `/v1/articles/${first}` })).json().outlet.id
  const unheard = await subscribe(app, { url: narrowHook.url, events: ['rendering.divergent'], outletId: otherOutlet })
  const second = await ingestArticle(app, 'https://courier.example/ports', '2025-05-02T08:00:00Z', CUT)
  // The same article again, and a revision printing the same rendering, are not news.
  await ingestArticle(app, 'https://courier.example/ports', '2025-05-02T08:00:00Z', CUT)
  await ingestArticle(app, 'https://courier.example/ports', '2025-05-02T08:00:00Z', `${CUT} The minister left.`)
  // The minister's words under another name: a misattribution.
  const misattributed = await ingestArticle(
    app,
    'https://gazette.example/ports',
    '2025-05-03T08:00:00Z',
    'A senator spoke too. “Our ports will stay open to every ship that keeps the rules,” Senator Bram Holt said.',
  )
  const patched = await app.inject({
    method: 'PATCH',
    url: `/v1/speakers/${speaker!.id}`,
    headers: asAdmin,
    payload: { title: 'Minister of Ports', reason: 'desk review' },
  })
  t.equal(patched.statusCode, 200, patched.body)
  // Every expected event first (the correction is queued last, and a loaded machine delivers it late),
  // then long enough for a duplicate to arrive, if one were sent.
  await until(() => hook.received.length >= 7 && narrowHook.received.length >= 1, 60_000)
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const read = (received: typeof hook.received, secret: string) =>
    received.map(({ headers, body }) => {
      const signed = {
        id: headers['webhook-id'] as string,
        timestamp: headers['webhook-timestamp'] as string,
        signature: headers['webhook-signature'] as string,
      }
      t.ok(verifyWebhook(secret, signed, body), 'signed with the subscription’s secret')
      t.notOk(verifyWebhook(secret, signed, body.replace('}', ' }')), 'a changed body fails the check')
      t.equal(headers['content-type'], 'application/json')
      const payload = JSON.parse(body) as { id: string; type: string; data: unknown }
      t.equal(payload.id, signed.id, 'webhook-id is the event id')
      return payload
    })
  const bodies = read(hook.received, everything.secret)
  // The senator's article starts a claim of his; the flags go both ways, as the claims show them: his
  // quote against the minister's claim, and each of her two renderings against his.
  t.same(bodies.map((body) => body.type).sort(), [
    'claim.created',
    'claim.created',
    'correction',
    'quote.misattributed',
    'quote.misattributed',
    'quote.misattributed',
    'rendering.divergent',
  ])
  type Flag = { quote: { speaker: { id: string; name: string } }; claim: { speaker: { name: string } } }
  const flags = bodies.filter((body) => body.type === 'quote.misattributed').map((body) => body.data as Flag)
  const his = flags.filter((flag) => flag.quote.speaker.name === 'Bram Holt')
  t.equal(his.length, 1)
  t.match(his[0], { quote: { article: { id: misattributed } }, claim: { id: claimId, speaker: { id: speaker!.id } } })
  const hers = flags.filter((flag) => flag.quote.speaker.id === speaker!.id)
  t.same(
    hers.map((flag) => flag.claim.speaker.name),
    ['Bram Holt', 'Bram Holt'],
  )
  const divergent = bodies.find((body) => body.type === 'rendering.divergent')!
  t.match(divergent.data, {
    claim: { id: claimId, speaker: { id: speaker!.id } },
    rendering: { label: 'excerpt', article: { id: second, url: 'https://courier.example/ports' } },
  })
  t.match(bodies.find((body) => body.type === 'correction')!.data, {
    action: 'speaker.updated',
    entity: { type: 'speaker', id: speaker!.id },
    reason: 'desk review',
  })
  t.match(bodies.find((body) => body.type === 'claim.created')!.data, { claim: { id: claimId } })
  const [narrowBody, ...more] = read(narrowHook.received, narrow.secret)
  t.equal(more.length, 0, 'the outlet filter let nothing through')
  t.equal(narrowBody!.id, divergent.id, 'one event, to each subscription that wants it')
  const log = await deliveries(app, narrow.id)
  t.same(
    log.map((delivery) => [delivery.state, delivery.event.type, delivery.attempts.length]),
    [['delivered', 'rendering.divergent', 1]],
  )
  t.same(await deliveries(app, unheard.id), [])
})

t.test('a failing receiver is retried with backoff; every attempt is in the log', async (t) => {
  const app = await buildApp(t, { WEBHOOKS: 'true', WEBHOOK_RETRY_DELAY_SECONDS: '1', WEBHOOK_RETRY_LIMIT: '3' })
  const flaky = await receiver(t, (count) => (count <= 2 ? 503 : 200))
  const down = await receiver(t, () => 500)
  const recovering = await subscribe(app, { url: flaky.url, events: ['claim.created'] })
  const failing = await subscribe(app, { url: down.url, events: ['claim.created'] })
  await ingestArticle(app, 'https://ledger.example/ports', '2025-05-01T08:00:00Z', ORIGINAL)
  await until(async () => (await deliveries(app, recovering.id))[0]?.state === 'delivered', 30_000)
  const [delivered] = await deliveries(app, recovering.id)
  t.same(
    delivered!.attempts.map((attempt) => [attempt.status, attempt.error]),
    [
      [503, 'the receiver answered 503'],
      [503, 'the receiver answered 503'],
      [200, null],
    ],
  )
  const ids = new Set(flaky.received.map(({ headers }) => headers['webhook-id']))
  t.equal(ids.size, 1, 'a retry carries the same event id')
  await until(async () => (await deliveries(app, failing.id))[0]?.state === 'failed', 60_000)
  const [failed] = await deliveries(app, failing.id)
  t.equal(failed!.attempts.length, 4, 'the first attempt and three retries')
  t.same(
    (await app.inject({ url: `/v1/webhooks/${failing.id}/deliveries?state=delivered`, headers: asAdmin })).json().items,
    [],
  )
})

t.test('a delivery cut short by a restart is made by the next process', async (t) => {
  const env = await testDatabaseEnv(t)
  if (env.DATA_DIR) {
    env.DATA_DIR = await mkdtemp(join(tmpdir(), 'verbatim-webhooks-'))
    t.teardown(() => rm(env.DATA_DIR!, { recursive: true, force: true }))
  }
  const settings = { ...env, WEBHOOKS: 'true', WEBHOOK_RETRY_DELAY_SECONDS: '1' }
  let hang = true
  const hook = await receiver(t, () => (hang ? 'hang' : 200))
  const before = await buildApp({ teardown: () => {} }, settings)
  const { id } = await subscribe(before, { url: hook.url, events: ['claim.created'] })
  await ingestArticle(before, 'https://ledger.example/ports', '2025-05-01T08:00:00Z', ORIGINAL)
  await until(() => hook.received.length === 1)
  await before.close()
  hang = false
  const after = await buildApp(t, settings)
  await until(async () => (await deliveries(after, id))[0]?.state === 'delivered', 30_000)
  const [delivery] = await deliveries(after, id)
  t.same(
    delivery!.attempts.map((attempt) => [attempt.status, attempt.error]),
    [
      [null, 'the service stopped during the attempt'],
      [200, null],
    ],
  )
  t.equal(hook.received.length, 2)
})
