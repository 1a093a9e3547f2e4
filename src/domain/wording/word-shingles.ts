/**
 * Fingerprints of a wording for finding the same words elsewhere fast: every run of SHINGLE_SIZE
 * consecutive words, hashed to a signed 64-bit integer (a Postgres bigint), so a GIN index over
 * them finds the wordings that share a run. Runs of four words are specific enough that their
 * posting lists stay short, where common trigrams would make every lookup read half the corpus.
 * A wording shorter than that is one run of all its words.
 */
export const SHINGLE_SIZE = 4

const FNV_OFFSET = 0xcbf29ce484222325n
const FNV_PRIME = 0x100000001b3n
const MASK = (1n << 64n) - 1n

function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET
  for (let k = 0; k < text.length; k++) {
    hash ^= BigInt(text.charCodeAt(k))
    hash = (hash * FNV_PRIME) & MASK
  }
  return BigInt.asIntN(64, hash)
}

/** The distinct shingles of normalised words (tokenizeWording), as decimal strings. */
export function wordShingles(tokens: readonly string[]): string[] {
  if (tokens.length === 0) return []
  const runs =
    tokens.length <= SHINGLE_SIZE
      ? [tokens.join(' ')]
      : Array.from({ length: tokens.length - SHINGLE_SIZE + 1 }, (_, k) => tokens.slice(k, k + SHINGLE_SIZE).join(' '))
  return [...new Set(runs.map((run) => fnv1a64(run).toString()))]
}

const shingleSets = new WeakMap<readonly string[], Set<string>>()
const shingleSetOf = (tokens: readonly string[]): Set<string> => {
  let set = shingleSets.get(tokens)
  if (set === undefined) shingleSets.set(tokens, (set = new Set(wordShingles(tokens))))
  return set
}

/**
 * Below this many words, two renderings of one utterance often share no run of SHINGLE_SIZE words (a
 * contraction spelt out, one word changed in the middle of seven); from it on, renderings that share
 * 60% of their words almost always share one too. Chosen on basil-dev (`npm run bench:consistency`):
 * requiring a run from wordings of four words or more lost 0.028 claim pair F1, from eight none.
 */
export const RUN_FREE_WORDS = 8

/**
 * Whether two wordings may be renderings of one claim as far as their runs of words go: they share
 * a run of SHINGLE_SIZE words, or one of them has fewer than RUN_FREE_WORDS words. This is how the
 * store finds the claims a rendering may join (src/services/claim-grouping.ts) without reading every
 * claim of its speaker, so the grouping rule requires it too, and a full rebuild agrees with the
 * store (short of runs so common the store skips them: COMMON_SHINGLE_HOLDERS in
 * src/services/shingle-probe.ts). Tokens are normalised words (tokenizeWording); the sets of runs
 * are kept per token array.
 */
export function sharesRunOfWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < RUN_FREE_WORDS || b.length < RUN_FREE_WORDS) return true
  const [small, large] = a.length <= b.length ? [shingleSetOf(a), shingleSetOf(b)] : [shingleSetOf(b), shingleSetOf(a)]
  for (const shingle of small) if (large.has(shingle)) return true
  return false
}
