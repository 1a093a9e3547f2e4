import { genderOfFirstName } from './first-names.js'
import {
  COORDINATORS,
  COUNTRY_ABBREVIATIONS,
  DEMONYMS,
  type Gender,
  DETERMINERS,
  NAME_CONNECTORS,
  DOCUMENT_WORDS,
  GENDERED_HONORIFICS,
  GENDERED_PRONOUNS,
  NOT_CURRENT,
  OFFICE_MODIFIERS,
  ORGANISATION_WORDS,
  PARTY_INITIALS,
  PARTY_MEMBERS,
  PLACES,
  PUBLICATION_WORDS,
  RELATIVE_OPENERS,
  INDEFINITE_ARTICLES,
  isCandidacy,
  isOfficeOfOne,
  RELATIVE_NOUNS,
  STATES_BY_ABBREVIATION,
  POSSESSIVE_PRONOUNS,
  PREPOSITIONS,
  ROLE_GENDER,
  ROLE_WORDS,
  roleCovers,
  SOURCE_PREPOSITIONS,
  SPEECH_VERBS,
  TITLE_ABBREVIATIONS,
  TITLE_SUFFIXES,
} from './lexicon.js'
import {
  descriptionEndingAt,
  isDocumentWord,
  isPluralRole,
  isRoleWord,
  isOrganisationWord,
  isPageFurniture,
  isPageFurnitureRun,
  mentionStartingAt,
  mayOpenName,
  nameStartingAt,
  partyLabelEnd,
  nounPhraseEndingAt,
  opensNameAsOrdinal,
  NOUN_PHRASE_TAGS,
  type Mention,
} from './noun-phrases.js'
import { isAbbreviationDot } from './sentences.js'
import { isGenerationalSuffix } from '../speaker-identity.js'
import {
  bareWord,
  firstStartingAt,
  isCapitalisedWord,
  withoutFinalStop,
  verbAfter,
  withoutPossessive,
  type Token,
} from './tokens.js'
import type { ResolvedBy, SpeakerKind } from './types.js'
import { officeOf, sameOffice, type Office } from './offices.js'

export interface Entity {
  name: string
  title: string | null
  kind: SpeakerKind
  /** Lower-cased words of the name, possessive dropped. */
  words: string[]
  maleVotes: number
  femaleVotes: number
  /**
   * The gender the first name usually carries ("Nancy"): weaker than the votes of honorifics, gendered roles and
   * the article's own pronouns, since names are shared across genders and languages; it favours a person a
   * pronoun agrees with but never rules one out.
   */
  nameGender?: Gender
  /** Already identified as the speaker of a quote. */
  spoke: boolean
  /** Roles the article gives them, from their title ("Sen." → senator) and appositions ("a spokesman"). */
  roles: Set<string>
  /** Words that qualify those roles: places, demonyms, parties, bodies ("ohio", "mexican", "republican"). */
  descriptors: Set<string>
  /** The qualified offices those titles and descriptions name ("Mexican President"): what other articles may call them. */
  offices: Office[]
  /** A country, region or state named on its own. */
  place: boolean
  /**
   * The article gives a name for them (a person's or an organisation's); false when only a description stands
   * for them ("a spokesman", "Ms. Roe’s lawyer"), which means someone different in every article.
   */
  named: boolean
}

interface EntityMention {
  entity: Entity
  start: number
  /** The mention is the subject of its clause: the first one of its sentence, or a speaker found for a quote. */
  subject?: boolean
  /** The mention opens its sentence: the subject of its main clause. */
  opens?: boolean
  /** The mention is the subject of a verb of saying, quoted or reported ("Roe said it was wrong"). */
  speaks?: boolean
  /** The mention is a quotation's speaker, as the extraction decided it. */
  quoted?: boolean
}

/** What being the nearest person a pronoun could mean, and reported as speaking there, adds to their salience. */
const LAST_SPEAKER_SALIENCE = 0.5

/** How far back, in characters, a pronoun's antecedent is looked for. */
const PRONOUN_REACH = 1500

/**
 * Whether the token opens its sentence: before it, only the words of the phrase it heads (determiners, titles and
 * the words that describe them: "Senior campaign adviser Ed Roe took to the airwaves") and coordinators.
 */
function opensSentence(tokens: readonly Token[], sentenceEnds: readonly boolean[], index: number): boolean {
  // No punctuation crossed yet: the words are the name's own phrase's ("Jo Pell — the lawyer …" is not).
  let ownPhrase = true
  for (let i = index - 1; i >= 0; i--) {
    if (sentenceEnds[i] || (tokens[i] as Token).paragraph !== (tokens[index] as Token).paragraph) return true
    const token = tokens[i] as Token
    if (!token.isWord) {
      if (!OPENING_PUNCTUATION.test(token.text)) return false
      ownPhrase = false
      continue
    }
    // "And Roe said", "The mayor and Roe said", "Former mayor and city council member Ed Roe": a coordinator leaves
    // the subject opening the sentence.
    if (DETERMINERS.has(token.lower) || COORDINATORS.has(token.lower) || roleOf(token.text)) continue
    if (!ownPhrase || !modifiesName(tokens, i, i === index - 1)) return false
  }
  return true
}

/**
 * The word at `at` describes the name after it in one phrase: "senior", "campaign", "two-term" or "Harbor's" before a
 * title. Right before the name's mention (which may begin with its title: "Democratic Sen. Ed Roe"), only an
 * adjective, or a common noun no determiner heads ("caller Ed Roe"; in "the claim Ed Roe made" the name opens a
 * relative clause), not another name ("KVRT's Ed Roe reports": a byline) or a possessive ("the station's Ed Roe").
 * A plural ends the phrase ("Voters love mayor Ed Roe", where the tagger calls "love" a noun).
 */
function modifiesName(tokens: readonly Token[], at: number, rightBeforeMention: boolean): boolean {
  const token = tokens[at] as Token
  if (!NOUN_PHRASE_TAGS.has(token.pos)) return false
  const possessive = POSSESSIVE.test(token.lower)
  if ((token.pos === 'NOUN' || token.pos === 'PROPN') && !possessive && hasPluralEnding(token.lower)) return false
  if (!rightBeforeMention) return true
  if (token.pos === 'ADJ') return true
  return token.pos === 'NOUN' && !possessive && !DETERMINERS.has(tokens[at - 1]?.lower ?? '')
}

/**
 * A verb follows the mention, after an apposition set off by commas and any adverbs: "Jane Roe, the mayor, said",
 * "Jane Roe quickly left". The mention is that verb's subject.
 */
function verbFollows(tokens: readonly Token[], last: number): boolean {
  return verbAfter(tokens, last) !== null
}

/**
 * "Roe said the ruling was wrong", "according to Roe, the ruling was wrong": reported speech makes its source the
 * one talking, quoted or not.
 */
function speaksAfter(tokens: readonly Token[], mention: Mention): boolean {
  if (isPossessor(tokens, mention)) return false
  if (tokens[mention.first - 1]?.lower === 'to' && tokens[mention.first - 2]?.lower === 'according') return true
  if (isInvertedSubject(tokens, mention)) return true
  const verb = verbAfter(tokens, mention.last)
  return verb !== null && SPEECH_VERBS.has(verb.lower)
}

const OPENING_PUNCTUATION = /^[“"‘'([—–-]$/

/** "Roe’s lawyer": the name owns the phrase it opens; it is not the one acting. */
function isPossessor(tokens: readonly Token[], mention: Mention): boolean {
  const last = tokens[mention.last] as Token
  return last.text.length > 2 && POSSESSIVE.test(last.text)
}

/** `“…,” said Jane Roe`: a verb of saying right after a quotation, then its subject. */
function isInvertedSubject(tokens: readonly Token[], mention: Mention): boolean {
  const verb = tokens[mention.first - 1]
  return verb !== undefined && SPEECH_VERBS.has(verb.lower) && (tokens[mention.first - 2]?.segment ?? -1) >= 0
}

/** The mention is the subject of a clause, or the source of a report ("according to Jane Roe"). */
function isSubject(tokens: readonly Token[], sentenceEnds: readonly boolean[], mention: Mention): boolean {
  if (isPossessor(tokens, mention)) return false
  return (
    opensSentence(tokens, sentenceEnds, mention.first) ||
    verbFollows(tokens, mention.last) ||
    isInvertedSubject(tokens, mention) ||
    (tokens[mention.first - 1]?.lower === 'to' && tokens[mention.first - 2]?.lower === 'according')
  )
}

/** How many mentions back (or ahead) a reference is looked for. */
const MAX_ANTECEDENTS = 60
/** Tokens read after "from" for the issuer of a document: a determiner and a few words. */
const MAX_ISSUER_TOKENS = 6

/** Join a role to the body it serves: "the leader of the Senate", "a spokesman for the council". */
const ROLE_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'at'])

/** Longest apposition read after a name ("Jane Roe, a tax lawyer at the firm of Doe and Doe,"). */
const MAX_APPOSITION_TOKENS = 14

/**
 * Whether a person's name is still to come in the words after an office's "of": a given name with a word after it
 * ("History Jane Roe"), where the words are not a place's name ("West Virginia", whose first word is a given name
 * too). A given name the lists do not know is missed ("History Xiomelda Vane" is cut after "Emeritus"): affiliations
 * of three words ("of Harbor Research Associates") are far more common than offices with a field.
 */
function nameToCome(after: readonly Token[]): boolean {
  if (PLACES.has(after.map((word) => word.lower).join(' '))) return false
  return after.slice(0, -1).some((word) => isGivenName(word))
}

/** The role a title or description word stands for, if it is one: "sen." → senator, "spokeswoman". */
export function roleOf(word: string): string | null {
  const bare = withoutFinalStop(withoutPossessive(word.toLowerCase()))
  const expanded = TITLE_ABBREVIATIONS.get(bare)
  if (expanded) return expanded
  if (ROLE_WORDS.has(bare) || PARTY_MEMBERS.has(bare)) return bare.replace(/s$/, '') === 'official' ? 'official' : bare
  return null
}

export interface ResolvedSpeaker {
  entity: Entity
  resolvedBy: ResolvedBy
}

interface NameParts {
  title: string | null
  name: string | null
  kind: SpeakerKind
  honorific: 'm' | 'f' | null
}

const POSSESSIVE = /['’]s?$/
const MAX_NAME_WORDS = 4
const LEADING_ARTICLE = /^(the|a|an)\s+/i

function stripPossessive(word: string): string {
  return withoutPossessive(word)
}

/** A name's word glued to a capitalised word after it, with no space: "RoeSenate", "Ocasio-CortezThe". */
const GLUED_WORDS = /^(\p{Lu}[\p{L}'’-]*\p{Ll})\p{Lu}/u

/**
 * A web page's hover card printed into the text: the name as the writer gave it, then the person's full name, its
 * last word glued to the first word of the card's next line ("Sen. Jane Roe Jane Quinn RoeSenate votes on …"). A word
 * is read as glued to the one before it only when that first part repeats a word of the run before it, not the word
 * right before it, unlike "McCain", "DeVos", "BuzzFeed" or "Mac MacArthur". The card is no part of the text: `words`
 * keeps the title and the name as the writer gave it ("Sen.", "Jane", "Roe"), as other articles print it, and the
 * returned end is that name's.
 */
function withoutHoverCard(words: Token[]): { end: number } | null {
  for (let glued = 1; glued < words.length; glued++) {
    const match = GLUED_WORDS.exec((words[glued] as Token).text)
    if (match === null) continue
    // The card's full name stands between the repeated word and the glued one: "Mac MacArthur" is a name.
    const given = words.findIndex((word, index) => index < glued - 1 && word.text === match[1])
    if (given < 0) continue
    words.splice(given + 1)
    return { end: (words[given] as Token).end }
  }
  return null
}

/**
 * Splits a capitalised run into title and name: everything up to the last role word is the title
 * ("Mexican President" | "Claudia Sheinbaum"); a run ending in an organisation noun is an organisation.
 */
export function splitName(tokens: readonly Token[], mention: Mention, text: string): NameParts {
  const words = nameWords(tokens, mention.first, mention.last)
  // A run with no word before its bracket names nobody.
  if (words.length === 0) return { title: null, name: null, kind: 'person', honorific: null }
  // "Hide Caption", "Photos Jane Roe": a page's furniture printed into the text. A run of its words alone names
  // nobody, and before a person's name they are no part of it ("Jane More", "the Riverton Gallery" and "the More
  // Than Words Foundation" keep theirs).
  if (isPageFurnitureRun(words)) return { title: null, name: null, kind: 'person', honorific: null }
  // A credit's words before a name go with the furniture ("AP Photos Jane Roe"), but not those of a role's or a body's
  // name whose word follows it: "Photo Editor Jane Roe", "Stand Up Coalition Director Jane Roe" keep their titles.
  const furniture = words.findLastIndex(isPageFurniture)
  const afterFurniture = words[furniture + 1]
  if (
    furniture >= 0 &&
    afterFurniture !== undefined &&
    !isRoleWord(afterFurniture) &&
    !isOrganisationWord(afterFurniture) &&
    !isBodyOrDocumentNoun(bareWord(words[words.length - 1] as Token))
  )
    words.splice(0, furniture + 1)
  // "Ukraine Replay More Videos": a button's words run on after the name (one word may be the name's: "Mark Gallery").
  let trailing = words.length
  while (trailing > 0 && isPageFurniture(words[trailing - 1] as Token)) trailing--
  if (trailing > 0 && words.length - trailing >= 2 && isPageFurnitureRun(words.slice(trailing))) words.splice(trailing)
  const card = withoutHoverCard(words)
  const lastWord = words[words.length - 1] as Token
  const bareLast = stripPossessive(lastWord.lower)
  let start = (words[0] as Token).start
  // Tokens never end in a bare apostrophe, so a possessive ending is always two characters ("’s").
  let end = card?.end ?? (POSSESSIVE.test(lastWord.lower) ? lastWord.end - 2 : lastWord.end)
  if (isBodyOrDocumentNoun(bareLast) && !isTitledSurname(words, tokens[mention.first - 1])) {
    return {
      title: null,
      name: text.slice(start, end).replace(LEADING_ARTICLE, ''),
      kind: 'organisation',
      honorific: null,
    }
  }
  // "MUST WATCH Jane Roe" (a video caption's kicker in capitals): neither title nor name, where a name follows.
  // A name printed all in capitals ("JANE ROE") and an acronym before a title ("ABC Director …") keep theirs.
  const kickers = words.findIndex((word) => !/^\p{Lu}{3,}$/u.test(word.text))
  if (
    kickers > 0 &&
    !/^\p{Lu}{2,}/u.test((words[kickers] as Token).text) &&
    !isTitleWord(bareWord(words[kickers] as Token))
  ) {
    words.splice(0, kickers)
    start = (words[0] as Token).start
  }
  // "Sen. Jane Roe of Ohio", "Chief Executive Jane Roe of Harbor Partners": a title, a name, then where the person
  // is from or works. The name ends before the "of"/"at" that follows a word of the name; an "of" after a title
  // word goes on with the office ("Secretary of State") or the body ("Bank of America").
  // A given name after the "of" means the office ran on and the name is still to come ("Professor Emeritus of
  // History Jane Roe"); a place's does not ("of West Virginia", "of Port Carolina": nameToCome). "Sen. Roe on
  // Channel 9", "Rep. Roe for Congress": "on" and "for" after a word of a titled name end it too; only a body's noun
  // or a title word goes on through them ("Committee on …", "Secretary for …").
  const titledAffiliation = words.findIndex(
    (word, index) =>
      index >= 2 &&
      (word.lower === 'of' || word.lower === 'at' || word.lower === 'on' || word.lower === 'for') &&
      !isTitleWord(bareWord(words[index - 1] as Token)) &&
      words.slice(0, index - 1).some((before) => isTitleWord(bareWord(before))) &&
      !nameToCome(words.slice(index + 1)),
  )
  if (titledAffiliation > 0) {
    words.splice(titledAffiliation)
    end = (words[titledAffiliation - 1] as Token).end
  }
  // "Jane Roe of Example Partners": a person's name, then where they work. A run whose words before "of" hold
  // no title or organisation word is a name with an affiliation. "Roe on Doe", "Roe for Doe" (a headline's
  // "what Roe said about Doe"): only bodies' names hold "on" and "for" ("Council on …"), so one word will do.
  const affiliation = words.findIndex(
    (word, index) =>
      (index >= 2 && (word.lower === 'of' || word.lower === 'at')) ||
      (index >= 1 && (word.lower === 'on' || word.lower === 'for')),
  )
  if (
    affiliation > 0 &&
    words.slice(0, affiliation).every((word) => {
      const bare = withoutFinalStop(stripPossessive(word.lower))
      return !ROLE_WORDS.has(bare) && !isBodyNoun(bare) && !PARTY_MEMBERS.has(bare)
    })
  ) {
    const lastOfName = words[affiliation - 1] as Token
    return { title: null, name: text.slice(start, lastOfName.end), kind: 'person', honorific: null }
  }
  let lastRole = -1
  let honorific: 'm' | 'f' | null = null
  words.forEach((word, index) => {
    const bare = withoutFinalStop(stripPossessive(word.lower))
    // "Democrat of Maryland", "the Ohio Republican": a party's member is a role here. So is a plural role
    // before the names of those who hold it ("Presidents Jane Roe and …").
    if (isTitleWord(bare)) lastRole = index
    const gender = GENDERED_HONORIFICS.get(bare)
    if (gender) honorific = gender
    // "Sir Tom Pell", "First Lady Jane Roe": an honorific before a given name and a surname is no part of the name.
    // Before a surname alone it may be ("Lady Roe", "Lord Warren": what they go by, whether or not the surname is
    // also a given name), and a given name before it makes it a name's word ("Jane Lord").
    const next = words[index + 1]
    if (
      gender &&
      next !== undefined &&
      words[index + 2] !== undefined &&
      isGivenNameOrInitial(next) &&
      !words.slice(0, index).some((before) => isGivenName(before))
    )
      lastRole = index
  })
  // "the Department of Homeland Security", "the Council on Foreign Relations": a body's noun followed by
  // "of …" (or "for", "on") with no person's title after it is the body's own name, whatever capitalised words follow.
  const bodyAt = words.findIndex((word, index) => {
    const bare = stripPossessive(word.lower)
    const next = words[index + 1]?.lower
    return (next === 'of' || next === 'for' || next === 'on') && isBodyNoun(bare) && !ROLE_WORDS.has(bare)
  })
  if (
    bodyAt >= 0 &&
    words.slice(bodyAt + 2).every((word) => !ROLE_WORDS.has(withoutFinalStop(stripPossessive(word.lower))))
  ) {
    return {
      title: null,
      name: text.slice(start, end).replace(LEADING_ARTICLE, ''),
      kind: 'organisation',
      honorific: null,
    }
  }
  const connector = words[lastRole + 1]
  // "Secretary of State Mary Jones", "Director of Homeland Security Jane Roe", "Commander in Chief Jane Roe": the office
  // goes on through "of …" ("in …" only when the name's walk took it in: joinsOfficeName); the name is what
  // officeNameStart finds after it (one word, when only two follow).
  if (lastRole >= 0 && connector && OFFICE_CONNECTORS.has(connector.lower)) {
    const rest = words.length - lastRole - 2
    lastRole = rest >= 3 ? officeNameStart(words, lastRole + 2) - 1 : rest === 2 ? words.length - 2 : words.length - 1
  }
  // "the 9th Circuit", "the 5th Fleet": no person's name opens with a numeral's ordinal.
  if (lastRole === -1 && opensNameAsOrdinal(tokens, mention.first)) {
    return {
      title: null,
      name: text.slice(start, end),
      kind: 'organisation',
      honorific: null,
    }
  }
  // "Republican rival Jane Roe": a lowercase word is the title's, not the name's.
  while (lastRole < words.length - 2 && isLowercaseWord(words[lastRole + 1] as Token)) lastRole++
  // "Meet Jane Roe", "Beyond Jane Roe" (a headline's first word): a run without a title that opens with a word
  // the tagger does not take for a noun, before a given name and a surname, starts its name at the given name.
  // A proper noun stays ("Ramón Ignacio Núñez", whose first name the name lists may not hold).
  const [opening, second] = words as [Token, Token | undefined]
  const headlineWord =
    lastRole === -1 &&
    words.length >= 3 &&
    opening.pos !== 'PROPN' &&
    opening.pos !== 'NOUN' &&
    !/^\p{Lu}\.?$/u.test(opening.text) &&
    genderOfFirstName(opening.text) === null &&
    genderOfFirstName((second as Token).text) !== null
  // "Dana Lee Bishop Jr.": a name is never a generational suffix alone, so the role word before it ("bishop") was
  // the surname, and the title ends at the title word before that, if any.
  if (lastRole >= 0 && lastRole === words.length - 2 && isGenerationalSuffix((words[words.length - 1] as Token).text)) {
    lastRole = lastTitleWordBefore(words, lastRole)
  }
  // "Rep. Jim Bishop", "Carla Dean": a role's word ending the run right after a given name is a surname, as the
  // given name says; the title, if any, ends at the title word before it.
  // The given names open the name: after a title word ("Rep. Jim Bishop"), or first in a run that no determiner,
  // possessive or adjective opens ("Carla Dean", "Ann Lee Bishop"; "the museum's Art Director" and "North Dakota
  // Governor" stay descriptions).
  const surnameRole = words.length - 1
  let nameOpens = surnameRole
  while (nameOpens > 0 && isGivenNameOrInitial(words[nameOpens - 1] as Token)) nameOpens--
  const beforeName = words[nameOpens - 1]
  const givenNames = words
    .slice(nameOpens, surnameRole)
    .map((word) => word.lower)
    .join(' ')
  // So is a body's noun where isTitledSurname let it through ("Rep. Nora Camp", and "Ms. Camp": after an honorific
  // alone a role's word is more often a form of address, "Mr. President", and is left to resolveName).
  const surnameWord = bareWord(words[surnameRole] as Token)
  const namedByGivenNames =
    nameOpens < surnameRole &&
    !PLACES.has(givenNames) &&
    (beforeName === undefined ? !opensDescription(tokens[mention.first - 1]) : isTitleWord(bareWord(beforeName)))
  const namedByHonorific =
    beforeName !== undefined && nameOpens === surnameRole && GENDERED_HONORIFICS.has(bareWord(beforeName))
  if (
    lastRole === surnameRole &&
    ((namedByGivenNames && ROLE_WORDS.has(surnameWord)) ||
      ((namedByGivenNames || namedByHonorific) && ORGANISATION_WORDS.has(surnameWord))) &&
    !(words[surnameRole] as Token).text.endsWith('.')
  ) {
    lastRole = lastTitleWordBefore(words, nameOpens)
  }
  if (lastRole === words.length - 1) return { title: text.slice(start, end), name: null, kind: 'person', honorific }
  // "the Daily Harbor", "House Tides", "Team Roe": bodies' nouns alone before one word name a body (a publication, a
  // committee, a campaign), not a person in it: a person has a role there ("Harbor Times reporter Jane Roe") or a
  // name of two words ("Navy Cmdr. Jane Roe").
  if (
    lastRole >= 0 &&
    lastRole === words.length - 2 &&
    words.slice(0, lastRole + 1).every((word) => isBodyNoun(bareWord(word)))
  ) {
    return {
      title: null,
      name: text.slice(start, end).replace(LEADING_ARTICLE, ''),
      kind: 'organisation',
      honorific: null,
    }
  }
  const nameStart = (words[headlineWord ? 1 : lastRole + 1] as Token).start
  const titleEnd = lastRole >= 0 ? (words[lastRole] as Token).end : start
  const title = lastRole >= 0 ? text.slice(start, titleEnd).replace(/\.$/, '') : null
  return {
    title: title && !GENDERED_HONORIFICS.has(title.toLowerCase()) ? title : null,
    name: text.slice(nameStart, end),
    kind: 'person',
    honorific,
  }
}

/** The words of a capitalised run (tokens `first` to `last`) that make its name. */
function nameWords(tokens: readonly Token[], first: number, last: number): Token[] {
  const words: Token[] = []
  for (let i = first; i <= last; i++) {
    const token = tokens[i] as Token
    if (token.isWord) words.push(token)
    // A party label beside the name ("Jane Roe (R-Ohio)", "Jane Roe, R-Ohio,") describes it.
    if (token.text === '(' || token.text === ',') break
  }
  return words
}

/** A body's or a document's noun: a capitalised run ending in one names an organisation ("the Harbor Council"). */
function isBodyOrDocumentNoun(bare: string): boolean {
  return ORGANISATION_WORDS.has(bare) || DOCUMENT_WORDS.has(bare)
}

/**
 * "Rep. Nora Camp", "Mr. Law": a body's or a document's noun ending a run is a surname when an honorific stands
 * right before it, or a title word right before the given names (or initials) before it. Given names alone will
 * not do: many bodies' names open with a word the name lists hold ("Grace Hospital", "Victory Fund"); nor will a
 * run a determiner opens, a body named after someone ("the Queen Alice Hospital"). `before`: the token before the run.
 */
function isTitledSurname(words: readonly Token[], before: Token | undefined): boolean {
  if (opensDescription(before) || DETERMINERS.has((words[0] as Token).lower)) return false
  const surname = words.length - 1
  let nameOpens = surname
  while (nameOpens > 0 && isGivenNameOrInitial(words[nameOpens - 1] as Token)) nameOpens--
  const opener = words[nameOpens - 1]
  if (opener === undefined) return false
  return nameOpens === surname ? GENDERED_HONORIFICS.has(bareWord(opener)) : isTitleWord(bareWord(opener))
}

/**
 * "As the Ridge reported", "told The Sentinel", "the Fed said": people's names take no article, so a capitalised
 * run (tokens `first` to `last`) right after "the", with no title word in it ("the Rev. Jane Roe", "the
 * Reverend Jane Roe", "the Ohio Republican"), names a body, a publication or a document. Not a run a noun
 * follows, which only modifies that noun ("the Roe campaign", "the Sentinel newspaper"), nor one of a list of
 * such runs ("the Roe and Pell families"), nor a plural, a family ("the Roes"). Given names will not do: many
 * bodies' names hold one ("the Port Louis Ledger"); a person's name after "the" and an adjective ("the Texan
 * Jane Roe", "the Jane Roe voters knew") is taken for a body's, a rare misreading.
 */
function isNamedThing(tokens: readonly Token[], first: number, last: number): boolean {
  if (tokens[first - 1]?.lower !== 'the') return false
  const words = nameWords(tokens, first, last)
  const final = words[words.length - 1]
  if (final === undefined || hasPluralEnding(bareWord(final))) return false
  if (words.some((word) => isTitleWord(bareWord(word)))) return false
  const after = tokens[last + 1]
  if (after === undefined) return true
  // "the Roe and Pell families", "the Roe, Pell talks": one of several names before the noun they share.
  const listed = after.lower === 'and' || after.text === '&' || (after.text === ',' && tokens[last + 2]?.capitalized)
  return !listed && !(after.isWord && !after.capitalized && (after.pos === 'NOUN' || after.pos === 'ADJ'))
}

/** Index of the last title word before `index` in the run, or -1. */
function lastTitleWordBefore(words: readonly Token[], index: number): number {
  let before = index - 1
  while (before >= 0 && !isTitleWord(bareWord(words[before] as Token))) before--
  return before
}

/** A word of the list, or its plural ("centers" of "center", "americans" of "american"). */
function inListOrPlural(list: { has(word: string): boolean }, word: string): boolean {
  return list.has(word) || (word.endsWith('s') && list.has(word.slice(0, -1)))
}

/** "institute", "centers": a body's noun, singular or plural ("the Centers for …", "the National Institutes of …"). */
export function isBodyNoun(bare: string): boolean {
  return inListOrPlural(ORGANISATION_WORDS, bare)
}

/** "HBRA", "U.N.": a word in capitals of two to six letters, or two to four capitals each with a full stop. */
export function isAcronym(name: string): boolean {
  return /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(name)
}

/** "russian", "americans": a people's adjective or its plural (lower case, possessive stripped). */
function isDemonym(word: string): boolean {
  return inListOrPlural(DEMONYMS, word)
}

/**
 * "officials", "aides", "presidents": a role word's plural (not "boss", "actress"). A title's abbreviation ("Sens.
 * Roe and Pell") stays a title: it stands before the names of those it describes.
 */
export function isPluralRoleWord(bare: string): boolean {
  return isPluralRole(bare) && hasPluralEnding(bare) && !TITLE_ABBREVIATIONS.has(bare.slice(0, -1))
}

/** An "s" that makes a plural: not the end of "boss", "bus" or "Congress". */
function hasPluralEnding(bare: string): boolean {
  return /[^su]s$/.test(bare)
}

/** A word in lowercase that is not a particle of a name ("rival", not the "de" of "de Blasio"). */
function isLowercaseWord(word: Token): boolean {
  return !/^\p{Lu}/u.test(word.text) && !NAME_CONNECTORS.has(word.lower)
}

/**
 * A word that makes what stands before a name a title (a role, "Sen.", a party's member, "Presidents") or
 * the run an organisation's name.
 */
function isTitleWord(bare: string): boolean {
  return (
    ROLE_WORDS.has(bare) ||
    TITLE_ABBREVIATIONS.has(bare) ||
    ORGANISATION_WORDS.has(bare) ||
    PARTY_MEMBERS.has(bare) ||
    isPluralRole(bare) ||
    isHyphenatedTitle(bare)
  )
}

/**
 * "Vice-President", "Sen.-elect", "Ex-Senator": a title written as one hyphenated word, which the role lists hold
 * only in some spellings. Its last part is a role's word, a title's abbreviation or a suffix such as "elect"; the
 * parts before it are those, offices' modifiers ("vice", "deputy") or words of a past office ("ex").
 */
function isHyphenatedTitle(bare: string): boolean {
  if (!bare.includes('-')) return false
  const parts = bare.split('-').map(withoutFinalStop)
  const last = parts.pop() as string
  // A person's title, not a body's noun: "the Post-Gazette" is a newspaper.
  const titlePart = (part: string): boolean => ROLE_WORDS.has(part) || TITLE_ABBREVIATIONS.has(part)
  return (
    (TITLE_SUFFIXES.has(last) || titlePart(last)) &&
    parts.every((part) => titlePart(part) || OFFICE_MODIFIERS.has(part) || NOT_CURRENT.has(part))
  )
}

/**
 * Where a name starts after an office with an "of" phrase ("Secretary of State", then "John F. Kerry"), the
 * office's words coming from `first`: the last two words, taking in the word before while the name would
 * start with a middle initial ("F. Kerry") or with a word that is no given name after one that is ("Mary
 * Smith Jones"). The office keeps at least one word.
 */
function officeNameStart(words: readonly Token[], first: number): number {
  let nameStart = words.length - 2
  while (nameStart - 1 > first && words.length - nameStart < MAX_NAME_WORDS) {
    const head = words[nameStart] as Token
    const before = words[nameStart - 1] as Token
    const initial = /^\p{Lu}\.?$/u.test(head.text)
    const middleName = genderOfFirstName(head.text) === null && genderOfFirstName(before.text) !== null
    if (!initial && !middleName) break
    nameStart--
  }
  return nameStart
}

/**
 * The words (lower case, without a possessive ending) the writer capitalises with no capitalised word on either side
 * and a verb right after ("Roe said", "Roe has …"), outside quotations: how an article prints a surname once it has
 * given the full name.
 */
function wordsAloneBeforeVerb(tokens: readonly Token[]): Set<string> {
  const alone = new Set<string>()
  tokens.forEach((token, index) => {
    if (!isCapitalisedWord(token) || token.segment >= 0) return
    const previous = tokens[index - 1]
    const next = tokens[index + 1]
    // A neighbour counts only a space away: a headline's last word is no part of the next paragraph's first name.
    if (isCapitalisedWord(previous) && token.start - (previous as Token).end <= 1) return
    if (next === undefined || next.capitalized || (next.pos !== 'VERB' && next.pos !== 'AUX')) return
    alone.add(stripPossessive(token.lower))
  })
  return alone
}

/** Words after a role's word through which its office's name goes on. */
const OFFICE_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'in'])

/** A word that is usually a given name and is not a place's name ("Jane", not "Virginia"). */
function isGivenName(word: Token): boolean {
  return !PLACES.has(word.lower) && genderOfFirstName(word.text) !== null
}

/** A given name that is no title word ("Jane", not "Marshal"), or an initial ("J."). */
function isGivenNameOrInitial(word: Token): boolean {
  return (isGivenName(word) && !isTitleWord(bareWord(word))) || /^\p{Lu}\.$/u.test(word.text)
}

/**
 * The word before a capitalised run makes it a description rather than a name: a determiner, a possessive or an
 * adjective ("the King", "Jordan's King", "the former King", "the museum's Art Director").
 */
function opensDescription(before: Token | undefined): boolean {
  return (
    before !== undefined &&
    before.segment < 0 &&
    (DETERMINERS.has(before.lower) ||
      POSSESSIVE_PRONOUNS.has(before.lower) ||
      POSSESSIVE.test(before.lower) ||
      (before.pos === 'ADJ' && !before.capitalized))
  )
}

/** Most words in a place's name ("District of Columbia"). */
const MAX_PLACE_WORDS = 3

/**
 * A body's noun alone is the short name of the body named in full with it when the noun is a publication's kind
 * ("the Times" after "the Riverton Times") or a place qualifies the full name ("the Senate" after "the Ohio
 * Senate", "the U.S. Senate"). Other modifiers may make another body ("the House" after "the Harbor House").
 */
function isShortenedToHead(body: Entity): boolean {
  if (body.words.length < 2) return false
  return (
    PUBLICATION_WORDS.has(body.words[body.words.length - 1] as string) ||
    namesPlace(body.name.split(/\s+/).slice(0, -1))
  )
}

/**
 * Some run of the words, as written, names a country, a U.S. state, a people or a country's short form ("Ohio",
 * "U.S."). A place's words are capitalised, and a two-letter postal code is in capitals: "de" in "Alianza de
 * Vecinos" is none.
 */
function namesPlace(written: readonly string[]): boolean {
  for (const run of placeSizedRuns(written)) {
    if (
      !run.every((word) => /^\p{Lu}/u.test(word)) ||
      (run.length === 1 && /^\p{L}{2}$/u.test(run[0] as string) && run[0] !== run[0]?.toUpperCase())
    )
      continue
    const joined = run.join(' ').toLowerCase()
    if (PLACES.has(joined) || DEMONYMS.has(joined) || COUNTRY_ABBREVIATIONS.has(withoutFinalStop(joined))) return true
  }
  return false
}

/**
 * "Port Roe, Texas, for a rally", "Millbrook, Ala.": a run the writer follows with a comma and a state or a country,
 * and nothing more of a phrase after the region ("Jo Roe, Texas governor" is a person's title), is a town, unless it
 * opens with a given name: a reader's letter or a voter is signed "Jo Roe, Ohio".
 */
function isTownInRegion(tokens: readonly Token[], mention: Mention): boolean {
  if (tokens[mention.last + 1]?.text !== ',' || isGivenName(tokens[mention.first] as Token)) return false
  // "Jo Roe of Port Roe, Calif.": the town is the end of a longer run, a person's.
  for (let i = mention.first; i <= mention.last; i++) if (!(tokens[i] as Token).capitalized) return false
  const from = mention.last + 2
  for (let n = 1; n <= MAX_PLACE_WORDS; n++) {
    const region = tokens.slice(from, from + n)
    if (region.length < n) return false
    if (tokens[from + n]?.isWord) continue
    const written = withoutFinalStop(region.map((token) => token.lower).join(' '))
    return PLACES.has(written) || STATES_BY_ABBREVIATION.has(written)
  }
  return false
}

/** Every run of up to MAX_PLACE_WORDS consecutive words, the longest first at each position: where a place may be. */
function* placeSizedRuns(words: readonly string[]): Generator<string[]> {
  for (let i = 0; i < words.length; i++)
    for (let n = Math.min(MAX_PLACE_WORDS, words.length - i); n >= 1; n--) yield words.slice(i, i + n)
}

/** The description's words name a place ("South Carolina", "Mexican") the entity's descriptions name too. */
function sharesPlace(words: readonly string[], entity: Entity): boolean {
  for (const run of placeSizedRuns(words)) {
    const joined = run.join(' ')
    const country = DEMONYMS.get(joined)
    if (country !== undefined && entity.descriptors.has(country)) return true
    if (PLACES.has(joined) && run.every((word) => entity.descriptors.has(word))) return true
  }
  return false
}

/** The nouns for a party's members that a lawmaker's label spells ("republican", "democrat"): parties, not leanings. */
const PARTIES: ReadonlySet<string> = new Set(PARTY_INITIALS.values())

/**
 * The party a word names, as its members' noun: the noun itself ("republican") or the party's adjective
 * ("democratic"). A leaning ("conservative") names none.
 */
function partyNamedBy(word: string): string | null {
  if (PARTIES.has(word)) return word
  const noun = word.endsWith('ic') ? word.slice(0, -2) : ''
  return PARTIES.has(noun) ? noun : null
}

/**
 * The parties the entity is known by: a role ("a Democrat", "R-Ohio") or an adjective of its descriptions ("a
 * Democratic senator"). More than one when it changed party ("Independent Sen. Ed Roe, a former Democratic governor").
 */
function partiesOf(entity: Entity): Set<string> {
  const parties = new Set<string>()
  for (const words of [entity.roles, entity.descriptors])
    for (const word of words) {
      const party = partyNamedBy(word)
      if (party !== null) parties.add(party)
    }
  return parties
}

/** The entity is known by a party, and not by `party` ("the Ohio Democrat" is no known Republican). */
function ofAnotherParty(entity: Entity, party: string): boolean {
  const known = partiesOf(entity)
  return known.size > 0 && !known.has(party)
}

/**
 * What shows an entity is a person the article names, beyond a run of capitalised words ("Quillon Images" and "Quillon
 * Ferry Lines" are runs too): a title, a gender shown, a known given name, or words already quoted as theirs.
 * Someone only described ("the source", "his wife") is no one the article names, quoted or not.
 */
function hasPersonEvidence(entity: Entity): boolean {
  return entity.named && (showsPerson(entity) || entity.nameGender !== undefined)
}

/** What the article says of the entity that only a person has: a title, a gender, words quoted as theirs. */
function showsPerson(entity: Entity): boolean {
  return entity.title !== null || entity.maleVotes + entity.femaleVotes > 0 || entity.spoke
}

/** The entity has been described by a place or a people ("Ohio"; "Mexican", whose country learnDescription adds). */
function hasPlace(entity: Entity): boolean {
  for (const word of entity.descriptors) if (PLACES.has(word)) return true
  return false
}

/** The gender the article's honorifics, roles and pronouns give the entity, if they lean one way. */
function genderByVotes(entity: Entity): Gender | null {
  return entity.maleVotes > entity.femaleVotes ? 'm' : entity.femaleVotes > entity.maleVotes ? 'f' : null
}

/** The gender the entity has shown, by the article's votes or else by its given name. */
function genderOf(entity: Entity): Gender | null {
  return genderByVotes(entity) ?? entity.nameGender ?? null
}

/** One of the entity's roles is, or is covered by, the described role. */
function holdsRole(entity: Entity, described: string): boolean {
  for (const role of entity.roles) if (roleCovers(described, role)) return true
  return false
}

/** "Nancy Roe": the gender the first name usually carries. */
function noteFirstNameGender(entity: Entity): void {
  entity.nameGender = genderOfFirstName(entity.words[0] as string) ?? undefined
}

/** The first entity, of a surname's mentions in the order the article gives them, that passes `test`. */
function firstIntroduced(candidates: readonly EntityMention[], test: (entity: Entity) => boolean): Entity | undefined {
  for (let m = 0; m < candidates.length && m < MAX_ANTECEDENTS; m++) {
    const { entity } = candidates[m] as EntityMention
    if (test(entity)) return entity
  }
  return undefined
}

/**
 * The relation noun at `at` makes someone a relative of another: "his daughter", "Roe's wife", "the son of Gov. Roe",
 * "daughter Jane Roe"; not one who has relatives ("a mother of two", "whose son", "the son of a fisherman").
 */
function isRelationTo(tokens: readonly Token[], at: number): boolean {
  const noun = tokens[at]
  if (noun === undefined || !isRelativeNoun(noun)) return false
  let i = at - 1
  while (tokens[i]?.isWord && (tokens[i] as Token).pos === 'ADJ') i--
  const determiner = tokens[i]?.isWord ? (tokens[i] as Token) : undefined
  if (determiner && POSSESSIVE_PRONOUNS.has(determiner.lower)) return true
  const other = determiner && determiner.lower !== 'the' ? determiner.lower : ''
  if (DETERMINERS.has(other) || RELATIVE_OPENERS.has(other)) return false
  if (tokens[at + 1]?.lower !== 'of') return true
  const after = tokens[at + 2]
  return after !== undefined && !INDEFINITE_ARTICLES.has(after.lower) && after.pos !== 'NUM'
}

/** How many words after a name and its comma a relation is looked for ("Jane Roe, his younger sister,"). */
const MAX_RELATION_TOKENS = 4

/** "daughter", "brothers": a noun for a relation by family or marriage. */
function isRelativeNoun(token: Token): boolean {
  // "great-grandfather", "great-aunt": a generation further is the same relation.
  return (
    token.isWord &&
    RELATIVE_NOUNS.has(
      withoutPossessive(token.lower)
        .replace(/^(great-)+/, '')
        .replace(/s$/, ''),
    )
  )
}

/**
 * A single capitalised word may be a place ("Mexico"); he or she only refers to a name that shows it
 * belongs to a person: a first name and surname, a title, or a pronoun already pointing at it.
 */
function isKnownPerson(entity: Entity): boolean {
  return entity.words.length > 1 || showsPerson(entity)
}

/** The people and organisations an article names, in order of mention, with what later references need. */
export class EntityRegistry {
  /** The names the article gives, in order of mention. */
  private readonly mentions: EntityMention[] = []
  /** Mentions found later by reference (a quote's speaker), kept in order of position. */
  private readonly noted: EntityMention[] = []
  /** Descriptions standing for a named person ("the governor"), in order: antecedents for pronouns only. */
  private readonly descriptions: EntityMention[] = []
  /** The names' mentions by their last word, in order: what a surname is looked up by. */
  private readonly bySurname = new Map<string, EntityMention[]>()
  /** Mentions of bodies named with more than one word, by their noun, in order: what a short name is looked up by. */
  private readonly bodiesByNoun = new Map<string, EntityMention[]>()
  private readonly byName = new Map<string, Entity>()
  /** splitName of each run read so far, by "first:last": a name is registered, then resolved for every quote. */
  private readonly partsOfRun = new Map<string, Readonly<NameParts>>()
  /** People named with a given name and a surname, by the given name: what a given name alone is looked up by. */
  private readonly byGivenName = new Map<string, Set<Entity>>()
  /** Offset of each writer's sentence's first token. */
  private readonly sentenceStartOffsets: number[] = []
  /** Descriptions set beside a name by a comma, by the token index of their head: they are that name. */
  private readonly appositions = new Map<number, Entity>()
  private readonly issuers: { start: number; document: string; entity: Entity }[] = []
  /** Words the article capitalises alone as the subject of a verb (wordsAloneBeforeVerb). */
  private subjectsAlone: Set<string> | null = null

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly sentenceEnds: readonly boolean[],
  ) {
    tokens.forEach((token, index) => {
      if (index === 0 || sentenceEnds[index - 1]) this.sentenceStartOffsets.push(token.start)
    })
    this.collectNames()
    this.collectGender()
    this.collectDescriptions()
  }

  /**
   * "The governor left the room. Later he said …": a description that stands for someone the article names
   * ("the governor", "Ms. Roe’s lawyer") is a mention of them for the pronouns that follow.
   */
  private collectDescriptions(): void {
    const { tokens } = this
    let sentenceFirst = 0
    for (let i = 0; i < tokens.length; i++) {
      if (i > 0 && this.sentenceEnds[i - 1]) sentenceFirst = i
      const token = tokens[i] as Token
      if (token.segment >= 0 || !token.isWord || !isRoleWord(token)) continue
      // "Gov. Jane Roe": a title before a name is part of the name's mention.
      if (tokens[i + 1]?.capitalized && tokens[i + 1]?.isWord) continue
      const mention = descriptionEndingAt(tokens, i, sentenceFirst)
      if (!mention) continue
      const { entity, resolvedBy } = this.resolveDescription(mention) ?? {}
      if (!entity || resolvedBy !== 'role' || !entity.named || entity.kind !== 'person') continue
      const subject = isSubject(tokens, this.sentenceEnds, mention)
      const opens = opensSentence(tokens, this.sentenceEnds, mention.first)
      const speaks = speaksAfter(tokens, mention)
      this.descriptions.push({ entity, start: (tokens[mention.first] as Token).start, subject, opens, speaks })
    }
  }

  /** Index of the writer's sentence holding an offset. */
  private sentenceAt(offset: number): number {
    let low = 0
    let high = this.sentenceStartOffsets.length
    while (low < high) {
      const mid = (low + high) >> 1
      if ((this.sentenceStartOffsets[mid] as number) <= offset) low = mid + 1
      else high = mid
    }
    return low - 1
  }

  /**
   * What a title or a description says about someone: the roles it names (abbreviations spelt out), with the
   * gender some carry, and the words that qualify them (places, demonyms, parties, bodies).
   */
  private learnDescription(entity: Entity, words: readonly string[]): void {
    const office = officeOf(words, false)
    if (office && !entity.offices.some((known) => sameOffice(known, office))) entity.offices.push(office)
    const lower = words.map((word) => withoutFinalStop(withoutPossessive(word.toLowerCase())))
    lower.forEach((word, index) => {
      const role = roleOf(word)
      if (role) {
        entity.roles.add(role)
        const gender = ROLE_GENDER.get(role)
        if (gender === 'm') entity.maleVotes += 5
        if (gender === 'f') entity.femaleVotes += 5
        // "Press Secretary", "Prime Minister": the two-word office too.
        const before = lower[index - 1]
        if (before && !roleOf(before) && !DETERMINERS.has(before)) entity.roles.add(`${before} ${role}`)
        return
      }
      if (DETERMINERS.has(word) || PREPOSITIONS.has(word) || POSSESSIVE_PRONOUNS.has(word) || word.length === 0) return
      entity.descriptors.add(word)
      const country = DEMONYMS.get(word)
      if (country) entity.descriptors.add(country)
    })
  }

  /**
   * "Jane Roe, a spokeswoman for the council," and "the council's spokeswoman, Jane Roe,": a description set
   * beside a name by a comma is that person. So is a party and state in a parenthesis, "Jane Roe (R-Ohio)", or
   * between commas, "Jane Roe, R-Ohio, said": she is the Ohio Republican.
   */
  private collectAppositions(entity: Entity, first: number, last: number): void {
    const { tokens } = this
    const after = tokens[last + 1]
    if ((tokens[last] as Token).text === ')') {
      // The name took its bracket in ("Jane Roe (R-Ohio)": nameStartingAt).
      let open = last - 1
      while (open > first && (tokens[open] as Token).text !== '(') open--
      if (open > first) this.learnPartyLabel(entity, open + 1, last - 1)
    } else if (after?.text === '(' && tokens[last + 2]) {
      let close = last + 2
      while (close < last + 8 && close < tokens.length && (tokens[close] as Token).text !== ')') close++
      this.learnPartyLabel(entity, last + 2, close - 1)
    }
    const label = after?.text === ',' ? partyLabelEnd(tokens, last + 2) : -1
    if (label >= 0) this.learnPartyLabel(entity, last + 2, label)
    else if (after?.text === ',') {
      const apposition = this.appositionAfter(last + 2)
      if (apposition) {
        this.appositions.set(apposition.head, entity)
        this.learnDescription(
          entity,
          tokens
            .slice(apposition.first, apposition.last + 1)
            .filter((t) => t.isWord)
            .map((t) => t.text),
        )
      }
    }
    const before = tokens[first - 1]
    if (before?.text === ',' && first >= 2) {
      const described = this.roleEndingAt(first - 2)
      if (described) {
        this.appositions.set(described.last, entity)
        this.learnDescription(
          entity,
          tokens
            .slice(described.first, described.last + 1)
            .filter((t) => t.isWord)
            .map((t) => t.text),
        )
      }
    }
  }

  /**
   * Whether the article sets a fuller name apart from the one a surname alone named before, as a relative of theirs:
   * "his daughter, Jane Roe", "wife Jane Roe", "Jane Roe, his sister,". (A title proves nothing: "Rep. Roe" is
   * also "Senate candidate Ed Roe".)
   */
  private setApartAsRelative(mention: Mention): boolean {
    const { tokens } = this
    // Before the name, in its own sentence: "his daughter Jane Roe", "his daughter, Jane Roe".
    const before = tokens[mention.first - 1]
    if (isRelationTo(tokens, mention.first - 1) && this.sentenceEnds[mention.first - 1] !== true) return true
    if (before?.text === ',' && isRelationTo(tokens, mention.first - 2)) return true
    // "Jane Roe, his sister,": a short phrase set off after the name.
    if (tokens[mention.last + 1]?.text === ',') {
      for (let i = mention.last + 2; i < Math.min(tokens.length, mention.last + 2 + MAX_RELATION_TOKENS); i++) {
        const token = tokens[i] as Token
        if (!token.isWord) break
        if (isRelationTo(tokens, i)) return true
      }
    }
    return false
  }

  /** "R-Ohio", "D-New York", "R": a party's initial and its member's place, as a description of the person. */
  private learnPartyLabel(entity: Entity, first: number, last: number): void {
    const words: string[] = []
    for (let i = first; i <= last; i++) {
      const word = this.tokens[i] as Token
      if (word.isWord) words.push(...withoutFinalStop(word.lower).split(/[-‐]/))
    }
    const party = PARTY_INITIALS.get(words[0] ?? '')
    // "R-S.C." is the South Carolina Republican: a state's short form is spelt out as a description would.
    const place = words.slice(1).join(' ')
    const state = STATES_BY_ABBREVIATION.get(place)
    if (party) this.learnDescription(entity, [...(state ? state.split(' ') : words.slice(1)), party])
  }

  /**
   * A description of a role ending at token `last`: "the mayor", "the leader of the Senate" (the role is the
   * head before the "of" phrase, the description all of it).
   */
  private roleEndingAt(last: number): Mention | null {
    const { tokens } = this
    const floor = Math.max(0, last - 10)
    const described = descriptionEndingAt(tokens, last, floor) ?? nounPhraseEndingAt(tokens, last, floor)
    if (!described) return null
    if (roleOf((tokens[described.last] as Token).text)) return described
    const preposition = tokens[described.first - 1]
    if (!preposition || !ROLE_PREPOSITIONS.has(preposition.lower)) return null
    const role = descriptionEndingAt(tokens, described.first - 2, floor)
    return role && roleOf((tokens[role.last] as Token).text) ? role : null
  }

  /** A description that starts at `first` and names a role ("a former senator from Ohio", "Democrat of Maryland"). */
  private appositionAfter(first: number): { first: number; last: number; head: number } | null {
    const { tokens } = this
    const start = tokens[first]
    if (!start || start.segment >= 0 || !start.isWord) return null
    let head = -1
    let last = first - 1
    let inPhrase = false
    for (let i = first; i < Math.min(tokens.length, first + MAX_APPOSITION_TOKENS); i++) {
      const token = tokens[i] as Token
      if (token.segment >= 0 || token.paragraph !== start.paragraph || !token.isWord) break
      if (token.pos === 'VERB' || token.pos === 'AUX' || SPEECH_VERBS.has(token.lower) || token.lower === 'who') break
      if (PREPOSITIONS.has(token.lower) || token.lower === 'and') {
        if (head < 0) return null
        inPhrase = true
      } else if (!inPhrase && roleOf(token.text)) head = i
      last = i
    }
    if (head < 0) return null
    // "Ed Roe, wife Jane and …", "Ed Roe, aide Mara Lind,": a bare description a name follows is that name's title,
    // one more of a list, not Ed Roe's. One with a determiner is his: "a former aide Roe fired".
    const afterHead = tokens[head + 1]
    const listed = !DETERMINERS.has(start.lower) && afterHead?.isWord === true && afterHead.capitalized
    return listed ? null : { first, last, head }
  }

  private collectNames(): void {
    const { tokens } = this
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token
      if (!mayOpenName(tokens, i) || token.segment >= 0) continue
      const mention = nameStartingAt(tokens, i, tokens.length - 1)
      if (!mention) continue
      const entity = this.register(mention)
      if (entity) {
        this.mentions.push({
          entity,
          start: token.start,
          subject: isSubject(tokens, this.sentenceEnds, mention),
          opens: opensSentence(tokens, this.sentenceEnds, i) && !isPossessor(tokens, mention),
          speaks: speaksAfter(tokens, mention),
        })
        // A person by surname, a body named in more than one word by its noun: each by the name's last word.
        const byLastWord =
          entity.kind === 'person' ? this.bySurname : entity.words.length > 1 ? this.bodiesByNoun : null
        if (byLastWord) {
          const lastWord = entity.words[entity.words.length - 1] as string
          const list = byLastWord.get(lastWord) ?? []
          list.push({ entity, start: token.start })
          byLastWord.set(lastWord, list)
        }
        this.noteIssuer(mention, entity)
        if (entity.kind === 'person') this.collectAppositions(entity, mention.first, mention.last)
      }
      i = mention.last
    }
  }

  /**
   * "Roe Raps Doe's Plan", "Roe Visits Doe": a headline's clause in capitals, whose verb the tagger took for a name's
   * word, reads as one name of three words. Its first and last words are two people's: the article prints each alone
   * as the subject of a verb elsewhere ("Roe said"), as writers print surnames, and the one before the last is no
   * given name. A person's name of three words opens with a word the article does not use so ("Jane Marsh Roe";
   * "Chad Marsh Pell … in Chad": a place after a preposition is no subject).
   */
  private isHeadlineClause(words: readonly string[], mention: Mention): boolean {
    if (words.length !== 3 || mention.last - mention.first + 1 !== 3) return false
    const [first, second] = this.tokens.slice(mention.first, mention.last + 1) as [Token, Token, Token]
    // "Roe of Harbor", "Harborites Dana Roe": a connector, or a given name before the last word, makes it a name with
    // what qualifies it.
    if (!first.capitalized || !second.capitalized || genderOfFirstName(second.text) !== null) return false
    this.subjectsAlone ??= wordsAloneBeforeVerb(this.tokens)
    return this.subjectsAlone.has(words[0] as string) && this.subjectsAlone.has(words[2] as string)
  }

  /** "A January report from the Heritage Foundation": the report speaks for the foundation later on. */
  private noteIssuer(mention: Mention, entity: Entity): void {
    const { tokens } = this
    // "the message from the Roe campaign": a name modifying a noun is not the one issuing.
    const after = tokens[mention.last + 1]
    if (after?.isWord && !after.capitalized && (isOrganisationWord(after) || isRoleWord(after))) return
    let i = mention.first - 1
    if (tokens[i]?.lower === 'the') i--
    if (!SOURCE_PREPOSITIONS.has(tokens[i]?.lower as string)) return
    const document = tokens[i - 1]
    if (document && isDocumentWord(document))
      this.issuers.push({ start: document.start, document: document.lower, entity })
  }

  recordIssuer(start: number, document: string, entity: Entity): void {
    this.issuers.push({ start, document, entity })
  }

  /** splitName of the mention's run, read once: the tokens do not change once the registry is built. */
  private partsOf(mention: Mention): Readonly<NameParts> {
    const key = `${mention.first}:${mention.last}`
    let parts = this.partsOfRun.get(key)
    if (parts === undefined) {
      parts = splitName(this.tokens, mention, this.text)
      this.partsOfRun.set(key, parts)
    }
    return parts
  }

  register(mention: Mention): Entity | null {
    const parts = this.partsOf(mention)
    // "…, Jr." cut off from its name by a comma names nobody by itself.
    if (parts.name === null || isGenerationalSuffix(parts.name)) return null
    const words = parts.name.toLowerCase().split(/\s+/).map(stripPossessive)
    // A long capitalised run is a headline or a title, and words in capitals a dateline ("MEXICO CITY —"), not
    // somebody's name.
    if (
      parts.kind === 'person' &&
      (words.length > MAX_NAME_WORDS || (words.length > 1 && parts.name === parts.name.toUpperCase()))
    )
      return null
    if (parts.kind === 'person' && this.isHeadlineClause(words, mention)) return null
    const key = words.join(' ')
    let entity =
      this.namedByBodyNoun(parts, words, mention) ??
      this.namedAgreeing(key, words[words.length - 1] as string, parts.honorific) ??
      (parts.kind === 'person'
        ? (this.bearerOf(words, Number.MAX_SAFE_INTEGER, parts) ??
          // "Judge Scott", "Ms. Scott": after a title or an honorific one word is a surname, never a given name.
          (parts.title === null && parts.honorific === null ? this.findByGivenName(words) : undefined))
        : undefined)
    // "Gov. Roe … his daughter, Jane Roe": a fuller name the article sets apart from the surname given alone before.
    if (entity?.words.length === 1 && words.length > 1 && this.setApartAsRelative(mention)) entity = undefined
    if (!entity && parts.kind === 'person' && parts.title === null && parts.honorific === null && words.length === 1) {
      // "Russian officials said", "Americans say": a people, not someone's name (unless it is the surname of a person
      // the article names, which findBySurname found above).
      if (isDemonym(key)) return null
    }
    if (!entity) {
      entity = {
        name: parts.name,
        title: parts.title,
        // "the HBRA said", "KTVN reported": a name in capital letters alone, with no title, is a body's; so is one
        // the article gives an article to, unless it is a person's it names ("the Roe “savings”" after "Jane Roe").
        kind:
          parts.kind === 'person' &&
          parts.title === null &&
          (isAcronym(parts.name) || isNamedThing(this.tokens, mention.first, mention.last))
            ? 'organisation'
            : parts.kind,
        words,
        maleVotes: 0,
        femaleVotes: 0,
        spoke: false,
        roles: new Set(),
        descriptors: new Set(),
        offices: [],
        place:
          parts.kind === 'person' &&
          (PLACES.has(key) ||
            (parts.title === null && parts.honorific === null && isTownInRegion(this.tokens, mention))),
        named: true,
      }
      if (entity.place) entity.kind = 'organisation'
      this.byName.set(key, entity)
      if (entity.kind === 'person' && words.length > 1) noteFirstNameGender(entity)
    } else if (words.length > entity.words.length && entity.kind === 'person') {
      // The fullest form of a name is the canonical one ("Sheinbaum" first, "Claudia Sheinbaum" later).
      const firstNameSeen = entity.words.length > 1
      entity.name = parts.name
      entity.words = words
      this.byName.set(key, entity)
      if (!firstNameSeen) noteFirstNameGender(entity)
    }
    if (entity.kind === 'person' && !entity.place && words.length > 1) {
      const given = words[0] as string
      this.byGivenName.set(given, (this.byGivenName.get(given) ?? new Set()).add(entity))
    }
    if (parts.title && !entity.title) entity.title = parts.title
    if (parts.title) this.learnDescription(entity, parts.title.split(/\s+/))
    if (parts.honorific === 'm') entity.maleVotes += 10
    if (parts.honorific === 'f') entity.femaleVotes += 10
    return entity
  }

  /**
   * A body's noun alone, capitalised: with no determiner before it and no noun after it, the surname of a person
   * the article names ("Camp said" after "Rep. Nora Camp"; "Bank officials said" is about a bank); failing that,
   * the nearest body named in full before it, if the noun shortens its name ("the Times" after "the Riverton Times":
   * isShortenedToHead).
   */
  private namedByBodyNoun(parts: NameParts, words: readonly string[], mention: Mention): Entity | undefined {
    if (parts.kind !== 'organisation' || words.length !== 1) return undefined
    const first = this.tokens[mention.first] as Token
    const next = this.tokens[mention.last + 1]
    const modifier = next !== undefined && next.pos === 'NOUN' && !next.capitalized
    if (!modifier && !DETERMINERS.has(first.lower) && !opensDescription(this.tokens[mention.first - 1])) {
      const bearer = this.findBySurname(words, first.start)
      if (bearer && bearer.words.length > 1) return bearer
    }
    const bodies = this.bodiesByNoun.get(words[0] as string) ?? []
    const nearest = bodies[firstStartingAt(bodies, first.start) - 1]?.entity
    return nearest && isShortenedToHead(nearest) ? nearest : undefined
  }

  /**
   * The entity of that name, or after an honorific the first bearer of the name to have shown its gender ("Mrs. Roe"
   * after "Mr. Roe toured the port with his wife, Jane Roe", or after "Gov. Roe … his daughter, Jane Roe").
   */
  private namedAgreeing(key: string, surname: string, honorific: Gender | null): Entity | undefined {
    const named = this.byName.get(key)
    if (named === undefined || honorific === null) return named
    const bearers = this.bySurname.get(surname) ?? []
    return firstIntroduced(bearers, (entity) => genderOf(entity) === honorific) ?? named
  }

  /**
   * "Lise Marrow … “No,” Lise said": a given name alone, where the article has named one person with it (and
   * nobody with it as a surname, which findBySurname tries first). Two people sharing it leave it unresolved.
   */
  private findByGivenName(words: readonly string[]): Entity | undefined {
    const given = words[0] as string
    if (words.length !== 1 || PLACES.has(given) || genderOfFirstName(given) === null) return undefined
    const named = this.byGivenName.get(given)
    return named?.size === 1 ? (named.values().next().value as Entity) : undefined
  }

  /**
   * The person a name's words stand for when they are a bearer's surname or part of their name, of the gender an
   * honorific gives. "Lady Roe" after "First Lady Jane Roe": an honorific kept before a surname is no word of it.
   */
  private bearerOf(words: readonly string[], before: number, parts: NameParts): Entity | undefined {
    const honorific = words.length > 1 ? GENDERED_HONORIFICS.get(withoutFinalStop(words[0] as string)) : undefined
    return this.findBySurname(honorific ? words.slice(1) : words, before, parts.honorific ?? honorific ?? null)
  }

  private findBySurname(words: readonly string[], before: number, gender: Gender | null = null): Entity | undefined {
    const last = words[words.length - 1] as string
    const candidates = this.bySurname.get(last) ?? []
    // "Mrs. Roe" after "Gov. John Roe and his wife, Jane Roe": an honorific's gender passes over a bearer of the other;
    // so does that of a given name added to a surname alone ("Jane Roe" after "Mr. Roe").
    const givenGender = words.length > 1 ? genderOfFirstName(words[0] as string) : null
    const sameGender = (entity: Entity): boolean => {
      const known = genderOf(entity)
      const wanted = gender ?? (entity.words.length === 1 ? givenGender : null)
      return wanted === null || known === null || known === wanted
    }
    const fits = (entity: Entity): boolean =>
      entity.words[entity.words.length - 1] === last &&
      (words.length === 1 || entity.words.length === 1 || words.every((w) => entity.words.includes(w))) &&
      sameGender(entity)
    // A surname alone is the first of its bearers the article introduces: a writer keeps calling the one the story is
    // about by it, and sets a second bearer (a relative, a namesake) apart by a full or a given name.
    if (words.length === 1) return firstIntroduced(candidates, fits)
    // A fuller name: the nearest one before, else the first one after ("Roe" first, "Jane Roe" later).
    for (let m = firstStartingAt(candidates, before) - 1, n = 0; m >= 0 && n < MAX_ANTECEDENTS; m--, n++) {
      const { entity } = candidates[m] as EntityMention
      if (fits(entity)) return entity
    }
    for (let m = firstStartingAt(candidates, before), n = 0; m < candidates.length && n < MAX_ANTECEDENTS; m++, n++) {
      const { entity } = candidates[m] as EntityMention
      if (fits(entity)) return entity
    }
    return undefined
  }

  /**
   * The mentions before `start`, names and references alike (and, for pronouns, descriptions standing for a named
   * person), nearest first: at most MAX_ANTECEDENTS of them, so that resolving a reference costs the same however
   * long the article.
   */
  private *mentionsBefore(start: number, withDescriptions = false): Generator<EntityMention> {
    const lists = withDescriptions ? [this.mentions, this.noted, this.descriptions] : [this.mentions, this.noted]
    const next = lists.map((list) => firstStartingAt(list, start) - 1)
    for (let n = 0; n < MAX_ANTECEDENTS; n++) {
      let pick = -1
      for (let k = 0; k < lists.length; k++) {
        const candidate = (lists[k] as EntityMention[])[next[k] as number]
        if (candidate === undefined) continue
        if (
          pick < 0 ||
          candidate.start > ((lists[pick] as EntityMention[])[next[pick] as number] as EntityMention).start
        )
          pick = k
      }
      if (pick < 0) return
      yield (lists[pick] as EntityMention[])[next[pick] as number] as EntityMention
      next[pick] = (next[pick] as number) - 1
    }
  }

  /**
   * Gender comes from honorifics and from pronouns whose antecedent is unambiguous: a pronoun opening
   * a sentence points at the first person named in the sentence before; one right after a speech verb
   * or "that" points at the first person named earlier in its own sentence ("Sheinbaum said that she …").
   */
  private collectGender(): void {
    const { tokens, sentenceEnds } = this
    let m = 0
    let sentenceSubject: Entity | undefined
    let previousSubject: Entity | undefined
    let sentenceStart = true
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token
      while (m < this.mentions.length && (this.mentions[m] as EntityMention).start <= token.start) {
        const { entity } = this.mentions[m++] as EntityMention
        if (entity.kind === 'person' && isKnownPerson(entity)) sentenceSubject ??= entity
      }
      const gender = token.segment < 0 ? GENDERED_PRONOUNS.get(token.lower) : undefined
      const previous = tokens[i - 1]
      const target = !gender
        ? undefined
        : sentenceStart
          ? previousSubject
          : previous && (previous.lower === 'that' || SPEECH_VERBS.has(previous.lower))
            ? sentenceSubject
            : undefined
      if (target && gender === 'm') target.maleVotes++
      if (target && gender === 'f') target.femaleVotes++
      // "Trump pressured her": the subject of the verb is not the person in its object.
      const object =
        gender &&
        !target &&
        (token.lower === 'him' || token.lower === 'her') &&
        previous &&
        /(ed|es)$/.test(previous.lower)
          ? sentenceSubject
          : undefined
      if (object && gender === 'f') object.maleVotes++
      if (object && gender === 'm') object.femaleVotes++
      sentenceStart = sentenceEnds[i] === true
      if (sentenceStart) {
        previousSubject = sentenceSubject
        sentenceSubject = undefined
      }
    }
  }

  resolveName(mention: Mention): ResolvedSpeaker | null {
    const parts = this.partsOf(mention)
    if (parts.name === null) {
      if (parts.title === null) return null
      // "Bishop said", "Mr. Bishop said" after "Rep. Jim Bishop": one capitalised role word, alone or after an
      // honorific, is the surname of the person named with it.
      const word = this.tokens[mention.last] as Token
      const honorific =
        mention.last - mention.first === 1
          ? GENDERED_HONORIFICS.get(bareWord(this.tokens[mention.first] as Token))
          : undefined
      const surnameAlone = mention.first === mention.last || honorific !== undefined
      if (surnameAlone && word.capitalized && !opensDescription(this.tokens[mention.first - 1])) {
        // "Mrs. Bishop" after "Rep. Jim Bishop" is someone else.
        const bearer = this.findBySurname([bareWord(word)], word.start, honorific ?? null)
        if (bearer?.kind === 'person' && bearer.words.length > 1) return { entity: bearer, resolvedBy: 'surname' }
      }
      // A run that is all title ("the Vice President") has its title as its only text.
      return this.resolveRole(mention, parts.title)
    }
    const words = parts.name.toLowerCase().split(/\s+/).map(stripPossessive)
    const start = (this.tokens[mention.first] as Token).start
    const entity =
      this.namedByBodyNoun(parts, words, mention) ??
      this.personBearing(words, mention) ??
      this.namedAgreeing(words.join(' '), words[words.length - 1] as string, parts.honorific) ??
      this.bearerOf(words, start, parts) ??
      this.register(mention)
    if (!entity) return null
    if (entity.kind === 'organisation') return { entity, resolvedBy: 'organisation' }
    return { entity, resolvedBy: words.length >= entity.words.length ? 'name' : 'surname' }
  }

  /**
   * "Roe said" after "the Roe, Pell talks" and "Secretary Jane Roe", "ROE:" in a transcript: a word alone, with no
   * article, that names a one-word body (isNamedThing, an acronym; not a place nor a body's noun) and is the
   * surname of a person the article names in full, is that person.
   */
  private personBearing(words: readonly string[], mention: Mention): Entity | undefined {
    // A body's noun keeps its own reading ("Bank officials said" after "Gov. Mark Bank").
    const word = words[0] as string
    if (words.length !== 1 || isBodyOrDocumentNoun(word) || this.tokens[mention.first - 1]?.lower === 'the')
      return undefined
    const body = this.byName.get(word)
    if (body?.kind !== 'organisation' || body.place) return undefined
    const person = this.findBySurname(words, (this.tokens[mention.first] as Token).start)
    // A person's name that ends with an acronym ("Harbor GOP") is a body misread, whose word it is.
    return person && person.words.length > 1 && !isAcronym(person.name.split(/\s+/).at(-1) as string)
      ? person
      : undefined
  }

  /**
   * The nearest earlier entity the pronoun can stand for; `excluded` names someone it cannot be (the outer speaker of
   * a nested quote). `subject`: the pronoun is its clause's subject ("he said"), not a possessive ("his aide
   * said"); only a subject is kept from standing for someone its own clause names after it.
   */
  resolvePronoun(
    pronoun: string,
    before: number,
    excluded: string | null = null,
    subject = true,
  ): ResolvedSpeaker | null {
    const gender = GENDERED_PRONOUNS.get(pronoun)
    if (pronoun === 'it' || pronoun === 'they') {
      // A body the last few sentences name, as for people. "They" stands for people named after it ("the senators",
      // "Roe and Pell") rather than for the body: then it stands for no body at all.
      const sentence = this.sentenceAt(before)
      for (const { entity, start } of this.mentionsBefore(before)) {
        if (sentence - this.sentenceAt(start) > 2 || before - start > PRONOUN_REACH) break
        if (entity.name === excluded || entity.kind !== 'organisation' || entity.place) continue
        if (pronoun === 'they' && this.peopleNamedBetween(start, before)) return null
        return { entity, resolvedBy: 'pronoun' }
      }
      return null
    }
    // "Pell, who he said …": a pronoun inside a relative clause is not the clause's antecedent.
    const ruledOut = new Set<Entity>(subject ? this.namedLaterInClause(before) : [])
    const antecedent = this.relativeAntecedent(before)
    if (antecedent) ruledOut.add(antecedent)
    // Whoever the last few sentences are about comes first; further back only when they name nobody who fits.
    const sentence = this.sentenceAt(before)
    return (
      this.salientPerson(before, gender, excluded, ruledOut, (start) => sentence - this.sentenceAt(start) <= 2) ??
      this.salientPerson(before, gender, excluded, ruledOut, (start) => before - start <= PRONOUN_REACH)
    )
  }

  /**
   * Whether the writer names people between a body's mention at `from` and `to`: a person ("Roe"), or a plural of a
   * role, a party's member or a people ("officials", "Democrats", "Israelis"). Words inside quotations are the
   * speaker's, not the writer's. The caller keeps `to - from` within PRONOUN_REACH, so the scan is bounded.
   */
  private peopleNamedBetween(from: number, to: number): boolean {
    const { tokens } = this
    // The body's own name ("Teachers Without Walls", "the Federation of Dock Workers") names no people.
    let first = firstStartingAt(tokens, from)
    while (
      tokens[first] !== undefined &&
      (tokens[first] as Token).start < to &&
      ((tokens[first] as Token).capitalized || NAME_CONNECTORS.has((tokens[first] as Token).lower))
    )
      first++
    const nameEnd = tokens[first]?.start ?? to
    for (let m = firstStartingAt(this.mentions, nameEnd); m < this.mentions.length; m++) {
      const mention = this.mentions[m] as EntityMention
      if (mention.start >= to) break
      if (mention.entity.kind === 'person') return true
    }
    for (let t = first; t < tokens.length; t++) {
      const token = tokens[t] as Token
      if (token.start >= to) break
      if (token.segment >= 0 || !token.isWord) continue
      const bare = bareWord(token)
      if (isPluralRoleWord(bare) || (hasPluralEnding(bare) && (PARTY_MEMBERS.has(bare) || isDemonym(bare)))) return true
    }
    return false
  }

  /**
   * "… as he called on Roe to apologise": a subject pronoun is never someone its own clause names after it (the
   * binding of pronouns: "he" and "Roe" there are two people). The clause is read up to the first punctuation:
   * past a comma or a quote writers do name the same person again ("…,” he said, referring to what Roe had …").
   */
  private namedLaterInClause(offset: number): Entity[] {
    const { tokens } = this
    let last = firstStartingAt(tokens, offset)
    while (last + 1 < tokens.length) {
      const next = tokens[last + 1] as Token
      if (next.segment >= 0 || (!next.isWord && !isAbbreviationDot(tokens, last + 1))) break
      last++
    }
    const end = (tokens[last] as Token).end
    const named: Entity[] = []
    for (let m = firstStartingAt(this.mentions, offset + 1); m < this.mentions.length; m++) {
      const mention = this.mentions[m] as EntityMention
      if (mention.start >= end) break
      named.push(mention.entity)
    }
    return named
  }

  private salientPerson(
    before: number,
    gender: 'm' | 'f' | undefined,
    excluded: string | null,
    ruledOut: ReadonlySet<Entity>,
    near: (start: number) => boolean,
  ): ResolvedSpeaker | null {
    let best: Entity | null = null
    let bestScore = -Infinity
    // The nearest person who could be meant, when the writer last reported them as saying something, quoted or
    // not: "he said" after a quote is its speaker more often than not, however prominent someone named before them.
    let nearest: Entity | null = null
    let nearestOnly = true
    let lastSpeaker: Entity | null = null
    // Every mention in reach is scored, so a person counts by the most telling of their recent mentions: "According
    // to Jane Roe, a professor, …" makes her the source even though "a professor" came after.
    for (const { entity, start, subject, opens, speaks, quoted } of this.mentionsBefore(before, true)) {
      if (!near(start)) break
      if (entity.name === excluded || ruledOut.has(entity)) continue
      if (entity.kind !== 'person' || !isKnownPerson(entity)) continue
      const entityGender = genderByVotes(entity)
      if (gender && entityGender && entityGender !== gender) continue
      const agrees = gender !== undefined && (entityGender ?? entity.nameGender) === gender
      // Mentions come nearest first: the nearest one's entity, until a mention of someone else.
      nearest ??= entity
      nearestOnly &&= entity === nearest
      if (nearestOnly && (speaks || quoted)) lastSpeaker = entity
      // Salience: the nearer, the more so; a known gender that agrees, a subject and someone already quoted (or,
      // in this very mention, reported as saying something) count for.
      const score =
        -(before - start) / 400 +
        (agrees ? 1 : 0) +
        (subject ? 0.6 : 0) +
        (opens ? 0.3 : 0) +
        (entity.spoke || speaks ? 0.5 : 0) +
        (entity === lastSpeaker ? LAST_SPEAKER_SALIENCE : 0)
      if (score > bestScore) {
        bestScore = score
        best = entity
      }
    }
    return best ? { entity: best, resolvedBy: 'pronoun' } : null
  }

  /** The entity a relative pronoun right before `offset` ("…, who he said") refers to, if any. */
  private relativeAntecedent(offset: number): Entity | null {
    const at = firstStartingAt(this.tokens, offset)
    for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
      const token = this.tokens[i] as Token
      if (token.lower !== 'who' && token.lower !== 'whom') continue
      const comma = this.tokens[i - 1]?.text === ',' ? i - 1 : i
      const named = this.tokens[comma - 1]
      if (!named) return null
      for (const { entity, start } of this.mentionsBefore(named.end)) return start <= named.start ? entity : null
    }
    return null
  }

  /** "the president", "the statement", "the Trump administration", "The Indiana governor". */
  resolveDescription(mention: Mention): ResolvedSpeaker | null {
    const head = this.tokens[mention.last] as Token
    const first = this.tokens[mention.first] as Token
    const phrase = this.text.slice(first.start, head.end).replace(LEADING_ARTICLE, '')
    const start = first.start
    if (isDocumentWord(head)) {
      const issuedBy = this.issuerNamedAfter(mention)
      if (issuedBy) return issuedBy
      for (let k = this.issuers.length - 1; k >= 0; k--) {
        const issuer = this.issuers[k] as (typeof this.issuers)[number]
        // A named issuer in the description itself ("a statement from the Harbour Council") was recorded as one when
        // the names were read; a described one was looked for first (issuerNamedAfter).
        if (issuer.start <= head.start && issuer.document === head.lower) {
          return { entity: issuer.entity, resolvedBy: issuer.entity.kind === 'organisation' ? 'organisation' : 'role' }
        }
      }
      return this.describedOnly(phrase, 'organisation')
    }
    if (isOrganisationWord(head)) {
      // "the union" after "the National Union of Miners", "the Democratic committee" after "the Democratic National
      // Committee": the body named earlier whose name holds the noun and every capitalised word of the description.
      const modifiers = this.tokens
        .slice(mention.first, mention.last)
        .filter((token) => token.isWord && token.capitalized && !DETERMINERS.has(token.lower))
        .map((token) => stripPossessive(token.lower))
      const noun = stripPossessive(head.lower)
      for (const { entity } of this.mentionsBefore(start)) {
        if (
          entity.kind === 'organisation' &&
          entity.words.includes(noun) &&
          modifiers.every((word) => entity.words.includes(word))
        ) {
          return { entity, resolvedBy: 'organisation' }
        }
      }
      return this.describedOnly(phrase, 'organisation')
    }
    return this.resolveRole(mention, phrase)
  }

  /**
   * "a statement from the county board", "a letter by the senator": the issuer the description names after
   * its document word, whoever issued documents before. (A named issuer is recorded as one when the names
   * are read; a described one is resolved here, as any description would be.)
   */
  private issuerNamedAfter(mention: Mention): ResolvedSpeaker | null {
    const { tokens } = this
    const preposition = tokens[mention.last + 1]
    if (preposition?.segment !== -1 || !SOURCE_PREPOSITIONS.has(preposition.lower)) return null
    const issuer = mentionStartingAt(tokens, mention.last + 2, mention.last + 2 + MAX_ISSUER_TOKENS)
    if (issuer?.kind !== 'role') return null
    // Only someone who can issue one: "a letter from the past", "the statement by the end of the day" name nobody.
    const head = tokens[issuer.last] as Token
    if (isDocumentWord(head) || !(isRoleWord(head) || isOrganisationWord(head))) return null
    return this.resolveDescription(issuer)
  }

  /**
   * "the press secretary", "the Ohio Republican", "the Mexican leader": the person named earlier who holds
   * that role (or one it covers: a leader may be a president), the one whose title and appositions share
   * most of the description's other words, the most recent on a tie. A description set beside a name by a
   * comma is that name.
   */
  private resolveRole(mention: Mention, phrase: string): ResolvedSpeaker {
    const bound = this.appositions.get(mention.last)
    if (bound) return { entity: bound, resolvedBy: 'role' }
    const last = this.tokens[mention.last] as Token
    // "U.S. officials", "the senators": several people, none of them one the article named.
    if (isPluralRoleWord(bareWord(last))) return this.describedOnly(phrase, 'person')
    const head = roleOf(last.text) ?? bareWord(last)
    const start = (this.tokens[mention.first] as Token).start
    const modifiers: string[] = []
    for (let i = mention.first; i < mention.last; i++) {
      const token = this.tokens[i] as Token
      if (!token.isWord || DETERMINERS.has(token.lower) || POSSESSIVE_PRONOUNS.has(token.lower)) continue
      modifiers.push(bareWord(token))
    }
    // A party has many members: "the Ohio Republican" is the one from Ohio, while "a senior Republican" or "the
    // House Republican" is nobody the article named.
    const partyFits = (entity: Entity): boolean => !PARTY_MEMBERS.has(head) || sharesPlace(modifiers, entity)
    let best: Entity | null = null
    let bestScore = -Infinity
    const seen = new Set<Entity>()
    for (const { entity } of this.mentionsBefore(start)) {
      if (entity.kind !== 'person' || seen.has(entity)) continue
      seen.add(entity)
      const holds = holdsRole(entity, head) || entity.descriptors.has(head)
      if (!holds || !partyFits(entity)) continue
      const shared = modifiers.filter(
        (word) =>
          entity.descriptors.has(word) || entity.roles.has(word) || entity.descriptors.has(DEMONYMS.get(word) ?? ''),
      ).length
      // Recency breaks ties: earlier mentions were seen later in this backwards walk.
      const score = shared * 10 - seen.size * 0.01
      if (score > bestScore) {
        bestScore = score
        best = entity
      }
    }
    if (best) return { entity: best, resolvedBy: 'role' }
    // "The inspector general … A memo from the inspector general, Jane Roe": named only later.
    for (
      let m = firstStartingAt(this.mentions, start + 1), n = 0;
      m < this.mentions.length && n < MAX_ANTECEDENTS;
      m++, n++
    ) {
      const { entity } = this.mentions[m] as EntityMention
      if (entity.kind === 'person' && holdsRole(entity, head) && partyFits(entity))
        return { entity, resolvedBy: 'role' }
    }
    return this.referredToAgain(mention, head, modifiers) ?? this.describedOnly(phrase, 'person')
  }

  /**
   * "Jo Pell said … “…,” the Ohio Republican said": a definite description by an office one person holds, or by a
   * party's member from a named place, that no one the article names is known to hold, is the writer's way of naming
   * again whoever its sentence and the two before are about, as a pronoun would, unless what is known of them rules
   * it out: a role the description does not cover ("the governor" is not a known senator, "the Ohio Republican" no
   * press secretary), another party, another place, a gendered role's gender not shown, or no more sign of a person
   * than a run of capitals. A description of another office than its head's ("the deputy mayor"), of an office in
   * something its common noun names ("the police chief", "the party chairman") or of an unnamed source ("the aide")
   * names someone new.
   */
  private referredToAgain(mention: Mention, head: string, modifiers: readonly string[]): ResolvedSpeaker | null {
    const { tokens } = this
    const definite = tokens[mention.first]?.lower === 'the' || tokens[mention.first - 1]?.lower === 'the'
    if (!definite || modifiers.some((word) => OFFICE_MODIFIERS.has(word))) return null
    for (let i = mention.first; i < mention.last; i++) {
      const token = tokens[i] as Token
      if (token.pos === 'NOUN') return null
    }
    // "the chair of the Harbor Council", "the senator for Harbor County": an office of a body or a place the writer
    // names is how someone new is introduced. (So is, wrongly, "the governor for a third time": left unnamed.)
    const next = tokens[mention.last + 1]?.lower
    if (next === 'of' || next === 'for') return null
    const written = tokens
      .slice(mention.first, mention.last + 1)
      .filter((token) => token.isWord)
      .map((token) => withoutPossessive(token.text))
    const place = namesPlace(written)
    const member = PARTY_MEMBERS.has(head) && !hasPluralEnding(head)
    if (!(isOfficeOfOne(head) || (member && place))) return null
    // "Republican", "Democratic": the party the description names, if any.
    const party = [head, ...modifiers].map(partyNamedBy).find((named) => named !== null)
    const past = modifiers.some((word) => NOT_CURRENT.has(word))
    // A party's member or a candidate may hold any office; an office is no other role, nor a candidacy. (A role of two
    // words, "press secretary", comes with its last word, which is the one weighed.)
    const fits = (role: string): boolean =>
      role.includes(' ') || PARTY_MEMBERS.has(role) || ((member || isCandidacy(head)) && isOfficeOfOne(role))
    const gender = ROLE_GENDER.get(head)
    const rulesOut = (entity: Entity): boolean =>
      !hasPersonEvidence(entity) ||
      (gender !== undefined && genderOf(entity) !== gender) ||
      (party !== undefined && ofAnotherParty(entity, party)) ||
      (place && hasPlace(entity) && !sharesPlace(modifiers, entity)) ||
      (!past && ![...entity.roles].every(fits))
    const start = (tokens[mention.first] as Token).start
    const sentence = this.sentenceAt(start)
    const near = (at: number): boolean => sentence - this.sentenceAt(at) <= 2
    const ruledOut = new Set<Entity>(this.namedLaterInClause(start))
    // Someone known to be from the place the description names comes first: the others are set aside for that look.
    const elsewhere = new Set<Entity>()
    const weighed = new Set<Entity>()
    for (const { entity } of this.mentionsBefore(start, true)) {
      // Each person once, however often named: what is known of them does not change along the walk.
      if (weighed.has(entity)) continue
      weighed.add(entity)
      if (rulesOut(entity)) ruledOut.add(entity)
      else if (place && !sharesPlace(modifiers, entity)) elsewhere.add(entity)
    }
    if (place) {
      const local = this.salientPerson(start, gender, null, new Set([...ruledOut, ...elsewhere]), near)
      if (local) return { entity: local.entity, resolvedBy: 'role' }
    }
    const found = this.salientPerson(start, gender, null, ruledOut, near)
    return found && { entity: found.entity, resolvedBy: 'role' }
  }

  private describedOnly(phrase: string, kind: SpeakerKind): ResolvedSpeaker {
    const entity: Entity = {
      name: phrase,
      title: null,
      kind,
      words: phrase.toLowerCase().split(/\s+/),
      maleVotes: 0,
      femaleVotes: 0,
      spoke: false,
      roles: new Set(),
      descriptors: new Set(),
      offices: [],
      place: false,
      // "the Trump administration" names a body; "the spokesman" and "Ms. Roe’s lawyer" name nobody.
      named: kind === 'organisation' && /(^|\s)\p{Lu}/u.test(phrase),
    }
    return { entity, resolvedBy: kind === 'organisation' ? 'organisation' : 'role' }
  }

  /** Makes an entity found by a later reference available to pronouns that follow. */
  noteMention(entity: Entity, start: number): void {
    entity.spoke = true
    // Quotes are read in order, so this is nearly always an append.
    let at = this.noted.length
    while (at > 0 && (this.noted[at - 1] as EntityMention).start > start) at--
    this.noted.splice(at, 0, { entity, start, subject: true, quoted: true })
  }
}
