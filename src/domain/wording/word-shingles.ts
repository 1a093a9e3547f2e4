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
