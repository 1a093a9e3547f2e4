import { Writable } from 'node:stream'
import Fastify from 'fastify'
import pg from 'pg'
import t, { type Test } from 'tap'
import app, { serverOptions } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { serializeError, type LoggedError } from '../../src/http/log-serializers.js'
import { testDatabaseEnv, WRITE_KEY } from '../helper.js'

/** The app as the server builds it, its log lines captured. */
async function buildLoggedApp(t: Test, env: Record<string, string> = {}) {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    API_KEYS: WRITE_KEY,
    ...(await testDatabaseEnv(t)),
    ...env,
  })
  const options = serverOptions(config)
  const fastify = Fastify({ ...options, logger: { ...(options.logger as object), stream } })
  await fastify.register(app, { config })
  fastify.get('/test/driver-error', { config: { access: 'public' }, schema: { hide: true } }, async () => {
    // What pg-pool hands on: the error of an idle client, with the client itself attached.
    throw Object.assign(new Error('Connection terminated unexpectedly'), {
      code: 'ECONNRESET',
      client: { secretKey: 'SECRET-KEY-123', processID: 4242, password: 'hunter2' },
      query: 'SELECT secret_column FROM secret_table',
    })
  })
  await fastify.ready()
  t.teardown(() => fastify.close())
  return { app: fastify, logs: () => lines.join('') }
}

t.test('a database error is logged by its code and message, never with the client or its SQL', async (t) => {
  const { app, logs } = await buildLoggedApp(t)
  const response = await app.inject({
    url: '/test/driver-error',
    headers: { authorization: 'Bearer KEY-NEVER-LOGGED-0123456789' },
  })
  t.equal(response.statusCode, 503)
  t.notMatch(logs(), /KEY-NEVER-LOGGED/, 'nor is a caller’s key')
  t.match(logs(), /Connection terminated unexpectedly/)
  t.match(logs(), /"code":"ECONNRESET"/)
  // The client's fields by name, not its process id's digits: those can turn up inside a log line's timestamp.
  t.notMatch(logs(), /SECRET-KEY-123|secretKey|processID|hunter2|secret_column/)
})

t.test(
  'an idle connection that fails is logged without its secret key or the SQL it last ran',
  { skip: !process.env.TEST_DATABASE_URL && 'needs a Postgres server (TEST_DATABASE_URL)' },
  async (t) => {
    const { app, logs } = await buildLoggedApp(t)
    t.equal((await app.inject({ url: '/v1/articles?outlet=secret-marker.example' })).statusCode, 200)
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await admin.connect()
    const database = (await app.db.query<{ name: string }>('SELECT current_database() AS name'))[0]!.name
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    )
    await admin.end()
    for (let i = 0; i < 50 && !/idle database connection failed/.test(logs()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    t.match(logs(), /idle database connection failed/)
    const failure = logs()
      .split('\n')
      .find((line) => line.includes('idle database connection failed'))!
    t.match(failure, /"code":"57P01"/)
    t.notMatch(failure, /secretKey|processID|secret-marker|SELECT|password/)
  },
)

t.test('causes are followed a few levels deep; what is not an Error is written as text', async (t) => {
  let error: unknown = 'the root'
  for (let i = 0; i < 8; i++) error = new Error(`level ${i}`, { cause: error })
  let logged: LoggedError | undefined = serializeError(error)
  let depth = 0
  while (logged?.cause) {
    logged = logged.cause
    depth++
  }
  t.equal(depth, 5)
  t.same(serializeError(42), { type: 'number', message: '42', stack: '' })
  t.equal(serializeError(Object.assign(new Error('no stack'), { stack: undefined })).stack, '')
})
