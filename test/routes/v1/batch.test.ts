import t from 'tap'
import { authorized, buildApp, tableCounts } from '../../helper.js'
import { htmlPage } from '../../fixtures/html-pages.js'

const article = (n: number, text = `“We will open the pier number ${n} in May,” Mayor Lena Holm said on Tuesday.`) => ({
  url: `https://pier-news.example/story/${n}`,
  outlet: { name: 'Pier News', domain: 'pier-news.example' },
  text,
})
const ndjson = (lines: unknown[]) =>
  lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')
const readLines = (body: string) =>
  body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))

t.test('POST /v1/articles:batch', async (t) => {
  const app = await buildApp(t, { BATCH_MAX_LINES: '5', BODY_LIMIT: '8192' })
  const batch = (body: string, headers: Record<string, string> = authorized) =>
    app.inject({
      method: 'POST',
      url: '/v1/articles:batch',
      payload: body,
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
    })

  await t.test('one result per line, in order; a bad line does not stop the others', async (t) => {
    const body = ndjson([
      article(1),
      'not json',
      '',
      { url: 'https://pier-news.example/story/3', outlet: { name: 'Pier News' } },
      { html: htmlPage('meta-and-json-ld') },
      article(1),
    ])
    const response = await batch(`${body}\n`)
    t.equal(response.statusCode, 200)
    t.equal(response.headers['content-type'], 'application/x-ndjson')
    const results = readLines(response.body)
    t.same(
      results.map((result) => [result.line, result.status]),
      [
        [1, 201],
        [2, 400],
        [4, 400],
        [5, 201],
        [6, 200],
      ],
      'blank lines are skipped but counted',
    )
    t.match(results[0], { article: { status: 'created', url: 'https://pier-news.example/story/1' } })
    t.match(results[1].problem, { type: '/problems/malformed-body', status: 400, detail: /the line is not JSON/ })
    t.match(results[2].problem, {
      type: '/problems/validation',
      instance: '/v1/articles:batch',
      errors: [{ in: 'body', field: '/text' }, { field: '/html' }, { field: '/' }],
    })
    t.match(results[3], {
      article: { outlet: { name: 'Valley Ledger' }, title: 'Orchard growers warn of thin harvest' },
    })
    t.match(results[5 - 1], { article: { id: results[0].article.id, status: 'unchanged' } })
    t.equal(await app.prisma.article.count(), 2)
  })

  await t.test('a line that fails in the service answers its problem as the single route would', async (t) => {
    const results = readLines(
      (
        await batch(
          ndjson([
            { ...article(7), url: 'ftp://pier-news.example/7' },
            { html: htmlPage('no-article'), url: 'https://pier-news.example/login' },
            { ...article(8), text: 'x'.repeat(9000) },
          ]),
        )
      ).body,
    )
    t.match(results, [
      { line: 1, status: 400, problem: { type: '/problems/validation', errors: [{ field: '/url' }] } },
      { line: 2, status: 422, problem: { type: '/problems/unreadable-html' } },
      { line: 3, status: 413, problem: { type: '/problems/body-too-large', detail: /over BODY_LIMIT/ } },
    ])
  })

  await t.test('what is wrong with the whole batch refuses it before any line is done', async (t) => {
    const before = await tableCounts(app)
    const tooMany = await batch(ndjson([1, 2, 3, 4, 5, 6].map((n) => article(100 + n))))
    t.equal(tooMany.statusCode, 413)
    t.match(tooMany.json(), { type: '/problems/batch-too-large', detail: /at most 5 lines/ })
    const anonymous = await batch(ndjson([article(200)]), {})
    t.equal(anonymous.statusCode, 401, 'the same key as a single ingest')
    const asJson = await app.inject({
      method: 'POST',
      url: '/v1/articles:batch',
      payload: [article(201)],
      headers: authorized,
    })
    t.equal(asJson.statusCode, 415, 'NDJSON only')
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      payload: ndjson([article(202)]),
      headers: { ...authorized, 'content-type': 'application/x-ndjson' },
    })
    t.equal(elsewhere.statusCode, 415, 'the single route still takes JSON only')
    for (const nothing of ['', '\n\n']) {
      const empty = await batch(nothing)
      t.equal(empty.statusCode, 400, 'a batch with no lines is a mistake')
      t.match(empty.json(), { type: '/problems/malformed-body', detail: /this one has none/ })
    }
    const noBody = await app.inject({ method: 'POST', url: '/v1/articles:batch?x=1', headers: authorized })
    t.equal(noBody.statusCode, 400, 'nor is no body at all')
    t.same(await tableCounts(app), before)
  })
})

t.test('BATCH_BODY_LIMIT bounds a batch body', async (t) => {
  const app = await buildApp(t, { BATCH_BODY_LIMIT: '1024' })
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles:batch',
    payload: ndjson([article(1, 'x'.repeat(2000))]),
    headers: { ...authorized, 'content-type': 'application/x-ndjson' },
  })
  t.equal(response.statusCode, 413)
  t.match(response.json(), { type: '/problems/body-too-large' })
})

t.test('POST /v1/verify:batch', async (t) => {
  const app = await buildApp(t)
  await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article(1) })
  const response = await app.inject({
    method: 'POST',
    url: '/v1/verify:batch',
    payload: ndjson([
      { text: 'We will open the pier number 1 in May', speaker: 'Lena Holm' },
      { text: 'Nobody ever said this sentence at all.' },
      { text: 'We will open the pier number 1 in May', speaker: 'Zebedee Quux' },
      { speaker: 'Lena Holm' },
    ]),
    headers: { 'content-type': 'application/x-ndjson' },
  })
  t.equal(response.statusCode, 200, 'a read: no key needed')
  const results = readLines(response.body)
  t.match(results, [
    { line: 1, status: 200, verification: { verdict: 'matches', speaker: { name: 'Lena Holm' } } },
    { line: 2, status: 200, verification: { verdict: 'no-record' } },
    { line: 3, status: 200, verification: { verdict: 'unknown-speaker' } },
    { line: 4, status: 400, problem: { type: '/problems/validation', errors: [{ field: '/text' }] } },
  ])
})
