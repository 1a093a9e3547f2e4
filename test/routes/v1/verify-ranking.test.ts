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

t.test('verify finds the given speaker’s claim among many that share a common run of words', async (t) => {
  const app = await buildApp(t)
  const others = Array.from(
    { length: 300 },
    (_, n) =>
      `“At the end of the day the ${NOUNS[n % 8]} on ${surname(n + 300)} Street needs ${n + 2} more workers,” said Councillor Aldo ${surname(n)}.`,
  )
  const crowd = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url: 'urn:verify-ranking:crowd', outlet: { name: 'Valley Courier' }, text: others.join('\n\n') },
  })
  t.equal(crowd.statusCode, 201)
  t.ok(crowd.json().quoteCount >= 290, 'the crowd of speakers is in')
  const words = 'At the end of the day we will stand by the farmers of this valley.'
  const own = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: {
      url: 'urn:verify-ranking:own',
      outlet: { name: 'Hill Gazette' },
      text: `Mayor Wilhelmina Ostrander spoke on Monday. “${words}” Ostrander said.`,
    },
  })
  t.equal(own.statusCode, 201)

  const verified = await app.inject({
    method: 'POST',
    url: '/v1/verify',
    payload: { text: words, speaker: 'Wilhelmina Ostrander' },
  })
  t.equal(verified.statusCode, 200)
  t.equal(verified.json().verdict, 'matches')
  t.equal(verified.json().matches[0].claim.speaker.name, 'Wilhelmina Ostrander')

  // Without a speaker, the claim sharing the most runs of words comes first all the same.
  const unattributed = await app.inject({ method: 'POST', url: '/v1/verify', payload: { text: words } })
  t.equal(unattributed.json().matches[0].claim.canonicalText, words)
  const found = await app.inject({ url: `/v1/claims?q=${encodeURIComponent('stand by the farmers of this valley')}` })
  t.same(
    found.json().items.map((claim: { canonicalText: string }) => claim.canonicalText),
    [words],
  )
})
