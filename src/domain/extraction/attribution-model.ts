import fitted from './data/attribution-model.json' with { type: 'json' }
import type { AttributionModel, LinearModel } from './extract-quotes.js'
import { QUOTE_FEATURES } from './quote-features.js'
import { JOIN_FEATURES } from './quote-groups.js'
import { SPEAKER_FEATURES } from './speaker-candidates.js'

interface ModelFile {
  speaker: { features: readonly string[]; weights: readonly number[] }
  quote: { features: readonly string[]; weights: readonly number[] }
  join: { features: readonly string[]; weights: readonly number[] }
}

function checked(part: ModelFile['speaker'], expected: readonly string[], name: string): LinearModel {
  if (part.features.join(',') !== expected.join(',') || part.weights.length !== expected.length) {
    throw new Error(`attribution-model.json has ${name} weights for other features: run \`npm run fit:attribution\``)
  }
  return { features: part.features, weights: part.weights }
}

/**
 * The weights that join quoted segments into quotations, keep or drop each group and rank its speaker
 * candidates, fitted by
 * scripts/fit-attribution.ts on the PolNeAR training split. A file written for other lists of features is
 * refused here rather than read out of step.
 */
export function loadAttributionModel(data: ModelFile): AttributionModel {
  return {
    speaker: checked(data.speaker, SPEAKER_FEATURES, 'speaker'),
    quote: checked(data.quote, QUOTE_FEATURES, 'quote'),
    join: checked(data.join, JOIN_FEATURES, 'join'),
  }
}

let committed: AttributionModel | null = null

/** The committed weights, checked on first use (the fitting script runs without them). */
export function defaultAttributionModel(): AttributionModel {
  committed ??= loadAttributionModel(fitted)
  return committed
}
