/**
 * Fingerprints of a wording for finding the same words elsewhere fast: every run of SHINGLE_SIZE
 * consecutive words, hashed to a signed 64-bit integer (a Postgres bigint), so a GIN index over
 * them finds the wordings that share a run. Runs of four words are specific enough that their
 * posting lists stay short, where common trigrams would make every lookup read half the corpus.
 * A wording shorter than that is one run of all its words.
 */
export const SHINGLE_SIZE = 4

/**
 * FNV-1a, 64 bits, as a signed 64-bit integer in decimal: the stored shingles are these values, so the
 * function must never change. Worked in four 16-bit limbs (least significant first) so that every
 * product stays exact in a double: per character, BigInt arithmetic cost 2 ms of an ingest's main
 * thread on real news. The prime is 2^40 + 0x1b3, so the product is the hash times 0x1b3 plus the hash
 * shifted up 40 bits (limb 2, times 2^8), modulo 2^64.
 */
export function fnv1a64(text: string): string {
  // 0xcbf29ce484222325
  let h0 = 0x2325
  let h1 = 0x8422
  let h2 = 0x9ce4
  let h3 = 0xcbf2
  for (let k = 0; k < text.length; k++) {
    h0 ^= text.charCodeAt(k)
    const r0 = h0 * 0x1b3
    const r1 = h1 * 0x1b3 + (r0 >>> 16)
    const r2 = h2 * 0x1b3 + h0 * 0x100 + (r1 >>> 16)
    const r3 = h3 * 0x1b3 + h1 * 0x100 + (r2 >>> 16)
    h0 = r0 & 0xffff
    h1 = r1 & 0xffff
    h2 = r2 & 0xffff
    h3 = r3 & 0xffff
  }
  return BigInt.asIntN(64, (BigInt(h3 * 0x10000 + h2) << 32n) | BigInt(h1 * 0x10000 + h0)).toString()
}

/** The distinct shingles of matched words (matchingWords), as decimal strings. */
export function wordShingles(tokens: readonly string[]): string[] {
  if (tokens.length === 0) return []
  const runs =
    tokens.length <= SHINGLE_SIZE
      ? [tokens.join(' ')]
      : Array.from({ length: tokens.length - SHINGLE_SIZE + 1 }, (_, k) => tokens.slice(k, k + SHINGLE_SIZE).join(' '))
  return [...new Set(runs.map(fnv1a64))]
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
 * src/services/shingle-probe.ts). Tokens are matched words (matchingWords); the sets of runs
 * are kept per token array.
 */
export function sharesRunOfWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < RUN_FREE_WORDS || b.length < RUN_FREE_WORDS) return true
  const [small, large] = a.length <= b.length ? [shingleSetOf(a), shingleSetOf(b)] : [shingleSetOf(b), shingleSetOf(a)]
  for (const shingle of small) if (large.has(shingle)) return true
  return false
}
