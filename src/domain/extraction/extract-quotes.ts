import {
  attributionAfter,
  attributionBefore,
  attributionInside,
  firstAgent,
  type Attribution,
  type SegmentWindow,
} from './attribution.js'
import { score } from '../learning/conditional-logit.js'
import { EntityRegistry, type Entity, type ResolvedSpeaker } from './entities.js'
import { CandidateFinder, type QuoteSpan } from './speaker-candidates.js'
import { defaultAttributionModel } from './attribution-model.js'
import { quoteFeatures } from './quote-features.js'
import { groupSegments, splitQuotes, type JoinTrace, type QuoteGroup } from './quote-groups.js'
import {
  CONJUNCTIONS,
  DESIGNATION_VERBS,
  DOCUMENT_WORDS,
  NAMING_VERBS,
  POSSESSIVE_PRONOUNS,
  SPEECH_NOUNS,
  TIME_NOUNS,
  TITLE_FUNCTION_WORDS,
  TITLE_INTRODUCERS,
} from './lexicon.js'
import { findNestedQuotes } from './nested-quotes.js'
import { isSpeechVerb, mentionEndingAt, pronounOf, type Mention } from './noun-phrases.js'
import { findQuotedSegments, type QuotedSegment } from './quote-marks.js'
import { markProperNames } from './proper-names.js'
import { officeOf, type Office } from './offices.js'
import { markSentenceEnds } from './sentences.js'
import { tokenAt, tokenize, type Token } from './tokens.js'
import type { ExtractedQuote, Span, Speaker } from './types.js'

/** Everything the rules need to know about one article, computed once. */
export interface Article {
  text: string
  segments: QuotedSegment[]
  /** Segments that name something (a show, an operation, a nickname) rather than quote anyone. */
  titles: boolean[]
  tokens: Token[]
  sentenceEnds: boolean[]
  /** Index of the writer's sentence of each token, and the first token of each sentence. */
  sentenceOf: number[]
  sentenceStarts: number[]
  windows: SegmentWindow[]
  registry: EntityRegistry
}

const TERMINAL_INSIDE = /[.?!…][’'"]?$/
const MAX_TITLE_WORDS = 5
/** Most words between a naming verb and the name it gives (`called the 1996 pageant winner “…”`). */
const MAX_NAMED_OBJECT_TOKENS = 5
const SUBJECT_OF_POSSESSIVE: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['its', 'it'],
  ['their', 'they'],
])
const DASHES = /^[-–—―]$/
/** Longest stretch of the writer's words read before a quotation for its cue and speaker. */
const MAX_CLAUSE_TOKENS = 100
/** How many paragraphs back the previous quote's speaker is still a candidate. */
const PREVIOUS_SPEAKER_REACH = 2
const UNATTRIBUTED_CONFIDENCE = 0.3
const CONTEXT_PENALTY = 0.35
/** A full stop after a word longer than an abbreviation, inside the quotation: two sentences, not a title. */
const INNER_SENTENCE_END = /\p{L}{4,}\.\s/u

/**
 * A few capitalised words with nothing before them that reports speech (MSNBC’s “Morning Joe”,
 * “Operation Southern Spear”, Marcia “Cia” Price) name a show, a song, an operation or a person.
 */
function isTitle(text: string, tokens: readonly Token[], segment: QuotedSegment): boolean {
  const open = tokenAt(tokens, segment.openMark)
  const before = tokens[open - 1]
  // A comma inside the closing mark announces a cue ("“No,” she said"): titles end bare or with a full stop,
  // unless the words before make the quotation a noun (`episode of “The Lenny Vosk Breakfast Hour,” the …`).
  const trailing =
    before &&
    (TITLE_FUNCTION_WORDS.has(before.lower) || TITLE_INTRODUCERS.has(before.lower) || /['’]s$/.test(before.lower))
      ? /[.,]$/
      : /\.$/
  const content = text.slice(segment.start, segment.end).replace(trailing, '')
  const words = content.split(/\s+/)
  // `an essay titled “…”` names a work however long its name; elsewhere a name is a few words besides the small
  // ones (“The Early Hour with Jane Roe”).
  const introduced = before !== undefined && TITLE_INTRODUCERS.has(before.lower)
  if (
    (!introduced && words.filter((word) => !TITLE_FUNCTION_WORDS.has(word)).length > MAX_TITLE_WORDS) ||
    /[,;:!?]/.test(content) ||
    INNER_SENTENCE_END.test(content) ||
    !/^[\p{Lu}\d]/u.test(content)
  )
    return false
  if (!words.every((word) => /^[\p{Lu}\d]/u.test(word) || TITLE_FUNCTION_WORDS.has(word))) return false
  if (
    before &&
    (isSpeechVerb(before) || before.text === ':' || before.lower === 'as' || CONJUNCTIONS.has(before.lower))
  )
    return false
  // `described the “Harbor Watch” recording as …`: a name that modifies the noun after it sits inside the verb's
  // object, so it is not the name the verb gives.
  if (modifiesNoun(tokens, segment)) return true
  return !namesObject(tokens, open)
}

/**
 * A lower-case noun of the writer's follows the closing mark in the same paragraph: the quotation qualifies it.
 * Not a noun of time, which the tagger reads as a noun but which dates the clause (`called the plan “Reckless”
 * yesterday`).
 */
function modifiesNoun(tokens: readonly Token[], segment: QuotedSegment): boolean {
  if (segment.closeMark < 0) return false
  const close = tokenAt(tokens, segment.closeMark)
  const after = tokens[close + 1]
  return (
    after !== undefined &&
    after.isWord &&
    after.paragraph === (tokens[close] as Token).paragraph &&
    after.pos === 'NOUN' &&
    !after.capitalized &&
    !TIME_NOUNS.has(after.lower)
  )
}

/**
 * `Roe called the 2009 spelling champion “Little Owl”`: a naming verb with its object in between
 * makes the quotation what somebody called someone. Right after the verb (`a show called “X”`) it is a title.
 */
function namesObject(tokens: readonly Token[], open: number): boolean {
  for (let i = open - 2; i >= Math.max(0, open - MAX_NAMED_OBJECT_TOKENS - 1); i--) {
    const token = tokens[i] as Token
    if (!token.isWord || token.segment >= 0) return false
    if (NAMING_VERBS.has(token.lower)) return true
  }
  return false
}

export function analyseArticle(text: string, segments: QuotedSegment[] = findQuotedSegments(text)): Article {
  const tokens = tokenize(text, segments)
  const titles = segments.map((segment) => isTitle(text, tokens, segment))
  // A title reads as part of the writer's sentence: cues and names are looked for across it.
  // Its capitalised words name a work, not a speaker.
  if (titles.includes(true)) {
    for (const token of tokens) {
      if (token.segment < 0 || !titles[token.segment]) continue
      token.segment = -1
      token.capitalized = false
      token.inTitle = true
    }
  }
  const sentenceEnds = markSentenceEnds(tokens)
  markProperNames(tokens, sentenceEnds)
  const sentenceOf = new Array<number>(tokens.length)
  const sentenceStarts: number[] = []
  tokens.forEach((_, index) => {
    if (index === 0 || sentenceEnds[index - 1]) sentenceStarts.push(index)
    sentenceOf[index] = sentenceStarts.length - 1
  })
  const windows = segments.map((segment) =>
    windowOf(tokens, sentenceEnds, (token) => sentenceStarts[sentenceOf[token] as number] as number, segment),
  )
  return {
    text,
    segments,
    titles,
    tokens,
    sentenceEnds,
    sentenceOf,
    sentenceStarts,
    windows,
    registry: new EntityRegistry(text, tokens, sentenceEnds),
  }
}

function windowOf(
  tokens: readonly Token[],
  sentenceEnds: readonly boolean[],
  sentenceStartOf: (token: number) => number,
  segment: QuotedSegment,
): SegmentWindow {
  const open = tokenAt(tokens, segment.openMark)
  const close = segment.closeMark >= 0 ? tokenAt(tokens, segment.closeMark) : tokenAt(tokens, segment.end) - 1
  const paragraph = (tokens[open] as Token).paragraph
  let beforeFirst = open
  while (beforeFirst > 0) {
    const previous = tokens[beforeFirst - 1] as Token
    if (previous.paragraph !== paragraph || previous.segment >= 0 || sentenceEnds[beforeFirst - 1]) break
    beforeFirst--
  }
  const previous = tokens[open - 1]
  if (
    beforeFirst === open &&
    previous &&
    previous.paragraph === paragraph - 1 &&
    previous.text === ':' &&
    previous.segment < 0
  ) {
    // "Caddell continued:" closing one paragraph introduces the quotation that fills the next.
    beforeFirst = open - 1
    while (beforeFirst > 0 && !sentenceEnds[beforeFirst - 1] && (tokens[beforeFirst - 1] as Token).segment < 0)
      beforeFirst--
  }
  // A run-on "sentence" (a list, a transcript, hostile input) is read no further back than a long sentence goes:
  // every look-back from a quotation then costs at most a bounded number of tokens.
  const sentenceFirst = Math.max(sentenceStartOf(beforeFirst), beforeFirst - MAX_CLAUSE_TOKENS)
  let afterLast = close
  for (let j = close + 1; j < tokens.length; j++) {
    const token = tokens[j] as Token
    if (token.paragraph !== paragraph || token.segment >= 0) break
    afterLast = j
    if (sentenceEnds[j]) break
  }
  return { open, close, beforeFirst, sentenceFirst, afterLast }
}

/**
 * `previous` is the attribution of the segment before, if any: when its cue clause follows it
 * (`"X," the mayor said, adding that the repairs need "Y"`), the words of that clause are not
 * searched again for the cue of this segment.
 */
function attribute(article: Article, index: number, previous: Attribution | null): Attribution | null {
  const segment = article.segments[index] as QuotedSegment
  let window = article.windows[index] as SegmentWindow
  if (
    previous &&
    previous.position === 'after' &&
    previous.clauseLast >= window.beforeFirst &&
    previous.clauseLast < window.open
  ) {
    window = { ...window, beforeFirst: previous.clauseLast + 1 }
  }
  const inside = attributionInside(article.tokens, window)
  if (inside) return inside
  // A quotation that ends its own sentence belongs to the cue before it when there is one; the words after it start
  // the next sentence.
  if (TERMINAL_INSIDE.test(article.text.slice(segment.start, segment.end))) {
    return attributionBefore(article.tokens, window) ?? attributionAfter(article.tokens, window, true)
  }
  return attributionAfter(article.tokens, window, false) ?? attributionBefore(article.tokens, window)
}

function mentionSpan(tokens: readonly Token[], mention: Mention): Span {
  const first = tokens[mention.first] as Token
  const last = tokens[mention.last] as Token
  const pronoun = mention.kind === 'pronoun' ? pronounOf(first) : null
  if (pronoun !== null && first.lower !== pronoun) return [first.start, first.start + pronoun.length]
  return [first.start, last.end]
}

function resolveSpeaker(article: Article, mention: Mention): ResolvedSpeaker | null {
  const { registry, tokens } = article
  const first = tokens[mention.first] as Token
  switch (mention.kind) {
    case 'pronoun': {
      // A mention of kind pronoun is a subject pronoun (maybe contracted, "she’s") or a possessive one.
      const pronoun = SUBJECT_OF_POSSESSIVE.get(first.lower) ?? (pronounOf(first) as string)
      return registry.resolvePronoun(pronoun, first.start, null, !SUBJECT_OF_POSSESSIVE.has(first.lower))
    }
    case 'relative': {
      // "Jane Roe, who …", "Jane Roe – who …": the antecedent ends before the comma or the dash.
      const separator = tokens[mention.first - 1]?.text
      const before =
        separator === ',' || (separator !== undefined && DASHES.test(separator)) ? mention.first - 2 : mention.first - 1
      const antecedent = mentionEndingAt(tokens, before, Math.max(0, before - 12))
      return antecedent ? resolveSpeaker(article, antecedent) : null
    }
    case 'name':
      return registry.resolveName(mention)
    case 'role': {
      // "Their message", "its statement", "his words": the words are the possessor's.
      const head = tokens[mention.last] as Token
      if (
        mention.first + 1 <= mention.last &&
        POSSESSIVE_PRONOUNS.has(first.lower) &&
        (SPEECH_NOUNS.has(head.lower) || DOCUMENT_WORDS.has(head.lower))
      )
        return resolveSpeaker(article, { first: mention.first, last: mention.first, kind: 'pronoun' })
      return registry.resolveDescription(mention)
    }
  }
}

/** Who a mention stands for, or what the article wrote when nobody can be found for it. */
function nameOf(article: Article, mention: Mention): string {
  const resolved = resolveSpeaker(article, mention)
  if (resolved) return resolved.entity.name
  const [start, end] = mentionSpan(article.tokens, mention)
  return article.text.slice(start, end)
}

function speakerOfMention(
  article: Article,
  mention: Mention,
  attribution: Attribution | null,
): { speaker: Speaker; entity: Entity | null } {
  const span = mentionSpan(article.tokens, mention)
  const resolved = resolveSpeaker(article, mention)
  if (!resolved) {
    // A pronoun with nobody to stand for, or words that name nobody ("Russian officials"): the speaker is only what
    // the article wrote.
    return {
      speaker: {
        name: article.text.slice(span[0], span[1]),
        title: null,
        kind: 'person',
        mention: span,
        resolvedBy: mention.kind === 'pronoun' ? 'pronoun' : 'role',
        named: false,
        offices: describedOffice(article, mention),
      },
      entity: null,
    }
  }
  const { entity, resolvedBy } = resolved
  article.registry.noteMention(entity, span[0])
  if (attribution) noteDocumentIssued(article, attribution, resolved)
  return {
    speaker: {
      name: entity.name,
      title: entity.title,
      kind: entity.kind,
      mention: span,
      resolvedBy,
      named: entity.named,
      offices: entity.named ? entity.offices : describedOffice(article, mention),
    },
    entity,
  }
}

/** The qualified office a description of someone the article does not name stands for ("Mexico's president"). */
function describedOffice(article: Article, mention: Mention): Office[] {
  if (mention.kind !== 'role') return []
  const words: string[] = []
  for (let i = mention.first; i <= mention.last; i++) {
    const token = article.tokens[i] as Token
    if (token.isWord) words.push(token.text)
  }
  const office = officeOf(words, article.sentenceStarts[article.sentenceOf[mention.first] as number] === mention.first)
  return office ? [office] : []
}

/** "X said in a statement": a later "the statement said" is X speaking. */
function noteDocumentIssued(article: Article, attribution: Attribution, resolved: ResolvedSpeaker): void {
  const { tokens } = article
  for (let i = attribution.cueLast + 1; i <= attribution.cueLast + 4; i++) {
    const document = tokens[i]
    if (!document || document.segment >= 0) return
    if (DOCUMENT_WORDS.has(document.lower) && tokens[i - 2]?.lower === 'in') {
      article.registry.recordIssuer(document.start, document.lower, resolved.entity)
      return
    }
  }
}

function cueOf(article: Article, attribution: Attribution): ExtractedQuote['cue'] {
  const first = article.tokens[attribution.cueFirst] as Token
  const last = article.tokens[attribution.cueLast] as Token
  return { text: article.text.slice(first.start, last.end), span: [first.start, last.end] }
}

function kindOf(article: Article, segments: readonly number[]): 'direct' | 'partial' {
  const first = segments[0] as number
  const segment = article.segments[first] as QuotedSegment
  const content = article.text.slice(segment.start, segment.end).trimStart()
  if (!/^[\p{Lu}\d…"“'‘]/u.test(content)) return 'partial'
  const window = article.windows[first] as SegmentWindow
  const before = article.tokens[window.open - 1]
  const embedded =
    before !== undefined && window.beforeFirst < window.open && before.isWord && !/[:,]/.test(before.text)
  return embedded ? 'partial' : 'direct'
}

const CONFIDENCE_BY_RESOLUTION: Record<Speaker['resolvedBy'], number> = {
  name: 0.95,
  surname: 0.9,
  organisation: 0.85,
  role: 0.8,
  pronoun: 0.75,
}

/** A speaker found next to a cue is trusted by how it was identified; one inferred from context far less. */
function confidenceOf(attribution: Attribution | null, speaker: Speaker | null): number {
  if (!speaker) return UNATTRIBUTED_CONFIDENCE
  const byResolution = CONFIDENCE_BY_RESOLUTION[speaker.resolvedBy]
  return attribution ? byResolution : byResolution - CONTEXT_PENALTY
}

function paragraphOf(article: Article, group: QuoteGroup): number {
  const last = group.segments[group.segments.length - 1] as number
  return (article.tokens[(article.windows[last] as SegmentWindow).close] as Token).paragraph
}

/**
 * The mention the context rule would pick for a quotation with no cue: the first person the paragraph
 * before it is about ("Her remarks to supporters …").
 */
function contextMention(article: Article, group: QuoteGroup): Mention | null {
  const open = (article.windows[group.segments[0] as number] as SegmentWindow).open
  // A quotation that opens the text has no paragraph before it.
  if (open === 0) return null
  const paragraph = (article.tokens[open] as Token).paragraph
  let first = open - 1
  while (first > 0 && (article.tokens[first - 1] as Token).paragraph === paragraph - 1) first--
  return first < open && (article.tokens[first] as Token).paragraph === paragraph - 1
    ? firstAgent(article.tokens, first, open - 1)
    : null
}

/** Weights for a list of features, in that order. */
export interface LinearModel {
  features: readonly string[]
  weights: readonly number[]
}

/**
 * What the attribution learns: which quoted segments make one quotation (join), which groups of quoted words
 * are quotations at all (quote), and how to rank a quote's speaker candidates (speaker).
 */
export interface AttributionModel {
  speaker: LinearModel
  quote: LinearModel
  join: LinearModel
}

/** One group of quoted segments as the models saw it: its speaker candidates, the one chosen, and whether it was kept. */
export interface QuoteTrace {
  spans: Span[]
  candidates: { mention: Span | null; previous: boolean; none: boolean; features: number[] }[]
  chosen: number
  quoteFeatures: number[]
  /** The quote model kept the group as a quotation. */
  kept: boolean
}

interface PreviousQuote {
  speaker: Speaker
  entity: Entity | null
  mention: Mention | null
  paragraph: number
}

function quoteSpanOf(article: Article, group: QuoteGroup): QuoteSpan {
  const windows = group.segments.map((index) => article.windows[index] as SegmentWindow)
  return {
    open: (windows[0] as SegmentWindow).open,
    close: (windows[windows.length - 1] as SegmentWindow).close,
    windows,
    hasCue: group.attribution !== null,
  }
}

/** The cue whose subject the chosen mention is, when the rules' own cue belongs to someone else. */
function cueOfMention(group: QuoteGroup, mention: Mention, finder: CandidateFinder): Attribution | null {
  const attribution = group.attribution
  if (!attribution) return null
  // The cue's subject may be a description that titles the chosen name ("said Harbor’s parks director Jane Roe").
  const speaker = finder.nameTitledBy(attribution.speaker)
  return speaker.first <= mention.last && mention.first <= speaker.last ? attribution : null
}

function extract(
  text: string,
  model: AttributionModel,
  traces: QuoteTrace[] | null,
  joins: JoinTrace[] | null,
): ExtractedQuote[] {
  const segments = findQuotedSegments(text)
  // No quoted segment, no quote: the tagger and the rules have nothing to find.
  if (segments.length === 0) return []
  const article = analyseArticle(text, segments)
  const attributions: (Attribution | null)[] = []
  // A title is part of the writer's sentence: it has no cue of its own to hide from the segment after it.
  article.segments.forEach((_, index) =>
    attributions.push(article.titles[index] ? null : attribute(article, index, attributions[index - 1] ?? null)),
  )
  const finder = new CandidateFinder({
    tokens: article.tokens,
    sentenceEnds: article.sentenceEnds,
    sentenceOf: article.sentenceOf,
    sentenceStarts: article.sentenceStarts,
    entityOf: (mention) => resolveSpeaker(article, mention)?.entity ?? null,
  })
  const speechVerbIn = sentencesWithSpeechVerbs(article)
  const groups = groupSegments(article, attributions, model.join.weights, joins)
  const quotes: ExtractedQuote[] = []
  let previous = null as PreviousQuote | null
  let previousKept = false
  let statements = 0
  groups.forEach((group, g) => {
    const spans: Span[] = group.segments.map((index) => {
      const segment = article.segments[index] as QuotedSegment
      return [segment.start, segment.end]
    })
    const span = quoteSpanOf(article, group)
    const paragraph = paragraphOf(article, group)
    const recent: PreviousQuote | null =
      previous && paragraph - previous.paragraph <= PREVIOUS_SPEAKER_REACH ? previous : null
    const candidates = finder.candidates(
      span,
      group.attribution?.speaker ?? null,
      group.attribution?.via ?? null,
      group.attribution ? null : contextMention(article, group),
      recent && { entity: recent.entity, mention: recent.mention, paragraph: recent.paragraph },
    )
    const scores = candidates.map((candidate) => score(model.speaker.weights, candidate.features))
    const chosen = scores.length > 0 ? scores.indexOf(Math.max(...scores)) : -1
    const choice = candidates[chosen]
    const sentence = article.sentenceOf[span.open] as number
    const neighbour = (other: QuoteGroup | undefined): boolean =>
      other !== undefined &&
      (article.sentenceOf[quoteSpanOf(article, other).open] as number) <= (article.sentenceOf[span.close] as number) &&
      (article.sentenceOf[quoteSpanOf(article, other).close] as number) >= sentence
    const features = quoteFeatures({
      text,
      tokens: article.tokens,
      segments: article.segments,
      windows: article.windows,
      group: group.segments,
      hasRuleCue: group.attribution !== null,
      bestSpeakerScore: scores[chosen] ?? 0,
      chosen: choice?.none || !choice ? 'none' : choice.previous ? 'previous' : 'mention',
      speechVerbInSentence: speechVerbIn[sentence] === true,
      previousKept,
      sharesSentence: neighbour(groups[g - 1]) || neighbour(groups[g + 1]),
    })
    // A transcript's turn names its speaker inside ("HOST: …"): a quotation whatever the model (fitted on a corpus
    // that leaves transcripts unannotated) says.
    const transcriptTurn = group.attribution?.position === 'inside'
    const kept = transcriptTurn || (score(model.quote.weights, features) > 0 && !isDesignation(article, span))
    traces?.push({
      spans,
      candidates: candidates.map((candidate) => ({
        mention: candidate.mention ? mentionSpan(article.tokens, candidate.mention) : null,
        previous: candidate.previous,
        none: candidate.none,
        features: candidate.features,
      })),
      chosen,
      quoteFeatures: features,
      kept,
    })
    previousKept = kept
    if (!kept) return
    let speaker: Speaker | null = null
    let entity: Entity | null = null
    let attribution: Attribution | null = null
    let mention: Mention | null = null
    if (choice?.previous && recent) {
      // Nothing next to the quotation names them: the mention stays with the quote that did.
      speaker = { ...recent.speaker, mention: null }
      entity = recent.entity
      mention = recent.mention
    } else if (choice?.mention) {
      mention = choice.mention
      attribution = cueOfMention(group, mention, finder)
      const chosenSpeaker = speakerOfMention(article, mention, attribution)
      entity = chosenSpeaker.entity
      // A speaker named only in an earlier paragraph is inferred from context: nothing next to this quote names them,
      // unless that paragraph ends in the clause that introduces it ("She went on to say:"); a cue after the quotation
      // is next to it, on the line below included ("— Jane Roe, at the rally.").
      const named =
        (article.tokens[mention.last] as Token).paragraph === (article.tokens[span.open] as Token).paragraph ||
        (mention.first >= (span.windows[0] as SegmentWindow).beforeFirst && mention.last < span.open) ||
        attribution?.position === 'after'
      speaker = named ? chosenSpeaker.speaker : { ...chosenSpeaker.speaker, mention: null }
    }
    if (speaker) previous = { speaker, entity, mention, paragraph }
    const via = group.attribution?.via ? nameOf(article, group.attribution.via) : null
    const cueSource = attribution ?? (choice?.previous ? null : group.attribution)
    const statement = statements++
    for (const segments of splitQuotes(article, group)) {
      const pieces: Span[] = segments.map((index) => {
        const segment = article.segments[index] as QuotedSegment
        return [segment.start, segment.end]
      })
      quotes.push({
        text: pieces.map(([start, end]) => text.slice(start, end)).join(' '),
        spans: pieces,
        kind: kindOf(article, segments),
        cue: cueSource ? cueOf(article, cueSource) : null,
        speaker,
        via,
        confidence: confidenceOf(attribution, speaker),
        statement,
      })
    }
    for (const nested of findNestedQuotes(article, group.segments, speaker))
      quotes.push({ ...nested, statement: statements++ })
  })
  return quotes
}

/**
 * "designated the cartels as “foreign terrorist organizations”": words quoted as the name a verb of
 * designation gives are an official term, not anyone's speech. The seed gold's convention, kept whatever the
 * quote model (fitted on a corpus that counts them) says.
 */
function isDesignation(article: Article, span: QuoteSpan): boolean {
  const { tokens } = article
  if (tokens[span.open - 1]?.lower !== 'as') return false
  const floor = article.sentenceStarts[article.sentenceOf[span.open] as number] as number
  for (let i = span.open - 2; i >= Math.max(floor, span.open - 8); i--) {
    if (DESIGNATION_VERBS.has((tokens[i] as Token).lower)) return true
  }
  return false
}

/** For each writer's sentence, whether it holds a speech verb: read once, whatever the number of quotes in it. */
function sentencesWithSpeechVerbs(article: Article): boolean[] {
  const found = new Array<boolean>(article.sentenceStarts.length).fill(false)
  article.tokens.forEach((token, index) => {
    if (isSpeechVerb(token)) found[article.sentenceOf[index] as number] = true
  })
  return found
}

export function extractQuotes(text: string, model: AttributionModel = defaultAttributionModel()): ExtractedQuote[] {
  return extract(text, model, null, null)
}

/** The quotes of a text with, for each, the speaker candidates the ranking weighed: what the fitting script learns from. */
export function traceSpeakerChoices(
  text: string,
  model: AttributionModel = defaultAttributionModel(),
): { quotes: ExtractedQuote[]; traces: QuoteTrace[]; joins: JoinTrace[]; segments: Span[] } {
  const traces: QuoteTrace[] = []
  const joins: JoinTrace[] = []
  const segments = findQuotedSegments(text).map((segment): Span => [segment.start, segment.end])
  return { quotes: extract(text, model, traces, joins), traces, joins, segments }
}
