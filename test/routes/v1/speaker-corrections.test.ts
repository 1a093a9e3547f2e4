import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { asAdmin, authorized, buildApp } from '../../helper.js'

// Invented articles about an invented minister and her deputy.
type App = FastifyInstance

async function ingest(app: App, url: string, text: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: 'Valley Herald' }, publishedAt: '2026-04-01T08:00:00Z', text },
  })
  t.ok([200, 201].includes(response.statusCode), response.body)
  return (response.json() as { id: string }).id
}

async function speakerOf(app: App, articleId: string) {
  const [quote] = (await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json().items
  return quote.speaker as { id: string; name: string } | null
}

const patch = (app: App, id: string, payload: unknown, headers: Record<string, string> = asAdmin) =>
  app.inject({ method: 'PATCH', url: `/v1/speakers/${id}`, headers, payload: payload as object })

t.test('a name an editor gives stands against fuller forms later articles print', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(
    app,
    'https://valley.example/1',
    'Minister Rhea Talvik spoke. “The dam holds,” Talvik said.',
  )
  const speaker = (await speakerOf(app, first))!
  t.equal(speaker.name, 'Rhea Talvik')

  // She goes by a shorter form: the editor says so.
  const renamed = await patch(app, speaker.id, {
    name: ' R. Talvik ',
    title: 'Minister of Water',
    wikidataId: 'Q999999901',
    reason: 'the name she signs with',
  })
  t.equal(renamed.statusCode, 200, renamed.body)
  t.match(renamed.json(), {
    id: speaker.id,
    name: 'R. Talvik',
    title: 'Minister of Water',
    wikidataId: 'Q999999901',
    nameCorrected: true,
  })
  t.ok(renamed.json().aliases.includes('R. Talvik'), 'the new name is an alias')

  // An article printing a fuller form of her name would have renamed the speaker; it does not now.
  const later = await ingest(
    app,
    'https://valley.example/2',
    'Minister Rhea T. Talvik spoke again. “The dam still holds,” Rhea T. Talvik said.',
  )
  t.same(await speakerOf(app, later), { id: speaker.id, name: 'R. Talvik' })
  t.equal((await app.inject({ url: `/v1/speakers/${speaker.id}` })).json().name, 'R. Talvik')

  t.equal(renamed.json().slug, 'r-talvik', 'the slug follows the name')

  // Her old name, removed as an alias, names someone else from then on.
  for (const alias of ['Rhea Talvik', 'Minister Rhea Talvik', 'Rhea T. Talvik', 'Talvik']) {
    await app.inject({
      method: 'DELETE',
      url: `/v1/speakers/${speaker.id}/aliases/${encodeURIComponent(alias)}`,
      headers: asAdmin,
    })
  }
  const namesake = await ingest(
    app,
    'https://valley.example/n',
    'Rhea Talvik, a farmer, spoke. “Rain came late,” Rhea Talvik said.',
  )
  t.not((await speakerOf(app, namesake))?.id, speaker.id, 'another Rhea Talvik')
  const taken = await patch(app, speaker.id, { name: 'Rhea Talvik' })
  t.equal(taken.statusCode, 409, 'a name another speaker goes by')
  t.match(taken.json(), { type: '/problems/conflict', errors: [{ field: '/name' }] })

  const cleared = await patch(app, speaker.id, { title: null })
  t.equal(cleared.json().title, null)
  const [event] = (await app.inject({ url: '/v1/audit?action=speaker.updated', headers: asAdmin })).json().items
  t.match(event, {
    entity: { type: 'speaker', id: speaker.id },
    before: { title: 'Minister of Water' },
    after: { title: null },
  })
})

t.test('aliases: one added finds the speaker; one removed is not learnt again', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(
    app,
    'https://valley.example/3',
    'Minister Rhea Talvik spoke. “The dam holds,” Talvik said.',
  )
  const speaker = (await speakerOf(app, first))!

  const add = (alias: string) =>
    app.inject({ method: 'POST', url: `/v1/speakers/${speaker.id}/aliases`, headers: asAdmin, payload: { alias } })
  const added = await add('Rhea Talvik-Oru')
  t.equal(added.statusCode, 201)
  t.equal(added.headers.location, `/v1/speakers/${speaker.id}`)
  t.ok(added.json().aliases.includes('Rhea Talvik-Oru'))
  t.equal((await add('rhea talvik-oru')).statusCode, 200, 'known already, whatever the case')

  // A later article printing the alias (her married name) finds the speaker by it.
  const byAlias = await ingest(app, 'https://valley.example/4', '“The spillway opens today,” said Rhea Talvik-Oru.')
  t.equal((await speakerOf(app, byAlias))?.id, speaker.id)

  // "Talvik" is removed: later articles naming only "Talvik" no longer find the speaker by it, and an
  // article that names her in full does not teach it to her again.
  const remove = (alias: string) =>
    app.inject({
      method: 'DELETE',
      url: `/v1/speakers/${speaker.id}/aliases/${encodeURIComponent(alias)}?reason=shared%20surname`,
      headers: asAdmin,
    })
  const removed = await remove('Talvik')
  t.equal(removed.statusCode, 200)
  t.notOk(removed.json().aliases.includes('Talvik'))
  await ingest(app, 'https://valley.example/5', 'Minister Rhea Talvik spoke. “The dam holds still,” Talvik said.')
  const aliases = (await app.inject({ url: `/v1/speakers/${speaker.id}` })).json().aliases
  t.notOk(aliases.includes('Talvik'), 'not learnt again')
  t.equal((await remove('Talvik')).statusCode, 404, 'the alias is gone')
  const { name } = (await app.inject({ url: `/v1/speakers/${speaker.id}` })).json()
  t.equal((await remove(name)).statusCode, 409, 'the speaker’s name stays an alias')

  t.equal((await add('Talvik')).statusCode, 201, 'an editor may add it back')
  const [event] = (await app.inject({ url: '/v1/audit?action=speaker.alias-removed', headers: asAdmin })).json().items
  t.match(event, { details: { alias: 'Talvik' }, reason: 'shared surname' })
})

t.test('a speaker correction that makes no sense is refused, and changes nothing', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(
    app,
    'https://valley.example/6',
    'Minister Rhea Talvik spoke. “The dam holds,” Talvik said.',
  )
  const other = await ingest(
    app,
    'https://valley.example/7',
    'Deputy Ivo Prenn spoke. “The river is high,” Prenn said.',
  )
  const rhea = (await speakerOf(app, first))!
  const ivo = (await speakerOf(app, other))!
  t.equal((await patch(app, ivo.id, { wikidataId: 'Q999999902' })).statusCode, 200)

  for (const [payload, field] of [
    [{}, ''],
    [{ reason: 'nothing else' }, ''],
    [{ name: '   ' }, '/name'],
    [{ name: 'x'.repeat(201) }, '/name'],
    [{ wikidataId: 'Talvik' }, '/wikidataId'],
    [{ slug: 'rhea' }, '/slug'],
  ] as const) {
    const response = await patch(app, rhea.id, payload)
    t.equal(response.statusCode, 400, JSON.stringify(payload))
    t.match(response.json().errors, [{ field }])
  }
  const taken = await patch(app, rhea.id, { wikidataId: 'Q999999902' })
  t.equal(taken.statusCode, 409, 'one Wikidata item, one speaker')
  t.match(taken.json(), { type: '/problems/conflict', errors: [{ field: '/wikidataId' }] })
  t.equal((await patch(app, rhea.id, { name: 'R. Talvik' }, authorized)).statusCode, 403)
  t.equal((await patch(app, '00000000-0000-4000-8000-000000000000', { name: 'Nobody' })).statusCode, 404)
  const unchanged = (await app.inject({ url: `/v1/speakers/${rhea.id}` })).json()
  t.match(unchanged, { name: 'Rhea Talvik', wikidataId: null, nameCorrected: false })
  const blank = await app.inject({
    method: 'POST',
    url: `/v1/speakers/${rhea.id}/aliases`,
    headers: asAdmin,
    payload: { alias: ' ' },
  })
  t.equal(blank.statusCode, 400)
})

t.test('speaker corrections hold while articles naming the speaker are ingested in parallel', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(
    app,
    'https://valley.example/p0',
    'Minister Rhea Talvik spoke. “The dam holds,” Talvik said.',
  )
  const speaker = (await speakerOf(app, first))!
  const articles = Array.from({ length: 6 }, (_, n) =>
    ingest(
      app,
      `https://valley.example/p${n + 1}`,
      `Minister Rhea T. Talvik spoke on day ${n}. “The dam held on day ${n},” Talvik said.`,
    ),
  )
  const [renamed, removed] = await Promise.all([
    patch(app, speaker.id, { name: 'R. Talvik' }),
    app.inject({ method: 'DELETE', url: `/v1/speakers/${speaker.id}/aliases/Talvik`, headers: asAdmin }),
    ...articles,
  ])
  t.equal(renamed.statusCode, 200, renamed.body)
  t.equal(removed.statusCode, 200, removed.body)
  const now = (await app.inject({ url: `/v1/speakers/${speaker.id}` })).json()
  t.equal(now.name, 'R. Talvik', 'the name the editor gave, whichever committed first')
  t.notOk(now.aliases.includes('Talvik'), 'the removed alias, whichever committed first')
})
