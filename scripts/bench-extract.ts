/**
 * Scores the quote extractor on the PolNeAR dev split and measures its speed and memory.
 * usage: tsx scripts/bench-extract.ts [GOLD.jsonl]   (default ../shared/bench/polnear-dev.jsonl)
 */
import { execFileSync } from 'node:child_process'
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { finished } from 'node:stream/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import { runExtract } from '../src/cli/commands/extract.js'
import { extractQuotes } from '../src/domain/extraction/index.js'

const WARM_UP_PASSES = 2
const MEASURED_PASSES = 5

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const goldPath = resolve(process.argv[2] ?? join(repoRoot, '../shared/bench/polnear-dev.jsonl'))
const scorerPath = join(repoRoot, '../shared/bench/score_quotes.py')

// Heap figures only mean something right after a full collection.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void

function heapMb(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed / 1e6
}

async function main(): Promise<number> {
  if (!existsSync(goldPath)) {
    console.error(
      `bench-extract: gold file not found: ${goldPath}\n` +
        '(pass the path to a PolNeAR-style JSONL file as the first argument)',
    )
    return 1
  }
  const predictionsPath = join(mkdtempSync(join(tmpdir(), 'verbatim-bench-')), 'predictions.jsonl')
  const predictions = createWriteStream(predictionsPath)
  const summary = await runExtract(createReadStream(goldPath), predictions)
  predictions.end()
  await finished(predictions)
  console.log(`extracted ${summary.documents} documents, ${summary.characters} characters -> ${predictionsPath}`)
  console.log(execFileSync('python3', [scorerPath, goldPath, predictionsPath], { encoding: 'utf8' }).trimEnd())

  const texts = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text)
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0) / 1e6
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const text of texts) extractQuotes(text)
  const heapBefore = heapMb()
  const started = performance.now()
  let quotes = 0
  for (let pass = 0; pass < MEASURED_PASSES; pass++) for (const text of texts) quotes += extractQuotes(text).length
  const seconds = (performance.now() - started) / 1000
  const heapAfter = heapMb()
  console.log(
    `throughput ${((megabytes * MEASURED_PASSES) / seconds).toFixed(2)} MB/s ` +
      `(${MEASURED_PASSES} passes over ${megabytes.toFixed(3)} MB after ${WARM_UP_PASSES} warm-up passes, ` +
      `${quotes / MEASURED_PASSES} quotes a pass, one core)`,
  )
  console.log(
    `heap used ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after ` +
      `(${(heapAfter - heapBefore >= 0 ? '+' : '') + (heapAfter - heapBefore).toFixed(1)} MB)`,
  )
  return 0
}

process.exitCode = await main()
