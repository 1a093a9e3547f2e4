import net from 'node:net'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import t, { type Test } from 'tap'
import { authorized, buildApp, tableCounts, testDatabaseEnv } from '../helper.js'

/**
 * A TCP relay in front of Postgres that the test can cut and restore, as a network outage would, or
 * freeze and thaw, as a server that stops answering would (connections stay open, nothing comes back).
 */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>()
  let frozen = false
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => socket.destroy())
    }
    if (frozen) {
      client.pause()
      upstream.pause()
    } else {
      client.pipe(upstream).pipe(client)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    cut: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    restore: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    freeze: () => {
      frozen = true
      // Unpiped while frozen: a paused socket that is piped is resumed by the next write into it.
      for (const socket of sockets) {
        socket.unpipe()
        socket.pause()
      }
    },
    thaw: () => {
      frozen = false
      // What was sent while frozen is dropped with the connections: the server answered none of it.
      for (const socket of sockets) socket.destroy()
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The app on a fresh database reached through a relay. */
async function appBehindRelay(t: Test, env: Record<string, string>) {
  const { DATABASE_URL } = await testDatabaseEnv(t)
  const proxy = await relay(new URL(DATABASE_URL!))
  t.teardown(() => proxy.close())
  const viaProxy = new URL(DATABASE_URL!)
  viaProxy.host = `127.0.0.1:${proxy.port}`
  const app = await buildApp(t, { DATABASE_URL: viaProxy.toString(), ...env })
  // Read straight from the server, past the relay, to see what was really stored.
  const direct = new pg.Client({ connectionString: DATABASE_URL })
  await direct.connect()
  t.teardown(() => direct.end())
  return { app, proxy, direct }
}

async function waitUntilReady(app: FastifyInstance): Promise<number> {
  let ready = 0
  for (let attempt = 0; attempt < 50 && ready !== 200; attempt++) {
    ready = (await app.inject({ url: '/ready' })).statusCode
    if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return ready
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

t.test(
  'while the database is unreachable: 503 problems, nothing half-written, and recovery when it returns',
  { skip: !process.env.TEST_DATABASE_URL && 'needs a Postgres server (TEST_DATABASE_URL)' },
  async (t) => {
    const { app, proxy } = await appBehindRelay(t, { DATABASE_TIMEOUT_MS: '1000' })
    const article = { url: 'https://a.example/1', outlet: { name: 'A' }, text: 'text' }
    t.equal(
      (await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article })).statusCode,
      201,
    )
    const before = await tableCounts(app)

    await proxy.cut()
    for (const request of [
      { url: '/ready' },
      { url: '/v1/articles' },
      {
        method: 'POST' as const,
        url: '/v1/articles',
        headers: authorized,
        payload: { ...article, url: 'https://a.example/2' },
      },
    ]) {
      const response = await app.inject(request)
      t.equal(response.statusCode, 503, request.url)
      t.match(response.json(), { type: '/problems/database-unavailable', status: 503 }, request.url)
    }
    t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'the process stays up')

    await proxy.restore()
    t.equal(await waitUntilReady(app), 200, 'ready again once the database is back')
    t.same(await tableCounts(app), before, 'the write refused during the outage left nothing behind')
    t.equal(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/articles',
          headers: authorized,
          payload: { ...article, url: 'https://a.example/2' },
        })
      ).statusCode,
      201,
    )
  },
)

t.test(
  'an outage in the middle of concurrent ingests: 201 or 503 for each, no partial article, and recovery',
  { skip: !process.env.TEST_DATABASE_URL && 'needs a Postgres server (TEST_DATABASE_URL)' },
  async (t) => {
    const { app, proxy, direct } = await appBehindRelay(t, {
      DATABASE_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      DATABASE_POOL_SIZE: '4',
      RATE_LIMIT_MAX: '1000000',
    })
    const text = (n: number) =>
      `“Point ${n} is settled,” Claudia Sheinbaum said. “And point ${n} stays settled,” she added. ${'More words. '.repeat(200)}`
    const answered = new Map<string, number>()
    let next = 0
    let running = true
    const worker = async () => {
      while (running) {
        const url = `https://load.example/${next++}`
        const response = await app.inject({
          method: 'POST',
          url: '/v1/articles',
          headers: authorized,
          payload: { url, outlet: { name: 'Load' }, text: text(next) },
        })
        answered.set(url, response.statusCode)
        if (response.statusCode !== 201) await sleep(20)
      }
    }
    const workers = Array.from({ length: 8 }, worker)
    await sleep(800)
    await proxy.cut()
    await sleep(1500)
    await proxy.restore()
    t.equal(await waitUntilReady(app), 200, 'ready again without a restart')
    await sleep(800)
    running = false
    await Promise.all(workers)

    const statuses = [...answered.values()]
    t.same(
      statuses.filter((status) => status !== 201 && status !== 503),
      [],
      'every ingest was stored (201) or refused as unavailable (503)',
    )
    t.ok(statuses.includes(503), 'some ingests met the outage')
    t.ok(statuses.lastIndexOf(201) > statuses.indexOf(503), 'ingests succeed again after it')

    const { rows } = await direct.query<{ url: string; quotes: number; revisions: number }>(`
      SELECT a.url, (SELECT count(*)::int FROM quote q WHERE q.article_id = a.id) AS quotes,
        (SELECT count(*)::int FROM article_revision r WHERE r.article_id = a.id) AS revisions
      FROM article a`)
    t.same(
      rows.filter((row) => row.quotes !== 2 || row.revisions !== 1),
      [],
      'every stored article is whole: its two quotes and its revision',
    )
    const stored = new Set(rows.map((row) => row.url))
    const created = [...answered].filter(([, status]) => status === 201).map(([url]) => url)
    t.same(
      created.filter((url) => !stored.has(url)),
      [],
      'every 201 is stored',
    )
    // A connection cut while COMMIT is on the wire leaves the outcome unknown to the service: Postgres
    // may have committed what the client never heard acknowledged. So a 503 does not promise that
    // nothing was stored; it promises that re-posting is safe. Each refused ingest, sent again, is
    // stored once: 201 if the first try left nothing, 200 "unchanged" if it did.
    const refused = [...answered].filter(([, status]) => status === 503).map(([url]) => url)
    const retried = new Map<string, string>()
    for (const url of refused) {
      const n = Number(url.slice(url.lastIndexOf('/') + 1)) + 1
      const response = await app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: authorized,
        payload: { url, outlet: { name: 'Load' }, text: text(n) },
      })
      const expected = stored.has(url) ? '200 unchanged' : '201 created'
      const got = `${response.statusCode} ${response.json().status}`
      if (got !== expected) retried.set(url, `${got}, expected ${expected}`)
    }
    t.same(Object.fromEntries(retried), {}, 'every refused ingest, re-posted, is stored exactly once')
    const {
      rows: [after],
    } = await direct.query<{ urls: number; articles: number }>(
      'SELECT count(DISTINCT url)::int AS urls, count(*)::int AS articles FROM article',
    )
    t.equal(after!.articles, after!.urls, 'one article per address')
    t.equal(after!.urls, stored.size + refused.filter((url) => !stored.has(url)).length)
  },
)

t.test(
  'a database that stops answering: 503 within the configured timeouts, and recovery',
  { skip: !process.env.TEST_DATABASE_URL && 'needs a Postgres server (TEST_DATABASE_URL)' },
  async (t) => {
    const { app, proxy } = await appBehindRelay(t, {
      DATABASE_TIMEOUT_MS: '500',
      DATABASE_STATEMENT_TIMEOUT_MS: '500',
    })
    const article = { url: 'https://silent.example/1', outlet: { name: 'Silent' }, text: '“Words,” she said.' }
    t.equal((await app.inject({ url: '/v1/articles' })).statusCode, 200)

    proxy.freeze()
    for (const request of [
      { url: '/v1/articles' },
      { method: 'POST' as const, url: '/v1/articles', headers: authorized, payload: article },
      { url: '/v1/claims' },
    ]) {
      const started = Date.now()
      const response = await app.inject(request)
      const elapsed = Date.now() - started
      t.equal(response.statusCode, 503, `${request.url} answers 503`)
      t.match(response.json(), { type: '/problems/database-unavailable' })
      t.ok(elapsed < 5000, `${request.url} answered in ${elapsed} ms, not after a TCP timeout`)
    }

    proxy.thaw()
    t.equal(await waitUntilReady(app), 200, 'ready again without a restart')
    const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article })
    t.equal(created.statusCode, 201)
  },
)
