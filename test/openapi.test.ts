import { readFile } from 'node:fs/promises'
import t from 'tap'
import { buildOpenApiDocument, OPENAPI_FILE } from '../src/openapi-document.js'
import { buildApp } from './helper.js'

t.test(
  'the committed openapi/openapi.json is what the app serves (run `npm run openapi` after changing a route)',
  async (t) => {
    const committed = await readFile(OPENAPI_FILE, 'utf8')
    const built = await buildOpenApiDocument()
    t.equal(committed, built)
    const app = await buildApp(t)
    const served = await app.inject({ url: '/openapi.json' })
    t.equal(served.statusCode, 200)
    t.same(served.json(), JSON.parse(committed))
  },
)

t.test('every operation is documented: tag, summary, every response, problem+json errors', async (t) => {
  const document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8'))
  t.equal(document.openapi, '3.1.0')
  let operations = 0
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations++
      const name = `${method.toUpperCase()} ${path}`
      const op = operation as {
        tags?: string[]
        summary?: string
        responses: Record<string, { content?: Record<string, unknown> }>
      }
      t.ok(op.tags?.length, `${name} has a tag`)
      t.ok(op.summary, `${name} has a summary`)
      for (const status of ['429', '500', '503']) t.ok(op.responses[status], `${name} declares ${status}`)
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400)
          t.ok(response.content?.['application/problem+json'], `${name} ${status} is problem+json`)
      }
      if (path.startsWith('/v1/') && path.includes('{id}')) t.ok(op.responses['404'], `${name} declares 404`)
      if (method === 'post') {
        for (const status of ['400', '401', '413', '415']) t.ok(op.responses[status], `${name} declares ${status}`)
      }
    }
  }
  t.ok(operations >= 11)
  t.ok(document.components.schemas.Problem)
})
