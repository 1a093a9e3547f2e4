import t from 'tap'
import type { FastifyInstance } from 'fastify'
import {
  BRIDGE,
  firstQuoteOf as quoteOf,
  ingestArticle as ingest,
  oneSpeakerForTwo,
  PIER,
} from '../../fixtures/speaker-articles.js'
import { asAdmin, buildApp } from '../../helper.js'

// Invented articles about two invented people who share a surname.
type App = FastifyInstance

const split = (app: App, id: string, payload: object) =>
  app.inject({ method: 'POST', url: `/v1/speakers/${id}/split`, headers: asAdmin, payload })

t.test('splitting a name off a speaker: the quotes its articles name move, with their claims', async (t) => {
  const app = await buildApp(t)
  const { pier, bridge, minister, pierClaim, bridgeClaim } = await oneSpeakerForTwo(app)

  const response = await split(app, minister.id, { alias: 'Torvald', name: 'Erik Torvald', reason: 'her brother' })
  t.equal(response.statusCode, 201, response.body)
  const brother = response.json()
  t.equal(response.headers.location, `/v1/speakers/${brother.id}`)
  t.match(brother, { name: 'Erik Torvald', slug: 'erik-torvald', kind: 'person', nameCorrected: true })
  t.same([...brother.aliases].sort(), ['Erik Torvald', 'Torvald'])

  t.equal((await quoteOf(app, pier)).speaker?.id, brother.id, 'the article naming only "Torvald" is his')
  t.equal((await quoteOf(app, bridge)).speaker?.id, minister.id, 'the article naming the minister stays hers')
  const claim = await app.inject({ url: `/v1/claims/${pierClaim}` })
  t.equal(claim.statusCode, 200, 'a claim whose renderings all moved keeps its id')
  t.equal(claim.json().speaker.id, brother.id)
  t.equal((await app.inject({ url: `/v1/claims/${bridgeClaim}` })).json().speaker.id, minister.id)
  const hers = (await app.inject({ url: `/v1/speakers/${minister.id}` })).json()
  t.notOk(hers.aliases.includes('Torvald'), 'the name is taken from her')

  // Asked again: the same speaker, nothing new; the audit trail has the split once.
  const again = await split(app, minister.id, { alias: 'Torvald', name: 'Erik Torvald' })
  t.equal(again.statusCode, 200, again.body)
  t.equal(again.json().id, brother.id)
  const events = (await app.inject({ url: '/v1/audit?action=speaker.split', headers: asAdmin })).json().items
  t.equal(events.length, 1)
  t.match(events[0], {
    entity: { type: 'speaker', id: minister.id },
    reason: 'her brother',
    details: { alias: 'Torvald', newSpeakerId: brother.id, quotesMoved: 1 },
  })

  // The split holds: the article revised, and later ones, name the speaker it says.
  await ingest(
    app,
    'https://harbour.example/pier',
    '2026-06-01T08:00:00Z',
    `The harbour committee met on Tuesday evening. “${PIER}” Torvald said.`,
  )
  t.equal((await quoteOf(app, pier)).speaker?.id, brother.id, 'after a revision')
  const later = await ingest(
    app,
    'https://harbour.example/roof',
    '2026-06-05T08:00:00Z',
    'The roof went up this week. “The pier is ready for the storms,” Torvald said.',
  )
  t.equal((await quoteOf(app, later)).speaker?.id, brother.id, 'a later article naming "Torvald"')
  const hersLater = await ingest(
    app,
    'https://north.example/opening',
    '2026-06-06T08:00:00Z',
    'Minister Ana Torvald cut the ribbon. “The bridge is open at last,” Torvald said.',
  )
  t.equal((await quoteOf(app, hersLater)).speaker?.id, minister.id, 'a later article naming the minister')
})

t.test('a split takes a claim’s first rendering away: the speaker’s later renderings regroup without it', async (t) => {
  const app = await buildApp(t)
  // The brother said it first; the minister repeated most of it a day later. One speaker, one claim.
  const pier = await ingest(
    app,
    'https://harbour.example/pier',
    '2026-06-01T08:00:00Z',
    `The harbour committee met on Tuesday. “${PIER}” Torvald said.`,
  )
  const echo = await ingest(
    app,
    'https://north.example/echo',
    '2026-06-02T08:00:00Z',
    'Minister Ana Torvald visited the harbour. “The pier needs a new roof before the first storms,” Ana Torvald said.',
  )
  const [first, later] = [await quoteOf(app, pier), await quoteOf(app, echo)]
  t.equal(first.claimId, later.claimId, 'one claim before the split')
  const made = await split(app, first.speaker!.id, { alias: 'Torvald', name: 'Erik Torvald' })
  t.equal(made.statusCode, 201, made.body)
  const [his, hers] = [await quoteOf(app, pier), await quoteOf(app, echo)]
  t.equal(his.claimId, first.claimId, 'the claim goes with its first rendering')
  t.not(hers.claimId, his.claimId, 'her rendering is no longer in his claim')
  const herClaim = (await app.inject({ url: `/v1/claims/${hers.claimId}` })).json()
  t.equal(herClaim.speaker.id, first.speaker!.id, 'it is in a claim of hers')
  t.same(
    herClaim.appearances.map((appearance: { quoteId: string }) => appearance.quoteId),
    [hers.id],
  )
})

t.test('a wrong merge undone by a split: the claim ids survive both', async (t) => {
  const app = await buildApp(t)
  const hers = await ingest(
    app,
    'https://north.example/bridge',
    '2026-06-02T08:00:00Z',
    `Minister Ana Torvald opened the works. “${BRIDGE}” Ana Torvald said.`,
  )
  const his = await ingest(
    app,
    'https://harbour.example/pier',
    '2026-06-01T08:00:00Z',
    `Erik Torvald chairs the harbour committee. “${PIER}” Erik Torvald said.`,
  )
  const [minister, brother] = [(await quoteOf(app, hers)).speaker!, (await quoteOf(app, his)).speaker!]
  const claim = (await quoteOf(app, his)).claimId
  const merged = await app.inject({
    method: 'POST',
    url: `/v1/speakers/${minister.id}/merge`,
    headers: asAdmin,
    payload: { duplicateId: brother.id },
  })
  t.equal(merged.statusCode, 200, merged.body)
  t.equal((await quoteOf(app, his)).speaker?.id, minister.id)

  const undone = await split(app, minister.id, { alias: 'Erik Torvald' })
  t.equal(undone.statusCode, 201, undone.body)
  t.equal(undone.json().name, 'Erik Torvald')
  const now = await quoteOf(app, his)
  t.equal(now.speaker?.id, undone.json().id, 'his quote is his again')
  t.equal(now.claimId, claim, 'in the claim it was in before the merge')
  t.equal((await quoteOf(app, hers)).speaker?.id, minister.id)
  const oldId = await app.inject({ url: `/v1/speakers/${brother.id}` })
  t.equal(oldId.headers.location, `/v1/speakers/${undone.json().id}`, 'his merged id points to him again')

  // Merged again after all: both of his ids lead to her, and his name finds her.
  const again = await app.inject({
    method: 'POST',
    url: `/v1/speakers/${minister.id}/merge`,
    headers: asAdmin,
    payload: { duplicateId: undone.json().id },
  })
  t.equal(again.statusCode, 200, again.body)
  for (const id of [brother.id, undone.json().id]) {
    const answer = await app.inject({ url: `/v1/speakers/${id}` })
    t.equal(answer.headers.location, `/v1/speakers/${minister.id}`)
  }
  t.equal((await quoteOf(app, his)).speaker?.id, minister.id)
})

t.test('splits that make no sense are refused, and change nothing', async (t) => {
  const app = await buildApp(t)
  const { minister, pier } = await oneSpeakerForTwo(app)
  const absent = await split(app, minister.id, { alias: 'Lund' })
  t.equal(absent.statusCode, 404)
  t.match(absent.json(), { detail: /no alias "Lund"/ })
  const own = await split(app, minister.id, { alias: 'Ana Torvald' })
  t.equal(own.statusCode, 409)
  t.match(own.json(), { errors: [{ field: '/alias' }] })
  const board = await ingest(
    app,
    'https://north.example/board',
    '2026-06-05T08:00:00Z',
    'Minister Ana Torvald met Erik Lund. “Tolls stay as they are,” Erik Lund said.',
  )
  t.equal((await quoteOf(app, board)).speaker?.name, 'Erik Lund')
  const taken = await split(app, minister.id, { alias: 'Torvald', name: 'Erik Lund' })
  t.equal(taken.statusCode, 409, 'a name another speaker goes by')
  t.match(taken.json(), { errors: [{ field: '/name' }] })
  await app.inject({
    method: 'POST',
    url: `/v1/speakers/${(await quoteOf(app, board)).speaker!.id}/aliases`,
    headers: asAdmin,
    payload: { alias: 'E. Lund' },
  })
  const aliased = await split(app, minister.id, { alias: 'Torvald', name: 'E. Lund' })
  t.equal(aliased.statusCode, 409, 'a name another speaker goes by as an alias')
  t.equal((await split(app, minister.id, { alias: ' ' })).statusCode, 400)
  t.equal((await split(app, minister.id, {})).statusCode, 400)
  t.equal((await split(app, '01936f0e-5b3c-7d4e-9a6f-2c8b1d0e4f5a', { alias: 'Torvald' })).statusCode, 404)
  t.equal((await quoteOf(app, pier)).speaker?.id, minister.id, 'nothing moved')
})

t.test('a split holds while articles naming the split name are ingested in parallel', async (t) => {
  const app = await buildApp(t)
  const { minister } = await oneSpeakerForTwo(app)
  const articles = Array.from({ length: 6 }, (_, n) =>
    ingest(
      app,
      `https://harbour${n}.example/pier`,
      `2026-06-1${n}T08:00:00Z`,
      `The committee met on day ${n}. “The pier roof holds on day ${n},” Torvald said.`,
    ),
  )
  const [made, ...ingested] = await Promise.all([
    split(app, minister.id, { alias: 'Torvald', name: 'Erik Torvald' }),
    ...articles,
  ])
  t.equal(made.statusCode, 201, made.body)
  for (const id of ingested) {
    t.equal((await quoteOf(app, id)).speaker?.id, made.json().id, 'his, whichever committed first')
  }
})

t.test('a split undone (merged back, or the alias added back) and asked for again is made again', async (t) => {
  const app = await buildApp(t)
  const { minister, pier } = await oneSpeakerForTwo(app)
  const first = await split(app, minister.id, { alias: 'Torvald', name: 'Erik Torvald' })
  t.equal(first.statusCode, 201, first.body)
  const mergedBack = await app.inject({
    method: 'POST',
    url: `/v1/speakers/${minister.id}/merge`,
    headers: asAdmin,
    payload: { duplicateId: first.json().id },
  })
  t.equal(mergedBack.statusCode, 200, mergedBack.body)
  t.equal((await quoteOf(app, pier)).speaker?.id, minister.id)

  const second = await split(app, minister.id, { alias: 'Torvald', name: 'Erik Torvald' })
  t.equal(second.statusCode, 201, 'a new split, not the retry of the first')
  t.not(second.json().id, minister.id)
  t.equal((await quoteOf(app, pier)).speaker?.id, second.json().id, 'his quote is his again')
})
