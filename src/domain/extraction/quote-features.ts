import { isVerbAt, type SegmentWindow } from './attribution.js'
import { DETERMINERS, NAMING_VERBS, POSSESSIVE_PRONOUNS, PREPOSITIONS, SPEECH_NOUNS, TERM_NOUNS } from './lexicon.js'
import { isSpeechVerb } from './noun-phrases.js'
import type { QuotedSegment } from './quote-marks.js'
import type { Token } from './tokens.js'

/**
 * What tells a quotation someone said from a scare quote, a title or a term: the features every group of
 * quoted segments is described by before a logistic model (fitted with the speaker ranking, by
 * scripts/fit-attribution.ts) keeps or drops it. Their order is the order of the weights.
 */
export const QUOTE_FEATURES = [
  'bias',
  'rule-cue',
  'best-speaker-score',
  'speaker:none',
  'speaker:previous',
  'words',
  'words:one',
  'words:two-or-three',
  'starts-lower-case',
  'ends-with-stop',
  'after-determiner',
  'after-naming-verb',
  'after-as',
  'after-as-with-speech-verb',
  'after-term-noun',
  'after-speech-verb',
  'after-colon-or-comma',
  'after-preposition',
  'used-as-noun',
  'left-dangling',
  'link-follows',
  'speech-verb-in-sentence',
  'speech-noun-before',
  'owned-speech-noun-before',
  'capitalised-words-only',
  'whole-paragraph',
  'pieces',
  'sentence-holds-another-quote',
  'previous-group-kept',
] as const

export type QuoteFeature = (typeof QUOTE_FEATURES)[number]

const INDEX = new Map<QuoteFeature, number>(QUOTE_FEATURES.map((name, index) => [name, index]))
const WORD = /[\p{L}\p{N}]+/gu
const STOP = /[.?!…][’'"]?$/

export interface QuoteEvidence {
  text: string
  tokens: readonly Token[]
  segments: readonly QuotedSegment[]
  windows: readonly SegmentWindow[]
  /** The group's segments, in order. */
  group: readonly number[]
  hasRuleCue: boolean
  /** Score of the speaker candidate the ranking chose, and what kind it was. */
  bestSpeakerScore: number
  chosen: 'mention' | 'previous' | 'none'
  speechVerbInSentence: boolean
  previousKept: boolean
  /** Another group in the same sentence. */
  sharesSentence: boolean
}

export function quoteFeatures(evidence: QuoteEvidence): number[] {
  const features = new Array<number>(QUOTE_FEATURES.length).fill(0)
  const set = (name: QuoteFeature, value = 1): void => {
    features[INDEX.get(name) as number] = value
  }
  const { text, tokens, segments, windows, group } = evidence
  const last = segments[group[group.length - 1] as number] as QuotedSegment
  const firstWindow = windows[group[0] as number] as SegmentWindow
  const lastWindow = windows[group[group.length - 1] as number] as SegmentWindow
  const content = group
    .map((index) => text.slice((segments[index] as QuotedSegment).start, (segments[index] as QuotedSegment).end))
    .join(' ')
  const words = content.match(WORD) ?? []
  set('bias')
  if (evidence.hasRuleCue) set('rule-cue')
  set('best-speaker-score', Math.max(-5, Math.min(10, evidence.bestSpeakerScore)) / 10)
  if (evidence.chosen === 'none') set('speaker:none')
  if (evidence.chosen === 'previous') set('speaker:previous')
  set('words', Math.log2(1 + words.length) / 8)
  if (words.length <= 1) set('words:one')
  else if (words.length <= 3) set('words:two-or-three')
  if (!/^[\p{Lu}\d…"“'‘]/u.test(content.trimStart())) set('starts-lower-case')
  if (STOP.test(text.slice(last.start, last.end).trimEnd())) set('ends-with-stop')
  const before = tokens[firstWindow.open - 1]
  const twoBefore = tokens[firstWindow.open - 2]
  if (before && before.paragraph === (tokens[firstWindow.open] as Token).paragraph) {
    if (DETERMINERS.has(before.lower) || /['’]s$/.test(before.lower)) set('after-determiner')
    // Used as verbs: "called it “…”" names, "her call “…”" does not.
    const at = firstWindow.open
    if (
      (NAMING_VERBS.has(before.lower) && isVerbAt(tokens, at - 1)) ||
      (twoBefore && NAMING_VERBS.has(twoBefore.lower) && before.isWord && isVerbAt(tokens, at - 2))
    )
      set('after-naming-verb')
    if (
      (isSpeechVerb(before) && isVerbAt(tokens, at - 1)) ||
      (twoBefore && isSpeechVerb(twoBefore) && before.lower === 'that' && isVerbAt(tokens, at - 2))
    )
      set('after-speech-verb')
    if (before.text === ':' || before.text === ',') set('after-colon-or-comma')
    if (PREPOSITIONS.has(before.lower) && before.lower !== 'as') set('after-preposition')
    if (before.lower === 'as') {
      // "described her as “…”" reports words; "designated them as “…”" gives a name.
      let verb = false
      for (let i = firstWindow.open - 2; i >= Math.max(firstWindow.sentenceFirst, firstWindow.open - 7); i--) {
        if (isSpeechVerb(tokens[i])) verb = true
      }
      set(verb ? 'after-as-with-speech-verb' : 'after-as')
    }
    if (TERM_NOUNS.has(before.lower) || (twoBefore && TERM_NOUNS.has(twoBefore.lower) && !before.isWord))
      set('after-term-noun')
    for (let i = Math.max(firstWindow.beforeFirst, firstWindow.open - 4); i < firstWindow.open; i++) {
      if (!SPEECH_NOUNS.has((tokens[i] as Token).lower)) continue
      // "Her rejection — “No”" gives the words an owner; "the slogan “…”" only names them.
      let owned = false
      for (let j = i - 1; j >= Math.max(firstWindow.sentenceFirst, i - 3); j--) {
        const word = tokens[j] as Token
        if (POSSESSIVE_PRONOUNS.has(word.lower) || (/['’]s$/.test(word.lower) && word.capitalized)) owned = true
      }
      set(owned ? 'owned-speech-noun-before' : 'speech-noun-before')
    }
  }
  if (evidence.speechVerbInSentence) set('speech-verb-in-sentence')
  // A headline with its link after it on the same line: a reference to an article, not anyone's words.
  const restOfLine = text.slice(last.end, last.end + 300).split('\n', 1)[0] as string
  if (/https?:\/\/|www\./.test(restOfLine)) set('link-follows')
  // An opening mark that nothing closes and no next paragraph continues is a stray mark more often than speech.
  if (last.closeMark < 0 && segments[(group[group.length - 1] as number) + 1]?.continuesPrevious !== true)
    set('left-dangling')
  // "“Promise me you will stay” was the next line": the quotation is the subject of the writer's verb.
  const next = tokens[lastWindow.close + 1]
  if (
    next &&
    next.paragraph === (tokens[lastWindow.close] as Token).paragraph &&
    (next.pos === 'AUX' || next.pos === 'VERB') &&
    !isSpeechVerb(next)
  )
    set('used-as-noun')
  if (words.length > 0 && words.every((word) => /^[\p{Lu}\d]/u.test(word))) set('capitalised-words-only')
  const after = tokens[lastWindow.close + 1]
  if (
    (!before || before.paragraph !== (tokens[firstWindow.open] as Token).paragraph) &&
    (!after || after.paragraph !== (tokens[lastWindow.close] as Token).paragraph)
  )
    set('whole-paragraph')
  set('pieces', Math.min(group.length - 1, 3) / 3)
  if (evidence.sharesSentence) set('sentence-holds-another-quote')
  if (evidence.previousKept) set('previous-group-kept')
  return features
}
