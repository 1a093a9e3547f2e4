import t from 'tap'
import { claimOf, HARBOUR, ingest } from '../../fixtures/fact-check-articles.js'
import { buildApp } from '../../helper.js'

t.test('claims:search answers as Google Fact Check Tools does', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const harbour = await claimOf(app, 'harbour will reopen in the spring')
  const tariffs = await claimOf(app, 'tariffs on grain will fall by june')
  const search = async (query: string) => {
    const response = await app.inject({ url: `/v1/claims:search?${query}` })
    t.equal(response.statusCode, 200, query)
    return response.json()
  }

  t.same(await search(`query=${encodeURIComponent('the harbour will reopen')}`), {
    claims: [
      {
        text: HARBOUR,
        claimant: 'Jane Roe',
        claimDate: '2026-03-02T09:00:00.000Z',
        claimReview: [
          {
            publisher: { name: 'Verbatim', site: 'localhost' },
            url: `http://localhost:80/v1/claims/${harbour.id}`,
            title: `How outlets quoted Jane Roe: “${HARBOUR}”`,
            reviewDate: harbour.createdAt,
            languageCode: 'en',
          },
        ],
      },
    ],
  })
  const undated = await search('query=tariffs+on+grain')
  t.notOk('claimDate' in undated.claims[0], 'no claim date when its first printing gave none')

  // Pages: pageSize and pageToken as limit and cursor; no nextPageToken on the last page.
  const first = await search('reviewPublisherSiteFilter=localhost&pageSize=1')
  t.same(
    first.claims.map((claim: { text: string }) => claim.text),
    [tariffs.canonicalText],
    'newest first',
  )
  const second = await search(`reviewPublisherSiteFilter=localhost&pageSize=1&pageToken=${first.nextPageToken}`)
  t.same(
    second.claims.map((claim: { text: string }) => claim.text),
    [HARBOUR],
  )
  t.notOk('nextPageToken' in second, 'the last page')
  t.equal((await search('reviewPublisherSiteFilter=localhost')).claims.length, 2, '10 a page unless asked')
  t.same(await search('reviewPublisherSiteFilter=factcheck.example'), { claims: [] }, 'no other publisher’s reviews')

  // languageCode: by primary subtag, as Google does, so en-US finds the claim printed in en and en-GB.
  t.equal((await search('reviewPublisherSiteFilter=localhost&languageCode=en-US')).claims[0].text, HARBOUR)
  t.equal((await search('reviewPublisherSiteFilter=localhost&languageCode=en')).claims.length, 1)
  t.equal((await search('reviewPublisherSiteFilter=localhost&languageCode=DE')).claims[0].text, tariffs.canonicalText)
  t.equal((await search('reviewPublisherSiteFilter=localhost&languageCode=fr')).claims.length, 0)

  // maxAgeDays: by the claim's date or the review's, whichever is later.
  t.equal((await search('reviewPublisherSiteFilter=localhost&maxAgeDays=1')).claims.length, 2, 'reviewed today')
  const longAgo = new Date('2020-01-01T00:00:00Z')
  await app.prisma.claim.update({ where: { id: harbour.id }, data: { createdAt: longAgo, firstAppearedAt: longAgo } })
  t.same(
    (await search('reviewPublisherSiteFilter=localhost&maxAgeDays=30')).claims.map((c: { text: string }) => c.text),
    [tariffs.canonicalText],
  )
})

t.test('claims:search refuses what it cannot honour, each with a problem that says why', async (t) => {
  const app = await buildApp(t)
  const problem = async (query: string) => {
    const response = await app.inject({ url: `/v1/claims:search?${query}` })
    t.equal(response.statusCode, 400, query)
    t.match(response.headers['content-type'], /^application\/problem\+json/)
    return response.json()
  }
  t.match(await problem('pageSize=5'), {
    type: '/problems/validation',
    detail: 'query is required unless reviewPublisherSiteFilter is given',
    errors: [{ in: 'querystring', field: '/query' }],
  })
  t.match(await problem('query=harbour&offset=10'), {
    type: '/problems/unsupported-parameter',
    detail: /offset is not supported: page with pageToken/,
    errors: [{ in: 'querystring', field: '/offset', message: 'is not supported' }],
  })
  t.match(await problem('query=harbour&offset=10&key=abc'), {
    type: '/problems/unsupported-parameter',
    errors: [{ field: '/offset' }, { field: '/key' }],
  })
  t.match(await problem('query=harbour&pageToken=nonsense'), {
    type: '/problems/invalid-cursor',
    detail: 'pageToken is not one this API returned',
    errors: [{ in: 'querystring', field: '/pageToken' }],
  })
  t.match(await problem('query=harbour&pageSize=0'), { type: '/problems/validation', errors: [{ field: '/pageSize' }] })
  t.match(await problem('query=harbour&languageCode=english!'), { type: '/problems/validation' })
  t.match(await problem('query=harbour&sort=date'), { type: '/problems/validation', errors: [{ field: '/sort' }] })
})

t.test('claims:search names the configured reviewer, and its site is the one the site filter matches', async (t) => {
  const app = await buildApp(t, {
    CLAIM_REVIEW_PUBLISHER: 'Harbour Desk Fact Check',
    CLAIM_REVIEW_PUBLISHER_URL: 'https://www.harbourdesk.example/factcheck',
  })
  await ingest(app)
  const search = await app.inject({ url: '/v1/claims:search?reviewPublisherSiteFilter=harbourdesk.example' })
  t.equal(search.json().claims.length, 2, 'the configured site is this service’s, with or without www')
  t.same(search.json().claims[0].claimReview[0].publisher, {
    name: 'Harbour Desk Fact Check',
    site: 'harbourdesk.example',
  })
})
