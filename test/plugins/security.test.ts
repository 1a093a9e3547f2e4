import t from 'tap'
import { buildApp, WRITE_KEY } from '../helper.js'

t.test('security headers are set on every response', async (t) => {
  const app = await buildApp(t)
  const response = await app.inject({ url: '/v1/outlets' })
  t.equal(response.headers['x-content-type-options'], 'nosniff')
  t.equal(response.headers['x-frame-options'], 'SAMEORIGIN')
  t.match(response.headers['content-security-policy'], /default-src 'self'/)
  t.match(response.headers['strict-transport-security'], /max-age=/)
  // Over plain HTTP on any host but localhost, upgrade-insecure-requests sent Swagger UI's assets to https.
  const docs = await app.inject({ url: '/docs/static/index.html' })
  t.notMatch(docs.headers['content-security-policy'], /upgrade-insecure-requests/)
})

t.test('callers over the rate limit get 429 with Retry-After, counted per key or address', async (t) => {
  const app = await buildApp(t, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' })
  for (let i = 0; i < 3; i++) t.equal((await app.inject({ url: '/v1/outlets' })).statusCode, 200)
  const limited = await app.inject({ url: '/v1/outlets' })
  t.equal(limited.statusCode, 429)
  t.match(limited.headers['content-type'], /application\/problem\+json/)
  t.ok(Number(limited.headers['retry-after']) > 0)
  t.match(limited.json(), { type: '/problems/rate-limited', status: 429, title: 'Too Many Requests' })
  const withKey = await app.inject({ url: '/v1/outlets', headers: { authorization: `Bearer ${WRITE_KEY}` } })
  t.equal(withKey.statusCode, 200, 'a caller with a key has a budget of its own')
  const otherAddress = await app.inject({ url: '/v1/outlets', remoteAddress: '10.0.0.9' })
  t.equal(otherAddress.statusCode, 200)
  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'health checks are not limited')
})

t.test('refused requests are counted per address too: bad keys, bad input, unknown routes', async (t) => {
  const app = await buildApp(t, { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' })
  const badKey = { authorization: 'Bearer not-a-key-of-this-service' }
  const attacker = '10.0.0.66'
  for (let i = 0; i < 3; i++) {
    const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: badKey, remoteAddress: attacker })
    t.equal(response.statusCode, 401)
  }
  const limited = await app.inject({ method: 'POST', url: '/v1/articles', headers: badKey, remoteAddress: attacker })
  t.equal(limited.statusCode, 429, 'the fourth bad key in the window is refused before it is looked up')
  t.match(limited.json(), { type: '/problems/rate-limited', status: 429 })
  t.ok(Number(limited.headers['retry-after']) > 0)
  t.equal(
    (await app.inject({ url: '/v1/outlets', remoteAddress: attacker })).statusCode,
    429,
    'the whole address waits',
  )

  const other = '10.0.0.67'
  t.equal((await app.inject({ url: '/v1/outlets?limit=0', remoteAddress: other })).statusCode, 400)
  t.equal((await app.inject({ url: '/v1/nothing-here', remoteAddress: other })).statusCode, 404)
  t.equal(
    (await app.inject({ url: '/v1/outlets', remoteAddress: other })).statusCode,
    200,
    'successes do not count here',
  )
  t.equal((await app.inject({ url: '/v1/outlets?limit=x', remoteAddress: other })).statusCode, 400)
  t.equal((await app.inject({ url: '/v1/outlets', remoteAddress: other })).statusCode, 429, '400s and 404s count')

  const keyed = await app.inject({
    url: '/v1/outlets',
    remoteAddress: '10.0.0.68',
    headers: { authorization: `Bearer ${WRITE_KEY}` },
  })
  t.equal(keyed.statusCode, 200, 'a good key elsewhere keeps its budget')
  t.equal((await app.inject({ url: '/health', remoteAddress: attacker })).statusCode, 200, 'health checks stay open')
})

t.test('a refused address gets its budget back when the window ends', async (t) => {
  const app = await buildApp(t, { RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_MS: '1000' })
  t.equal((await app.inject({ url: '/v1/nothing' })).statusCode, 404)
  t.equal((await app.inject({ url: '/v1/nothing' })).statusCode, 429)
  await new Promise((resolve) => setTimeout(resolve, 2100))
  t.equal((await app.inject({ url: '/v1/nothing' })).statusCode, 404)
})
