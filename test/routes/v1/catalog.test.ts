import t from 'tap'
import { buildApp } from '../../helper.js'

t.test('outlets and speakers: list with cursor pagination, fetch by id, 404 otherwise', async (t) => {
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
    links: { html: `/outlets/${outlets[0]!.id}` },
  })
  t.same(
    page1.items.map((o: { links: { html: string } }) => o.links.html),
    [outlets[2]!, outlets[1]!].map((outlet) => `/outlets/${outlet.id}`),
    'each outlet links to its page',
  )
  t.same((await app.inject({ url: `/v1/speakers/${speaker.id}` })).json().links, { html: `/speakers/${speaker.id}` })

  const speakers = (await app.inject({ url: '/v1/speakers' })).json()
  t.match(speakers.items, [
    { name: 'Claudia Sheinbaum', slug: 'claudia-sheinbaum', aliases: ['Claudia Sheinbaum', 'Sheinbaum'] },
  ])
  t.match((await app.inject({ url: `/v1/speakers/${speaker.id}` })).json(), {
    title: 'President of Mexico',
    wikidataId: null,
  })

  const missing = '01a1fd5d-0000-7000-8000-000000000000'
  for (const noun of ['outlet', 'speaker']) {
    const response = await app.inject({ url: `/v1/${noun}s/${missing}` })
    t.equal(response.statusCode, 404)
    t.match(response.json(), { type: '/problems/not-found', detail: `no ${noun} with id ${missing}` })
    t.equal((await app.inject({ url: `/v1/${noun}s?limit=0` })).statusCode, 400)
    t.equal((await app.inject({ url: `/v1/${noun}s?cursor=abc` })).statusCode, 400)
  }
})
