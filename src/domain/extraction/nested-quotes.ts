import type { Article } from './extract-quotes.js'
import { SPEECH_VERBS } from './lexicon.js'
import { isAuxiliary, pronounOf } from './noun-phrases.js'
import type { QuotedSegment } from './quote-marks.js'
import { tokenAt, type Token } from './tokens.js'
import type { ExtractedQuote, Speaker } from './types.js'

/** How far before an inner quotation its cue may sit inside the outer one ("he has said, ‘…’"). */
const CUE_REACH = 6

/**
 * Words quoted inside a quotation by someone other than its speaker ("He said, ‘How can we help
 * you?’" in the mouth of Sheinbaum) come out as their own quote for the inner speaker. Without a
 * speech verb and a third-person subject right before them they are the outer speaker's own words.
 */
export function findNestedQuotes(
  article: Article,
  segmentIndexes: readonly number[],
  outer: Speaker | null,
): Omit<ExtractedQuote, 'statement'>[] {
  const nested: Omit<ExtractedQuote, 'statement'>[] = []
  for (const index of segmentIndexes) {
    const segment = article.segments[index] as QuotedSegment
    for (const inner of segment.inner) {
      const quote = nestedQuote(article, inner.start, inner.end, outer)
      if (quote) nested.push(quote)
    }
  }
  return nested
}

function nestedQuote(
  article: Article,
  start: number,
  end: number,
  outer: Speaker | null,
): Omit<ExtractedQuote, 'statement'> | null {
  const { tokens, text, registry } = article
  const mark = tokenAt(tokens, start - 1)
  const floor = Math.max(0, mark - CUE_REACH)
  for (let verb = mark - 1; verb >= floor; verb--) {
    const token = tokens[verb] as Token
    if (!SPEECH_VERBS.has(token.lower)) continue
    let subject = verb - 1
    while (subject > floor && isAuxiliary(tokens[subject] as Token)) subject--
    const subjectToken = tokens[subject] as Token
    const pronoun = pronounOf(subjectToken)
    if (pronoun !== 'he' && pronoun !== 'she' && pronoun !== 'they') return null
    const resolved = registry.resolvePronoun(pronoun, subjectToken.start, outer?.name ?? null)
    if (!resolved) return null
    const speaker: Speaker = {
      name: resolved.entity.name,
      title: resolved.entity.title,
      kind: resolved.entity.kind,
      mention: [subjectToken.start, subjectToken.start + pronoun.length],
      resolvedBy: 'pronoun',
      named: resolved.entity.named,
      offices: resolved.entity.named ? resolved.entity.offices : [],
    }
    return {
      text: text.slice(start, end),
      spans: [[start, end]],
      kind: 'nested',
      cue: { text: token.text, span: [token.start, token.end] },
      speaker,
      via: null,
      confidence: 0.6,
    }
  }
  return null
}
