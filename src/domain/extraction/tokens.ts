import { tagText, type PartOfSpeech } from './linguistics.js'
import type { QuotedSegment } from './quote-marks.js'

/** Longest apposition or aside read between a phrase and its verb, commas included. */
const MAX_APPOSITION_TOKENS = 14

export interface Token {
  start: number
  end: number
  text: string
  lower: string
  /** Universal part-of-speech tag from the tagger. */
  pos: PartOfSpeech
  isWord: boolean
  /** Starts with an upper-case letter. */
  capitalized: boolean
  /** Index of the paragraph (lines separated by a line break) holding the token. */
  paragraph: number
  /** Index of the double-quoted segment the token belongs to (its marks included), or -1 for the writer's own words. */
  segment: number
  /** May be part of a name: capitalised with evidence beyond the capital (see proper-names.ts). */
  proper: boolean
  /** Ends one of the writer's sentences (set by markSentenceEnds): no name runs across it. */
  endsSentence: boolean
  /**
   * Stands in a line written in title case, a headline's (set by markProperNames): a name there goes on only
   * through words marked `proper`, since every word has a capital.
   */
  inTitleCase: boolean
  /** Part of a quoted title ("Harbor Report Sunday"): read as the writer's words, but never a cue. */
  inTitle: boolean
  /**
   * An "and" inside one body's name ("the Food and Drug Administration", "the Department of Housing and Urban
   * Development"; set by markProperNames): a name's walk goes on across it.
   */
  joinsBody: boolean
}

const UPPER = /\p{Lu}/u
/** Two letters, the second lower case: how a word ends before a sentence's full stop ("…day"). */
const LOWER_CASE_ENDING = /^\p{L}\p{Ll}$/u
/** A capital and a lower-case letter: how a sentence's first word starts ("Th…"). */
const CAPITALISED_START = /^\p{Lu}\p{Ll}$/u
const WORD_START = /[\p{L}\p{N}]/u
/** A piece the tagger splits off a word that the rules read as part of it: "’s", "n’t", "’re". */
const CLITIC = /^(?:['’]\p{L}{1,2}|n['’]t)$/iu
const JOINERS = new Set(['-', '‐', '.', "'", '’'])

/**
 * The article's tokens, from the tagger's, with a word's clitics and inner joiners put back on it
 * ("Sheinbaum’s", "didn’t", "Rivera-Holt", "N.Y"): the rules read possessives and compounds as one word.
 */
export function tokenize(text: string, segments: readonly QuotedSegment[]): Token[] {
  const tagged = tagText(text)
  const tokens: Token[] = []
  let paragraph = 0
  let segmentIndex = 0
  // The next line break after the previous token: found once per break, so the whole scan stays linear.
  let nextBreak = text.indexOf('\n')
  const count = tagged.starts.length
  for (let i = 0; i < count; i++) {
    const start = tagged.starts[i] as number
    let end = tagged.ends[i] as number
    // The tagger keeps line breaks as tokens of their own; paragraphs are read from the gaps instead.
    if (end === start || tagged.pos[i] === 'SPACE') continue
    const pos = tagged.pos[i] as PartOfSpeech
    let last = i
    if (isWordStart(text.charCodeAt(start))) {
      // Glue what follows with no space between: a clitic, or a joiner between two word pieces.
      while (last + 1 < count && tagged.starts[last + 1] === end) {
        const nextStart = tagged.starts[last + 1] as number
        const nextEnd = tagged.ends[last + 1] as number
        if (
          nextEnd - nextStart <= 3 &&
          mayOpenClitic(text.charCodeAt(nextStart)) &&
          CLITIC.test(text.slice(nextStart, nextEnd))
        ) {
          last++
          end = nextEnd
          continue
        }
        const joiner = JOINERS.has(text[nextStart] as string)
        const after = last + 2 < count ? (tagged.starts[last + 2] as number) : -1
        if (
          joiner &&
          nextEnd - nextStart === 1 &&
          after === end + 1 &&
          isWordStart(text.charCodeAt(after)) &&
          !isMissingSpaceAfterStop(text, end, after)
        ) {
          last += 2
          end = tagged.ends[last] as number
          continue
        }
        if (joiner && nextEnd - nextStart > 1 && isWordStart(text.charCodeAt(nextStart + 1))) {
          last++
          end = nextEnd
          continue
        }
        break
      }
    }
    if (nextBreak >= 0 && nextBreak < start) {
      if (tokens.length > 0) paragraph++
      nextBreak = text.indexOf('\n', start)
    }
    let current = segments[segmentIndex]
    while (current && start >= segmentEnd(current)) current = segments[++segmentIndex]
    const raw = text.slice(start, end)
    const firstCode = text.charCodeAt(start)
    const isWord = isWordStart(firstCode)
    tokens.push({
      start,
      end,
      text: raw,
      lower: raw.toLowerCase(),
      pos,
      isWord,
      capitalized: isWord && isUpperStart(firstCode, raw),
      paragraph,
      segment: current && start >= current.openMark ? segmentIndex : -1,
      proper: false,
      endsSentence: false,
      inTitleCase: false,
      inTitle: false,
      joinsBody: false,
    })
    i = last
  }
  return tokens
}

/**
 * "on Thursday.Two senators", "said Roe.But": a full stop between a word whose last two letters end in lower case
 * and a word that starts with a capital and a lower-case letter is a sentence end whose space went missing, not the
 * inside of a word ("N.Y", "Amazon.com" stay whole; "St.Louis" is split and read as an abbreviation).
 */
function isMissingSpaceAfterStop(text: string, stop: number, after: number): boolean {
  return (
    text[stop] === '.' &&
    stop >= 2 &&
    LOWER_CASE_ENDING.test(text.slice(stop - 2, stop)) &&
    CAPITALISED_START.test(text.slice(after, after + 2))
  )
}

/**
 * What a clitic starts with: an apostrophe or the "n" of "n’t". Asked first so that the comma or full stop after most
 * words is not cut out and matched against CLITIC.
 */
function mayOpenClitic(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 110 || code === 78
}

/** A letter or a digit (ASCII answered without a regular expression: it is most of the text). */
function isWordStart(code: number): boolean {
  if (code < 128) return isAsciiDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return WORD_START.test(String.fromCharCode(code))
}

/** 0–9: what `\d` matches without the `u` flag, answered without a regular expression. */
export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isUpperStart(code: number, raw: string): boolean {
  if (code < 128) return code >= 65 && code <= 90
  return UPPER.test(raw[0] as string)
}

/** A word (not punctuation) that starts with a capital; false past either end of the tokens. */
export function isCapitalisedWord(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && token.capitalized
}

/**
 * The word without a possessive ending ("Roe’s" → "Roe", "Jones'" → "Jones"): what `word.replace(/['’]s?$/, '')`
 * gives, without a regular expression (it runs on most tokens, several times).
 */
export function withoutPossessive(word: string): string {
  const n = word.length
  const last = word.charCodeAt(n - 1)
  if (last === 115) {
    const before = word.charCodeAt(n - 2)
    return before === 39 || before === 0x2019 ? word.slice(0, n - 2) : word
  }
  return last === 39 || last === 0x2019 ? word.slice(0, n - 1) : word
}

/** The writer's verb at `at`, past any adverbs ("Roe quickly said"): what a subject just before `at` is the subject of. */
export function writersVerbFrom(tokens: readonly Token[], at: number): Token | null {
  while (tokens[at]?.pos === 'ADV') at++
  const verb = tokens[at]
  return verb !== undefined && verb.segment < 0 && (verb.pos === 'VERB' || verb.pos === 'AUX') ? verb : null
}

/**
 * The writer's verb after the phrase ending at `last`, past an apposition or aside set off by commas and any adverbs
 * ("Jane Roe, the mayor, said", "Jane Roe, however, voted", "Jane Roe quickly left"): the verb the phrase is the
 * subject of, if any.
 */
export function verbAfter(tokens: readonly Token[], last: number): Token | null {
  let next = last + 1
  if (tokens[next]?.text === ',') {
    let comma = next + 1
    while (comma < next + MAX_APPOSITION_TOKENS && tokens[comma] && (tokens[comma] as Token).text !== ',') comma++
    if (tokens[comma]?.text !== ',') return null
    next = comma + 1
  }
  return writersVerbFrom(tokens, next)
}

/** A word as the word lists hold it: lower case, without a possessive's "’s" and one final full stop ("Sen." → "sen"). */
export function bareWord(token: Token): string {
  return withoutFinalStop(withoutPossessive(token.lower))
}

/** The word without one final full stop: what `word.replace(/\.$/, '')` gives. */
export function withoutFinalStop(word: string): string {
  return word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word
}

/** The offset just past the segment's closing mark (or past its last character when unclosed). */
export function segmentEnd(segment: QuotedSegment): number {
  return segment.closeMark >= 0 ? segment.closeMark + 1 : segment.end
}

/** Index of the first item starting at or after the offset, in a list ordered by start. */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((items[mid] as { start: number }).start < offset) low = mid + 1
    else high = mid
  }
  return low
}

/** Index of the first token starting at or after the offset. */
export const tokenAt = (tokens: readonly Token[], offset: number): number => firstStartingAt(tokens, offset)
