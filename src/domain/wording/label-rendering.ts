import { alignWords, type WordRun } from './align-words.js'
import { tokenizeBetweenEllipses, tokenizeWording } from './normalize-wording.js'

/** How faithfully a quote reproduces its claim's canonical wording, from most to least faithful. */
export const RENDERING_LABELS = ['verbatim', 'excerpt', 'extended', 'elided', 'altered'] as const
export type RenderingLabel = (typeof RENDERING_LABELS)[number]

export interface RenderingAssessment {
  label: RenderingLabel
  /**
   * Word-level similarity to the canonical wording, in [0, 1]: 2·matched / (|quote| + |canonical|),
   * matched being the in-order common words. This (Dice) form is symmetric and charges words left
   * out and words added alike, so it is 1 exactly when the words are the same (verbatim) and falls
   * as either side grows away from the other. It measures closeness, not honesty: a faithful
   * excerpt scores below 1, and the label says whether a difference was shown to the reader.
   */
  fidelity: number
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
  const totalWords = quoteWords.length + canonical.length
  return {
    label: labelWords(quoteWords, runsBetweenEllipses, canonical),
    fidelity: totalWords === 0 ? 1 : (2 * alignment.matched) / totalWords,
    diff: alignment.runs,
  }
}
