import { isVerbAt, type Attribution, type SegmentWindow } from './attribution.js'
import type { Article } from './extract-quotes.js'
import { COORDINATORS } from './lexicon.js'
import type { QuotedSegment } from './quote-marks.js'
import type { Token } from './tokens.js'
import { score } from '../learning/conditional-logit.js'

/** Quoted segments that make one quotation, and the cue the rules found for it. */
export interface QuoteGroup {
  segments: number[]
  attribution: Attribution | null
}

const WORD = /[\p{L}\p{N}]+/gu
/** Most writer's tokens between two pieces of one quotation. */
const MAX_NARRATIVE_TOKENS = 60
const STAGE_DIRECTION = /^\([^()]*\)\.?$/

/**
 * Whether a quoted segment goes on with the quotation before it: `"X," she said, "Y."` is one quote in two
 * pieces, `"X," she said. "Y."` too by the convention of the annotated corpora, a new speech verb starts a new
 * one. The hand-written rules below give their answer as one feature among these; a logistic model fitted
 * with the other attribution models (scripts/fit-attribution.ts) decides. Their order is the order of the
 * weights.
 */
export const JOIN_FEATURES = [
  'bias',
  'rule-joins',
  'same-sentence',
  'same-paragraph',
  'next-paragraph',
  'writer-tokens-between',
  'nothing-between',
  'cue-between',
  'next-has-own-cue',
  'next-has-same-cue',
  'group-has-cue',
  'previous-ends-with-comma',
  'previous-ends-with-stop',
  'previous-left-open',
  'next-starts-lower-case',
  'next-continues-mark',
  'conjunction-before-next',
  'writer-goes-on-after-next',
  'next-fills-paragraph',
  'next-paragraph-opens-with-writer-words',
  'next-left-dangling',
  'one-sentence-end-between',
  'sentences-between',
] as const

export type JoinFeature = (typeof JOIN_FEATURES)[number]
const JOIN_INDEX = new Map<JoinFeature, number>(JOIN_FEATURES.map((name, index) => [name, index]))

/** One decision to join a segment to the group before it, as the model saw it. */
export interface JoinTrace {
  previous: number
  next: number
  features: number[]
  joined: boolean
}

function sameCue(a: Attribution | null, b: Attribution | null): boolean {
  return a !== null && b !== null && a.cueFirst === b.cueFirst
}

/** No sentence boundary of the writer between two segments of the same paragraph. */
function sameSentence(article: Article, previous: number, next: number): boolean {
  const from = (article.windows[previous] as SegmentWindow).close
  const to = (article.windows[next] as SegmentWindow).open
  const { tokens, sentenceEnds } = article
  if ((tokens[from] as Token).paragraph !== (tokens[to] as Token).paragraph) return false
  for (let i = from; i < to; i++) if (sentenceEnds[i]) return false
  return true
}

/**
 * `“tired river towns” and “our own forgotten farmers”`: quotations joined by a bare conjunction are one
 * list.
 */
function coordinated(article: Article, previous: number, next: number): boolean {
  const from = (article.windows[previous] as SegmentWindow).close + 1
  const to = (article.windows[next] as SegmentWindow).open
  const { tokens } = article
  if (to - from < 1 || to - from > 2 || (tokens[from] as Token).paragraph !== (tokens[to] as Token).paragraph)
    return false
  const between = tokens.slice(from, to).map((token) => token.lower)
  return between[between.length - 1] === 'and' || between[between.length - 1] === 'or'
}

/**
 * `that he has been “speaking” with Mexico and that they “know how I stand”`: a second that-clause
 * under the same cue reports a second statement, where a bare conjunction only lists words of one.
 */
function secondClause(article: Article, previous: number, next: number): boolean {
  const from = (article.windows[previous] as SegmentWindow).close + 1
  const to = (article.windows[next] as SegmentWindow).open
  const { tokens } = article
  for (let i = from; i + 1 < to; i++) {
    if (COORDINATORS.has((tokens[i] as Token).lower) && (tokens[i + 1] as Token).lower === 'that') return true
  }
  return false
}

/**
 * A quotation with no cue of its own goes on with the quote before it when the only words between
 * them are one sentence holding that quote's cue (`"X," said Y, a former official. "Z."`), or when
 * it opens the paragraph right after a paragraph that ended with a quote.
 */
function continuesGroup(article: Article, group: QuoteGroup, next: number): boolean {
  const attribution = group.attribution
  const last = group.segments[group.segments.length - 1] as number
  const from = (article.windows[last] as SegmentWindow).close + 1
  const to = (article.windows[next] as SegmentWindow).open - 1
  const { tokens } = article
  const opening = tokens[to + 1] as Token
  const closing = tokens[from - 1] as Token
  if (from > to)
    return (
      opening.paragraph === closing.paragraph + 1 &&
      isSentenceLike(article, next) &&
      !isDangling(article, next) &&
      !writerGoesOn(article, next)
    )
  if (!attribution || attribution.position === 'inside' || to - from > MAX_NARRATIVE_TOKENS) return false
  if (attribution.cueFirst < from || attribution.cueLast > to) return false
  if (opening.paragraph !== closing.paragraph && !continuesAfterCue(article, group, next)) return false
  for (let i = from; i < to; i++) if (article.sentenceEnds[i]) return false
  return true
}

/**
 * `"X," Trump explained.` ending one paragraph and a paragraph holding nothing but a quotation after it: the
 * quotation goes on with X, as a quote continued in the next paragraph does.
 */
function continuesAfterCue(article: Article, group: QuoteGroup, next: number): boolean {
  const { tokens } = article
  const window = article.windows[next] as SegmentWindow
  const last = group.segments[group.segments.length - 1] as number
  const paragraph = (tokens[window.open] as Token).paragraph
  const after = tokens[window.close + 1]
  return (
    paragraph === (tokens[window.open - 1] as Token).paragraph + 1 &&
    paragraph === (tokens[(article.windows[last] as SegmentWindow).close] as Token).paragraph + 1 &&
    (after === undefined || after.paragraph !== paragraph) &&
    isSentenceLike(article, group.segments[0] as number) &&
    isSentenceLike(article, next)
  )
}

/** A mark left open at a paragraph end that no continuing paragraph picks up: a stray mark rather than a quotation. */
function isDangling(article: Article, index: number): boolean {
  const segment = article.segments[index] as QuotedSegment
  return segment.closeMark < 0 && article.segments[index + 1]?.continuesPrevious !== true
}

/** The quoted words are part of the writer's sentence: a word of the writer's right before the opening mark. */
export function isEmbedded(article: Article, index: number): boolean {
  const window = article.windows[index] as SegmentWindow
  const before = article.tokens[window.open - 1]
  return before !== undefined && window.beforeFirst < window.open && before.isWord && before.segment < 0
}

/** The words from a token to the end of its paragraph. */
function restOfParagraph(article: Article, first: number): string {
  const { tokens, text } = article
  const start = tokens[first] as Token
  let last = first
  while (tokens[last + 1] && (tokens[last + 1] as Token).paragraph === start.paragraph) last++
  return text.slice(start.start, (tokens[last] as Token).end)
}

/** The writer's own sentence goes on right after the closing mark (`“American Skin” was written by …`). */
function writerGoesOn(article: Article, index: number): boolean {
  const window = article.windows[index] as SegmentWindow
  const after = article.tokens[window.close + 1]
  return after !== undefined && after.paragraph === (article.tokens[window.close] as Token).paragraph && after.isWord
}

function isSentenceLike(article: Article, index: number): boolean {
  const segment = article.segments[index] as QuotedSegment
  const content = article.text.slice(segment.start, segment.end)
  return /^[\p{Lu}\d…]/u.test(content.trimStart()) && wordCount(content) >= 3
}

function wordCount(content: string): number {
  return content.match(WORD)?.length ?? 0
}

function joinFeatures(
  article: Article,
  group: QuoteGroup,
  previous: number,
  next: number,
  attribution: Attribution | null,
  ruleJoins: boolean,
): number[] {
  const features = new Array<number>(JOIN_FEATURES.length).fill(0)
  const set = (name: JoinFeature, value = 1): void => {
    features[JOIN_INDEX.get(name) as number] = value
  }
  const { tokens, text } = article
  const from = (article.windows[previous] as SegmentWindow).close
  const to = (article.windows[next] as SegmentWindow).open
  const closing = tokens[from] as Token
  const opening = tokens[to] as Token
  const before = article.segments[previous] as QuotedSegment
  const after = article.segments[next] as QuotedSegment
  set('bias')
  if (ruleJoins) set('rule-joins')
  if (sameSentence(article, previous, next)) set('same-sentence')
  if (closing.paragraph === opening.paragraph) set('same-paragraph')
  else if (opening.paragraph === closing.paragraph + 1) set('next-paragraph')
  const between = Math.max(0, to - from - 1)
  set('writer-tokens-between', Math.log2(1 + Math.min(between, 255)) / 8)
  if (between === 0) set('nothing-between')
  const cue = group.attribution
  if (cue && cue.cueFirst > from && cue.cueLast < to) set('cue-between')
  if (attribution !== null) set(sameCue(cue, attribution) ? 'next-has-same-cue' : 'next-has-own-cue')
  if (cue !== null) set('group-has-cue')
  const inside = text.slice(before.start, before.end).trimEnd()
  if (/,$/.test(inside)) set('previous-ends-with-comma')
  if (/[.?!…]['’"]?$/.test(inside)) set('previous-ends-with-stop')
  if (before.closeMark < 0) set('previous-left-open')
  if (!/^[\p{Lu}\d…"“'‘]/u.test(text.slice(after.start, after.end).trimStart())) set('next-starts-lower-case')
  if (after.continuesPrevious) set('next-continues-mark')
  const conjunction = tokens[to - 1]
  if (conjunction && (conjunction.lower === 'and' || conjunction.lower === 'or' || conjunction.lower === 'but'))
    set('conjunction-before-next')
  if (writerGoesOn(article, next)) set('writer-goes-on-after-next')
  const nextWindow = article.windows[next] as SegmentWindow
  const beforeNext = tokens[nextWindow.open - 1]
  const afterNext = tokens[nextWindow.close + 1]
  // A stage direction after it ("(Applause.)") leaves the paragraph the quotation's.
  const afterIsAside = afterNext?.text === '(' && STAGE_DIRECTION.test(restOfParagraph(article, nextWindow.close + 1))
  if (
    (!beforeNext || beforeNext.paragraph !== opening.paragraph) &&
    (!afterNext || afterNext.paragraph !== opening.paragraph || afterIsAside)
  )
    set('next-fills-paragraph')
  if (opening.paragraph > closing.paragraph && beforeNext && beforeNext.paragraph === opening.paragraph)
    set('next-paragraph-opens-with-writer-words')
  if (isDangling(article, next)) set('next-left-dangling')
  // `"X," said Y, a former official. "Z."` ends one sentence between the pieces; a sentence of the writer's own
  // in between ends two.
  let ends = 0
  for (let i = from; i < to && i - from <= MAX_NARRATIVE_TOKENS; i++) if (article.sentenceEnds[i]) ends++
  if (ends === 1) set('one-sentence-end-between')
  set('sentences-between', Math.min(Math.max(0, ends - 1), 3) / 3)
  return features
}

/**
 * Groups the article's quoted segments into statements, left to right: each segment either goes on with the
 * statement before it (the same cue, the same speaker) or starts a new one, as the join model says. Titles and
 * stage directions ("(Applause.)") are left out. A statement is what the annotated corpora call one
 * attribution; splitQuotes cuts it into quotations.
 */
export function groupSegments(
  article: Article,
  attributions: readonly (Attribution | null)[],
  joinWeights: readonly number[],
  traces: JoinTrace[] | null,
): QuoteGroup[] {
  const groups: QuoteGroup[] = []
  let current: QuoteGroup | undefined
  article.segments.forEach((segment, index) => {
    if (STAGE_DIRECTION.test(article.text.slice(segment.start, segment.end).trim()) || article.titles[index]) return
    const attribution = attributions[index] ?? null
    const previous = current?.segments[current.segments.length - 1]
    if (current && previous !== undefined) {
      const ruleJoins =
        (segment.continuesPrevious && attribution === null) ||
        coordinated(article, previous, index) ||
        (attribution !== null && sameCue(current.attribution, attribution)) ||
        (attribution === null && (sameSentence(article, previous, index) || continuesGroup(article, current, index)))
      const features = joinFeatures(article, current, previous, index, attribution, ruleJoins)
      const joins = score(joinWeights, features) > 0
      traces?.push({ previous, next: index, features, joined: joins })
      if (joins) {
        current.segments.push(index)
        current.attribution ??= attribution
        return
      }
    }
    current = { segments: [index], attribution }
    groups.push(current)
  })
  return groups
}

/**
 * `should “try harder,” “dress better,” and, most of all, “smile”`: words quoted inside the writer's sentence
 * and, with no verb of saying between, more quoted words after them: a list of the writer's, each item a
 * quote. `listed` says the previous segment is itself embedded or an item of such a list.
 */
function listGoesOn(article: Article, previous: number, next: number, listed: boolean): boolean {
  if (!listed || !sameSentence(article, previous, next)) return false
  const from = (article.windows[previous] as SegmentWindow).close + 1
  const to = (article.windows[next] as SegmentWindow).open
  for (let i = from; i < to; i++) if (isVerbAt(article.tokens, i)) return false
  return true
}

/**
 * The quotations of one statement, by the seed gold's conventions: a quotation broken by its cue ("“X,” she
 * said, “Y.”") is one quote in pieces, but words quoted inside the writer's own sentence ("called her
 * “disgraceful” and said she “dishonored herself”") are each a quote of their own, and so is a second
 * that-clause under the same cue ("said that … “A” and that … “B”"). Returns groups of segment indexes.
 */
export function splitQuotes(article: Article, group: QuoteGroup): number[][] {
  const quotes: number[][] = []
  let listed = false
  group.segments.forEach((index, position) => {
    const previous = group.segments[position - 1]
    const current = quotes[quotes.length - 1]
    const embedded = isEmbedded(article, index)
    const listItem =
      previous !== undefined && listGoesOn(article, previous, index, listed || isEmbedded(article, previous))
    if (
      current === undefined ||
      previous === undefined ||
      (isEmbedded(article, previous) && embedded) ||
      listItem ||
      (sameSentence(article, previous, index) && secondClause(article, previous, index))
    )
      quotes.push([index])
    else current.push(index)
    listed = embedded || listItem
  })
  return quotes
}
