import t from 'tap'
import { buildApp } from '../../helper.js'

t.test('outlets, speakers and claims: list with cursor pagination, fetch by id, 404 otherwise', async (t) => {
  const app = await buildApp(t)
  const p = app.prisma
  const outlets = []
  for (const name of ['A', 'B', 'C'])
    outlets.push(await p.outlet.create({ data: { name, domain: `${name.toLowerCase()}.example` } }))
  const speaker = await p.speaker.create({
    data: {
      name: 'Claudia Sheinbaum',
      slug: 'claudia-sheinbaum',
      title: 'President of Mexico',
      aliases: {
        create: [
          { alias: 'Sheinbaum', aliasKey: 'sheinbaum' },
          { alias: 'Claudia Sheinbaum', aliasKey: 'claudia sheinbaum' },
        ],
      },
    },
  })
  const article = await p.article.create({
    data: {
      outletId: outlets[0]!.id,
      url: 'https://a.example/1',
      text: 't',
      contentHash: '0'.repeat(64),
      publishedAt: new Date('2025-05-03T00:00:00Z'),
    },
  })
  const claim = await p.claim.create({
    data: {
      speakerId: speaker.id,
      canonicalText: 'Sovereignty is not for sale.',
      normalizedText: 'sovereignty is not for sale',
      renderingCount: 1,
      firstArticleId: article.id,
      firstAppearedAt: article.publishedAt,
    },
  })
  const bare = await p.claim.create({ data: { speakerId: speaker.id, canonicalText: 'x', normalizedText: 'x' } })

  const page1 = (await app.inject({ url: '/v1/outlets?limit=2' })).json()
  t.same(
    page1.items.map((o: { name: string }) => o.name),
    ['C', 'B'],
  )
  const page2 = (await app.inject({ url: `/v1/outlets?limit=2&cursor=${page1.nextCursor}` })).json()
  t.same(
    page2.items.map((o: { name: string }) => o.name),
    ['A'],
  )
  t.equal(page2.nextCursor, null)
  t.match((await app.inject({ url: `/v1/outlets/${outlets[0]!.id}` })).json(), {
    name: 'A',
    domain: 'a.example',
    kind: 'unknown',
  })

  const speakers = (await app.inject({ url: '/v1/speakers' })).json()
  t.match(speakers.items, [
    { name: 'Claudia Sheinbaum', slug: 'claudia-sheinbaum', aliases: ['Claudia Sheinbaum', 'Sheinbaum'] },
  ])
  t.match((await app.inject({ url: `/v1/speakers/${speaker.id}` })).json(), {
    title: 'President of Mexico',
    wikidataId: null,
  })

  const claims = (await app.inject({ url: '/v1/claims' })).json()
  t.same(
    claims.items.map((c: { id: string }) => c.id),
    [bare.id, claim.id],
  )
  t.match((await app.inject({ url: `/v1/claims/${claim.id}` })).json(), {
    speaker: { id: speaker.id, name: 'Claudia Sheinbaum' },
    canonicalText: 'Sovereignty is not for sale.',
    renderingCount: 1,
    firstAppearance: { articleId: article.id, at: '2025-05-03T00:00:00.000Z' },
  })
  t.equal((await app.inject({ url: `/v1/claims/${bare.id}` })).json().firstAppearance, null)

  const missing = '01a1fd5d-0000-7000-8000-000000000000'
  for (const noun of ['outlet', 'speaker', 'claim']) {
    const response = await app.inject({ url: `/v1/${noun}s/${missing}` })
    t.equal(response.statusCode, 404)
    t.match(response.json(), { type: '/problems/not-found', detail: `no ${noun} with id ${missing}` })
    t.equal((await app.inject({ url: `/v1/${noun}s?limit=0` })).statusCode, 400)
    t.equal((await app.inject({ url: `/v1/${noun}s?cursor=abc` })).statusCode, 400)
  }
})
