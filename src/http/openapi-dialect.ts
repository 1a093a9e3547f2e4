/**
 * OpenAPI 3.1 schemas are JSON Schema 2020-12; TypeBox writes a tuple in the draft-07 form that the
 * app's request validation reads (`items` as an array, `additionalItems`). The document is turned into
 * the 2020-12 form (`prefixItems`, `items: false`) on its way out, so generators and linters read
 * tuples as tuples; the validation keeps the schemas it was given.
 */
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
