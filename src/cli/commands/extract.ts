import { once } from 'node:events'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { extractQuotes } from '../../domain/extraction/index.js'

export interface ExtractRunSummary {
  documents: number
  /** Lines that could not be read or extracted, each reported on its own output line. */
  failed: number
  characters: number
  /** Time spent inside extractQuotes only, in milliseconds. */
  extractMs: number
}

type DocumentId = string | number

interface ParsedLine {
  id: DocumentId | null
  text?: string
  error?: string
}

function parseLine(line: string): ParsedLine {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return { id: null, error: `invalid JSON: ${(error as Error).message}` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: null, error: 'expected a JSON object with "id" and "text"' }
  }
  const record = value as Record<string, unknown>
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null
  if (id === null) return { id: null, error: '"id" must be a string or a number' }
  if (typeof record.text !== 'string') return { id, error: '"text" must be a string' }
  return { id, text: record.text }
}

async function writeLine(output: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!output.write(`${JSON.stringify(value)}\n`)) await once(output, 'drain')
}

/**
 * Reads JSON lines `{"id","text"}` and writes one line per input line: `{"id","quotes"}`, or
 * `{"id","line","error"}` for a line that cannot be read, so one bad document never stops a batch.
 */
export async function runExtract(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<ExtractRunSummary> {
  const summary: ExtractRunSummary = { documents: 0, failed: 0, characters: 0, extractMs: 0 }
  const lines = createInterface({ input, crlfDelay: Infinity })
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    if (line.trim() === '') continue
    const parsed = parseLine(line)
    if (parsed.text === undefined) {
      summary.failed++
      await writeLine(output, { id: parsed.id, line: lineNumber, error: parsed.error })
      continue
    }
    const started = performance.now()
    let quotes: ReturnType<typeof extractQuotes>
    try {
      quotes = extractQuotes(parsed.text)
    } catch (error) {
      // A document the extractor cannot read is a bug to report, not a reason to stop the batch.
      summary.failed++
      await writeLine(output, {
        id: parsed.id,
        line: lineNumber,
        error: `extraction failed: ${(error as Error).message}`,
      })
      continue
    }
    summary.extractMs += performance.now() - started
    summary.documents++
    summary.characters += parsed.text.length
    await writeLine(output, { id: parsed.id, quotes })
  }
  return summary
}
