import t, { type Test } from 'tap'
import { authorized, buildApp } from '../../helper.js'

type App = Awaited<ReturnType<typeof buildApp>>

// Invented speaker, outlets and words.
const FULL = 'The harbour will reopen next spring, and the ferries will run every hour.'
const EXCERPT = 'The ferries will run every hour.'

const post = (app: App, url: string, text: string, outlet: string, publishedAt: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: {
      url,
      outlet: { name: outlet, domain: `${outlet.toLowerCase().replace(/ /g, '')}.example` },
      text,
      publishedAt,
    },
  })

const quotesOf = async (app: App, articleId: string) =>
  (await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json().items

async function twoOutlets(t: Test) {
  const app = await buildApp(t)
  const full = (
    await post(
      app,
      'https://harbour.example/a',
      `Ilse Marwood spoke on Monday. “${FULL}” Ilse Marwood said.`,
      'Coast Post',
      '2026-03-01T08:00:00Z',
    )
  ).json()
  const cut = (
    await post(
      app,
      'https://tide.example/b',
      `“${EXCERPT}” Ilse Marwood said on Monday.`,
      'Tide Daily',
      '2026-03-01T12:00:00Z',
    )
  ).json()
  const [fullQuote] = await quotesOf(app, full.id)
  const [cutQuote] = await quotesOf(app, cut.id)
  return { app, full, cut, fullQuote, cutQuote }
}

t.test('an exact excerpt is fully faithful and covers its share of the wording', async (t) => {
  const { app, cut, fullQuote, cutQuote } = await twoOutlets(t)
  t.match(fullQuote, { text: FULL, label: 'verbatim', fidelity: 1, coverage: 1 })
  t.match(cutQuote, { text: EXCERPT, label: 'excerpt', fidelity: 1, coverage: 6 / 13 })
  t.equal(cutQuote.claimId, fullQuote.claimId)

  const claim = (await app.inject({ url: `/v1/claims/${cutQuote.claimId}` })).json()
  t.equal(claim.canonicalText, FULL)
  t.equal(claim.consistency.lowestFidelity, 1, 'an excerpt printed exactly does not lower the claim’s fidelity')
  t.match(claim.appearances, [
    { quoteId: fullQuote.id, fidelity: 1, coverage: 1 },
    { quoteId: cutQuote.id, label: 'excerpt', fidelity: 1, coverage: 6 / 13 },
  ])

  const scorecard = (await app.inject({ url: `/v1/outlets/${cut.outlet.id}/scorecard` })).json()
  t.match(scorecard, { renderings: 1, meanFidelity: 1, meanCoverage: 6 / 13, byLabel: { excerpt: 1 } })

  const verified = (
    await app.inject({ method: 'POST', url: '/v1/verify', payload: { text: 'the ferries will run every hour' } })
  ).json()
  t.match(verified, { verdict: 'excerpt', matches: [{ label: 'excerpt', fidelity: 1, coverage: 6 / 13 }] })
  const changed = (
    await app.inject({
      method: 'POST',
      url: '/v1/verify',
      payload: { text: 'The harbour will reopen next spring, and the boats will run every hour.' },
    })
  ).json()
  t.match(changed, { verdict: 'altered', matches: [{ fidelity: (2 * 12) / (13 + 13), coverage: 12 / 13 }] })
})

t.test('a verdict from before coverage is made again when its claim is regrouped', async (t) => {
  const { app, full, fullQuote, cutQuote } = await twoOutlets(t)
  // As a database migrated from before coverage holds it: the old closeness figure, no coverage.
  await app.prisma.quote.updateMany({
    where: { id: { in: [fullQuote.id, cutQuote.id] } },
    data: { fidelity: 0.5, coverage: null },
  })
  t.match((await quotesOf(app, full.id))[0], { coverage: null, fidelity: 0.5 })
  // A revision of the excerpt's article regroups the claim from its members.
  const revised = await post(
    app,
    'https://tide.example/b',
    `“${EXCERPT}” Ilse Marwood said on Monday, at the quay.`,
    'Tide Daily',
    '2026-03-01T12:00:00Z',
  )
  t.equal(revised.json().status, 'revised')
  const [again] = await quotesOf(app, full.id)
  t.match(again, { id: fullQuote.id, label: 'verbatim', fidelity: 1, coverage: 1 })
})

t.test('a claim shows who an outlet had a rendering from', async (t) => {
  const { app, fullQuote } = await twoOutlets(t)
  const relayed = (
    await post(
      app,
      'https://relay.example/c',
      `“${FULL}” Ilse Marwood said on Monday, according to The Harbour Wire.`,
      'Relay Times',
      '2026-03-02T09:00:00Z',
    )
  ).json()
  const [relayedQuote] = await quotesOf(app, relayed.id)
  t.match(relayedQuote, { via: 'Harbour Wire', claimId: fullQuote.claimId })
  const claim = (await app.inject({ url: `/v1/claims/${fullQuote.claimId}` })).json()
  const via = Object.fromEntries(
    claim.appearances.map((a: { quoteId: string; via: string | null }) => [a.quoteId, a.via]),
  )
  t.same(via[relayedQuote.id], 'Harbour Wire')
  t.same(via[fullQuote.id], null)
})

t.test(
  'a quote printed in pieces is shown piece by piece, and never as the canonical text when someone printed it whole',
  async (t) => {
    const first = 'The tide is high and still rising,'
    const second = 'Every boat will stay in the harbour today.'
    const whole = 'The tide is high and still rising. Every boat will stay in the harbour today.'
    for (const order of ['pieces first', 'whole first']) {
      const app = await buildApp(t)
      const articles = [
        {
          url: 'https://harbour.example/pieces',
          text: `“${first}” Ilse Marwood said on Monday. “${second}”`,
          outlet: 'Coast Post',
        },
        {
          url: 'https://tide.example/whole',
          text: `Ilse Marwood spoke on Monday. “${whole}” Ilse Marwood said.`,
          outlet: 'Tide Daily',
        },
      ]
      const ids: string[] = []
      for (const article of order === 'pieces first' ? articles : [...articles].reverse()) {
        ids.push((await post(app, article.url, article.text, article.outlet, '2026-03-04T08:00:00Z')).json().id)
      }
      if (order !== 'pieces first') ids.reverse()
      const [piecesQuote] = await quotesOf(app, ids[0]!)
      const [wholeQuote] = await quotesOf(app, ids[1]!)
      t.match(piecesQuote, { text: `${first} ${second}`, pieces: [first, second], label: 'verbatim' }, order)
      t.match(wholeQuote, { text: whole, pieces: [whole], claimId: piecesQuote.claimId }, order)
      const claim = (await app.inject({ url: `/v1/claims/${piecesQuote.claimId}` })).json()
      t.equal(claim.canonicalText, whole, `${order}: the text someone printed`)
      t.match(claim.consistency.distinctWordings, [{ text: whole, pieces: [whole], renderings: 2 }], order)
      const pieces = Object.fromEntries(
        claim.appearances.map((a: { quoteId: string; pieces: string[] }) => [a.quoteId, a.pieces]),
      )
      t.same(pieces, { [piecesQuote.id]: [first, second], [wholeQuote.id]: [whole] }, order)
      const verified = (await app.inject({ method: 'POST', url: '/v1/verify', payload: { text: whole } })).json()
      t.match(verified, { verdict: 'matches', matches: [{ wordings: [{ text: whole }] }] }, order)
    }
  },
)
