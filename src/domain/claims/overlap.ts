import {
  CLAIM_OVERLAP_THRESHOLD,
  sharesContent,
  sharesRunOfWords,
  sharesWording,
  type WordingOverlap,
} from '../wording/index.js'
import type { ClusterRendering } from './rendering.js'

/**
 * How often each word occurs in a wording, kept per token array: a rendering is compared with many
 * others (trigram candidates, seeds of its speaker), and its counts are the same every time.
 */
const wordCountCache = new WeakMap<readonly string[], Map<string, number>>()

function wordCounts(tokens: readonly string[]): Map<string, number> {
  let counts = wordCountCache.get(tokens)
  if (counts === undefined) {
    counts = new Map()
    for (const word of tokens) counts.set(word, (counts.get(word) ?? 0) + 1)
    wordCountCache.set(tokens, counts)
  }
  return counts
}

/**
 * Words the two wordings have in common, counted with multiplicity: an upper bound of the words
 * they share in order, in time linear in the distinct words of one side. Most pairs the clustering
 * looks at fail on this bound and never pay for an alignment.
 */
function commonWordCount(a: readonly string[], b: readonly string[]): number {
  const countsA = wordCounts(a)
  const countsB = wordCounts(b)
  const [fewer, more] = countsA.size <= countsB.size ? [countsA, countsB] : [countsB, countsA]
  let common = 0
  for (const [word, count] of fewer) common += Math.min(count, more.get(word) ?? 0)
  return common
}

/**
 * An upper bound of wordingOverlap from the words in common, ignoring their order; null when even
 * that cannot reach the threshold. Its ratio and matched are each at least the exact ones.
 */
export function overlapBound(a: readonly string[], b: readonly string[]): WordingOverlap | null {
  const shorter = Math.min(a.length, b.length)
  if (shorter === 0) return null
  const common = commonWordCount(a, b)
  return common / shorter < CLAIM_OVERLAP_THRESHOLD ? null : { ratio: common / shorter, matched: common }
}

/**
 * Below this many words a wording is a fragment ("by the book", "should be dropped"): 60% of it is
 * one or two words, which any long quote of the same speaker holds by chance, mostly function words.
 * A fragment is a rendering of a wording only when every one of its words is there, in order.
 * Measured on basil-dev (`npm run bench:consistency`): claim pair F1 0.745 -> 0.766, labels
 * 0.804 -> 0.812, seeds still exact; refusing fragments any join, or letting them found claims
 * for longer renderings, both did worse (0.64 and 0.69).
 */
export const FRAGMENT_WORDS = 4

/** Whether a wording is a fragment: fewer than FRAGMENT_WORDS words. */
export const isFragment = (tokens: readonly string[]): boolean => tokens.length < FRAGMENT_WORDS

/**
 * What a fragment (fewer than FRAGMENT_WORDS words) can match, as a store looks it up by words: by the
 * fragment rule of wordingOverlap, a wording at least as long holds every one of its words in order, and
 * a shorter one is some of its words, in order, with the rest left out. Returns the words to require and
 * those shorter wordings (each a list of words); null for a wording that is no fragment.
 */
export function fragmentLookup(words: readonly string[]): { required: string[]; shorter: string[][] } | null {
  if (words.length === 0 || !isFragment(words)) return null
  const shorter: string[][] = []
  // Every proper, non-empty subsequence: fewer than 2^(FRAGMENT_WORDS - 1) of them.
  for (let mask = 1; mask < (1 << words.length) - 1; mask++)
    shorter.push(words.filter((_, index) => (mask & (1 << index)) !== 0))
  return { required: [...new Set(words)], shorter }
}

/**
 * The overlap of two wordings when it makes them the same claim (the shorter shares at least
 * CLAIM_OVERLAP_THRESHOLD of its words, in order, with the longer, and all of them when it is a
 * fragment; and the two share a run of four words unless one has fewer than eight, sharesRunOfWords);
 * null when it does not. The bound only skips alignments that cannot reach it.
 */
export function wordingOverlap(a: readonly string[], b: readonly string[]): WordingOverlap | null {
  if (overlapBound(a, b) === null || !sharesRunOfWords(a, b)) return null
  const overlap = sharesWording(a, b)
  if (overlap.ratio < CLAIM_OVERLAP_THRESHOLD) return null
  if ((isFragment(a) || isFragment(b)) && overlap.ratio < 1) return null
  if (overlap.ratio < 1 && !sharesContent(a, b)) return null
  return overlap
}

/**
 * Orders overlaps best first: the larger share of the shorter wording (the measure the rule
 * itself uses), then more words matched (a full containment of a longer run is more evidence than
 * one of three words). Negative when x is the better overlap.
 */
export function compareOverlaps(x: WordingOverlap, y: WordingOverlap): number {
  if (x.ratio !== y.ratio) return y.ratio - x.ratio
  return y.matched - x.matched
}

/**
 * The best overlap of a rendering with a claim, null when it overlaps none of the claim's
 * renderings. A claim's canonical wording is always the wording of one of its renderings
 * (chooseCanonical picks among them), so comparing with every rendering covers it. Speakers are
 * not compared: the caller decides which claims to look at. This is not the joining rule, which
 * compares a rendering with each claim's seed only (cluster.ts); it answers whether a wording is
 * found anywhere in a claim, as verifying a pasted quote asks.
 */
export function overlapsClaim(
  rendering: Pick<ClusterRendering, 'tokens'>,
  claimRenderings: readonly Pick<ClusterRendering, 'tokens'>[],
): WordingOverlap | null {
  let best: WordingOverlap | null = null
  for (const member of claimRenderings) {
    const overlap = wordingOverlap(rendering.tokens, member.tokens)
    if (overlap !== null && (best === null || compareOverlaps(overlap, best) < 0)) best = overlap
  }
  return best
}
