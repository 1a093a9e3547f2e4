import t from 'tap'
import { authorized, buildApp, tableCounts } from '../../helper.js'

// Dates the whole system can store (Postgres timestamptz) and render back (a JS Date's ISO string,
// four-digit years): 1000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z, after the offset is applied.
const EARLIEST = '1000-01-01T00:00:00Z'
const LATEST = '9999-12-31T23:59:59.999Z'

const refused = [
  '0000-01-01T00:00:00Z', // year 0: stored, then every read of it failed
  '0999-12-31T23:59:59Z',
  '1000-01-01T00:30:00+01:00', // year 1000 as written, 999 in UTC
  '9999-12-31T23:59:59-23:59', // year 9999 as written, 10000 in UTC
  '2016-12-31T23:59:60Z', // a leap second: JavaScript has no such instant
  '2025-02-29T12:00:00Z', // no such day
  '2025-05-03T24:00:00Z',
  '2025-05-03t18:30:00z', // RFC 3339 allows lowercase; JavaScript's parser does not, so it is refused
  '2025-05-03',
]

t.test('publishedAt: the edges of the range are stored and read back everywhere', async (t) => {
  const app = await buildApp(t)
  const speech = '“Sovereignty is not for sale. Sovereignty is loved and defended,” Claudia Sheinbaum said.'
  const ids: string[] = []
  for (const [i, publishedAt] of [EARLIEST, LATEST, '1000-01-01T01:00:00+01:00'].entries()) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: { url: `https://edge.example/${i}`, outlet: { name: 'Edge' }, publishedAt, text: speech },
    })
    t.equal(response.statusCode, 201, publishedAt)
    t.equal(response.json().publishedAt, new Date(publishedAt).toISOString())
    ids.push(response.json().id)
  }
  const articles = await app.inject({ url: '/v1/articles' })
  t.equal(articles.statusCode, 200)
  t.same(
    articles
      .json()
      .items.map((a: { publishedAt: string }) => a.publishedAt)
      .sort(),
    ['1000-01-01T00:00:00.000Z', '1000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'],
  )
  const claims = await app.inject({ url: `/v1/claims?from=${EARLIEST}&to=${encodeURIComponent(LATEST)}` })
  t.equal(claims.statusCode, 200)
  const [claim] = claims.json().items
  t.equal(claim.firstAppearedAt, '1000-01-01T00:00:00.000Z')
  const detail = await app.inject({ url: `/v1/claims/${claim.id}` })
  t.equal(detail.statusCode, 200)
  t.equal(detail.json().firstAppearance.at, '1000-01-01T00:00:00.000Z')
  const verify = await app.inject({
    method: 'POST',
    url: '/v1/verify',
    payload: { text: 'Sovereignty is not for sale. Sovereignty is loved and defended.' },
  })
  t.equal(verify.statusCode, 200)
  t.equal(verify.json().verdict, 'matches')
  const outlet = (await app.inject({ url: '/v1/outlets' })).json().items[0].id
  const scorecard = await app.inject({ url: `/v1/outlets/${outlet}/scorecard?from=${EARLIEST}` })
  t.equal(scorecard.statusCode, 200)
  t.equal(scorecard.json().renderings, 3)
})

t.test('publishedAt outside the range, or not a real instant, is refused and nothing is stored', async (t) => {
  const app = await buildApp(t)
  const before = await tableCounts(app)
  for (const publishedAt of refused) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: { url: 'https://edge.example/out', outlet: { name: 'Edge' }, publishedAt, text: 'words' },
    })
    t.equal(response.statusCode, 400, publishedAt)
    t.match(response.headers['content-type'], /application\/problem\+json/)
    t.match(response.json(), {
      type: '/problems/validation',
      errors: [{ in: 'body', field: '/publishedAt', message: /date-time/ }],
    })
  }
  t.same(await tableCounts(app), before)
})

t.test('from and to take the same dates on every route that has them', async (t) => {
  const app = await buildApp(t)
  const outlet = (
    await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: { url: 'https://edge.example/1', outlet: { name: 'Edge' }, text: 'words' },
    })
  ).json().outlet.id
  for (const path of ['/v1/articles', '/v1/claims', `/v1/outlets/${outlet}/scorecard`]) {
    for (const field of ['from', 'to']) {
      for (const value of refused) {
        const response = await app.inject({ url: `${path}?${field}=${encodeURIComponent(value)}` })
        t.equal(response.statusCode, 400, `${path} ${field}=${value}`)
        t.match(response.json(), {
          type: '/problems/validation',
          errors: [{ in: 'querystring', field: `/${field}` }],
        })
      }
      for (const value of [EARLIEST, LATEST]) {
        const response = await app.inject({ url: `${path}?${field}=${encodeURIComponent(value)}` })
        t.equal(response.statusCode, 200, `${path} ${field}=${value}`)
      }
    }
  }
})
