/**
 * Generic English word lists the attribution rules rely on. Nothing here names a person, outlet or
 * event: only speech verbs, pronouns, titles, role nouns and organisation nouns.
 */

/** A word list written as text: one or more words a line, separated by spaces. */
export function words(list: string): string[] {
  return list.trim().split(/\s+/)
}

const SPEECH_VERB_BASES = words(`
  accuse acknowledge add admit advise agree allege announce answer argue ask assert assure blast boast brag call
  caution charge chant characterize cite claim comment complain concede conclude condemn confirm contend continue
  counter criticize cry declare decry demand deny describe dismiss dub email emphasize emphasise encourage estimate
  exclaim explain highlight implore insist joke label lament liken maintain mention mock muse note observe plead
  pledge post praise predict proclaim promise quip quote rate recall recount reiterate remark remind repeat reply
  report respond retort rule scoff scream shout slam state stress suggest testify text thunder tout tweet underscore
  urge vow warn whisper wonder yell
`)

const IRREGULAR_SPEECH_FORMS = words(`
  say says said saying tell tells told telling write writes wrote written writing sing sings sang sung singing read
  reads reading speak speaks spoke speaking begin begins began beginning
`)

// Verbs that double their final consonant before -ed/-ing.
const DOUBLING = new Set(['admit', 'quip', 'dub'])

function inflect(base: string): string[] {
  const last = base.slice(-1)
  const consonantY = /[^aeiou]y$/.test(base)
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : consonantY ? `${base.slice(0, -1)}ies` : `${base}s`
  if (DOUBLING.has(base)) {
    return [base, third, `${base}${last}ed`, `${base}${last}ing`]
  }
  const past = last === 'e' ? `${base}d` : consonantY ? `${base.slice(0, -1)}ied` : `${base}ed`
  const gerund = last === 'e' && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`
  return [base, third, past, gerund]
}

export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...SPEECH_VERB_BASES.flatMap(inflect),
  ...IRREGULAR_SPEECH_FORMS,
])

/** Forms that hang a quote on the subject of another clause ("…, adding that …"). */
export function isParticiple(word: string): boolean {
  return word.endsWith('ing')
}

/** Speech verbs that, in the past tense, also read as a passive ("was called", "is described as"). */
export const NAMING_VERBS: ReadonlySet<string> = new Set(
  ['call', 'describe', 'label', 'dub', 'characterize', 'liken', 'rate', 'quote'].flatMap(inflect),
)

export const SUBJECT_PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'n' | 'p'> = new Map([
  ['he', 'm'],
  ['she', 'f'],
  ['it', 'n'],
  ['they', 'p'],
  ['we', 'p'],
  ['i', 'p'],
])

export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'n' | 'p'> = new Map([
  ['his', 'm'],
  ['her', 'f'],
  ['its', 'n'],
  ['their', 'p'],
])

export const GENDERED_PRONOUNS: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['he', 'm'],
  ['him', 'm'],
  ['his', 'm'],
  ['himself', 'm'],
  ['she', 'f'],
  ['her', 'f'],
  ['hers', 'f'],
  ['herself', 'f'],
])

export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'which'])

/** Honorifics that tell the gender of the name they precede. */
export const GENDERED_HONORIFICS: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['mr', 'm'],
  ['mrs', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['sir', 'm'],
  ['madam', 'f'],
])

/** Words that make up a person's title or role ("Deputy Press Secretary", "campaign spokesman"). */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  words(`
    adviser advisor aide ambassador analyst anchor announcer attorney author ceo chair chairman chairwoman
    chancellor chief columnist commander commissioner congressman congresswoman correspondent councilman
    councilwoman critic dean delegate deputy director dr economist editor executive founder gen general gov governor
    historian host judge justice lawmaker lawyer leader legislator lt manager mayor member minister mr mrs ms
    narrator nominee officer official pollster president president-elect press prime professor prosecutor rep
    representative reporter rev secretary sen senator sheriff speaker spokesman spokesperson spokeswoman strategist
    superintendent treasurer candidate businessman businesswoman chairperson coach captain activist scholar expert
    researcher professor doctor physician vice attorney-general commentator writer questioner moderator voter
    resident supporter founder owner operative insider source witness mother father mom dad wife husband son
    daughter friend colleague partner employee worker student teacher nurse officer
  `),
)

/** Abbreviated titles written with a full stop ("Gov. Mike Pence"). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  words(`
    mr mrs ms dr gov sen rep gen lt col sgt capt rev st jr sr prof u.s u.n d.c inc corp co no vs jan feb aug sept
    sep oct nov dec a.m p.m u.k e.u mt ft ave calif fla ill mass pa va wis ga n.y n.c s.c n.j ariz colo conn ky la
    md mich minn miss mo nev okla ore tenn tex wash
  `),
)

/** Nouns that make a capitalised run or a "the …" phrase an organisation. */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(
  words(`
    administration agency alliance army association bank board bureau cabinet camp campaign caucus center centre
    coalition college commission committee company congress corp corporation council court department embassy
    federation foundation fund government group house inc institute institution league ministry network news
    newspaper office organisation organization pac panel party pentagon police post press senate service society
    team times tribune union university journal magazine paper outlet site website station channel kremlin military
    navy parliament politifact firm lab laboratory industry regime ministry authority
  `),
)

/** Written things that speak for whoever issued them ("the report concluded", "the statement said"). */
export const DOCUMENT_WORDS: ReadonlySet<string> = new Set(
  words(`
    statement report study letter memo ad advertisement video article piece clip editorial release filing complaint
    lawsuit ruling document tweet message email transcript column analysis poll survey book indictment memoir review
    order opinion brief affidavit notice post posting commercial spot petition resolution
  `),
)

/** Nouns for what someone said ("her emphatic rejection — “No, President Trump”"). */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set(
  words(`
    words remarks message response reply rejection statement comment comments answer warning promise slogan motto
    retort plea vow pledge claim demand refusal question declaration rallying cry tweet post
  `),
)

/** Words that join the parts of one capitalised name ("Commission on Presidential Debates", "Bank of America"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(
  words(`
    of on for de la del van von bin al
  `),
)

export const DETERMINERS: ReadonlySet<string> = new Set(
  words(`
    the a an this that another one his her its their our my
  `),
)

/** Capitalised words that start sentences or name days and months, never a speaker. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  words(`
    the a an and but or if in on at as of for to by with from this that these those it its he she they we i you his
    her their our my your there here when while after before since then so yet still also even just now what who why
    how where which monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb aug sept oct nov dec but however meanwhile later earlier
    yesterday today tomorrow asked according speaking despite although though because during under over about not no
    yes all some many most both each every other another one two three last next first
  `),
)
