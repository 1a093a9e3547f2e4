import { eng as ENGLISH_STOPWORDS } from 'stopword'
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

/** English function words ("the", "what", "did"), from the maintained `stopword` package's list. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(ENGLISH_STOPWORDS)

/**
 * Whether the words two wordings share in order carry their content, not only their grammar: the shorter
 * side's content words (all but function words) must be shared at the same rate as its words. A five-word
 * excerpt meets 60% with "what … the … did" in any long quote of its speaker; its "understand" and
 * "secretary" are what make it a rendering of one. Wordings with no content word are judged on words alone.
 */
export function sharesContent(a: readonly string[], b: readonly string[]): boolean {
  const contentA = a.filter((word) => !FUNCTION_WORDS.has(word))
  const contentB = b.filter((word) => !FUNCTION_WORDS.has(word))
  const shorter = Math.min(contentA.length, contentB.length)
  if (shorter === 0) return true
  return countMatchedWords(contentA, contentB) / shorter >= CLAIM_OVERLAP_THRESHOLD
}
