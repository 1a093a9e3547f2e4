import {
  COMPOUND_OFFICES,
  COUNTRY_ABBREVIATIONS,
  DEMONYMS,
  DETERMINERS,
  NOT_CURRENT,
  OFFICE_MODIFIERS,
  PLACES,
  POSSESSIVE_PRONOUNS,
  PREPOSITIONS,
  roleCovers,
} from './lexicon.js'
import { roleOf } from './entities.js'
import { withoutFinalStop, withoutPossessive } from './tokens.js'

/**
 * An office a title or a description names, as something another article can name too: "Mexican President"
 * and "Mexico's president" are the office `president` qualified by `mexico`. Only the qualified offices
 * say whose office it is: "the president" or "the spokesman" is a different person in every article, so
 * an office with no qualifier is never reported.
 */
export interface Office {
  /** the role, with the words that make it another office ("press secretary", "vice president") */
  role: string
  /**
   * Lower-cased, distinct and sorted: the places (a demonym or a short form as its country: "mexican" →
   * mexico) and the capitalised words of bodies and parties ("senate", "republican") the office is of.
   */
  qualifiers: string[]
}

interface Word {
  bare: string
  capitalised: boolean
  /** capitalised where a sentence's first word would not be: a name's word */
  proper: boolean
}

/**
 * The office that words naming someone (a title, an apposition, a description) say they hold now; null
 * when they name no role, only a past or future one ("the former president"), or no qualifier. A word
 * that opens a sentence is capitalised whatever it is, so it qualifies only when it is a place.
 */
export function officeOf(printed: readonly string[], opensSentence: boolean): Office | null {
  // "Vice-President", "ex-president": the parts of a hyphenated word are words of the description.
  const words: Word[] = printed.flatMap((word, index) =>
    word
      .split(/[-‐]/)
      .filter((part) => part.length > 0)
      .map((part) => {
        const capitalised = /^\p{Lu}/u.test(part)
        return {
          bare: withoutFinalStop(withoutPossessive(part.toLowerCase())),
          capitalised,
          proper: capitalised && !(opensSentence && index === 0),
        }
      }),
  )
  if (words.some((word) => NOT_CURRENT.has(word.bare))) return null
  let head = words.length - 1
  while (head >= 0 && !roleOf((words[head] as Word).bare)) head--
  if (head < 0) return null
  // The office is the role with what makes it another one: "prime minister", "deputy press secretary",
  // "secretary of state". What stands before or after it otherwise says whose it is.
  let role = roleOf((words[head] as Word).bare) as string
  let first = head
  let last = head
  const after = words.slice(head + 1, head + 3).map((word) => word.bare)
  if (after.length === 2 && COMPOUND_OFFICES.has(`${role} ${after.join(' ')}`)) {
    role = `${role} ${after.join(' ')}`
    last = head + 2
  }
  for (let before = words[first - 1]; before !== undefined; before = words[first - 1]) {
    if (COMPOUND_OFFICES.has(`${before.bare} ${role}`) || OFFICE_MODIFIERS.has(before.bare)) {
      role = `${before.bare} ${role}`
      first--
    } else break
  }
  const qualifiers = qualifiersOf([...words.slice(0, first), ...words.slice(last + 1)])
  return qualifiers.length > 0 ? { role, qualifiers } : null
}

/** The places and proper words among a description's other words; a place of several words is one. */
function qualifiersOf(words: readonly Word[]): string[] {
  const qualifiers = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    // "United States", "New York": the longest run of words naming a place.
    let place: string | null = null
    for (let n = Math.min(3, words.length - i); n >= 1 && place === null; n--) {
      const run = words
        .slice(i, i + n)
        .map((word) => word.bare)
        .join(' ')
      const country = DEMONYMS.get(run) ?? COUNTRY_ABBREVIATIONS.get(run)
      if (country || (PLACES.has(run) && words.slice(i, i + n).every((word) => word.capitalised))) {
        place = country ?? run
        i += n - 1
      }
    }
    if (place !== null) {
      qualifiers.add(place)
      continue
    }
    const word = words[i] as Word
    if (!word.proper || DETERMINERS.has(word.bare) || PREPOSITIONS.has(word.bare)) continue
    if (POSSESSIVE_PRONOUNS.has(word.bare) || NOT_CURRENT.has(word.bare)) continue
    qualifiers.add(word.bare)
  }
  return [...qualifiers].sort()
}

/**
 * Whether someone who holds `held` is someone `described` can mean: a role that covers theirs (a leader may
 * be a president), of everything the description qualifies it by ("the Mexican leader" is not every
 * leader of Mexico's named in a title that does not say Mexican). The stored lookup of holders asks the
 * same (src/services/office-holders.ts), and a test checks that the two agree.
 */
export function holdsOffice(held: Office, described: Office): boolean {
  return roleCovers(described.role, held.role) && described.qualifiers.every((word) => held.qualifiers.includes(word))
}

export function sameOffice(x: Office, y: Office): boolean {
  return (
    x.role === y.role &&
    x.qualifiers.length === y.qualifiers.length &&
    x.qualifiers.every((word, i) => word === y.qualifiers[i])
  )
}
