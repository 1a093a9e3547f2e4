import net from 'node:net'
import t from 'tap'
import { authorized, buildApp, tableCounts, testDatabaseEnv } from '../helper.js'

/** A TCP relay in front of Postgres that the test can cut and restore, as a network outage would. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => socket.destroy())
    }
    client.pipe(upstream).pipe(client)
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
    close: async () => {
      for (const socket of sockets) socket.destroy()
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

t.test(
  'while the database is unreachable: 503 problems, nothing half-written, and recovery when it returns',
  { skip: !process.env.TEST_DATABASE_URL && 'needs a Postgres server (TEST_DATABASE_URL)' },
  async (t) => {
    const { DATABASE_URL } = await testDatabaseEnv(t)
    const target = new URL(DATABASE_URL!)
    const proxy = await relay(target)
    t.teardown(() => proxy.close())
    const viaProxy = new URL(DATABASE_URL!)
    viaProxy.host = `127.0.0.1:${proxy.port}`
    const app = await buildApp(t, { DATABASE_URL: viaProxy.toString(), DATABASE_TIMEOUT_MS: '1000' })
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
    let ready = 0
    for (let attempt = 0; attempt < 20 && ready !== 200; attempt++) {
      ready = (await app.inject({ url: '/ready' })).statusCode
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    t.equal(ready, 200, 'ready again once the database is back')
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
