/**
 * What the benchmarks that drive the built server share: the real corpus read as a stream, the server
 * started as deployed (dist/server.js in a process of its own), its resident memory, and quantiles.
 */
import { spawn } from 'node:child_process'
import { createReadStream, readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'

export const BENCH_KEY = 'bench-key-0123456789abcdef'
export const DEFAULT_CORPUS = join(import.meta.dirname, '../../shared/corpus/allsides.jsonl.gz')

/** One line of ../shared/corpus/allsides.jsonl.gz. */
export interface CorpusArticle {
  url: string
  outlet: string
  outletDomain: string | null
  publishedAt: string | null
  title: string
  text: string
}

/** The corpus, one article at a time, in publication order. */
export async function* corpusArticles(path: string): AsyncGenerator<CorpusArticle> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity })
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as CorpusArticle
}

/** The body of POST /v1/articles for a corpus article. */
export const ingestBody = (article: CorpusArticle): string =>
  JSON.stringify({
    url: article.url,
    outlet: { name: article.outlet, ...(article.outletDomain ? { domain: article.outletDomain } : {}) },
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    ...(article.title ? { title: article.title.slice(0, 1000) } : {}),
    text: article.text,
  })

/** Resident memory of a process, in MB. */
export const rssMb = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Math.round(Number(match[1]) / 1024) : NaN
}

/** The q-quantile of ascending numbers (NaN for none). */
export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN

/** A port nobody listens on now: the server is started on it. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** pino's numbers for the levels a benchmark counts (the server runs at LOG_LEVEL warn). */
const LEVEL_NAMES = new Map([
  [40, 'warn'],
  [50, 'error'],
  [60, 'fatal'],
])

/**
 * Counts one line of the server's log in `tally` (by level and message) when it is a warning or worse:
 * what went wrong without failing a request (a pass after an ingest given up, say) is an error for a
 * benchmark all the same. Says whether it was the first line of its kind (to be shown in full, once) or a
 * repeat; null when the line is no such entry.
 */
export function tallyLogLine(tally: Map<string, number>, line: string): 'first' | 'repeat' | null {
  let entry: { level?: unknown; msg?: unknown }
  try {
    entry = JSON.parse(line) as typeof entry
  } catch {
    return null
  }
  const level = typeof entry?.level === 'number' ? LEVEL_NAMES.get(entry.level) : undefined
  if (level === undefined) return null
  const key = `${level}: ${typeof entry.msg === 'string' ? entry.msg : '(no message)'}`
  const seen = tally.get(key) ?? 0
  tally.set(key, seen + 1)
  return seen === 0 ? 'first' : 'repeat'
}

/** Prints the warnings and errors a server logged (startServer's `logged`), by kind; returns how many. */
export function reportServerLog(logged: ReadonlyMap<string, number>): number {
  const total = [...logged.values()].reduce((sum, n) => sum + n, 0)
  console.log(`\nserver log: ${total} warnings and errors`)
  for (const [kind, count] of logged) console.log(`  ${count} × ${kind}`)
  return total
}

/**
 * The built server on a free port with `env` added, once /ready answers; stop() ends it. Its warnings
 * and errors are counted in `logged` (tallyLogLine); the first of each kind is shown as it comes, and any
 * line that is not a counted log entry is passed on.
 */
export async function startServer(env: Record<string, string>) {
  const port = await freePort()
  const child = spawn(process.execPath, [join(import.meta.dirname, '../dist/server.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      API_KEYS: BENCH_KEY,
      RATE_LIMIT_MAX: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const logged = new Map<string, number>()
  createInterface({ input: child.stdout!, crlfDelay: Infinity }).on('line', (line) => {
    if (tallyLogLine(logged, line) !== 'repeat') process.stderr.write(`${line}\n`)
  })
  const base = `http://127.0.0.1:${port}`
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error('the server exited while starting')
    if (waited > 120_000) throw new Error('the server did not become ready in 120 s')
    const ready = await fetch(`${base}/ready`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  // 'close', not 'exit': the log's last lines may still be in the pipe when the process has exited.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await closed
  }
  return { child, base, stop, logged }
}
