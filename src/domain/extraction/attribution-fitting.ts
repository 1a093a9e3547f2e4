import { fitConditionalLogit, type Choice, type FitOptions } from '../learning/conditional-logit.js'
import { traceSpeakerChoices, type SpeakerModel } from './extract-quotes.js'
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
const RULE_PRIOR: Partial<Record<SpeakerFeature, number>> = {
  'rule-choice': 4,
  'context-choice': 2,
  previous: 1,
  'previous:quote-has-cue': -6,
  'previous:paragraph-gap': -1.5,
  none: 0.5,
  'none×quote-has-cue': -4,
}

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

function roundModel(weights: readonly number[]): SpeakerModel {
  const factor = 10 ** DECIMALS
  return { features: [...SPEAKER_FEATURES], weights: weights.map((w) => Math.round(w * factor) / factor + 0) }
}

/** The training choices: for each extracted quote matched to an annotated one, the candidate that is its source. */
export function speakerChoices(documents: readonly GoldDocument[], model: SpeakerModel): Choice[] {
  const choices: Choice[] = []
  for (const document of documents) {
    const { traces } = traceSpeakerChoices(document.text, model)
    const matched = alignQuotes(
      document.text,
      traces.map((trace) => trace.spans),
      document.quotes.map((quote) => quote.spans),
    )
    traces.forEach((trace, e) => {
      const g = matched.get(e)
      if (g === undefined || trace.candidates.length < 2) return
      const source = document.quotes[g]?.source
      if (!source || source.length === 0) {
        // The annotators found nobody: that is what "none" is for.
        choices.push({
          alternatives: trace.candidates.map((c) => c.features),
          chosen: trace.candidates.findIndex((c) => c.none),
        })
        return
      }
      // A mention next to the quote is preferred to "the previous speaker" when both cover the source.
      let chosen = trace.candidates.findIndex((c) => !c.previous && c.mention !== null && overlap([c.mention], source))
      if (chosen < 0) chosen = trace.candidates.findIndex((c) => c.mention !== null && overlap([c.mention], source))
      if (chosen < 0) return
      choices.push({ alternatives: trace.candidates.map((c) => c.features), chosen })
    })
  }
  return choices
}

export interface SpeakerFit {
  model: SpeakerModel
  choices: number
  rounds: number
  iterations: number
  meanLogLikelihood: number
  options: FitOptions
}

export function fitSpeakerRanking(documents: readonly GoldDocument[]): SpeakerFit {
  let model: SpeakerModel = {
    features: [...SPEAKER_FEATURES],
    weights: SPEAKER_FEATURES.map((name) => RULE_PRIOR[name] ?? 0),
  }
  let choices: Choice[] = []
  let iterations = 0
  let meanLogLikelihood = 0
  for (let round = 0; round < ROUNDS; round++) {
    choices = speakerChoices(documents, model)
    const report = fitConditionalLogit(choices, SPEAKER_FEATURES.length, FIT_OPTIONS)
    model = roundModel(report.weights)
    iterations = report.iterations
    meanLogLikelihood = report.meanLogLikelihood
  }
  return { model, choices: choices.length, rounds: ROUNDS, iterations, meanLogLikelihood, options: FIT_OPTIONS }
}
