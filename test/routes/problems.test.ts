import { readFile } from 'node:fs/promises'
import t from 'tap'
import { PROBLEM_TYPES } from '../../src/http/problem-types.js'
import { authorized, buildApp } from '../helper.js'

t.test('every problem type’s URI answers with what it means', async (t) => {
  const app = await buildApp(t, { REQUIRE_KEY_FOR_READS: 'true' })
  const list = await app.inject({ url: '/problems' })
  t.equal(list.statusCode, 200, 'open without a key, like the docs')
  const types = list.json() as Array<{ type: string; status: number; title: string; description: string }>
  t.equal(types.length, Object.keys(PROBLEM_TYPES).length)
  for (const described of types) {
    const answer = await app.inject({ url: described.type })
    t.equal(answer.statusCode, 200, described.type)
    t.same(answer.json(), described)
    t.ok(described.status >= 300 && described.status < 600)
  }

  // A problem's own type points at its description.
  const invalid = await app.inject({ url: '/v1/claims/not-a-uuid', headers: authorized })
  const followed = await app.inject({ url: invalid.json().type })
  t.match(followed.json(), { type: '/problems/validation', status: 400 })

  const unknown = await app.inject({ url: '/problems/no-such-problem' })
  t.equal(unknown.statusCode, 404)
  t.match(unknown.json(), { type: '/problems/not-found', detail: 'no problem type no-such-problem' })
  t.equal((await app.inject({ url: '/problems/NOT_A_SLUG' })).statusCode, 400)
})

t.test('the README’s table of problem types is the catalogue the service answers with', async (t) => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
  const rows = [...readme.matchAll(/^\| `\/problems\/([a-z-]+)` +\| (\d{3}) /gm)].map(([, slug, status]) => [
    slug,
    Number(status),
  ])
  const catalogue = Object.entries(PROBLEM_TYPES).map(([slug, { status }]) => [slug, status])
  t.same(
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    catalogue.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  )
})
