import fitted from './data/speaker-ranking.json' with { type: 'json' }
import type { SpeakerModel } from './extract-quotes.js'
import { SPEAKER_FEATURES } from './speaker-candidates.js'

/**
 * The weights that rank a quote's speaker candidates, fitted by scripts/fit-attribution.ts on the PolNeAR
 * training split. A weights file written for another list of features is refused here rather than read
 * out of step.
 */
export function loadSpeakerModel(data: { features: readonly string[]; weights: readonly number[] }): SpeakerModel {
  const expected = SPEAKER_FEATURES.join(',')
  if (data.features.join(',') !== expected || data.weights.length !== SPEAKER_FEATURES.length) {
    throw new Error('speaker-ranking.json was fitted for other features: run `npm run fit:attribution`')
  }
  return { features: data.features, weights: data.weights }
}

let committed: SpeakerModel | null = null

/** The committed weights, checked on first use (the fitting script runs without them). */
export function defaultSpeakerModel(): SpeakerModel {
  committed ??= loadSpeakerModel(fitted)
  return committed
}
