import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { asAdmin, authorized, buildApp, READ_KEY } from '../../helper.js'

// Invented articles: two outlets print the same words; one names the wrong person.
const FIRST = {
  url: 'https://first.example/council',
  outlet: { name: 'First Gazette' },
  publishedAt: '2026-03-01T10:00:00Z',
  text: 'Mayor Jane Roe spoke after the vote. “The bridge will be rebuilt before the winter comes,” Roe said.',
}
const SECOND = {
  url: 'https://second.example/bridge',
  outlet: { name: 'Second Courier' },
  publishedAt: '2026-03-02T10:00:00Z',
  text:
    'Senator John Doe sat beside the mayor. “The bridge will be rebuilt before the winter comes,” Doe said, ' +
    'calling the plan a “gamble” for the town.',
}

interface Quote {
  id: string
  text: string
  speaker: { id: string; name: string } | null
  claimId: string | null
  speakerCorrected: boolean
}

async function ingest(app: FastifyInstance, article: Record<string, unknown>): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article })
  t.ok([200, 201].includes(response.statusCode), response.body)
  return (response.json() as { id: string }).id
}

async function quotesOf(app: FastifyInstance, articleId: string): Promise<Quote[]> {
  return ((await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json() as { items: Quote[] }).items
}

const bridge = (quotes: Quote[]) => quotes.find((quote) => quote.text.startsWith('The bridge'))!

t.test('an editor gives a quote its speaker, and the correction holds', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(app, FIRST)
  const second = await ingest(app, SECOND)
  const roe = bridge(await quotesOf(app, first))
  const wrong = bridge(await quotesOf(app, second))
  t.equal(wrong.speaker?.name, 'John Doe', 'the article names the wrong person')
  t.not(wrong.claimId, roe.claimId)

  const corrected = await app.inject({
    method: 'PUT',
    url: `/v1/quotes/${wrong.id}/speaker`,
    headers: asAdmin,
    payload: { speakerId: roe.speaker!.id, reason: 'the mayor said it; the councillor repeated it' },
  })
  t.equal(corrected.statusCode, 200, corrected.body)
  const result = corrected.json() as { correction: { id: string; speaker: { name: string } }; quoteId: string }
  t.match(result.correction, { speaker: { name: 'Jane Roe' }, notQuotation: false, actor: 'env:2' })
  const now = bridge(await quotesOf(app, second))
  t.equal(now.id, result.quoteId)
  t.match(now, { speaker: { name: 'Jane Roe' }, speakerCorrected: true, claimId: roe.claimId })
  const claim = (await app.inject({ url: `/v1/claims/${roe.claimId}` })).json()
  t.same(
    claim.appearances.map((appearance: { quoteId: string; speakerCorrected: boolean }) => [
      appearance.quoteId === now.id,
      appearance.speakerCorrected,
    ]),
    [
      [false, false],
      [true, true],
    ],
    'the claim shows which rendering an editor gave its speaker',
  )
  t.match((await app.inject({ url: `/claims/${roe.claimId}` })).body, /given by an editor/)

  // Holds: re-posting, a revision that keeps the quote, and a later article.
  await ingest(app, SECOND)
  t.match(bridge(await quotesOf(app, second)), { speaker: { name: 'Jane Roe' }, claimId: roe.claimId })
  await ingest(app, { ...SECOND, text: `${SECOND.text} The council meets again on Friday.` })
  t.match(bridge(await quotesOf(app, second)), { speaker: { name: 'Jane Roe' }, speakerCorrected: true })
  const third = await ingest(app, {
    ...SECOND,
    url: 'https://third.example/later',
    outlet: { name: 'Third Times' },
    publishedAt: '2026-02-28T10:00:00Z',
    text: 'Jane Roe was blunt. “The bridge will be rebuilt before the winter comes,” Roe said.',
  })
  const claimNow = bridge(await quotesOf(app, third)).claimId
  t.match(bridge(await quotesOf(app, second)), { speaker: { name: 'Jane Roe' }, claimId: claimNow })

  // Listed on the article, and on the audit trail with before, after and the reason.
  const listed = (await app.inject({ url: `/v1/articles/${second}/corrections` })).json() as { items: unknown[] }
  t.match(listed.items, [{ id: result.correction.id, speaker: { name: 'Jane Roe' } }])
  const audit = (await app.inject({ url: '/v1/audit?action=quote.speaker-set', headers: asAdmin })).json() as {
    items: { before: { speakerId: string }; after: { speakerId: string }; reason: string }[]
  }
  t.match(audit.items, [
    { before: { speakerId: wrong.speaker!.id }, after: { speakerId: roe.speaker!.id }, reason: /repeated it/ },
  ])

  // Undone: the article's own attribution comes back.
  const undone = await app.inject({
    method: 'DELETE',
    url: `/v1/corrections/${result.correction.id}`,
    headers: asAdmin,
  })
  t.equal(undone.statusCode, 200)
  t.match(bridge(await quotesOf(app, second)), { speaker: { name: 'John Doe' }, speakerCorrected: false })
  t.same(((await app.inject({ url: `/v1/articles/${second}/corrections` })).json() as { items: unknown[] }).items, [])
  t.equal(
    (await app.inject({ method: 'DELETE', url: `/v1/corrections/${result.correction.id}`, headers: asAdmin }))
      .statusCode,
    404,
  )
})

t.test('a speaker given by name is the one who goes by it, or a new one', async (t) => {
  const app = await buildApp(t)
  const second = await ingest(app, SECOND)
  const quote = bridge(await quotesOf(app, second))
  const response = await app.inject({
    method: 'PUT',
    url: `/v1/quotes/${quote.id}/speaker`,
    headers: asAdmin,
    payload: { name: 'Mayor Office of Riverton', kind: 'organisation' },
  })
  t.equal(response.statusCode, 200, response.body)
  t.match(bridge(await quotesOf(app, second)), { speaker: { name: 'Mayor Office of Riverton' } })
})

t.test('words declared no quotation leave the article and its claims, and come back when undone', async (t) => {
  const app = await buildApp(t)
  const second = await ingest(app, SECOND)
  const gamble = (await quotesOf(app, second)).find((quote) => quote.text === 'gamble')!
  t.ok(gamble)
  const marked = await app.inject({
    method: 'POST',
    url: `/v1/quotes/${gamble.id}/not-a-quotation`,
    headers: asAdmin,
    payload: { reason: 'a scare quote' },
  })
  t.equal(marked.statusCode, 200, marked.body)
  const { correction, quoteId } = marked.json() as { correction: { id: string; notQuotation: boolean }; quoteId: null }
  t.equal(quoteId, null)
  t.equal(correction.notQuotation, true)
  t.notOk((await quotesOf(app, second)).some((quote) => quote.text === 'gamble'))
  await ingest(app, { ...SECOND, text: `${SECOND.text} Nobody else spoke.` })
  t.notOk(
    (await quotesOf(app, second)).some((quote) => quote.text === 'gamble'),
    'holds after a revision',
  )
  t.equal(
    (
      await app.inject({
        method: 'DELETE',
        url: `/v1/corrections/${correction.id}?reason=it%20was%20his%20word`,
        headers: asAdmin,
      })
    ).statusCode,
    200,
  )
  t.ok(
    (await quotesOf(app, second)).some((quote) => quote.text === 'gamble'),
    'back after the undo',
  )
})

t.test('corrections need the edit scope, and a bad one is refused whole', async (t) => {
  const app = await buildApp(t)
  const second = await ingest(app, SECOND)
  const quote = bridge(await quotesOf(app, second))
  const put = (payload: unknown, headers = asAdmin, id = quote.id) =>
    app.inject({ method: 'PUT', url: `/v1/quotes/${id}/speaker`, headers, payload: payload as object })
  t.equal((await put({ name: 'Jane Roe' }, authorized)).statusCode, 403)
  t.equal((await put({ name: 'Jane Roe' }, { authorization: `Bearer ${READ_KEY}` })).statusCode, 403)
  for (const payload of [
    {},
    { speakerId: quote.speaker!.id, name: 'Jane Roe' },
    { kind: 'person', speakerId: quote.speaker!.id },
    { name: ' ' },
    { name: 'x', colour: 1 },
  ]) {
    const response = await put(payload)
    t.equal(response.statusCode, 400, JSON.stringify(payload))
    t.match(response.json(), { type: '/problems/validation' })
  }
  t.equal((await put({ speakerId: '00000000-0000-4000-8000-000000000000' })).statusCode, 404, 'unknown speaker')
  t.equal((await put({ name: 'Jane Roe' }, asAdmin, '00000000-0000-4000-8000-000000000000')).statusCode, 404)
  t.same(((await app.inject({ url: `/v1/articles/${second}/corrections` })).json() as { items: unknown[] }).items, [])
  t.match(bridge(await quotesOf(app, second)), { id: quote.id, speaker: { name: 'John Doe' } }, 'nothing changed')
})

t.test('a correction holds while other articles are ingested in parallel', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(app, FIRST)
  const second = await ingest(app, SECOND)
  const roe = bridge(await quotesOf(app, first))
  const wrong = bridge(await quotesOf(app, second))
  const others = Array.from({ length: 6 }, (_, n) => ({
    url: `https://outlet${n}.example/story`,
    outlet: { name: `Outlet ${n}` },
    publishedAt: `2026-03-0${n + 1}T12:00:00Z`,
    text:
      n % 2 === 0
        ? `Jane Roe spoke again. “The bridge will be rebuilt before the winter comes,” Roe said on day ${n}.`
        : `John Doe disagreed. “The bridge will be rebuilt before the winter comes,” Doe said on day ${n}.`,
  }))
  const [corrected] = await Promise.all([
    app.inject({
      method: 'PUT',
      url: `/v1/quotes/${wrong.id}/speaker`,
      headers: asAdmin,
      payload: { speakerId: roe.speaker!.id },
    }),
    ...others.map((article) =>
      app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article }),
    ),
  ])
  t.equal(corrected.statusCode, 200, corrected.body)
  const now = bridge(await quotesOf(app, second))
  t.match(now, { speaker: { name: 'Jane Roe' }, speakerCorrected: true })
  t.equal(now.claimId, bridge(await quotesOf(app, first)).claimId, 'in her claim')
})

t.test('a quote longer than an index row can be corrected', async (t) => {
  const app = await buildApp(t)
  const words = Array.from({ length: 900 }, (_, n) => `word${n}`).join(' ')
  const id = await ingest(app, {
    url: 'https://long.example/speech',
    outlet: { name: 'Long Form' },
    text: `Jane Roe spoke for an hour. “${words}.” Then she left.`,
  })
  const quote = (await quotesOf(app, id)).find((item) => item.text.length > 5000)!
  t.ok(quote, 'the long quote is stored')
  const response = await app.inject({
    method: 'PUT',
    url: `/v1/quotes/${quote.id}/speaker`,
    headers: asAdmin,
    payload: { name: 'John Doe' },
  })
  t.equal(response.statusCode, 200, response.body)
  t.match(
    (await quotesOf(app, id)).find((item) => item.text.length > 5000),
    { speaker: { name: 'John Doe' } },
  )
})
