import t from 'tap'
import { authorized, buildApp } from '../../helper.js'

// Invented surnames, one speaker each: enough claims sharing a common run of words that verify, which
// compares at most 50 candidates, must rank them rather than take whichever the index gives first.
const SYLLABLES = ['ka', 'lo', 'mer', 'vin', 'dra', 'sel', 'tor', 'bain']
const syllable = (k: number) => SYLLABLES[k % 8]!
const surname = (n: number) => {
  const name = `${syllable(n)}${syllable(Math.floor(n / 8))}${syllable(Math.floor(n / 64) + 1)}`
  return `${name[0]!.toUpperCase()}${name.slice(1)}`
}
const NOUNS = ['harbour', 'orchard', 'railway', 'library', 'market', 'bridge', 'school', 'clinic']

type App = Awaited<ReturnType<typeof buildApp>>

/** Stores an article; its answer. */
const post = (app: App, url: string, outlet: string, text: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: outlet }, text },
  })

/** A crowd of councillors, one quote each, made by `quote` from its number. */
const crowdOf = (count: number, quote: (n: number) => string) =>
  Array.from({ length: count }, (_, n) => `“${quote(n)},” said Councillor Aldo ${surname(n)}.`).join('\n\n')

/** The mayor's article, quoting her once with `words`. */
const postMayor = (app: App, url: string, words: string) =>
  post(app, url, 'Hill Gazette', `Mayor Wilhelmina Ostrander spoke on Monday. “${words}” Ostrander said.`)

const verify = (app: App, payload: { text: string; speaker?: string }) =>
  app.inject({ method: 'POST', url: '/v1/verify', payload })

t.test('verify finds the given speaker’s claim among many that share a common run of words', async (t) => {
  const app = await buildApp(t)
  const crowd = await post(
    app,
    'urn:verify-ranking:crowd',
    'Valley Courier',
    crowdOf(
      300,
      (n) => `At the end of the day the ${NOUNS[n % 8]} on ${surname(n + 300)} Street needs ${n + 2} more workers`,
    ),
  )
  t.equal(crowd.statusCode, 201)
  t.ok(crowd.json().quoteCount >= 290, 'the crowd of speakers is in')
  const words = 'At the end of the day we will stand by the farmers of this valley.'
  const own = await postMayor(app, 'urn:verify-ranking:own', words)
  t.equal(own.statusCode, 201)

  const verified = await verify(app, { text: words, speaker: 'Wilhelmina Ostrander' })
  t.equal(verified.statusCode, 200)
  t.equal(verified.json().verdict, 'matches')
  t.equal(verified.json().matches[0].claim.speaker.name, 'Wilhelmina Ostrander')

  // Without a speaker, the claim sharing the most runs of words comes first all the same.
  const unattributed = await verify(app, { text: words })
  t.equal(unattributed.json().matches[0].claim.canonicalText, words)
  const found = await app.inject({ url: `/v1/claims?q=${encodeURIComponent('stand by the farmers of this valley')}` })
  t.same(
    found.json().items.map((claim: { canonicalText: string }) => claim.canonicalText),
    [words],
  )
})

t.test('verify finds a fragment’s claims by its words, the given speaker’s among many holding them', async (t) => {
  const app = await buildApp(t)
  const crowd = await post(
    app,
    'urn:verify-fragment:crowd',
    'Valley Courier',
    crowdOf(120, (n) => `They left the ${NOUNS[n % 8]} on ${surname(n + 300)} Street no choice but to close`),
  )
  t.equal(crowd.statusCode, 201)
  const own = await post(
    app,
    'urn:verify-fragment:own',
    'Hill Gazette',
    'Mayor Wilhelmina Ostrander spoke on Monday. “We were given no choice in the matter,” Ostrander said.\n\n' +
      'Asked whether she would run again, Ostrander said: “Never.”',
  )
  t.equal(own.statusCode, 201)

  const excerpt = await verify(app, { text: 'no choice', speaker: 'Wilhelmina Ostrander' })
  t.equal(excerpt.statusCode, 200)
  t.equal(excerpt.json().verdict, 'excerpt', 'an exact excerpt of her words')
  t.equal(excerpt.json().matches[0].claim.canonicalText, 'We were given no choice in the matter,')

  // Her one-word claim is all of a shorter text's words but one: a wording shorter than the text is found too.
  const longer = await verify(app, { text: 'Never, ever.', speaker: 'Wilhelmina Ostrander' })
  t.equal(longer.json().matches[0]?.claim.canonicalText, 'Never.')

  // Words nobody printed together are no record, whoever holds each of them.
  const unheard = await verify(app, { text: 'choice railway', speaker: 'Wilhelmina Ostrander' })
  t.equal(unheard.json().verdict, 'no-record')

  // Of the many claims holding the words, the shortest are compared: a later claim of exactly those words is not
  // cut by the fifty compared, and without a speaker it comes first (verbatim, all of it printed).
  const exact = await post(
    app,
    'urn:verify-fragment:exact',
    'Ridge Post',
    'Asked about the closures, Councillor Bertha Quill said: “No choice.”',
  )
  t.equal(exact.statusCode, 201)
  const anyone = await verify(app, { text: 'No choice' })
  t.equal(anyone.json().matches[0]?.claim.canonicalText, 'No choice.')

  // A fragment of short words alone has no trigram to be found by: the similarity search answers for it.
  const short = await verify(app, { text: 'Is it?', speaker: 'Wilhelmina Ostrander' })
  t.equal(short.statusCode, 200)
  t.equal(short.json().verdict, 'no-record')
})

t.test('a search too short for a run of four words finds the wordings holding it as written', async (t) => {
  const app = await buildApp(t)
  const crowd = await post(
    app,
    'urn:search-phrase:crowd',
    'Valley Courier',
    crowdOf(60, (n) => `We had no ideas left for the ${NOUNS[n % 8]} on ${surname(n + 300)} Street`),
  )
  t.equal(crowd.statusCode, 201)
  const words = 'I have no idea why the ferry stopped running in March.'
  const own = await postMayor(app, 'urn:search-phrase:own', words)
  t.equal(own.statusCode, 201)
  const search = async (q: string) =>
    (await app.inject({ url: `/v1/claims?q=${encodeURIComponent(q)}&limit=100` }))
      .json()
      .items.map((claim: { canonicalText: string }) => claim.canonicalText)

  t.same(await search('no idea'), [words], 'the words whole and together, not "no ideas"')
  t.same(await search('No idea!'), [words], 'as the search key reads them: case and punctuation aside')
  // No wording holds a misspelt phrase: the wordings most like it are found instead.
  const misspelt = await search('no idae why')
  t.ok(misspelt.includes(words), 'a misspelt word is forgiven')
})
