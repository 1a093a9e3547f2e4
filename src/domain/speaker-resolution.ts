/**
 * How a speaker name typed by a reader (to verify a quote, or to filter a list) is matched to the
 * speakers the record knows. Pure: the service looks the keys up and hands the candidates back here.
 *
 * The order, first that answers wins:
 * 1. the name's keys among the aliases (the name as given, without its title, without middle initials;
 *    a surname alone that several people go by, the one the record quotes far more: `prominentBearer`);
 * 2. its surname, when exactly one person goes by it and the given names do not contradict theirs;
 * 3. close spellings, which are suggestions unless one is clearly meant ({@link chooseBySpelling}).
 */
import {
  DEMONYMS,
  GENDERED_HONORIFICS,
  PARTY_MEMBERS,
  PLACES,
  ROLE_WORDS,
  TITLE_ABBREVIATIONS,
} from './extraction/lexicon.js'
import { formalNames, nameKey, nameVariants, sameGivenName } from './speaker-identity.js'

export type ResolvedBy = 'id' | 'slug' | 'alias' | 'surname' | 'spelling'

export interface SpeakerCandidate {
  id: string
  name: string
}

export type SpeakerResolution<S extends SpeakerCandidate = SpeakerCandidate> =
  { speaker: S; by: ResolvedBy } | { speaker: null; suggestions: S[] }

const POSSESSIVE = /['’]s$/
const bare = (word: string): string => word.toLowerCase().replace(POSSESSIVE, '').replace(/\.$/, '')

const isTitleWord = (word: string): boolean => {
  const w = bare(word)
  return ROLE_WORDS.has(w) || TITLE_ABBREVIATIONS.has(w) || PARTY_MEMBERS.has(w) || GENDERED_HONORIFICS.has(w)
}
const isPlaceWord = (word: string): boolean => DEMONYMS.has(bare(word)) || PLACES.has(bare(word))

/**
 * The name without the title or description before it, read as the extraction splits a mention:
 * everything up to the last title word is the title ("Mexican President Jane Roe" → "Jane Roe",
 * "Sen. Roe" → "Roe"); an office going on through "of" ("Secretary of State Jane Roe") leaves the last
 * two words. Leading places and demonyms go too ("Ruritania's Jane Roe"). A name that is all title
 * stays as it is.
 */
export function withoutTitle(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  let last = -1
  words.forEach((word, index) => {
    if (index < words.length - 1 && isTitleWord(word)) last = index
  })
  const connector = words[last + 1]?.toLowerCase()
  if (last >= 0 && (connector === 'of' || connector === 'for')) {
    const rest = words.length - last - 2
    last = rest >= 3 ? words.length - 3 : rest === 2 ? words.length - 2 : words.length - 1
  }
  let rest = words.slice(last + 1)
  while (rest.length > 1 && isPlaceWord(rest[0] as string)) rest = rest.slice(1)
  return rest.length > 0 ? rest.join(' ') : name.trim()
}

/**
 * The alias keys a typed name is looked up by, most literal first: as given, without title, without middle initials,
 * and with the formal given name for a short one.
 */
export function referenceKeys(reference: string): string[] {
  const stripped = withoutTitle(reference)
  const plain = nameVariants(stripped).plain
  const keys = [reference, stripped, plain, ...formalNames(plain)].map(nameKey).filter((key) => key !== '')
  return [...new Set(keys)]
}

/** The key of the surname of a typed name of more than one word (after its title); null for a single word. */
export function referenceSurname(reference: string): string | null {
  const { surname } = nameVariants(withoutTitle(reference))
  return surname === null ? null : nameKey(surname)
}

/**
 * Whether the given names of a typed name can be those of a known speaker with the same surname:
 * each typed given name is the speaker's, or an initial of it ("J. Roe" for "Jane Roe"). A speaker
 * known by one word only has no given names to contradict.
 */
export function givenNamesAgree(reference: string, name: string): boolean {
  const typed = nameKey(withoutTitle(reference)).split(' ').slice(0, -1)
  const known = nameKey(name).split(' ').slice(0, -1)
  if (known.length === 0) return true
  return typed.every((word, index) => {
    const own = known[index]
    if (own === undefined) return false
    const initial = word.replace(/\.$/, '')
    return sameGivenName(word, own) || (initial.length === 1 && own.startsWith(initial))
  })
}

/** Speakers in the order of their names, then of their ids: how equally good candidates are listed. */
export const bySpeakerName = (x: SpeakerCandidate, y: SpeakerCandidate): number =>
  x.name.localeCompare(y.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)

/** Edits (insertions, deletions, substitutions, swaps of neighbours) between two strings. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[]
      const above = rows[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      }
    }
  }
  return (rows[a.length] as number[])[b.length] as number
}

/**
 * Edits a typed name may be from a known one and still be taken for it: none for four letters or
 * fewer (too many short names are a letter apart), one up to eight, two beyond.
 */
export function editAllowance(key: string): number {
  const letters = key.replace(/[^\p{L}\p{N}]/gu, '').length
  return letters <= 4 ? 0 : letters <= 8 ? 1 : 2
}

/** How far two speakers must be apart for the nearer to be clearly the one meant. */
export const CLEAR_MARGIN = 2

export interface SpellingCandidate<S extends SpeakerCandidate = SpeakerCandidate> {
  speaker: S
  /** the keys of the aliases by which the candidate was found */
  aliasKeys: string[]
}

/**
 * Ranks the speakers found by a close spelling, nearest first (fewest edits between any key of the
 * typed name and any of their aliases; then by name), and picks one only when it is clearly meant:
 * within {@link editAllowance} of the typed key, and every other candidate at least
 * {@link CLEAR_MARGIN} edits further. Otherwise nobody is picked and the ranking is the suggestions.
 */
export function chooseBySpelling<S extends SpeakerCandidate>(
  keys: readonly string[],
  candidates: ReadonlyArray<SpellingCandidate<S>>,
): { chosen: S | null; ranked: S[] } {
  const scored = candidates.map((candidate) => {
    let best = { distance: Infinity, allowance: 0 }
    for (const key of keys) {
      for (const alias of candidate.aliasKeys) {
        const distance = editDistance(key, alias)
        if (distance - editAllowance(key) < best.distance - best.allowance) {
          best = { distance, allowance: editAllowance(key) }
        }
      }
    }
    return { speaker: candidate.speaker, ...best }
  })
  scored.sort((x, y) => x.distance - x.allowance - (y.distance - y.allowance) || bySpeakerName(x.speaker, y.speaker))
  const [first, second] = scored
  const clear =
    first !== undefined &&
    first.distance <= first.allowance &&
    (second === undefined || second.distance - second.allowance >= first.distance - first.allowance + CLEAR_MARGIN)
  return { chosen: clear ? first.speaker : null, ranked: scored.map((score) => score.speaker) }
}
