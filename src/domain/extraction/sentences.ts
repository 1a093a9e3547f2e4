import { ABBREVIATIONS } from './lexicon.js'
import type { Token } from './tokens.js'

const TERMINAL = new Set(['.', '!', '?'])
const QUOTE_MARKS = new Set(['"', '”', '“', '»', '«'])
const OPENING_MARKS = new Set(['"', '“', '«', '„', '‘', "'"])

/**
 * For each token, whether it closes one of the writer's sentences. Only the writer's own words
 * count: a full stop inside a quotation does not end the sentence that carries the quotation.
 */
export function findSentenceEnds(tokens: readonly Token[]): boolean[] {
  const ends = new Array<boolean>(tokens.length).fill(false)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    const next = tokens[i + 1]
    if (next === undefined || next.paragraph !== token.paragraph) {
      ends[i] = true
      continue
    }
    if (token.segment >= 0) {
      // A quotation that ends its own sentence ("… defended.” Her words …") ends the writer's sentence too.
      const previous = tokens[i - 1]
      if (
        next.segment !== token.segment &&
        QUOTE_MARKS.has(token.text) &&
        previous !== undefined &&
        TERMINAL.has(previous.text) &&
        next.capitalized
      )
        ends[i] = true
      continue
    }
    const opensNext =
      next.capitalized || OPENING_MARKS.has(next.text) || isDigit(next.text.charCodeAt(0)) || next.segment >= 0
    // The tagger keeps a final full stop on an abbreviation ("in the U.S. The"); it knows when one ends a sentence.
    if (token.taggerSentenceEnd && token.isWord && /[.!?]$/.test(token.text) && opensNext) ends[i] = true
    if (!TERMINAL.has(token.text)) continue
    if (token.text === '.' && isAbbreviationStop(tokens, i)) continue
    if (opensNext) ends[i] = true
  }
  return ends
}

/** A full stop that belongs to an abbreviation or an initial ("Gov.", "U.S.", "Charles G. Koch"). */
function isAbbreviationStop(tokens: readonly Token[], dot: number): boolean {
  const previous = tokens[dot - 1]
  if (previous === undefined || previous.end !== (tokens[dot] as Token).start || !previous.isWord) return false
  if (ABBREVIATIONS.has(previous.lower)) return true
  return /^(\p{Lu}\.)*\p{Lu}$/u.test(previous.text)
}

/** An ASCII digit: what `/^\d/` tests of a first character. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
