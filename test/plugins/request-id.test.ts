import t from 'tap'
import { authorized, buildApp } from '../helper.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

t.test('every answer names its request in x-request-id', async (t) => {
  const app = await buildApp(t)
  const answers = {
    ok: await app.inject({ url: '/v1/outlets' }),
    health: await app.inject({ url: '/health' }),
    notFound: await app.inject({ url: '/v1/nothing-here' }),
    invalid: await app.inject({ url: '/v1/claims/not-a-uuid' }),
    unauthorized: await app.inject({ method: 'POST', url: '/v1/articles', payload: {} }),
    badBody: await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: { url: 1 } }),
    docs: await app.inject({ url: '/docs' }),
  }
  const ids = new Set<string>()
  for (const [name, answer] of Object.entries(answers)) {
    t.match(answer.headers['x-request-id'], UUID, `${name} (${answer.statusCode}) has an id`)
    ids.add(String(answer.headers['x-request-id']))
  }
  t.equal(ids.size, Object.keys(answers).length, 'one id per request')
  t.equal(answers.invalid.json().status, 400)
})

t.test('a caller’s own id is kept when it is a plain token, replaced otherwise', async (t) => {
  const app = await buildApp(t)
  const own = await app.inject({ url: '/v1/outlets', headers: { 'x-request-id': 'batch-7.line:42' } })
  t.equal(own.headers['x-request-id'], 'batch-7.line:42')
  for (const given of ['x'.repeat(129), 'two words', 'a\u0007bell', '']) {
    const answer = await app.inject({ url: '/v1/outlets', headers: { 'x-request-id': given } })
    t.match(answer.headers['x-request-id'], UUID, `${JSON.stringify(given.slice(0, 20))} replaced`)
  }
})
