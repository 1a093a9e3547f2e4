import { Type, type TSchema } from 'typebox'
import { named } from './named.js'
import { IngestResultSchema } from './resources.js'
import { VerifyResponse } from './claims.js'
import { INGEST_RESULT_EXAMPLE, VERIFY_EXAMPLE } from './examples.js'

const line = Type.Integer({ minimum: 1, description: 'the line’s number in the request body (blank lines count)' })
const status = Type.Integer({
  description: 'the HTTP status the line would have been answered with alone: 201 or 200 when it was done',
})
const problem = Type.Ref('Problem', { description: 'why the line was not done, as the line alone would be told' })

/** One line of a batch's answer: the result of the line, or its problem. */
const resultLine = <T extends TSchema>(
  title: string,
  key: string,
  result: T,
  description: string,
  examples: unknown[],
) =>
  named(
    title,
    Type.Object(
      { line, status, [key]: Type.Optional(result), problem: Type.Optional(problem) },
      { description, examples },
    ),
  )

/**
 * The OpenAPI document moves a response's own examples to its media type; nested in a result line the
 * schema must be the same without them, or it would be two different schemas under one name.
 */
function withoutExamples<T extends TSchema>(schema: T): T {
  const { examples: _examples, ...rest } = schema as T & { examples?: unknown }
  return rest as T
}

/** A line of a batch that could not be read, as its answer says so. */
const MALFORMED_LINE_EXAMPLE = {
  line: 2,
  status: 400,
  problem: {
    type: '/problems/malformed-body',
    title: 'Bad Request',
    status: 400,
    detail: 'the line is not JSON: Unexpected token \'o\', "not json" is not valid JSON',
  },
}

export const ArticleBatchResultSchema = resultLine(
  'ArticleBatchResult',
  'article',
  withoutExamples(IngestResultSchema),
  'one line of the answer to POST /v1/articles:batch: `article` (as POST /v1/articles answers) or `problem`',
  [{ line: 1, status: 201, article: INGEST_RESULT_EXAMPLE }, MALFORMED_LINE_EXAMPLE],
)

export const VerifyBatchResultSchema = resultLine(
  'VerificationBatchResult',
  'verification',
  withoutExamples(VerifyResponse),
  'one line of the answer to POST /v1/verify:batch: `verification` (as POST /v1/verify answers) or `problem`',
  [{ line: 1, status: 200, verification: VERIFY_EXAMPLE }, MALFORMED_LINE_EXAMPLE],
)
