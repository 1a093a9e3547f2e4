/**
 * How a speaker named in one article is recognised in another: by comparison keys of the names and
 * aliases articles use for them. Pure; the service stores the keys and looks them up.
 */
import shortGivenNames from './short-given-names.json' with { type: 'json' }
import surnameParticles from './surname-particles.json' with { type: 'json' }

const FORMAL_GIVEN_NAMES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(shortGivenNames.shortForms))
const SURNAME_PARTICLES: ReadonlySet<string> = new Set(surnameParticles.particles)

/** Lowercase, without accents, curly apostrophes or a leading article, spaces collapsed. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' .-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|a|an) /, '')
}

/** A URL-safe identifier made from a name: "Claudia Sheinbaum" → "claudia-sheinbaum". */
export function slugify(name: string): string {
  return nameKey(name)
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Whether a name identifies someone across articles. "Claudia Sheinbaum", "the White House" and
 * "Trump administration" do; "the spokesman" or "a senator" are roles that mean a different person
 * in every article, so quotes attributed to them keep their mention but join no shared speaker.
 */
export function isProperName(name: string): boolean {
  return name
    .trim()
    .replace(/^(the|a|an)\s+/i, '')
    .split(/\s+/)
    .some((word) => /^\p{Lu}/u.test(word))
}

export interface SpeakerMention {
  /** the canonical name the article gives */
  name: string
  title: string | null
  kind: 'person' | 'organisation'
  /** the words of the mention next to the cue, when it is a name */
  mentionText: string | null
}

/** Generational suffixes: part of a name, never its surname ("Jane Roe Jr."). */
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i

/** "Jr.", "III": a generational suffix, which follows a surname and never is one. */
export function isGenerationalSuffix(word: string): boolean {
  return SUFFIX.test(word)
}

/** A middle initial ("J.", "J"): writers keep or drop it. */
const INITIAL = /^\p{L}\.?$/u
/** Initials opening a name ("J.", "C.A."): someone known by the given name after them is printed with or without. */
const LEADING_INITIALS = /^(?:\p{Lu}\.){1,3}$/u

/**
 * A person's name as writers vary it: without middle initials ("Harold T. Penwick" is "Harold Penwick") or the
 * initials before a given name and a surname ("J. Harold Penwick", who goes by Harold Penwick), and the
 * surname a later mention uses alone ("Penwick"; "Van Hollen", particles and all, for "Chris Van Hollen"; "Roe
 * Jr." for a name with a generational suffix, whose bare surname is more often the parent's).
 */
export function nameVariants(name: string): { plain: string; surname: string | null } {
  const words = name.trim().split(/\s+/)
  const suffix = words.length > 2 && SUFFIX.test(words[words.length - 1] as string) ? words.pop() : undefined
  // Only before a given name: "J. R. Roe" keeps its first initial.
  const leading =
    words.length > 2 && LEADING_INITIALS.test(words[0] as string) && !INITIAL.test(words[1] as string) ? 1 : 0
  const plain = words.filter(
    (word, index) => index === leading || index === words.length - 1 || (index > leading && !INITIAL.test(word)),
  )
  // The surname starts at its particles, after the given name. A name opening with a particle in lowercase
  // is a surname alone ("de Vries"); capitalised, the first word may be a given name ("Van", "Al").
  let first = words.length - 1
  while (first > 1 && SURNAME_PARTICLES.has((words[first - 1] as string).toLowerCase())) first--
  const surnameAlone = first === 1 && SURNAME_PARTICLES.has(words[0] as string)
  const surname = words.slice(first).join(' ')
  return {
    plain: [...plain, ...(suffix ? [suffix] : [])].join(' '),
    surname: words.length > 1 && !surnameAlone ? (suffix ? `${surname} ${suffix}` : surname) : null,
  }
}

/**
 * Whether a person's name as printed is a surname standing alone ("Roe", "de Vries"; not "Van Roe", whose
 * capitalised "Van" may be a given name): the names a surname's prominent bearer may be given for
 * (`prominentBearer`). Read on the printed name, since particles are told from given names by their case.
 */
export function isSurnameAlone(name: string): boolean {
  return nameVariants(name).surname === null
}

/** A surname's particle as printed inside a sentence: lowercase ("de", "van"), never a given name there. */
export function isSurnameParticle(word: string): boolean {
  return SURNAME_PARTICLES.has(word)
}

/**
 * The keys of the surnames a person's name may carry, for forms of one name to meet on: its surname ("Jane
 * Roe", "Roe"), and the whole name when it opens with a capitalised particle, which may be a given name or
 * the start of a surname alone ("Van Roe" is "Van" Roe, or the "Van Roe" of "Jane Van Roe").
 */
export function surnameKeys(name: string): string[] {
  const { surname } = nameVariants(name)
  const words = name.trim().split(/\s+/)
  const openedByParticle = words.length > 1 && SURNAME_PARTICLES.has((words[0] as string).toLowerCase())
  return [...new Set([nameKey(surname ?? name), ...(openedByParticle ? [nameKey(name)] : [])])]
}

/**
 * The same person's name with the formal given name for a short one ("Mike Roe" → "Michael Roe"; "Steve Roe" →
 * "Steven Roe" and "Stephen Roe"): writers use both, and each must find the speaker the other made. Empty for a
 * name of one word or a given name that is not a known short form (short-given-names.json).
 */
export function formalNames(name: string): string[] {
  const words = name.trim().split(/\s+/)
  const formal = words.length > 1 ? FORMAL_GIVEN_NAMES.get((words[0] as string).toLowerCase()) : undefined
  if (formal === undefined) return []
  return formal.map((given) => [given.charAt(0).toUpperCase() + given.slice(1), ...words.slice(1)].join(' '))
}

/** Whether two given names are the same, one perhaps the other's short form ("Mike" and "Michael"). */
export function sameGivenName(a: string, b: string): boolean {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return (
    x === y || (FORMAL_GIVEN_NAMES.get(x)?.includes(y) ?? false) || (FORMAL_GIVEN_NAMES.get(y)?.includes(x) ?? false)
  )
}

/**
 * The names this mention teaches us the speaker goes by: the canonical name and its plain form (no middle
 * initials), the title with the name ("Mexican President Claudia Sheinbaum"), a person's surname, and a named
 * mention as written (but not a given name alone).
 */
export function aliasesOf(mention: SpeakerMention): string[] {
  const aliases = [mention.name]
  if (mention.title) aliases.push(`${mention.title} ${mention.name}`)
  if (mention.kind === 'person') {
    const { plain, surname } = nameVariants(mention.name)
    aliases.push(plain, ...formalNames(plain))
    if (surname) aliases.push(surname)
  }
  // "Roe’s lawyer": the name as written, without the possessive.
  const written = mention.mentionText?.trim().replace(/['’]s?$/u, '')
  if (written && isProperName(written) && !isGivenNameAlone(written, mention)) aliases.push(written)
  return distinctByKey(aliases)
}

/**
 * "Jane" for Jane Roe: a person's one-word mention that is the first word of their name (and not its surname) is the
 * given name the article used once it had named her. It stands for her in that article only; learnt as an alias, it
 * would take the next article's other Jane to her. (A name written family name first loses the alias of its first
 * word the same way: telling those apart needs a list of such names.)
 */
function isGivenNameAlone(written: string, mention: SpeakerMention): boolean {
  const names = mention.name.trim().split(/\s+/)
  if (mention.kind !== 'person' || /\s/.test(written) || names.length < 2) return false
  const { surname } = nameVariants(mention.name)
  const key = nameKey(written)
  return key === nameKey(names[0] as string) && key !== nameKey(surname ?? '')
}

/**
 * The keys a mention is looked up by in the registry: its name, and for a person the name's plain form and that
 * form with the formal given name for a short one.
 */
export function lookupKeys(mention: Pick<SpeakerMention, 'name' | 'kind'>): string[] {
  const plain = nameVariants(mention.name).plain
  const names = mention.kind === 'person' ? [mention.name, plain, ...formalNames(plain)] : [mention.name]
  return distinctByKey(names).map(nameKey)
}

function distinctByKey(names: readonly string[]): string[] {
  const seen = new Set<string>()
  return names.filter((name) => {
    const key = nameKey(name)
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A person who goes by a surname, and how many quotes articles attribute to them by name (none inferred). */
export interface SurnameBearer {
  id: string
  quotes: number
}

/**
 * How much a surname's best-known bearer must outweigh the others for the surname alone to mean them:
 * five quotes in six of all the bearers' (the others together at most a fifth of the leader's), and at
 * least ten quotes, so that a record just started guesses nothing.
 */
export const SURNAME_PROMINENCE = { leaderOverOthers: 5, leaderQuotes: 10 } as const

/**
 * The person a surname printed alone stands for when several people known to the record go by it: the
 * one articles quote by name far more than all the others together ("Roe" in an article that never gives a
 * given name is the Jane Roe quoted hundreds of times, not her son quoted twice), or nobody when no
 * one stands out that far. What news writers rely on when they drop the given name; without it, every
 * surname a relative or a misread name shares became a speaker of its own and split the person's quotes.
 * Ties and near-ties pick nobody. The surname's own speaker (a quote of "Roe" nobody could place) is
 * not a bearer: it is who the quote goes to when nobody is picked.
 */
export function prominentBearer(bearers: readonly SurnameBearer[]): string | null {
  if (bearers.length === 0) return null
  const sorted = [...bearers].sort((x, y) => y.quotes - x.quotes || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
  const leader = sorted[0]!
  const others = sorted.slice(1).reduce((sum, bearer) => sum + bearer.quotes, 0)
  return leader.quotes >= SURNAME_PROMINENCE.leaderQuotes &&
    leader.quotes >= SURNAME_PROMINENCE.leaderOverOthers * others
    ? leader.id
    : null
}
