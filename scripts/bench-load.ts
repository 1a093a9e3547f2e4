/**
 * Mixed load on a running server, as deployed (dist/server.js in a process of its own): writers post
 * real articles from ../shared/corpus/allsides.jsonl.gz while readers page through lists and claims.
 * Prints, per phase, ingested articles per second with their p50/p90 latency, reads per second with
 * their p90, every 5xx and client timeout, the server's logged warnings and errors, and its resident memory
 * over time, so that two things can be read off: does ingestion keep a fair share of the server under read
 * load (the ratio of the two ingest rates), and does memory level off.
 *
 * usage: npm run bench:load -- [--engine postgres|pglite] [--writers 8] [--readers 32] [--seconds 60]
 *   [--warmup 300]   articles ingested, writers alone, before the mixed phase
 * Postgres: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server on
 * which a scratch database is created and dropped afterwards.
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import {
  BENCH_KEY as KEY,
  corpusArticles,
  DEFAULT_CORPUS,
  ingestBody,
  quantile,
  reportServerLog,
  rssMb,
  startServer,
  type CorpusArticle,
} from './bench-server.js'
import { openScratchStore } from './scratch-store.js'

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    writers: { type: 'string', default: '8' },
    readers: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '300' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
  },
})
const WRITERS = Number(args.writers)
const READERS = Number(args.readers)
const SECONDS = Number(args.seconds)
const WARMUP = Number(args.warmup)
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
/** A client gives up on a request after this long, as a crawler with a deadline would. */
const CLIENT_TIMEOUT_MS = 30_000

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
      const body = ingestBody(next.value)
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
    const source = corpusArticles(args.corpus)
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
    await server.stop()
    reportServerLog(server.logged)
  } finally {
    await server.stop()
    await store.remove()
  }
}

await main()
