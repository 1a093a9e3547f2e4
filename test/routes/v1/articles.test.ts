import t from 'tap'
import { authorized, buildApp, tableCounts, WRITE_KEY } from '../../helper.js'

const article = {
  url: 'https://news.example/world/sheinbaum-troops?utm_source=feed#comments',
  outlet: { name: 'News Example', domain: 'www.News.example' },
  title: 'Mexico’s president says she rejected the plan',
  author: 'A. Reporter',
  publishedAt: '2025-05-03T18:30:00Z',
  language: 'en',
  text: '“Sovereignty is not for sale. Sovereignty is loved and defended,” Sheinbaum said.',
}

t.test('POST /v1/articles', async (t) => {
  const app = await buildApp(t)
  const post = (payload: unknown, headers: Record<string, string> = authorized) =>
    app.inject({ method: 'POST', url: '/v1/articles', payload: payload as object, headers })

  const created = await post(article)
  t.equal(created.statusCode, 201)
  const body = created.json()
  t.match(body, {
    status: 'created',
    url: 'https://news.example/world/sheinbaum-troops',
    outlet: { name: 'News Example', domain: 'news.example' },
    title: article.title,
    author: article.author,
    publishedAt: '2025-05-03T18:30:00.000Z',
    language: 'en',
    revisionCount: 1,
  })
  t.equal(created.headers.location, `/v1/articles/${body.id}`)
  t.match(body.contentHash, /^[0-9a-f]{64}$/)

  await t.test('the same URL and text again is the same article, unchanged', async (t) => {
    const before = await tableCounts(app)
    const again = await post({ ...article, url: 'https://NEWS.example/world/sheinbaum-troops' })
    t.equal(again.statusCode, 200)
    t.match(again.json(), { id: body.id, status: 'unchanged', revisionCount: 1 })
    t.same(await tableCounts(app), before)
  })

  await t.test('a changed text is a new revision; the old text is kept', async (t) => {
    const revised = await post({ ...article, text: `${article.text} (Updated.)`, title: 'Updated title' })
    t.equal(revised.statusCode, 200)
    t.match(revised.json(), { id: body.id, status: 'revised', revisionCount: 2, title: 'Updated title' })
    const revisions = await app.prisma.articleRevision.findMany({
      where: { articleId: body.id },
      orderBy: { id: 'asc' },
    })
    t.same(
      revisions.map((r) => r.text),
      [article.text, `${article.text} (Updated.)`],
    )
    const fetched = (await app.inject({ url: `/v1/articles/${body.id}` })).json()
    t.equal(fetched.text, `${article.text} (Updated.)`)
    // going back to an earlier text keeps both revisions and adds none
    const back = await post(article)
    t.match(back.json(), { status: 'revised', revisionCount: 2 })
    const audit = await app.prisma.auditEvent.findMany({ where: { entityId: body.id }, orderBy: { id: 'asc' } })
    t.same(
      audit.map((a) => [a.action, a.actor]),
      [
        ['article.created', 'env:1'],
        ['article.revised', 'env:1'],
        ['article.revised', 'env:1'],
      ],
    )
  })

  await t.test('outlets are matched by domain, or by name when no domain is given', async (t) => {
    const byDomain = await post({
      ...article,
      url: 'https://news.example/2',
      outlet: { name: 'Other name', domain: 'news.example' },
    })
    t.equal(byDomain.json().outlet.id, body.outlet.id)
    const byName = await post({ ...article, url: 'urn:verbatim:seed:1', outlet: { name: 'news example' } })
    t.equal(byName.json().outlet.id, body.outlet.id, 'a name-only outlet matches a known name, case-insensitively')
    const fresh = await post({
      ...article,
      url: 'urn:verbatim:seed:2',
      outlet: { name: 'Unknown outlet A', kind: 'news' },
    })
    const freshAgain = await post({ ...article, url: 'urn:verbatim:seed:3', outlet: { name: 'UNKNOWN OUTLET A' } })
    t.not(fresh.json().outlet.id, body.outlet.id)
    t.equal(freshAgain.json().outlet.id, fresh.json().outlet.id)
    t.equal(fresh.json().outlet.domain, null)
    t.equal(fresh.json().url, 'urn:verbatim:seed:2')
  })

  await t.test('concurrent first ingests of one URL make one article', async (t) => {
    const payload = { ...article, url: 'https://race.example/a', outlet: { name: 'Race', domain: 'race.example' } }
    const results = await Promise.all(Array.from({ length: 6 }, () => post(payload)))
    t.same(results.map((r) => r.statusCode).sort(), [200, 200, 200, 200, 200, 201])
    t.equal(new Set(results.map((r) => r.json().id)).size, 1)
    t.equal(await app.prisma.article.count({ where: { url: 'https://race.example/a' } }), 1)
  })

  await t.test('bad input gets a problem response and changes nothing', async (t) => {
    const before = await tableCounts(app)
    const cases: Array<[string, unknown, number, string, string?]> = [
      ['missing text', { ...article, text: undefined }, 400, '/problems/validation', '/text'],
      ['empty text', { ...article, text: '' }, 400, '/problems/validation', '/text'],
      ['text not a string', { ...article, text: 42 }, 400, '/problems/validation', '/text'],
      ['missing outlet', { ...article, outlet: undefined }, 400, '/problems/validation', '/outlet'],
      [
        'outlet without name',
        { ...article, outlet: { domain: 'a.example' } },
        400,
        '/problems/validation',
        '/outlet/name',
      ],
      [
        'bad domain',
        { ...article, outlet: { name: 'x', domain: 'not a domain' } },
        400,
        '/problems/validation',
        '/outlet/domain',
      ],
      [
        'unknown outlet kind',
        { ...article, outlet: { name: 'x', kind: 'tabloid' } },
        400,
        '/problems/validation',
        '/outlet/kind',
      ],
      ['unknown field', { ...article, body: 'x' }, 400, '/problems/validation', '/body'],
      ['bad date', { ...article, publishedAt: 'yesterday' }, 400, '/problems/validation', '/publishedAt'],
      ['bad language', { ...article, language: 'english!' }, 400, '/problems/validation', '/language'],
      ['ftp url', { ...article, url: 'ftp://news.example/a' }, 400, '/problems/validation', '/url'],
      ['relative url', { ...article, url: '/world/a' }, 400, '/problems/validation', '/url'],
      ['url with credentials', { ...article, url: 'https://u:p@news.example/a' }, 400, '/problems/validation', '/url'],
      ['array body', [article], 400, '/problems/validation'],
    ]
    for (const [name, payload, status, type, field] of cases) {
      const response = await post(payload)
      t.equal(response.statusCode, status, name)
      t.match(response.headers['content-type'], /^application\/problem\+json/, name)
      const problem = response.json()
      t.match(problem, { type, status, title: 'Bad Request', instance: '/v1/articles' }, name)
      t.notOk('stack' in problem, name)
      if (field)
        t.ok(
          problem.errors.some((e: { field: string }) => e.field === field),
          `${name}: names ${field}`,
        )
    }
    const many = (await post({ ...article, text: 1, title: 2, url: 3 })).json()
    t.same(
      many.errors.map((e: { field: string }) => e.field).sort(),
      ['/text', '/title', '/url'],
      'every bad field is listed',
    )

    const malformed = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { ...authorized, 'content-type': 'application/json' },
      payload: '{"url": ',
    })
    t.match(malformed.json(), { status: 400, type: '/problems/malformed-body' })
    const notJson = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { ...authorized, 'content-type': 'text/plain' },
      payload: 'hello',
    })
    t.match(notJson.json(), { status: 415, type: '/problems/unsupported-media-type' })
    const empty = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: { ...authorized, 'content-type': 'application/json' },
    })
    t.match(empty.json(), { status: 400, type: '/problems/malformed-body' })
    t.same(await tableCounts(app), before)
  })

  await t.test('writes need a valid key, and a refusal does not say why', async (t) => {
    const before = await tableCounts(app)
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-key-0123456789abcdef' },
      { authorization: WRITE_KEY },
      { authorization: 'Bearer ' },
    ]
    for (const headers of attempts) {
      const response = await post(article, headers)
      t.equal(response.statusCode, 401)
      t.match(response.json(), { type: '/problems/unauthorized', detail: 'a valid API key is required' })
    }
    t.same(await tableCounts(app), before)
  })
})

t.test('an article text over the body limit gets 413 and is not stored', async (t) => {
  const app = await buildApp(t, { BODY_LIMIT: '4096' })
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { ...article, text: 'x'.repeat(5000) },
  })
  t.equal(response.statusCode, 413)
  t.match(response.json(), { type: '/problems/body-too-large', status: 413, title: 'Content Too Large' })
  t.equal(await app.prisma.article.count(), 0)
})

t.test('GET /v1/articles lists newest first, filters, and pages with a cursor', async (t) => {
  const app = await buildApp(t)
  const ids: string[] = []
  for (let i = 0; i < 5; i++) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: {
        ...article,
        url: `https://${i % 2 ? 'odd' : 'even'}.example/${i}`,
        outlet: { name: i % 2 ? 'Odd' : 'Even', domain: i % 2 ? 'odd.example' : 'even.example' },
        publishedAt: `2025-05-0${i + 1}T00:00:00Z`,
      },
    })
    ids.push(response.json().id)
  }
  const first = (await app.inject({ url: '/v1/articles?limit=2' })).json()
  t.same(
    first.items.map((a: { id: string }) => a.id),
    [ids[4], ids[3]],
  )
  t.notOk('text' in first.items[0], 'lists leave the text out')
  const second = (await app.inject({ url: `/v1/articles?limit=2&cursor=${first.nextCursor}` })).json()
  t.same(
    second.items.map((a: { id: string }) => a.id),
    [ids[2], ids[1]],
  )
  const third = (await app.inject({ url: `/v1/articles?limit=2&cursor=${second.nextCursor}` })).json()
  t.same(
    third.items.map((a: { id: string }) => a.id),
    [ids[0]],
  )
  t.equal(third.nextCursor, null)

  const odd = (await app.inject({ url: '/v1/articles?outlet=odd.example' })).json()
  t.same(
    odd.items.map((a: { id: string }) => a.id),
    [ids[3], ids[1]],
  )
  const outletId = odd.items[0].outlet.id
  t.same((await app.inject({ url: `/v1/articles?outlet=${outletId}` })).json().items.length, 2)
  const window = (await app.inject({ url: '/v1/articles?from=2025-05-02T00:00:00Z&to=2025-05-04T00:00:00Z' })).json()
  t.same(
    window.items.map((a: { id: string }) => a.id),
    [ids[2], ids[1]],
  )

  const badQueries: Array<[string, string]> = [
    ['limit=0', '/limit'],
    ['limit=201', '/limit'],
    ['limit=ten', '/limit'],
    ['cursor=not-a-cursor', '/cursor'],
    [`cursor=${Buffer.from('{"id":"x"}').toString('base64url')}`, '/cursor'],
    ['from=2025-05-04T00:00:00Z&to=2025-05-02T00:00:00Z', '/from'],
    ['from=monday', '/from'],
    ['sort=asc', '/sort'],
  ]
  for (const [query, field] of badQueries) {
    const response = await app.inject({ url: `/v1/articles?${query}` })
    t.equal(response.statusCode, 400, query)
    t.match(response.json().errors, [{ in: 'querystring', field }], query)
  }
})

t.test('GET /v1/articles/{id} and its quotes', async (t) => {
  const app = await buildApp(t)
  const { id } = (
    await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article })
  ).json()
  const fetched = await app.inject({ url: `/v1/articles/${id}` })
  t.equal(fetched.statusCode, 200)
  t.match(fetched.json(), { id, text: article.text, outlet: { domain: 'news.example' } })
  const quotes = await app.inject({ url: `/v1/articles/${id}/quotes` })
  t.equal(quotes.statusCode, 200)
  t.type(quotes.json().items, Array)

  const missing = '01a1fd5d-2ef0-75aa-8611-da1083c2e530'
  for (const url of [`/v1/articles/${missing}`, `/v1/articles/${missing}/quotes`]) {
    const response = await app.inject({ url })
    t.equal(response.statusCode, 404)
    t.match(response.json(), { type: '/problems/not-found', detail: `no article with id ${missing}` })
  }
  const malformed = await app.inject({ url: '/v1/articles/42' })
  t.match(malformed.json(), { status: 400, errors: [{ in: 'params', field: '/id' }] })
})
