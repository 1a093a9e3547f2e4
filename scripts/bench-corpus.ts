/**
 * The real-corpus benchmark: ../shared/corpus/allsides.jsonl.gz (37.5k articles from 491 outlets, in
 * publication order) posted through HTTP by several clients to the built server, as a scripted job
 * would. Real news is not the synthetic corpus: common word runs ("the president of the") are shared
 * by thousands of quotes and a few speakers are quoted thousands of times, so what stays flat on the
 * generator may not here. Prints:
 *   - per window of articles stored: ingest rate, p50/p95 latency, 5xx, client timeouts, server memory;
 *   - with everything stored: POST /v1/verify on the canonical wording of sampled stored claims, with
 *     their own speaker's name (any verdict but `matches` is an error), and GET /v1/claims?q= on a run
 *     of their words, p50/p95 each;
 *   - the server's log: warnings and errors by message (something that went wrong without failing a
 *     request, such as a pass after an ingest given up, counts as an error);
 *   - the speaker registry: speakers, quotes, and the share of attributed quotes whose speaker is a
 *     duplicate of another (a surname alone, "Roe" beside "Jane Roe", a name with words before a
 *     known name, "of State Jane Roe", or a person's name ending with a body's acronym, "Jane Roe on
 *     KVRT": scripts/duplicate-speakers.ts).
 *
 * usage: npm run bench:corpus -- [--engine postgres|pglite] [--articles N] [--window 2500] [--writers 8]
 *   [--probes 300] [--corpus PATH]
 * Postgres: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server on
 * which a scratch database is created and dropped afterwards (--keep leaves it, to look at afterwards).
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createPGlite } from '../src/db/database.js'
import { createRandom } from '../src/domain/claims/index.js'
import {
  BENCH_KEY,
  corpusArticles,
  DEFAULT_CORPUS,
  ingestBody,
  quantile,
  reportServerLog,
  rssMb,
  startServer,
} from './bench-server.js'
import { duplicateSpeakers, type SpeakerCount } from './duplicate-speakers.js'
import { zipfExponent } from './quote-skew.js'
import { openScratchStore } from './scratch-store.js'

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    articles: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
    window: { type: 'string', default: '2500' },
    writers: { type: 'string', default: '8' },
    probes: { type: 'string', default: '300' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    keep: { type: 'boolean', default: false },
  },
})
const ENGINE = args.engine === 'pglite' ? 'pglite' : 'postgres'
const LIMIT = Number(args.articles)
const WINDOW = Number(args.window)
const WRITERS = Number(args.writers)
const PROBES = Number(args.probes)
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const CLIENT_TIMEOUT_MS = 60_000
/** Article ids kept (a uniform sample of those created) to draw claims from at the end. */
const ARTICLE_SAMPLE = 3000

// Seeded; the sample still depends on the order the eight writers' answers arrive in.
const draw = createRandom(37_554)

interface Window {
  latencies: number[]
  fiveHundreds: number
  timeouts: number
  started: number
}
const newWindow = (): Window => ({ latencies: [], fiveHundreds: 0, timeouts: 0, started: performance.now() })

const fmt = (ms: number) =>
  Number.isNaN(ms) ? '-' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`

async function ingest(base: string, pid: number) {
  const source = corpusArticles(args.corpus)
  const sample: string[] = []
  const errors = new Map<string, number>()
  const windows: Array<{ stored: number; rate: number; p95: number; rss: number }> = []
  let created = 0
  let answered = 0
  let current = newWindow()
  let windowStart = 0
  let total5xx = 0
  let totalTimeouts = 0
  let sent = 0
  const closeWindow = () => {
    const seconds = (performance.now() - current.started) / 1000
    const sorted = current.latencies.sort((a, b) => a - b)
    const rate = sorted.length / seconds
    const rss = rssMb(pid)
    const p95 = quantile(sorted, 0.95)
    windows.push({ stored: answered, rate, p95, rss })
    console.log(
      `${String(windowStart).padStart(6)} → ${String(answered).padEnd(6)} ${rate.toFixed(1).padStart(6)}/s` +
        `  p50 ${fmt(quantile(sorted, 0.5)).padStart(7)}  p95 ${fmt(p95).padStart(7)}` +
        `  5xx ${current.fiveHundreds}  timeouts ${current.timeouts}  rss ${rss} MB`,
    )
    current = newWindow()
    windowStart = answered
  }
  console.log('articles stored         rate      latency               errors        server')
  const writer = async () => {
    for (;;) {
      if (sent >= LIMIT) return
      const next = await source.next()
      if (next.done) return
      sent++
      const started = performance.now()
      try {
        const response = await fetch(`${base}/v1/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
          body: ingestBody(next.value),
          signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
        })
        const body = (await response.json()) as { id?: string; type?: string; detail?: string }
        current.latencies.push(performance.now() - started)
        if (response.status >= 500) {
          current.fiveHundreds++
          total5xx++
          const key = `${response.status} ${body.detail ?? body.type ?? ''}`.slice(0, 160)
          errors.set(key, (errors.get(key) ?? 0) + 1)
        } else if (response.status >= 400) {
          const key = `${response.status} ${body.type ?? ''}`
          errors.set(key, (errors.get(key) ?? 0) + 1)
        } else if (response.status === 201 && body.id) {
          created++
          // Reservoir sampling: every created article equally likely to be kept.
          if (sample.length < ARTICLE_SAMPLE) sample.push(body.id)
          else {
            const slot = Math.floor(draw() * created)
            if (slot < ARTICLE_SAMPLE) sample[slot] = body.id
          }
        }
      } catch {
        current.timeouts++
        totalTimeouts++
      }
      answered++
      if (answered % WINDOW === 0) closeWindow()
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: WRITERS }, writer))
  if (current.latencies.length > 0) closeWindow()
  const seconds = (performance.now() - started) / 1000
  console.log(
    `\n${answered} articles answered (${created} created) in ${seconds.toFixed(0)} s = ${(answered / seconds).toFixed(1)}/s; 5xx ${total5xx}, client timeouts ${totalTimeouts}`,
  )
  for (const [error, count] of errors) console.log(`  ${count} × ${error}`)
  return { sample, windows, total5xx, totalTimeouts }
}

interface ClaimToProbe {
  id: string
  canonicalText: string
  speaker: { id: string; name: string }
}

/** Claims of the sampled articles' attributed quotes, one per article at most, shuffled. */
async function claimsToProbe(base: string, articleIds: string[]): Promise<ClaimToProbe[]> {
  const claimIds = new Set<string>()
  for (const id of articleIds) {
    if (claimIds.size >= PROBES) break
    const page = (await (await fetch(`${base}/v1/articles/${id}/quotes`)).json()) as {
      items: Array<{ claimId: string | null; speaker: unknown; speakerInferred: boolean }>
    }
    const candidates = page.items.filter((quote) => quote.claimId && quote.speaker && !quote.speakerInferred)
    if (candidates.length > 0) claimIds.add(candidates[Math.floor(draw() * candidates.length)]!.claimId!)
  }
  const claims: ClaimToProbe[] = []
  for (const id of claimIds) {
    const response = await fetch(`${base}/v1/claims/${id}`)
    if (response.ok) claims.push((await response.json()) as ClaimToProbe)
  }
  return claims
}

/** A run of up to four words from the middle of a wording: what someone would type to find it. */
function searchWords(text: string): string {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word))
  const from = Math.max(0, Math.floor(words.length / 2) - 2)
  return words.slice(from, from + 4).join(' ')
}

async function probe(base: string, claims: ClaimToProbe[]) {
  const verify: number[] = []
  const search: number[] = []
  const wrong = new Map<string, number>()
  const examples: string[] = []
  let found = 0
  for (const claim of claims) {
    let started = performance.now()
    const response = await fetch(`${base}/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: claim.canonicalText.slice(0, 20_000), speaker: claim.speaker.name }),
    })
    const answer = (await response.json()) as { verdict?: string; matches?: Array<{ claim: { id: string } }> }
    verify.push(performance.now() - started)
    const verdict = answer.verdict ?? `HTTP ${response.status}`
    if (verdict !== 'matches') {
      wrong.set(verdict, (wrong.get(verdict) ?? 0) + 1)
      if (examples.length < 5) examples.push(`${verdict}: ${claim.speaker.name}: ${claim.canonicalText.slice(0, 100)}`)
    }
    started = performance.now()
    const words = searchWords(claim.canonicalText)
    const list = (await (await fetch(`${base}/v1/claims?q=${encodeURIComponent(words)}&limit=50`)).json()) as {
      items?: Array<{ id: string }>
    }
    search.push(performance.now() - started)
    if (list.items?.some((item) => item.id === claim.id)) found++
  }
  verify.sort((a, b) => a - b)
  search.sort((a, b) => a - b)
  const errors = [...wrong.values()].reduce((sum, n) => sum + n, 0)
  console.log(
    `\nverify, canonical wording with its speaker's name (${verify.length} claims): p50 ${fmt(quantile(verify, 0.5))}, p95 ${fmt(quantile(verify, 0.95))}; not \`matches\`: ${errors}${errors ? ` ${JSON.stringify(Object.fromEntries(wrong))}` : ''}`,
  )
  for (const example of examples) console.log(`  ${example}`)
  console.log(
    `search, q= four words of the wording (${search.length}): p50 ${fmt(quantile(search, 0.5))}, p95 ${fmt(quantile(search, 0.95))}; the claim on the first page ${found}/${search.length}`,
  )
  return { verifyP95: quantile(verify, 0.95), searchP95: quantile(search, 0.95), verifyErrors: errors }
}

/** Names and kinds of speakers, with how many quotes each has: read from the store once the server is done. */
type SpeakerCounts = SpeakerCount[]

const SPEAKER_COUNTS = `SELECT s.name, s.kind::text AS kind, count(q.id)::int AS quotes
  FROM speaker s LEFT JOIN quote q ON q.speaker_id = s.id GROUP BY s.id, s.name, s.kind`

async function speakerCounts(env: Record<string, string>): Promise<SpeakerCounts> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL })
    await client.connect()
    try {
      return (await client.query<SpeakerCount>(SPEAKER_COUNTS)).rows
    } finally {
      await client.end()
    }
  }
  const db = await createPGlite(env.DATA_DIR)
  try {
    return (await db.query<SpeakerCount>(SPEAKER_COUNTS)).rows
  } finally {
    await db.close()
  }
}

function reportSpeakers(speakers: SpeakerCounts) {
  const quotes = speakers.reduce((sum, speaker) => sum + speaker.quotes, 0)
  const single = speakers.filter((speaker) => speaker.quotes === 1).length
  const counts = speakers.map((speaker) => speaker.quotes)
  const { surnameOnly, polluted } = duplicateSpeakers(speakers)
  const share = (list: readonly SpeakerCount[]) =>
    list.reduce((sum, speaker) => sum + speaker.quotes, 0) / Math.max(1, quotes)
  const top = (list: readonly SpeakerCount[]) =>
    [...list]
      .sort((a, b) => b.quotes - a.quotes)
      .slice(0, 8)
      .map((speaker) => `${speaker.name} (${speaker.quotes})`)
      .join(', ')
  console.log(
    `\nspeakers: ${speakers.length} for ${quotes} attributed quotes, ${single} with a single quote; the most quoted` +
      ` holds ${((100 * Math.max(0, ...counts)) / Math.max(1, quotes)).toFixed(1)}% of them, and quotes a speaker` +
      ` fit Zipf's law with exponent ${zipfExponent(counts).toFixed(2)} (bench:ingest's --speaker-skew)` +
      `\n  one word beside a longer name of its kind: ${surnameOnly.length} speakers, ${(100 * share(surnameOnly)).toFixed(2)}% of quotes: ${top(surnameOnly)}` +
      `\n  words before another speaker's name or a body's acronym: ${polluted.length} speakers, ${(100 * share(polluted)).toFixed(2)}% of quotes: ${top(polluted)}` +
      `\n  duplicates together: ${(100 * (share(surnameOnly) + share(polluted))).toFixed(2)}% of attributed quotes (goal: under 1%)`,
  )
}

async function main() {
  const store = await openScratchStore(ENGINE, 'verbatim_corpus', ADMIN_URL)
  const server = await startServer(store.env)
  try {
    const pid = server.child.pid!
    console.log(`engine ${ENGINE}, ${WRITERS} writers, windows of ${WINDOW} articles, server rss ${rssMb(pid)} MB\n`)
    const { sample, windows, total5xx, totalTimeouts } = await ingest(server.base, pid)
    const claims = await claimsToProbe(server.base, sample)
    const { verifyP95, searchP95, verifyErrors } = await probe(server.base, claims)
    await server.stop()
    const logErrors = reportServerLog(server.logged)
    reportSpeakers(await speakerCounts(store.env))

    const full = windows.filter((window, i) => i < windows.length - 1 || window.stored % WINDOW === 0)
    const slowest = full.reduce((min, window) => Math.min(min, window.rate), Infinity)
    const lastShare = full.length > 1 ? full.at(-1)!.rate / full[0]!.rate : NaN
    const afterWarmup = windows.slice(1).map((window) => window.rss)
    console.log(
      `\ntargets: errors ${total5xx + totalTimeouts + verifyErrors + logErrors} (0); slowest window ${slowest.toFixed(1)}/s (≥ 40); ` +
        `last window ${(100 * lastShare).toFixed(0)}% of the first (≥ 70%); verify p95 ${fmt(verifyP95)} (≤ 50 ms); ` +
        `search p95 ${fmt(searchP95)} (≤ 100 ms); rss after the first window ${afterWarmup.length ? `${Math.min(...afterWarmup)}–${Math.max(...afterWarmup)} MB` : '-'}`,
    )
  } finally {
    await server.stop()
    if (!args.keep) await store.remove()
    else console.log(`kept: ${JSON.stringify(store.env)}`)
  }
}

await main()
