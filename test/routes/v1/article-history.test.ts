import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { asAdmin, authorized, buildApp, tableCounts } from '../../helper.js'

// Invented articles: three outlets print the ferry operator's words.
const WORDS = 'The night ferry will sail again in March, and every crossing will carry bicycles free.'
const textOf = (quote: string) => `Ferry operator Odile Brask spoke at the pier. “${quote}” Brask said.`

type App = FastifyInstance

async function ingest(app: App, url: string, text: string, publishedAt: string, outlet: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: outlet }, publishedAt, text },
  })
  t.ok([200, 201].includes(response.statusCode), response.body)
  return response.json() as { id: string; status: string }
}

const claimOf = async (app: App, articleId: string): Promise<string> =>
  (await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json().items[0].claimId

const remove = (app: App, id: string, headers: Record<string, string> = asAdmin, query = '') =>
  app.inject({ method: 'DELETE', url: `/v1/articles/${id}${query}`, headers })

t.test('deleting an article: its quotes leave their claims, and its id answers 410 for good', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(app, 'https://pier.example/1', textOf(WORDS), '2026-03-01T08:00:00Z', 'Pier Post')
  const second = await ingest(app, 'https://tide.example/1', textOf(WORDS), '2026-03-02T08:00:00Z', 'Tide News')
  const stray = await ingest(app, 'https://tide.example/string', 'string', '2026-03-03T08:00:00Z', 'Tide News')
  const claimId = await claimOf(app, first.id)
  t.equal(await claimOf(app, second.id), claimId)

  t.equal((await remove(app, stray.id, {})).statusCode, 401, 'no key')
  t.equal((await remove(app, stray.id, authorized)).statusCode, 403, 'an ingest key may not delete')
  const before = await tableCounts(app)

  // The earliest article goes: the claim keeps its id, one rendering fewer, and a new first appearance.
  const deleted = await remove(app, first.id, asAdmin, '?reason=posted%20twice')
  t.equal(deleted.statusCode, 200)
  t.match(deleted.json(), {
    articleId: first.id,
    url: 'https://pier.example/1',
    quotesRemoved: 1,
    deletedAt: String,
    deletedBy: { id: 'env:2', name: 'API_KEYS entry 2' },
    reason: 'posted twice',
  })
  const claim = (await app.inject({ url: `/v1/claims/${claimId}` })).json()
  t.match(claim, { consistency: { renderings: 1 }, firstAppearance: { articleId: second.id } })

  for (const url of [
    `/v1/articles/${first.id}`,
    `/v1/articles/${first.id}/quotes`,
    `/v1/articles/${first.id}/revisions`,
    `/v1/articles/${first.id}/corrections`,
  ]) {
    const gone = await app.inject({ url })
    t.equal(gone.statusCode, 410, url)
    t.match(gone.json(), {
      type: '/problems/article-deleted',
      deletedAt: deleted.json().deletedAt,
      detail: /posted twice$/,
    })
  }
  t.equal((await remove(app, first.id)).statusCode, 410, 'deleted once, gone for good')
  t.equal((await remove(app, '00000000-0000-4000-8000-000000000000')).statusCode, 404, 'never stored')
  const after = await tableCounts(app)
  t.equal(after.articles, before.articles! - 1)
  t.equal(after.revisions, before.revisions! - 1)
  t.equal(after.quotes, before.quotes! - 1)

  const [event] = (await app.inject({ url: '/v1/audit?action=article.deleted', headers: asAdmin })).json().items
  t.match(event, {
    entity: { type: 'article', id: first.id },
    before: { url: 'https://pier.example/1', quoteCount: 1 },
    after: null,
    reason: 'posted twice',
  })

  // The last rendering goes: the claim is a tombstone.
  t.equal((await remove(app, second.id)).statusCode, 200)
  t.equal((await app.inject({ url: `/v1/claims/${claimId}` })).statusCode, 410)

  // The URL posted again is a new article; the old id stays gone.
  const again = await ingest(app, 'https://pier.example/1', textOf(WORDS), '2026-03-01T08:00:00Z', 'Pier Post')
  t.equal(again.status, 'created')
  t.not(again.id, first.id)
  t.equal((await app.inject({ url: `/v1/articles/${first.id}` })).statusCode, 410)
  t.equal((await app.inject({ url: `/v1/articles/${again.id}` })).statusCode, 200)
})

t.test('a deletion names the stored key that made it', async (t) => {
  const app = await buildApp(t)
  const article = await ingest(app, 'https://pier.example/3', textOf(WORDS), '2026-03-01T08:00:00Z', 'Pier Post')
  const created = await app.inject({
    method: 'POST',
    url: '/v1/keys',
    headers: asAdmin,
    payload: { name: 'standards desk', scopes: ['edit'] },
  })
  const key = created.json() as { id: string; key: string }
  const deleted = await remove(app, article.id, { authorization: `Bearer ${key.key}` })
  t.equal(deleted.statusCode, 200)
  t.same(deleted.json().deletedBy, { id: `key:${key.id}`, name: 'standards desk' })
})

t.test('an article deleted with its corrections: nothing of it is left', async (t) => {
  const app = await buildApp(t)
  const article = await ingest(app, 'https://pier.example/2', textOf(WORDS), '2026-03-01T08:00:00Z', 'Pier Post')
  const [quote] = (await app.inject({ url: `/v1/articles/${article.id}/quotes` })).json().items
  const corrected = await app.inject({
    method: 'PUT',
    url: `/v1/quotes/${quote.id}/speaker`,
    headers: asAdmin,
    payload: { name: 'Ansel Brask' },
  })
  t.equal(corrected.statusCode, 200)
  t.equal((await remove(app, article.id)).statusCode, 200)
  const counts = await tableCounts(app)
  for (const table of ['articles', 'revisions', 'quotes', 'claims']) t.equal(counts[table], 0, table)
  t.equal(await app.prisma.quoteCorrection.count(), 0, 'its corrections')
})

t.test('the revision history: every text the article has had, newest first, each one whole', async (t) => {
  const app = await buildApp(t)
  const url = 'https://pier.example/live'
  const texts = [textOf(WORDS), `${textOf(WORDS)} The first sailing is on March 3.`, `Update: ${textOf(WORDS)}`]
  let id = ''
  for (const text of texts) id = (await ingest(app, url, text, '2026-03-01T08:00:00Z', 'Pier Post')).id
  await ingest(app, url, texts[2]!, '2026-03-01T08:00:00Z', 'Pier Post')

  const list = await app.inject({ url: `/v1/articles/${id}/revisions` })
  t.equal(list.statusCode, 200)
  const items = list.json().items as Array<{ id: string; length: number; contentHash: string }>
  t.same(
    items.map((item) => item.length),
    [...texts].reverse().map((text) => text.length),
    'three texts, newest first; the unchanged re-post added none',
  )
  t.equal(new Set(items.map((item) => item.contentHash)).size, 3)
  t.equal(list.json().nextCursor, null)

  const oldest = await app.inject({ url: `/v1/articles/${id}/revisions/${items[2]!.id}` })
  t.equal(oldest.statusCode, 200)
  t.match(oldest.json(), { id: items[2]!.id, text: texts[0], length: texts[0]!.length })

  const firstPage = (await app.inject({ url: `/v1/articles/${id}/revisions?limit=2` })).json()
  t.equal(firstPage.items.length, 2)
  const rest = (await app.inject({ url: `/v1/articles/${id}/revisions?limit=2&cursor=${firstPage.nextCursor}` })).json()
  t.same(
    [...firstPage.items, ...rest.items].map((item: { id: string }) => item.id),
    items.map((item) => item.id),
    'paged by cursor, the same list',
  )

  const other = await ingest(app, 'https://tide.example/2', textOf(WORDS), '2026-03-02T08:00:00Z', 'Tide News')
  const foreign = await app.inject({ url: `/v1/articles/${other.id}/revisions/${items[0]!.id}` })
  t.equal(foreign.statusCode, 404, 'a revision of another article')
  const unknown = '00000000-0000-4000-8000-000000000000'
  t.equal((await app.inject({ url: `/v1/articles/${unknown}/revisions` })).statusCode, 404)
  t.equal((await app.inject({ url: `/v1/articles/${unknown}/revisions/${items[0]!.id}` })).statusCode, 404)
  t.equal((await app.inject({ url: `/v1/articles/${id}/revisions?limit=0` })).statusCode, 400)
})
