import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { fitAttribution, type GoldDocument } from '../../../src/domain/extraction/attribution-fitting.js'
import { defaultAttributionModel, loadAttributionModel } from '../../../src/domain/extraction/attribution-model.js'
import { QUOTE_FEATURES } from '../../../src/domain/extraction/quote-features.js'
import { JOIN_FEATURES } from '../../../src/domain/extraction/quote-groups.js'
import { SPEAKER_FEATURES } from '../../../src/domain/extraction/speaker-candidates.js'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const committed = JSON.parse(
  readFileSync(join(repoRoot, 'src/domain/extraction/data/attribution-model.json'), 'utf8'),
) as {
  speaker: { features: string[]; weights: number[] }
  quote: { features: string[]; weights: number[] }
  join: { features: string[]; weights: number[] }
}

t.test('the committed weights are for the features the code computes', async (t) => {
  t.same(committed.speaker.features, [...SPEAKER_FEATURES])
  t.same(committed.quote.features, [...QUOTE_FEATURES])
  t.same(committed.join.features, [...JOIN_FEATURES])
  t.same(defaultAttributionModel().speaker.weights, committed.speaker.weights)
  t.same(defaultAttributionModel().quote.weights, committed.quote.weights)
})

t.test('weights fitted for other features are refused', async (t) => {
  const quote = committed.quote
  t.throws(
    () => loadAttributionModel({ speaker: { features: ['kind:pronoun'], weights: [1] }, quote, join: committed.join }),
    /speaker weights .* fit:attribution/,
  )
  t.throws(
    () =>
      loadAttributionModel({
        speaker: committed.speaker,
        quote: { features: [...QUOTE_FEATURES], weights: [1] },
        join: committed.join,
      }),
    /quote weights .* fit:attribution/,
  )
})

// The weights are data made by scripts/fit-attribution.ts: fitting again on the same training split must give
// exactly the committed file's weights. The split lives beside the repository (../shared), as in CI.
const trainPath = join(repoRoot, '../shared/bench/polnear-train.jsonl')
t.test(
  'the fitting script regenerates the committed weights exactly',
  { skip: !existsSync(trainPath) && 'no ../shared/bench' },
  async (t) => {
    const documents = readFileSync(trainPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as GoldDocument)
    const fit = fitAttribution(documents)
    t.same(fit.model.speaker.weights, committed.speaker.weights)
    t.same(fit.model.quote.weights, committed.quote.weights)
    t.same(fit.model.join.weights, committed.join.weights)
  },
)
