/**
 * Scores the quote extractor on the PolNeAR training and development splits, each printed apart (train is
 * what the weights were fitted on, dev what they are measured on), and measures its speed and memory.
 * PolNeAR's gold quote is one attribution's quoted segments, so the quotes of one statement are scored as one.
 *
 * usage: tsx scripts/bench-extract.ts [--train FILE] [--dev FILE] [--speed FILE]
 *   defaults: ../shared/bench/polnear-{train,dev}.jsonl; --speed times extraction on any JSON-lines file with a
 *   "text" field (default: the dev split; ../shared/corpus/allsides.jsonl.gz is real news of every kind)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import v8 from 'node:v8'
import vm from 'node:vm'
import { gunzipSync } from 'node:zlib'
import { extractQuotes } from '../src/domain/extraction/index.js'
import { statementsOf } from '../src/domain/extraction/statements.js'

const WARM_UP_PASSES = 2
const MEASURED_PASSES = 5
/** Enough real text for a steady figure without minutes of waiting. */
const SPEED_SAMPLE_BYTES = 8_000_000

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bench = join(repoRoot, '../shared/bench')
const { values: args } = parseArgs({
  options: {
    train: { type: 'string', default: join(bench, 'polnear-train.jsonl') },
    dev: { type: 'string', default: join(bench, 'polnear-dev.jsonl') },
    speed: { type: 'string' },
  },
})
const scorer = join(bench, 'score_quotes.py')

// Heap figures only mean something right after a full collection.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void

function heapMb(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed / 1e6
}

function readTexts(path: string): { id: string; text: string }[] {
  const raw = path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8')
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; text: string })
}

function score(label: string, goldPath: string): void {
  const documents = readTexts(goldPath)
  const predictions = join(mkdtempSync(join(tmpdir(), 'verbatim-bench-')), `${label}.jsonl`)
  writeFileSync(
    predictions,
    documents
      .map((document) =>
        JSON.stringify({ id: document.id, quotes: statementsOf(extractQuotes(document.text), { nested: false }) }),
      )
      .join('\n'),
  )
  const scored = execFileSync('python3', [scorer, goldPath, predictions], { encoding: 'utf8' }).trimEnd()
  console.log(`${label} (${goldPath}):\n${scored}`)
}

function speed(path: string): void {
  const texts: string[] = []
  let bytes = 0
  for (const { text } of readTexts(path)) {
    if (bytes >= SPEED_SAMPLE_BYTES) break
    texts.push(text)
    bytes += Buffer.byteLength(text, 'utf8')
  }
  const megabytes = bytes / 1e6
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const text of texts) extractQuotes(text)
  const heapBefore = heapMb()
  const started = performance.now()
  let quotes = 0
  for (let pass = 0; pass < MEASURED_PASSES; pass++) for (const text of texts) quotes += extractQuotes(text).length
  const seconds = (performance.now() - started) / 1000
  const heapAfter = heapMb()
  console.log(
    `throughput ${((megabytes * MEASURED_PASSES) / seconds).toFixed(2)} MB/s on ${path} ` +
      `(${MEASURED_PASSES} passes over ${megabytes.toFixed(3)} MB in ${texts.length} texts after ${WARM_UP_PASSES} ` +
      `warm-up passes, ${quotes / MEASURED_PASSES} quotes a pass, one core)`,
  )
  console.log(
    `heap used ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after ` +
      `(${(heapAfter - heapBefore >= 0 ? '+' : '') + (heapAfter - heapBefore).toFixed(1)} MB)`,
  )
}

const missing = [args.train, args.dev].filter((path) => !existsSync(path as string))
if (missing.length > 0) {
  console.error(`bench-extract: not found: ${missing.join(', ')} (pass --train and --dev)`)
  process.exitCode = 1
} else {
  score('train', args.train as string)
  score('dev', args.dev as string)
  speed(args.speed ?? (args.dev as string))
}
