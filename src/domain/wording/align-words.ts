/**
 * In-order word alignment (longest common subsequence) of two wordings.
 *
 * Quotes are short, so the textbook O(n·m) dynamic programme is fast enough; three things keep it
 * cheap anyway:
 * - words shared at the start and at the end are matched directly, so two renderings that differ
 *   in one place only pay for the differing middle;
 * - words are replaced by small integers first, so the inner loop compares numbers, not strings;
 * - the table holds 16-bit lengths (2 bytes a cell).
 * Pathological inputs are bounded by {@link MAX_ALIGNED_CELLS}: when the differing middles of the
 * two wordings would need a larger table, the middles are reported as one replaced run instead.
 * The match count is then a lower bound (only the shared start and end), which errs on the side
 * of "these wordings differ" — nothing a real quote of a few hundred words ever reaches.
 */

/** Table size above which the differing middles are not aligned: about 2,000 × 2,000 words (8 MB). */
export const MAX_ALIGNED_CELLS = 4_000_000

export type WordRunOp = 'equal' | 'delete' | 'insert' | 'replace'

/**
 * A run of the edit script from `a` to `b`. `equal`: the same words in both (a and b hold the same
 * words); `delete`: words only in a; `insert`: words only in b; `replace`: a stretch between two
 * equal runs where a's words were replaced by b's. Concatenating every run's `a` gives back a,
 * every run's `b` gives back b.
 */
export interface WordRun {
  op: WordRunOp
  a: string[]
  b: string[]
}

export interface WordAlignment {
  /** Words of a matched in order to words of b: the length of their longest common subsequence. */
  matched: number
  runs: WordRun[]
}

/** The part of two wordings an alignment has to work on, once the shared start and end are cut off. */
interface DifferingMiddles {
  /** Words shared at the start (a[0..prefix) = b[0..prefix)). */
  prefix: number
  /** Words shared at the end, not overlapping the prefix. */
  suffix: number
  /** The middle of a, each word as an integer that is equal exactly when the words are. */
  a: Int32Array
  b: Int32Array
  /** Whether an exact alignment of the middles fits within {@link MAX_ALIGNED_CELLS}. */
  alignable: boolean
}

function differingMiddles(a: readonly string[], b: readonly string[]): DifferingMiddles {
  const shorter = Math.min(a.length, b.length)
  let prefix = 0
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++

  const lengthA = a.length - prefix - suffix
  const lengthB = b.length - prefix - suffix
  const alignable = (lengthA + 1) * (lengthB + 1) <= MAX_ALIGNED_CELLS
  const ids = new Map<string, number>()
  const encode = (words: readonly string[], length: number): Int32Array => {
    const encoded = new Int32Array(alignable ? length : 0)
    for (let i = 0; i < encoded.length; i++) {
      const word = words[prefix + i] as string
      let id = ids.get(word)
      if (id === undefined) {
        id = ids.size
        ids.set(word, id)
      }
      encoded[i] = id
    }
    return encoded
  }
  return { prefix, suffix, a: encode(a, lengthA), b: encode(b, lengthB), alignable }
}

/**
 * Table of suffix LCS lengths: cell (i, j) at i·(|b|+1)+j holds the LCS length of a[i..] and b[j..].
 * Every length is at most min(|a|, |b|), which the cell cap keeps below 2^16.
 */
function suffixLcsTable(a: Int32Array, b: Int32Array): Uint16Array {
  const width = b.length + 1
  const table = new Uint16Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    const row = i * width
    const below = row + width
    const wordA = a[i]
    for (let j = b.length - 1; j >= 0; j--) {
      if (wordA === b[j]) {
        table[row + j] = (table[below + j + 1] as number) + 1
      } else {
        const skipA = table[below + j] as number
        const skipB = table[row + j + 1] as number
        table[row + j] = skipA >= skipB ? skipA : skipB
      }
    }
  }
  return table
}

/** Collects single-word steps into runs, merging the deletions and insertions between two equal runs. */
class RunBuilder {
  readonly runs: WordRun[] = []
  private equal: string[] = []
  private deleted: string[] = []
  private inserted: string[] = []

  keep(word: string): void {
    this.flushChange()
    this.equal.push(word)
  }

  delete(word: string): void {
    this.flushEqual()
    this.deleted.push(word)
  }

  insert(word: string): void {
    this.flushEqual()
    this.inserted.push(word)
  }

  finish(): WordRun[] {
    this.flushEqual()
    this.flushChange()
    return this.runs
  }

  private flushEqual(): void {
    if (this.equal.length === 0) return
    this.runs.push({ op: 'equal', a: this.equal, b: [...this.equal] })
    this.equal = []
  }

  private flushChange(): void {
    if (this.deleted.length === 0 && this.inserted.length === 0) return
    const op: WordRunOp = this.inserted.length === 0 ? 'delete' : this.deleted.length === 0 ? 'insert' : 'replace'
    this.runs.push({ op, a: this.deleted, b: this.inserted })
    this.deleted = []
    this.inserted = []
  }
}

/**
 * Aligns two word sequences in order and returns the matched word count and the edit script from
 * a to b. Deterministic: shared leading and trailing words are matched first; in between, a word
 * is matched as early as possible, and where either side could give way, a's word is deleted
 * before b's is inserted.
 */
export function alignWords(a: readonly string[], b: readonly string[]): WordAlignment {
  const middles = differingMiddles(a, b)
  const { prefix, suffix } = middles
  const builder = new RunBuilder()
  for (let k = 0; k < prefix; k++) builder.keep(a[k] as string)

  const endA = a.length - suffix
  const endB = b.length - suffix
  let matched = prefix + suffix
  let i = prefix
  let j = prefix
  if (middles.alignable) {
    const table = suffixLcsTable(middles.a, middles.b)
    const width = middles.b.length + 1
    matched += table[0] as number
    while (i < endA && j < endB) {
      const row = (i - prefix) * width
      const column = j - prefix
      if (middles.a[i - prefix] === middles.b[column]) {
        builder.keep(a[i++] as string)
        j++
      } else if ((table[row + width + column] as number) >= (table[row + column + 1] as number)) {
        builder.delete(a[i++] as string)
      } else {
        builder.insert(b[j++] as string)
      }
    }
  }
  while (i < endA) builder.delete(a[i++] as string)
  while (j < endB) builder.insert(b[j++] as string)
  for (let k = endA; k < a.length; k++) builder.keep(a[k] as string)

  return { matched, runs: builder.finish() }
}

/**
 * The matched word count of {@link alignWords} without the edit script: two table rows instead of
 * the whole table, for the many comparisons made while looking for a quote's claim.
 */
export function countMatchedWords(a: readonly string[], b: readonly string[]): number {
  const middles = differingMiddles(a, b)
  const shared = middles.prefix + middles.suffix
  if (!middles.alignable) return shared

  // Rows run over the shorter middle, so memory is O(min(|a|, |b|)).
  const [outer, inner] = middles.a.length >= middles.b.length ? [middles.a, middles.b] : [middles.b, middles.a]
  let below = new Uint16Array(inner.length + 1)
  let current = new Uint16Array(inner.length + 1)
  for (let i = outer.length - 1; i >= 0; i--) {
    const word = outer[i]
    for (let j = inner.length - 1; j >= 0; j--) {
      if (word === inner[j]) {
        current[j] = (below[j + 1] as number) + 1
      } else {
        const skipOuter = below[j] as number
        const skipInner = current[j + 1] as number
        current[j] = skipOuter >= skipInner ? skipOuter : skipInner
      }
    }
    ;[below, current] = [current, below]
  }
  return shared + (below[0] as number)
}

/** The stretch of one wording that another's words cover (fitWords). */
export interface WordFit {
  /** Words of b matched, in order, to words of a: the length of their longest common subsequence. */
  matched: number
  /** Words of a from its first matched word to its last, both included; 0 when none is matched. */
  stretch: number
}

/**
 * The narrowest stretch of `a` that holds as many words of `b`, in order, as the whole of `a` does:
 * which part of a longer wording a quote printed. Among the alignments matching the most words
 * (their longest common subsequence), the one whose matched words of a lie closest together.
 * O(|a|·|b|) time and O(|a|) memory; null when the table would exceed {@link MAX_ALIGNED_CELLS}.
 */
export function fitWords(a: readonly string[], b: readonly string[]): WordFit | null {
  if ((a.length + 1) * (b.length + 1) > MAX_ALIGNED_CELLS) return null
  // Row i holds, for each j, the best (most matched, then narrowest) fit of b[0..i) into a stretch of
  // a ending at or before j. A stretch with no match yet is empty: where it starts costs nothing.
  let matched = new Int32Array(a.length + 1)
  let stretch = new Int32Array(a.length + 1)
  let nextMatched = new Int32Array(a.length + 1)
  let nextStretch = new Int32Array(a.length + 1)
  for (let i = 1; i <= b.length; i++) {
    const word = b[i - 1]
    for (let j = 1; j <= a.length; j++) {
      // b's word left unmatched.
      let bestMatched = matched[j] as number
      let bestStretch = stretch[j] as number
      // a's word inside the stretch, unmatched (a stretch with no match yet stays empty).
      const before = nextMatched[j - 1] as number
      const widened = before === 0 ? 0 : (nextStretch[j - 1] as number) + 1
      if (before > bestMatched || (before === bestMatched && widened < bestStretch)) {
        bestMatched = before
        bestStretch = widened
      }
      if (a[j - 1] === word) {
        const kept = (matched[j - 1] as number) + 1
        const keptStretch = kept === 1 ? 1 : (stretch[j - 1] as number) + 1
        if (kept > bestMatched || (kept === bestMatched && keptStretch < bestStretch)) {
          bestMatched = kept
          bestStretch = keptStretch
        }
      }
      nextMatched[j] = bestMatched
      nextStretch[j] = bestStretch
    }
    ;[matched, nextMatched] = [nextMatched, matched]
    ;[stretch, nextStretch] = [nextStretch, stretch]
  }
  // The stretch must end at a matched word: a fit ending at j that widened past it is never narrower.
  let best: WordFit = { matched: 0, stretch: 0 }
  for (let j = 1; j <= a.length; j++) {
    const fit = { matched: matched[j] as number, stretch: stretch[j] as number }
    if (fit.matched > best.matched || (fit.matched === best.matched && fit.stretch < best.stretch)) best = fit
  }
  return best
}
