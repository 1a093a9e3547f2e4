import { countMatchedWords } from './align-words.js'

/**
 * Share of the shorter wording that a quote must have in common (in order) with a claim's wording
 * to join that claim. Measured against the shorter side so that an excerpt of a long statement
 * still joins it, however short the excerpt.
 */
export const CLAIM_OVERLAP_THRESHOLD = 0.6

export interface WordingOverlap {
  /** matched / words of the shorter wording, in [0, 1]; 0 when either wording has no words. */
  ratio: number
  /** Words matched in order (longest common subsequence). */
  matched: number
}

/** How much of the shorter of two tokenised wordings the other one repeats, in order. */
export function sharesWording(a: readonly string[], b: readonly string[]): WordingOverlap {
  const shorter = Math.min(a.length, b.length)
  if (shorter === 0) return { ratio: 0, matched: 0 }
  const matched = countMatchedWords(a, b)
  return { ratio: matched / shorter, matched }
}
