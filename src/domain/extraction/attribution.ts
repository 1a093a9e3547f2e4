import {
  ABSOLUTE_OPENERS,
  CLAUSE_CONTINUERS,
  COMPLEMENTIZERS,
  CONJUNCTIONS,
  DETERMINERS,
  INDEFINITE_PRONOUNS,
  isParticiple,
  PASSIVE_HELPERS,
  PHRASAL_SPEECH_VERBS,
  POSSESSIVE_PRONOUNS,
  PREPOSITIONS,
  PREPOSITIONS_BEFORE_NAMES,
  RELATIVE_OPENERS,
  SINGULAR_DETERMINERS,
  SOURCE_PREPOSITIONS,
  SPEECH_NOUNS,
  SPEECH_VERB_BASES,
  SUBORDINATORS,
} from './lexicon.js'
import {
  isAuxiliary,
  isDocumentWord,
  isOrganisationWord,
  isPeopleWordOrPlural,
  isRoleWord,
  isRoleWordOrPlural,
  isSpeechVerb,
  mentionEndingAt,
  mentionStartingAt,
  nameEndingAt,
  nameStartingAt,
  opensNameAsOrdinal,
  pronounOf,
  subjectBefore,
  descriptionEndingAt,
  NOUN_PHRASE_TAGS,
  type Mention,
} from './noun-phrases.js'
import { isAbbreviationDot } from './sentences.js'
import { verbAfter, type Token } from './tokens.js'

/** Where the words that attribute a quoted segment sit, as token indices. */
export interface Attribution {
  cueFirst: number
  cueLast: number
  speaker: Mention
  position: 'before' | 'after' | 'inside'
  /** First and last token of the writer's clause that carries the cue and the speaker. */
  clauseFirst: number
  clauseLast: number
  via: Mention | null
}

/** The writer's words around one quoted segment: the clause before it and the clause after it. */
export interface SegmentWindow {
  open: number
  close: number
  /** First token of the writer's words before the segment, bounded by the sentence start and the previous segment. */
  beforeFirst: number
  /** First token of the sentence that holds the segment, which may lie before earlier segments. */
  sentenceFirst: number
  afterLast: number
}

/** How far after a closing mark the speech verb may come ("Orrin T. Vale III, a columnist for The Harbor Review, said"). */
const MAX_SUBJECT_TOKENS = 24
const DASHES = new Set(['―', '—', '–', '-', '--'])
/** Longest noun phrase read between "with" and the -ing form of an absolute phrase ("with the campaign of the …"). */
const MAX_ABSOLUTE_TOKENS = 10
/** The tags a noun phrase's last word has: what an -ing form right after it may take for its subject. */
const NOUN_HEAD_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON'])
const LEADING_PUNCTUATION = new Set([',', '—', '―', '–', '-', '--'])
/** Most tokens read for a signed paragraph and for the line that signs it. */
const MAX_SIGNED_TOKENS = 400
/** Words read back for the start of a phrasal speech verb's clause. */
const MAX_CLAUSE_TOKENS = 30
/** Words a noun may have between its determiner and itself ("a Facebook", "one anti-union"). */
const MAX_NOUN_MODIFIERS = 3

/** `as a Transport Ministry memo put it`: the idiom reports somebody's words like a speech verb. */
function isPutIt(tokens: readonly Token[], at: number): boolean {
  return isWordAt(tokens, at, 'put') && isWordAt(tokens, at + 1, 'it')
}

/**
 * "Roe shot back, “…”", "“…,” Roe went on.", "Roe went on: “…”": a verb that reports speech with its particle, where
 * the particle ends the sentence or a comma or colon after it opens a quotation, in a clause that hangs on no other.
 * Elsewhere such a phrase most often reports nothing: "As the night went on, “…”", "…,” Roe said as the debate went
 * on, “…”", "The hearing went on, with …", "went on television", "shot back at critics", "pointed out that building".
 */
function isPhrasalCue(tokens: readonly Token[], at: number): boolean {
  if (!isPhrasalVerb(tokens, at) || inSubordinateClause(tokens, at)) return false
  const particle = tokens[at + 1] as Token
  const next = tokens[at + 2]
  if (next === undefined || next.paragraph !== particle.paragraph || /^[.!?]$/.test(next.text)) return true
  return (next.text === ',' || next.text === ':') && (tokens[at + 3]?.segment ?? -1) >= 0
}

/** A verb form of the phrasal list with its own particle right after it ("shot back", "went on"). */
function isPhrasalVerb(tokens: readonly Token[], at: number): boolean {
  const verb = tokens[at]
  const particle = tokens[at + 1]
  if (verb === undefined || particle === undefined) return false
  return PHRASAL_SPEECH_VERBS.get(verb.lower) === particle.lower
}

/**
 * The clause of the word at `at` opens with a subordinator or "as" ("as the debate went on"), read back to the
 * punctuation before it or MAX_CLAUSE_TOKENS words, so that a text of words with no punctuation costs no more.
 */
function inSubordinateClause(tokens: readonly Token[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - MAX_CLAUSE_TOKENS); i--) {
    const token = tokens[i] as Token
    if (!token.isWord || token.segment >= 0) return false
    if (SUBORDINATORS.has(token.lower) || token.lower === 'as') return true
  }
  return false
}

/** The cue's last token: the particle of a phrasal speech verb, or the verb itself. */
function cueEnd(tokens: readonly Token[], verb: number): number {
  return isPhrasalVerb(tokens, verb) ? verb + 1 : verb
}

/** A speech verb used as a verb: "the report concluded" has one, "the report" alone does not. */
export function isVerbAt(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at]
  // A show called "Harbor Report Sunday" reports nothing: a title's words are never the cue.
  if (token?.inTitle) return false
  const previous = tokens[at - 1]
  if (isPutIt(tokens, at)) return true
  const speech = isSpeechVerb(token) || isPhrasalCue(tokens, at)
  if (!speech || previous === undefined) return speech
  if (afterPreposition(previous, token as Token)) return false
  if (modifiedNoun(previous, token as Token)) return false
  if (headOfSingularNounPhrase(tokens, at)) return false
  const determined =
    (DETERMINERS.has(previous.lower) && previous.lower !== 'that' && !isPronounSubject(tokens, at)) ||
    (/['’]s$/.test(previous.lower) && pronounOf(previous) === null) ||
    POSSESSIVE_PRONOUNS.has(previous.lower)
  return !(determined && (isDocumentWord(token as Token) || !/(ed|en)$/.test((token as Token).lower)))
}

/**
 * "Another said", "one says": a determiner that may stand alone as a pronoun is the subject of the word after it
 * when the tagger reads that word as a verb ("another claim" stays a noun). Negated it names nobody: "No one said …"
 * is no cue.
 */
function isPronounSubject(tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1] as Token
  if (!INDEFINITE_PRONOUNS.has(before.lower) || (tokens[at] as Token).pos !== 'VERB') return false
  const negation = tokens[at - 2]?.lower
  return negation !== 'no' && negation !== 'not'
}

/**
 * "a personal email", "the swing state", "30 states": a word of saying that the tagger reads as a noun, after an
 * adjective or a number, names a thing. (After another noun it may still be a verb with that noun for its
 * subject, "the ad claims", and measured on the training split, leaving those alone does better.)
 */
function modifiedNoun(previous: Token, token: Token): boolean {
  if (token.pos !== 'NOUN' || previous.segment >= 0) return false
  return previous.pos === 'ADJ' || previous.pos === 'NUM'
}

/**
 * "a Facebook post that …", "one anti-union text": after a singular determiner and its modifiers, a verb's base
 * form cannot agree with the noun phrase before it, so it is that phrase's head noun. ("The ad claims" and
 * "officials state" are verbs: a third-person form, a plural subject.)
 */
function headOfSingularNounPhrase(tokens: readonly Token[], at: number): boolean {
  if (!SPEECH_VERB_BASES.has((tokens[at] as Token).lower)) return false
  for (let i = at - 1, modifiers = 0; i >= 0 && modifiers <= MAX_NOUN_MODIFIERS; i--, modifiers++) {
    const token = tokens[i] as Token
    if (token.segment >= 0 || !token.isWord) return false
    if (modifiers > 0 && SINGULAR_DETERMINERS.has(token.lower)) return true
    if (!NOUN_PHRASE_TAGS.has(token.pos)) return false
  }
  return false
}

/**
 * "referring to comments", "in remarks to reporters": after a preposition a word of saying is a noun, unless it
 * is an -ing form ("by saying") or the base form of an infinitive ("declined to comment").
 */
function afterPreposition(previous: Token, token: Token): boolean {
  if (!PREPOSITIONS.has(previous.lower) || previous.segment >= 0 || token.lower.endsWith('ing')) return false
  return previous.lower !== 'to' || /(s|ed)$/.test(token.lower)
}

function isWordAt(tokens: readonly Token[], at: number, word: string): boolean {
  return tokens[at]?.lower === word && tokens[at]?.segment === -1
}

/** Cue after the quote: `"X," she said`, `"X," said Caddell`, `"X," the statement said`, `"X" ― Name`. */
export function attributionAfter(
  tokens: readonly Token[],
  window: SegmentWindow,
  endsSentence: boolean,
): Attribution | null {
  let k = window.close + 1
  const last = window.afterLast
  if (onlyPunctuation(tokens, k, last)) {
    // Every quotation of a paragraph that holds nothing else is signed by the line below it, so they stay one quote.
    const end = paragraphEnd(tokens, window.close)
    const signed = end >= 0 ? signatureAt(tokens, end + 1) : null
    return signed && build(end + 1, signed.first - 1, signed, 'after', end + 1, signed.last)
  }
  const lead = tokens[k] as Token
  if (DASHES.has(lead.text)) {
    const name = nameAfterDash(tokens, k)
    if (name) return build(k, name.first - 1, name, 'after', k, name.last)
  }
  if (LEADING_PUNCTUATION.has(lead.text)) k++
  // `"…," when Roe blasted him`: a subordinator opens a clause that tells what happened, not who spoke; one closed
  // by a comma (`"…," after a long pause, Roe said`, `"…," when asked, Roe said`) is passed over for the cue after it.
  if (SUBORDINATORS.has(tokens[k]?.lower as string)) {
    let comma = k + 1
    while (comma < last && (tokens[comma] as Token).text !== ',') comma++
    if (comma >= last) return null
    k = comma + 1
  }
  // `"…," but he said that …`: a conjunction opens a new clause, whose cue reports what follows.
  if (CONJUNCTIONS.has(tokens[k]?.lower as string)) return null
  if (isWordAt(tokens, k, 'according') && isWordAt(tokens, k + 1, 'to')) {
    const source = mentionStartingAt(tokens, k + 2, last)
    return source ? build(k, k + 1, source, 'after', k, source.last) : null
  }
  const inverted = isInvertedPhrasal(tokens, window, k)
  if ((isSpeechVerb(tokens[k]) || inverted) && !isParticiple((tokens[k] as Token).lower)) {
    const end = cueEnd(tokens, k)
    const speaker = mentionStartingAt(tokens, end + 1, last)
    if (!speaker) return null
    // "“Shame!” went on the fence near Roe's house", "… went on Roe’s lawn": what follows the phrase is its subject
    // only if it can speak and closes the clause.
    if (inverted && (!canSpeak(tokens, speaker) || tokens[speaker.last + 1]?.isWord === true)) return null
    return withVia(tokens, build(k, end, speaker, 'after', k, speaker.last), last)
  }
  let verb = k
  while (verb <= last && verb - k <= MAX_SUBJECT_TOKENS && !isVerbAt(tokens, verb)) verb++
  if (verb > last || verb - k > MAX_SUBJECT_TOKENS || verb === k) return null
  // "to the Supreme Court ruling": an -ing form with no auxiliary names a thing here, it does not report speech.
  if (isParticiple((tokens[verb] as Token).lower) && !isAuxiliary(tokens[verb - 1] as Token)) return null
  const speaker = subjectAfterQuote(tokens, k, verb)
  if (!speaker) return null
  const end = cueEnd(tokens, verb)
  if (endsSentence && !closesQuickly(tokens, end, last)) return null
  return withVia(tokens, build(verb, end, speaker, 'after', k, end), last)
}

/**
 * "“…,” shot back Roe": a phrasal speech verb right after a quotation that ends in a comma, a question or an
 * exclamation, its subject after the particle. A title or a slogan in quotation marks mostly ends in none ("a sign
 * reading “Save the Pools” went on Roe’s lawn": the words after the phrase are no speaker).
 */
function isInvertedPhrasal(tokens: readonly Token[], window: SegmentWindow, k: number): boolean {
  if (!isPhrasalVerb(tokens, k)) return false
  return /^[,?!]$/.test(tokens[window.close - 1]?.text ?? '') || tokens[window.close + 1]?.text === ','
}

/** Nothing but punctuation from `first` to `last` (a dash may open a signature: not punctuation). */
function onlyPunctuation(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const token = tokens[i] as Token
    if (token.isWord || DASHES.has(token.text)) return false
  }
  return true
}

/** The last token of the paragraph holding token `at`, or -1 when it runs on past what a signature is looked for in. */
function paragraphEnd(tokens: readonly Token[], at: number): number {
  const { paragraph } = tokens[at] as Token
  let last = at
  while (tokens[last + 1]?.paragraph === paragraph) if (++last - at > MAX_SIGNED_TOKENS) return -1
  return last
}

/**
 * The paragraph ending at `last` holds quotations and punctuation only (a pull quote, a quote of the day), read back
 * no further than MAX_SIGNED_TOKENS: the cost per quotation stays bounded.
 */
function isQuotationParagraph(tokens: readonly Token[], last: number): boolean {
  const { paragraph } = tokens[last] as Token
  let quoted = false
  for (let i = last; i >= 0 && (tokens[i] as Token).paragraph === paragraph; i--) {
    const token = tokens[i] as Token
    if (last - i > MAX_SIGNED_TOKENS || (token.isWord && token.segment < 0)) return false
    quoted ||= token.segment >= 0
  }
  return quoted
}

/** The name right after the dash at `dash` (or a run of dashes, "- -") in the dash's paragraph: `“…” — Jane Roe`. */
function nameAfterDash(tokens: readonly Token[], dash: number): Mention | null {
  const lead = tokens[dash] as Token
  let first = dash
  while (first < tokens.length && DASHES.has((tokens[first] as Token).text)) first++
  if (lead.segment >= 0 || first === tokens.length) return null
  const name = nameStartingAt(tokens, first, tokens.length - 1)
  return name && (tokens[name.first] as Token).paragraph === lead.paragraph ? name : null
}

/**
 * A paragraph of quotations only, signed on the line below it: `“…”` then `— Jane Roe, at the rally.` (a pull quote,
 * a quote of the day, a fact-check's claim). The name after the dash that opens the line signs when the line goes on
 * only to say where, when or how: a comma, a preposition or an -ing form after the name, with no verb of the name's
 * own ("— Jane Roe, who chairs the board, disagreed.", "— Jane Roe contributed reporting.", "— Jane Roe in a
 * statement called it …"), which make the line the writer's sentence. A name alone on the line is how a byline or a
 * credit is printed (a reporter under a live update, an agency): it signs only when a full stop closes it ("- Jane
 * Roe."). `dash` is the line's first token; the signing name, or null.
 */
export function signatureAt(tokens: readonly Token[], dash: number): Mention | null {
  const lead = tokens[dash]
  if (lead === undefined || !DASHES.has(lead.text) || lead.segment >= 0) return null
  // The dash opens its line, and the line before is quotations, maybe with punctuation after the closing mark.
  if (dash === 0 || (tokens[dash - 1] as Token).paragraph === lead.paragraph) return null
  if (!isQuotationParagraph(tokens, dash - 1)) return null
  const name = nameAfterDash(tokens, dash)
  if (!name) return null
  const inLine = (at: number): boolean => tokens[at] !== undefined && (tokens[at] as Token).paragraph === lead.paragraph
  const next = tokens[name.last + 1] as Token
  if (!inLine(name.last + 1)) return null
  if (next.text === '.') return inLine(name.last + 2) ? null : name
  if (next.text !== ',' && !PREPOSITIONS.has(next.lower) && !isParticiple(next.lower)) return null
  // "— Jane Roe, who chairs the board, disagreed.": a verb of the name's own (not an -ing form, nor a role's word the
  // tagger read as a verb: "— Jane Roe, D-Ohio, then chairman of …").
  const verb = verbAfter(tokens, name.last)
  if (verb && !isParticiple(verb.lower) && !isRoleWord(verb)) return null
  // The name's own clause runs to a comma, an -ing form or a word opening another clause ("when asked", "a report
  // that said", "an effort to recall"): a verb of saying in it is the name's.
  for (let i = name.last + 1; inLine(i) && i - name.last <= MAX_SIGNED_TOKENS; i++) {
    const token = tokens[i] as Token
    if (token.text === ',' || isParticiple(token.lower)) break
    if (token.lower === 'to' || SUBORDINATORS.has(token.lower) || RELATIVE_OPENERS.has(token.lower)) break
    if (isVerbAt(tokens, i)) return null
  }
  return name
}

/**
 * The speaker between a closing mark and the speech verb: the phrase that ends at the verb
 * ("Halvorsen's former campaign strategist said", "Tilda Marsh, president of …, said") or, failing
 * that, the phrase that opens the clause followed by a prepositional tail ("Mr. Pell of the Riverbank Trust said").
 */
function subjectAfterQuote(tokens: readonly Token[], k: number, verb: number): Mention | null {
  const adjacent = subjectBefore(tokens, verb, k)
  if (adjacent && adjacent.first <= k + 2 && !hasPunctuation(tokens, k, adjacent.first)) return adjacent
  // "“…,” not the party’s view, Roe said.": words the writer sets beside the quote, with no verb of their own,
  // then a cue closing the sentence.
  if (
    adjacent &&
    tokens[adjacent.first - 1]?.text === ',' &&
    !hasVerb(tokens, k, adjacent.first) &&
    closesSentence(tokens, cueEnd(tokens, verb))
  )
    return adjacent
  const opening = mentionStartingAt(tokens, k, verb - 1)
  if (!opening) return null
  const between = tokens[opening.last + 1] as Token
  if (
    opening.last + 1 === verb ||
    isAuxiliary(between) ||
    PREPOSITIONS_BEFORE_NAMES.has(between.lower) ||
    between.text === ','
  )
    return opening
  return null
}

function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const pos = (tokens[i] as Token).pos
    if (pos === 'VERB' || pos === 'AUX') return true
  }
  return false
}

/** The verb is the last word of its sentence: "…, Roe said." */
function closesSentence(tokens: readonly Token[], verb: number): boolean {
  const next = tokens[verb + 1]
  return next === undefined || next.text === '.' || next.paragraph !== (tokens[verb] as Token).paragraph
}

function hasPunctuation(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!(tokens[i] as Token).isWord) return true
  return false
}

/**
 * After a quote that ended its own sentence, words like `Trump said Monday that …` start a new
 * statement rather than attribute the quote; only a short clause that stops there is a cue.
 */
function closesQuickly(tokens: readonly Token[], verb: number, last: number): boolean {
  const next = tokens[verb + 1]
  if (next === undefined || verb + 1 > last) return true
  if (!next.isWord) return true
  return CLAUSE_CONTINUERS.has(next.lower) || next.capitalized
}

function withVia(tokens: readonly Token[], attribution: Attribution, last: number): Attribution {
  for (let i = attribution.cueLast + 1; i < last && i <= attribution.cueLast + 10; i++) {
    if (isWordAt(tokens, i, 'according') && isWordAt(tokens, i + 1, 'to')) {
      const via = mentionStartingAt(tokens, i + 2, last)
      if (via) return { ...attribution, via, clauseLast: Math.max(attribution.clauseLast, via.last) }
    }
  }
  return attribution
}

function build(
  cueFirst: number,
  cueLast: number,
  speaker: Mention,
  position: Attribution['position'],
  clauseFirst: number,
  clauseLast: number,
): Attribution {
  return { cueFirst, cueLast, speaker, position, clauseFirst, clauseLast, via: null }
}

/**
 * Cue before the quote: the nearest speech verb in the writer's words before the segment
 * (`She added: "…"`, `Roe says the levy "would be …"`), "according to X", or a colon after a
 * name or after a clause about someone's words (`In her words: "…"`).
 */
export function attributionBefore(tokens: readonly Token[], window: SegmentWindow): Attribution | null {
  const first = window.beforeFirst
  const last = window.open - 1
  const introducing = introducingCue(tokens, window)
  if (introducing) return introducing
  // "When Roe thanked the crowd and said …, a man yelled “…”": a speech verb in a clause set before the main one
  // reports that clause's words; the main clause's verb, when there is one, reports the quote.
  const main = mainClauseStart(tokens, window)
  if (main > first) {
    const cue = firstCue(tokens, main, last, window.sentenceFirst)
    if (cue) return cue
  }
  return firstCue(tokens, first, last, window.sentenceFirst) ?? attributionWithoutVerb(tokens, window)
}

/**
 * "A woman asked for a photo and Roe said, “…”", "Asked about the critics who claim …, Roe replied: “…”": a speech verb
 * followed by nothing but the comma or colon before the opening mark introduces the quotation as its object, whatever
 * other speech verb came earlier in the sentence; its subject said it. Only a verb of a main clause with a subject of
 * its own right before it: one in a clause that hangs on another ("who had asked, “…”", "as Doe had warned, “…”", "if
 * the landlord complains, “…”", "said that Doe had said, “…”"), a participle or a passive leaves the quote to the
 * rules after this one.
 */
function introducingCue(tokens: readonly Token[], window: SegmentWindow): Attribution | null {
  const last = window.open - 1
  // "Roe shot back, “…”": the particle of a phrasal speech verb may stand between the verb and the mark.
  const phrasal = isPhrasalVerb(tokens, last - 2)
  const verb = phrasal ? last - 2 : last - 1
  if (verb < window.beforeFirst) return null
  const mark = (tokens[last] as Token).text
  if (mark !== ',' && mark !== ':') return null
  if (!isVerbAt(tokens, verb) || isParticiple((tokens[verb] as Token).lower) || isPassiveForm(tokens, verb)) return null
  const speaker = subjectBefore(tokens, verb, window.sentenceFirst)
  if (!speaker || speaker.kind === 'relative') return null
  // "The hearing went on, “…”", "The alarm went on: “…”": things go on too (canSpeak).
  if (phrasal && !canSpeak(tokens, speaker)) return null
  const opener = tokens[speaker.first - 1]?.lower
  if (opener && (SUBORDINATORS.has(opener) || COMPLEMENTIZERS.has(opener) || opener === 'as')) return null
  return build(verb, cueEnd(tokens, verb), speaker, 'before', speaker.first, last)
}

/** "was told", "are told", "were repeatedly told", "got told": a form of "be" or "get", and perhaps an adverb, before. */
function isPassiveForm(tokens: readonly Token[], verb: number): boolean {
  const previous = tokens[verb - 1]
  const adverb = previous !== undefined && previous.lower.endsWith('ly') && isAuxiliary(previous)
  return PASSIVE_HELPERS.has(tokens[adverb ? verb - 2 : verb - 1]?.lower as string)
}

/** First token after the comma that closes a subordinate clause opening the sentence, or the window's first. */
function mainClauseStart(tokens: readonly Token[], window: SegmentWindow): number {
  const first = window.beforeFirst
  if (first !== window.sentenceFirst || !SUBORDINATORS.has((tokens[first] as Token).lower)) return first
  for (let j = first + 1; j < window.open - 1; j++) if ((tokens[j] as Token).text === ',') return j + 1
  return first
}

/**
 * The first speech verb in first..last with a subject, or "according to X". The first speech verb is the main
 * clause's: in `Stroud says she admired what she calls a "…"` the quote is Stroud's saying. A verb in a relative
 * clause set off by commas (`Roe, who told aides …, said: "…"`) reports the quote only when no verb follows it.
 */
function firstCue(tokens: readonly Token[], first: number, last: number, sentenceFirst: number): Attribution | null {
  let relative: Attribution | null = null
  for (let j = first; j <= last; j++) {
    const token = tokens[j] as Token
    if (token.lower === 'according' && isWordAt(tokens, j + 1, 'to')) {
      const source = mentionStartingAt(tokens, j + 2, last)
      if (source) return build(j, j + 1, source, 'before', j, last)
      continue
    }
    if (!isVerbAt(tokens, j) || isPassive(tokens, j)) continue
    const speaker = subjectOfVerb(tokens, j, sentenceFirst)
    if (!speaker || (isPhrasalVerb(tokens, j) && !canSpeak(tokens, speaker))) continue
    const found = build(j, cueEnd(tokens, j), speaker, 'before', Math.min(speaker.first, j), last)
    if (!(speaker.kind === 'relative' && closedByComma(tokens, speaker.first, last)))
      return reportedInside(tokens, j, last, sentenceFirst) ?? found
    relative ??= found
  }
  return relative
}

/**
 * "Officials say the guard told them “…”", "Neighbours say that Roe called it “…”": a speech verb whose object is
 * a clause opened by a name or a description and its own speech verb reports what that clause's subject said; the
 * quote is theirs. A pronoun there is most often the first speaker again ("Stroud says she admired what she calls a
 * “…”"), and is left to the first speech verb.
 */
function reportedInside(
  tokens: readonly Token[],
  verb: number,
  last: number,
  sentenceFirst: number,
): Attribution | null {
  const opens = tokens[verb + 1]?.lower === 'that' ? verb + 2 : verb + 1
  const opening = mentionStartingAt(tokens, opens, last)
  if (!opening || opening.kind === 'pronoun' || opening.kind === 'relative') return null
  // A noun heads the clause's subject ("added this when asked: “…”" has none).
  const head = (tokens[opening.last] as Token).pos
  if (head !== 'NOUN' && head !== 'PROPN') return null
  const inner = opening.last + 1
  // The tagger's verb only: "called the unemployment rate “…”", "the Republican demands" end in nouns.
  if (inner > last || tokens[inner]?.pos !== 'VERB' || !isVerbAt(tokens, inner) || isPassive(tokens, inner)) return null
  // "… saying Roe continued to dig a “hole”", "the statement read by Roe": a verb before "to" or "by" reports nothing.
  const after = tokens[inner + 1]?.lower
  if (after === 'to' || after === 'by') return null
  const speaker = subjectOfVerb(tokens, inner, sentenceFirst)
  if (!speaker || speaker.first !== opening.first || speaker.last !== opening.last) return null
  return build(inner, inner, speaker, 'before', speaker.first, last)
}

/** A relative pronoun after a comma whose clause closes with another comma before `last`. */
function closedByComma(tokens: readonly Token[], pronoun: number, last: number): boolean {
  if (tokens[pronoun - 1]?.text !== ',') return false
  for (let i = pronoun + 1; i < last; i++) if ((tokens[i] as Token).text === ',') return true
  return false
}

/** A quote with no speech verb before it: a noun for speech, a colon after a name, or a bare "X said." before. */
function attributionWithoutVerb(tokens: readonly Token[], window: SegmentWindow): Attribution | null {
  const first = window.beforeFirst
  const last = window.open - 1
  const possessed = possessedSpeech(tokens, window)
  if (possessed) return possessed
  if (tokens[last]?.text === ':' && last > first) {
    // "When the mayor died, the governor released this statement:": the main clause's agent introduces it.
    const main = mainClauseStart(tokens, window)
    const speaker = (main > first ? firstAgent(tokens, main, last - 1) : null) ?? firstAgent(tokens, first, last - 1)
    if (speaker) return build(last, last, speaker, 'before', first, last)
  }
  return first === window.open ? attributionInPreviousSentence(tokens, window) : null
}

/**
 * A quotation set against a noun for speech that says whose it is: `Her emphatic rejection —
 * “No, President Trump” —`, `The message from Trump’s camp is simple: “…”`.
 */
function possessedSpeech(tokens: readonly Token[], window: SegmentWindow): Attribution | null {
  let at = window.open - 1
  while (at >= window.beforeFirst && !(tokens[at] as Token).isWord && window.open - at <= 2) at--
  for (let noun = at; noun >= Math.max(window.beforeFirst, at - 6); noun--) {
    const token = tokens[noun] as Token
    if (!SPEECH_NOUNS.has(token.lower)) continue
    const from = tokens[noun + 1]
    if (from && SOURCE_PREPOSITIONS.has(from.lower)) {
      let end = noun + 2
      while (end + 1 < window.open && (tokens[end + 1] as Token).isWord && !isAuxiliary(tokens[end + 1] as Token)) end++
      const source = mentionEndingAt(tokens, end, noun + 2)
      if (source) return build(noun, noun, source, 'before', noun, window.open - 1)
    }
    for (let owner = noun - 1; owner >= Math.max(window.beforeFirst, noun - 3); owner--) {
      const word = tokens[owner] as Token
      if (POSSESSIVE_PRONOUNS.has(word.lower))
        return build(noun, noun, { first: owner, last: owner, kind: 'pronoun' }, 'before', owner, window.open - 1)
      if (word.capitalized && /['’]s$/.test(word.lower)) {
        const name = nameEndingAt(tokens, owner, window.beforeFirst)
        if (name) return build(noun, noun, name, 'before', name.first, window.open - 1)
      }
      if (!word.isWord) break
    }
  }
  return null
}

export function subjectOfVerb(tokens: readonly Token[], verb: number, sentenceFirst: number): Mention | null {
  const token = tokens[verb] as Token
  const auxiliary = tokens[verb - 1]
  const hangsOnSubject =
    isParticiple(token.lower) &&
    !(auxiliary && isAuxiliary(auxiliary)) &&
    !(auxiliary && /['’]s$/.test(auxiliary.lower))
  // "Okafor – who went on a rant declaring …" and "Dunmore phoned him and told him …": a participle, or a verb joined
  // by a conjunction, shares the subject of the verb before it (of the clause a "that" clause hangs on, for a
  // conjoined verb: subjectOfVerbBefore). Unless the participle has a subject of its own: after "with" (an absolute
  // phrase) or right after a noun phrase (a reduced clause).
  if (hangsOnSubject) {
    const own = absoluteSubject(tokens, verb, sentenceFirst) ?? reducedClauseSubject(tokens, verb, sentenceFirst)
    if (own) return own
  }
  if (hangsOnSubject || (auxiliary && CONJUNCTIONS.has(auxiliary.lower)))
    return (
      subjectOfVerbBefore(tokens, verb, sentenceFirst, !hangsOnSubject) ?? firstAgent(tokens, sentenceFirst, verb - 1)
    )
  return subjectBefore(tokens, verb, sentenceFirst) ?? firstAgent(tokens, sentenceFirst, verb - 1)
}

/**
 * "…, with Senator Hale calling it “…”": in an absolute phrase the noun phrase between "with" and the -ing form is
 * its subject, not the subject of the clause it hangs on.
 */
function absoluteSubject(tokens: readonly Token[], verb: number, floor: number): Mention | null {
  for (let i = verb - 1; i >= Math.max(floor, verb - MAX_ABSOLUTE_TOKENS); i--) {
    const token = tokens[i] as Token
    if (token.segment >= 0 || (!token.isWord && !isAbbreviationDot(tokens, i))) return null
    if (ABSOLUTE_OPENERS.has(token.lower)) return mentionStartingAt(tokens, i + 1, verb - 1)
  }
  return null
}

/**
 * "Roe saying she was “…” and Doe calling it “…”", "the share of voters saying “…”": an -ing form right after a
 * noun phrase, with no comma between, says what that phrase did; set off by a comma ("Roe thanked the voters,
 * saying …") it hangs on the clause's subject instead. So it does when the phrase is a verb's object, next to the
 * verb or through one preposition ("released a statement saying …", "put out a statement saying …", "spoke to
 * reporters saying …"): the subject speaks through it. (After a copula's complement, "Roe is the only official
 * saying …", the phrase is still taken: reading "is" as a governor too moved the refitted ranking's borderline
 * choices, one of them a test's "“…” Roe said." after a body's sentence.)
 */
function reducedClauseSubject(tokens: readonly Token[], verb: number, floor: number): Mention | null {
  const head = tokens[verb - 1]
  if (!head || !NOUN_HEAD_TAGS.has(head.pos)) return null
  const subject = mentionEndingAt(tokens, verb - 1, floor)
  if (!subject) return null
  let before = subject.first - 1
  if (tokens[before]?.pos === 'ADP') before--
  return tokens[before]?.pos === 'VERB' ? null : subject
}

/**
 * The subject of the nearest finite verb before `verb` in its sentence, following a chain of conjoined verbs.
 * `outOfComplement`: a verb joined by a conjunction is joined to the clause a "that" clause hangs on, not to the
 * verb inside it, through any number of such clauses ("Pell found that Lee erred and told …", "the inspector
 * saw no proof that the clerks had lied but called …").
 */
function subjectOfVerbBefore(
  tokens: readonly Token[],
  verb: number,
  sentenceFirst: number,
  outOfComplement = false,
): Mention | null {
  for (let i = verb - 1; i > sentenceFirst; i--) {
    const candidate = tokens[i] as Token
    if (candidate.segment >= 0) return null
    if (candidate.pos !== 'VERB' || isParticiple(candidate.lower)) continue
    const before = tokens[i - 1]
    if (before && CONJUNCTIONS.has(before.lower)) continue
    const opener = outOfComplement ? complementOpening(tokens, i, sentenceFirst) : -1
    return (
      (opener >= 0 ? subjectOfVerbBefore(tokens, opener, sentenceFirst, true) : null) ??
      subjectBefore(tokens, i, sentenceFirst)
    )
  }
  return null
}

/**
 * The "that" or "whether" opening the clause whose verb is at `verb` (the object of a verb or of a noun: "found that
 * …", "no sign that …"); -1 when the verb heads no such clause. Read from the words, not the tags: the tagger calls
 * "that" a pronoun before a name and "whether" a preposition. Commas are crossed ("that, in the end, …"); another
 * verb, a quotation or other punctuation ends the search.
 */
function complementOpening(tokens: readonly Token[], verb: number, floor: number): number {
  for (let i = verb - 1; i > floor; i--) {
    const token = tokens[i] as Token
    if (token.text === ',' && token.segment < 0) continue
    if (token.segment >= 0 || !token.isWord || token.pos === 'VERB') return -1
    if (COMPLEMENTIZERS.has(token.lower)) return i
  }
  return -1
}

/** `…, Schiff said. "The other factor …"`: a quotation opening the sentence after a bare "X said." is X's. */
function attributionInPreviousSentence(tokens: readonly Token[], window: SegmentWindow): Attribution | null {
  const stop = tokens[window.open - 1]
  const opening = tokens[window.open] as Token
  if (!stop || stop.text !== '.' || stop.paragraph !== opening.paragraph || stop.segment >= 0) return null
  // "Roe went on. “…”": a phrasal speech verb's particle may close the sentence.
  const phrasal = isPhrasalVerb(tokens, window.open - 3)
  const verb = phrasal ? window.open - 3 : window.open - 2
  if (!(isSpeechVerb(tokens[verb]) || phrasal) || isParticiple((tokens[verb] as Token).lower)) return null
  // "Roe was told.", "The vote was pushed back.": a passive's subject said nothing.
  if (isPassive(tokens, verb)) return null
  let sentenceFirst = verb
  for (; sentenceFirst > 0; sentenceFirst--) {
    const previous = tokens[sentenceFirst - 1] as Token
    if (
      previous.paragraph !== stop.paragraph ||
      (/^[.!?]$/.test(previous.text) && !isAbbreviationDot(tokens, sentenceFirst - 1))
    )
      break
    // A sentence that already carries a quotation spoke about that one.
    if (previous.segment >= 0) return null
  }
  const speaker = subjectBefore(tokens, verb, sentenceFirst)
  if (!speaker) return null
  // "The meeting went on.", "The list goes on.", "It went on.": things go on too (canSpeak).
  if (phrasal && !canSpeak(tokens, speaker)) return null
  return build(verb, cueEnd(tokens, verb), speaker, 'before', speaker.first, window.open - 1)
}

/**
 * Who a phrasal speech verb may have for its subject: a name, a person's pronoun, or a word for a person (a role's,
 * "the senator", or one of people-nouns.json, "the neighbor"). "The meeting went on", "the list goes on" and "it
 * went on" report nothing.
 */
function canSpeak(tokens: readonly Token[], mention: Mention): boolean {
  const head = tokens[mention.last] as Token
  if (mention.kind === 'name') return true
  if (mention.kind === 'pronoun') return head.lower !== 'it'
  return isRoleWordOrPlural(head) || isPeopleWordOrPlural(head)
}

/** "was written by", "is called": the verb's subject is not its speaker. */
export function isPassive(tokens: readonly Token[], verb: number): boolean {
  const previous = tokens[verb - 1]?.lower
  const verbWord = (tokens[verb] as Token).lower
  return (
    (previous === 'was' || previous === 'were' || previous === 'is' || previous === 'be' || previous === 'been') &&
    !verbWord.endsWith('ing')
  )
}

/**
 * The first person, organisation or pronoun in a stretch of the writer's words that can be the one
 * talking: names after a preposition ("in Mexico") are places or listeners, not speakers.
 */
export function firstAgent(tokens: readonly Token[], first: number, last: number): Mention | null {
  for (let i = first; i <= last; i++) {
    const token = tokens[i] as Token
    if (token.segment >= 0) continue
    if (pronounOf(token) !== null || POSSESSIVE_PRONOUNS.has(token.lower)) {
      if (token.lower === 'it' || token.lower === 'its') continue
      return { first: i, last: i, kind: 'pronoun' }
    }
    const previous = tokens[i - 1]
    if (previous && i > first && PREPOSITIONS_BEFORE_NAMES.has(previous.lower)) continue
    // A sentence opening with "Following …" or "Speaking …" has its subject further on.
    if ((token.capitalized && !(i === first && token.lower.endsWith('ing'))) || opensNameAsOrdinal(tokens, i)) {
      const name = nameStartingAt(tokens, i, last)
      if (name) return name
    }
    if (token.isWord && !token.capitalized) {
      const described = descriptionEndingAt(tokens, i, first)
      const before = described ? tokens[described.first - 1] : undefined
      if (
        described &&
        isAgentDescription(tokens, described) &&
        !(before && PREPOSITIONS_BEFORE_NAMES.has(before.lower))
      )
        return described
    }
  }
  return null
}

export function isAgentDescription(tokens: readonly Token[], mention: Mention): boolean {
  const head = tokens[mention.last] as Token
  return (
    isRoleWord(head) ||
    isOrganisationWord(head) ||
    isDocumentWord(head) ||
    /(man|woman|person|ist|ian)$/.test(head.lower)
  )
}

/** Transcript lines: `"WALLACE: Let’s start …"` — the speaker's name in capitals opens the quote. */
export function attributionInside(tokens: readonly Token[], window: SegmentWindow): Attribution | null {
  const name = tokens[window.open + 1]
  const colon = tokens[window.open + 2]
  if (
    !name ||
    !colon ||
    colon.text !== ':' ||
    name.text.length < 2 ||
    name.text !== name.text.toUpperCase() ||
    !/\p{Lu}/u.test(name.text)
  )
    return null
  return build(
    window.open + 2,
    window.open + 2,
    { first: window.open + 1, last: window.open + 1, kind: 'name' },
    'inside',
    window.open + 1,
    window.open + 2,
  )
}
