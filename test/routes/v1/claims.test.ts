import t from 'tap'
import { tokenizeWording } from '../../../src/domain/wording/index.js'
import { seedGold } from '../../fixtures/seed-gold.js'
import { buildApp, ingestSeeds } from '../../helper.js'

interface StoredQuote {
  id: string
  text: string
  claimId: string | null
  label: string | null
  misattribution: unknown
}

const words = (text: string) => tokenizeWording(text).join(' ')

t.test('the seed claims come out as the gold says: clusters, canonical wordings and labels', async (t) => {
  const app = await buildApp(t)
  const gold = seedGold
  const articleIds = await ingestSeeds(app)

  const storedByGold = new Map<string, StoredQuote>()
  for (const quote of gold.quotes) {
    const items = (await app.inject({ url: `/v1/articles/${articleIds.get(quote.article)}/quotes` })).json()
      .items as StoredQuote[]
    const stored = items.find((item) => words(item.text) === words(quote.text))
    t.ok(stored, `${quote.id} is stored as one quote: ${quote.text}`)
    if (stored) storedByGold.set(quote.id, stored)
  }

  const ambiguous = new Set(gold.ambiguous_pairs.map((pair) => [...pair].sort().join('|')))
  const goldClaim = new Map(gold.quotes.map((quote) => [quote.id, quote.claim]))
  const ids = [...storedByGold.keys()]
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) {
      if (ambiguous.has([a, b].sort().join('|'))) continue
      const together = storedByGold.get(a)!.claimId === storedByGold.get(b)!.claimId
      t.equal(
        together,
        goldClaim.get(a) === goldClaim.get(b),
        `${a} and ${b} ${together ? 'share' : 'do not share'} a claim`,
      )
    }
  }
  for (const claim of gold.claims) {
    const stored = storedByGold.get(claim.members[0]!)
    if (!stored?.claimId) continue
    const detail = (await app.inject({ url: `/v1/claims/${stored.claimId}` })).json()
    t.equal(words(detail.canonicalText), words(claim.canonical), `${claim.id} canonical wording`)
    // Character for character too: a wording printed whole is never shown as pieces joined.
    t.equal(detail.canonicalText, claim.canonical, `${claim.id} canonical text`)
  }
  for (const [quoteId, label] of Object.entries(gold.labels)) {
    const stored = storedByGold.get(quoteId)
    if (stored) t.equal(stored.label, label, `${quoteId} is ${label}`)
  }
  t.equal(await app.prisma.claim.count(), gold.claims.length, 'no claim more than the gold')
})

t.test('a claim in full, the lists and their filters, a speaker’s claims, an outlet’s scorecard', async (t) => {
  const app = await buildApp(t)
  const articleIds = await ingestSeeds(app)
  const quotes = (await app.inject({ url: `/v1/articles/${articleIds.get('001')}/quotes` })).json()
    .items as StoredQuote[]
  const altered = quotes.find((quote) => quote.text === 'Sovereignty is not for sale. Sovereignty is defended.')!
  t.equal(altered.label, 'altered')

  const claim = (await app.inject({ url: `/v1/claims/${altered.claimId}` })).json()
  t.match(claim, {
    speaker: { name: 'Claudia Sheinbaum', slug: 'claudia-sheinbaum' },
    canonicalText: 'Sovereignty is not for sale. Sovereignty is loved and defended.',
    firstAppearance: {
      url: 'urn:verbatim:seed:000_22cdf342c23899ad',
      outlet: { name: 'unknown outlet A' },
      dated: false,
    },
    consistency: { renderings: 3, articles: 2, outlets: 2, lowestFidelity: altered.label === 'altered' ? Number : 0 },
    misattributions: [],
  })
  t.equal(claim.consistency.verbatimShare, 2 / 3)
  t.same(
    claim.consistency.distinctWordings.map((w: { renderings: number; label: string }) => [w.renderings, w.label]),
    [
      [2, 'verbatim'],
      [1, 'altered'],
    ],
  )
  const appearance = claim.appearances.find((a: { quoteId: string }) => a.quoteId === altered.id)
  t.match(appearance, { label: 'altered', article: { outlet: { name: 'Newslooks' } } })
  t.ok(
    appearance.diff.some((run: { op: string; a: string[] }) => run.op === 'delete' && run.a.join(' ') === 'loved and'),
    'the diff shows the words left out',
  )

  const bySpeaker = async (speaker: string) =>
    (await app.inject({ url: `/v1/claims?speaker=${encodeURIComponent(speaker)}&limit=200` })).json().items
  const sheinbaum = await bySpeaker('Claudia Sheinbaum')
  t.ok(sheinbaum.length >= 5)
  t.same(await bySpeaker('claudia-sheinbaum'), sheinbaum)
  t.same(await bySpeaker(claim.speaker.id), sheinbaum)
  t.same(await bySpeaker('Sheinbaum'), sheinbaum, 'by alias')
  const nobody = await app.inject({ url: `/v1/claims?speaker=${encodeURIComponent('Nobody At All')}` })
  t.equal(nobody.statusCode, 400, 'a speaker nobody goes by is said so, not an empty list')
  t.match(nobody.json(), { type: '/problems/unknown-speaker', errors: [{ in: 'querystring', field: '/speaker' }] })
  const speakerClaims = (await app.inject({ url: `/v1/speakers/${claim.speaker.id}/claims?limit=200` })).json()
  t.same(speakerClaims.items, sheinbaum)

  const search = (
    await app.inject({ url: `/v1/claims?q=${encodeURIComponent('sovereignty is loved and defended')}` })
  ).json()
  t.equal(search.items[0]?.id, claim.id, 'wording search finds it')
  const alteredClaims = (await app.inject({ url: '/v1/claims?label=altered&limit=200' })).json().items
  t.ok(alteredClaims.some((c: { id: string }) => c.id === claim.id))
  t.notOk(alteredClaims.some((c: { canonicalText: string }) => c.canonicalText.startsWith('war on cartels')))
  const newslooks = quotes[0] && (await app.inject({ url: `/v1/articles/${articleIds.get('001')}` })).json().outlet
  const byOutlet = (await app.inject({ url: `/v1/claims?outlet=${newslooks.id}&limit=200` })).json().items
  t.ok(byOutlet.some((c: { id: string }) => c.id === claim.id))
  t.equal((await app.inject({ url: '/v1/claims?from=2030-01-01T00:00:00Z' })).json().items.length, 0)
  t.equal((await app.inject({ url: '/v1/claims?misattributed=true' })).json().items.length, 0)

  const scorecard = (await app.inject({ url: `/v1/outlets/${newslooks.id}/scorecard` })).json()
  t.match(scorecard, { outlet: { name: 'Newslooks' }, renderings: 5, from: null, to: null })
  t.equal(scorecard.byLabel.altered, 1)
  t.match(scorecard.mostAltered, [{ quoteId: altered.id, claimId: claim.id, speaker: { name: 'Claudia Sheinbaum' } }])
  t.ok(scorecard.meanFidelity > 0 && scorecard.meanFidelity < 1)
  const empty = (await app.inject({ url: `/v1/outlets/${newslooks.id}/scorecard?from=2030-01-01T00:00:00Z` })).json()
  t.match(empty, { renderings: 0, meanFidelity: null, mostAltered: [], from: '2030-01-01T00:00:00.000Z' })

  const missing = '01a1fd5d-0000-7000-8000-000000000000'
  for (const url of [`/v1/claims/${missing}`, `/v1/speakers/${missing}/claims`, `/v1/outlets/${missing}/scorecard`]) {
    t.equal((await app.inject({ url })).statusCode, 404, url)
  }
  for (const query of [
    'label=paraphrased',
    'misattributed=perhaps',
    'q=a',
    'from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z',
  ]) {
    const response = await app.inject({ url: `/v1/claims?${query}` })
    t.equal(response.statusCode, 400, query)
    t.match(response.json(), { type: '/problems/validation' })
  }
  t.equal((await app.inject({ url: `/v1/outlets/${newslooks.id}/scorecard?to=x` })).statusCode, 400)
})

t.test('POST /v1/verify: a verdict on a pasted quote, against the record', async (t) => {
  const app = await buildApp(t)
  await ingestSeeds(app)
  const verify = async (payload: object) => {
    const response = await app.inject({ method: 'POST', url: '/v1/verify', payload })
    t.equal(response.statusCode, 200, JSON.stringify(payload))
    return response.json()
  }
  const full = 'Sovereignty is not for sale. Sovereignty is loved and defended.'
  t.match(await verify({ text: full, speaker: 'Claudia Sheinbaum' }), {
    verdict: 'matches',
    speaker: { name: 'Claudia Sheinbaum' },
    matches: [
      { label: 'verbatim', fidelity: 1, claim: { canonicalText: full, speaker: { name: 'Claudia Sheinbaum' } } },
    ],
  })
  const cut = await verify({ text: 'Sovereignty is not for sale. Sovereignty is defended.', speaker: 'Sheinbaum' })
  t.equal(cut.verdict, 'altered')
  t.same(
    cut.matches[0].wordings.map((w: { label: string; outlets: Array<{ name: string }> }) => [
      w.label,
      w.outlets.map((o) => o.name),
    ]),
    [
      ['verbatim', ['Newslooks', 'unknown outlet A']],
      ['altered', ['Newslooks']],
    ],
  )
  t.match(cut.matches[0].firstAppearance, { outlet: { name: 'unknown outlet A' }, dated: false })
  t.equal((await verify({ text: 'Sovereignty is not for sale.' })).verdict, 'excerpt')
  // Too short for a run of four words: found through the trigram index on canonical wordings.
  t.match(await verify({ text: 'No, President Trump', speaker: 'Sheinbaum' }), {
    verdict: 'excerpt',
    matches: [{ claim: { speaker: { name: 'Claudia Sheinbaum' } } }],
  })
  t.equal(
    (await verify({ text: 'Sovereignty is not for sale … Sovereignty is loved and defended.' })).verdict,
    'matches',
  )
  t.equal((await verify({ text: 'Sovereignty is not for sale. Sovereignty is … defended.' })).verdict, 'elided')
  t.equal((await verify({ text: `${full} And it always will be, for every Mexican.` })).verdict, 'extended')
  const other = await verify({ text: full, speaker: 'Donald Trump' })
  t.equal(other.verdict, 'attributed-to-other-speaker')
  t.match(other, {
    speaker: { name: 'Donald Trump' },
    matches: [{ claim: { speaker: { name: 'Claudia Sheinbaum' } } }],
  })
  t.match(await verify({ text: 'The moon is made of green cheese and always was.' }), {
    verdict: 'no-record',
    matches: [],
  })
  t.match(await verify({ text: full, speaker: 'Someone Unknown' }), {
    verdict: 'unknown-speaker',
    speaker: null,
    suggestions: [],
    matches: [{ claim: { speaker: { name: 'Claudia Sheinbaum' } } }],
  })
  t.match(await verify({ text: full, speaker: 'President Sheinbaum' }), {
    verdict: 'matches',
    speaker: { name: 'Claudia Sheinbaum', resolvedBy: 'alias' },
  })
  t.match(await verify({ text: full, speaker: 'Claudia Sheinbaun' }), {
    verdict: 'matches',
    speaker: { name: 'Claudia Sheinbaum', resolvedBy: 'spelling' },
  })

  for (const payload of [{}, { text: '' }, { text: '… — …' }, { text: 'x', speaker: '' }, { text: 'x', extra: 1 }]) {
    const response = await app.inject({ method: 'POST', url: '/v1/verify', payload })
    t.equal(response.statusCode, 400, JSON.stringify(payload))
    t.match(response.json(), { type: '/problems/validation' })
  }
})
