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

/** The built server on a free port with `env` added, once /ready answers; stop() ends it. */
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
    stdio: ['ignore', 'inherit', 'inherit'],
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
  const stop = async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
  return { child, base, stop }
}
