import {
  DETERMINERS,
  DOCUMENT_WORDS,
  GROUP_DEMONSTRATIVES,
  NAME_CONNECTORS,
  NOT_CURRENT,
  NOT_NAMES,
  PAGE_FURNITURE,
  PAGE_FURNITURE_NOUNS,
  ORGANISATION_WORDS,
  PARTY_MEMBERS,
  PEOPLE_NOUNS,
  POSSESSIVE_PRONOUNS,
  RELATIVE_OPENERS,
  RELATIVE_PRONOUNS,
  ROLE_WORDS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  AUXILIARIES,
  CONJUNCTIONS,
  INDEFINITE_PRONOUNS,
  PARTY_INITIALS,
  PLACES,
  PREPOSITIONS,
  STATE_ABBREVIATIONS,
} from './lexicon.js'
import { isSurnameParticle } from '../speaker-identity.js'
import { isAbbreviationDot } from './sentences.js'
import { bareWord, isAsciiDigit, isCapitalisedWord, withoutFinalStop, type Token } from './tokens.js'

export type MentionKind = 'name' | 'pronoun' | 'role' | 'relative'

/** A stretch of tokens (inclusive) that names, describes or stands for a speaker. */
export interface Mention {
  first: number
  last: number
  kind: MentionKind
}

/** Longest run read after an office's "of the": a body of a few words, a title and a name. */
const MAX_BODY_AND_NAME_TOKENS = 10
const CONTRACTED_PRONOUN = /^(he|she|it|they|we|i)['’](s|d|ll|ve|re|m)$/
const POSSESSIVE = /['’]s?$/

/** A word of a page's captions, galleries or buttons printed into the text ("Caption", "Photos", "Replay"). */
export function isPageFurniture(token: Token): boolean {
  return PAGE_FURNITURE.has(bareWord(token))
}

/**
 * A button's word in capitals, as a page prints its label ("MORE", "REPLAY"): a surname is rarely written so in
 * running text (a name all in capitals is mostly a byline's or a dateline's, read as whole runs). Not two letters:
 * those are as often an acronym ("UP").
 */
function isButtonLabel(token: Token): boolean {
  return token.text.length > 2 && token.text === token.text.toUpperCase() && isPageFurniture(token)
}

/**
 * Words that are all a page's furniture, one of them a caption's or a gallery's noun ("Hide Caption", "Replay More
 * Videos") or two buttons' words ("Sign Up Continue reading …"), or a button's label in capitals ("MORE", a link
 * left where a name was cut out): they name nobody. A button's word alone otherwise may be a surname ("More said").
 */
export function isPageFurnitureRun(words: readonly Token[]): boolean {
  return (
    words.every(isPageFurniture) &&
    (words.length >= 2 || words.some((word) => PAGE_FURNITURE_NOUNS.has(bareWord(word)) || isButtonLabel(word)))
  )
}

export function isSpeechVerb(token: Token | undefined): boolean {
  return token !== undefined && token.segment < 0 && !token.capitalized && SPEECH_VERBS.has(token.lower)
}

export function isAuxiliary(token: Token): boolean {
  return AUXILIARIES.has(token.lower) || (token.lower.endsWith('ly') && token.lower.length > 4 && !token.capitalized)
}

export function isRoleWord(token: Token): boolean {
  return ROLE_WORDS.has(bareWord(token))
}

/** "leaders", "witnesses", "deputies": the plural of a role word (lower case, possessive stripped). */
export function isPluralRole(word: string): boolean {
  if (word.length <= 3 || !word.endsWith('s')) return false
  if (ROLE_WORDS.has(word.slice(0, -1))) return true
  // -es only after a hissing sound ("witnesses", "coaches"): "Sones" or "Reves" is no plural of "son" or "reve".
  if (/(s|x|z|ch|sh)es$/.test(word) && ROLE_WORDS.has(word.slice(0, -2))) return true
  return word.endsWith('ies') && ROLE_WORDS.has(`${word.slice(0, -3)}y`)
}

/** "neighbor", "opponents": a general noun for people (people-nouns.json) or its plural. */
export function isPeopleWordOrPlural(token: Token): boolean {
  return singularsOf(bareWord(token)).some((noun) => PEOPLE_NOUNS.has(noun))
}

/** A role word or its plural ("leader", "leaders"). */
export function isRoleWordOrPlural(token: Token): boolean {
  const word = bareWord(token)
  return ROLE_WORDS.has(word) || isPluralRole(word)
}

/**
 * The singulars a plural may stand for, the word itself first: "groups" → "group", "families" → "family",
 * "witnesses" → "witness" (and the "witnesse" no lexicon holds). Words of four letters or fewer are left alone
 * ("bus", "news").
 */
function singularsOf(word: string): string[] {
  if (word.length <= 4 || !word.endsWith('s')) return [word]
  const forms = [word, word.slice(0, -1)]
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`)
  else if (word.endsWith('es')) forms.push(word.slice(0, -2))
  return forms
}

/**
 * A noun that names a thing, not who may speak: none of a role's word, a party's member, a word for people
 * ("crowd", "callers"), a body's ("groups", "agencies") or a document's ("reports"), singular or plural. "The
 * harbour levy", "fuel prices" and "the streets" speak for nobody. Read from the lexicons alone, so a word for
 * people they do not hold reads as a thing: the fitted weight is what that costs.
 */
export function namesAThing(token: Token): boolean {
  return !singularsOf(bareWord(token)).some(
    (noun) =>
      ROLE_WORDS.has(noun) ||
      PEOPLE_NOUNS.has(noun) ||
      ORGANISATION_WORDS.has(noun) ||
      DOCUMENT_WORDS.has(noun) ||
      PARTY_MEMBERS.has(noun) ||
      INDEFINITE_PRONOUNS.has(noun),
  )
}

export function isOrganisationWord(token: Token): boolean {
  return ORGANISATION_WORDS.has(bareWord(token))
}

export function isDocumentWord(token: Token): boolean {
  return DOCUMENT_WORDS.has(bareWord(token))
}

function isNameWord(token: Token): boolean {
  return token.isWord && token.segment < 0 && token.proper
}

/**
 * A capitalised word that goes on with a name begun before it: one that may be a name's (markProperNames), or any
 * capital but a word that is never a name's ("Monday") and a headline's title case.
 */
function continuesName(token: Token): boolean {
  return token.proper || (!NOT_NAMES.has(token.lower) && !token.inTitleCase)
}

const NUMERIC_ORDINAL = /^\d+(?:st|nd|rd|th)$/i

/**
 * "the 14th Amendment", "the 2nd Circuit Court of Appeals": a number's ordinal right before a name opens it (without
 * it, every circuit is one court). Only a numeral: "First", "Second" are capitalised and read as words.
 */
export function opensNameAsOrdinal(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at]
  const next = tokens[at + 1]
  return (
    token !== undefined &&
    next !== undefined &&
    token.segment < 0 &&
    next.start === token.end + 1 &&
    isAsciiDigit(token.text.charCodeAt(0)) &&
    NUMERIC_ORDINAL.test(token.text) &&
    isNameWord(next)
  )
}

/** A capital joined to a place by a hyphen, the place's first word with it: "R-N.Y", "D-Calif", "I-New". */
const PARTY_AND_PLACE = /^(\p{Lu})-(\p{Lu}.*)$/u
/** Most words in the place of a party-and-place label ("R-New York", "D-West Virginia"). */
const MAX_LABEL_PLACE_WORDS = 2

/**
 * "Jane Roe, R-N.Y., said", "Sen. John Doe (D-Calif.)": a lawmaker's party and place, written after the name. It
 * describes the person named before it and is never a name itself. Index of its last token when one starts at
 * `first` (the place's full stop included), or -1.
 */
export function partyLabelEnd(tokens: readonly Token[], first: number): number {
  const start = tokens[first]
  // The hyphen's place is checked before the expression runs: this is asked of every word.
  if (start === undefined || start.text.charCodeAt(1) !== 45 || !start.isWord || start.segment >= 0) return -1
  const match = PARTY_AND_PLACE.exec(start.text)
  if (match === null || !PARTY_INITIALS.has((match[1] as string).toLowerCase())) return -1
  let place = (match[2] as string).toLowerCase()
  let last = first
  for (let words = 1; words <= MAX_LABEL_PLACE_WORDS; words++) {
    if (words > 1) {
      // The place's next word: capitalised, one space on ("R-New York").
      const word = tokens[last + 1]
      if (word === undefined || !word.capitalized || word.start !== (tokens[last] as Token).end + 1) return -1
      place = `${place} ${word.lower}`
      last++
    }
    const after = tokens[last + 1]
    // "D-Calif" "." : the abbreviation's full stop, a token of its own, belongs to the label.
    if (STATE_ABBREVIATIONS.has(place))
      return after?.text === '.' && after.start === (tokens[last] as Token).end ? last + 1 : last
    if (PLACES.has(place) || STATE_ABBREVIATIONS.has(withoutFinalStop(place))) return last
  }
  return -1
}

/** Index of the first token of the party-and-place label ending at `last`, or -1. */
export function partyLabelEndingAt(tokens: readonly Token[], last: number): number {
  for (let first = last; first >= Math.max(0, last - MAX_LABEL_PLACE_WORDS); first--)
    if (partyLabelEnd(tokens, first) === last) return first
  return -1
}

/** Where a name may start: a capitalised word, or a numeral's ordinal before one. */
export function mayOpenName(tokens: readonly Token[], at: number): boolean {
  return (tokens[at] as Token).capitalized || opensNameAsOrdinal(tokens, at)
}

/**
 * Lower-case role or organisation words leading up to a capitalised word ("press secretary Josh"): index of that word,
 * or -1. A role may take the field it covers ("secretary of state Jane Roe", "chief of staff John Doe"): "of" and one
 * lower-case noun, when a capitalised word follows them; "of" before a capitalised word ("spokesman of Acme") is
 * where the role's holder is named, not part of a title. `insideName`: the chain would go on a name already begun,
 * where a past form alone is a verb between two names.
 */
function roleChainEnd(tokens: readonly Token[], from: number, ceiling: number, insideName = false): number {
  let i = from
  while (i <= ceiling && i - from < 4) {
    const token = tokens[i] as Token
    // Like a name, a chain never runs across a sentence's end, a headline's among them ("… rips Acme spokesman¶Roe").
    if (i > from && (tokens[i - 1] as Token).endsSentence) return -1
    // "a campaign official Monday.": a word that is never a name's, alone, ends no chain ("governor Jan Brewster" does).
    if (token.capitalized) {
      if (i === from || (!continuesName(token) && tokens[i + 1]?.capitalized !== true)) return -1
      // Inside a name, a past form alone before a capital is a verb the tagger read as an adjective ("Roe branded Will
      // Doe a liar", "Roe slammed Sen. Doe"), not a title's modifier: a word of a past office ("Harbor Guard retired
      // Col. Jane Roe"), one before a role's word ("Acme retired spokesman"), or where a name opens ("retired Army Gen.
      // Will Doe"). Nouns the tagger calls adjectives go on ("Oversight ranking Democrat").
      const opener = (tokens[from] as Token).lower
      return insideName && i === from + 1 && opener.endsWith('ed') && !NOT_CURRENT.has(opener) ? -1 : i
    }
    const field = tokens[i + 1]
    if (
      token.lower === 'of' &&
      i > from &&
      isRoleWord(tokens[i - 1] as Token) &&
      field !== undefined &&
      !field.endsSentence &&
      field.isWord &&
      field.segment < 0 &&
      !field.capitalized &&
      field.pos === 'NOUN' &&
      i + 2 <= ceiling &&
      tokens[i + 2]?.capitalized === true &&
      (tokens[i + 2] as Token).segment < 0
    )
      return i + 2
    // "former Sen. Jane Roe", "retired Gen. …": an adjective may open the chain.
    const modifier = i === from && token.pos === 'ADJ'
    if (!token.isWord || token.segment >= 0 || !(isRoleWord(token) || isOrganisationWord(token) || modifier)) return -1
    i++
  }
  return -1
}

/**
 * Words inside an office's name that would otherwise end a name's walk. "Secretary of Health and Human Services Jane
 * Roe": an "and" between the one capitalised word after an office's "of" and the next. Between names ("Jane Roe and
 * John Doe") it stays a list: only a role's word right before the "of" makes one name of it. Not a body's: "Bank of
 * Harbor and Quill Partners" are two bodies as often as one, and a name does not say which. "Commander in Chief Jane
 * Roe", "Special Agent in Charge Jane Roe": an "in" between a role's capitalised word and one capitalised word with a
 * name of two words after it ("Roe in Harbor City Hall" stays apart: no role opens it; "the Mayor in Harbor City"
 * names no one after the place). "Speaker of the House Jane Roe": an "of the" after a role's word, with a body and a
 * name of two words or more after it ("Jane Roe of the Harbor Policy Institute" stays apart: no role opens it; "the
 * Chief of the Harbor Police Department" names no one after the body).
 */
function joinsOfficeName(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]
  // Asked of every word a name's walk stops at: the common answers first, with nothing read or copied.
  if (i < 1 || token === undefined) return false
  if (token.lower === 'in') {
    const office = tokens[i - 1] as Token
    // The office's one word and a name of two after it: "the Mayor in Harbor City" is where the mayor is.
    return (
      office.capitalized &&
      isRoleWord(office) &&
      isCapitalisedWord(tokens[i + 1]) &&
      isCapitalisedWord(tokens[i + 2]) &&
      isCapitalisedWord(tokens[i + 3])
    )
  }
  if (token.lower === 'of' && tokens[i + 1]?.lower === 'the') return joinsOfficeName(tokens, i + 1)
  if (token.lower === 'the') {
    const office = tokens[i - 2]
    return tokens[i - 1]?.lower === 'of' && office !== undefined && isRoleWord(office) && namedAfterBody(tokens, i + 1)
  }
  if (i < 3 || (token.lower !== 'and' && token.text !== '&')) return false
  const office = tokens[i - 3]
  const connector = tokens[i - 2]
  const before = tokens[i - 1]
  const after = tokens[i + 1]
  return (
    before?.capitalized === true &&
    after?.capitalized === true &&
    connector !== undefined &&
    NAME_CONNECTORS.has(connector.lower) &&
    office?.capitalized === true &&
    isRoleWord(office)
  )
}

/**
 * "the House Jane Roe", "the Navy Rep. Jane Roe", not "the Harbor Police Department": the capitalised run from
 * `first` goes on for two words or more after its last body's noun (the name of someone, after the body).
 */
function namedAfterBody(tokens: readonly Token[], first: number): boolean {
  let words = 0
  let afterBody = 0
  for (let i = first; i < first + MAX_BODY_AND_NAME_TOKENS; i++) {
    const token = tokens[i]
    if (!isCapitalisedWord(token)) break
    words++
    afterBody = isOrganisationWord(token as Token) ? 0 : afterBody + 1
  }
  return words >= 3 && afterBody >= 2
}

/** The word-level pronoun a token starts with ("he" for "He’s"), or null. */
export function pronounOf(token: Token): string | null {
  if (SUBJECT_PRONOUNS.has(token.lower)) return token.lower
  const contracted = CONTRACTED_PRONOUN.exec(token.lower)
  return contracted ? (contracted[1] as string) : null
}

/**
 * The capitalised name that ends at `last` ("Mexican President Claudia Sheinbaum", "Vasquez spokeswoman
 * Orla Benning", "Gov. Tom Haldane (R-IN)"), walking back no further than `floor`.
 */
export function nameEndingAt(tokens: readonly Token[], last: number, floor: number): Mention | null {
  let head = last
  const closing = tokens[last]
  if (closing?.text === ')') {
    let open = last - 1
    while (open > floor && last - open < 8 && tokens[open]?.text !== '(') open--
    if (tokens[open]?.text !== '(') return null
    head = open - 1
  }
  // "Jane Roe, R-Iowa said": the party-and-place label after a comma describes the name before it.
  const label = partyLabelEndingAt(tokens, last)
  if (label > floor && tokens[label - 1]?.text === ',') head = label - 2
  const headToken = tokens[head]
  if (
    headToken === undefined ||
    head < floor ||
    !(isNameWord(headToken) || (headToken.isWord && isRoleWord(headToken) && headToken.capitalized))
  )
    return null
  let first = head
  let lowercaseModifiers = 0
  for (let i = head - 1; i >= floor; i--) {
    const token = tokens[i] as Token
    if (token.segment >= 0 || token.paragraph !== headToken.paragraph || token.endsSentence) break
    if (token.text === '.' && isAbbreviationDot(tokens, i)) {
      first = i - 1
      i--
      continue
    }
    if (!token.isWord) break
    if (isNameWord(token)) {
      first = i
      continue
    }
    if (opensNameAsOrdinal(tokens, i)) {
      first = i
      break
    }
    if (
      (NAME_CONNECTORS.has(token.lower) &&
        tokens[i - 1]?.capitalized === true &&
        tokens[i + 1]?.capitalized === true) ||
      token.joinsBody ||
      joinsOfficeName(tokens, i)
    ) {
      first = i
      continue
    }
    // "de Vries said": a surname's particle opens the name.
    if (isSurnameParticle(token.text) && (tokens[i + 1] as Token).capitalized) {
      first = i
      break
    }
    if (!token.capitalized && (isRoleWord(token) || isOrganisationWord(token)) && lowercaseModifiers < 3) {
      lowercaseModifiers++
      first = i
      continue
    }
    if (
      !token.capitalized &&
      isRoleWord(tokens[i + 1] as Token) &&
      !(tokens[i + 1] as Token).capitalized &&
      lowercaseModifiers < 3 &&
      !DETERMINERS.has(token.lower) &&
      !PREPOSITIONS.has(token.lower) &&
      !SPEECH_VERBS.has(token.lower)
    ) {
      // An adjective in front of a lower-case role ("presidential candidate", "communications director").
      lowercaseModifiers++
      first = i
      continue
    }
    break
  }
  return { first, last, kind: 'name' }
}

/** The capitalised name that starts at `first` ("said Kenneth Baer, a former official" → "Kenneth Baer"). */
export function nameStartingAt(tokens: readonly Token[], first: number, within: number): Mention | null {
  const ceiling = Math.min(within, tokens.length - 1)
  const start = tokens[first]
  if (start === undefined || start.segment >= 0) return null
  if (!(
    isNameWord(start) ||
    (start.capitalized && isRoleWord(start)) ||
    roleChainEnd(tokens, first, ceiling) > first ||
    opensNameAsOrdinal(tokens, first)
  ))
    return null
  let last = first
  for (let i = first + 1; i <= ceiling; i++) {
    const token = tokens[i] as Token
    if (token.segment >= 0 || token.paragraph !== start.paragraph || (tokens[i - 1] as Token).endsSentence) break
    // "Trump’s Push for Results": a possessive ends the name it belongs to.
    if (isPossessiveWord(tokens[last] as Token)) break
    if (token.text === '.' && isAbbreviationDot(tokens, i)) {
      last = i
      continue
    }
    if (token.text === '(' && tokens[i + 2]?.text === ')') {
      last = i + 2
      i += 2
      continue
    }
    if (!token.isWord) break
    // A month goes on a name only where it is part of one ("Jane May": markProperNames).
    if (token.capitalized && continuesName(token)) {
      last = i
      continue
    }
    if (
      (NAME_CONNECTORS.has(token.lower) && tokens[i + 1]?.capitalized === true) ||
      token.joinsBody ||
      joinsOfficeName(tokens, i)
    )
      continue
    const chainEnd = roleChainEnd(tokens, i, ceiling, true)
    if (chainEnd > i) {
      last = chainEnd
      i = chainEnd
      continue
    }
    break
  }
  if (!(tokens[last] as Token).capitalized && (tokens[last] as Token).text !== ')' && !isAbbreviationDot(tokens, last))
    return null
  // "Hide Caption 3 of 9 Photos": a page's furniture names nobody.
  // (Most names open with a word that is none, and are let through without copying their tokens.)
  if (
    (!start.isWord || isPageFurniture(start)) &&
    isPageFurnitureRun(tokens.slice(first, last + 1).filter((token) => token.isWord))
  )
    return null
  // "said de Vries", "de la Cruz said": the surname's particles open the name.
  let opening = first
  for (let before = tokens[opening - 1]; before !== undefined; before = tokens[opening - 1]) {
    if (!before.isWord || before.segment >= 0 || before.paragraph !== start.paragraph) break
    if (!isSurnameParticle(before.text) || tokens[opening - 2]?.capitalized === true) break
    opening--
  }
  return { first: opening, last, kind: 'name' }
}

/**
 * A described speaker ending at `last`: "the president", "The Indiana governor", "Roe’s campaign",
 * "the Trump administration", "the report". Needs a determiner or a possessive to start it.
 */
export function descriptionEndingAt(tokens: readonly Token[], last: number, floor: number): Mention | null {
  const head = tokens[last]
  if (
    head === undefined ||
    !head.isWord ||
    head.segment >= 0 ||
    (head.capitalized && !isRoleWord(head) && !isOrganisationWord(head))
  )
    return null
  // "report", "post" and "tweet" are nouns after a determiner even though they are speech verbs too.
  if (
    (SPEECH_VERBS.has(head.lower) && !isDocumentWord(head)) ||
    PREPOSITIONS.has(head.lower) ||
    DETERMINERS.has(head.lower) ||
    CONJUNCTIONS.has(head.lower) ||
    isAuxiliary(head)
  )
    return null
  for (let i = last - 1; i >= Math.max(floor, last - 5); i--) {
    const token = tokens[i] as Token
    if (!token.isWord || token.segment >= 0) return null
    if (DETERMINERS.has(token.lower) || POSSESSIVE_PRONOUNS.has(token.lower)) return { first: i, last, kind: 'role' }
    if (POSSESSIVE.test(token.lower) && token.capitalized) {
      const owner = nameEndingAt(tokens, i, floor)
      return { first: owner ? owner.first : i, last, kind: 'role' }
    }
    if (PREPOSITIONS.has(token.lower) || SPEECH_VERBS.has(token.lower) || isAuxiliary(token)) return null
  }
  return null
}

/**
 * The speaker phrase that ends right before a speech verb, walking back over auxiliaries, adverbs and a
 * comma-enclosed apposition ("Edwin Harrow, a historian who sat in on the meeting, recalled").
 */
export function subjectBefore(tokens: readonly Token[], verb: number, floor: number): Mention | null {
  let i = verb - 1
  while (
    i >= floor &&
    tokens[i]?.isWord === true &&
    isAuxiliary(tokens[i] as Token) &&
    pronounOf(tokens[i] as Token) === null
  )
    i--
  if (i < floor) return null
  if (tokens[i]?.text === ',') {
    let comma = i - 1
    while (comma >= floor && verb - comma < 25 && tokens[comma]?.text !== ',' && tokens[comma]?.segment === -1) comma--
    if (comma >= floor && tokens[comma]?.text === ',') {
      const named = mentionEndingAt(tokens, comma - 1, floor)
      if (named) return named
    }
    return null
  }
  return mentionEndingAt(tokens, i, floor) ?? groupEndingAt(tokens, i, floor)
}

/** Most words of a group's phrase that a subject is read back over ("Many who had attended the hearing"). */
const MAX_GROUP_TOKENS = 6

/**
 * A group of people, ending at `last`, that a quantifier ("Many", "Most") or "those" heads and the words after it pick
 * out: a participle ("those surveyed"), a relative clause on people ("Many who attended") or "in" and a number that is
 * no year ("four in 10"). As a verb's subject it is who spoke, never a name. ("Most of the residents" ends in a phrase
 * of its own.) The head opens the subject: after a verb, a relative pronoun or a preposition other than the partitive
 * "of" it is an object inside the subject's own clause ("The mayor who thanked all who helped said …", "carried 30 in
 * 2019"); and no word of it is quoted.
 */
function groupEndingAt(tokens: readonly Token[], last: number, floor: number): Mention | null {
  for (let head = last - 1; head >= Math.max(floor, last - MAX_GROUP_TOKENS); head--) {
    const token = tokens[head] as Token
    if (token.segment >= 0) return null
    const next = tokens[head + 1] as Token
    // "four in 10": the number after "in" is the whole the count is out of.
    const whole = tokens[head + 2]
    const numbered =
      token.pos === 'NUM' && next.lower === 'in' && whole?.pos === 'NUM' && head + 2 === last && !YEAR.test(whole.text)
    if (!numbered && !INDEFINITE_PRONOUNS.has(token.lower) && !GROUP_DEMONSTRATIVES.has(token.lower)) continue
    const pickedOut =
      numbered || next.lower === 'who' || (head + 1 === last && next.pos === 'VERB' && next.lower.endsWith('ed'))
    return pickedOut && opensSubject(tokens[head - 1], numbered) ? { first: head, last, kind: 'role' } : null
  }
  return null
}

/** Four digits: a year, not the "10" of "four in 10". */
const YEAR = /^\d{4}$/

/**
 * The word before a group's head leaves it the start of a subject: not a verb, a relative pronoun or a preposition
 * (but for "of", and one before a number: "About four in 10").
 */
function opensSubject(before: Token | undefined, numbered: boolean): boolean {
  if (before === undefined) return true
  if (before.pos === 'VERB' || before.pos === 'AUX' || RELATIVE_OPENERS.has(before.lower)) return false
  return numbered || before.pos !== 'ADP' || before.lower === 'of'
}

/** A pronoun, a relative pronoun, a name or a description that ends at `last`. */
export function mentionEndingAt(tokens: readonly Token[], last: number, floor: number): Mention | null {
  const token = tokens[last]
  if (token === undefined || last < floor || token.segment >= 0) return null
  if (pronounOf(token) !== null) return { first: last, last, kind: 'pronoun' }
  if (RELATIVE_PRONOUNS.has(token.lower)) return { first: last, last, kind: 'relative' }
  if (INDEFINITE_PRONOUNS.has(token.lower)) return { first: last, last, kind: 'role' }
  return (
    nameEndingAt(tokens, last, floor) ??
    descriptionEndingAt(tokens, last, floor) ??
    nounPhraseEndingAt(tokens, last, floor)
  )
}

/** Parts of speech of a noun phrase's words, its head and the words that modify it: "about 200 protesters". */
export const NOUN_PHRASE_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM'])
/** Longest noun phrase read from tags alone ("about 200 protesters", "the 43-year-old"). */
const MAX_NOUN_PHRASE_TOKENS = 6

/**
 * Any noun phrase the tagger's tags make, ending at `last` on a noun: "Police", "federal prosecutors",
 * "some protesters". Read as a description of whoever it names.
 */
export function nounPhraseEndingAt(tokens: readonly Token[], last: number, floor: number): Mention | null {
  const head = tokens[last]
  if (head === undefined || head.segment >= 0 || !head.isWord || (head.pos !== 'NOUN' && head.pos !== 'PROPN'))
    return null
  if (SPEECH_VERBS.has(head.lower) || isAuxiliary(head)) return null
  let first = last
  for (let i = last - 1; i >= Math.max(floor, last - MAX_NOUN_PHRASE_TOKENS); i--) {
    const token = tokens[i] as Token
    if (token.segment >= 0 || token.paragraph !== head.paragraph || !token.isWord) break
    if (DETERMINERS.has(token.lower) || POSSESSIVE_PRONOUNS.has(token.lower)) {
      first = i
      break
    }
    if (!NOUN_PHRASE_TAGS.has(token.pos) || SPEECH_VERBS.has(token.lower)) break
    first = i
  }
  return { first, last, kind: 'role' }
}

/** The speaker phrase that starts at `first`: a pronoun, a name, or a determiner and up to four words. */
export function mentionStartingAt(tokens: readonly Token[], first: number, within: number): Mention | null {
  // Callers give a window that may run past the text's end (a document "from …" closing it).
  const ceiling = Math.min(within, tokens.length - 1)
  const token = tokens[first]
  if (token === undefined || first > ceiling || token.segment >= 0) return null
  if (pronounOf(token) !== null) return { first, last: first, kind: 'pronoun' }
  // "…,” tweeted another.": a pronoun for someone unnamed, unless a noun follows it ("another supporter").
  const next = tokens[first + 1]
  if (INDEFINITE_PRONOUNS.has(token.lower) && !(next && next.isWord && (next.pos === 'NOUN' || next.pos === 'ADJ')))
    return { first, last: first, kind: 'role' }
  if (DETERMINERS.has(token.lower)) {
    // The text's end closes the phrase as a stop would.
    const end = ceiling === tokens.length - 1 ? tokens.length : ceiling
    for (let i = first + 1; i <= Math.min(end, first + 6); i++) {
      const word = tokens[i]
      if (
        word === undefined ||
        !word.isWord ||
        (SPEECH_VERBS.has(word.lower) && !(i === first + 1 && isDocumentWord(word))) ||
        PREPOSITIONS.has(word.lower) ||
        isAuxiliary(word) ||
        // "said a former county road safety official who ran the office": a relative clause ends the phrase.
        RELATIVE_OPENERS.has(word.lower)
      ) {
        if (i === first + 1) return null
        const described = descriptionEndingAt(tokens, i - 1, first)
        if (described) return described
        return nameEndingAt(tokens, i - 1, first + 1)
      }
    }
    return null
  }
  const name = nameStartingAt(tokens, first, ceiling)
  // "said Harbor’s deputy police chief Ed Tolland", "said KVRT’s Jane Roe": the name a possessive's owner leads to is
  // the one who speaks; the owner only says whose.
  if (name && isPossessiveWord(tokens[name.last] as Token) && !hasLowerCaseWord(tokens, name)) {
    const owned = nameStartingAt(tokens, name.last + 1, ceiling)
    if (owned && headsItsPhrase(tokens, owned)) return owned
  }
  return name
}

/** "Jane Roe of Harbor’s": a name that holds a lower-case word is two, and its possessive is the second's. */
function hasLowerCaseWord(tokens: readonly Token[], name: Mention): boolean {
  for (let i = name.first; i <= name.last; i++)
    if ((tokens[i] as Token).isWord && !(tokens[i] as Token).capitalized) return true
  return false
}

function isPossessiveWord(token: Token): boolean {
  return POSSESSIVE.test(token.lower) && /['’]/.test(token.text)
}

/**
 * Whether a name heads the phrase it opens, or something after it shows it does not: a common noun it only modifies
 * ("the official Harbor feed", "KVRT’s Harbor Desk blog"), a determiner, an "of" or "for" a one-word name goes on
 * through ("Friends of the Park", "Citizens for a Better Harbor": the word before is a cut name), or a verb other than
 * one of saying, whose subject it is in a clause of its own ("the consultant Acme hired said").
 */
export function headsItsPhrase(tokens: readonly Token[], name: Mention): boolean {
  const next = tokens[name.last + 1]
  if (next === undefined) return true
  // A verb of saying the tagger calls a noun ("Harbor Watch tweets") is the name's verb.
  if (SPEECH_VERBS.has(next.lower)) return true
  if (next.pos === 'NOUN' || next.pos === 'VERB' || DETERMINERS.has(next.lower)) return false
  // Only a word alone is so cut: a person's name goes on to their body ("Jane Roe of the Harbor Trust").
  return !(name.first === name.last && (next.lower === 'of' || next.lower === 'for'))
}
