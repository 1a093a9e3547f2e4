/**
 * The lexical data the attribution rules read, loaded from the labelled files in ./lexicon/ (each says what
 * it holds and why). Nothing here or there names a person, outlet or event: only speech verbs, pronouns,
 * titles, roles, organisation and document nouns, places and function words.
 */
import abbreviations from './lexicon/abbreviations.json' with { type: 'json' }
import documentNouns from './lexicon/document-nouns.json' with { type: 'json' }
import functionWords from './lexicon/function-words.json' with { type: 'json' }
import honorifics from './lexicon/honorifics.json' with { type: 'json' }
import organisationNouns from './lexicon/organisation-nouns.json' with { type: 'json' }
import pageFurniture from './lexicon/page-furniture.json' with { type: 'json' }
import people from './lexicon/people-nouns.json' with { type: 'json' }
import places from './lexicon/places.json' with { type: 'json' }
import surnameParticles from '../surname-particles.json' with { type: 'json' }
import pronouns from './lexicon/pronouns.json' with { type: 'json' }
import roles from './lexicon/roles.json' with { type: 'json' }
import speechNouns from './lexicon/speech-nouns.json' with { type: 'json' }
import speechVerbs from './lexicon/speech-verbs.json' with { type: 'json' }
import { withoutFinalStop } from './tokens.js'

export type Gender = 'm' | 'f'
export type Agreement = 'm' | 'f' | 'n' | 'p'

const set = (list: readonly string[]): ReadonlySet<string> => new Set(list)
const map = <V extends string>(record: Record<string, string>): ReadonlyMap<string, V> =>
  new Map(Object.entries(record) as [string, V][])

const DOUBLING = set(speechVerbs.doubling)

/** The base form and its third person, past and -ing forms ("admit": admits, admitted, admitting). */
function inflect(base: string): string[] {
  const last = base.slice(-1)
  const consonantY = /[^aeiou]y$/.test(base)
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : consonantY ? `${base.slice(0, -1)}ies` : `${base}s`
  if (DOUBLING.has(base)) return [base, third, `${base}${last}ed`, `${base}${last}ing`]
  const past = last === 'e' ? `${base}d` : consonantY ? `${base.slice(0, -1)}ied` : `${base}ed`
  const gerund = last === 'e' && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`
  return [base, third, past, gerund]
}

export const SPEECH_VERBS: ReadonlySet<string> = set([
  ...speechVerbs.regular.flatMap(inflect),
  ...speechVerbs.irregular,
])

/**
 * The base forms of the speech verbs ("say", "post", "text"): the regular ones, and the irregular forms that have a
 * third person or an -ing form in the list.
 */
export const SPEECH_VERB_BASES: ReadonlySet<string> = set([
  ...speechVerbs.regular,
  ...speechVerbs.irregular.filter(
    (form) => speechVerbs.irregular.includes(`${form}s`) || speechVerbs.irregular.includes(`${form}ing`),
  ),
])

/** Speech verbs that, in the past tense, also read as a passive ("was called", "is described as"). */
export const NAMING_VERBS: ReadonlySet<string> = set(speechVerbs.naming.flatMap(inflect))

/**
 * "shot" → "back", "went" → "on": the verb forms that report speech with a particle after them, and that particle. The
 * -ing forms are left out ("what is going on" reports nothing).
 */
export const PHRASAL_SPEECH_VERBS: ReadonlyMap<string, string> = new Map(
  Object.entries(speechVerbs.phrasal).flatMap(([particle, { regular, irregular }]) =>
    [...regular.flatMap(inflect), ...irregular]
      .filter((form) => !isParticiple(form))
      .map((form): [string, string] => [form, particle]),
  ),
)

/** Forms that hang a quote on the subject of another clause ("…, adding that …"). */
export function isParticiple(word: string): boolean {
  return word.endsWith('ing')
}

export const SUBJECT_PRONOUNS: ReadonlyMap<string, Agreement> = map(pronouns.subject)
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, Agreement> = map(pronouns.possessive)
export const GENDERED_PRONOUNS: ReadonlyMap<string, Gender> = map(pronouns.gendered)
export const RELATIVE_PRONOUNS: ReadonlySet<string> = set(pronouns.relative)

export const GENDERED_HONORIFICS: ReadonlyMap<string, Gender> = map(honorifics.honorifics)

/** Words that make up a person's title or role ("Deputy Press Secretary", "campaign spokesman"). */
export const ROLE_WORDS: ReadonlySet<string> = set(roles.nouns)
/** Roles that carry a gender ("congresswoman", "spokesman"). */
export const ROLE_GENDER: ReadonlyMap<string, Gender> = map(roles.gendered)
/** Abbreviated titles and the role each stands for ("sen" → senator). */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = map(roles.abbreviations)
/** Nouns for a relation by family or marriage ("his daughter, Jane Roe"). */
export const RELATIVE_NOUNS: ReadonlySet<string> = set(roles.relatives)
/** Nouns for a party's members ("the Ohio Republican"). */
export const PARTY_MEMBERS: ReadonlySet<string> = set(roles.partyMembers)
/** General nouns for people that the role words do not hold: "the crowd", "a caller", "a rival". */
export const PEOPLE_NOUNS: ReadonlySet<string> = set(people.nouns)
/** A party's initial in a lawmaker's label ("r" of "R-Ohio"), and the noun for its member ("republican"). */
export const PARTY_INITIALS: ReadonlyMap<string, string> = map(roles.partyInitials)

const sameOffice = new Map<string, readonly string[]>()
for (const group of roles.sameOffice) for (const role of group) sameOffice.set(role, group)
const broader = new Map<string, ReadonlySet<string>>(
  Object.entries(roles.broader).map(([role, covered]) => [role, set(covered)]),
)

/**
 * Whether a described role ("the leader", "the attorney") can refer to someone who holds `held` ("President",
 * "lawyer"): the same word, a word for the same office, or a broader role that covers it.
 */
export function roleCovers(described: string, held: string): boolean {
  if (described === held) return true
  if (sameOffice.get(described)?.includes(held)) return true
  return broader.get(described)?.has(held) === true
}

/**
 * Offices one person holds at a time, by which a writer refers again to someone already named ("the governor", "the
 * president", "the nominee"): the roles the broader "politician" and "leader" cover, and those words themselves. Not
 * the roles of unnamed sources ("the aide", "the official"), who are someone new each time.
 */
const OFFICES_OF_ONE: ReadonlySet<string> = new Set(
  ['politician', 'leader'].flatMap((role) => [role, ...(broader.get(role) ?? [])]),
)

export function isOfficeOfOne(role: string): boolean {
  return OFFICES_OF_ONE.has(role)
}

/** A role anyone may hold beside another office, as running for one: "candidate", "nominee". */
export function isCandidacy(role: string): boolean {
  return sameOffice.get(role)?.includes('candidate') === true
}

/** Every role `roleCovers(described, …)` accepts: what a stored lookup of the holders of a described role asks for. */
export function rolesCoveredBy(described: string): string[] {
  return [...new Set([described, ...(sameOffice.get(described) ?? []), ...(broader.get(described) ?? [])])].sort()
}

/** Every described role that covers `held`: the descriptions a new holder of `held` may be the one meant by. */
export function rolesCovering(held: string): string[] {
  const covering = new Set([held, ...(sameOffice.get(held) ?? [])])
  for (const [described, covered] of broader) if (covered.has(held)) covering.add(described)
  return [...covering].sort()
}

/** Offices of more than one word that the role lists name ("prime minister", "press secretary"). */
export const COMPOUND_OFFICES: ReadonlySet<string> = set(
  [...roles.sameOffice.flat(), ...Object.keys(roles.broader), ...Object.values(roles.broader).flat()].filter((role) =>
    role.includes(' '),
  ),
)
/** Words that make a description a past or future office ("the former president"): not one the person holds. */
export const NOT_CURRENT: ReadonlySet<string> = set(roles.notCurrent)
/** Words that, before a role, name another office ("vice president", "deputy secretary"). */
export const OFFICE_MODIFIERS: ReadonlySet<string> = set(roles.officeModifiers)
/** Words a hyphen joins after a title for an office not yet taken ("Sen.-elect", "Secretary-designate"). */
export const TITLE_SUFFIXES: ReadonlySet<string> = set(roles.titleSuffixes)

/**
 * The U.S. states by their short forms, lower-cased without a final full stop ("calif" and "ca" → "california",
 * "n.y" and "ny" → "new york").
 */
export const STATES_BY_ABBREVIATION: ReadonlyMap<string, string> = new Map(
  Object.entries(places.usStates as Record<string, string[]>).flatMap(([state, forms]) =>
    forms.map((form) => [withoutFinalStop(form).toLowerCase(), state.toLowerCase()] as [string, string]),
  ),
)

/** The U.S. states' abbreviations written with a full stop, lower-cased without it ("calif", "n.y"). */
export const STATE_ABBREVIATIONS: ReadonlySet<string> = set(
  Object.values(places.usStates as Record<string, string[]>)
    .flat()
    .filter((form) => form.endsWith('.'))
    .map((form) => withoutFinalStop(form).toLowerCase()),
)

/**
 * Abbreviated words written with a full stop, lower-cased without it ("u.s", "calif"). The titles' abbreviations
 * (TITLE_ABBREVIATIONS) are read beside them by sentences.ts, where they are written as titles, with a capital.
 */
export const ABBREVIATIONS: ReadonlySet<string> = set([...abbreviations.words, ...STATE_ABBREVIATIONS])

/** Nouns that make a capitalised run or a "the …" phrase an organisation. */
export const ORGANISATION_WORDS: ReadonlySet<string> = set(organisationNouns.nouns)

/** The organisation nouns naming a publication's kind, whose capitalised noun alone is a publication's short name ("the Times"). */
export const PUBLICATION_WORDS: ReadonlySet<string> = set(organisationNouns.publications)

/** Written things that speak for whoever issued them ("the report concluded", "the statement said"). */
export const DOCUMENT_WORDS: ReadonlySet<string> = set(documentNouns.nouns)

/** Nouns for what someone said ("her emphatic rejection — “No, President Trump”"). */
export const SPEECH_NOUNS: ReadonlySet<string> = set(speechNouns.nouns)

/** Lower-cased names of countries, regions and U.S. states, and their abbreviations ("calif."). */
export const PLACES: ReadonlySet<string> = set(
  [...Object.keys(places.countries), ...Object.keys(places.usStates), ...Object.values(places.usStates).flat()].map(
    (name) => name.toLowerCase(),
  ),
)

/** Short forms of a country's name, lower-cased without a final full stop ("u.s"), and the country. */
export const COUNTRY_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries(places.countryAbbreviations as Record<string, string[]>).flatMap(([country, short]) =>
    short.map((form) => [form.toLowerCase().replace(/\.$/, ''), country.toLowerCase()] as [string, string]),
  ),
)

/** Lower-cased adjectives for a place's people ("mexican", "british"), and the place. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries(places.countries as Record<string, string[]>).flatMap(([country, demonyms]) =>
    demonyms.map((demonym) => [demonym.toLowerCase(), country.toLowerCase()] as [string, string]),
  ),
)

/** Words that join the parts of one name: "of" as in "Bank of America", and every surname particle ("van der"). */
export const NAME_CONNECTORS: ReadonlySet<string> = set([
  ...functionWords.nameConnectors,
  ...surnameParticles.particles,
])
export const DETERMINERS: ReadonlySet<string> = set(functionWords.determiners)
/** Capitalised words that start sentences or name days and months, never a speaker. */
export const NOT_NAMES: ReadonlySet<string> = set(functionWords.notNames)
/** Nouns of a page's captions and galleries printed into the text ("Caption", "Photos Jane Roe"). */
export const PAGE_FURNITURE_NOUNS: ReadonlySet<string> = set(pageFurniture.nouns)
/** Those nouns and the words of the buttons beside them ("Hide Caption", "Replay More Videos"). */
export const PAGE_FURNITURE: ReadonlySet<string> = set([...pageFurniture.nouns, ...pageFurniture.controls])
/** Months: in NOT_NAMES, but also given names and surnames ("April Roe", "Jane May"). */
export const MONTHS: ReadonlySet<string> = set(functionWords.months)
export const PREPOSITIONS: ReadonlySet<string> = set(functionWords.prepositions)
/** A name after one of these is a place or a listener, not a speaker ("in Mexico", "told Reuters"). */
export const PREPOSITIONS_BEFORE_NAMES: ReadonlySet<string> = set(functionWords.prepositionsBeforeNames)
/** Words that carry the writer's clause on past a quote. */
export const CLAUSE_CONTINUERS: ReadonlySet<string> = set(functionWords.clauseContinuers)
/** Words that may sit between a subject and its speech verb ("Trump had additionally explained"). */
export const AUXILIARIES: ReadonlySet<string> = set(functionWords.auxiliaries)
export const CONJUNCTIONS: ReadonlySet<string> = set(functionWords.conjunctions)
/** Conjunctions that, followed by "that", open a second reported clause. */
export const COORDINATORS: ReadonlySet<string> = set(functionWords.coordinators)
/** Lower-case words a title may hold ("Women in Power", "Commander-in-Chief Forum"). */
export const TITLE_FUNCTION_WORDS: ReadonlySet<string> = set(functionWords.titleFunctionWords)
/** Words that announce the name of a work (`a spot titled “Arrogant,”`). */
export const TITLE_INTRODUCERS: ReadonlySet<string> = set(functionWords.titleIntroducers)
/** Speech verbs whose object is the one spoken to ("told reporters"). */
export const LISTENER_VERBS: ReadonlySet<string> = set(functionWords.listenerVerbs)
/** Nouns that introduce quoted words as words, not as somebody's speech ("the term “…”", "so-called"). */
export const TERM_NOUNS: ReadonlySet<string> = set(functionWords.termNouns)
/** Verbs that give something an official name: what they quote is a designation, not speech. */
export const DESIGNATION_VERBS: ReadonlySet<string> = set(functionWords.designationVerbs)
/** Pronouns that stand for an unnamed speaker ("…,” tweeted another). */
export const INDEFINITE_PRONOUNS: ReadonlySet<string> = set(functionWords.indefinitePronouns)
/** Open a relative clause, which ends the noun phrase before it: "a former official who ran the office". */
export const RELATIVE_OPENERS: ReadonlySet<string> = set(functionWords.relativeOpeners)
/** Nouns for a time or a share: a phrase they head is never a speaker ("a few months", "21 percent"). */
export const TIME_NOUNS: ReadonlySet<string> = set(functionWords.timeNouns)
/** Words that open an absolute phrase: the noun phrase after one is the subject of the -ing form that follows it. */
export const ABSOLUTE_OPENERS: ReadonlySet<string> = set(functionWords.absoluteOpeners)
/** Words that open a clause set before the main clause and closed by a comma ("When the mayor spoke, …"). */
export const SUBORDINATORS: ReadonlySet<string> = set(functionWords.subordinators)
/** Open a clause that is the object of a verb or a noun ("found that …", "asked whether …"). */
export const COMPLEMENTIZERS: ReadonlySet<string> = set(functionWords.complementizers)
/** Head a group of people that the words after them pick out ("those surveyed", "those who attended"). */
export const GROUP_DEMONSTRATIVES: ReadonlySet<string> = set(functionWords.groupDemonstratives)
/** Forms of "be" and "get" before a passive verb: "are told", "got told". */
export const PASSIVE_HELPERS: ReadonlySet<string> = set(functionWords.passiveHelpers)
/** Name who a document or words come from ("a statement from …", "remarks by …"). */
export const SOURCE_PREPOSITIONS: ReadonlySet<string> = set(functionWords.sourcePrepositions)
/** Open a noun phrase of one thing ("a", "one", "each"): a verb's base form cannot agree with it. */
export const SINGULAR_DETERMINERS: ReadonlySet<string> = set(functionWords.singularDeterminers)
/** Open a description of someone not yet known ("a spokesman", "an aide"). */
export const INDEFINITE_ARTICLES: ReadonlySet<string> = set(functionWords.indefiniteArticles)
