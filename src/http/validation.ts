import type { FastifySchemaCompiler } from 'fastify'
import { Ajv, type Options } from 'ajv'
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

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyValidator : textValidator).compile(schema)
