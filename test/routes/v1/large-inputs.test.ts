import t from 'tap'
import { authorized, buildApp, tableCounts } from '../../helper.js'

const words = (count: number, seed: string) =>
  Array.from({ length: count }, (_, i) => `${seed}${(i * 7919) % 10007}`).join(' ')

t.test('a quotation of any length is stored and grouped: the wording tally is keyed by a hash', async (t) => {
  const app = await buildApp(t)
  // About 6 KB of words: over the 2.7 KB a btree index row can hold.
  const long = `${words(900, 'word')}.`
  for (const [i, outlet] of ['First', 'Second'].entries()) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: {
        url: `https://long.example/${i}`,
        outlet: { name: outlet },
        publishedAt: `2025-05-0${i + 1}T00:00:00Z`,
        text: `“${long}” Claudia Sheinbaum said.`,
      },
    })
    t.equal(response.statusCode, 201, response.body.slice(0, 300))
  }
  const claims = (await app.inject({ url: '/v1/claims' })).json().items
  t.equal(claims.length, 1, 'both renderings are one claim')
  t.equal(claims[0].renderingCount, 2)
  const detail = (await app.inject({ url: `/v1/claims/${claims[0].id}` })).json()
  t.same(
    detail.consistency.distinctWordings.map((w: { renderings: number }) => w.renderings),
    [2],
  )
})

t.test('an article’s quotes are read a page at a time, in order', async (t) => {
  const app = await buildApp(t)
  const text = Array.from({ length: 450 }, (_, i) => `“Point number ${i} stands,” Claudia Sheinbaum said.`).join(' ')
  const created = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url: 'https://many.example/1', outlet: { name: 'Many' }, text },
  })
  t.equal(created.statusCode, 201)
  const id = created.json().id
  t.equal(created.json().quoteCount, 450)

  const whole = (await app.inject({ url: `/v1/articles/${id}/quotes` })).json()
  t.equal(whole.items.length, 450, 'one page by default holds a normal article’s every quote')
  t.equal(whole.nextCursor, null)

  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const query: string = cursor ? `limit=200&cursor=${cursor}` : 'limit=200'
    const page = (await app.inject({ url: `/v1/articles/${id}/quotes?${query}` })).json()
    seen.push(...page.items.map((quote: { text: string }) => quote.text))
    cursor = page.nextCursor
    pages++
  } while (cursor)
  t.equal(pages, 3)
  t.same(
    seen,
    whole.items.map((quote: { text: string }) => quote.text),
    'the pages together are the whole list, in order',
  )

  t.equal((await app.inject({ url: `/v1/articles/${id}/quotes?limit=0` })).statusCode, 400)
  t.equal((await app.inject({ url: `/v1/articles/${id}/quotes?cursor=bogus` })).statusCode, 400)
  const other = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url: 'https://many.example/2', outlet: { name: 'Many' }, text: '“Elsewhere,” she said.' },
  })
  const foreign = (await app.inject({ url: `/v1/articles/${other.json().id}/quotes?limit=1` })).json()
  t.equal(foreign.nextCursor, null)
  const firstPage = (await app.inject({ url: `/v1/articles/${id}/quotes?limit=1` })).json()
  const wrongArticle = await app.inject({
    url: `/v1/articles/${other.json().id}/quotes?cursor=${firstPage.nextCursor}`,
  })
  t.equal(wrongArticle.statusCode, 400, 'a cursor from another article’s list is refused')
  t.match(wrongArticle.json(), { type: '/problems/invalid-cursor' })
})

t.test('an article with more quotes than a statement can take parameters is still read', async (t) => {
  const app = await buildApp(t)
  const created = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url: 'https://huge.example/1', outlet: { name: 'Huge' }, text: 'no quotes here' },
  })
  const id = created.json().id
  // 40,000 quotes, more than Postgres' 32,767 bind parameters, written directly: ingesting them would take minutes.
  await app.db.query(
    `INSERT INTO quote (article_id, position, order_key, text, normalized_text, spans, kind, confidence)
     SELECT $1::uuid, n, 'k', 'q' || n, 'q' || n, '[[0, 1]]'::jsonb, 'direct', 1 FROM generate_series(0, 39999) AS n`,
    [id],
  )
  const response = await app.inject({ url: `/v1/articles/${id}/quotes` })
  t.equal(response.statusCode, 200)
  t.equal(response.json().items.length, 1000)
  t.type(response.json().nextCursor, 'string')
})

t.test('validation errors are capped, and the answer says how many there were', async (t) => {
  const app = await buildApp(t)
  const payload: Record<string, string> = { text: 'words' }
  for (let i = 0; i < 5000; i++) payload[`unknown${i}`] = 'x'
  const response = await app.inject({ method: 'POST', url: '/v1/extract', payload })
  t.equal(response.statusCode, 400)
  t.equal(response.json().errors.length, 20)
  t.match(response.json().detail, /5000 problems; the first 20:/)
  t.ok(response.body.length < 5000, `a small answer (${response.body.length} bytes)`)
})

t.test('an article text over the cap is refused whatever BODY_LIMIT allows', async (t) => {
  const app = await buildApp(t, { BODY_LIMIT: String(8 * 1024 * 1024) })
  const before = await tableCounts(app)
  const text = 'a'.repeat(1_000_001)
  for (const [url, payload] of [
    ['/v1/articles', { url: 'https://big.example/1', outlet: { name: 'Big' }, text }],
    ['/v1/extract', { text }],
  ] as const) {
    const response = await app.inject({ method: 'POST', url, headers: authorized, payload })
    t.equal(response.statusCode, 400, url)
    t.match(response.json(), { errors: [{ field: '/text', message: /1000000/ }] })
  }
  t.same(await tableCounts(app), before)
})
