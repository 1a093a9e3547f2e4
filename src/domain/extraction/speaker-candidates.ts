import {
  isAgentDescription,
  isPassive,
  isVerbAt,
  signatureAt,
  subjectOfVerb,
  type SegmentWindow,
} from './attribution.js'
import type { Entity } from './entities.js'
import {
  COORDINATORS,
  DEMONYMS,
  DETERMINERS,
  INDEFINITE_ARTICLES,
  LISTENER_VERBS,
  PARTY_MEMBERS,
  POSSESSIVE_PRONOUNS,
  PREPOSITIONS_BEFORE_NAMES,
  SPEECH_NOUNS,
  SPEECH_VERBS,
  SUBORDINATORS,
  TIME_NOUNS,
} from './lexicon.js'
import {
  descriptionEndingAt,
  isDocumentWord,
  isRoleWordOrPlural,
  isOrganisationWord,
  namesAThing,
  mentionEndingAt,
  mentionStartingAt,
  headsItsPhrase,
  nameStartingAt,
  mayOpenName,
  pronounOf,
  type Mention,
} from './noun-phrases.js'
import { writersVerbFrom, type Token } from './tokens.js'

/**
 * The features every speaker candidate of a quote is described by. The ranking weights are fitted on
 * them (scripts/fit-attribution.ts); their order is the order of the speaker weights in data/attribution-model.json.
 */
export const SPEAKER_FEATURES = [
  'kind:pronoun',
  'kind:name',
  'kind:single-word-name',
  'kind:organisation',
  'kind:role',
  'kind:document',
  'kind:place',
  'kind:time-or-number',
  'sentence:same',
  'sentence:previous',
  'sentence:next',
  'paragraph:previous',
  'side:before',
  'side:after',
  'side:between',
  'distance',
  'nearest-on-its-side',
  'candidates-between',
  'quote-between',
  'subject-of-cue',
  'subject-of-nearest-cue',
  'subject-of-cue-right-before',
  'subject-of-cue-right-after',
  'between-cue-and-quote',
  'inverted-subject',
  'subject-of-other-verb',
  'cue-serves-another-quote',
  'owns-speech-noun',
  'according-to',
  'colon-before-quote',
  'after-preposition',
  'object-of-speech-verb',
  'possessive',
  'first-in-sentence',
  'other-clause',
  'first-in-clause',
  'apposition',
  'inside-aside',
  'rule-choice',
  'context-choice',
  'spoke-before',
  'previous-speaker',
  'unresolved',
  'person-evidence',
  'pronoun:plural',
  'pronoun:first-person',
  'pronoun×sentence:same',
  'name×sentence:previous',
  'right-before-quote',
  'subject-of-sentence-final-cue',
  'previous',
  'previous:paragraph-gap',
  'previous:quote-has-cue',
  'previous:opens-paragraph',
  'none',
  'none×quote-has-cue',
  'none×no-subject-nearby',
  'kind:thing',
] as const

export type SpeakerFeature = (typeof SPEAKER_FEATURES)[number]

const FEATURE_INDEX = new Map<SpeakerFeature, number>(SPEAKER_FEATURES.map((name, index) => [name, index]))

/**
 * A candidate speaker of one quote: a mention near it, whoever spoke the quote before, or nobody (the
 * text does not say).
 */
export interface SpeakerCandidate {
  mention: Mention | null
  /** The previous quote's speaker: true for the one candidate that stands for them. */
  previous: boolean
  /** The "nobody" alternative. */
  none: boolean
  features: number[]
}

/** What the candidates of a quote need to know about the article, computed once per sentence. */
export interface CandidateContext {
  tokens: readonly Token[]
  sentenceEnds: readonly boolean[]
  /** Index of the writer's sentence of each token. */
  sentenceOf: readonly number[]
  /** First token of each sentence. */
  sentenceStarts: readonly number[]
  /** The entity a mention stands for, resolved the way the extractor resolves speakers. */
  entityOf: (mention: Mention) => Entity | null
}

/** A description and the name right after it that it titles: "the advocacy group" and "Harbor Watch". */
interface Titled {
  description: Mention
  name: Mention
}

/**
 * The name a mention stands for when it reaches into a description that titles a name: a rule or a cue that reads
 * "Harbor’s" or "the group" of "Harbor’s deputy police chief Ed Tolland" means Ed Tolland.
 */
function titledName(titled: readonly Titled[], mention: Mention): Mention {
  for (const { description, name } of titled) if (overlaps(description, mention)) return name
  return mention
}

interface SentenceFacts {
  mentions: Mention[]
  /** Descriptions that title the name after them, which stands for both (mentionsIn). */
  titled: Titled[]
  /** Each mention's first token, in order: what a quote's nearest mentions are found by. */
  firsts: number[]
  /** Mentions inside an aside of the writer's, between dashes or brackets ("— exchanged with Jane Roe —"). */
  asides: Set<Mention>
  /** Mentions set off by a comma right after another one: "Jane Roe, a former official,". */
  appositives: Set<Mention>
  /** The cue whose subject covers a token, by token index. */
  cueOfSubjectToken: Map<number, SentenceFacts['cues'][number]>
  /**
   * Speech verbs used as verbs, with the mention that is their subject, if any, and the dash of a signature under a
   * quotation (signatureAt), with its name.
   */
  cues: { verb: number; subject: Mention | null; inverted: boolean }[]
  /** The clause of each of the sentence's tokens (see clausesOf), from its first token on. */
  clauses: number[]
}

export interface QuoteSpan {
  /** Tokens of the opening mark of the first piece and the closing mark of the last. */
  open: number
  close: number
  /** Each piece's window, in order. */
  windows: readonly SegmentWindow[]
  /** The quote's own cue was found by the rules. */
  hasCue: boolean
}

export interface PreviousSpeaker {
  entity: Entity | null
  mention: Mention | null
  paragraph: number
}

const DASH = /^[–—―]$/
const CALENDAR =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/
/** Most mentions kept on each side of a quote. */
const MAX_PER_SIDE = 8
/** Farthest a verb of saying may stand from the quote it governs, in tokens. */
const MAX_CUE_DISTANCE = 100

function vector(): number[] {
  return new Array<number>(SPEAKER_FEATURES.length).fill(0)
}

function set(features: number[], name: SpeakerFeature, value = 1): void {
  features[FEATURE_INDEX.get(name) as number] = value
}

/**
 * The writer's preposition that governs a mention, through one determiner ("in Ohio", "of the Long Slump"):
 * its token index, or -1. A mention so governed is the object of a phrase, not a subject.
 */
function governingPreposition(tokens: readonly Token[], mention: Mention): number {
  let at = mention.first - 1
  if (DETERMINERS.has(tokens[at]?.lower ?? '') && (tokens[at] as Token).segment < 0) at--
  const before = tokens[at]
  return before !== undefined && before.segment < 0 && PREPOSITIONS_BEFORE_NAMES.has(before.lower) ? at : -1
}

function overlaps(a: Mention, b: Mention): boolean {
  return a.first <= b.last && b.first <= a.last
}

/**
 * A cue's subject phrase whose head is a lower-case noun for someone who speaks (isAgentDescription, or a role's
 * plural, "leaders"; a writing's words stay its author's: "the Roe report said") that no mention holds, and whose
 * mentions are all names inside it: names that modify the head ("House Harbor Party leaders", "Roe's lawyers"),
 * not a name the phrase ends with nor a pronoun ("his home").
 */
function headsModifiers(tokens: readonly Token[], subject: Mention, holder: ReadonlyMap<number, Mention>): boolean {
  const head = tokens[subject.last] as Token
  if (subject.kind !== 'role' || holder.has(subject.last) || head.capitalized || head.pos !== 'NOUN') return false
  if (!(isAgentDescription(tokens, subject) || isRoleWordOrPlural(head)) || isDocumentWord(head)) return false
  for (let i = subject.first; i <= subject.last; i++) {
    const inside = holder.get(i)
    if (inside && (inside.kind !== 'name' || inside.first < subject.first || inside.last > subject.last)) return false
  }
  return true
}

/**
 * The name the description `described` titles: the one that opens right after it, in its sentence, and heads its
 * phrase (headsItsPhrase). Not a word alone that describes (a party's member, a people's adjective or a role: "one
 * veteran Republican working", "the company CEO"). An indefinite description is someone the name's clause goes on to
 * say something of ("a spokesman Harbor Watch did not name"), and a writing's title is not its author ("the book
 * Harbor Lights").
 */
function nameRightAfter(tokens: readonly Token[], described: Mention, last: number): Mention | null {
  const at = described.last
  if (
    at + 1 > last ||
    isDocumentWord(tokens[at] as Token) ||
    INDEFINITE_ARTICLES.has((tokens[described.first] as Token).lower)
  )
    return null
  const name = nameStartingAt(tokens, at + 1, last)
  if (name === null || !headsItsPhrase(tokens, name)) return null
  const word = tokens[name.first] as Token
  const describes =
    name.first === name.last && (PARTY_MEMBERS.has(word.lower) || DEMONYMS.has(word.lower) || isRoleWordOrPlural(word))
  return describes ? null : name
}

/**
 * The writer's mentions of people, organisations and writings in tokens first..last, in order. A description that
 * titles the name right after it is no mention of its own: it goes into `titled` with that name.
 */
function mentionsIn(tokens: readonly Token[], first: number, last: number, titled: Titled[]): Mention[] {
  const found: Mention[] = []
  for (let i = first; i <= last; i++) {
    const token = tokens[i] as Token
    if (token.segment >= 0 || !token.isWord) continue
    const pronoun = pronounOf(token)
    if (pronoun !== null || POSSESSIVE_PRONOUNS.has(token.lower)) {
      if (pronoun !== 'it' && token.lower !== 'its') found.push({ first: i, last: i, kind: 'pronoun' })
      continue
    }
    if (mayOpenName(tokens, i)) {
      const name = nameStartingAt(tokens, i, last)
      if (name) {
        found.push(name)
        i = name.last
        continue
      }
    }
    const described = descriptionEndingAt(tokens, i, first)
    if (described && isAgentDescription(tokens, described)) {
      // "the Roe campaign", "Trump’s camp": the name inside only says whose; the phrase is the candidate.
      while (found.length > 0 && (found[found.length - 1] as Mention).first >= described.first) found.pop()
      // "the activist Jane Roe said", "the advocacy group Harbor Watch said": a description the name follows at once
      // is that name's title, not another candidate: the name stands for both.
      const name = nameRightAfter(tokens, described, last)
      if (name) titled.push({ description: described, name })
      else found.push(described)
    }
  }
  return found
}

/**
 * Caches what each sentence holds, so every sentence is read once however many quotes look at it: the cost
 * of finding candidates grows with the article, not with its quotes times its sentences.
 */
export class CandidateFinder {
  private readonly facts = new Map<number, SentenceFacts>()
  private readonly openers = new Map<string, Mention | undefined>()

  constructor(private readonly context: CandidateContext) {}

  private sentenceFacts(sentence: number): SentenceFacts {
    const cached = this.facts.get(sentence)
    if (cached) return cached
    const { tokens, sentenceStarts } = this.context
    const first = sentenceStarts[sentence] as number
    const last = ((sentenceStarts[sentence + 1] as number | undefined) ?? tokens.length) - 1
    const titled: Titled[] = []
    let mentions = mentionsIn(tokens, first, last, titled)
    const cues: SentenceFacts['cues'] = []
    for (let i = first; i <= last; i++) {
      const token = tokens[i] as Token
      if (token.segment >= 0 || !isVerbAt(tokens, i) || isPassive(tokens, i)) continue
      let subject = subjectOfVerb(tokens, i, first)
      // "Mr. Pell of the Riverbank Trust said": a phrase after a preposition modifies the subject, it is not it.
      if (subject) {
        const preposition = governingPreposition(tokens, subject)
        if (preposition >= 0) {
          const head = mentionEndingAt(tokens, preposition - 1, first)
          if (head) subject = head
        }
      }
      let inverted = false
      const before = tokens[i - 1]
      if ((!subject || (before && (before.segment >= 0 || before.text === ','))) && i < last) {
        const after = mentionStartingAt(tokens, i + 1, last)
        if (after) {
          subject = after
          inverted = true
        }
      }
      cues.push({ verb: i, subject: subject && titledName(titled, subject), inverted })
    }
    // "— Jane Roe, at the rally." under a quotation: the dash is the cue, the name after it its subject.
    const signed = signatureAt(tokens, first)
    if (signed) cues.unshift({ verb: first, subject: signed, inverted: true })
    // Whatever the grammar makes the subject of a speech verb is a candidate, in the lexicon or not. Where names
    // only modify its head ("House Harbor Party leaders say", "Roe's lawyers said"), the phrase is the candidate
    // and they are not: the leaders speak, not the party. `holder` maps each token to its mention, so that a
    // subject is weighed in the time its own tokens take.
    const holder = new Map<number, Mention>()
    for (const mention of mentions) for (let i = mention.first; i <= mention.last; i++) holder.set(i, mention)
    const modifiers = new Set<Mention>()
    for (const { subject } of cues) {
      if (!subject) continue
      let known = false
      for (let i = subject.first; i <= subject.last && !known; i++) known = holder.has(i)
      if (known && !headsModifiers(tokens, subject, holder)) continue
      for (let i = subject.first; i <= subject.last; i++) {
        const inside = holder.get(i)
        if (inside) modifiers.add(inside)
        holder.set(i, subject)
      }
      mentions.push(subject)
    }
    if (modifiers.size > 0) mentions = mentions.filter((mention) => !modifiers.has(mention))
    mentions.sort((a, b) => a.first - b.first)
    const appositives = new Set<Mention>()
    mentions.forEach((mention, index) => {
      const previous = mentions[index - 1]
      // "In the depths of the Long Slump, Dana Roe worried …": a mention its verb follows is a clause's subject, and
      // "who" or "which" after a comma opens a clause of its own.
      if (
        previous &&
        mention.kind !== 'relative' &&
        previous.last === mention.first - 2 &&
        tokens[mention.first - 1]?.text === ',' &&
        writersVerbFrom(tokens, mention.last + 1) === null
      )
        appositives.add(mention)
    })
    // Asides: the writer's words between a pair of dashes or inside brackets.
    const aside = new Array<boolean>(last - first + 1).fill(false)
    let opened = -1
    let bracket = -1
    for (let i = first; i <= last; i++) {
      const token = tokens[i] as Token
      if (token.segment >= 0) continue
      if (token.text === '(') bracket = i
      else if (token.text === ')' && bracket >= 0) {
        for (let j = bracket; j <= i; j++) aside[j - first] = true
        bracket = -1
      } else if (DASH.test(token.text)) {
        if (opened < 0) opened = i
        else {
          for (let j = opened; j <= i; j++) aside[j - first] = true
          opened = -1
        }
      }
    }
    const asides = new Set(mentions.filter((mention) => aside[mention.first - first] === true))
    const cueOfSubjectToken = new Map<number, SentenceFacts['cues'][number]>()
    for (const cue of cues) {
      if (!cue.subject) continue
      for (let i = cue.subject.first; i <= cue.subject.last; i++)
        if (!cueOfSubjectToken.has(i)) cueOfSubjectToken.set(i, cue)
    }
    const facts = {
      mentions,
      titled,
      firsts: mentions.map((mention) => mention.first),
      asides,
      appositives,
      cueOfSubjectToken,
      cues,
      clauses: clausesOf(tokens, first, last),
    }
    this.facts.set(sentence, facts)
    return facts
  }

  /** The name a mention stands for when it reaches into a description that titles that name (titledName). */
  nameTitledBy(mention: Mention): Mention {
    return titledName(this.sentenceFacts(this.context.sentenceOf[mention.first] as number).titled, mention)
  }

  /**
   * The candidates for a quote: every mention in its sentence, the one before and the one after (in its
   * paragraph), and the previous quote's speaker. `ruleChoice` and `contextChoice` are the mentions the
   * hand-written rules pick; they are features, not decisions. `via` is the source the rules' cue was reported
   * through ("Roe said, according to the Ledger"): it relays the words, the cue's subject said them.
   */
  candidates(
    quote: QuoteSpan,
    ruleChoice: Mention | null,
    via: Mention | null,
    contextChoice: Mention | null,
    previous: PreviousSpeaker | null,
  ): SpeakerCandidate[] {
    const { tokens, sentenceOf } = this.context
    const openToken = tokens[quote.open] as Token
    const sentenceFirst = sentenceOf[quote.open] as number
    const sentenceLast = sentenceOf[quote.close] as number
    const sentenceCount = this.context.sentenceStarts.length
    // The nearest few on each side, found by binary search: a speaker is never many mentions away from the words
    // it speaks, and the cost per quote stays bounded however many quotes share a run-on sentence.
    const before: { mention: Mention; sentence: number }[] = []
    for (let sentence = sentenceFirst; sentence >= Math.max(0, sentenceFirst - 1); sentence--) {
      const { mentions, firsts } = this.sentenceFacts(sentence)
      for (let k = firstAtOrAfter(firsts, quote.open) - 1; k >= 0 && before.length < MAX_PER_SIDE; k--) {
        const mention = mentions[k] as Mention
        if (mention.last < quote.open) before.push({ mention, sentence })
      }
    }
    before.reverse()
    const inside: { mention: Mention; sentence: number }[] = []
    for (let sentence = sentenceFirst; sentence <= sentenceLast && inside.length < MAX_PER_SIDE; sentence++) {
      const { mentions, firsts } = this.sentenceFacts(sentence)
      for (let k = firstAtOrAfter(firsts, quote.open + 1); k < mentions.length && inside.length < MAX_PER_SIDE; k++) {
        const mention = mentions[k] as Mention
        if (mention.first > quote.close) break
        if (mention.last < quote.close) inside.push({ mention, sentence })
      }
    }
    const after: { mention: Mention; sentence: number }[] = []
    for (let sentence = sentenceLast; sentence <= Math.min(sentenceCount - 1, sentenceLast + 1); sentence++) {
      const { mentions, firsts } = this.sentenceFacts(sentence)
      for (let k = firstAtOrAfter(firsts, quote.close + 1); k < mentions.length && after.length < MAX_PER_SIDE; k++)
        after.push({ mention: mentions[k] as Mention, sentence })
    }
    const candidates: SpeakerCandidate[] = []
    const sideOf = (mention: Mention): 'before' | 'after' | 'between' =>
      mention.last < quote.open ? 'before' : mention.first > quote.close ? 'after' : 'between'
    const distanceOf = (mention: Mention): number =>
      mention.last < quote.open
        ? quote.open - mention.last
        : mention.first > quote.close
          ? mention.first - quote.close
          : 1
    const all = [...before, ...inside, ...after]
    // Read no further than a cue may stand from its quote: the cost per quote stays bounded.
    const quotedBetween = (from: number, to: number): boolean => {
      for (let i = from; i < Math.min(to, from + MAX_CUE_DISTANCE); i++)
        if ((tokens[i] as Token).segment >= 0) return true
      return false
    }
    if (ruleChoice) ruleChoice = this.nameTitledBy(ruleChoice)
    // The rules may find a speaker the window does not hold (a transcript's "HOST:" inside the quotation).
    if (ruleChoice && !all.some(({ mention }) => overlaps(mention, ruleChoice)))
      all.push({ mention: ruleChoice, sentence: sentenceOf[ruleChoice.first] as number })
    const betweenCount = new Map<Mention, number>()
    before.forEach(({ mention }, index) => betweenCount.set(mention, before.length - 1 - index))
    after.forEach(({ mention }, index) => betweenCount.set(mention, index))
    const nearestBefore = before.at(-1)?.mention
    const nearestAfter = after[0]?.mention
    const nearestCue = this.nearestCue(quote, sentenceFirst, sentenceLast)
    const { before: cueBefore, after: cueAfter, afterOpensNext } = this.adjacentCues(quote, sentenceFirst, sentenceLast)
    for (const { mention, sentence } of all) {
      const features = vector()
      const first = tokens[mention.first] as Token
      const last = tokens[mention.last] as Token
      const facts = this.sentenceFacts(sentence)
      const entity = this.context.entityOf(mention)
      this.describeKind(features, mention, entity)
      const sameSentence = sentence >= sentenceFirst && sentence <= sentenceLast
      if (sameSentence) set(features, 'sentence:same')
      else if (sentence < sentenceFirst) set(features, 'sentence:previous')
      else set(features, 'sentence:next')
      if (first.paragraph < openToken.paragraph) set(features, 'paragraph:previous')
      const side = sideOf(mention)
      set(features, side === 'before' ? 'side:before' : side === 'after' ? 'side:after' : 'side:between')
      set(features, 'distance', Math.log2(1 + distanceOf(mention)) / 6)
      if (mention === nearestBefore || mention === nearestAfter) set(features, 'nearest-on-its-side')
      set(features, 'candidates-between', Math.min(betweenCount.get(mention) ?? 0, 4) / 4)
      // "“A” — “B,” she said": another quotation between them is the one the mention speaks.
      if (
        side !== 'between' &&
        quotedBetween(
          side === 'before' ? mention.last + 1 : quote.close + 1,
          side === 'before' ? quote.open : mention.first,
        )
      )
        set(features, 'quote-between')
      let cue: SentenceFacts['cues'][number] | undefined
      for (let i = mention.first; i <= mention.last && !cue; i++) cue = facts.cueOfSubjectToken.get(i)
      if (cue) {
        set(features, 'subject-of-cue')
        // "She added: “…”" after the quote speaks the quotation that follows it, not this one.
        const quoted = (at: number): boolean =>
          (tokens[at]?.segment ?? -1) >= 0 && (tokens[at] as Token).start >= (tokens[quote.close] as Token).end
        if (side === 'after' && (quoted(cue.verb + 1) || quoted(cue.verb + 2)))
          set(features, 'cue-serves-another-quote')
        if (cue.inverted) set(features, 'inverted-subject')
        if (nearestCue && cue.verb === nearestCue.verb) set(features, 'subject-of-nearest-cue')
      }
      if (cueBefore?.subject && overlaps(cueBefore.subject, mention)) set(features, 'subject-of-cue-right-before')
      if (cueAfter?.subject && overlaps(cueAfter.subject, mention)) set(features, 'subject-of-cue-right-after')
      // The subject opening the next sentence ("“…” Roe said.") is its cue's own, not a mention standing between a
      // cue and the quote. (In the quote's sentence, "“…,” Roe said", the subject keeps the mark it was fitted with.)
      const opensNextCue = Boolean(afterOpensNext && cueAfter?.subject && overlaps(cueAfter.subject, mention))
      if (
        (cueBefore && mention.first > cueBefore.verb && mention.last < quote.open) ||
        (cueAfter && mention.last < cueAfter.verb && mention.first > quote.close && !cueAfter.inverted && !opensNextCue)
      )
        set(features, 'between-cue-and-quote')
      // "Jane Roe thinks the mayor said": the subject of a verb that reports nothing is not the one talking.
      const verb = writersVerbFrom(tokens, mention.last + 1)
      if (verb?.pos === 'VERB' && !cue && !SPEECH_VERBS.has(verb.lower)) set(features, 'subject-of-other-verb')
      const before = tokens[mention.first - 1]
      // "…,” according to Roe" or "according to the Ledger": in another sentence, "According to Roe, …" introduces
      // what the writer says next.
      const preposition = governingPreposition(tokens, mention)
      const accordingTo =
        preposition > 0 && tokens[preposition]?.lower === 'to' && tokens[preposition - 1]?.lower === 'according'
      if (accordingTo && sameSentence && !(via && overlaps(via, mention))) set(features, 'according-to')
      const after = tokens[mention.last + 1]
      if (after?.text === ':' && tokens[mention.last + 2]?.segment !== undefined && side === 'before')
        set(features, 'colon-before-quote')
      const possessive = possessiveMention(first, last, mention)
      // "a review of Roe’s claim": a possessive determines the noun after it, which the preposition governs.
      if (preposition >= 0 && !accordingTo && !possessive) set(features, 'after-preposition')
      if (before && LISTENER_VERBS.has(before.lower)) set(features, 'object-of-speech-verb')
      if (possessive) set(features, 'possessive')
      if (facts.mentions[0] === mention) set(features, 'first-in-sentence')
      if (sameSentence) {
        // "When Roe spoke, a man yelled “…”": a mention in another clause of the sentence is not its subject.
        const clause = this.clauseAt(sentence, sentence === sentenceFirst ? quote.open : quote.close)
        if (this.clauseAt(sentence, mention.first) !== clause) set(features, 'other-clause')
        else if (this.clauseOpener(sentence, clause) === mention) set(features, 'first-in-clause')
      }
      if (facts.appositives.has(mention)) set(features, 'apposition')
      if (facts.asides.has(mention)) set(features, 'inside-aside')
      // "Her remarks …", "the senator's statement": whoever owns the words.
      const owned = tokens[mention.last + 1]
      if (possessive && owned && (SPEECH_NOUNS.has(owned.lower) || isDocumentWord(owned)))
        set(features, 'owns-speech-noun')
      if (ruleChoice && overlaps(ruleChoice, mention)) set(features, 'rule-choice')
      // `Roe “drew well” there`: a mention the quotation follows without a break is what the words are about.
      if (side === 'before' && mention.last + 1 === quote.open) set(features, 'right-before-quote')
      // `“…” in the primary, said a professor at the university.`: a cue clause that ends the quotation's own sentence
      // reports it, with more of the writer's words between them than an adjacent cue has, unless another quotation
      // stands between.
      if (
        cue &&
        sentence === sentenceLast &&
        side !== 'before' &&
        cue.verb > quote.close &&
        closesItsSentence(tokens, cue.verb, mention) &&
        !quotedBetween(quote.close + 1, Math.min(cue.verb, mention.first))
      )
        set(features, 'subject-of-sentence-final-cue')
      if (contextChoice && overlaps(contextChoice, mention)) set(features, 'context-choice')
      if (entity?.spoke) set(features, 'spoke-before')
      if (entity && previous?.entity === entity) set(features, 'previous-speaker')
      if (mention.kind === 'pronoun' && sameSentence) set(features, 'pronoun×sentence:same')
      if (mention.kind === 'name' && sentence < sentenceFirst) set(features, 'name×sentence:previous')
      candidates.push({ mention, previous: false, none: false, features })
    }
    if (previous) {
      const features = vector()
      set(features, 'previous')
      set(features, 'previous:paragraph-gap', Math.min(openToken.paragraph - previous.paragraph, 3) / 3)
      if (quote.hasCue) set(features, 'previous:quote-has-cue')
      const before = tokens[quote.open - 1]
      if (!before || before.paragraph < openToken.paragraph) set(features, 'previous:opens-paragraph')
      candidates.push({ mention: previous.mention, previous: true, none: false, features })
    }
    const nobody = vector()
    set(nobody, 'none')
    if (quote.hasCue) set(nobody, 'none×quote-has-cue')
    if (!candidates.some((candidate) => candidate.features[FEATURE_INDEX.get('subject-of-cue') as number] === 1))
      set(nobody, 'none×no-subject-nearby')
    candidates.push({ mention: null, previous: false, none: true, features: nobody })
    return candidates
  }

  /** The first mention of a clause that may be its subject, found once per clause. */
  private clauseOpener(sentence: number, clause: number): Mention | undefined {
    const key = `${sentence}:${clause}`
    if (this.openers.has(key)) return this.openers.get(key)
    const opener = this.sentenceFacts(sentence).mentions.find((mention) => this.opensClause(sentence, mention, clause))
    this.openers.set(key, opener)
    return opener
  }

  /** A mention of the clause that may be its subject: not one after a preposition ("In Ohio, …"). */
  private opensClause(sentence: number, mention: Mention, clause: number): boolean {
    const preposition = governingPreposition(this.context.tokens, mention)
    // "After Roe spoke, …": a subordinator that is also a preposition opens a clause with a subject.
    if (preposition >= 0 && !SUBORDINATORS.has((this.context.tokens[preposition] as Token).lower)) return false
    return this.clauseAt(sentence, mention.first) === clause
  }

  private clauseAt(sentence: number, token: number): number {
    const start = this.context.sentenceStarts[sentence] as number
    return this.sentenceFacts(sentence).clauses[token - start] as number
  }

  private describeKind(features: number[], mention: Mention, entity: Entity | null): void {
    const { tokens } = this.context
    const head = tokens[mention.last] as Token
    if (mention.kind === 'pronoun') {
      set(features, 'kind:pronoun')
      const pronoun = pronounOf(tokens[mention.first] as Token) ?? (tokens[mention.first] as Token).lower
      if (pronoun === 'they' || pronoun === 'their' || pronoun === 'we') set(features, 'pronoun:plural')
      if (pronoun === 'i' || pronoun === 'we') set(features, 'pronoun:first-person')
    } else if (mention.kind === 'name') {
      if (entity?.kind === 'organisation') set(features, 'kind:organisation')
      else if (mention.first === mention.last) set(features, 'kind:single-word-name')
      else set(features, 'kind:name')
    } else if (isDocumentWord(head)) set(features, 'kind:document')
    else if (isOrganisationWord(head)) set(features, 'kind:organisation')
    else {
      set(features, 'kind:role')
      // "which" stands for a thing, "who" for a person. A word the tagger calls a proper noun ("Torvald, the ferry
      // captain,") is a name, whatever the lexicons hold, unless it is a day or a month ("early Friday").
      const name = head.pos === 'PROPN' && !CALENDAR.test(head.lower)
      if (mention.kind === 'relative' ? head.lower === 'which' : !name && namesAThing(head)) set(features, 'kind:thing')
    }
    if (entity?.place) set(features, 'kind:place')
    // "a few months", "21 percent", "Thursday": a time or a share speaks for nobody.
    for (let i = mention.first; i <= mention.last; i++) {
      const token = tokens[i] as Token
      if (token.pos === 'NUM' || TIME_NOUNS.has(token.lower) || CALENDAR.test(token.lower))
        set(features, 'kind:time-or-number')
    }
    if (entity === null) set(features, 'unresolved')
    else if (
      entity.kind === 'person' &&
      (entity.words.length > 1 || entity.title !== null || entity.maleVotes + entity.femaleVotes > 0)
    )
      set(features, 'person-evidence')
  }

  /**
   * The speech verbs that govern the quote from either side: the last one before it and the first one after it
   * in its sentence (or opening the next one), with no other quotation in between.
   */
  private adjacentCues(
    quote: QuoteSpan,
    sentenceFirst: number,
    sentenceLast: number,
  ): {
    before: SentenceFacts['cues'][number] | null
    after: SentenceFacts['cues'][number] | null
    /** The cue after is the one opening the next sentence (cueOpeningNextSentence). */
    afterOpensNext: boolean
  } {
    const { tokens } = this.context
    const first = this.sentenceFacts(sentenceFirst).cues
    const last = this.sentenceFacts(sentenceLast).cues
    let before = first[cueAtOrAfter(first, quote.open) - 1] ?? null
    let after = last[cueAtOrAfter(last, quote.close + 1)] ?? null
    // A cue with another quotation between it and this one, or too far to read, governs something else.
    const quotedBetween = (from: number, to: number): boolean => {
      if (to - from > MAX_CUE_DISTANCE) return true
      for (let i = from; i < to; i++) if ((tokens[i] as Token).segment >= 0) return true
      return false
    }
    if (before && quotedBetween(before.verb + 1, quote.open)) before = null
    if (after && quotedBetween(quote.close + 1, after.verb)) after = null
    if (after) return { before, after, afterOpensNext: false }
    const next = this.cueOpeningNextSentence(quote, sentenceLast)
    return { before, after: next, afterOpensNext: next !== null }
  }

  /**
   * "“We will appeal.” Roe said.": a quotation that ends its sentence is reported by a cue whose subject opens the
   * next one in its paragraph, whatever stands between them ("Roe, who told the board it was wrong, said so
   * again"). (A verb opening the sentence would be capitalised, and no cue: "said Roe." after the closing mark
   * stays in the quotation's sentence.) A quotation that ends its paragraph is reported by a signature on the line
   * below ("— Jane Roe, at the rally.") and by no other cue.
   */
  private cueOpeningNextSentence(quote: QuoteSpan, sentenceLast: number): SentenceFacts['cues'][number] | null {
    const { tokens, sentenceStarts } = this.context
    const start = sentenceStarts[sentenceLast + 1]
    if (start === undefined) return null
    for (let i = quote.close + 1; i < start; i++) if ((tokens[i] as Token).isWord) return null
    const cues = this.sentenceFacts(sentenceLast + 1).cues
    if ((tokens[start] as Token).paragraph !== (tokens[quote.close] as Token).paragraph)
      return cues.find((cue) => cue.verb === start && !(tokens[start] as Token).isWord) ?? null
    return cues.find((cue) => cue.subject?.first === start) ?? null
  }

  /** The speech verb closest to the quote in its own sentences. */
  private nearestCue(
    quote: QuoteSpan,
    sentenceFirst: number,
    sentenceLast: number,
  ): SentenceFacts['cues'][number] | null {
    for (let sentence = sentenceFirst; sentence <= sentenceLast; sentence++) {
      const cues = this.sentenceFacts(sentence).cues
      const inside = cues[cueAtOrAfter(cues, quote.open + 1)]
      if (inside && inside.verb < quote.close) return inside
    }
    const first = this.sentenceFacts(sentenceFirst).cues
    const last = this.sentenceFacts(sentenceLast).cues
    const before = first[cueAtOrAfter(first, quote.open) - 1]
    const after = last[cueAtOrAfter(last, quote.close + 1)]
    if (!before) return after ?? null
    if (!after) return before
    return after.verb - quote.close < quote.open - before.verb ? after : before
  }
}

/** The marks that close a subordinate clause, each a token of its own. */
const CLAUSE_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '–', '—', '―'])

/**
 * Numbers the clauses of the writer's sentence tokens first..last: a subordinator ("when", "after", "because")
 * opens a clause that the next comma, semicolon, colon or dash closes, the words after it going back to the
 * clause it interrupted; a coordinator after a comma and before a new subject ("…, and Roe said") starts a
 * new main clause. Quoted words belong to the clause they stand in and open or close none, but a quotation
 * ending in a comma ("…,” Roe said") closes a subordinate clause as the writer's comma would. A shallow
 * reading, not a parse: the ranking weighs it.
 */
function clausesOf(tokens: readonly Token[], first: number, last: number): number[] {
  const clauses = new Array<number>(last - first + 1).fill(0)
  let next = 1
  let main = 0
  let current = 0
  for (let i = first; i <= last; i++) {
    const token = tokens[i] as Token
    clauses[i - first] = current
    if (token.segment >= 0) {
      const closesQuote = (tokens[i + 1]?.segment ?? -1) !== token.segment
      if (closesQuote && current !== main && tokens[i - 1]?.text === ',') current = main
      continue
    }
    if (CLAUSE_BREAKS.has(token.text)) {
      current = main
    } else if (current === main && SUBORDINATORS.has(token.lower)) {
      current = next++
      clauses[i - first] = current
    } else if (current === main && COORDINATORS.has(token.lower) && tokens[i - 1]?.text === ',') {
      const after = tokens[i + 1]
      if (after && after.segment < 0 && after.pos !== 'VERB' && after.pos !== 'AUX' && after.pos !== 'ADV') {
        main = current = next++
        clauses[i - first] = current
      }
    }
  }
  return clauses
}

/** Index of the first value at or after `position` in an ascending list (its length when there is none). */
function firstAtOrAfter(values: readonly number[], position: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((values[mid] as number) < position) low = mid + 1
    else high = mid
  }
  return low
}

function cueAtOrAfter(cues: readonly SentenceFacts['cues'][number][], position: number): number {
  let low = 0
  let high = cues.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((cues[mid] as SentenceFacts['cues'][number]).verb < position) low = mid + 1
    else high = mid
  }
  return low
}

/** Most words of a cue clause read after its verb and subject for the sentence's end ("said a professor at X."). */
const MAX_CUE_CLAUSE_TAIL = 8
/** Most tokens of an apposition set off by a comma after the subject ("said Jane Roe, a pollster at the X Institute."). */
const MAX_APPOSITION_TAIL = 20

/**
 * Only the writer's words follow the cue and its subject up to the end of the sentence or paragraph, and few: a
 * short tail, or an apposition after a comma that says who the subject is (no verb of its own: ", adding that …"
 * opens another clause).
 */
function closesItsSentence(tokens: readonly Token[], verb: number, subject: Mention): boolean {
  const from = Math.max(verb, subject.last) + 1
  let limit = from + MAX_CUE_CLAUSE_TAIL
  let apposition = false
  for (let i = from; i <= limit; i++) {
    const token = tokens[i]
    if (token === undefined || token.paragraph !== (tokens[verb] as Token).paragraph) return true
    if (token.segment >= 0) return false
    if (token.text === ',' && !apposition) {
      apposition = true
      limit = i + MAX_APPOSITION_TAIL
      continue
    }
    if (apposition && (token.pos === 'VERB' || token.pos === 'AUX')) return false
    if (!token.isWord) {
      if (/^[.!?]$/.test(token.text)) return true
      if (apposition && /^[,()'’-]$/.test(token.text)) continue
      return false
    }
  }
  return false
}

function possessiveMention(first: Token, last: Token, mention: Mention): boolean {
  return mention.kind === 'pronoun' ? POSSESSIVE_PRONOUNS.has(first.lower) : /['’]s?$/.test(last.lower)
}
