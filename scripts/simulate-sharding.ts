/**
 * How evenly quotes spread over shards when speakers are hashed to them (docs/scaling.md, "Simulation").
 * A speaker's quotes and claims must stay on one shard for claim grouping to be shard-local, so a speaker
 * is the unit that cannot be split: this prints, for 4, 8, 16 and 32 shards, the largest shard's load over
 * the mean (1.00 is perfectly even), with speakers hashed as Citus hashes a distribution column (uniformly
 * at random, here from a fixed seed per trial), then with the heaviest k speakers moved to shards of their
 * own (Citus isolate_tenant_to_new_shard) and each such shard placed on the least loaded node, heaviest
 * first. "floor" is the heaviest speaker alone over the mean: no placement of whole speakers goes below it.
 * Load is quotes stored: write and storage load; grouping cost grows faster than that for a heavy speaker.
 *
 * usage: npx tsx scripts/simulate-sharding.ts [--counts FILE.json] [--speakers 12766] [--quotes 54000]
 *   [--s 1] [--trials 50] [--isolate 1,4,16]
 *   --counts: quotes per speaker, as a JSON array of numbers or an object of speaker → number; without it,
 *   a Zipf(s) distribution over --speakers speakers summing to --quotes, every speaker quoted at least once.
 * Deterministic: the same arguments print the same table.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({
  options: {
    counts: { type: 'string' },
    speakers: { type: 'string', default: '12766' },
    quotes: { type: 'string', default: '54000' },
    s: { type: 'string', default: '1' },
    trials: { type: 'string', default: '50' },
    isolate: { type: 'string', default: '1,4,16' },
  },
})
const SHARD_COUNTS = [4, 8, 16, 32]
const TRIALS = Number(args.trials)
const ISOLATE = args.isolate.split(',').map(Number)

/** Zipf(s) counts, heaviest first: the scale is searched so that the rounded counts (each ≥ 1) sum to `quotes`. */
function zipf(speakers: number, quotes: number, s: number): number[] {
  const weights = Array.from({ length: speakers }, (_, i) => 1 / (i + 1) ** s)
  const counts = (scale: number) => weights.map((w) => Math.max(1, Math.round(scale * w)))
  const total = (scale: number) => counts(scale).reduce((a, b) => a + b, 0)
  let [low, high] = [0, quotes]
  for (let step = 0; step < 100; step++) {
    const mid = (low + high) / 2
    if (total(mid) < quotes) low = mid
    else high = mid
  }
  return counts(high)
}

function readCounts(file: string): number[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as number[] | Record<string, number>
  const counts = (Array.isArray(json) ? json : Object.values(json)).map(Number).filter((n) => n > 0)
  if (counts.length === 0) throw new Error(`${file} holds no positive counts`)
  return counts
}

/** A 32-bit hash of (speaker, trial): mulberry32's mixing, standing in for Citus's hash of a uuid. */
function hash(speaker: number, trial: number): number {
  let t = (Math.imul(speaker + 1, 0x9e3779b1) ^ Math.imul(trial + 1, 0x85ebca6b)) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return (t ^ (t >>> 14)) >>> 0
}

/** The largest node's load over the mean, with the heaviest `isolated` speakers placed greedily. */
function skew(counts: number[], shards: number, trial: number, isolated: number): number {
  const loads = new Array<number>(shards).fill(0)
  // Hash range split evenly among the shards, as create_distributed_table does; one shard per node.
  counts.forEach((count, speaker) => {
    if (speaker >= isolated) loads[Math.floor((hash(speaker, trial) / 2 ** 32) * shards)]! += count
  })
  for (const count of counts.slice(0, isolated)) {
    const least = loads.indexOf(Math.min(...loads))
    loads[least]! += count
  }
  const mean = loads.reduce((a, b) => a + b, 0) / shards
  return Math.max(...loads) / mean
}

const counts = (
  args.counts ? readCounts(args.counts) : zipf(Number(args.speakers), Number(args.quotes), Number(args.s))
)
  .slice()
  .sort((a, b) => b - a)
const total = counts.reduce((a, b) => a + b, 0)
const source = args.counts ? args.counts : `Zipf(s=${args.s})`
console.log(`${source}: ${counts.length} speakers, ${total} quotes; heaviest ${counts.slice(0, 5).join(', ')}`)
console.log(`largest shard over the mean; hashed and isolated: mean over ${TRIALS} hash seeds (worst in brackets)\n`)

const header = ['shards', 'hashed', ...ISOLATE.map((k) => `isolate ${k}`), 'floor']
const rows = SHARD_COUNTS.map((shards) => {
  const cells = [0, ...ISOLATE].map((isolated) => {
    const skews = Array.from({ length: TRIALS }, (_, trial) => skew(counts, shards, trial, isolated))
    const mean = skews.reduce((a, b) => a + b, 0) / TRIALS
    return `${mean.toFixed(2)} (${Math.max(...skews).toFixed(2)})`
  })
  return [String(shards), ...cells, ((counts[0]! * shards) / total).toFixed(2)]
})
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
console.log(line(header))
console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`)
for (const row of rows) console.log(line(row))
