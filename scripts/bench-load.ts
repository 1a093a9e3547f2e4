/**
 * Mixed load on a running server, as deployed (dist/server.js in a process of its own): writers post
 * real articles from ../shared/corpus/allsides.jsonl.gz while readers page through lists and claims.
 * Prints, per phase, ingested articles per second with their p50/p90 latency, reads per second with
 * their p90, every 5xx and client timeout, and the server's resident memory over time, so that two
 * things can be read off: does ingestion keep a fair share of the server under read load (the ratio
 * of the two ingest rates), and does memory level off.
 *
 * usage: npm run bench:load -- [--engine postgres|pglite] [--writers 8] [--readers 32] [--seconds 60]
 *   [--warmup 300]   articles ingested, writers alone, before the mixed phase
 * Postgres: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server on
 * which a scratch database is created and dropped afterwards.
 */
import { spawn } from 'node:child_process'
import { createReadStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createGunzip } from 'node:zlib'
import autocannon from 'autocannon'
import { openScratchStore } from './scratch-store.js'

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    writers: { type: 'string', default: '8' },
    readers: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '300' },
    corpus: { type: 'string', default: join(import.meta.dirname, '../../shared/corpus/allsides.jsonl.gz') },
  },
})
const WRITERS = Number(args.writers)
const READERS = Number(args.readers)
const SECONDS = Number(args.seconds)
const WARMUP = Number(args.warmup)
const KEY = 'bench-key-0123456789abcdef'
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
/** A client gives up on a request after this long, as a crawler with a deadline would. */
const CLIENT_TIMEOUT_MS = 30_000

interface CorpusArticle {
  url: string
  outlet: string
  outletDomain: string | null
  publishedAt: string | null
  title: string
  text: string
}

/** The corpus, one article at a time, in publication order. */
async function* corpusArticles(): AsyncGenerator<CorpusArticle> {
  const lines = createInterface({ input: createReadStream(args.corpus).pipe(createGunzip()), crlfDelay: Infinity })
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as CorpusArticle
}

const rssMb = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Math.round(Number(match[1]) / 1024) : NaN
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN

/** A port nobody listens on now: the server is started on it. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function startServer(env: Record<string, string>) {
  const port = await freePort()
  const child = spawn(process.execPath, [join(import.meta.dirname, '../dist/server.js')], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', API_KEYS: KEY, RATE_LIMIT_MAX: '100000000', ...env },
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
  return { child, base }
}

interface WriteStats {
  latencies: number[]
  statuses: Map<number, number>
  timeouts: number
  done: number
}

/** Writers posting corpus articles until `enough` says stop; returns what they saw. */
async function write(
  base: string,
  source: AsyncGenerator<CorpusArticle>,
  enough: (stats: WriteStats) => boolean,
): Promise<WriteStats> {
  const stats: WriteStats = { latencies: [], statuses: new Map(), timeouts: 0, done: 0 }
  const writer = async () => {
    while (!enough(stats)) {
      const next = await source.next()
      if (next.done) return
      const article = next.value
      const body = JSON.stringify({
        url: article.url,
        outlet: { name: article.outlet, ...(article.outletDomain ? { domain: article.outletDomain } : {}) },
        ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
        ...(article.title ? { title: article.title.slice(0, 1000) } : {}),
        text: article.text,
      })
      const started = performance.now()
      try {
        const response = await fetch(`${base}/v1/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
        })
        await response.arrayBuffer()
        stats.statuses.set(response.status, (stats.statuses.get(response.status) ?? 0) + 1)
        stats.latencies.push(performance.now() - started)
        stats.done++
      } catch {
        stats.timeouts++
      }
    }
  }
  await Promise.all(Array.from({ length: WRITERS }, writer))
  stats.latencies.sort((a, b) => a - b)
  return stats
}

function report(name: string, stats: WriteStats, seconds: number) {
  const fivexx = [...stats.statuses].filter(([status]) => status >= 500).reduce((n, [, count]) => n + count, 0)
  const rate = stats.done / seconds
  console.log(
    `${name}: ${stats.done} articles in ${seconds.toFixed(1)} s = ${rate.toFixed(2)}/s, p50 ${quantile(stats.latencies, 0.5).toFixed(0)} ms, p90 ${quantile(stats.latencies, 0.9).toFixed(0)} ms, 5xx ${fivexx}, client timeouts ${stats.timeouts}, statuses ${JSON.stringify(Object.fromEntries(stats.statuses))}`,
  )
  return rate
}

async function main() {
  const store = await openScratchStore(args.engine === 'pglite' ? 'pglite' : 'postgres', 'verbatim_load', ADMIN_URL)
  const server = await startServer(store.env)
  try {
    const pid = server.child.pid!
    const source = corpusArticles()
    console.log(`engine ${args.engine}, ${WRITERS} writers, ${READERS} read connections, server rss ${rssMb(pid)} MB`)

    let started = performance.now()
    const alone = await write(server.base, source, (stats) => stats.done + stats.timeouts >= WARMUP)
    const aloneRate = report('writers alone', alone, (performance.now() - started) / 1000)
    console.log(`rss after warm-up ${rssMb(pid)} MB`)

    const claims = (await (await fetch(`${server.base}/v1/claims?limit=200`)).json()) as {
      items: Array<{ id: string }>
    }
    const claimIds = claims.items.map((claim) => claim.id)
    const paths = ['/v1/claims?limit=50', '/v1/articles?limit=50', '/v1/speakers?limit=50', '/v1/outlets?limit=50']
    let request = 0
    const samples: number[] = []
    const sampler = setInterval(() => samples.push(rssMb(pid)), 1000)
    started = performance.now()
    const deadline = started + SECONDS * 1000
    const [mixed, reads] = await Promise.all([
      write(server.base, source, () => performance.now() >= deadline),
      autocannon({
        url: server.base,
        connections: READERS,
        duration: SECONDS,
        timeout: CLIENT_TIMEOUT_MS / 1000,
        requests: [
          {
            setupRequest: (req) => {
              const n = request++
              const path =
                n % 3 === 0 && claimIds.length > 0
                  ? `/v1/claims/${claimIds[n % claimIds.length]}`
                  : paths[n % paths.length]!
              return { ...req, path }
            },
          },
        ],
      }),
    ])
    clearInterval(sampler)
    const mixedRate = report('writers under read load', mixed, (performance.now() - started) / 1000)
    console.log(
      `reads: ${reads.requests.average.toFixed(0)}/s, p90 ${reads.latency.p90} ms, non-2xx ${reads.non2xx}, errors ${reads.errors}, timeouts ${reads.timeouts}`,
    )
    console.log(`ingest share under read load: ${(mixedRate / aloneRate).toFixed(2)} of the rate alone`)
    const tenths = samples.filter((_, i) => i % Math.max(1, Math.floor(samples.length / 10)) === 0)
    console.log(
      `rss during the mixed phase (MB, every ${Math.max(1, Math.floor(samples.length / 10))} s): ${tenths.join(' ')}; peak ${Math.max(...samples)}`,
    )
  } finally {
    server.child.kill('SIGTERM')
    await new Promise((resolve) => server.child.once('exit', resolve))
    await store.remove()
  }
}

await main()
