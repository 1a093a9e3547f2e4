import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { isProblemSlug, PROBLEM_TYPES, problemType, type ProblemSlug } from '../http/problem-types.js'
import { HttpProblem } from '../http/problem.js'
import { responses, success } from '../schemas/common.js'
import { ProblemTypeParams, ProblemTypeSchema } from '../schemas/problems.js'

const describe = (slug: ProblemSlug) => ({ type: problemType(slug), ...PROBLEM_TYPES[slug] })

/** The problem types' URIs answer: a client, or a person following a `type`, learns what it means. */
export default async function problemRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/problems',
    {
      config: { access: 'public' },
      schema: {
        tags: ['errors'],
        operationId: 'listProblemTypes',
        // Open to anyone, like the docs: no key is asked for.
        summary: 'Every kind of problem the API answers with',
        response: responses({ 200: success(Type.Array(ProblemTypeSchema), 'Every problem type.') }, 400),
      },
    },
    async () => (Object.keys(PROBLEM_TYPES) as ProblemSlug[]).map(describe),
  )

  app.get(
    '/problems/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['errors'],
        operationId: 'getProblemType',
        summary: 'What one kind of problem means (the `type` of a problem document points here)',
        params: ProblemTypeParams,
        response: responses({ 200: success(ProblemTypeSchema, 'The problem type.') }, 400, 404),
      },
    },
    async (request) => {
      const { slug } = request.params
      if (!isProblemSlug(slug)) throw new HttpProblem('not-found', `no problem type ${slug}`)
      return describe(slug)
    },
  )
}
