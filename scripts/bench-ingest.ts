/**
 * The ingest benchmark: builds a synthetic corpus (generated quote variants across many outlets and
 * speakers), ingests it through the HTTP API, and reports, on real Postgres and on PGlite:
 *   - articles ingested per second with 1k, 10k and 50k articles already stored (does the cost of an
 *     article grow with the corpus?),
 *   - POST /v1/verify latency, p50 and p95, with the whole corpus stored,
 *   - GET /v1/claims/{id} throughput next to the same SQL run straight on the driver.
 *
 * usage: tsx scripts/bench-ingest.ts [--engines postgres,pglite] [--articles 50000] [--window 500] [--keep]
 *   [--speakers 400] [--quotes 5] [--speaker-skew 0] [--word-skew 0] [--common-phrases 0] [--fragments 0]
 * --speakers sets how many people are quoted, --quotes the most quotes an article prints (one to that many).
 * What real news does to a store (src/domain/claims/synthetic-corpus.ts): --speaker-skew quotes speakers by
 * Zipf's law with that exponent (bench:corpus prints the real corpus's), --word-skew draws utterances' words
 * by Zipf's law with that exponent, --common-phrases puts stock phrases ("we are going to") into that share of
 * utterances, --fragments prints that share of the quotes drawn as two or three words in the writer's
 * sentence. All 0 by default: the even corpus earlier figures were measured on.
 * Postgres: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server on
 * which a scratch database is created and dropped afterwards (--keep leaves it, to look at afterwards).
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import app, { serverOptions } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { generateSyntheticCorpus, type SyntheticArticle } from '../src/domain/claims/index.js'
import { claimDetailQuery } from '../src/services/claims.js'
import { zipfExponent } from './quote-skew.js'
import { openScratchStore } from './scratch-store.js'

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'postgres,pglite' },
    articles: { type: 'string', default: '50000' },
    window: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    'speaker-skew': { type: 'string', default: '0' },
    'common-phrases': { type: 'string', default: '0' },
    fragments: { type: 'string', default: '0' },
    speakers: { type: 'string', default: '400' },
    quotes: { type: 'string', default: '5' },
    'word-skew': { type: 'string', default: '0' },
  },
})
const SPEAKER_SKEW = Number(args['speaker-skew'])
const COMMON_PHRASES = Number(args['common-phrases'])
const FRAGMENTS = Number(args.fragments)
const WORD_SKEW = Number(args['word-skew'])
const SPEAKERS = Number(args.speakers)
const MAX_QUOTES = Number(args.quotes)
if (!Number.isInteger(SPEAKERS) || SPEAKERS < 2 || !Number.isInteger(MAX_QUOTES) || MAX_QUOTES < 1) {
  console.error('bench-ingest: --speakers takes a whole number from 2, --quotes a whole number from 1')
  process.exit(1)
}
const isShare = (value: number) => value >= 0 && value <= 1
const isExponent = (value: number) => value >= 0 && value <= 3
if (!isExponent(SPEAKER_SKEW) || !isExponent(WORD_SKEW) || !isShare(COMMON_PHRASES) || !isShare(FRAGMENTS)) {
  console.error('bench-ingest: the skews take an exponent from 0 to 3, --common-phrases and --fragments a share')
  process.exit(1)
}
const STORED = Number(args.articles)
const WINDOW = Number(args.window)
const SECONDS = Number(args.seconds)
const CHECKPOINTS = [1000, 10_000, 50_000].filter((n) => n <= STORED)
if (!CHECKPOINTS.includes(STORED)) CHECKPOINTS.push(STORED)
const KEY = 'bench-key-0123456789abcdef'
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

// One outlet prints a story, others pick it up: a few hundred speakers (by default each with dozens of
// things said; with --speaker-skew a few with thousands), quoted in every variant the grouping tells apart.
const corpus = generateSyntheticCorpus({
  seed: 2026,
  articles: STORED + WINDOW * CHECKPOINTS.length,
  speakers: SPEAKERS,
  outlets: 60,
  utterances: 12_000,
  maxQuotesPerArticle: MAX_QUOTES,
  undatedShare: 0.05,
  chronological: true,
  speakerSkew: SPEAKER_SKEW,
  commonPhraseShare: COMMON_PHRASES,
  fragmentShare: FRAGMENTS,
  wordSkew: WORD_SKEW,
})

/** How many quotes the corpus prints under each speaker's name, counted once for the report. */
const quotesBySpeaker = new Map<string, number>()
for (const quote of corpus.quotes)
  quotesBySpeaker.set(quote.speakerKey, (quotesBySpeaker.get(quote.speakerKey) ?? 0) + 1)
const quotesPerSpeaker = [...quotesBySpeaker.values()]

interface Figures {
  engine: string
  ingest: Array<{ stored: number; perSecond: number }>
  quotes: number
  claims: number
  verify: { p50: number; p95: number; n: number }
  claimReads: { api: number; raw: number }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

async function post(base: string, article: SyntheticArticle): Promise<void> {
  const response = await fetch(`${base}/v1/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({
      url: article.url,
      outlet: { name: article.outlet },
      title: article.title,
      text: article.text,
      ...(article.publishedAt ? { publishedAt: article.publishedAt.toISOString() } : {}),
    }),
  })
  if (response.status !== 201) throw new Error(`ingest ${article.url}: ${response.status} ${await response.text()}`)
}

/** Ingests articles[from, to) with `concurrency` requests in flight; returns articles per second. */
async function ingest(base: string, from: number, to: number, concurrency: number): Promise<number> {
  let next = from
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let k = next++; k < to; k = next++) await post(base, corpus.articles[k]!)
    }),
  )
  return (to - from) / ((performance.now() - started) / 1000)
}

async function run(engine: 'postgres' | 'pglite'): Promise<Figures> {
  const store = await openScratchStore(engine, 'verbatim_bench', ADMIN_URL)
  const config = loadConfig({
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    API_KEYS: KEY,
    RATE_LIMIT_MAX: '1000000000',
    DATABASE_POOL_SIZE: '16',
    ...(process.env.EXTRACTION_THREADS ? { EXTRACTION_THREADS: process.env.EXTRACTION_THREADS } : {}),
    ...store.env,
  })
  const server = Fastify(serverOptions(config))
  await server.register(app, { config })
  const base = await server.listen({ port: 0, host: '127.0.0.1' })
  // Postgres serves requests in parallel; PGlite has one connection, so more in flight only queue.
  const concurrency = engine === 'postgres' ? 8 : 2
  try {
    const figures: Figures = {
      engine,
      ingest: [],
      quotes: 0,
      claims: 0,
      verify: { p50: 0, p95: 0, n: 0 },
      claimReads: { api: 0, raw: 0 },
    }
    let stored = 0
    for (const checkpoint of CHECKPOINTS) {
      const fill = performance.now()
      await ingest(base, stored, checkpoint, concurrency)
      process.stderr.write(
        `${engine}: ${checkpoint} stored (${((performance.now() - fill) / 1000).toFixed(0)} s to fill)\n`,
      )
      const perSecond = await ingest(base, checkpoint, checkpoint + WINDOW, concurrency)
      figures.ingest.push({ stored: checkpoint, perSecond })
      stored = checkpoint + WINDOW
      process.stderr.write(`${engine}: ${perSecond.toFixed(1)} articles/s at ${checkpoint} stored\n`)
    }
    figures.quotes = await server.prisma.quote.count()
    figures.claims = await server.prisma.claim.count()

    // Verify: quotes as outlets printed them (every variant), plus text nobody said.
    const samples = [
      ...corpus.quotes.filter((_, k) => k % Math.ceil(corpus.quotes.length / 300) === 0).map((quote) => quote.text),
      ...Array.from({ length: 100 }, (_, k) => `Nothing like this was ever said by anyone at all, number ${k}.`),
    ]
    const latencies: number[] = []
    for (const text of samples) {
      const started = performance.now()
      const response = await fetch(`${base}/v1/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      })
      await response.arrayBuffer()
      latencies.push(performance.now() - started)
    }
    latencies.sort((x, y) => x - y)
    figures.verify = { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), n: latencies.length }

    // Claim reads: the API, and the same SQL on the driver, the same claims, the same concurrency.
    const ids = (
      await server.prisma.claim.findMany({ select: { id: true }, orderBy: { renderingCount: 'desc' }, take: 500 })
    ).map((claim) => claim.id)
    let request = 0
    const result = await autocannon({
      url: base,
      connections: 32,
      duration: SECONDS,
      requests: [{ setupRequest: (req) => ({ ...req, path: `/v1/claims/${ids[request++ % ids.length]}` }) }],
    })
    if (result.non2xx > 0) throw new Error(`${result.non2xx} claim reads failed`)
    figures.claimReads.api = result.requests.average
    let queries = 0
    let query = 0
    const until = performance.now() + SECONDS * 1000
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (performance.now() < until) {
          const sql = claimDetailQuery(ids[query++ % ids.length]!)
          await server.db.query(sql.text, sql.values)
          queries++
        }
      }),
    )
    figures.claimReads.raw = queries / SECONDS
    return figures
  } finally {
    await server.close()
    if (!args.keep) await store.remove()
    else process.stderr.write(`${engine}: kept ${JSON.stringify(store.env)}\n`)
  }
}

const results: Figures[] = []
for (const engine of args.engines.split(',') as Array<'postgres' | 'pglite'>) results.push(await run(engine))

console.log(
  `\ncorpus: ${corpus.articles.length} articles, ${SPEAKERS} speakers, 60 outlets, ` +
    `${(corpus.quotes.length / corpus.articles.length).toFixed(1)} quotes an article, windows of ${WINDOW}; ` +
    `--speaker-skew ${SPEAKER_SKEW}, --word-skew ${WORD_SKEW}, --common-phrases ${COMMON_PHRASES}, ` +
    `--fragments ${FRAGMENTS}: ` +
    `the most quoted speaker holds ` +
    `${((100 * Math.max(...quotesPerSpeaker)) / corpus.quotes.length).toFixed(1)}% of quotes, and quotes a speaker ` +
    `fit Zipf's law with exponent ${zipfExponent(quotesPerSpeaker).toFixed(2)}`,
)
for (const figures of results) {
  const targets = figures.engine === 'postgres'
  const mark = (ok: boolean) => (targets ? (ok ? '  ok' : '  BELOW TARGET') : '')
  const last = figures.ingest[figures.ingest.length - 1]!
  const ratio = figures.claimReads.api / figures.claimReads.raw
  console.log(`\n${figures.engine}: ${figures.quotes} quotes and ${figures.claims} claims stored at the end`)
  for (const { stored, perSecond } of figures.ingest) {
    console.log(`  ingest with ${String(stored).padStart(6)} stored: ${perSecond.toFixed(1)} articles/s`)
  }
  console.log(`  ingest target ≥ 100 articles/s at ${last.stored} stored${mark(last.perSecond >= 100)}`)
  console.log(
    `  POST /v1/verify: p50 ${figures.verify.p50.toFixed(1)} ms, p95 ${figures.verify.p95.toFixed(1)} ms over ${figures.verify.n} requests${mark(figures.verify.p95 <= 50)}`,
  )
  console.log(
    `  GET /v1/claims/{id}: ${figures.claimReads.api.toFixed(0)} req/s; the same SQL on the driver ${figures.claimReads.raw.toFixed(0)} queries/s (${(ratio * 100).toFixed(0)}%)${mark(ratio >= 0.5)}`,
  )
}
