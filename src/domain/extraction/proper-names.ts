import { isGenerationalSuffix } from '../speaker-identity.js'
import { genderOfFirstName } from './first-names.js'
import { MONTHS, NAME_CONNECTORS, NOT_NAMES, PARTY_MEMBERS, PLACES, TITLE_FUNCTION_WORDS } from './lexicon.js'
import { isAcronym, isBodyNoun, isPluralRoleWord } from './entities.js'
import { isRoleWord, isRoleWordOrPlural, partyLabelEnd } from './noun-phrases.js'
import { isAbbreviationDot } from './sentences.js'
import { bareWord, isCapitalisedWord, withoutPossessive, type Token } from './tokens.js'

const LETTER = /\p{L}/u
/** Punctuation that may open a sentence before its first word. */
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '—', '–', '-', '…'])
/**
 * Marks after which a writer's clause may open with a capital ("the question: Will …", "the court – Opponents …").
 * A hyphen inside a word is no token of its own ("R-Iowa"): one that is stands between words as a dash.
 */
const CLAUSE_OPENERS = new Set([':', '—', '–', '-', '--'])

/**
 * Marks the capitalised words that may belong to a name. Capitals alone say little at the start of a
 * sentence ("Moments later", "Ask yourself") or of a clause after a colon or a dash (opensClause), so such a
 * first word counts only with evidence from the article: the same word capitalised inside a sentence
 * elsewhere, or a capitalised word right after it ("Jane Roe said"), or a proper-noun tag on a word a verb
 * follows ("Russia insisted"). Function words and days
 * never count, nor do months but where they are part of a name (monthInName); neither does an adjective
 * standing alone ("Asian states"): it names a place's people, not a person, nor does a lawmaker's party and
 * place ("R-Iowa").
 */
export function markProperNames(tokens: Token[], sentenceEnds: readonly boolean[]): void {
  const initial = new Array<boolean>(tokens.length).fill(false)
  const titleCase = titleCaseSentences(tokens, sentenceEnds)
  const seenInside = new Set<string>()
  let atStart = true
  tokens.forEach((token, index) => {
    token.inTitleCase = titleCase[index] as boolean
    if (atStart && token.isWord) {
      initial[index] = true
      atStart = false
    } else if (token.isWord && token.capitalized && token.segment < 0 && !titleCase[index]) {
      seenInside.add(bare(token))
    }
    const next = tokens[index + 1]
    if (sentenceEnds[index] || (next && next.paragraph !== token.paragraph) || opensClause(token, next)) atStart = true
    else if (!token.isWord && atStart && !OPENERS.has(token.text)) atStart = false
  })
  // Months an article uses in a person's name ("Jane May"): there the month alone is that person too ("May said").
  const monthsInNames = new Set<string>()
  tokens.forEach((token, index) => {
    if (monthInName(token, tokens[index - 1], tokens[index + 1])) monthsInNames.add(bare(token))
  })
  // Read only for a sentence's first word that has no other evidence: most articles never ask.
  let written: WrittenWords | null = null
  const writtenAsCommonWord = (token: Token): boolean => {
    written ??= wordsAsWritten(tokens)
    const word = bare(token)
    return written.lower.has(word) && !written.opensName.has(word) && !isRoleWordOrPlural(token)
  }
  const nameWord = (token: Token, index: number): boolean => {
    if (!NOT_NAMES.has(bare(token))) return true
    if (monthInName(token, tokens[index - 1], tokens[index + 1])) return true
    // "May said", not "in May" or "May 5".
    const previous = tokens[index - 1]
    const next = tokens[index + 1]
    return (
      monthsInNames.has(bare(token)) &&
      !(previous?.isWord === true && NOT_NAMES.has(previous.lower)) &&
      !(next !== undefined && /^\d/.test(next.text))
    )
  }
  // "Jane Roe, R-New York, said": a party-and-place label describes the name before it and is none itself.
  const inLabel = new Array<boolean>(tokens.length).fill(false)
  for (let index = 0; index < tokens.length; index++) {
    const end = partyLabelEnd(tokens, index)
    for (let at = index; at <= end; at++) inLabel[at] = true
  }
  tokens.forEach((token, index) => {
    if (!token.isWord || !token.capitalized || inLabel[index] || !nameWord(token, index)) return
    // "Sr QNP source", "a Sr. Harbor official": a generational suffix follows a name, and elsewhere stands for "senior".
    if (isGenerationalSuffix(token.text) && !followsName(tokens, index)) return
    const next = tokens[index + 1]
    // A title whose full stop the tagger split off ("Cpl", ".") is followed by the name after its stop.
    const nameAt = next?.text === '.' && isAbbreviationDot(tokens, index + 1) ? index + 2 : index + 1
    const named = tokens[nameAt]
    const followedByName =
      named !== undefined &&
      named.isWord &&
      named.capitalized &&
      named.start - (tokens[nameAt - 1] as Token).end <= 1 &&
      nameWord(named, nameAt)
    // A proper noun acting as subject of the verb right after it ("Russia insisted") needs no more evidence, unless the
    // writer also prints the word in lower case ("Localism is …" where the article speaks of "localism") and never
    // as the first word of a longer name: then the tagger's proper noun is only the capital every sentence opens
    // with. A role's word ("Lawmakers said") is read as a role.
    const subjectOfVerb = token.pos === 'PROPN' && next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX')
    // "Maybe Jones was tired", "Said Jones:", "See Jones": a capital before a name is evidence only for a noun.
    const nounBeforeName = followedByName && (token.pos === 'PROPN' || token.pos === 'NOUN')
    // In a headline's title case ("Roe Slams Doe Over Budget", "Story Continued Below") every word has a capital:
    // only a word the article capitalises in its running sentences counts there, and a given name before one.
    if (titleCase[index]) {
      const givenNameBeforeName =
        next !== undefined && seenInside.has(bare(next)) && genderOfFirstName(token.text) !== null
      if (!seenInside.has(bare(token)) && !givenNameBeforeName) return
    }
    if (
      initial[index] &&
      !seenInside.has(bare(token)) &&
      !nounBeforeName &&
      !(subjectOfVerb && !writtenAsCommonWord(token))
    )
      return
    if (token.pos === 'ADJ' && !followedByName) return
    token.proper = true
  })
  markAndsInBodyNames(tokens)
}

interface WrittenWords {
  /** The writer's words in lower case: a quotation's are the speaker's, and may be anyone's. */
  lower: Set<string>
  /** Capitalised words that open a longer capitalised run ("Rich Pell", "Delta Air Lines"): a name's first word. */
  opensName: Set<string>
}

function wordsAsWritten(tokens: readonly Token[]): WrittenWords {
  const written: WrittenWords = { lower: new Set(), opensName: new Set() }
  tokens.forEach((token, index) => {
    if (!token.isWord) return
    const next = tokens[index + 1]
    if (!token.capitalized) {
      if (token.segment < 0) written.lower.add(bare(token))
    } else if (isCapitalisedWord(next) && (next as Token).start - token.end <= 1) written.opensName.add(bare(token))
  })
  return written
}

/** Most words read on either side of an "and" that may join one body's name. */
const MAX_CONJUNCT_WORDS = 5

/**
 * "the Food and Drug Administration", "the Department of Housing and Urban Development", "the Centers for Disease
 * Control and Prevention": an "and" between capitalised words is inside one body's name when the name is a body's
 * (a body's noun after the "and", or one before an "of", "for" or "on" that opens the words before it, with no
 * second body after the "and") and the words before the "and" name nothing on their own. They do when the article
 * prints them as a name by themselves elsewhere ("Tides and Quill News" after "said Tides"); when they are a body
 * ("the House and Senate Committees"), an acronym ("the FBI and Justice Department"), a place, a person, a role or
 * a party's members ("Senators Roe and …", "Republicans and …"); when they close a list ("Harbor Group, Quill
 * Partners and …"). Nor does an "and" join a body or a role opening the words after it ("the Harbor Institute of Law
 * and Attorney General Jane Roe"). A possessive ends the words after it ("Roe and Pell's"). Two companies' names
 * ("Vellmark Capital and Quill Foundation") read as one: requiring a "the" before such a name lost "House Energy and
 * Commerce Committee Chairman Jane Roe" and its like, far more common in news.
 */
function markAndsInBodyNames(tokens: readonly Token[]): void {
  let standalone: Set<string> | null = null
  tokens.forEach((token, index) => {
    if (token.lower !== 'and' || token.segment >= 0) return
    const left = nameRun(tokens, index - 1, -1).reverse()
    const right = nameRun(tokens, index + 1, 1)
    const lastLeft = left[left.length - 1]
    const firstRight = right[0]
    if (lastLeft === undefined || firstRight === undefined || !namesNothingAlone(left)) return
    if (isBody(firstRight) || isRoleWord(firstRight) || isAcronym(firstRight.text)) return
    const before = tokens[index - left.length - 1]
    if (before?.text === ',') return
    const body = tokens[index - left.length - 2]
    const opensWithBody =
      before !== undefined && NAME_CONNECTORS.has(before.lower) && body?.isWord === true && isBody(body)
    // After an opening body, a body's noun of its own after the "and" is a second body ("the Bank of Tides and Quill
    // Council"); a plural one is a field's ("the Department of Tides and Coastal Services").
    if (opensWithBody ? right.some((word) => isBody(word) && !bare(word).endsWith('s')) : !right.some(isBody)) return
    standalone ??= namesStandingAlone(tokens)
    if (!standalone.has(runKey(left))) token.joinsBody = true
  })
}

/** The words before an "and" are no name by themselves: no body, acronym, place, person, role or party's members. */
function namesNothingAlone(left: readonly Token[]): boolean {
  const last = left[left.length - 1] as Token
  if (isBody(last) || isAcronym(last.text) || PLACES.has(runKey(left))) return false
  return !left.some(
    (word) =>
      isRoleWord(word) ||
      isPluralRoleWord(bare(word)) ||
      PARTY_MEMBERS.has(bare(word).replace(/s$/, '')) ||
      genderOfFirstName(word.text) !== null,
  )
}

/** A capitalised word of the writer's that may belong to a name (`proper`). */
function inName(token: Token | undefined): token is Token {
  return token?.isWord === true && token.capitalized && token.proper && token.segment < 0
}

/**
 * The words that may belong to a name from `from` on, in direction `step`: at most MAX_CONJUNCT_WORDS, and after an
 * "and" none past a possessive, which ends the name it belongs to.
 */
function nameRun(tokens: readonly Token[], from: number, step: 1 | -1): Token[] {
  const run: Token[] = []
  for (let i = from; run.length < MAX_CONJUNCT_WORDS && inName(tokens[i]); i += step) {
    const token = tokens[i] as Token
    run.push(token)
    if (step === 1 && withoutPossessive(token.lower) !== token.lower) break
  }
  return run
}

/** A body's noun, singular or plural, or its abbreviation ("Co."). */
function isBody(token: Token): boolean {
  return isBodyNoun(bareWord(token))
}

function runKey(words: readonly Token[]): string {
  return words.map(bare).join(' ')
}

/**
 * Every run of words that may belong to a name which the article prints by itself, with no "and" beside it: keyed as
 * runKey keys the words before an "and", which are at most MAX_CONJUNCT_WORDS (a longer run is never looked up).
 */
function namesStandingAlone(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>()
  for (let first = 0; first < tokens.length; first++) {
    if (!inName(tokens[first])) continue
    let last = first
    while (inName(tokens[last + 1])) last++
    if (tokens[first - 1]?.lower !== 'and' && tokens[last + 1]?.lower !== 'and')
      names.add(runKey(tokens.slice(first, last + 1)))
    first = last
  }
  return names
}

/**
 * A colon or a dash before a word: what follows is a clause of its own, whose first capital may be the writer's
 * style rather than a name ("the question: Will Jane Roe run?", "a photo – Opponents of Roe's plan protest").
 */
function opensClause(token: Token, next: Token | undefined): boolean {
  return CLAUSE_OPENERS.has(token.text) && next !== undefined && next.isWord
}

/** "Jane Roe Jr.": the word before the suffix is a capitalised word. (After a comma the suffix names nobody alone.) */
function followsName(tokens: readonly Token[], index: number): boolean {
  return isCapitalisedWord(tokens[index - 1])
}

/** Fewest of the writer's words a sentence needs before its capitals can be taken for title case. */
const MIN_TITLE_CASE_WORDS = 3
/** Word classes prose writes in lower case: capitalised inside a sentence, they mark a headline's title case. */
const LOWER_CASE_CLASSES: ReadonlySet<string> = new Set(['VERB', 'AUX', 'ADP', 'ADV', 'PART', 'PRON', 'SCONJ', 'CCONJ'])

/**
 * For each token, whether it stands in one of the writer's sentences (or lines) written in title case
 * ("Roe Slams Doe Over Budget Plan", "Story Continued Below"): every word capitalised but the short function
 * words a title leaves in lower case, and past its first word at least one capitalised word of a class prose
 * writes in lower case, a verb or a preposition. "Jane Roe met Mark Pell" is prose: "met" has no capital.
 */
function titleCaseSentences(tokens: readonly Token[], sentenceEnds: readonly boolean[]): boolean[] {
  const marks = new Array<boolean>(tokens.length).fill(false)
  let first = 0
  let words = 0
  let lowerCase = false
  let capitalisedFunction = false
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (token.isWord && token.segment < 0 && startsWithLetter(token.text)) {
      if (!token.capitalized && !TITLE_FUNCTION_WORDS.has(token.lower)) lowerCase = true
      if (token.capitalized && words > 0 && LOWER_CASE_CLASSES.has(token.pos)) capitalisedFunction = true
      words++
    }
    const next = tokens[index + 1]
    if (sentenceEnds[index] || next === undefined || next.paragraph !== token.paragraph) {
      if (!lowerCase && capitalisedFunction && words >= MIN_TITLE_CASE_WORDS) marks.fill(true, first, index + 1)
      first = index + 1
      words = 0
      lowerCase = false
      capitalisedFunction = false
    }
  }
  return marks
}

/** What `LETTER.test(word[0])` answers, ASCII without a regular expression: this runs on every word. */
function startsWithLetter(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return LETTER.test(word[0] as string)
}

/**
 * "Jane May", "April Roe": a month's name is part of a person's name right after a given name, or when it is
 * a given name itself and a capitalised word follows it ("in May", "May 5" stay dates).
 */
function monthInName(token: Token, previous: Token | undefined, next: Token | undefined): boolean {
  if (!MONTHS.has(bare(token))) return false
  const adjacent = (left: Token, right: Token) => left.isWord && right.isWord && right.start - left.end <= 1
  const afterGivenName =
    previous !== undefined &&
    adjacent(previous, token) &&
    previous.capitalized &&
    genderOfFirstName(previous.text) !== null
  const beforeSurname =
    next !== undefined &&
    adjacent(token, next) &&
    next.capitalized &&
    !NOT_NAMES.has(bare(next)) &&
    genderOfFirstName(token.text) !== null
  return afterGivenName || beforeSurname
}

function bare(token: Token): string {
  return withoutPossessive(token.lower)
}
