/**
 * Editors' corrections of quotes, as facts the ingestion keeps rather than edits of the current rows: a
 * correction names a quote by its article, its exact words and which occurrence of those words it is
 * among the article's quotes, so it finds the quote again when the article is re-read or revised, as long
 * as the revision still prints it. Pure: the service stores corrections and hands them in.
 */

export interface QuoteCorrection {
  text: string
  /** 0 for the first quote of the article with these words, 1 for the second, … */
  occurrence: number
  /** the speaker an editor gave the quote; null for a "not a quotation" correction */
  speakerId: string | null
  /** an editor said these words are not a quotation (a scare quote, a title) */
  notQuotation: boolean
}

/** What becomes of each extracted quote: left out, or kept with the speaker an editor gave it, if any. */
export type CorrectedQuote = { kept: false } | { kept: true; occurrence: number; speakerId: string | null }

/** Which occurrence of its words each quote is, in the order the article prints them. */
export function occurrences(texts: readonly string[]): number[] {
  const seen = new Map<string, number>()
  return texts.map((text) => {
    const occurrence = seen.get(text) ?? 0
    seen.set(text, occurrence + 1)
    return occurrence
  })
}

const keyOf = (text: string, occurrence: number): string => `${occurrence}\u0000${text}`

/** The article's extracted quotes, each with the correction that names it applied. */
export function applyQuoteCorrections(
  texts: readonly string[],
  corrections: readonly QuoteCorrection[],
): CorrectedQuote[] {
  const byKey = new Map(corrections.map((correction) => [keyOf(correction.text, correction.occurrence), correction]))
  return occurrences(texts).map((occurrence, index) => {
    const correction = byKey.get(keyOf(texts[index] as string, occurrence))
    if (correction?.notQuotation) return { kept: false }
    return { kept: true, occurrence, speakerId: correction?.speakerId ?? null }
  })
}
