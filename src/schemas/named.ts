import { Type, type TSchema } from 'typebox'

/**
 * A schema with the name the OpenAPI document gives it: its `title`, under which the document lists it once
 * in components.schemas and refers to it everywhere else (src/http/openapi-shape.ts), so a generated
 * client has a type of that name. Validation and serialization ignore the title.
 */
export function named<T extends TSchema>(title: string, schema: T): T {
  return Type.With(schema, { title }) as unknown as T
}
