import { named } from './named.js'
import { Type } from 'typebox'

export const ProblemTypeSchema = named(
  'ProblemType',
  Type.Object(
    {
      type: Type.String({
        description: 'the URI reference problems of this type carry',
        examples: ['/problems/validation'],
      }),
      status: Type.Integer({ description: 'the HTTP status they come with', examples: [400] }),
      title: Type.String({ examples: ['Bad Request'] }),
      description: Type.String({ examples: ['A field is missing, malformed or unknown; `errors` lists each one.'] }),
    },
    { additionalProperties: false },
  ),
)

export const ProblemTypeParams = Type.Object({
  slug: Type.String({
    pattern: '^[a-z-]{1,40}$',
    description: 'the last segment of the type: validation, not-found, …',
  }),
})
