import t from 'tap'
import { asAdmin, authorized, buildApp } from '../../helper.js'

t.test('an admin key creates, lists and revokes keys over HTTP', async (t) => {
  const app = await buildApp(t)
  const created = await app.inject({
    method: 'POST',
    url: '/v1/keys',
    headers: asAdmin,
    payload: { name: '  claims desk tool ', scopes: ['edit'] },
  })
  t.equal(created.statusCode, 201)
  const key = created.json() as { id: string; name: string; scopes: string[]; key: string; prefix: string }
  t.match(key, { name: 'claims desk tool', scopes: ['read', 'edit'], key: /^vbt_[A-Za-z0-9_-]{43}$/ })
  t.equal(created.headers.location, `/v1/keys/${key.id}`)
  t.ok(key.key.startsWith(key.prefix))

  // The new key works at once, for what its scopes allow.
  const asEditor = { authorization: `Bearer ${key.key}` }
  t.equal((await app.inject({ url: '/v1/claims', headers: asEditor })).statusCode, 200)
  t.equal((await app.inject({ url: '/v1/keys', headers: asEditor })).statusCode, 403)

  const listed = await app.inject({ url: '/v1/keys', headers: asAdmin })
  t.equal(listed.statusCode, 200)
  const items = (listed.json() as { items: Record<string, unknown>[] }).items
  t.match(items, [{ id: key.id, name: 'claims desk tool', scopes: ['read', 'edit'], revokedAt: null }])
  t.notMatch(listed.body, key.key, 'the key itself is never listed')

  const revoked = await app.inject({ method: 'DELETE', url: `/v1/keys/${key.id}`, headers: asAdmin })
  t.equal(revoked.statusCode, 200)
  t.match(revoked.json(), { id: key.id, revokedAt: String })
  t.equal((await app.inject({ url: '/v1/claims', headers: asEditor })).statusCode, 401, 'revoked at once')
  const again = await app.inject({ method: 'DELETE', url: `/v1/keys/${key.id}`, headers: asAdmin })
  t.equal(again.statusCode, 404)
  t.match(again.json(), { type: '/problems/not-found', detail: `no active API key with id ${key.id}` })

  const audit = await app.prisma.auditEvent.findMany({ where: { entityId: key.id }, orderBy: { createdAt: 'asc' } })
  t.same(
    audit.map((event) => [event.action, event.actor]),
    [
      ['api-key.created', 'env:2'],
      ['api-key.revoked', 'env:2'],
    ],
  )
})

t.test('a key request that cannot be carried out is refused whole', async (t) => {
  const app = await buildApp(t)
  for (const payload of [
    {},
    { name: '' },
    { name: '   ' },
    { name: 'x', scopes: ['write'] },
    { name: 'x', extra: 1 },
  ]) {
    const response = await app.inject({ method: 'POST', url: '/v1/keys', headers: asAdmin, payload })
    t.equal(response.statusCode, 400, JSON.stringify(payload))
    t.match(response.json(), { type: '/problems/validation' })
  }
  t.equal(
    (await app.inject({ method: 'POST', url: '/v1/keys', headers: authorized, payload: { name: 'x' } })).statusCode,
    403,
    'an ingest key may not make keys',
  )
  t.equal(await app.prisma.apiKey.count(), 0)
})
