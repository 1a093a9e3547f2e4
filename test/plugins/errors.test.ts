import t from 'tap'
import { HttpProblem } from '../../src/http/problem.js'
import { buildApp } from '../helper.js'

t.test('every error is a problem document, and internals never leak', async (t) => {
  const app = await buildApp(t, {}, (app) => {
    app.get('/test/bug', { config: { access: 'public' }, schema: { hide: true } }, async () => {
      throw new Error('secret internals: password=hunter2')
    })
    app.get('/test/db-down', { config: { access: 'public' }, schema: { hide: true } }, async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
    })
    app.get('/test/removed', { config: { access: 'public' }, schema: { hide: true } }, async () => {
      throw new HttpProblem('claim-removed')
    })
    app.get('/test/teapot', { config: { access: 'public' }, schema: { hide: true } }, async () => {
      throw Object.assign(new Error('I am a teapot'), { statusCode: 418 })
    })
    app.get('/test/gone', { config: { access: 'public' }, schema: { hide: true } }, async () => {
      throw Object.assign(new Error('gone'), { statusCode: 404 })
    })
  })

  const bug = await app.inject({ url: '/test/bug?x=1' })
  t.equal(bug.statusCode, 500)
  t.same(bug.json(), { type: 'about:blank', title: 'Internal Server Error', status: 500, instance: '/test/bug' })
  t.notMatch(bug.body, /secret|hunter2|at /)

  const down = await app.inject({ url: '/test/db-down' })
  t.equal(down.statusCode, 503)
  t.match(down.json(), { type: '/problems/database-unavailable', title: 'Service Unavailable' })

  t.same((await app.inject({ url: '/test/removed' })).json(), {
    type: '/problems/claim-removed',
    title: 'Gone',
    status: 410,
    instance: '/test/removed',
  })
  t.match((await app.inject({ url: '/test/teapot' })).json(), {
    status: 418,
    type: '/problems/bad-request',
    title: 'Bad Request',
  })
  t.match((await app.inject({ url: '/test/gone' })).json(), {
    status: 404,
    type: '/problems/not-found',
    title: 'Not Found',
  })

  const noRoute = await app.inject({ method: 'DELETE', url: '/v1/articles?x=1' })
  t.equal(noRoute.statusCode, 404)
  t.match(noRoute.headers['content-type'], /application\/problem\+json/)
  t.same(noRoute.json(), {
    type: '/problems/not-found',
    title: 'Not Found',
    status: 404,
    detail: 'no route DELETE /v1/articles',
    instance: '/v1/articles',
  })
})
