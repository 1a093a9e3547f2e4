import { alignWords, fitWords, type WordAlignment, type WordRun } from './align-words.js'
import { tokenizeBetweenEllipses, tokenizeWording } from './normalize-wording.js'

/** How faithfully a quote reproduces its claim's canonical wording, from most to least faithful. */
export const RENDERING_LABELS = ['verbatim', 'excerpt', 'extended', 'elided', 'altered'] as const
export type RenderingLabel = (typeof RENDERING_LABELS)[number]

export interface RenderingAssessment {
  label: RenderingLabel
  /**
   * Whether the words printed are the speaker's words, in [0, 1]: 1 for a verbatim rendering and for
   * an exact excerpt, below 1 only for words changed, inserted or left out inside what was printed.
   * The printed words are compared with the stretch of the canonical wording they cover: the
   * narrowest stretch holding the most of the quote's words in order (their longest common
   * subsequence; fitWords). The figure is the Dice similarity of the quote and that stretch,
   * 2·matched / (|quote| + |stretch|): each word changed, added or cut inside the stretch lowers it;
   * canonical words before or after the stretch were simply not printed, which is coverage's business.
   * So an excerpt is 1; "A B … E F" for "A B C D E F" is 2·4 / (4 + 6) = 0.8 (two words cut inside
   * the span, shown by an ellipsis or not: the label says whether the reader was told); a quote adding
   * words around the canonical ones (extended) is 2·|canonical| / (|quote| + |canonical|); a quote
   * sharing no word is 0. The stretch is the part of the diff between its first and last equal run,
   * when the diff places the words as tightly as can be.
   */
  fidelity: number
  /**
   * How much of the canonical wording the rendering printed, in [0, 1]: the canonical words matched,
   * over all the canonical words. 1 for verbatim and extended renderings; a three-word excerpt of a
   * twelve-word wording covers 0.25. 1 when the canonical wording has no words.
   */
  coverage: number
  /** Edit script from the canonical wording (a) to the quote (b). */
  diff: WordRun[]
}

/** Start of the first occurrence of `run` in `words` at or after `from`; -1 when there is none. */
function indexOfRun(words: readonly string[], run: readonly string[], from: number): number {
  const lastStart = words.length - run.length
  for (let start = from; start <= lastStart; start++) {
    let k = 0
    while (k < run.length && words[start + k] === run[k]) k++
    if (k === run.length) return start
  }
  return -1
}

function sameWords(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((word, k) => word === y[k])
}

/**
 * Whether the quote's runs between ellipses occur in the canonical wording in order, each one
 * contiguous: that is, whether the quote can be read as the canonical wording with words left out
 * only where it shows an ellipsis. When the same words occur more than once, any such reading
 * counts. Placing every run at its earliest possible position finds one if there is one.
 */
function omitsOnlyAtEllipses(runsBetweenEllipses: readonly string[][], canonical: readonly string[]): boolean {
  let from = 0
  for (const run of runsBetweenEllipses) {
    const start = indexOfRun(canonical, run, from)
    if (start < 0) return false
    from = start + run.length
  }
  return true
}

function labelWords(
  quote: readonly string[],
  runsBetweenEllipses: readonly string[][],
  canonical: readonly string[],
): RenderingLabel {
  if (sameWords(quote, canonical)) return 'verbatim'
  // An empty quote reproduces nothing of a non-empty wording: it is no excerpt of it.
  if (quote.length === 0) return 'altered'
  if (indexOfRun(canonical, quote, 0) >= 0) return 'excerpt'
  if (canonical.length > 0 && indexOfRun(quote, canonical, 0) >= 0) return 'extended'
  // Not contiguous in the canonical wording, so if its runs fit in order there is a gap somewhere,
  // and every gap sits at an ellipsis.
  if (omitsOnlyAtEllipses(runsBetweenEllipses, canonical)) return 'elided'
  return 'altered'
}

/**
 * Labels a quote against its claim's canonical wording (both as printed; the words are compared
 * after normalisation):
 * - verbatim: the same words; excerpt: a contiguous run of the canonical words; extended: the
 *   canonical words are a contiguous run of the quote's;
 * - elided: the canonical words in order with words left out, and an ellipsis ("…", "...",
 *   ". . .") in the quote at every place words were left out;
 * - altered: anything else.
 * A quote printed in pieces is compared as its pieces joined by a space. The boundary between two
 * pieces is not an ellipsis: the reporter's words between pieces ("she said") tell the reader who
 * speaks, not that words were cut, so a cut there must be marked like any other.
 */
export function labelRendering(quote: string | readonly string[], canonicalText: string): RenderingAssessment {
  const quoteText = typeof quote === 'string' ? quote : quote.join(' ')
  const runsBetweenEllipses = tokenizeBetweenEllipses(quoteText)
  const quoteWords = runsBetweenEllipses.flat()
  const canonical = tokenizeWording(canonicalText)
  const alignment = alignWords(canonical, quoteWords)
  const label = labelWords(quoteWords, runsBetweenEllipses, canonical)
  return { label, ...figures(label, quoteWords, canonical, alignment), diff: alignment.runs }
}

/** Fidelity and coverage of a labelled quote (see RenderingAssessment). */
function figures(
  label: RenderingLabel,
  quote: readonly string[],
  canonical: readonly string[],
  alignment: WordAlignment,
): Pick<RenderingAssessment, 'fidelity' | 'coverage'> {
  const coverageOf = (matched: number) => (canonical.length === 0 ? 1 : matched / canonical.length)
  // The labels that say how the words fit give the figures directly: the quote is the stretch
  // (verbatim, excerpt), or holds the whole canonical wording plus words of its own (extended).
  if (label === 'verbatim') return { fidelity: 1, coverage: 1 }
  if (label === 'excerpt') return { fidelity: 1, coverage: coverageOf(quote.length) }
  if (label === 'extended') {
    return { fidelity: (2 * canonical.length) / (quote.length + canonical.length), coverage: 1 }
  }
  if (quote.length === 0) return { fidelity: 0, coverage: 0 }
  const fit = fitWords(canonical, quote) ?? fitFromAlignment(alignment)
  return {
    fidelity: (2 * fit.matched) / (quote.length + fit.stretch),
    coverage: coverageOf(fit.matched),
  }
}

/**
 * The fit read off the diff, for wordings too long to fit exactly: the stretch runs from its first
 * equal run to its last. It is never narrower than the narrowest, so the fidelity it gives errs low.
 */
function fitFromAlignment(alignment: WordAlignment): { matched: number; stretch: number } {
  const first = alignment.runs.findIndex((run) => run.op === 'equal')
  if (first < 0) return { matched: 0, stretch: 0 }
  const last = alignment.runs.findLastIndex((run) => run.op === 'equal')
  const stretch = alignment.runs.slice(first, last + 1).reduce((words, run) => words + run.a.length, 0)
  return { matched: alignment.matched, stretch }
}
