import { fitConditionalLogit, type Choice, type FitOptions } from '../learning/conditional-logit.js'
import { traceSpeakerChoices, type AttributionModel, type LinearModel } from './extract-quotes.js'
import { QUOTE_FEATURES, type QuoteFeature } from './quote-features.js'
import { JOIN_FEATURES, type JoinFeature } from './quote-groups.js'
import { SPEAKER_FEATURES, type SpeakerFeature } from './speaker-candidates.js'
import type { Span } from './types.js'

/** An annotated article, as the PolNeAR files hold it. */
export interface GoldDocument {
  id: string
  text: string
  quotes: { spans: Span[]; source: Span[] | null }[]
}

/**
 * Where the fit starts: the hand-written rules' choice, else the context rule's, else the previous speaker
 * when the quote has no cue of its own. Each round traces the training texts with the model of the round
 * before (the previous speaker depends on earlier choices) and fits again.
 */
const SPEAKER_PRIOR: Partial<Record<SpeakerFeature, number>> = {
  'rule-choice': 4,
  'context-choice': 2,
  previous: 1,
  'previous:quote-has-cue': -6,
  'previous:paragraph-gap': -1.5,
  none: 0.5,
  'none×quote-has-cue': -4,
}

/** And the quote model starts where the rules stood: a cue, or a long quotation. */
const QUOTE_PRIOR: Partial<Record<QuoteFeature, number>> = { bias: -2, 'rule-cue': 4, words: 5 }
/** And segments joined as the grouping rules join them. */
const JOIN_PRIOR: Partial<Record<JoinFeature, number>> = { bias: -1, 'rule-joins': 2 }

export const FIT_OPTIONS: FitOptions = { l2: 1, maxIterations: 50, tolerance: 1e-9 }
const ROUNDS = 2
/** Weights are written rounded, so that the file is the same wherever the last bits of a sum differ. */
const DECIMALS = 6

/** Letters and digits of the spans, as offsets: what the benchmark's scorer compares. */
function characters(text: string, spans: readonly Span[]): Set<number> {
  const found = new Set<number>()
  for (const [start, end] of spans) {
    for (let i = Math.max(0, start); i < Math.min(text.length, end); i++) {
      if (/[\p{L}\p{N}]/u.test(text[i] as string)) found.add(i)
    }
  }
  return found
}

function overlap(a: readonly Span[], b: readonly Span[]): boolean {
  return a.some(([s1, e1]) => b.some(([s2, e2]) => s1 < e2 && s2 < e1))
}

/** Pairs extracted quotes with gold quotes sharing at least half of each side's characters, best first. */
export function alignQuotes(text: string, extracted: readonly Span[][], gold: readonly Span[][]): Map<number, number> {
  const goldChars = gold.map((spans) => characters(text, spans))
  const pairs: [number, number, number][] = []
  extracted.forEach((spans, e) => {
    const mine = characters(text, spans)
    if (mine.size === 0) return
    goldChars.forEach((theirs, g) => {
      let shared = 0
      for (const offset of mine) if (theirs.has(offset)) shared++
      if (shared >= 0.5 * theirs.size && shared >= 0.5 * mine.size && theirs.size > 0)
        pairs.push([shared / Math.max(mine.size, theirs.size), e, g])
    })
  })
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const matched = new Map<number, number>()
  const usedGold = new Set<number>()
  for (const [, e, g] of pairs) {
    if (matched.has(e) || usedGold.has(g)) continue
    matched.set(e, g)
    usedGold.add(g)
  }
  return matched
}

function rounded(features: readonly string[], weights: readonly number[]): LinearModel {
  const factor = 10 ** DECIMALS
  return { features: [...features], weights: weights.map((w) => Math.round(w * factor) / factor + 0) }
}

/**
 * The training choices, from each training text traced with `model`: for each group of quoted words that
 * matches an annotated quote, the speaker candidate that is its source ("none" when the annotators found
 * nobody); and for every group, whether it is a quote at all.
 */
export function trainingChoices(
  documents: readonly GoldDocument[],
  model: AttributionModel,
): { speaker: Choice[]; quote: Choice[]; join: Choice[] } {
  const speaker: Choice[] = []
  const quote: Choice[] = []
  const join: Choice[] = []
  const nothing = new Array<number>(QUOTE_FEATURES.length).fill(0)
  const apart = new Array<number>(JOIN_FEATURES.length).fill(0)
  for (const document of documents) {
    const { traces, joins, segments } = traceSpeakerChoices(document.text, model)
    // Two segments belong together when one annotated quote covers both.
    const quoteOf = segments.map(([start, end]) => document.quotes.findIndex((q) => overlap(q.spans, [[start, end]])))
    for (const decision of joins) {
      const a = quoteOf[decision.previous] as number
      join.push({ alternatives: [decision.features, apart], chosen: a >= 0 && a === quoteOf[decision.next] ? 0 : 1 })
    }
    const matched = alignQuotes(
      document.text,
      traces.map((trace) => trace.spans),
      document.quotes.map((q) => q.spans),
    )
    traces.forEach((trace, e) => {
      const g = matched.get(e)
      // A binary choice: keep the group (its features) or drop it (nothing).
      quote.push({ alternatives: [trace.quoteFeatures, nothing], chosen: g === undefined ? 1 : 0 })
      if (g === undefined || trace.candidates.length < 2) return
      const source = document.quotes[g]?.source
      const alternatives = trace.candidates.map((c) => c.features)
      if (!source || source.length === 0) {
        speaker.push({ alternatives, chosen: trace.candidates.findIndex((c) => c.none) })
        return
      }
      // A mention next to the quote is preferred to "the previous speaker" when both cover the source.
      let chosen = trace.candidates.findIndex((c) => !c.previous && c.mention !== null && overlap([c.mention], source))
      if (chosen < 0) chosen = trace.candidates.findIndex((c) => c.mention !== null && overlap([c.mention], source))
      if (chosen >= 0) speaker.push({ alternatives, chosen })
    })
  }
  return { speaker, quote, join }
}

export interface AttributionFit {
  model: AttributionModel
  speakerChoices: number
  quoteChoices: number
  joinChoices: number
  rounds: number
  options: FitOptions
}

/**
 * Fits both models from the rules' starting point. Each round traces the training texts with the models of
 * the round before, since the previous speaker and the previous group depend on earlier decisions.
 */
export function fitAttribution(documents: readonly GoldDocument[]): AttributionFit {
  let model: AttributionModel = {
    speaker: { features: [...SPEAKER_FEATURES], weights: SPEAKER_FEATURES.map((name) => SPEAKER_PRIOR[name] ?? 0) },
    quote: { features: [...QUOTE_FEATURES], weights: QUOTE_FEATURES.map((name) => QUOTE_PRIOR[name] ?? 0) },
    join: { features: [...JOIN_FEATURES], weights: JOIN_FEATURES.map((name) => JOIN_PRIOR[name] ?? 0) },
  }
  let choices: { speaker: Choice[]; quote: Choice[]; join: Choice[] } = { speaker: [], quote: [], join: [] }
  for (let round = 0; round < ROUNDS; round++) {
    choices = trainingChoices(documents, model)
    model = {
      speaker: rounded(
        SPEAKER_FEATURES,
        fitConditionalLogit(choices.speaker, SPEAKER_FEATURES.length, FIT_OPTIONS).weights,
      ),
      quote: rounded(QUOTE_FEATURES, fitConditionalLogit(choices.quote, QUOTE_FEATURES.length, FIT_OPTIONS).weights),
      join: rounded(JOIN_FEATURES, fitConditionalLogit(choices.join, JOIN_FEATURES.length, FIT_OPTIONS).weights),
    }
  }
  return {
    model,
    speakerChoices: choices.speaker.length,
    quoteChoices: choices.quote.length,
    joinChoices: choices.join.length,
    rounds: ROUNDS,
    options: FIT_OPTIONS,
  }
}
