import t from 'tap'
import { createApiKey, revokeApiKey } from '../../src/services/api-keys.js'
import { ADMIN_KEY, buildApp, READ_KEY, WRITE_KEY } from '../helper.js'

const article = { url: 'https://a.example/1', outlet: { name: 'A' }, text: 'text' }

t.test('keys stored in the database authorise writes until revoked', async (t) => {
  const app = await buildApp(t)
  const created = await createApiKey(app.prisma, 'newsroom tool', 'test')
  t.match(created.key, /^vbt_[A-Za-z0-9_-]{43}$/)
  const stored = await app.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })
  t.not(stored.keyHash, created.key, 'the key itself is not stored')
  t.equal(stored.lastUsedAt, null)

  const headers = { authorization: `Bearer ${created.key}` }
  const write = await app.inject({ method: 'POST', url: '/v1/articles', headers, payload: article })
  t.equal(write.statusCode, 201)
  const audit = await app.prisma.auditEvent.findFirstOrThrow({ where: { action: 'article.created' } })
  t.equal(audit.actor, `key:${created.id}`)
  t.ok((await app.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt, 'use is recorded')
  t.equal((await app.inject({ method: 'POST', url: '/v1/articles', headers, payload: article })).statusCode, 200)

  t.match(await revokeApiKey(app.prisma, created.id, 'test'), { id: created.id, revokedAt: Date })
  t.equal(await revokeApiKey(app.prisma, created.id, 'test'), null, 'revoking twice does nothing')
  const refused = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers,
    payload: { ...article, url: 'https://a.example/2' },
  })
  t.equal(refused.statusCode, 401)
  t.equal(refused.headers['www-authenticate'], 'Bearer')
})

t.test('reads are open by default; a wrong key is refused even there', async (t) => {
  const app = await buildApp(t)
  t.equal((await app.inject({ url: '/v1/articles' })).statusCode, 200)
  t.equal(
    (await app.inject({ url: '/v1/articles', headers: { authorization: `Bearer ${WRITE_KEY}` } })).statusCode,
    200,
  )
  t.equal(
    (await app.inject({ url: '/v1/articles', headers: { authorization: 'Bearer nope-nope-nope-nope' } })).statusCode,
    401,
  )
  t.equal((await app.inject({ url: '/v1/articles', headers: { authorization: 'Basic abc' } })).statusCode, 401)
})

t.test('REQUIRE_KEY_FOR_READS closes reads but not health, readiness or the docs', async (t) => {
  const app = await buildApp(t, { REQUIRE_KEY_FOR_READS: 'true' })
  for (const url of ['/v1/articles', '/v1/outlets', '/v1/speakers', '/v1/claims']) {
    const response = await app.inject({ url })
    t.equal(response.statusCode, 401, url)
    t.match(response.json(), { type: '/problems/unauthorized' })
    t.equal((await app.inject({ url, headers: { authorization: `Bearer ${WRITE_KEY}` } })).statusCode, 200, url)
  }
  for (const url of ['/health', '/ready', '/openapi.json', '/docs']) {
    t.equal((await app.inject({ url })).statusCode, 200, url)
  }
})

t.test('a /v1 route that does not declare who may call it stops the app from starting', async (t) => {
  await t.rejects(
    buildApp(t, {}, (app) => {
      app.register(async (v1) => v1.get('/open-by-mistake', async () => 'x'), { prefix: '/v1' })
    }),
    /route GET \/v1\/open-by-mistake declares no config.access/,
  )
})

t.test('a key may do what its scopes say, and is told which scope it lacks', async (t) => {
  const app = await buildApp(t)
  const editor = await createApiKey(app.prisma, 'desk editor', 'test', ['edit'])
  t.same(editor.scopes, ['read', 'edit'], 'every key may read')
  const stored = await app.prisma.apiKey.findUniqueOrThrow({ where: { id: editor.id } })
  t.same(stored.scopes, ['read', 'edit'])
  t.same((await createApiKey(app.prisma, 'plain', 'test')).scopes, ['read', 'ingest'], 'the default')

  const post = (key: string) =>
    app.inject({ method: 'POST', url: '/v1/articles', headers: { authorization: `Bearer ${key}` }, payload: article })
  for (const key of [editor.key, READ_KEY]) {
    const refused = await post(key)
    t.equal(refused.statusCode, 403)
    t.match(refused.headers['content-type'], /^application\/problem\+json/)
    t.match(refused.json(), {
      type: '/problems/forbidden',
      status: 403,
      requiredScope: 'ingest',
      detail: /does not have the "ingest" scope/,
    })
    t.equal((await app.inject({ url: '/v1/articles', headers: { authorization: `Bearer ${key}` } })).statusCode, 200)
  }
  t.equal((await post(WRITE_KEY)).statusCode, 201)
  t.equal((await post(ADMIN_KEY)).statusCode, 200, 'admin may do everything')
  t.equal(await app.prisma.auditEvent.count({ where: { action: 'article.created' } }), 1, 'nothing refused was written')
})

t.test('a route that needs a scope must declare its 401 and 403', async (t) => {
  await t.rejects(
    buildApp(t, {}, (app) => {
      app.register(
        async (v1) =>
          v1.post(
            '/fix',
            { config: { access: 'edit' }, schema: { operationId: 'fixIt', response: { 401: {} } } },
            async () => 'x',
          ),
        { prefix: '/v1' },
      )
    }),
    /route POST \/v1\/fix needs "edit" but declares no 403/,
  )
})
