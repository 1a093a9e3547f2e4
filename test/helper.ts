import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import pg from 'pg'
import app, { serverOptions } from '../src/app.js'
import { DEFAULT_SEED_DIR } from '../src/cli/verbatim.js'
import { loadConfig } from '../src/config.js'
import { openDatabase, type Database } from '../src/db/database.js'

/** What tests may pass where a tap Test is expected: only teardown is used. */
interface Teardown {
  teardown(fn: () => unknown): void
}

/** A key as API_KEYS gives it without scopes: it may read and ingest. */
export const WRITE_KEY = 'test-write-key-0123456789abcdef'
/** A key with every scope. */
export const ADMIN_KEY = 'test-admin-key-0123456789abcdef'
/** A key that may only read. */
export const READ_KEY = 'test-read-key-0123456789abcdef'

/**
 * A database of its own for one test file. With TEST_DATABASE_URL set (CI does), a fresh database
 * on that server, dropped afterwards; otherwise an in-memory PGlite. Either way nothing is shared
 * between test files, so they can run in parallel.
 */
export async function testDatabaseEnv(t: Teardown): Promise<Record<string, string>> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) return { DATA_DIR: 'memory://' }
  const name = `verbatim_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 })
  try {
    await admin.connect()
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL (${serverUrl}) cannot be reached: ${(error as Error).message}`)
  }
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  t.teardown(async () => {
    const dropper = new pg.Client({ connectionString: serverUrl })
    await dropper.connect()
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await dropper.end()
  })
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { DATABASE_URL: url.toString() }
}

/** The store a test environment names (DATABASE_URL, or DATA_DIR for PGlite), opened directly and closed when the test ends. */
export async function openStore(t: Teardown, env: Record<string, string>): Promise<Database> {
  const db = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR ?? 'memory://',
    poolSize: 2,
    timeoutMs: 5000,
    statementTimeoutMs: 30_000,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  })
  t.teardown(() => db.close())
  return db
}

/** The real app, as src/server.ts builds it, on a database of its own, closed when the test ends. */
export async function buildApp(
  t: Teardown,
  env: Record<string, string> = {},
  /** runs after the app is registered and before it is ready: a test may add routes here */
  prepare?: (fastify: FastifyInstance) => void,
): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    API_KEYS: `${WRITE_KEY},admin:${ADMIN_KEY},read:${READ_KEY}`,
    // On the event loop: under the TypeScript loader a worker thread takes seconds to start, once
    // per app, which doubled the suite. The pool is tested in test/plugins/extraction.test.ts and
    // runs wherever a test starts src/server.ts as it is deployed (server, crash tests).
    EXTRACTION_THREADS: '0',
    // The webhook worker starts a job queue (seconds on PGlite): only the tests of webhooks run it.
    WEBHOOKS: 'false',
    // A database of its own only where the test names none: one made and not used would outlive a test that passes
    // a teardown it never runs (a process "killed" and built again on the same store).
    ...(env.DATABASE_URL === undefined && env.DATA_DIR === undefined ? await testDatabaseEnv(t) : {}),
    ...env,
  })
  const fastify = Fastify(serverOptions(config))
  await fastify.register(app, { config })
  prepare?.(fastify)
  await fastify.ready()
  t.teardown(() => fastify.close())
  return fastify
}

export const authorized = { authorization: `Bearer ${WRITE_KEY}` }
export const asAdmin = { authorization: `Bearer ${ADMIN_KEY}` }

/** Posts an article with the write key: the response, whatever its status. */
export const postArticle = (app: FastifyInstance, url: string, outlet: string, text: string, publishedAt: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: outlet }, text, publishedAt },
  })

/** The quotes of an article, in order, as GET /v1/articles/{id}/quotes gives them (one page). */
export const articleQuotes = async (app: FastifyInstance, articleId: string) =>
  (await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json().items as Array<{
    id: string
    text: string
    claimId: string
    label: string
    [field: string]: unknown
  }>

/** Row counts of every table: a request that must change nothing leaves these as they were. */
export async function tableCounts(app: FastifyInstance): Promise<Record<string, number>> {
  const p = app.prisma
  const [outlets, articles, revisions, speakers, aliases, claims, quotes, apiKeys, auditEvents] = await Promise.all([
    p.outlet.count(),
    p.article.count(),
    p.articleRevision.count(),
    p.speaker.count(),
    p.speakerAlias.count(),
    p.claim.count(),
    p.quote.count(),
    p.apiKey.count(),
    p.auditEvent.count(),
  ])
  return { outlets, articles, revisions, speakers, aliases, claims, quotes, apiKeys, auditEvents }
}

/**
 * Ingests the five seed articles (seeds/manifest.json) through POST /v1/articles, as `npm run seed`
 * does through the same service; returns each article's id by its number (000 … 004).
 */
export async function ingestSeeds(app: FastifyInstance): Promise<Map<string, string>> {
  const manifest = JSON.parse(await readFile(join(DEFAULT_SEED_DIR, 'manifest.json'), 'utf8')) as {
    articles: Array<{ file: string }>
  }
  const ids = new Map<string, string>()
  for (const { file, ...metadata } of manifest.articles) {
    const text = await readFile(join(DEFAULT_SEED_DIR, file), 'utf8')
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: { ...metadata, text },
    })
    if (response.statusCode !== 201) throw new Error(`seed ${file}: ${response.statusCode} ${response.body}`)
    ids.set(file.slice(0, 3), response.json().id)
  }
  return ids
}
