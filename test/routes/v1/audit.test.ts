import t from 'tap'
import { createApiKey } from '../../../src/services/api-keys.js'
import { asAdmin, authorized, buildApp, READ_KEY } from '../../helper.js'

interface AuditItem {
  id: string
  at: string
  actor: { id: string; name: string | null }
  action: string
  entity: { type: string; id: string | null }
  details: unknown
}

t.test('the audit trail says who did what to which entity, newest first, and filters and pages', async (t) => {
  const app = await buildApp(t)
  const desk = await createApiKey(app.prisma, 'claims desk', 'cli', ['edit'])
  const asDesk = { authorization: `Bearer ${desk.key}` }
  const article = { url: 'https://a.example/story', outlet: { name: 'A' }, text: 'Jane Roe said: “We will win.”' }
  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article })
  const articleId = (created.json() as { id: string }).id
  await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { ...article, text: 'Jane Roe said: “We will win it all.”' },
  })
  await app.inject({ method: 'POST', url: '/v1/keys', headers: asAdmin, payload: { name: 'tool' } })

  const all = await app.inject({ url: '/v1/audit', headers: asDesk })
  t.equal(all.statusCode, 200)
  const items = (all.json() as { items: AuditItem[] }).items
  t.same(
    items.map((item) => [item.action, item.actor.id, item.actor.name, item.entity.type]),
    [
      ['api-key.created', 'env:2', 'API_KEYS entry 2', 'api-key'],
      ['article.revised', 'env:1', 'API_KEYS entry 1', 'article'],
      ['article.created', 'env:1', 'API_KEYS entry 1', 'article'],
      ['api-key.created', 'cli', 'the verbatim command', 'api-key'],
    ],
  )
  t.match(items[2], { entity: { id: articleId }, details: { url: 'https://a.example/story' }, before: null })

  const only = async (query: string): Promise<string[]> => {
    const response = await app.inject({ url: `/v1/audit?${query}`, headers: asDesk })
    t.equal(response.statusCode, 200, query)
    return (response.json() as { items: AuditItem[] }).items.map((item) => item.action)
  }
  t.same(await only('entityType=article'), ['article.revised', 'article.created'])
  t.same(await only(`entityType=article&entityId=${articleId}&action=article.revised`), ['article.revised'])
  t.same(await only('actor=env%3A2'), ['api-key.created'])
  t.same(await only('actor=cli'), ['api-key.created'])
  t.same(await only(`to=${encodeURIComponent(items[3]!.at)}`), [], 'to is exclusive')
  t.same(await only(`from=${encodeURIComponent(items[0]!.at)}&entityType=api-key`), ['api-key.created'])

  // A key's own name is shown for what it did.
  const stored = await createApiKey(app.prisma, 'ingest robot', 'cli')
  await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { authorization: `Bearer ${stored.key}` },
    payload: { ...article, url: 'https://a.example/other' },
  })
  const byKey = await app.inject({ url: `/v1/audit?actor=key%3A${stored.id}`, headers: asDesk })
  t.match((byKey.json() as { items: AuditItem[] }).items, [
    { action: 'article.created', actor: { id: `key:${stored.id}`, name: 'ingest robot' } },
  ])

  // Page by page, nothing skipped or repeated.
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const url: string = `/v1/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`
    const pageOf = (await app.inject({ url, headers: asDesk })).json() as {
      items: AuditItem[]
      nextCursor: string | null
    }
    t.ok(pageOf.items.length <= 2)
    seen.push(...pageOf.items.map((item) => item.id))
    cursor = pageOf.nextCursor
  } while (cursor)
  const everything = (await app.inject({ url: '/v1/audit?limit=200', headers: asDesk })).json() as {
    items: AuditItem[]
  }
  t.same(
    seen,
    everything.items.map((item) => item.id),
  )
  t.equal(seen.length, 6)
})

t.test('the audit trail is for editors, and a bad filter is refused', async (t) => {
  const app = await buildApp(t)
  t.equal((await app.inject({ url: '/v1/audit' })).statusCode, 401)
  const reader = await app.inject({ url: '/v1/audit', headers: { authorization: `Bearer ${READ_KEY}` } })
  t.equal(reader.statusCode, 403)
  t.match(reader.json(), { requiredScope: 'edit' })
  t.equal((await app.inject({ url: '/v1/audit', headers: authorized })).statusCode, 403, 'ingestion keys too')
  for (const query of [
    'actor=someone',
    'action=created',
    'cursor=nope',
    'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    'entityType=Article',
    'colour=red',
  ]) {
    const response = await app.inject({ url: `/v1/audit?${query}`, headers: asAdmin })
    t.equal(response.statusCode, 400, query)
    t.match(response.headers['content-type'], /application\/problem\+json/)
  }
})
