/**
 * Fits the weights that rank each quote's speaker candidates and keep or drop each group of quoted words,
 * on the PolNeAR training split, and writes them to src/domain/extraction/data/attribution-model.json. Deterministic: the same training file gives the
 * same weights, so `--check` can prove the committed file is what this script makes.
 *
 * usage: tsx scripts/fit-attribution.ts [--train FILE] [--dev FILE] [--check | --folds K]
 *   --check   fit, compare with the committed weights, print the difference, exit 1 if they differ
 *   --folds K cross-validate on the training split instead of writing weights: fit on all articles but every
 *             K-th, score those, K times over, and print the pooled figures. Dev holds 570 quotes and a refit
 *             moves a few of them either way; the held-out training quotes are eight times as many, so a
 *             rule's or a feature's effect shows there first (measure it before and after the change).
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fitAttribution, type GoldDocument } from '../src/domain/extraction/attribution-fitting.js'
import { extractQuotes, type AttributionModel, type LinearModel } from '../src/domain/extraction/extract-quotes.js'
import { statementsOf } from '../src/domain/extraction/statements.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const weightsPath = join(repoRoot, 'src/domain/extraction/data/attribution-model.json')

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name)
  return at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1] as string) : fallback
}

const trainPath = option('--train', join(repoRoot, '../shared/bench/polnear-train.jsonl'))
const devPath = option('--dev', join(repoRoot, '../shared/bench/polnear-dev.jsonl'))
const scorer = join(repoRoot, '../shared/bench/score_quotes.py')

function readDocuments(path: string): { documents: GoldDocument[]; sha256: string } {
  const raw = readFileSync(path, 'utf8')
  const documents = raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldDocument)
  return { documents, sha256: createHash('sha256').update(raw).digest('hex') }
}

/**
 * The scorer's report on the model's predictions for `documents`, against the gold file at `path`, or, for a
 * fold's held-out articles that have no file of their own (`path` null), against those documents written out.
 */
function scoreWith(model: AttributionModel, path: string | null, documents: GoldDocument[], json = false): string {
  const directory = mkdtempSync(join(tmpdir(), 'verbatim-fit-'))
  const gold = path ?? join(directory, 'gold.jsonl')
  if (path === null) writeFileSync(gold, documents.map((document) => JSON.stringify(document)).join('\n'))
  const predictions = join(directory, 'predictions.jsonl')
  writeFileSync(
    predictions,
    documents
      .map((document) =>
        JSON.stringify({
          id: document.id,
          quotes: statementsOf(extractQuotes(document.text, model), { nested: false }),
        }),
      )
      .join('\n'),
  )
  try {
    return execFileSync('python3', [scorer, gold, predictions, ...(json ? ['--json'] : [])], {
      encoding: 'utf8',
    }).trimEnd()
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

/** What the scorer's --json reports for the strict match, as counts that add up across folds. */
interface StrictCounts {
  tp: number
  fp: number
  fn: number
  speakersRight: number
  speakersChecked: number
}

function crossValidate(documents: readonly GoldDocument[], folds: number): void {
  const total: StrictCounts = { tp: 0, fp: 0, fn: 0, speakersRight: 0, speakersChecked: 0 }
  const f1 = ({ tp, fp, fn }: StrictCounts): string => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)).toFixed(4)
  for (let fold = 0; fold < folds; fold++) {
    const heldOut = documents.filter((_, index) => index % folds === fold)
    const fitted = fitAttribution(documents.filter((_, index) => index % folds !== fold))
    const { strict } = JSON.parse(scoreWith(fitted.model, null, heldOut, true)) as {
      strict: { tp: number; fp: number; fn: number; speaker_accuracy: number; speaker_checked: number }
    }
    const counts: StrictCounts = {
      tp: strict.tp,
      fp: strict.fp,
      fn: strict.fn,
      // The scorer prints the share to four decimals: exact counts back while a fold checks under 10,000 speakers.
      speakersRight: Math.round(strict.speaker_accuracy * strict.speaker_checked),
      speakersChecked: strict.speaker_checked,
    }
    for (const key of Object.keys(total) as (keyof StrictCounts)[]) total[key] += counts[key]
    console.log(
      `fold ${fold + 1}/${folds}: ${heldOut.length} articles, strict F1 ${f1(counts)} ` +
        `(tp ${counts.tp} fp ${counts.fp} fn ${counts.fn}), speaker ${counts.speakersRight} of ${counts.speakersChecked}`,
    )
  }
  console.log(
    `pooled over ${folds} folds: strict F1 ${f1(total)} (tp ${total.tp} fp ${total.fp} fn ${total.fn}), ` +
      `speaker ${total.speakersRight} of ${total.speakersChecked} ` +
      `(${(total.speakersRight / total.speakersChecked).toFixed(4)})`,
  )
}

const train = readDocuments(trainPath)
const foldsOption = process.argv.indexOf('--folds')
if (foldsOption >= 0) {
  const folds = Number(process.argv[foldsOption + 1])
  if (!Number.isInteger(folds) || folds < 2 || folds > train.documents.length) {
    console.error(`--folds takes a whole number from 2 to ${train.documents.length}`)
    process.exit(2)
  }
  if (process.argv.includes('--check')) {
    console.error('--folds writes and checks no weights: run --check on its own')
    process.exit(2)
  }
  crossValidate(train.documents, folds)
  process.exit(0)
}
const fit = fitAttribution(train.documents)
const output = {
  description:
    "Weights of the attribution models: `speaker` ranks a quote's speaker candidates (a conditional logit over " +
    'SPEAKER_FEATURES in speaker-candidates.ts), `quote` keeps or drops a group of quoted words (a logistic model over ' +
    'QUOTE_FEATURES in quote-features.ts), `join` decides whether a quoted segment goes on with the quotation before it ' +
    '(a logistic model over JOIN_FEATURES in quote-groups.ts). Data, not code: regenerate with `npm run fit:attribution`; ' +
    '`npm run fit:attribution -- --check` proves this file is what the script makes.',
  fittedBy: 'scripts/fit-attribution.ts',
  trainingData: {
    file: 'polnear-train.jsonl',
    sha256: train.sha256,
    speakerChoices: fit.speakerChoices,
    quoteChoices: fit.quoteChoices,
    joinChoices: fit.joinChoices,
    rounds: fit.rounds,
  },
  options: fit.options,
  speaker: fit.model.speaker,
  quote: fit.model.quote,
  join: fit.model.join,
}
const serialised = `${JSON.stringify(output, null, 2)}\n`

if (process.argv.includes('--check')) {
  const committed = readFileSync(weightsPath, 'utf8')
  if (committed === serialised) {
    console.log('attribution-model.json is what the script makes')
  } else {
    console.error(
      'attribution-model.json differs from a fresh fit: run `npm run fit:attribution` and commit the result',
    )
    process.exitCode = 1
  }
} else {
  writeFileSync(weightsPath, serialised)
  console.log(
    `fitted on ${fit.speakerChoices} speaker choices, ${fit.quoteChoices} quote and ${fit.joinChoices} join decisions ` +
      `in ${fit.rounds} rounds -> ${weightsPath}`,
  )
  for (const [part, model] of Object.entries(fit.model) as [string, LinearModel][]) {
    console.log(`${part} weights, largest first:`)
    const ranked = model.features
      .map((name, index) => [name, model.weights[index] as number] as const)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    for (const [name, weight] of ranked) console.log(`  ${weight >= 0 ? ' ' : ''}${weight.toFixed(3)}  ${name}`)
  }
  console.log(`train (${trainPath}):\n${scoreWith(fit.model, trainPath, train.documents)}`)
  const dev = readDocuments(devPath)
  console.log(`dev (${devPath}):\n${scoreWith(fit.model, devPath, dev.documents)}`)
}
