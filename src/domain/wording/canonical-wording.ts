import { unmaskExpletives } from './masked-words.js'

/** A quote as printed by one article, with what is known of when it appeared. */
export interface DatedRendering {
  id: string
  articleId: string
  /** Publication date given by the outlet; null when the article does not say. */
  publishedAt: Date | null
  /** When Verbatim ingested the article: the stand-in for an unknown publication date. */
  ingestedAt: Date
}

export interface WordedRendering extends DatedRendering {
  /** The quote's words as matched (matchingWords), joined by single spaces: what a wording is tallied by. */
  normalized: string
  /** The quote's text exactly as printed; pieces of a quote printed in several joined by one space. */
  original: string
  /**
   * Whether the quote was printed in several pieces (its words interrupted by the reporter's, as in
   * "X," she said. "Y."): its joined text then reads as something nobody printed (", Y" where the
   * speaker's sentence ended), so it shows a wording only when no one printed that wording whole.
   */
  inPieces?: boolean
}

export interface CanonicalWording {
  normalized: string
  /** The text as printed by the rendering that shows this wording (WordingTally.shown). */
  original: string
  /** The rendering that text comes from. */
  renderingId: string
}

function appearedAt(rendering: DatedRendering): number {
  return (rendering.publishedAt ?? rendering.ingestedAt).getTime()
}

/** Earlier appearance first; the same instant falls back to id order so input order never matters. */
export function appearsBefore(x: DatedRendering, y: DatedRendering): boolean {
  const atX = appearedAt(x)
  const atY = appearedAt(y)
  if (atX !== atY) return atX < atY
  return x.id < y.id
}

/**
 * The rendering that appeared first: earliest publishedAt (ingestedAt where the publication date is
 * unknown), then smallest id. Null for no renderings.
 */
export function firstAppearance<T extends DatedRendering>(renderings: readonly T[]): T | null {
  let first: T | null = null
  for (const rendering of renderings) {
    if (first === null || appearsBefore(rendering, first)) first = rendering
  }
  return first
}

/**
 * One distinct wording of a claim and the facts its ranking needs: how many distinct articles
 * printed it, and the rendering that printed it first. What a claim's canonical wording is chosen
 * from, so a store can keep these per claim and update them as renderings join instead of
 * re-reading every member.
 */
export interface WordingTally {
  normalized: string
  articleCount: number
  first: WordedRendering
  /** The printing the wording is shown by (showsBetter): the earliest of those printing it best. */
  shown: WordedRendering
}

/** Whether a printing masks a word ("f---ing"): it then shows its wording only when no one printed the word. */
const masksAWord = (rendering: WordedRendering): boolean => unmaskExpletives(rendering.original) !== rendering.original

/**
 * Whether rendering x shows a wording better than y: printed in one piece, then with every word as
 * said (renderings masking an expletive share the wording of those printing it), then earlier.
 */
export function showsBetter(x: WordedRendering, y: WordedRendering): boolean {
  if (Boolean(x.inPieces) !== Boolean(y.inPieces)) return !x.inPieces
  const maskedX = masksAWord(x)
  if (maskedX !== masksAWord(y)) return !maskedX
  return appearsBefore(x, y)
}

/** Words of an already normalised wording: no need to normalise it again to count them. */
const wordCount = (normalized: string): number => (normalized === '' ? 0 : normalized.split(' ').length)

/** Whether wording x ranks above y as a claim's canonical wording. */
export function outranks(x: WordingTally, y: WordingTally): boolean {
  if (x.articleCount !== y.articleCount) return x.articleCount > y.articleCount
  const wordsX = wordCount(x.normalized)
  const wordsY = wordCount(y.normalized)
  if (wordsX !== wordsY) return wordsX > wordsY
  return appearsBefore(x.first, y.first)
}

/** The distinct wordings of some renderings, tallied. */
export function tallyWordings(renderings: readonly WordedRendering[]): WordingTally[] {
  const byWording = new Map<string, WordedRendering[]>()
  for (const rendering of renderings) {
    const group = byWording.get(rendering.normalized)
    if (group === undefined) byWording.set(rendering.normalized, [rendering])
    else group.push(rendering)
  }
  return [...byWording].map(([normalized, group]) => ({
    normalized,
    articleCount: new Set(group.map((rendering) => rendering.articleId)).size,
    // A group exists only once it holds a rendering.
    first: firstAppearance(group) as WordedRendering,
    shown: group.reduce((best, rendering) => (showsBetter(rendering, best) ? rendering : best)),
  }))
}

/** The canonical wording among tallied wordings (see chooseCanonical); null for none. */
export function canonicalOf(tallies: readonly WordingTally[]): CanonicalWording | null {
  let best: WordingTally | null = null
  for (const tally of tallies) if (best === null || outranks(tally, best)) best = tally
  if (best === null) return null
  return { normalized: best.normalized, original: best.shown.original, renderingId: best.shown.id }
}

/**
 * The canonical wording of a claim: the normalised wording printed by the most distinct articles
 * (one article repeating a quote does not make it more canonical); ties go to the longest wording
 * in words, as the fullest record of what was said, then to the wording that appeared first, with
 * firstAppearance's id tie-break last, so the choice never depends on input order. Its original text
 * is the one printed by the earliest article with that wording, preferring one that printed it in
 * one piece (pieces joined read as a text nobody printed), then one masking no word. Null for no
 * renderings.
 */
export function chooseCanonical(renderings: readonly WordedRendering[]): CanonicalWording | null {
  return canonicalOf(tallyWordings(renderings))
}
