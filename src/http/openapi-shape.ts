/**
 * The OpenAPI document as generators and linters read it, made from what @fastify/swagger builds:
 *
 * - OpenAPI 3.1 schemas are JSON Schema 2020-12; TypeBox writes a tuple in the draft-07 form that the app's
 *   request validation reads (`items` as an array, `additionalItems`). Tuples become `prefixItems` with
 *   `items: false`; the validation keeps the schemas it was given.
 * - A schema with a title (src/schemas/named.ts) is listed once under components.schemas by that name, and
 *   referred to by `$ref` wherever a route used it, so a generated client has one named type for it.
 */
export function shapeOpenApiDocument<T extends { paths?: unknown; components?: { schemas?: object } }>(document: T): T {
  const converted = toJsonSchema2020(document)
  const named: Record<string, unknown> = {}
  const paths = hoistNamed(converted.paths, named)
  const existing = (converted.components?.schemas ?? {}) as Record<string, unknown>
  for (const name of Object.keys(named)) {
    if (name in existing) throw new Error(`two schemas are named ${name} in the OpenAPI document`)
  }
  return { ...converted, paths, components: { ...converted.components, schemas: { ...existing, ...named } } }
}

/** Tuples in the 2020-12 form, everywhere in the document. */
export function toJsonSchema2020<T>(document: T): T {
  return convert(document) as T
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  const source = value as Record<string, unknown>
  const tuple = Array.isArray(source.items)
  for (const [key, member] of Object.entries(source)) {
    if (tuple && key === 'items') out.prefixItems = convert(member)
    else if (tuple && key === 'additionalItems') out.items = convert(member)
    else out[key] = convert(member)
  }
  return out
}

/** Example values are data, not schemas: a `title` in them names nothing. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'const', 'enum'])

function hoistNamed(value: unknown, named: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((member) => hoistNamed(member, named))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(value)) out[key] = DATA_KEYS.has(key) ? member : hoistNamed(member, named)
  const title = out.title
  if (typeof title !== 'string') return out
  const known = named[title] as Record<string, unknown> | undefined
  // Where a named schema is a whole response body, @fastify/swagger has moved its examples to the media
  // type: that copy is the same schema, and the component keeps the examples.
  if (known !== undefined && JSON.stringify(withoutExamples(known)) !== JSON.stringify(withoutExamples(out))) {
    throw new Error(`two different schemas are named ${title} in the OpenAPI document`)
  }
  if (known === undefined || known.examples === undefined) named[title] = out
  return { $ref: `#/components/schemas/${title}` }
}

function withoutExamples(schema: Record<string, unknown>): Record<string, unknown> {
  const { examples: _examples, ...rest } = schema
  return rest
}
