/**
 * The cross-outlet consistency benchmark: serves the app (embedded Postgres in memory, or a scratch
 * database on BENCH_DATABASE_URL's server with --engine postgres), and for each evaluation set runs
 * ../shared/bench/score_consistency.py against it through the HTTP API, on a fresh database each time:
 * quote recall and precision, person-level speaker accuracy, claim pair F1 and label accuracy.
 *
 * usage: tsx scripts/bench-consistency.ts [--sets basil-dev,seeds] [--engine pglite|postgres] [--diagnose]
 *   --diagnose  also print ../shared/bench/diagnose_consistency.py's list of every miss
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import Fastify from 'fastify'
import pg from 'pg'
import app, { serverOptions } from '../src/app.js'
import { loadConfig } from '../src/config.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bench = join(repoRoot, '../shared/bench')
const SETS: Record<string, string> = { 'basil-dev': join(bench, 'basil-dev'), seeds: join(repoRoot, '../shared/seeds') }
const KEY = 'bench-key-0123456789abcdef'
// The scorer talks to the server in this process: it must run without blocking the event loop.
const run = async (file: string, argv: string[]): Promise<string> =>
  (await promisify(execFile)(file, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const { values: args } = parseArgs({
  options: {
    sets: { type: 'string', default: 'basil-dev,seeds' },
    engine: { type: 'string', default: 'pglite' },
    diagnose: { type: 'boolean', default: false },
  },
})

async function scratchDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (args.engine === 'pglite') return { env: { DATA_DIR: 'memory://' }, drop: async () => undefined }
  const name = `verbatim_consistency_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const dropper = new pg.Client({ connectionString: ADMIN_URL })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await dropper.end()
    },
  }
}

async function scoreSet(name: string, dir: string): Promise<void> {
  const database = await scratchDatabase()
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', API_KEYS: KEY, PORT: '0', ...database.env })
  const server = Fastify(serverOptions(config))
  await server.register(app, { config })
  try {
    const address = await server.listen({ port: 0, host: '127.0.0.1' })
    const figures = JSON.parse(
      await run('python3', [join(bench, 'score_consistency.py'), dir, address, KEY, '--json']),
    ) as Record<string, unknown>
    const line = (keys: string[]) => keys.map((key) => `${key} ${String(figures[key])}`).join('  ')
    console.log(`${name} (${args.engine}):`)
    console.log(`  quotes   ${line(['gold_quotes', 'system_quotes', 'quote_recall', 'quote_precision'])}`)
    console.log(`  speakers ${line(['speaker_accuracy'])}`)
    console.log(`  claims   ${line(['pair_precision', 'pair_recall', 'pair_f1'])}`)
    console.log(
      `  labels   ${line(['label_accuracy', 'labels_checked', 'misattributions_flagged', 'misattributions'])}`,
    )
    if (args.diagnose) {
      await server.close()
      const again = await scratchDatabase()
      const config2 = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', API_KEYS: KEY, PORT: '0', ...again.env })
      const second = Fastify(serverOptions(config2))
      await second.register(app, { config: config2 })
      const address2 = await second.listen({ port: 0, host: '127.0.0.1' })
      console.log(await run('python3', [join(bench, 'diagnose_consistency.py'), dir, address2, KEY]))
      await second.close()
      await again.drop()
    }
  } finally {
    await server.close()
    await database.drop()
  }
}

for (const name of (args.sets as string).split(',')) {
  const dir = SETS[name] ?? resolve(name)
  if (!existsSync(join(dir, 'gold.json'))) {
    console.error(`bench-consistency: no evaluation set at ${dir} (articles.json, gold.json)`)
    process.exitCode = 1
    continue
  }
  await scoreSet(name, dir)
}
