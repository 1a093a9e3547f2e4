import t from 'tap'
import { buildApp } from '../helper.js'

t.test('/health answers while the process is up; /ready checks the database', async (t) => {
  const app = await buildApp(t)
  const health = await app.inject({ url: '/health' })
  t.equal(health.statusCode, 200)
  t.same(health.json(), { status: 'ok' })
  const ready = await app.inject({ url: '/ready' })
  t.equal(ready.statusCode, 200)
  t.same(ready.json(), { status: 'ready', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' })
})

t.test('/ready is 503 when the database does not answer in time', async (t) => {
  const app = await buildApp(t, { DATABASE_TIMEOUT_MS: '100' })
  const original = app.prisma.$queryRaw.bind(app.prisma)
  // A query that never returns, as when the server is unreachable behind a silent network.
  app.prisma.$queryRaw = (() => new Promise(() => {})) as typeof app.prisma.$queryRaw
  t.teardown(() => {
    app.prisma.$queryRaw = original
  })
  const response = await app.inject({ url: '/ready' })
  t.equal(response.statusCode, 503)
  t.match(response.headers['content-type'], /application\/problem\+json/)
  t.match(response.json(), { type: '/problems/database-unavailable', status: 503 })
  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'the process stays up')
})
