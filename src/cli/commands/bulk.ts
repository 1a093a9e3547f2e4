import { readFile, rename, writeFile } from 'node:fs/promises'
import { UsageError } from '../usage-error.js'

/** What `verbatim ingest` and `verbatim verify` send each line of their file to. */
export const BULK_ROUTES = { ingest: '/v1/articles:batch', verify: '/v1/verify:batch' } as const
export type BulkCommand = keyof typeof BULK_ROUTES

export interface BulkOptions {
  file: string
  /** the API's base address */
  api: string
  key: string | undefined
  /** lines sent in one request */
  batch: number
  json: boolean
  resume: boolean
  /** where the lines done are recorded */
  statePath: string
}

export const DEFAULT_API = 'http://127.0.0.1:3000'
export const DEFAULT_BATCH = 50
/** The server refuses batches over BATCH_MAX_LINES (100 unless configured): more than that is its business. */
export const MAX_BATCH = 10_000

/**
 * The options of `verbatim ingest|verify FILE`. The key and the address may come from the environment
 * (VERBATIM_API_KEY, VERBATIM_API_URL) so that a key need not appear in a command line others can list.
 */
export function parseBulkArgs(
  command: BulkCommand,
  args: string[],
  env: Record<string, string | undefined>,
): BulkOptions {
  let file: string | undefined
  const values: Record<string, string> = {}
  const flags = new Set<string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--json' || arg === '--resume') flags.add(arg)
    else if (['--api', '--key', '--batch', '--state'].includes(arg)) {
      const value = args[++i]
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`verbatim ${command}: ${arg} needs a value`)
      values[arg] = value
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`verbatim ${command}: unknown option ${arg}`)
    else if (file === undefined) file = arg
    else throw new UsageError(`verbatim ${command}: one file at a time (${file}, then ${arg})`)
  }
  if (file === undefined) throw new UsageError(`verbatim ${command}: which FILE.jsonl? (verbatim ${command} --help)`)
  const batch = Number(values['--batch'] ?? DEFAULT_BATCH)
  if (!Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH) {
    throw new UsageError(`verbatim ${command}: --batch must be a whole number from 1 to ${MAX_BATCH}`)
  }
  const api = values['--api'] ?? env.VERBATIM_API_URL ?? DEFAULT_API
  if (!/^https?:\/\/[^/]/.test(api)) throw new UsageError(`verbatim ${command}: --api must be an http(s) URL`)
  return {
    file,
    api: api.replace(/\/+$/, ''),
    key: values['--key'] ?? env.VERBATIM_API_KEY,
    batch,
    json: flags.has('--json'),
    resume: flags.has('--resume'),
    statePath: values['--state'] ?? `${file}.${command}-state.json`,
  }
}

/** The lines of a file a run has done, kept beside it so that a run cut short can be taken up again. */
interface BulkState {
  command: BulkCommand
  /** the input's size when the lines were done: another file under the same name starts over */
  size: number
  /** line numbers done, as [first, last] runs */
  done: Array<[number, number]>
}

async function loadState(options: BulkOptions, command: BulkCommand, size: number): Promise<Set<number>> {
  if (!options.resume) return new Set()
  let text: string
  try {
    text = await readFile(options.statePath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set()
    throw error
  }
  const state = JSON.parse(text) as BulkState
  if (state.command !== command || state.size !== size) {
    throw new UsageError(
      `verbatim ${command}: ${options.statePath} records another run (${state.command} of a ${state.size}-byte file); remove it or leave out --resume`,
    )
  }
  const done = new Set<number>()
  for (const [first, last] of state.done) for (let line = first; line <= last; line++) done.add(line)
  return done
}

/** Written whole, then renamed over the old one: a run killed while writing leaves the previous state. */
async function saveState(path: string, command: BulkCommand, size: number, done: Set<number>): Promise<void> {
  const runs: Array<[number, number]> = []
  for (const line of [...done].sort((a, b) => a - b)) {
    const last = runs.at(-1)
    if (last && last[1] === line - 1) last[1] = line
    else runs.push([line, line])
  }
  await writeFile(`${path}.tmp`, `${JSON.stringify({ command, size, done: runs } satisfies BulkState)}\n`)
  await rename(`${path}.tmp`, path)
}

export interface BulkSummary {
  /** non-blank lines in the file */
  lines: number
  /** lines done in an earlier run, per the state file */
  skipped: number
  done: number
  failed: number
  /** results by kind: created/unchanged/revised for articles, verdicts for quotes */
  outcomes: Record<string, number>
  /** why the run stopped before the end, if it did */
  stopped: string | null
}

interface ResultLine {
  line: number
  status: number
  article?: { id: string; status: string }
  verification?: { verdict: string }
  problem?: { type: string; status: number; detail?: string; title: string }
}

export interface BulkIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  fetch?: typeof fetch
  /** how often a progress line is written when stderr is no terminal */
  progressEveryMs?: number
}

/** A whole batch refused for being busy is tried again this many times, after Retry-After (at most 30 s). */
const RETRIES = 3

/**
 * Sends the lines of a JSONL file through a batch route, a batch at a time, and reports each line's
 * result: every failed line with its problem (all results with --json), progress on stderr, a summary.
 * After each batch the lines done are recorded in the state file; --resume skips them, so a run cut
 * short (interrupted, the server gone) is taken up where it stopped. Lines that failed are not done:
 * a resumed run tries them again.
 */
export async function runBulk(command: BulkCommand, options: BulkOptions, io: BulkIo): Promise<BulkSummary> {
  const content = await readFile(options.file)
  const done = await loadState(options, command, content.length)
  const all = content
    .toString('utf8')
    .split('\n')
    .map((text, index) => ({ line: index + 1, text: text.trim() }))
    .filter(({ text }) => text !== '')
  const pending = all.filter(({ line }) => !done.has(line))
  const summary: BulkSummary = {
    lines: all.length,
    skipped: all.length - pending.length,
    done: 0,
    failed: 0,
    outcomes: {},
    stopped: null,
  }
  const progress = progressReporter(command, summary, io)
  const send = io.fetch ?? fetch
  const write = (text: string) => io.stdout.write(text)
  for (let start = 0; start < pending.length; start += options.batch) {
    const batch = pending.slice(start, start + options.batch)
    let response: Response
    try {
      response = await postBatch(send, options, command, batch.map(({ text }) => text).join('\n'))
    } catch (error) {
      summary.stopped = `the API cannot be reached: ${(error as Error).message}`
      break
    }
    if (response.status !== 200) {
      const problem = (await response.json().catch(() => null)) as ResultLine['problem'] | null
      summary.stopped = `the API refused the batch: ${response.status} ${problem?.detail ?? problem?.title ?? response.statusText}`
      break
    }
    const results = (await response.text())
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as ResultLine)
    for (const result of results) {
      // The server numbers the lines of the batch; the file's numbers are what the caller knows.
      const line = batch[result.line - 1]!.line
      if (result.status < 300) {
        done.add(line)
        summary.done++
        const outcome = result.article?.status ?? result.verification!.verdict
        summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1
      } else summary.failed++
      if (options.json) write(`${JSON.stringify({ ...result, line })}\n`)
      else if (result.problem)
        write(`line ${line}: ${result.status} ${result.problem.detail ?? result.problem.title}\n`)
      else if (result.verification) write(`line ${line}: ${result.verification.verdict}\n`)
    }
    await saveState(options.statePath, command, content.length, done)
    progress.update()
  }
  progress.end()
  return summary
}

async function postBatch(send: typeof fetch, options: BulkOptions, command: BulkCommand, body: string) {
  for (let attempt = 1; ; attempt++) {
    const response = await send(`${options.api}${BULK_ROUTES[command]}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-ndjson',
        ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      },
      body,
    })
    if ((response.status !== 429 && response.status !== 503) || attempt > RETRIES) return response
    await response.body?.cancel()
    const seconds = Math.min(Number(response.headers.get('retry-after')) || 1, 30)
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  }
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal, otherwise a line now and then (a log file
 * fills with one line a batch); a last line either way.
 */
function progressReporter(command: BulkCommand, summary: BulkSummary, io: BulkIo) {
  const everyMs = io.progressEveryMs ?? 10_000
  let lastLine = Date.now()
  const status = () => {
    const handled = summary.skipped + summary.done + summary.failed
    const skipped = summary.skipped > 0 ? `, ${summary.skipped} done before` : ''
    return `${handled}/${summary.lines} lines${skipped}, ${summary.failed} failed`
  }
  const bar = () => {
    const handled = summary.skipped + summary.done + summary.failed
    const filled = summary.lines === 0 ? 20 : Math.round((20 * handled) / summary.lines)
    return `verbatim ${command} [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${status()}`
  }
  return {
    update() {
      if (io.stderr.isTTY) io.stderr.write(`\r${bar()}`)
      else if (Date.now() - lastLine >= everyMs) {
        lastLine = Date.now()
        io.stderr.write(`verbatim ${command}: ${status()}\n`)
      }
    },
    end() {
      io.stderr.write(io.stderr.isTTY ? `\r${bar()}\n` : `verbatim ${command}: ${status()}\n`)
    },
  }
}
