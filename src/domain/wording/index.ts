/**
 * Comparing the wordings of quotes: normalisation, word alignment, claim membership, the
 * faithfulness label of a rendering, and the choice of a claim's canonical wording. Pure functions.
 */
export { matchingWords, normalizeWording, tokenizeWording, searchKey } from './normalize-wording.js'
export { alignWords, MAX_ALIGNED_CELLS } from './align-words.js'
export type { WordAlignment, WordRun, WordRunOp } from './align-words.js'
export { sharesContent, sharesWording, CLAIM_OVERLAP_THRESHOLD } from './claim-overlap.js'
export type { WordingOverlap } from './claim-overlap.js'
export { labelRendering, RENDERING_LABELS } from './label-rendering.js'
export type { RenderingAssessment, RenderingLabel } from './label-rendering.js'
export {
  appearsBefore,
  canonicalOf,
  chooseCanonical,
  firstAppearance,
  outranks,
  showsBetter,
  tallyWordings,
} from './canonical-wording.js'
export type { CanonicalWording, DatedRendering, WordedRendering, WordingTally } from './canonical-wording.js'
export { RUN_FREE_WORDS, SHINGLE_SIZE, sharesRunOfWords, wordShingles } from './word-shingles.js'
