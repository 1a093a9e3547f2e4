/**
 * A seeded generator of news articles quoting a few speakers, with what a perfect pipeline would
 * find in them: the quotes (exact text, pieces, speaker named, what was really said) and the claims
 * they belong to. Tests use it to check that grouping does not depend on arrival order; the ingest
 * benchmark uses it to build a corpus of any size that the real extractor can read.
 *
 * Words are invented (three syllables, "kelomira") so that, by default, two different utterances never
 * share wording by accident: whatever joins two quotes is a variant this generator made on purpose.
 * Every quote is printed as `“…,” Name said.`, or in two pieces, `“…,” Name said. “….”`, which
 * the seed conventions read as one quote.
 *
 * By default speakers are quoted evenly, in long quotes. Real news is not so kind to a store, and four
 * options bring what it does instead: `speakerSkew` quotes a few people far more than the rest (Zipf's
 * law), `wordSkew` makes a few words common, `commonPhraseShare` puts stock phrases of everyday speech
 * ("we are going to") into many different utterances of many speakers, which stay different claims, and
 * `fragmentShare` prints a few words of an utterance inside the writer's sentence.
 */

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface SyntheticCorpusOptions {
  seed: number
  /** Speakers quoted, at least 2. Default 4. Past the eight built-in names, names are invented. */
  speakers?: number
  /** Outlets publishing, at least 1. Default 6. Past the six built-in names, names are invented. */
  outlets?: number
  /** Distinct things said, over all speakers. Default 20. */
  utterances?: number
  articles?: number
  /** Most quotes an article prints (at least one). Default 6. */
  maxQuotesPerArticle?: number
  /** Share of articles without a publication date. Default 0.15. */
  undatedShare?: number
  /**
   * Dated articles in publication order, a minute apart, as a live feed delivers them (the ingest
   * benchmark); otherwise at random within a month. Default false.
   */
  chronological?: boolean
  /**
   * How unevenly speakers are quoted: utterances go to the speaker of rank r with weight 1 / r^speakerSkew
   * (Zipf's law). Default 0: evenly, in turn. In the first 5,000 articles of the AllSides corpus, quotes a
   * speaker fit an exponent of 0.86 as the extractor names speakers (the most quoted holds 5.5% of the
   * quotes) and 0.91 as the store registers them (10.8%: `npm run bench:corpus` prints it); 0.86 over 400
   * speakers makes the most quoted hold about 10%.
   */
  speakerSkew?: number
  /**
   * Share of utterances that hold one of the stock phrases below, drawn by Zipf's law (exponent 1) so that a
   * few are everywhere. Default 0: no two utterances share a word run by accident.
   */
  commonPhraseShare?: number
  /**
   * Share of quotes printed as a fragment: two or three words of an utterance inside the writer's sentence
   * (`Name called it “…”.`). Default 0. A share of the quotes drawn: a bridge prints two quotes from one draw,
   * so slightly fewer of those printed. A fifth of the quotes the extractor attributes in the first 2,000
   * AllSides articles have fewer than four words; a store finds a fragment's claim by its words, which many
   * of a much quoted speaker's wordings hold. (One-word fragments, also common in the news, are left out: an
   * invented word recurs in a much quoted speaker's utterances, so the claim it belongs to is not known.)
   */
  fragmentShare?: number
  /**
   * How unevenly utterances use the invented words: the word of rank r with weight 1 / r^wordSkew. Default 0:
   * evenly, so that a word is held by a few utterances at most. In real quotes a few words are in hundreds
   * of a much quoted speaker's wordings (at 7,500 AllSides articles a two-word fragment of the most quoted
   * speaker was held by 900 of his full wordings: README, Claims, measured), and a store probing by a
   * speaker's words meets them. The expected claims are then no longer exact: a fragment or a short excerpt
   * may hold, in order, common words of another utterance of its speaker and join its claim. For measuring
   * speed.
   */
  wordSkew?: number
}

export interface SyntheticSpeaker {
  key: string
  name: string
}

export interface SyntheticUtterance {
  id: string
  speakerKey: string
  words: string[]
  /** Where the utterance's stock phrase stands in its words, [from, to) (words nobody owns); null without one. */
  stockPhrase: [number, number] | null
}

/**
 * How a quote reproduces what was said: the words as said, one word cut, a contiguous run,
 * more words around them, a run left out at an ellipsis, some words replaced, the words given to
 * another speaker, or a short run of one utterance followed by another whole one (a bridge: it
 * overlaps two claims and must join one without merging them; printed together with that run alone
 * as its own quote), or (only with `fragmentShare`) two or three of its words in the writer's sentence.
 */
export type SyntheticVariant =
  'verbatim' | 'cut' | 'excerpt' | 'extended' | 'elided' | 'replaced' | 'misattributed' | 'bridge' | 'fragment'

export interface SyntheticArticle {
  url: string
  outlet: string
  publishedAt: Date | null
  title: string
  text: string
}

export interface SyntheticQuote {
  id: string
  articleUrl: string
  /** Order of the quote in its article, from 0. */
  position: number
  /** Character offset of the quote's first piece in the article text (after the opening mark). */
  offset: number
  /** Exact characters between the marks; pieces joined by one space. */
  text: string
  /** The pieces of a quote printed in two; null for one piece. */
  pieces: string[] | null
  /** The speaker the article names. */
  speakerKey: string
  /** What was really said: the utterance reproduced, then (bridge) the one it borrows a run from. */
  utteranceIds: string[]
  variant: SyntheticVariant
  /** The expected claim: the speaker named and the main utterance. */
  claimKey: string
}

export interface SyntheticCorpus {
  speakers: SyntheticSpeaker[]
  utterances: SyntheticUtterance[]
  articles: SyntheticArticle[]
  quotes: SyntheticQuote[]
  /** Expected claims: quote ids by claim key, in quote order. */
  claims: Map<string, string[]>
}

const NAMES = [
  'Maria Okafor',
  'Daniel Brandt',
  'Lena Sato',
  'Tomas Ribeiro',
  'Aisha Karimi',
  'Pieter Vos',
  'Grace Mbeki',
  'Ivan Petrov',
]
const OUTLETS = ['Daily Ledger', 'Morning Wire', 'Coast Herald', 'Metro Times', 'Valley Post', 'Northern Star']
const FILLER = [
  'Officials met on Tuesday to discuss the plan.',
  'The talks are expected to continue next week.',
  'Critics have questioned the timing of the announcement.',
  'The ministry did not respond to a request for comment.',
  'Several proposals remain under review.',
]
/**
 * Turns of phrase many speakers use, most common first, written for this generator. In the quotes the
 * extractor finds in the first 5,000 AllSides articles, the commonest runs of four words ("we are going to",
 * "at the end of") are each held by 50 to 170 quotes of many speakers, so a store that looks candidates up
 * by word runs meets them constantly.
 */
export const STOCK_PHRASES = [
  'we are going to',
  'i do not think that',
  'at the end of the day',
  'the people of this country',
  'is going to be',
  'to make sure that',
  'when it comes to',
  'we have to be able to',
  'a lot of people',
  'for the first time',
  'at the same time',
  'i want to be clear',
  'this is not a',
  'in a way that',
  'one of the most',
  'we will continue to',
]
/** How a writer frames a fragment: `Name called it “…”.` */
const FRAGMENT_FRAMES = ['called it', 'described the plan as', 'said the talks were']
const CONSONANTS = 'bdfgklmnprstvz'
const VOWELS = 'aeiou'

const VARIANT_WEIGHTS: [SyntheticVariant, number][] = [
  ['verbatim', 30],
  ['cut', 12],
  ['excerpt', 15],
  ['extended', 10],
  ['elided', 10],
  ['replaced', 10],
  ['misattributed', 6],
  ['bridge', 7],
]

class Generator {
  private readonly random: () => number
  private readonly vocabulary: string[]

  constructor(seed: number) {
    this.random = createRandom(seed)
    const words = new Set<string>()
    while (words.size < VOCABULARY_SIZE) {
      let word = ''
      for (let syllable = 0; syllable < 3; syllable++) word += this.pick([...CONSONANTS]) + this.pick([...VOWELS])
      words.add(word)
    }
    this.vocabulary = [...words]
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.random() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T
  }

  /** Earlier items more often: a few utterances are quoted widely, most rarely, as in the news. */
  pickSkewed<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() ** 2 * items.length)] as T
  }

  /** Item of rank r (from 1) with weight 1 / r^exponent; `cumulative` from zipfWeights. */
  zipf<T>(items: readonly T[], cumulative: readonly number[]): T {
    const target = this.random() * (cumulative[cumulative.length - 1] as number)
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if ((cumulative[middle] as number) > target) high = middle
      else low = middle + 1
    }
    return items[low] as T
  }

  weighted<T>(choices: readonly [T, number][]): T {
    let left = this.random() * choices.reduce((sum, [, weight]) => sum + weight, 0)
    // The last choice takes whatever is left, rounding included.
    for (const [choice, weight] of choices.slice(0, -1)) {
      left -= weight
      if (left < 0) return choice
    }
    return (choices[choices.length - 1] as [T, number])[0]
  }

  words(count: number): string[] {
    return Array.from({ length: count }, () => this.pick(this.vocabulary))
  }

  /** Words drawn by Zipf's law over the vocabulary; `cumulative` from zipfWeights over its length. */
  skewedWords(count: number, cumulative: readonly number[]): string[] {
    return Array.from({ length: count }, () => this.zipf(this.vocabulary, cumulative))
  }
}

/** Words the generator invents: utterances draw from them. */
const VOCABULARY_SIZE = 3000

/** Running sums of 1 / r^exponent for ranks 1..count, for Generator.zipf. */
function zipfWeights(count: number, exponent: number): number[] {
  let sum = 0
  return Array.from({ length: count }, (_, rank) => (sum += 1 / (rank + 1) ** exponent))
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A reproduction of an utterance's words: the words printed, and where an ellipsis stands. */
interface Wording {
  /** Runs of words; an ellipsis is printed between two runs. */
  runs: string[][]
}

/**
 * Where a run of `length` words of an utterance may start so that at most `maxPhraseWords` of them belong to its
 * stock phrase. A run that is mostly a stock phrase is nobody's words in particular: it would share 60% of its
 * words with every utterance holding the phrase, so no grouping could say whose it is, and the generator
 * prints none. Some start always qualifies for the runs asked for here (test/domain/claims/synthetic-corpus.test.ts
 * tries every case): an utterance has at least ten words of its own around one phrase of four to six, so one
 * side holds five in a row (a bridge's run of three to five, or a fragment's two or three, with none of the
 * phrase), and an excerpt (at least 30% of the words) with under 60% from the phrase fits somewhere.
 */
export function runStarts(
  utterance: Pick<SyntheticUtterance, 'words' | 'stockPhrase'>,
  length: number,
  maxPhraseWords: number,
): number[] {
  const [from, to] = utterance.stockPhrase ?? [0, 0]
  const starts: number[] = []
  for (let start = 0; start + length <= utterance.words.length; start++) {
    if (Math.max(0, Math.min(to, start + length) - Math.max(from, start)) <= maxPhraseWords) starts.push(start)
  }
  return starts
}

/**
 * The most words an elided quote leaves out of an utterance of `words` words: at most 40% of them, and few
 * enough that what is left holds under 60% of words of its stock phrase (`phraseWords` long, 0 for none),
 * as an excerpt does (runStarts).
 */
export function longestElision(words: number, phraseWords: number): number {
  return Math.min(Math.floor(words * 0.4), Math.ceil(words - phraseWords / 0.6) - 1)
}

function variantWording(g: Generator, variant: SyntheticVariant, utterance: SyntheticUtterance): Wording {
  const words = utterance.words
  const n = words.length
  switch (variant) {
    case 'cut': {
      const at = g.int(1, n - 2)
      return { runs: [[...words.slice(0, at), ...words.slice(at + 1)]] }
    }
    case 'excerpt': {
      const length = g.int(Math.max(3, Math.ceil(n * 0.3)), n - 1)
      // Under 60% of an excerpt from a stock phrase: the share that would make it a rendering of another.
      const start = g.pick(runStarts(utterance, length, Math.ceil(length * 0.6) - 1))
      return { runs: [words.slice(start, start + length)] }
    }
    case 'fragment': {
      // Its own words, none of a stock phrase: "is going to" is anybody's.
      const length = g.int(2, 3)
      const start = g.pick(runStarts(utterance, length, 0))
      return { runs: [words.slice(start, start + length)] }
    }
    case 'extended': {
      const extra = g.words(g.int(2, 6))
      return { runs: [g.chance(0.5) ? [...extra, ...words] : [...words, ...extra]] }
    }
    case 'elided': {
      const phrase = utterance.stockPhrase === null ? 0 : utterance.stockPhrase[1] - utterance.stockPhrase[0]
      const length = g.int(1, longestElision(n, phrase))
      const start = g.int(2, n - 2 - length)
      return { runs: [words.slice(0, start), words.slice(start + length)] }
    }
    case 'replaced': {
      const replaced = [...words]
      for (let k = g.int(1, Math.floor(n * 0.25)); k > 0; k--) replaced[g.int(0, n - 1)] = g.words(1)[0] as string
      return { runs: [replaced] }
    }
    default:
      return { runs: [[...words]] }
  }
}

/** The printed quote: one piece, or two split between words when the wording is long enough. */
function printQuote(g: Generator, wording: Wording): string[] {
  const text = capitalize(wording.runs.map((run) => run.join(' ')).join(' … '))
  const words = text.split(' ')
  if (wording.runs.length === 1 && words.length >= 6 && g.chance(0.2)) {
    const at = g.int(2, words.length - 3)
    return [`${words.slice(0, at).join(' ')},`, `${capitalize(words.slice(at).join(' '))}.`]
  }
  return [`${text},`]
}

/** Generates a corpus; the same options give the same corpus. */
/** The built-in names, then invented ones ("Kelomi Ratosu") until there are `count`, all distinct. */
function namesFor(g: Generator, builtIn: readonly string[], count: number, invent: () => string): string[] {
  const names = new Set(builtIn.slice(0, count))
  while (names.size < count) names.add(invent())
  return [...names]
}

export function generateSyntheticCorpus(options: SyntheticCorpusOptions): SyntheticCorpus {
  const g = new Generator(options.seed)
  const speakerNames = namesFor(g, NAMES, Math.max(options.speakers ?? 4, 2), () =>
    g.words(2).map(capitalize).join(' '),
  )
  const speakers = speakerNames.map((name) => ({ key: name.toLowerCase().replace(' ', '-'), name }))
  const outlets = namesFor(
    g,
    OUTLETS,
    Math.max(options.outlets ?? OUTLETS.length, 1),
    () => `${capitalize(g.words(1)[0] as string)} Gazette`,
  )
  const names = new Map(speakers.map((speaker) => [speaker.key, speaker.name]))
  const speakerSkew = options.speakerSkew ?? 0
  const speakerWeights = speakerSkew > 0 ? zipfWeights(speakers.length, speakerSkew) : null
  const phraseShare = options.commonPhraseShare ?? 0
  const fragmentShare = options.fragmentShare ?? 0
  const wordSkew = options.wordSkew ?? 0
  const wordWeights = wordSkew > 0 ? zipfWeights(VOCABULARY_SIZE, wordSkew) : null
  const phraseWeights = zipfWeights(STOCK_PHRASES.length, 1)
  const utterances: SyntheticUtterance[] = Array.from({ length: options.utterances ?? 20 }, (_, k) => {
    const speaker = speakerWeights === null ? speakers[k % speakers.length] : g.zipf(speakers, speakerWeights)
    const length = g.int(10, 40)
    const words = wordWeights === null ? g.words(length) : g.skewedWords(length, wordWeights)
    let stockPhrase: [number, number] | null = null
    if (phraseShare > 0 && g.chance(phraseShare)) {
      const phrase = g.zipf(STOCK_PHRASES, phraseWeights).split(' ')
      const at = g.int(0, words.length)
      words.splice(at, 0, ...phrase)
      stockPhrase = [at, at + phrase.length]
    }
    return { id: `u${k}`, speakerKey: (speaker as SyntheticSpeaker).key, words, stockPhrase }
  })
  const utterancesBySpeaker = new Map<string, SyntheticUtterance[]>()
  for (const utterance of utterances) {
    utterancesBySpeaker.set(utterance.speakerKey, [...(utterancesBySpeaker.get(utterance.speakerKey) ?? []), utterance])
  }
  const articles: SyntheticArticle[] = []
  const quotes: SyntheticQuote[] = []
  const start = Date.UTC(2025, 10, 1)

  for (let a = 0; a < (options.articles ?? 50); a++) {
    const outlet = g.pick(outlets)
    const url = `https://${outlet.toLowerCase().replace(' ', '-')}.example/news/${a}-${g.words(1)[0] as string}`
    const minute = options.chronological ? a : g.int(0, 30 * 24 * 60)
    const publishedAt = g.chance(options.undatedShare ?? 0.15) ? null : new Date(start + minute * 60_000)
    const title = `${capitalize(g.words(1)[0] as string)} talks continue`
    let text = `${title}\n\n${g.pick(FILLER)}`
    let position = 0

    const print = (pieces: string[], speakerKey: string, utteranceIds: string[], variant: SyntheticVariant): void => {
      const name = names.get(speakerKey) as string
      let offset: number
      if (variant === 'fragment') {
        text += `\n\n${name} ${g.pick(FRAGMENT_FRAMES)} “`
        offset = text.length
        text += `${pieces[0] as string}”.`
      } else {
        text += '\n\n“'
        offset = text.length
        text += `${pieces[0] as string}” ${name} said.`
        if (pieces.length > 1) text += ` “${pieces[1] as string}”`
      }
      // Filler gets a paragraph of its own: next to a quote it could read as the quote's cue.
      if (g.chance(0.3)) text += `\n\n${g.pick(FILLER)}`
      quotes.push({
        id: `a${a}q${position}`,
        articleUrl: url,
        position: position++,
        offset,
        text: pieces.join(' '),
        pieces: pieces.length > 1 ? pieces : null,
        speakerKey,
        utteranceIds,
        variant,
        claimKey: `${speakerKey}/${utteranceIds[0] as string}`,
      })
    }

    for (let q = g.int(1, Math.max(1, options.maxQuotesPerArticle ?? 6)); q > 0; q--) {
      const utterance = g.pickSkewed(utterances)
      let variant = g.weighted(VARIANT_WEIGHTS)
      if (fragmentShare > 0 && g.chance(fragmentShare)) variant = 'fragment'
      const sameSpeaker = (utterancesBySpeaker.get(utterance.speakerKey) as SyntheticUtterance[]).filter(
        (other) => other !== utterance,
      )
      if (variant === 'bridge' && sameSpeaker.length === 0) variant = 'verbatim'
      if (variant === 'bridge') {
        // A short run of another utterance, printed on its own and then before this whole utterance.
        const borrowed = g.pick(sameSpeaker)
        const length = g.int(3, 5)
        // A run of its own words: a few words of a stock phrase would be anybody's.
        const from = g.pick(runStarts(borrowed, length, 0))
        const run = borrowed.words.slice(from, from + length)
        print(printQuote(g, { runs: [run] }), utterance.speakerKey, [borrowed.id], 'excerpt')
        print(
          printQuote(g, { runs: [[...run, ...utterance.words]] }),
          utterance.speakerKey,
          [utterance.id, borrowed.id],
          'bridge',
        )
      } else if (variant === 'fragment') {
        const fragment = variantWording(g, variant, utterance).runs[0] as string[]
        print([fragment.join(' ')], utterance.speakerKey, [utterance.id], variant)
      } else if (variant === 'misattributed') {
        const other = g.pick(speakers.filter((speaker) => speaker.key !== utterance.speakerKey))
        print(printQuote(g, variantWording(g, 'verbatim', utterance)), other.key, [utterance.id], variant)
      } else {
        print(printQuote(g, variantWording(g, variant, utterance)), utterance.speakerKey, [utterance.id], variant)
      }
    }
    articles.push({ url, outlet, publishedAt, title, text: `${text}\n` })
  }

  const claims = new Map<string, string[]>()
  for (const quote of quotes) claims.set(quote.claimKey, [...(claims.get(quote.claimKey) ?? []), quote.id])
  return { speakers, utterances, articles, quotes, claims }
}
