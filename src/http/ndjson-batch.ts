import { Readable } from 'node:stream'
import type { FastifyRequest } from 'fastify'
import { HttpProblem } from './problem.js'

/** The media type of a batch, in and out: one JSON value a line (https://github.com/ndjson/ndjson-spec). */
export const NDJSON = 'application/x-ndjson'

/** One non-blank line of a batch: its 1-based number in the body, and its value or why it has none. */
export type BatchLine = { line: number; value: unknown } | { line: number; unreadable: string }

/**
 * The lines of an NDJSON body. A line that is not JSON is kept, with the reason, so that its answer
 * says so and the others are still done; blank lines are skipped but counted, so a line's number is
 * the one an editor shows. More lines than `maxLines` refuses the whole batch before any is done.
 */
export function parseBatch(body: string, maxLines: number): BatchLine[] {
  const lines: BatchLine[] = []
  const texts = body.split('\n')
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index]!.trim()
    if (text === '') continue
    if (lines.length === maxLines) {
      throw new HttpProblem(
        'batch-too-large',
        `a batch holds at most ${maxLines} lines (BATCH_MAX_LINES); send the rest in another batch`,
      )
    }
    try {
      lines.push({ line: index + 1, value: JSON.parse(text) })
    } catch (error) {
      lines.push({ line: index + 1, unreadable: (error as Error).message })
    }
  }
  return lines
}

/** What one line of a batch answers: its number, the status it would have had alone, and its result. */
export type BatchResult<Key extends string> = { line: number; status: number } & Partial<
  Record<Key | 'problem', unknown>
>

/**
 * The answer to a batch as a stream of NDJSON lines, one per input line in order, each written as soon
 * as its line is done: a client sees progress on a long batch, and the server holds one result at a time.
 * A line that fails answers its problem and the next line goes on. A client that goes away stops the
 * batch after the line in hand (lines done stay done).
 */
export function streamBatch<Key extends string>(
  request: FastifyRequest,
  lines: BatchLine[],
  runLine: (line: BatchLine) => Promise<BatchResult<Key>>,
): Readable {
  async function* results(): AsyncGenerator<string> {
    for (const line of lines) {
      const result = await runLine(line)
      if (result.status >= 500) request.log.error({ line: line.line, problem: result.problem }, 'batch line failed')
      yield `${JSON.stringify(result)}\n`
    }
  }
  return Readable.from(results(), { objectMode: false })
}
