import {
  ABBREVIATIONS,
  GENDERED_HONORIFICS,
  INDEFINITE_PRONOUNS,
  ROLE_WORDS,
  STATE_ABBREVIATIONS,
  TITLE_ABBREVIATIONS,
} from './lexicon.js'
import type { PartOfSpeech } from './linguistics.js'
import { isAsciiDigit, withoutFinalStop, type Token } from './tokens.js'

const TERMINAL = new Set(['.', '!', '?'])
const QUOTE_MARKS = new Set(['"', '”', '“', '»', '«'])
const OPENING_MARKS = new Set(['"', '“', '«', '„', '‘', "'"])

const INITIALS = /^(\p{Lu}\.)*\p{Lu}$/u
/** One letter and its full stop: an initial ("J.") or an abbreviation ("v.") that more words follow. */
const SINGLE_LETTER = /^\p{L}\.$/u

/**
 * The tagger's classes of grammar words ("The", "But", "He", "In", "Will", "Now"): capitalised after a word that keeps
 * its full stop, one opens a new sentence ("in the U.S. The …"), where a name, a noun or a number goes on with the
 * same one ("U.S. officials", "Sept. 12").
 */
const OPENS_SENTENCE_AFTER_ABBREVIATION: ReadonlySet<PartOfSpeech> = new Set([
  'DET',
  'PRON',
  'ADP',
  'AUX',
  'ADV',
  'CCONJ',
  'SCONJ',
  'PART',
])

/**
 * Marks on each token whether it closes one of the writer's sentences (`endsSentence`, read by the rules that walk
 * names), and returns the same marks as an array for the rules that read them by index. Only the writer's own words
 * count: a full stop inside a quotation does not end the sentence that carries the quotation.
 */
export function markSentenceEnds(tokens: readonly Token[]): boolean[] {
  const ends = sentenceEnds(tokens)
  tokens.forEach((token, index) => {
    token.endsSentence = ends[index] as boolean
  })
  return ends
}

/** A token that may open a sentence after a full stop: a capital, an opening mark, a digit, a quotation. */
function mayOpenSentence(token: Token): boolean {
  return (
    token.capitalized || OPENING_MARKS.has(token.text) || isAsciiDigit(token.text.charCodeAt(0)) || token.segment >= 0
  )
}

function sentenceEnds(tokens: readonly Token[]): boolean[] {
  const ends = new Array<boolean>(tokens.length).fill(false)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    const next = tokens[i + 1]
    if (next === undefined || next.paragraph !== token.paragraph) {
      ends[i] = true
      continue
    }
    if (token.segment >= 0) {
      // A quotation that ends its own sentence ("… defended.” Her words …") ends the writer's sentence too.
      const previous = tokens[i - 1]
      if (
        next.segment !== token.segment &&
        QUOTE_MARKS.has(token.text) &&
        previous !== undefined &&
        TERMINAL.has(previous.text) &&
        next.capitalized
      )
        ends[i] = true
      continue
    }
    // `told the Ledger’s “Harbor Hour.” Then …`: a title closing on its full stop ends the sentence after its
    // closing mark, once.
    const after = tokens[i + 2]
    if (token.inTitle && TERMINAL.has(token.text) && QUOTE_MARKS.has(next.text) && next.inTitle && !after?.inTitle) {
      ends[i + 1] = after === undefined || after.paragraph !== next.paragraph || mayOpenSentence(after)
      i++
      continue
    }
    // The tagger keeps a final full stop on an abbreviation ("in the U.S. The"): the word after it says whether the
    // stop ends the sentence too.
    if (
      token.isWord &&
      TERMINAL.has(token.text[token.text.length - 1] as string) &&
      mayOpenSentence(next) &&
      (endsWithAbbreviation(token, next) || closesCityAndState(tokens, i, next))
    )
      ends[i] = true
    if (!TERMINAL.has(token.text)) continue
    if (token.text === '.' && isAbbreviationDot(tokens, i) && !closesCityAndState(tokens, i - 1, next)) continue
    if (mayOpenSentence(next)) ends[i] = true
  }
  return ends
}

/** A full stop that belongs to the word before it: a title ("Gov."), an abbreviation ("Calif.") or an initial ("G.K."). */
export function isAbbreviationDot(tokens: readonly Token[], at: number): boolean {
  const dot = tokens[at]
  const word = tokens[at - 1]
  return (
    dot !== undefined &&
    word !== undefined &&
    dot.text === '.' &&
    word.isWord &&
    word.end === dot.start &&
    (ABBREVIATIONS.has(word.lower) || isTitleAbbreviation(word, word.lower) || INITIALS.test(word.text))
  )
}

/**
 * A title's abbreviation written as one, with its capital ("Sen.", "Spc.", "Brig."): its full stop never ends a
 * sentence, whether or not the tagger keeps it on the word. In lower case it is a word ("in the brig.", "three reps.").
 */
function isTitleAbbreviation(word: Token, bare: string): boolean {
  return word.capitalized && TITLE_ABBREVIATIONS.has(bare)
}

/**
 * A word that keeps its full stop ends the sentence when a grammar word or a quantifier follows it ("… in the U.S. The
 * talks", "… Acme Inc. Most analysts"), unless it is a single letter, a title or an honorific, which a name follows
 * whatever the tagger makes of the name's first word ("J. Will Roe", "Sen. Will Roe", "Mr. Will", "Roe v. Wade").
 * A quantifier is read from the word list: the tagger calls "Most" and "Many" adjectives, as it does the "Democratic"
 * of "U.S. Democratic senators".
 */
function endsWithAbbreviation(word: Token, next: Token): boolean {
  const bare = withoutFinalStop(word.lower)
  if (SINGLE_LETTER.test(word.text) || isTitleAbbreviation(word, bare) || GENDERED_HONORIFICS.has(bare)) return false
  return OPENS_SENTENCE_AFTER_ABBREVIATION.has(next.pos) || INDEFINITE_PRONOUNS.has(next.lower)
}

/**
 * "in Millbrook, Ala. Roe said": a state's abbreviation closing a place ("City, St.") with a capitalised word after it
 * ends the sentence; within one, the writer puts a comma after the state ("Millbrook, Ala., on Monday"), or a title
 * follows as part of a description ("Millbrook, Ala. Mayor Jane Roe").
 */
function closesCityAndState(tokens: readonly Token[], word: number, next: Token): boolean {
  const state = tokens[word]
  const place = tokens[word - 2]
  const bareNext = withoutFinalStop(next.lower)
  return (
    state !== undefined &&
    place !== undefined &&
    !ROLE_WORDS.has(bareNext) &&
    !TITLE_ABBREVIATIONS.has(bareNext) &&
    STATE_ABBREVIATIONS.has(withoutFinalStop(state.lower)) &&
    tokens[word - 1]?.text === ',' &&
    place.isWord &&
    place.capitalized
  )
}
