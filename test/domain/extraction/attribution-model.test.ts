import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { SPEAKER_FEATURES } from '../../../src/domain/extraction/speaker-candidates.js'
import { fitSpeakerRanking, type GoldDocument } from '../../../src/domain/extraction/speaker-fitting.js'
import { defaultSpeakerModel, loadSpeakerModel } from '../../../src/domain/extraction/speaker-model.js'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const committed = JSON.parse(
  readFileSync(join(repoRoot, 'src/domain/extraction/data/speaker-ranking.json'), 'utf8'),
) as { features: string[]; weights: number[]; trainingData: { sha256: string } }

t.test('the committed weights are for the features the code computes', async (t) => {
  t.same(committed.features, [...SPEAKER_FEATURES])
  t.same(defaultSpeakerModel().weights, committed.weights)
})

t.test('weights fitted for other features are refused', async (t) => {
  t.throws(() => loadSpeakerModel({ features: ['kind:pronoun'], weights: [1] }), /fit:attribution/)
  t.throws(() => loadSpeakerModel({ features: [...SPEAKER_FEATURES], weights: [1] }), /fit:attribution/)
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
    const fit = fitSpeakerRanking(documents)
    t.same(fit.model.weights, committed.weights)
  },
)
