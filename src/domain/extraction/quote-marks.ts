/**
 * One linear scan over the text that pairs double quotation marks (straight, curly, guillemets)
 * into quoted segments, then finds single-quoted (or differently styled double-quoted) segments
 * nested inside them.
 */

export interface InnerSegment {
  /** Offsets of the quoted characters, marks excluded. */
  start: number
  end: number
}

export interface QuotedSegment {
  /** Offsets of the quoted characters, marks excluded. */
  start: number
  end: number
  openMark: number
  /** Offset of the closing mark, or -1 when the paragraph ended first. */
  closeMark: number
  /** Opened at the start of a paragraph while the previous segment was left open: the same quotation goes on. */
  continuesPrevious: boolean
  inner: InnerSegment[]
}

type MarkRole = 'open' | 'close' | 'either'

const OPENING_DOUBLE = new Set(['“', '«', '„'])
const CLOSING_DOUBLE = new Set(['”', '»'])
const DOUBLE_MARKS = new Set(['"', '“', '”', '«', '»', '„'])
const SINGLE_MARKS = new Set(["'", '‘', '’', '‹', '›'])
const BEFORE_OPENING = new Set('([{—–―-/"“”‘’\'«»‹›:…')
const AFTER_CLOSING = new Set('.,;:!?)]}—–―-"“”‘’\'«»‹›…')

const NEXT_MARK = /["“”«»„]/g
const NEXT_MARK_OR_BREAK = /["“”«»„\n]/g

/** What follows a closing mark and never the first character of a quotation. */
const CLOSING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}'])

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0'
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
}

/**
 * The role a mark plays, judged first by the characters around it (typesetters often pick the wrong glyph), then by
 * its glyph.
 */
function roleOf(text: string, at: number, lower: number, upper: number): MarkRole {
  const ch = text[at] as string
  const before = at > lower ? text[at - 1] : undefined
  const after = at + 1 < upper ? text[at + 1] : undefined
  const leftBoundary = isSpace(before) || BEFORE_OPENING.has(before as string)
  const rightBoundary = isSpace(after) || AFTER_CLOSING.has(after as string)
  const looksOpening = leftBoundary && !isSpace(after) && !CLOSING_PUNCTUATION.has(after as string)
  const looksClosing = !isSpace(before) && rightBoundary
  if (looksOpening && !looksClosing) return 'open'
  if (looksClosing && !looksOpening) return 'close'
  if (OPENING_DOUBLE.has(ch) || ch === '‘' || ch === '‹') return 'open'
  if (CLOSING_DOUBLE.has(ch) || ch === '’' || ch === '›') return 'close'
  return 'either'
}

function trimEnd(text: string, end: number, floor: number): number {
  let e = end
  while (e > floor && isSpace(text[e - 1])) e--
  return e
}

function isStraight(ch: string): boolean {
  return ch === '"'
}

export function findQuotedSegments(text: string): QuotedSegment[] {
  const segments: QuotedSegment[] = []
  let openAt = -1
  let openGlyph = ''
  let continuing = false
  // Depth of a differently styled double quotation inside the open one ("… the question: “As you know …?” Forty-three
  // …").
  let innerDepth = 0
  let innerStart = -1
  let inner: InnerSegment[] = []
  // Offset where the paragraph holding the open segment ended, or -1 while still inside it.
  let paragraphEnd = -1

  const close = (end: number, closeMark: number): void => {
    segments.push({ start: openAt + 1, end, openMark: openAt, closeMark, continuesPrevious: continuing, inner })
    openAt = -1
    innerDepth = 0
    inner = []
    paragraphEnd = -1
  }

  for (let i = 0; i < text.length; i++) {
    // Jump to what matters: the next mark, or while a quotation is open the next line break too. Only right after
    // a paragraph break inside an open quotation is every character read.
    if (paragraphEnd < 0) {
      const pattern = openAt < 0 ? NEXT_MARK : NEXT_MARK_OR_BREAK
      pattern.lastIndex = i
      const found = pattern.exec(text)
      if (found === null) break
      i = found.index
    }
    const ch = text[i] as string
    if (ch === '\n') {
      if (openAt >= 0 && paragraphEnd < 0) paragraphEnd = trimEnd(text, i, openAt + 1)
      continue
    }
    if (openAt >= 0 && paragraphEnd >= 0 && !isSpace(ch) && !DOUBLE_MARKS.has(ch)) {
      // The paragraph ended and the next one does not open with a mark: the quotation stopped at the break.
      close(paragraphEnd, -1)
      continuing = false
    }
    if (!DOUBLE_MARKS.has(ch)) continue
    const role = roleOf(text, i, 0, text.length)
    if (openAt < 0) {
      // `author="…"`, `href="…"`: a mark right after an equals sign delimits a value in markup, not speech; so
      // does the mark that ends the value, which would otherwise open a quotation over the markup after it.
      if (text[i - 1] === '=') {
        i = endOfMarkupValue(text, i)
        continue
      }
      if (role !== 'close') {
        openAt = i
        openGlyph = ch
        continuing = false
      }
      continue
    }
    if (paragraphEnd >= 0) {
      // A mark opening the next paragraph while the quotation is still open: the same speech goes on.
      const sameStyle = isStraight(ch) === isStraight(openGlyph)
      close(paragraphEnd, -1)
      openAt = i
      openGlyph = ch
      continuing = sameStyle
      continue
    }
    if (role === 'open') {
      if (isStraight(ch) !== isStraight(openGlyph)) {
        innerDepth++
        innerStart = i + 1
        continue
      }
      close(trimEnd(text, i, openAt + 1), -1)
      openAt = i
      openGlyph = ch
      continuing = false
      continue
    }
    if (innerDepth > 0) {
      innerDepth--
      inner.push({ start: innerStart, end: i })
      continue
    }
    close(i, i)
    continuing = false
  }
  if (openAt >= 0) close(paragraphEnd >= 0 ? paragraphEnd : trimEnd(text, text.length, openAt + 1), -1)

  for (const segment of segments) segment.inner.push(...findSingleQuoted(text, segment.start, segment.end))
  for (const segment of segments) segment.inner.sort((a, b) => a.start - b.start)
  return segments
}

/** The mark closing a markup value opened at `open`, or `open` itself when its line holds none. */
function endOfMarkupValue(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\n') return open
    if (DOUBLE_MARKS.has(ch)) return i
  }
  return open
}

/** Single-quoted stretches inside a double-quoted segment; an apostrophe between letters never opens or closes one. */
function findSingleQuoted(text: string, start: number, end: number): InnerSegment[] {
  const found: InnerSegment[] = []
  let openAt = -1
  for (let i = start; i < end; i++) {
    const ch = text[i] as string
    if (!SINGLE_MARKS.has(ch)) continue
    const before = i > start ? text[i - 1] : undefined
    const after = i + 1 < end ? text[i + 1] : undefined
    if (isWordChar(before) && isWordChar(after)) continue
    const role = roleOf(text, i, start, end)
    if (openAt < 0) {
      if (role === 'open' && isWordChar(after)) openAt = i
    } else if (role === 'close' && !isWordChar(after)) {
      found.push({ start: openAt + 1, end: i })
      openAt = -1
    }
  }
  return found
}
