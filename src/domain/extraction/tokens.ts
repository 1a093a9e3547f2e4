import type { QuotedSegment } from './quote-marks.js'

export interface Token {
  start: number
  end: number
  text: string
  lower: string
  isWord: boolean
  /** Starts with an upper-case letter. */
  capitalized: boolean
  /** Index of the paragraph (lines separated by a line break) holding the token. */
  paragraph: number
  /** Index of the double-quoted segment the token belongs to (its marks included), or -1 for the writer's own words. */
  segment: number
}

// Words keep inner apostrophes, hyphens and dots ("Sheinbaum’s", "vice-presidential", "U.S"); every other visible
// character is its own token.
const TOKEN = /[\p{L}\p{N}]+(?:['’.\-‐][\p{L}\p{N}]+)*|\n(?:\s*\n)*|\S/gu
const UPPER = /\p{Lu}/u

export function tokenize(text: string, segments: readonly QuotedSegment[]): Token[] {
  const tokens: Token[] = []
  let paragraph = 0
  let segmentIndex = 0
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0]
    const start = match.index
    if (raw[0] === '\n') {
      paragraph++
      continue
    }
    let current = segments[segmentIndex]
    while (current && start >= segmentEnd(current)) current = segments[++segmentIndex]
    const first = raw[0] as string
    const isWord = /[\p{L}\p{N}]/u.test(first)
    tokens.push({
      start,
      end: start + raw.length,
      text: raw,
      lower: raw.toLowerCase(),
      isWord,
      capitalized: isWord && UPPER.test(first),
      paragraph,
      segment: current && start >= current.openMark ? segmentIndex : -1,
    })
  }
  return tokens
}

/** The offset just past the segment's closing mark (or past its last character when unclosed). */
export function segmentEnd(segment: QuotedSegment): number {
  return segment.closeMark >= 0 ? segment.closeMark + 1 : segment.end
}

/** Index of the first token starting at or after the offset. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0
  let high = tokens.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((tokens[mid] as Token).start < offset) low = mid + 1
    else high = mid
  }
  return low
}
