import t from 'tap'
import { clusterRenderings, createRandom, generateSyntheticCorpus } from '../../../src/domain/claims/index.js'
import { longestElision, runStarts, STOCK_PHRASES } from '../../../src/domain/claims/synthetic-corpus.js'
import { extractQuotes } from '../../../src/domain/extraction/index.js'
import { normalizeWording } from '../../../src/domain/wording/index.js'
import { corpusRenderings } from './fixtures/corpora.js'

t.test('the PRNG is seeded and uniform enough', async (t) => {
  const a = createRandom(3)
  const b = createRandom(3)
  const draws = Array.from({ length: 1000 }, () => a())
  t.strictSame(
    Array.from({ length: 1000 }, () => b()),
    draws,
  )
  t.ok(draws.every((x) => x >= 0 && x < 1))
  const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length
  t.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`)
})

t.test('the same options give the same corpus', async (t) => {
  const defaults = generateSyntheticCorpus({ seed: 1 })
  t.equal(defaults.articles.length, 50)
  t.equal(defaults.utterances.length, 20)
  t.equal(defaults.speakers.length, 4)
  t.strictSame(generateSyntheticCorpus({ seed: 12, articles: 20 }), generateSyntheticCorpus({ seed: 12, articles: 20 }))
  t.notSame(
    generateSyntheticCorpus({ seed: 12, articles: 20 }).articles,
    generateSyntheticCorpus({ seed: 13, articles: 20 }).articles,
  )
})

t.test('articles print every quote where the expected quote says, as “…,” Name said.', async (t) => {
  const corpus = generateSyntheticCorpus({ seed: 4, articles: 60, speakers: 8, undatedShare: 0.5 })
  t.equal(corpus.speakers.length, 8)
  t.equal(new Set(corpus.articles.map((article) => article.url)).size, 60, 'URLs are unique')
  t.ok(corpus.articles.some((article) => article.publishedAt === null))
  t.ok(corpus.articles.some((article) => article.publishedAt !== null))
  const articles = new Map(corpus.articles.map((article) => [article.url, article]))
  const names = new Map(corpus.speakers.map((speaker) => [speaker.key, speaker.name]))
  for (const quote of corpus.quotes) {
    const text = articles.get(quote.articleUrl)!.text
    const pieces = quote.pieces ?? [quote.text]
    t.equal(text.slice(quote.offset - 1, quote.offset + (pieces[0] as string).length + 1), `“${pieces[0]}”`)
    t.equal(
      text.slice(quote.offset + (pieces[0] as string).length + 1).split('.')[0],
      ` ${names.get(quote.speakerKey)} said`,
    )
    if (quote.pieces !== null) {
      t.equal(quote.pieces.length, 2)
      t.ok(text.includes(`said. “${quote.pieces[1]}”`))
      t.equal(quote.text, quote.pieces.join(' '))
    }
  }
  const variants = new Set(corpus.quotes.map((quote) => quote.variant))
  t.strictSame([...variants].sort(), [
    'bridge',
    'cut',
    'elided',
    'excerpt',
    'extended',
    'misattributed',
    'replaced',
    'verbatim',
  ])
  t.ok(
    corpus.quotes.some((quote) => quote.text.includes('…')),
    'elided quotes show an ellipsis',
  )
  t.ok(
    corpus.quotes.some((quote) => quote.pieces !== null),
    'some quotes are in pieces',
  )
  const lengths = corpus.utterances.map((utterance) => utterance.words.length)
  t.ok(Math.min(...lengths) >= 10 && Math.max(...lengths) <= 40)
  t.equal([...corpus.claims.values()].flat().length, corpus.quotes.length, 'every quote has an expected claim')
})

t.test('variants keep the words they should', async (t) => {
  const corpus = generateSyntheticCorpus({ seed: 21, articles: 80, utterances: 10 })
  const utterances = new Map(corpus.utterances.map((utterance) => [utterance.id, utterance.words.join(' ')]))
  for (const quote of corpus.quotes) {
    const words = normalizeWording(quote.text)
    const said = utterances.get(quote.utteranceIds[0]!)!
    if (quote.variant === 'verbatim' || quote.variant === 'misattributed') t.equal(words, said, quote.id)
    if (quote.variant === 'excerpt' && quote.utteranceIds.length === 1) t.ok(said.includes(words), quote.id)
    if (quote.variant === 'extended' || quote.variant === 'bridge') t.ok(words.includes(said), quote.id)
    if (quote.variant === 'misattributed') {
      t.not(quote.speakerKey, corpus.utterances.find((utterance) => utterance.id === quote.utteranceIds[0])!.speakerKey)
    }
  }
})

/**
 * Renderings clustered into a claim of another expected claim than their founder's. A bridge (a short run of
 * one utterance, then another whole) overlaps the claim of its own utterance, and holds the run, printed on
 * its own too. Fuller wordings are decided first, so the bridge joins its utterance's claim unless a
 * rendering of the run's utterance short enough to share 60% of its words with it founded a claim first. The
 * run on its own, a few words, joins the claim of the run's utterance through a seed holding it, or, when no
 * seed holds it, the claim of a rendering that does, which may be the bridge's. Later renderings never follow
 * either: they compare with seeds. So a rendering sits in a claim of another expected claim only if it is a
 * bridge itself, a bridge founded its claim, or it is a bridge's run (or a fragment of the run's utterance
 * holding the run's words) in the bridge's claim; never a step further: anything else is `chained`.
 */
function chainedRenderings(corpus: ReturnType<typeof generateSyntheticCorpus>) {
  const quotes = new Map(corpus.quotes.map((quote) => [quote.id, quote]))
  let chained = 0
  let runsWithTheirBridge = 0
  for (const claim of clusterRenderings(corpusRenderings(corpus))) {
    const founder = quotes.get(claim.seedId)!
    const members = claim.renderingIds.map((id) => quotes.get(id)!)
    const bridgedRuns = new Set(
      members.filter((member) => member.variant === 'bridge').map((bridge) => bridge.utteranceIds[1]),
    )
    for (const member of members) {
      if (member.claimKey === founder.claimKey || member.variant === 'bridge') continue
      const runOfABridge = member.variant === 'excerpt' || member.variant === 'fragment'
      if (runOfABridge && bridgedRuns.has(member.utteranceIds[0])) runsWithTheirBridge++
      else if (founder.variant !== 'bridge') chained++
    }
  }
  return { chained, runsWithTheirBridge }
}

t.test('clustering meets the expected claims except where a bridge decides, and nothing chains', async (t) => {
  let runsWithTheirBridge = 0
  for (const seed of [1, 2, 3, 9]) {
    const corpus = generateSyntheticCorpus({ seed, articles: 50, utterances: seed === 9 ? 5 : 16, speakers: 3 })
    const found = chainedRenderings(corpus)
    t.equal(found.chained, 0, `seed ${seed}`)
    runsWithTheirBridge += found.runsWithTheirBridge
  }
  t.ok(runsWithTheirBridge > 0, `the case arises: ${runsWithTheirBridge} runs in the claim of their bridge`)
})

/** What the real extractor reads in a corpus: quotes found with their text, place and speaker, and extra ones. */
function extractorReading(corpus: ReturnType<typeof generateSyntheticCorpus>) {
  const names = new Map(corpus.speakers.map((speaker) => [speaker.key, speaker.name]))
  let found = 0
  let extra = 0
  for (const article of corpus.articles) {
    const extracted = extractQuotes(article.text)
    const expected = corpus.quotes.filter((quote) => quote.articleUrl === article.url)
    for (const quote of expected) {
      const match = extracted.find(
        (candidate) => candidate.text === quote.text && candidate.spans[0]?.[0] === quote.offset,
      )
      if (match !== undefined && match.speaker?.name === names.get(quote.speakerKey)) found++
    }
    extra += extracted.length - expected.length
  }
  return { found, extra }
}

t.test('the real extractor finds every synthetic quote, its text, place and speaker', async (t) => {
  const corpus = generateSyntheticCorpus({ seed: 3, articles: 60, speakers: 6 })
  t.strictSame(extractorReading(corpus), { found: corpus.quotes.length, extra: 0 })
})

t.test('a large corpus: invented speakers and outlets, articles in publication order, all readable', async (t) => {
  const corpus = generateSyntheticCorpus({
    seed: 11,
    articles: 40,
    speakers: 30,
    outlets: 12,
    utterances: 90,
    undatedShare: 0,
    chronological: true,
  })
  t.equal(corpus.speakers.length, 30)
  t.equal(new Set(corpus.speakers.map((speaker) => speaker.name)).size, 30, 'speaker names are distinct')
  t.equal(new Set(corpus.articles.map((article) => article.outlet)).size > 6, true, 'more outlets than built in')
  const times = corpus.articles.map((article) => article.publishedAt!.getTime())
  t.same(
    times,
    [...times].sort((x, y) => x - y),
    'published in order',
  )
  const names = new Map(corpus.speakers.map((speaker) => [speaker.key, speaker.name]))
  let found = 0
  for (const article of corpus.articles) {
    const extracted = extractQuotes(article.text)
    for (const quote of corpus.quotes.filter((q) => q.articleUrl === article.url)) {
      const match = extracted.find((candidate) => candidate.text === quote.text)
      if (match?.speaker?.name === names.get(quote.speakerKey)) found++
    }
  }
  t.equal(found, corpus.quotes.length, 'the extractor reads invented names as names')
})

t.test('by default speakers are quoted evenly; with a skew, by Zipf’s law', async (t) => {
  const utteranceCounts = (corpus: ReturnType<typeof generateSyntheticCorpus>): number[] =>
    corpus.speakers.map((speaker) => corpus.utterances.filter((u) => u.speakerKey === speaker.key).length)
  const even = utteranceCounts(generateSyntheticCorpus({ seed: 5, speakers: 20, utterances: 2000, articles: 0 }))
  t.strictSame(new Set(even), new Set([100]), 'each speaker says as much as the next')

  for (const speakerSkew of [0.5, 1]) {
    const skewed = generateSyntheticCorpus({ seed: 5, speakers: 20, utterances: 20_000, articles: 400, speakerSkew })
    const counts = utteranceCounts(skewed)
    const weights = Array.from({ length: 20 }, (_, rank) => 1 / (rank + 1) ** speakerSkew)
    const total = weights.reduce((sum, x) => sum + x, 0)
    for (const rank of [1, 2, 3, 5, 10, 20]) {
      const expected = (20_000 * weights[rank - 1]!) / total
      const got = counts[rank - 1] as number
      t.ok(
        Math.abs(got - expected) < 0.1 * expected,
        `${speakerSkew}, rank ${rank}: ${got}, about ${expected.toFixed(0)}`,
      )
    }
    const quotesOfFirst = skewed.quotes.filter((quote) => quote.speakerKey === skewed.speakers[0]!.key).length
    t.ok(quotesOfFirst > (0.7 * skewed.quotes.length * weights[0]!) / total, `the first's quotes: ${quotesOfFirst}`)
  }
})

t.test('by default a word is in a few utterances; with a skew, the commonest in many', async (t) => {
  const commonest = (corpus: ReturnType<typeof generateSyntheticCorpus>) => {
    const holders = new Map<string, number>()
    for (const utterance of corpus.utterances)
      for (const word of new Set(utterance.words)) holders.set(word, (holders.get(word) ?? 0) + 1)
    return Math.max(...holders.values()) / corpus.utterances.length
  }
  const even = commonest(generateSyntheticCorpus({ seed: 7, utterances: 1000, articles: 0 }))
  const skewed = commonest(generateSyntheticCorpus({ seed: 7, utterances: 1000, articles: 0, wordSkew: 0.7 }))
  t.ok(even < 0.03, `evenly: the commonest word in ${even} of utterances`)
  t.ok(skewed > 0.4, `skewed: the commonest word in ${skewed} of utterances`)
  // Zipf's law over the 3,000 invented words: the commonest is 1 / H(3000, s) of all words.
  for (const wordSkew of [0.5, 0.9]) {
    const corpus = generateSyntheticCorpus({ seed: 7, utterances: 3000, articles: 0, wordSkew })
    const uses = new Map<string, number>()
    for (const word of corpus.utterances.flatMap((utterance) => utterance.words))
      uses.set(word, (uses.get(word) ?? 0) + 1)
    const share = Math.max(...uses.values()) / [...uses.values()].reduce((sum, x) => sum + x, 0)
    const expected = 1 / Array.from({ length: 3000 }, (_, rank) => 1 / (rank + 1) ** wordSkew).reduce((a, b) => a + b)
    t.ok(Math.abs(share - expected) < 0.15 * expected, `${wordSkew}: the commonest word ${share}, about ${expected}`)
  }
})

t.test('stock phrases: in the share of utterances asked, the same words in many speakers’ mouths', async (t) => {
  const plain = generateSyntheticCorpus({ seed: 6, utterances: 500, articles: 0 })
  t.ok(plain.utterances.every((utterance) => utterance.stockPhrase === null))

  const corpus = generateSyntheticCorpus({
    seed: 6,
    speakers: 30,
    utterances: 3000,
    articles: 0,
    commonPhraseShare: 0.4,
  })
  const holding = corpus.utterances.filter((utterance) => utterance.stockPhrase !== null)
  t.ok(Math.abs(holding.length / 3000 - 0.4) < 0.03, `${holding.length} of 3000 hold a phrase`)
  const speakersByPhrase = new Map<string, Set<string>>()
  // The utterances that break each rule, collected: one assertion a rule rather than one an utterance.
  const breaking = { notAStockPhrase: [] as string[], notFourToSixWords: [] as string[], underTenOwn: [] as string[] }
  for (const utterance of holding) {
    const [from, to] = utterance.stockPhrase!
    const phrase = utterance.words.slice(from, to).join(' ')
    if (!STOCK_PHRASES.includes(phrase)) breaking.notAStockPhrase.push(phrase)
    if (to - from < 4 || to - from > 6) breaking.notFourToSixWords.push(phrase)
    if (utterance.words.length - (to - from) < 10) breaking.underTenOwn.push(utterance.words.join(' '))
    speakersByPhrase.set(phrase, (speakersByPhrase.get(phrase) ?? new Set()).add(utterance.speakerKey))
  }
  t.strictSame(
    breaking,
    { notAStockPhrase: [], notFourToSixWords: [], underTenOwn: [] },
    'a stock phrase of four to six words, and at least ten words of its own',
  )
  // Zipf's law over the phrases: the first is the most common, the last still appears.
  const uses = STOCK_PHRASES.map((phrase) => holding.filter((u) => u.words.join(' ').includes(phrase)).length)
  t.equal(Math.max(...uses), uses[0])
  t.ok(uses.every((count) => count > 0))
  t.ok(speakersByPhrase.get(STOCK_PHRASES[0]!)!.size >= 25, 'the commonest phrase is said by most speakers')
})

t.test('a run printed on its own is never mostly a stock phrase, wherever the phrase stands', async (t) => {
  // Every utterance the generator can make (10 to 40 words of its own, each phrase at each place), every
  // excerpt length, every bridge's run and fragment: a start qualifies, and each qualifying start keeps the bound.
  let cases = 0
  for (let own = 10; own <= 40; own++) {
    for (const phrase of new Set(STOCK_PHRASES.map((p) => p.split(' ').length))) {
      for (let at = 0; at <= own; at++) {
        const words = Array.from({ length: own + phrase }, (_, k) => `w${k}`)
        const utterance = { words, stockPhrase: [at, at + phrase] as [number, number] }
        const n = words.length
        const runs: [number, number][] = [2, 3, 4, 5].map((length) => [length, 0])
        for (let length = Math.max(3, Math.ceil(n * 0.3)); length < n; length++)
          runs.push([length, Math.ceil(length * 0.6) - 1])
        for (const [length, phraseWords] of runs) {
          const starts = runStarts(utterance, length, phraseWords)
          cases++
          if (starts.length === 0) t.fail(`no start: ${own} own words, a phrase of ${phrase} at ${at}, run ${length}`)
          for (const start of starts) {
            const inPhrase = Math.max(0, Math.min(at + phrase, start + length) - Math.max(at, start))
            if (inPhrase > phraseWords || start + length > n) t.fail(`start ${start} breaks the bound`)
          }
        }
      }
    }
  }
  t.ok(cases > 10_000, `${cases} cases`)
  for (let own = 10; own <= 40; own++) {
    t.equal(longestElision(own, 0), Math.floor(own * 0.4), 'no phrase: up to 40% of the words')
    for (const phrase of new Set(STOCK_PHRASES.map((p) => p.split(' ').length))) {
      const longest = longestElision(own + phrase, phrase)
      if (longest < 1 || phrase >= 0.6 * (own + phrase - longest)) t.fail(`${own} + ${phrase} words: ${longest}`)
    }
  }
  t.strictSame(runStarts({ words: ['a', 'b', 'c', 'd'], stockPhrase: null }, 2, 0), [0, 1, 2], 'no phrase: any start')
})

t.test(
  'excerpts hold under 60% of stock phrase words; a bridge’s run and a fragment (2 or 3 words) none',
  async (t) => {
    const corpus = generateSyntheticCorpus({
      seed: 10,
      articles: 3000,
      utterances: 200,
      commonPhraseShare: 1,
      fragmentShare: 0.1,
    })
    const utterances = new Map(corpus.utterances.map((utterance) => [utterance.id, utterance]))
    const byPlace = new Map(corpus.quotes.map((quote) => [`${quote.articleUrl}#${quote.position}`, quote]))
    const seen = { runs: 0, excerpts: 0, fragments: 0, elided: 0 }
    // The quotes that break each bound, collected: one assertion a bound rather than one a quote.
    const breaking = {
      elided: [] as string[],
      notInARow: [] as string[],
      fragments: [] as string[],
      runs: [] as string[],
      excerpts: [] as string[],
    }
    // Invented words have three syllables of one consonant and one vowel: none is a stock phrase's word.
    const phraseWords = new Set(STOCK_PHRASES.flatMap((phrase) => phrase.split(' ')))
    for (const quote of corpus.quotes) {
      if (quote.variant === 'elided') {
        const words = normalizeWording(quote.text).split(' ')
        seen.elided++
        if (words.filter((word) => phraseWords.has(word)).length >= 0.6 * words.length) breaking.elided.push(quote.text)
      }
      if (quote.variant !== 'excerpt' && quote.variant !== 'fragment') continue
      const utterance = utterances.get(quote.utteranceIds[0]!)!
      const words = normalizeWording(quote.text).split(' ')
      const said = utterance.words
      const start = said.findIndex((_, k) => words.every((word, j) => said[k + j] === word))
      if (start < 0) breaking.notInARow.push(quote.text)
      const [from, to] = utterance.stockPhrase!
      const inPhrase = Math.max(0, Math.min(to, start + words.length) - Math.max(from, start))
      const next = byPlace.get(`${quote.articleUrl}#${quote.position + 1}`)
      if (quote.variant === 'fragment') {
        seen.fragments++
        if (inPhrase !== 0 || words.length < 2 || words.length > 3) breaking.fragments.push(quote.text)
      } else if (next?.variant === 'bridge' && next.utteranceIds[1] === utterance.id) {
        seen.runs++
        if (inPhrase !== 0) breaking.runs.push(quote.text)
      } else {
        seen.excerpts++
        if (inPhrase >= 0.6 * words.length) breaking.excerpts.push(quote.text)
      }
    }
    t.strictSame(
      breaking,
      { elided: [], notInARow: [], fragments: [], runs: [], excerpts: [] },
      'elisions and excerpts under 60% phrase words, the utterance’s own words in a row, runs and fragments none',
    )
    t.ok(seen.runs > 20 && seen.excerpts > 200 && seen.fragments > 200 && seen.elided > 200, JSON.stringify(seen))
  },
)

t.test('skewed speakers, stock phrases and fragments keep the expected claims and readings', async (t) => {
  for (const seed of [8, 2, 4, 5]) {
    const corpus = generateSyntheticCorpus({
      seed,
      articles: 150,
      speakers: 8,
      utterances: 60,
      speakerSkew: 1,
      commonPhraseShare: 0.5,
      fragmentShare: 0.25,
    })
    const fragments = corpus.quotes.filter((quote) => quote.variant === 'fragment').length
    t.ok(Math.abs(fragments / corpus.quotes.length - 0.23) < 0.06, `seed ${seed}: ${fragments} fragments`)
    const phrased = new Set(corpus.utterances.filter((u) => u.stockPhrase !== null).map((u) => u.id))
    t.ok(
      corpus.quotes.filter((quote) => phrased.has(quote.utteranceIds[0]!)).length > 0.2 * corpus.quotes.length,
      'many quotes hold a stock phrase',
    )
    // Different utterances that share a stock phrase stay different claims.
    t.equal(chainedRenderings(corpus).chained, 0, `seed ${seed}`)
    t.strictSame(extractorReading(corpus), { found: corpus.quotes.length, extra: 0 })
  }
})
