import type { FastifyError, FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { NDJSON, parseBatch, streamBatch, type BatchLine, type BatchResult } from '../../http/ndjson-batch.js'
import { toProblem } from '../../http/problem-document.js'
import { HttpProblem } from '../../http/problem.js'
import { validatorCompiler } from '../../http/validation.js'
import { IngestArticleBody, type IngestArticleInput } from '../../schemas/articles.js'
import { ArticleBatchResultSchema, VerifyBatchResultSchema } from '../../schemas/batch.js'
import { VerifyBody, type VerifyInput } from '../../schemas/claims.js'
import { SCOPED_BODY_PROBLEMS, responses } from '../../schemas/common.js'
import { ingestArticle } from '../../services/articles.js'
import { verifyQuote } from '../../services/claims.js'

/** An NDJSON request body as OpenAPI states it: each line is one `item`. */
const ndjsonBody = (item: TSchema, description: string) => ({
  description,
  content: { [NDJSON]: { schema: item } },
})

/** The 200 of a batch: an NDJSON stream of result lines, one per input line. */
const ndjsonAnswer = (item: TSchema, description: string) => ({
  description,
  headers: { 'x-request-id': { type: 'string', description: 'the id of this request in the service log' } },
  content: { [NDJSON]: { schema: item } },
})

// The lines are validated one at a time in the handler, each against the single route's schema, so
// that one bad line is that line's problem and not the whole batch's; the body schema only documents them.
const linesValidatedOneByOne: FastifySchemaCompiler<object> = (route) =>
  route.httpPart === 'body' ? () => true : validatorCompiler(route)

/** A line's value checked against `schema` as the single route checks its body; the error handler's error. */
function invalidLine(check: ReturnType<typeof validatorCompiler>, value: unknown): FastifyError | null {
  if (check(value) === true) return null
  const { errors } = check as unknown as { errors: FastifyError['validation'] }
  return Object.assign(new Error('invalid line'), { validation: errors, validationContext: 'body' }) as FastifyError
}

/**
 * The lines of a batch; a request with none (no body, or only blank lines) is refused: it is a mistake,
 * and answering it 200 with nothing would hide that.
 */
function batchLines(request: FastifyRequest): BatchLine[] {
  const lines = request.body as BatchLine[] | undefined
  if (lines === undefined || lines.length === 0) {
    throw new HttpProblem(
      'malformed-body',
      'a batch is an application/x-ndjson body of one JSON value a line; this one has none',
    )
  }
  return lines
}

/**
 * The bulk routes: an NDJSON body of lines, each what the single route takes, answered by an NDJSON
 * stream of `{line, status, <result>|problem}` in order. NDJSON rather than a JSON array, both ways: a
 * client can write a batch as it reads its file and read the answers as they come (a long batch shows
 * progress and holds no array in memory on either side), and a line that cannot be read stays one
 * line's problem. The whole batch is refused (a problem, before any line is done) only for what is
 * wrong with all of it: no key, too many lines, too large a body, not NDJSON.
 */
export default async function batchRoutes(fastify: FastifyInstance): Promise<void> {
  const { BATCH_MAX_LINES, BATCH_BODY_LIMIT, BODY_LIMIT } = fastify.config
  // In this plugin only: a batch is NDJSON and nothing else (a JSON array is 415 here), and every other
  // route still answers an NDJSON body 415.
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser(NDJSON, { parseAs: 'string', bodyLimit: BATCH_BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, parseBatch(body as string, BATCH_MAX_LINES))
    } catch (error) {
      done(error as Error, undefined)
    }
  })

  /** One line's answer: its result, or the problem the single route would have answered. */
  function answerLine<Input, Key extends string>(
    request: FastifyRequest,
    schema: TSchema,
    key: Key,
    run: (input: Input) => Promise<{ status: number; result: unknown }>,
  ): (line: BatchLine) => Promise<BatchResult<Key>> {
    const check = validatorCompiler({ schema, method: 'POST', url: request.url, httpPart: 'body' })
    return async (line) => {
      try {
        if ('unreadable' in line) throw new HttpProblem('malformed-body', `the line is not JSON: ${line.unreadable}`)
        if (JSON.stringify(line.value).length > BODY_LIMIT) {
          throw new HttpProblem('body-too-large', `the line is over BODY_LIMIT (${BODY_LIMIT} bytes)`)
        }
        const invalid = invalidLine(check, line.value)
        if (invalid) throw invalid
        const { status, result } = await run(line.value as Input)
        return { line: line.line, status, [key]: result } as BatchResult<Key>
      } catch (error) {
        const problem = toProblem(error as FastifyError, request.url)
        return { line: line.line, status: problem.status, problem } as BatchResult<Key>
      }
    }
  }

  fastify.post(
    '/articles::batch',
    {
      config: { access: 'ingest' },
      bodyLimit: BATCH_BODY_LIMIT,
      validatorCompiler: linesValidatedOneByOne,
      schema: {
        tags: ['articles'],
        operationId: 'ingestArticleBatch',
        summary: 'Ingest many articles: NDJSON in, one result per line out',
        description: `Each line is an article as POST /v1/articles takes it (\`text\` or \`html\`), at most BATCH_MAX_LINES (${BATCH_MAX_LINES} here) lines. The answer is 200 and an NDJSON stream of one line per input line, in order, each written when its line is done: \`{line, status, article}\` with the status the line alone would have had (201 created, 200 unchanged or revised), or \`{line, status, problem}\`. A bad line does not stop the others; the lines done before a failure stay done, so a batch can be sent again whole (done lines answer "unchanged").`,
        body: ndjsonBody(IngestArticleBody, 'one article a line, as POST /v1/articles takes it'),
        response: responses(
          { 200: ndjsonAnswer(ArticleBatchResultSchema, 'One result per input line, in order, as NDJSON.') },
          ...SCOPED_BODY_PROBLEMS,
        ),
      },
    },
    async (request, reply) => {
      const runLine = answerLine<IngestArticleInput, 'article'>(
        request,
        IngestArticleBody,
        'article',
        async (input) => {
          const article = await ingestArticle(fastify.db, input, request.actor ?? 'anonymous', {
            extract: fastify.extractQuotes,
            readPage: fastify.readArticlePage,
            log: request.log,
          })
          return { status: article.status === 'created' ? 201 : 200, result: article }
        },
      )
      return reply.type(NDJSON).send(streamBatch(request, batchLines(request), runLine))
    },
  )

  fastify.post(
    '/verify::batch',
    {
      // Stores nothing, so it is a read as far as keys go, like POST /v1/verify.
      config: { access: 'read' },
      bodyLimit: BATCH_BODY_LIMIT,
      validatorCompiler: linesValidatedOneByOne,
      schema: {
        tags: ['claims'],
        operationId: 'verifyQuoteBatch',
        summary: 'Check many quotes against the record: NDJSON in, one verdict per line out (nothing is stored)',
        description: `Each line is \`{text, speaker?}\` as POST /v1/verify takes it, at most BATCH_MAX_LINES (${BATCH_MAX_LINES} here) lines. The answer is 200 and an NDJSON stream of one line per input line, in order: \`{line, status: 200, verification}\` or \`{line, status, problem}\` (an unknown speaker, a malformed line).`,
        body: ndjsonBody(VerifyBody, 'one quote a line, as POST /v1/verify takes it'),
        response: responses(
          { 200: ndjsonAnswer(VerifyBatchResultSchema, 'One verdict per input line, in order, as NDJSON.') },
          400,
          401,
          413,
          415,
        ),
      },
    },
    async (request, reply) => {
      const runLine = answerLine<VerifyInput, 'verification'>(request, VerifyBody, 'verification', async (input) => ({
        status: 200,
        result: await verifyQuote(fastify.prisma, input),
      }))
      return reply.type(NDJSON).send(streamBatch(request, batchLines(request), runLine))
    },
  )
}
