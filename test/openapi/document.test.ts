import { readFile } from 'node:fs/promises'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsPlugin from 'ajv-formats'
import t from 'tap'
import Fastify from 'fastify'
import { loadConfig } from '../../src/config.js'
import { shapeOpenApiDocument, toJsonSchema2020 } from '../../src/http/openapi-shape.js'
import { buildOpenApiDocument, OPENAPI_FILE } from '../../src/openapi-document.js'
import configPlugin from '../../src/plugins/config.js'
import swaggerPlugin from '../../src/plugins/swagger.js'
import { buildApp } from '../helper.js'

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
        const problem = response.content?.['application/problem+json'] as { example?: { status?: number } } | undefined
        if (Number(status) >= 400) t.ok(problem, `${name} ${status} is problem+json`)
        if (problem) t.equal(problem.example?.status, Number(status), `${name} ${status} has an example of its own`)
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

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module namespace.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020

t.test('every example in the document is valid against the schema it illustrates', async (t) => {
  const document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8'))
  // The document's own dialect, JSON Schema 2020-12 (OpenAPI 3.1; tuples as prefixItems).
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(document, 'openapi')
  let checked = 0
  const check = (schemaPointer: string, example: unknown, where: string) => {
    const validate = ajv.compile({ $ref: `openapi#${schemaPointer}` })
    checked++
    t.ok(validate(example), `${where}: ${ajv.errorsText(validate.errors)}`)
  }
  // Examples sit on schemas (`examples`: an array) and, for whole bodies, on the media type
  // (`example` next to its `schema`, where @fastify/swagger moves a body schema's own example, or
  // `examples`, a map of Example Objects, when it has several).
  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object') return
    const { examples, example, schema } = node as { examples?: unknown; example?: unknown; schema?: unknown }
    if (Array.isArray(examples) && !pointer.endsWith('/examples')) {
      for (const value of examples) check(pointer, value, pointer)
    }
    if (example !== undefined && schema !== undefined) check(`${pointer}/schema`, example, `${pointer}/example`)
    // Several whole-body examples become the media type's map of Example Objects.
    if (examples && !Array.isArray(examples) && typeof examples === 'object' && schema !== undefined) {
      for (const [name, value] of Object.entries(examples as Record<string, { value: unknown }>)) {
        check(`${pointer}/schema`, value.value, `${pointer}/examples/${name}`)
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'examples' || key === 'example') continue
      visit(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    }
  }
  visit(document, '')
  t.ok(checked >= 20, `${checked} examples checked`)
  // Every response an editor or a script reads first has a whole example.
  for (const [path, method] of [
    ['/v1/articles', 'post'],
    ['/v1/articles/{id}/quotes', 'get'],
    ['/v1/claims', 'get'],
    ['/v1/claims/{id}', 'get'],
    ['/v1/verify', 'post'],
    ['/v1/outlets/{id}/scorecard', 'get'],
  ] as const) {
    const body = document.paths[path][method].responses['200'].content['application/json']
    // Named schemas sit in components: their examples are there, one reference away.
    const text = JSON.stringify(body.schema)
    const referenced = [...text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map(([, name]) =>
      JSON.stringify(document.components.schemas[name as string]),
    )
    t.ok(
      body.example !== undefined ||
        body.examples !== undefined ||
        [text, ...referenced].some((schema) => /"examples":\[\{/.test(schema)),
      `${method.toUpperCase()} ${path} has a response example`,
    )
  }
})

interface DocumentedParameter {
  name: string
  in: string
  required?: boolean
  schema?: { default?: unknown }
}

interface DocumentedOperation {
  operationId?: string
  parameters?: DocumentedParameter[]
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>
}

t.test(
  'a client generator can work with it: ids, optional defaults, described answers and their headers',
  async (t) => {
    const document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8'))
    t.same(document.servers, [{ url: '/', description: 'this server' }])
    const ids = new Set<string>()
    for (const [path, item] of Object.entries<Record<string, DocumentedOperation>>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`
        t.match(operation.operationId, /^[a-z][A-Za-z]+$/, `${name} has a camelCase operationId`)
        t.notOk(ids.has(operation.operationId as string), `${name}: its operationId is its own`)
        ids.add(operation.operationId as string)
        for (const parameter of operation.parameters ?? []) {
          if (parameter.schema?.default !== undefined)
            t.notOk(parameter.required, `${name}: ${parameter.name} has a default, so it is optional`)
        }
        for (const [status, response] of Object.entries(operation.responses)) {
          t.not(response.description, 'Default Response', `${name} ${status} says what it is`)
          t.notMatch(response.description, /<[a-z]/i, `${name} ${status}: no text a renderer takes for HTML`)
          t.ok(response.headers?.['x-request-id'], `${name} ${status} declares x-request-id`)
          if (status === '201' || status === '308')
            t.ok(response.headers?.location, `${name} ${status} declares location`)
          if (status === '429' || status === '503')
            t.ok(response.headers?.['retry-after'], `${name} ${status} declares retry-after`)
        }
      }
    }
  },
)

t.test('a documented route without an operationId, or with another route’s, stops the app from starting', async (t) => {
  // The swagger plugin alone (it needs only the configuration): no database is opened.
  const bare = async () => {
    const app = Fastify()
    t.teardown(() => app.close())
    await app.register(configPlugin, { config: loadConfig({}) })
    await app.register(swaggerPlugin)
    return app
  }
  const undocumented = await bare()
  t.throws(
    () => undocumented.get('/v1/undocumented', { schema: { summary: 'no id' } }, async () => ({})),
    /GET \/v1\/undocumented declares no schema.operationId/,
  )
  const twins = await bare()
  twins.get('/v1/one', { schema: { operationId: 'getThing' } }, async () => ({}))
  t.throws(
    () => twins.get('/v1/two', { schema: { operationId: 'getThing' } }, async () => ({})),
    /operationId getThing is declared twice/,
  )
  twins.get('/v1/hidden', { schema: { hide: true } }, async () => ({}))
  t.pass('a hidden route needs no id')
})

t.test('schemas are JSON Schema 2020-12: tuples as prefixItems, no draft-07 forms', async (t) => {
  const text = await readFile(OPENAPI_FILE, 'utf8')
  t.notMatch(text, /"additionalItems"/)
  t.notMatch(text, /"items":\s*\[/, 'no array-valued items')
  t.match(text, /"prefixItems"/, 'the spans are tuples')
  t.same(
    toJsonSchema2020({ a: [{ type: 'array', items: [{ type: 'integer' }], additionalItems: false, minItems: 1 }] }),
    {
      a: [{ type: 'array', prefixItems: [{ type: 'integer' }], items: false, minItems: 1 }],
    },
  )
  t.same(toJsonSchema2020({ type: 'array', items: { type: 'string' } }), { type: 'array', items: { type: 'string' } })
})

t.test('named schemas are listed once in components and referred to by $ref', async (t) => {
  const document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8'))
  for (const name of ['Article', 'Claim', 'ClaimSummary', 'Quote', 'Speaker', 'Outlet', 'Verification', 'Scorecard'])
    t.ok(document.components.schemas[name], `${name} is a component`)
  const claim = document.paths['/v1/claims/{id}'].get.responses['200'].content['application/json'].schema
  t.same(claim, { $ref: '#/components/schemas/Claim' })
  const inline: string[] = []
  const walk = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object') return
    if (typeof (node as { title?: unknown }).title === 'string') inline.push(pointer)
    for (const [key, value] of Object.entries(node))
      if (key !== 'example' && key !== 'examples') walk(value, `${pointer}/${key}`)
  }
  walk(document.paths, '#/paths')
  t.same(inline, [], 'no titled schema is left inline')

  const shaped = shapeOpenApiDocument({
    paths: {
      '/a': { get: { x: { title: 'Thing', type: 'object', examples: [{ title: 'data, not a schema' }] } } },
      '/b': { get: { x: { title: 'Thing', type: 'object', examples: [{ title: 'data, not a schema' }] } } },
    },
    components: { schemas: { Problem: { type: 'object' } } },
  })
  t.same(shaped.paths, {
    '/a': { get: { x: { $ref: '#/components/schemas/Thing' } } },
    '/b': { get: { x: { $ref: '#/components/schemas/Thing' } } },
  })
  t.same(Object.keys(shaped.components.schemas), ['Problem', 'Thing'])
  t.throws(
    () =>
      shapeOpenApiDocument({
        paths: { '/a': { x: { title: 'Thing', type: 'object' }, y: { title: 'Thing', type: 'string' } } },
      }),
    /two different schemas are named Thing/,
  )
  t.throws(
    () =>
      shapeOpenApiDocument({ paths: { '/a': { x: { title: 'Problem' } } }, components: { schemas: { Problem: {} } } }),
    /two schemas are named Problem/,
  )
})
