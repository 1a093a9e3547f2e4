import t from 'tap'
import { authorized, buildApp } from '../helper.js'

const DESK = 'https://desk.example.org'

const preflight = (origin: string, method = 'POST') => ({
  method: 'OPTIONS' as const,
  url: '/v1/articles',
  headers: {
    origin,
    'access-control-request-method': method,
    'access-control-request-headers': 'authorization, content-type',
  },
})

t.test('a configured origin may call the API from a browser, preflight first, without its key', async (t) => {
  const app = await buildApp(t, { CORS_ORIGINS: `${DESK}, http://localhost:5173` })
  const answer = await app.inject(preflight(DESK))
  t.equal(answer.statusCode, 204, 'a preflight needs no key: a browser sends none')
  t.equal(answer.headers['access-control-allow-origin'], DESK)
  t.match(answer.headers['access-control-allow-methods'], /POST/)
  t.match(answer.headers['access-control-allow-headers'], /authorization/)
  t.match(answer.headers['access-control-allow-headers'], /content-type/)
  t.equal(answer.headers['access-control-max-age'], '600')
  t.notOk(answer.headers['access-control-allow-credentials'], 'keys are bearer tokens, never cookies')

  const read = await app.inject({ url: '/v1/outlets', headers: { origin: DESK } })
  t.equal(read.statusCode, 200)
  t.equal(read.headers['access-control-allow-origin'], DESK)
  t.match(read.headers['access-control-expose-headers'], /x-request-id/)
  t.match(read.headers['access-control-expose-headers'], /location/)
  t.match(read.headers['access-control-expose-headers'], /retry-after/)
  t.match(read.headers.vary, /origin/i, 'caches keep answers to different origins apart')

  const write = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: { ...authorized, origin: DESK },
    payload: { url: 'https://daily.example/cors', outlet: { name: 'Daily' }, text: '“We agree,” Jane Roe said.' },
  })
  t.equal(write.statusCode, 201)
  t.equal(write.headers['access-control-allow-origin'], DESK)

  const refused = await app.inject({ url: '/v1/claims/not-a-uuid', headers: { origin: DESK } })
  t.equal(refused.statusCode, 400)
  t.equal(refused.headers['access-control-allow-origin'], DESK, 'a browser may read the problem too')
})

t.test('other origins get no CORS headers, so browsers keep them out', async (t) => {
  const app = await buildApp(t, { CORS_ORIGINS: DESK })
  const answer = await app.inject(preflight('https://elsewhere.example'))
  t.equal(answer.statusCode, 204)
  t.notOk(answer.headers['access-control-allow-origin'])
  const read = await app.inject({ url: '/v1/outlets', headers: { origin: 'https://elsewhere.example' } })
  t.equal(read.statusCode, 200, 'a non-browser client is not affected')
  t.notOk(read.headers['access-control-allow-origin'])
})

t.test('with no CORS_ORIGINS no origin is allowed; with * every one is', async (t) => {
  const closed = await buildApp(t)
  const answer = await closed.inject(preflight(DESK))
  t.equal(answer.statusCode, 204, 'the preflight is answered (no 404), without allowing anything')
  t.notOk(answer.headers['access-control-allow-origin'])

  const open = await buildApp(t, { CORS_ORIGINS: '*' })
  const any = await open.inject(preflight('https://anywhere.example', 'GET'))
  t.equal(any.headers['access-control-allow-origin'], '*')
  const read = await open.inject({ url: '/v1/outlets', headers: { origin: 'https://anywhere.example' } })
  t.equal(read.headers['access-control-allow-origin'], '*')
})

t.test('the preflight route is not part of the API document', async (t) => {
  const app = await buildApp(t, { CORS_ORIGINS: DESK })
  const document = (await app.inject({ url: '/openapi.json' })).json()
  for (const [path, operations] of Object.entries(document.paths as Record<string, object>)) {
    t.notOk('options' in operations, `${path} documents no OPTIONS`)
  }
})
