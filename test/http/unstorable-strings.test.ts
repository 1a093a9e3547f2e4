import t from 'tap'
import { authorized, buildApp, tableCounts } from '../helper.js'

// Postgres refuses NUL in text (it answered 500); an unpaired surrogate is not text at all and would
// be stored as U+FFFD, a different string from the one the client sent.
const BAD = { nul: 'a\u0000b', 'lone high surrogate': 'a\ud800b', 'lone low surrogate': 'a\udc00b' }

const article = {
  url: 'https://strings.example/1',
  outlet: { name: 'Strings', domain: 'strings.example' },
  title: 'A title',
  author: 'An author',
  text: '“We will not give in,” Claudia Sheinbaum said.',
}

t.test('a string no database column can hold is refused with 400 wherever it is sent', async (t) => {
  const app = await buildApp(t)
  t.equal(
    (await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article })).statusCode,
    201,
  )
  const before = await tableCounts(app)
  for (const [name, bad] of Object.entries(BAD)) {
    const bodies: Array<[string, string, object]> = [
      ['/v1/articles', '/text', { ...article, text: `“${bad},” she said.` }],
      ['/v1/articles', '/title', { ...article, title: bad }],
      ['/v1/articles', '/author', { ...article, author: bad }],
      ['/v1/articles', '/url', { ...article, url: `https://strings.example/${bad}` }],
      ['/v1/articles', '/outlet/name', { ...article, outlet: { name: bad } }],
      ['/v1/verify', '/text', { text: bad }],
      ['/v1/verify', '/speaker', { text: 'We will not give in', speaker: bad }],
      ['/v1/extract', '/text', { text: bad }],
    ]
    for (const [url, field, payload] of bodies) {
      const response = await app.inject({ method: 'POST', url, headers: authorized, payload })
      t.equal(response.statusCode, 400, `${name} in ${url} ${field}`)
      t.match(response.headers['content-type'], /application\/problem\+json/)
      t.match(response.json(), {
        type: '/problems/validation',
        errors: [{ in: 'body', field, message: /NUL|surrogate/ }],
      })
    }
  }
  // A query string is percent-encoded UTF-8, which has no way to spell a lone surrogate; NUL it has.
  for (const [url, field] of [
    ['/v1/claims?speaker=', '/speaker'],
    ['/v1/claims?outlet=', '/outlet'],
    ['/v1/claims?q=', '/q'],
    ['/v1/articles?outlet=', '/outlet'],
    ['/v1/articles?cursor=', '/cursor'],
  ] as const) {
    const response = await app.inject({ url: `${url}a%00b` })
    t.equal(response.statusCode, 400, url)
    t.match(response.json(), { type: '/problems/validation', errors: [{ in: 'querystring', field }] })
  }
  t.same(await tableCounts(app), before, 'nothing was stored')
})

t.test('every other string goes through untouched, astral characters included', async (t) => {
  const app = await buildApp(t)
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { ...article, title: 'Emoji 😀 and ~/ path', text: `${article.text} 😀` },
  })
  t.equal(response.statusCode, 201)
  t.equal(response.json().title, 'Emoji 😀 and ~/ path')
})

t.test('a body nested far deeper than any call stack is refused, not a 500', async (t) => {
  const app = await buildApp(t)
  const depth = 100_000
  for (const url of ['/v1/extract', '/v1/verify']) {
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { ...authorized, 'content-type': 'application/json' },
      payload: `${'['.repeat(depth)}"a\\u0000"${']'.repeat(depth)}`,
    })
    t.equal(response.statusCode, 400, url)
    t.match(response.json(), { type: '/problems/validation' })
  }
  // The walk still finds a bad string deep inside, and says where.
  let nested: unknown = 'a\u0000b'
  for (let i = 0; i < 3; i++) nested = { inner: nested }
  const response = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: 'x', deep: nested } })
  t.match(response.json().errors, [
    { in: 'body', field: '/deep' },
    { in: 'body', field: '/deep/inner/inner/inner', message: /NUL/ },
  ])
})
