import t from 'tap'
import { SCOPES, type Scope } from '../../src/http/scopes.js'
import { createApiKey } from '../../src/services/api-keys.js'
import { buildApp } from '../helper.js'

interface Operation {
  operationId: string
  security?: Record<string, string[]>[]
  responses: Record<string, unknown>
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
const SOME_ID = '00000000-0000-4000-8000-000000000000'

t.test('every operation needs the scope its OpenAPI entry lists, and a key lacking it is refused', async (t) => {
  const app = await buildApp(t)
  // A stored key with only `read` and one with each scope alone: a key with just the listed scope must get in.
  const keys = new Map<Scope, string>()
  for (const scope of SCOPES) keys.set(scope, (await createApiKey(app.prisma, `only ${scope}`, 'test', [scope])).key)
  const call = (method: string, url: string, key?: string) =>
    app.inject({ method: method.toUpperCase() as 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} })

  const document = (await app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>
  }
  const seen = new Map<string, number>()
  for (const [path, item] of Object.entries(document.paths)) {
    const url = path.replace(/\{[^}]+\}/g, SOME_ID)
    for (const method of METHODS) {
      const operation = item[method]
      if (!operation) continue
      const name = operation.operationId
      const requirements = operation.security ?? []
      const scopes = requirements.flatMap((requirement) => requirement.apiKey ?? [])
      const anonymous = requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)
      t.ok(scopes.length <= 1, `${name} lists one scope at most`)
      const scope = scopes[0] as Scope | undefined
      seen.set(scope ?? 'public', (seen.get(scope ?? 'public') ?? 0) + 1)
      if (scope === undefined) {
        t.ok(anonymous, `${name} is public`)
        t.not((await call(method, url)).statusCode, 401, `${name} needs no key`)
        continue
      }
      t.ok(SCOPES.includes(scope), `${name}: ${scope} is a scope`)
      const holder = await call(method, url, keys.get(scope))
      t.notOk([401, 403].includes(holder.statusCode), `${name}: a key with "${scope}" alone gets in`)
      if (scope === 'read') {
        t.ok(anonymous, `${name}: reads need no key unless REQUIRE_KEY_FOR_READS`)
        t.not((await call(method, url)).statusCode, 401, `${name} is open to read`)
        continue
      }
      t.notOk(anonymous, `${name} needs a key`)
      t.ok(operation.responses['401'] && operation.responses['403'], `${name} declares 401 and 403`)
      t.equal((await call(method, url)).statusCode, 401, `${name} without a key`)
      for (const other of SCOPES.filter((held) => held !== scope && held !== 'admin')) {
        const refused = await call(method, url, keys.get(other))
        t.equal(refused.statusCode, 403, `${name} with "${other}" alone`)
        t.match(refused.json(), { type: '/problems/forbidden', requiredScope: scope })
      }
    }
  }
  // The walk covered every kind of operation there is.
  t.ok((seen.get('read') ?? 0) > 10, 'reads')
  t.ok((seen.get('ingest') ?? 0) >= 2, 'ingestion')
  t.ok((seen.get('admin') ?? 0) >= 3, 'key management')
  t.ok((seen.get('public') ?? 0) >= 2, 'health and problem types')
})

t.test('the database keeps stored scopes to the names the code knows, read always among them', async (t) => {
  const app = await buildApp(t)
  let inserted = 0
  const insert = (scopes: string[]) =>
    app.prisma.$executeRaw`INSERT INTO api_key (name, prefix, key_hash, scopes)
      VALUES ('x', 'vbt_x', ${String(++inserted).padStart(64, '0')}, ${scopes})`
  await t.resolves(insert([...SCOPES]), 'every scope of src/http/scopes.ts')
  await t.rejects(insert(['read', 'write']), /api_key_scopes_known/, 'a name that is no scope')
  await t.rejects(insert(['ingest']), /api_key_scopes_known/, 'a key without read')
})
