import type { FastifyInstance, InjectOptions } from 'fastify'
import t from 'tap'
import { isProblemSlug, PROBLEM_TYPES } from '../../src/http/problem-types.js'
import { createRandom } from '../../src/domain/claims/index.js'
import {
  hostileAuthorizations,
  hostileBodies,
  hostileJsonValues,
  hostileUrlValues,
} from '../fixtures/hostile-inputs.js'
import { authorized, buildApp, ingestSeeds, tableCounts } from '../helper.js'

/**
 * Every route and every parameter the served OpenAPI document declares, fed hostile values: the
 * service must never answer 5xx, must refuse in problem+json of a bounded size, and a refusal must
 * change no table. The seed is fixed, so a failure names a case that fails again on every run.
 */

const SEED = 0x5eed
const MIN_CASES = 800
/** A refusal explains itself in a few lines; a client that sent megabytes must not get megabytes back. */
const MAX_PROBLEM_BYTES = 64 * 1024

/** A problem's type is about:blank (a bug) or one of the catalogue's, with the status it documents. */
const isDescribed = (type: string, status: number): boolean => {
  if (type === 'about:blank') return status === 500
  const slug = type.replace(/^\/problems\//, '')
  return isProblemSlug(slug) && PROBLEM_TYPES[slug].status === status
}

interface Parameter {
  name: string
  in: 'path' | 'query'
}
interface JsonSchema {
  $ref?: string
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  examples?: unknown[]
  enum?: unknown[]
}
interface Operation {
  method: string
  path: string
  parameters: Parameter[]
  body?: JsonSchema
  needsKey: boolean
}

/** The document's named schemas stand behind `$ref`s: the fuzzing reads through them. */
function dereferenced(schema: JsonSchema | undefined, components: Record<string, JsonSchema>): JsonSchema | undefined {
  if (schema === undefined) return undefined
  const target = schema.$ref ? components[schema.$ref.replace('#/components/schemas/', '')] : schema
  if (target === undefined) throw new Error(`unresolved ${schema.$ref}`)
  const properties = target.properties
  if (properties === undefined) return target
  return {
    ...target,
    properties: Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, dereferenced(property, components)!]),
    ),
  }
}

function operationsOf(document: {
  components: { schemas: Record<string, JsonSchema> }
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[]
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
        security?: object[]
      }
    >
  >
}): Operation[] {
  const operations: Operation[] = []
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: dereferenced(operation.requestBody?.content?.['application/json']?.schema, document.components.schemas),
        // Reads list an empty requirement beside the key: only writes need one.
        needsKey:
          (operation.security ?? []).length > 0 && !operation.security!.some((s) => Object.keys(s).length === 0),
      })
    }
  }
  return operations
}

/** The paths to every field of a body schema, nested objects included: [['url'], ['outlet'], ['outlet', 'name'], …]. */
function fieldPaths(schema: JsonSchema, prefix: string[] = []): string[][] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [
    [...prefix, name],
    ...fieldPaths(property, [...prefix, name]),
  ])
}

function withField(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path
  if (rest.length === 0) return { ...body, [head!]: value }
  const inner = (body[head!] ?? {}) as Record<string, unknown>
  return { ...body, [head!]: withField(inner, rest, value) }
}

interface Case {
  name: string
  request: InjectOptions
}

t.test('hostile values for every route and parameter: no 5xx, bounded problem+json, nothing stored', async (t) => {
  const app: FastifyInstance = await buildApp(t, { RATE_LIMIT_MAX: '1000000' })
  const articles = await ingestSeeds(app)
  const articleId = articles.get('000')!
  const claimId = (await app.inject({ url: '/v1/claims?limit=1' })).json().items[0].id as string
  const speakerId = (await app.inject({ url: '/v1/speakers?limit=1' })).json().items[0].id as string
  const outletId = (await app.inject({ url: '/v1/outlets?limit=1' })).json().items[0].id as string
  const article = (await app.inject({ url: `/v1/articles/${articleId}` })).json()
  const validIds: Record<string, string> = {
    articles: articleId,
    claims: claimId,
    speakers: speakerId,
    outlets: outletId,
  }
  // Valid bodies, each hostile case changes one thing in them.
  const validBodies: Record<string, Record<string, unknown>> = {
    '/v1/articles': {
      url: 'https://fuzz.example/one',
      outlet: { name: 'Fuzz Gazette', domain: 'fuzz.example', kind: 'news' },
      title: 'A title',
      author: 'An author',
      publishedAt: '2025-05-03T18:30:00Z',
      language: 'en',
      text: '“We will keep the river clean,” Mayor Ilsa Brandt said on Tuesday.',
    },
    '/v1/verify': { text: 'We will keep the river clean', speaker: 'Ilsa Brandt' },
    '/v1/extract': { text: '“We will keep the river clean,” Mayor Ilsa Brandt said.' },
  }
  t.ok(article.id, 'a seed article to address')

  const document = (await app.inject({ url: '/openapi.json' })).json()
  const operations = operationsOf(document)
  const random = createRandom(SEED)
  const cases: Case[] = []
  const pathWith = (operation: Operation, values: Record<string, string>) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name in values) return values[name]!
      const collection = operation.path.split('/')[2]!
      return validIds[collection]!
    })
  const headersFor = (operation: Operation) => (operation.method === 'GET' ? {} : authorized)

  for (const operation of operations) {
    const base = pathWith(operation, {})
    cases.push(
      {
        name: `${operation.method} ${operation.path} an undeclared query parameter`,
        request: {
          method: operation.method as 'GET',
          url: `${base}?undeclared=%00&__proto__=1`,
          headers: headersFor(operation),
        },
      },
      {
        name: `${operation.method} ${operation.path} another method: PATCH`,
        request: { method: 'PATCH', url: base, headers: authorized, payload: {} },
      },
    )
    for (const parameter of operation.parameters) {
      for (const [kind, encoded] of hostileUrlValues(random)) {
        const url =
          parameter.in === 'path'
            ? pathWith(operation, { [parameter.name]: encoded })
            : `${pathWith(operation, {})}?${parameter.name}=${encoded}`
        const request: InjectOptions = { method: operation.method as 'GET', url, headers: headersFor(operation) }
        cases.push({
          name: `${operation.method} ${operation.path} ${parameter.in} ${parameter.name}: ${kind}`,
          request,
        })
      }
      if (parameter.in === 'query') {
        cases.push({
          name: `${operation.method} ${operation.path} query ${parameter.name}: given twice`,
          request: { url: `${pathWith(operation, {})}?${parameter.name}=1&${parameter.name}=2` },
        })
      }
    }
    if (operation.body) {
      const valid = validBodies[operation.path]!
      const url = pathWith(operation, {})
      for (const field of fieldPaths(operation.body)) {
        for (const [kind, value] of hostileJsonValues(random)) {
          cases.push({
            name: `${operation.method} ${operation.path} body ${field.join('.')}: ${kind}`,
            request: { method: 'POST', url, headers: authorized, payload: withField(valid, field, value) },
          })
        }
      }
      cases.push({
        name: `${operation.method} ${operation.path} body: an unknown field`,
        request: { method: 'POST', url, headers: authorized, payload: { ...valid, unknownField: 1 } },
      })
      for (const [kind, contentType, body] of hostileBodies) {
        cases.push({
          name: `${operation.method} ${operation.path} whole body: ${kind}`,
          request: {
            method: 'POST',
            url,
            headers: { ...authorized, ...(contentType ? { 'content-type': contentType } : {}) },
            payload: body,
          },
        })
      }
    }
    if (operation.needsKey) {
      for (const [kind, header] of hostileAuthorizations) {
        cases.push({
          name: `${operation.method} ${operation.path} authorization: ${kind}`,
          request: {
            method: operation.method as 'POST',
            url: pathWith(operation, {}),
            headers: { authorization: header },
            payload: validBodies[operation.path],
          },
        })
      }
    }
  }
  t.ok(cases.length >= MIN_CASES, `${cases.length} cases (at least ${MIN_CASES})`)
  const routesCovered = new Set(cases.map((c) => c.name.split(' ').slice(0, 2).join(' ')))
  t.equal(routesCovered.size, operations.length, 'every operation of the document is fuzzed')

  let counts = await tableCounts(app)
  const failures: string[] = []
  for (const { name, request } of cases) {
    const response = await app.inject(request)
    const status = response.statusCode
    if (status >= 500) {
      failures.push(`${name}: ${status} ${response.body.slice(0, 200)}`)
      continue
    }
    if (status < 400) {
      counts = await tableCounts(app) // accepted: what it stored is the new baseline
      continue
    }
    const problem = (() => {
      try {
        return response.json()
      } catch {
        return undefined
      }
    })()
    if (!/^application\/problem\+json/.test(String(response.headers['content-type'])))
      failures.push(`${name}: ${status} answered as ${response.headers['content-type']}`)
    else if (problem?.status !== status || typeof problem.type !== 'string' || typeof problem.title !== 'string')
      failures.push(`${name}: ${status} is not a problem document: ${response.body.slice(0, 200)}`)
    else if (response.rawPayload.length > MAX_PROBLEM_BYTES)
      failures.push(`${name}: ${status} answer of ${response.rawPayload.length} bytes`)
    else if (!isDescribed(problem.type, status))
      failures.push(
        `${name}: ${status} has type ${problem.type}, which GET /problems does not describe with that status`,
      )
    const after = await tableCounts(app)
    if (JSON.stringify(after) !== JSON.stringify(counts)) {
      failures.push(`${name}: refused with ${status} but the tables changed`)
      counts = after
    }
  }
  t.same(failures, [], `${cases.length} hostile requests`)
})
