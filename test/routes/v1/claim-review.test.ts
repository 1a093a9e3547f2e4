import { randomUUID } from 'node:crypto'
import t from 'tap'
import { claimOf, HARBOUR, ingest } from '../../fixtures/fact-check-articles.js'
import { buildApp } from '../../helper.js'

t.test('a claim as ClaimReview JSON-LD: speaker, appearances, reviewer, and no rating of its own', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const claim = await claimOf(app, 'harbour will reopen in the spring')
  const response = await app.inject({ url: `/v1/claims/${claim.id}/claimreview` })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/ld\+json/)
  t.equal(response.headers.vary, 'Accept')
  const review = response.json()
  const dailyLedger = {
    '@type': 'NewsArticle',
    url: 'https://dailyledger.example/city/harbour',
    headline: 'Harbour to reopen',
    datePublished: '2026-03-02T09:00:00.000Z',
    publisher: { '@type': 'Organization', name: 'The Daily Ledger', url: 'https://dailyledger.example' },
    hasPart: [{ '@type': 'Quotation', text: HARBOUR }],
  }
  t.same(review, {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `http://localhost:80/v1/claims/${claim.id}`,
    name: `How outlets quoted Jane Roe: “${HARBOUR}”`,
    claimReviewed: HARBOUR,
    reviewAspect: 'attribution: whether outlets printed the speaker’s words as spoken',
    reviewBody:
      '2 renderings of these words of Jane Roe in 2 articles from 2 outlets, compared word by word with the wording printed most often: 1 verbatim, 1 excerpt. This review is of attribution: whether the words printed are the speaker’s. It does not rate whether what was said is true.',
    inLanguage: 'en',
    author: { '@type': 'Organization', name: 'Verbatim', url: 'http://localhost:80/' },
    datePublished: claim.createdAt,
    dateModified: claim.updatedAt,
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Jane Roe', jobTitle: 'Mayor' },
      datePublished: '2026-03-02T09:00:00.000Z',
      firstAppearance: dailyLedger,
      appearance: [
        dailyLedger,
        {
          '@type': 'NewsArticle',
          url: 'https://coastwatch.example/news/harbour-spring',
          datePublished: '2026-03-03T10:00:00.000Z',
          publisher: { '@type': 'Organization', name: 'Coast Watch', url: 'https://coastwatch.example' },
          hasPart: [{ '@type': 'Quotation', text: 'The harbour will reopen in the spring,' }],
        },
      ],
    },
  })

  const plain = await app.inject({
    url: `/v1/claims/${claim.id}/claimreview`,
    headers: { accept: 'application/json' },
  })
  t.match(plain.headers['content-type'], /^application\/json/, 'plain JSON for a client that asks for it')
  t.same(plain.json(), review, 'the same document')
  const either = await app.inject({
    url: `/v1/claims/${claim.id}/claimreview`,
    headers: { accept: 'application/json;q=0.5, application/ld+json' },
  })
  t.match(either.headers['content-type'], /^application\/ld\+json/)

  // Outlets with no domain and articles with no date: no url or date is made up for them.
  const tariffs = await claimOf(app, 'tariffs on grain will fall by june')
  const undated = (await app.inject({ url: `/v1/claims/${tariffs.id}/claimreview` })).json()
  t.same(undated.itemReviewed.firstAppearance.publisher, { '@type': 'Organization', name: 'Wirtschaftsblatt' })
  t.notOk('datePublished' in undated.itemReviewed, 'no claim date when the first printing gave none')
  t.notOk('datePublished' in undated.itemReviewed.firstAppearance)
})

t.test(
  'the reviewing organisation is configured; unknown, merged and removed claims answer as claims do',
  async (t) => {
    const app = await buildApp(t, {
      CLAIM_REVIEW_PUBLISHER: 'Harbour Desk Fact Check',
      CLAIM_REVIEW_PUBLISHER_URL: 'https://www.harbourdesk.example/factcheck',
    })
    await ingest(app)
    const claim = await claimOf(app, 'harbour will reopen in the spring')
    const review = (await app.inject({ url: `/v1/claims/${claim.id}/claimreview` })).json()
    t.same(review.author, {
      '@type': 'Organization',
      name: 'Harbour Desk Fact Check',
      url: 'https://www.harbourdesk.example/factcheck',
    })

    // A claim whose first printing is not known (its article was deleted) has no first appearance.
    await app.prisma.claim.update({ where: { id: claim.id }, data: { firstArticleId: null } })
    const firstUnknown = (await app.inject({ url: `/v1/claims/${claim.id}/claimreview` })).json()
    t.notOk('firstAppearance' in firstUnknown.itemReviewed)
    t.equal(firstUnknown.itemReviewed.appearance.length, 2)

    const unknown = randomUUID()
    const missing = await app.inject({ url: `/v1/claims/${unknown}/claimreview` })
    t.equal(missing.statusCode, 404)
    t.match(missing.headers['content-type'], /^application\/problem\+json/)
    const merged = randomUUID()
    const removed = randomUUID()
    await app.prisma.claimRedirect.createMany({
      data: [
        { fromId: merged, toId: claim.id, reason: 'merged' },
        { fromId: removed, toId: null, reason: 'removed' },
      ],
    })
    const redirect = await app.inject({ url: `/v1/claims/${merged}/claimreview` })
    t.equal(redirect.statusCode, 308)
    t.equal(redirect.headers.location, `/v1/claims/${claim.id}/claimreview`, 'to the surviving claim’s review')
    t.equal((await app.inject({ url: `/v1/claims/${merged}` })).headers.location, `/v1/claims/${claim.id}`)
    t.equal((await app.inject({ url: `/v1/claims/${removed}/claimreview` })).statusCode, 410)
    t.equal((await app.inject({ url: '/v1/claims/not-a-uuid/claimreview' })).statusCode, 400)
  },
)
