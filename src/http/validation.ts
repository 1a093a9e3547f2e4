import type { FastifySchemaCompiler } from 'fastify'
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv'
import addFormatsPlugin from 'ajv-formats'
import { isStorableDateTime } from '../schemas/date-time.js'

/**
 * Request validation. Query strings and path parameters arrive as text and are coerced to the types
 * their schemas declare; bodies are JSON and are taken as sent, so `"text": 123` is an error instead
 * of quietly becoming "123". Unknown properties are rejected, not stripped: a misspelt field must be
 * reported to the caller, not lost. Every error is collected so one response lists every bad field.
 */
const shared: Options = { allErrors: true, useDefaults: true, removeAdditional: false, strict: false }

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module namespace.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv

// ajv-formats' own date-time accepts dates the database cannot store or JavaScript cannot render
// back (year 0, leap seconds); every date input is held to what the whole system can keep instead.
const withFormats = (ajv: Ajv): Ajv => addFormats(ajv).addFormat('date-time', isStorableDateTime)

const bodyValidator = withFormats(new Ajv({ ...shared, coerceTypes: false }))
const textValidator = withFormats(new Ajv({ ...shared, coerceTypes: 'array' }))

// NUL, which Postgres refuses in any text, and a UTF-16 surrogate without its pair, which is no
// character at all and would be stored as U+FFFD: a different string from the one sent.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const UNSTORABLE_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates'

const pointerSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * Every string in a request part that no text column can hold, as Ajv-shaped errors, in document
 * order. A walk with a stack of its own, not recursion: a body nested a hundred thousand arrays deep
 * is valid JSON and overflowed the call stack (a 500) before the schema could refuse it.
 */
function unstorableStrings(data: unknown): ErrorObject[] {
  const found: ErrorObject[] = []
  const pending: Array<[value: unknown, path: string]> = [[data, '']]
  while (pending.length > 0) {
    const [value, path] = pending.pop()!
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) {
        found.push({ instancePath: path, schemaPath: '#', keyword: 'text', params: {}, message: UNSTORABLE_MESSAGE })
      }
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!
        pending.push([item, `${path}/${pointerSegment(key)}`])
      }
    }
  }
  return found
}

// Ajv coerces whatever JavaScript's Number() reads ("0x10", "1e1", " 16", "1.0" as an integer); a
// number in a query string or path is written in decimal digits, nothing else.
const DECIMAL: Record<string, RegExp> = { integer: /^-?\d+$/, number: /^-?\d+(\.\d+)?$/ }

/** The numeric properties of a query or path whose text Ajv would coerce though it is no decimal number. */
function nonDecimalNumbers(schema: object, data: unknown): ErrorObject[] {
  const { properties } = schema as { properties?: Record<string, { type?: unknown }> }
  if (!properties || data === null || typeof data !== 'object') return []
  return Object.entries(properties).flatMap(([key, property]) => {
    const value = (data as Record<string, unknown>)[key]
    const decimal = DECIMAL[String(property.type)]
    // Text that is no number at all is left to the schema's own type error.
    if (!decimal || typeof value !== 'string' || decimal.test(value) || value === '' || Number.isNaN(Number(value))) {
      return []
    }
    const message = `must be a decimal ${String(property.type)}`
    return [{ instancePath: `/${pointerSegment(key)}`, schemaPath: '#', keyword: 'type', params: {}, message }]
  })
}

/**
 * The schema's validator, then one check every string of every request part goes through, so no
 * route can forget it: a bad string is a 400 naming its field, never a 500 from the database.
 */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const validate = (httpPart === 'body' ? bodyValidator : textValidator).compile(schema)
  const check = ((data: unknown) => {
    // Before the schema's validator, which coerces query and path values in place.
    const nonDecimal = httpPart === 'body' ? [] : nonDecimalNumbers(schema, data)
    const valid = validate(data)
    const extra = [...nonDecimal, ...unstorableStrings(data)]
    check.errors = extra.length > 0 || !valid ? [...(validate.errors ?? []), ...extra] : null
    return check.errors === null
  }) as ValidateFunction
  return check
}
