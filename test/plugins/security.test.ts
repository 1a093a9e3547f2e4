import t from 'tap'
import { buildApp, WRITE_KEY } from '../helper.js'

t.test('security headers are set on every response', async (t) => {
  const app = await buildApp(t)
  const response = await app.inject({ url: '/v1/outlets' })
  t.equal(response.headers['x-content-type-options'], 'nosniff')
  t.equal(response.headers['x-frame-options'], 'SAMEORIGIN')
  t.match(response.headers['content-security-policy'], /default-src 'self'/)
  t.match(response.headers['strict-transport-security'], /max-age=/)
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
