import t from 'tap'
import { authorized, buildApp } from '../helper.js'

/**
 * Claim ids once returned always answer, whatever arrives later: the same claim under the same id,
 * a redirect to the claim that took its renderings, or a tombstone.
 */

type App = Awaited<ReturnType<typeof buildApp>>

const post = async (app: App, url: string, quote: string, publishedAt: string, outlet = 'Harbour Gazette') => {
  const text = quote ? `Minister Tarja Volkonen spoke on Tuesday. “${quote}” Volkonen said.` : 'The minister spoke.'
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: outlet }, text, publishedAt },
  })
  return response.json() as { id: string }
}

const claimOf = async (app: App, articleId: string): Promise<string> =>
  (await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json().items[0].claimId

const follow = async (app: App, id: string) => {
  const response = await app.inject({ url: `/v1/claims/${id}` })
  return { status: response.statusCode, location: response.headers.location, body: response.json() }
}

const WHOLE = 'The ferry to the islands will run every hour from May, and the fares will not rise this year.'
const FIRST_HALF = 'The ferry to the islands will run every hour from May.'
const SECOND_HALF = 'The fares will not rise this year, whatever the price of fuel does.'

t.test('an earlier article with the same words: the claim keeps its id and its new first appearance', async (t) => {
  const app = await buildApp(t)
  const late = await post(app, 'urn:id:late', WHOLE, '2025-06-04T09:00:00Z')
  const claimId = await claimOf(app, late.id)
  const early = await post(app, 'urn:id:early', WHOLE, '2025-06-03T09:00:00Z', 'Island Courier')
  t.equal(await claimOf(app, early.id), claimId, 'the earlier rendering joins the claim it founds now')
  const claim = await follow(app, claimId)
  t.equal(claim.status, 200)
  t.match(claim.body, { consistency: { renderings: 2 }, firstAppearance: { url: 'urn:id:early' } })
  t.equal(await app.prisma.claim.count(), 1)
})

t.test('a revision rewording the only rendering keeps the claim id', async (t) => {
  const app = await buildApp(t)
  const article = await post(app, 'urn:id:rev', WHOLE, '2025-06-04T09:00:00Z')
  const claimId = await claimOf(app, article.id)
  await post(app, 'urn:id:rev', WHOLE.replace('every hour', 'every half hour'), '2025-06-04T09:00:00Z')
  t.equal(await claimOf(app, article.id), claimId)
  t.match((await follow(app, claimId)).body, { canonicalText: /every half hour/ })
})

t.test('a revision withdrawing the quote leaves a tombstone: 410, never 404', async (t) => {
  const app = await buildApp(t)
  const article = await post(app, 'urn:id:gone', WHOLE, '2025-06-04T09:00:00Z')
  const claimId = await claimOf(app, article.id)
  await post(app, 'urn:id:gone', '', '2025-06-04T09:00:00Z')
  const claim = await follow(app, claimId)
  t.equal(claim.status, 410)
  t.match(claim.body, { type: '/problems/claim-removed', status: 410 })
  t.equal(await app.prisma.claim.count(), 0)
  const unknown = await follow(app, '00000000-0000-4000-8000-000000000000')
  t.equal(unknown.status, 404, 'an id never returned is still not found')
})

t.test('two claims merged by an earlier, fuller rendering: the older id stays, the other redirects', async (t) => {
  const app = await buildApp(t)
  const first = await post(app, 'urn:id:a', FIRST_HALF, '2025-06-05T09:00:00Z')
  const second = await post(app, 'urn:id:b', SECOND_HALF, '2025-06-06T09:00:00Z', 'Island Courier')
  const kept = await claimOf(app, first.id)
  const merged = await claimOf(app, second.id)
  t.not(kept, merged, 'two halves, two claims')

  const full = `${FIRST_HALF} ${SECOND_HALF}`
  const fuller = await post(app, 'urn:id:full', full, '2025-06-01T09:00:00Z', 'Coast Daily')
  t.equal(await claimOf(app, fuller.id), kept)
  t.equal(await claimOf(app, second.id), kept)
  const redirect = await follow(app, merged)
  t.equal(redirect.status, 308)
  t.equal(redirect.location, `/v1/claims/${kept}`)
  t.match(redirect.body, { type: '/problems/claim-merged', mergedInto: kept })
  t.match((await follow(app, kept)).body, { consistency: { renderings: 3 } })

  // The fuller article is revised away: the halves part again. The id that redirected now names the
  // claim holding its earliest rendering, and the redirect never breaks.
  await post(app, 'urn:id:full', '', '2025-06-01T09:00:00Z', 'Coast Daily')
  t.equal(await claimOf(app, first.id), kept, 'the split keeps the id with the earliest rendering')
  const after = await follow(app, merged)
  t.ok([200, 308].includes(after.status), 'the merged id still answers')
  if (after.status === 308) t.equal(after.location, `/v1/claims/${kept}`)
})

t.test('a split keeps the id with the part that holds the earliest rendering', async (t) => {
  const app = await buildApp(t)
  const full = `${FIRST_HALF} ${SECOND_HALF}`
  const founder = await post(app, 'urn:id:f', full, '2025-06-01T09:00:00Z')
  const a = await post(app, 'urn:id:fa', FIRST_HALF, '2025-06-02T09:00:00Z', 'Island Courier')
  const b = await post(app, 'urn:id:fb', SECOND_HALF, '2025-06-03T09:00:00Z', 'Coast Daily')
  const claimId = await claimOf(app, founder.id)
  t.equal(await claimOf(app, a.id), claimId)
  t.equal(await claimOf(app, b.id), claimId)

  await post(app, 'urn:id:f', '', '2025-06-01T09:00:00Z')
  t.equal(await claimOf(app, a.id), claimId, 'the earliest remaining rendering keeps the id')
  const other = await claimOf(app, b.id)
  t.not(other, claimId)
  t.equal((await follow(app, other)).status, 200)
  t.match((await follow(app, claimId)).body, { consistency: { renderings: 1 }, firstAppearance: { url: 'urn:id:fa' } })
})
