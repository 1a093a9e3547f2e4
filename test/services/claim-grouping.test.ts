import t, { type Test } from 'tap'
import { generateSyntheticCorpus, printedPieces, recluster, toClusterRendering } from '../../src/domain/claims/index.js'
import { authorized, buildApp } from '../helper.js'

type App = Awaited<ReturnType<typeof buildApp>>

const post = (app: App, url: string, text: string, outlet: string, publishedAt?: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: outlet }, text, ...(publishedAt ? { publishedAt } : {}) },
  })

const quotesOf = async (app: App, articleId: string) =>
  (await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json().items

t.test('the same words given to two speakers are flagged on both sides', async (t) => {
  const app = await buildApp(t)
  const words = 'Sovereignty is not for sale. Sovereignty is loved and defended.'
  const right = (await post(app, 'urn:t:1', `Claudia Sheinbaum spoke. “${words}” Sheinbaum said.`, 'Wire A')).json()
  const wrong = (
    await post(app, 'urn:t:2', `Ramón Ignacio Núñez Ortúzar spoke. “${words}” Núñez Ortúzar said.`, 'Wire B')
  ).json()
  const [rightQuote] = await quotesOf(app, right.id)
  const [wrongQuote] = await quotesOf(app, wrong.id)
  t.not(rightQuote.claimId, wrongQuote.claimId, 'each speaker has a claim of their own')
  t.match(wrongQuote.misattribution, { claimId: rightQuote.claimId, speaker: { name: 'Claudia Sheinbaum' } })
  t.match(rightQuote.misattribution, { claimId: wrongQuote.claimId, speaker: { name: 'Ramón Ignacio Núñez Ortúzar' } })

  const claim = (await app.inject({ url: `/v1/claims/${rightQuote.claimId}` })).json()
  t.match(claim.misattributions, [
    {
      quoteId: wrongQuote.id,
      namedSpeaker: { name: 'Ramón Ignacio Núñez Ortúzar' },
      article: { outlet: { name: 'Wire B' } },
    },
  ])
  const flagged = (await app.inject({ url: '/v1/claims?misattributed=true' })).json().items
  t.same(flagged.map((c: { id: string }) => c.id).sort(), [rightQuote.claimId, wrongQuote.claimId].sort())
  t.same((await app.inject({ url: '/v1/claims?misattributed=false' })).json().items, [])
})

t.test('a revised text regroups its claims; the claim keeps its id with its remaining rendering', async (t) => {
  const app = await buildApp(t)
  const early = '“We will never accept the presence of foreign troops on our territory,” Sheinbaum said.'
  const first = (
    await post(app, 'urn:t:first', `Claudia Sheinbaum spoke. ${early}`, 'Wire A', '2025-05-01T00:00:00Z')
  ).json()
  const second = (
    await post(app, 'urn:t:second', `Claudia Sheinbaum spoke. ${early}`, 'Wire B', '2025-05-02T00:00:00Z')
  ).json()
  const [firstQuote] = await quotesOf(app, first.id)
  const [secondQuote] = await quotesOf(app, second.id)
  t.equal(firstQuote.claimId, secondQuote.claimId)
  const claimId = firstQuote.claimId

  // The founding rendering's article is revised to say something else: the claim is refounded on the
  // remaining rendering, under the id it had.
  await post(
    app,
    'urn:t:first',
    'Claudia Sheinbaum spoke. “Our cooperation has limits and everyone knows them,” she said.',
    'Wire A',
    '2025-05-01T00:00:00Z',
  )
  const [moved] = await quotesOf(app, second.id)
  t.equal(moved.claimId, claimId)
  const refounded = (await app.inject({ url: `/v1/claims/${claimId}` })).json()
  t.match(refounded, { consistency: { renderings: 1 }, firstAppearance: { url: 'urn:t:second' } })
  t.equal(await app.prisma.claim.count(), 2)
})

/** Claims as facts of the articles: who, which renderings (by URL and position), canonical wording. */
async function claimFacts(app: App) {
  const claims = await app.prisma.claim.findMany({
    include: {
      speaker: { select: { name: true } },
      quotes: { select: { position: true, label: true, article: { select: { url: true } } } },
    },
  })
  return claims
    .map((claim) => ({
      speaker: claim.speaker.name,
      canonical: claim.canonicalText,
      renderings: claim.quotes.map((q) => `${q.article.url}#${q.position}:${q.label}`).sort(),
    }))
    .sort((x, y) => (x.renderings[0]! < y.renderings[0]! ? -1 : 1))
}

/**
 * The claims as stored (kept up to date incrementally, most of them extended from their tallies)
 * against a rebuild from scratch of every stored quote: the same seeds, canonical wordings, first
 * appearances, counts and wording tallies.
 */
async function assertMatchesRebuild(t: Test, app: App) {
  const quotes = await app.prisma.quote.findMany({ where: { speakerId: { not: null } }, include: { article: true } })
  const rebuilt = recluster(
    quotes.map((quote) =>
      toClusterRendering({
        id: quote.id,
        speakerKey: quote.speakerId!,
        text: printedPieces(quote.text, quote.spans as Array<[number, number]>),
        articleId: quote.articleId,
        publishedAt: quote.article.publishedAt,
        ingestedAt: quote.article.createdAt,
        url: quote.article.url,
        position: quote.position,
      }),
    ),
  )
  const claims = new Map(
    (await app.prisma.claim.findMany({ include: { wordings: true } })).map((claim) => [claim.seedQuoteId, claim]),
  )
  t.equal(claims.size, rebuilt.length, 'as many claims as a rebuild makes')
  for (const expected of rebuilt) {
    const claim = claims.get(expected.seedId)!
    t.strictSame(
      {
        canonical: claim.canonicalText,
        wording: claim.canonicalWording,
        first: claim.firstQuoteId,
        count: claim.renderingCount,
        wordings: claim.wordings.map((w) => [w.wording, w.articleCount, w.firstQuoteId, w.shownQuoteId]).sort(),
      },
      {
        canonical: expected.canonical.original,
        wording: expected.canonical.normalized,
        first: expected.firstAppearance.renderingId,
        count: expected.renderingIds.length,
        wordings: expected.wordings.map((w) => [w.normalized, w.articleCount, w.first.id, w.shown.id]).sort(),
      },
    )
  }
}

t.test('ingesting the same 50 articles in parallel and serially yields the same claims', async (t) => {
  const corpus = generateSyntheticCorpus({ seed: 7, articles: 50, speakers: 4, utterances: 12, undatedShare: 0 })
  const ingest = (app: App, article: (typeof corpus.articles)[number]) =>
    post(app, article.url, article.text, article.outlet, article.publishedAt!.toISOString())

  const serial = await buildApp(t)
  for (const article of corpus.articles) t.equal((await ingest(serial, article)).statusCode, 201)
  const parallel = await buildApp(t)
  const shuffled = [...corpus.articles].reverse()
  const statuses = await Promise.all(shuffled.map((article) => ingest(parallel, article)))
  t.same(new Set(statuses.map((response) => response.statusCode)), new Set([201]))

  const expected = await claimFacts(serial)
  t.ok(expected.length >= 10, `${expected.length} claims`)
  t.same(await claimFacts(parallel), expected)
  await assertMatchesRebuild(t, serial)
  await assertMatchesRebuild(t, parallel)
})

t.test('a claim stored before wording tallies existed is summarised from its members and gets them', async (t) => {
  const app = await buildApp(t)
  const text = (words: string) => `“${words},” Claudia Sheinbaum said.`
  const full = 'Sovereignty is not for sale. Sovereignty is loved and defended'
  t.equal((await post(app, 'https://a.example/1', text(full), 'A', '2025-05-03T10:00:00Z')).statusCode, 201)
  // What a database migrated from before the tallies holds: claims without them.
  await app.db.query('DELETE FROM claim_wording')
  await app.db.query('UPDATE claim SET canonical_wording = NULL, first_quote_id = NULL')
  t.equal((await post(app, 'https://b.example/2', text(full), 'B', '2025-05-03T11:00:00Z')).statusCode, 201)
  t.equal(await app.prisma.claimWording.count(), 1, 'the claim has its tallies again')
  await assertMatchesRebuild(t, app)
})
