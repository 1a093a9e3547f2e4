import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { asAdmin, authorized, buildApp } from '../../helper.js'
import { firstQuoteOf, ingestArticle } from '../../fixtures/speaker-articles.js'

/** Invented reports of one minister: two wordings of one statement, and a second statement. */
const SPRING = '“The harbour tax will fall by half next spring for every fishing crew,” Minister Ada Quill said.'
const FEES = '“Harbour fees are to be cut by fifty percent in the spring,” Minister Ada Quill said.'
const SPRING_CUT = '“The harbour tax will fall by half next spring,” Ada Quill said.'
const CRUISE = '“The harbour tax will fall by half next spring for every cruise ship too,” Ada Quill said.'

type Claim = { id: string; appearances: Array<{ quoteId: string }> }

const claim = async (app: FastifyInstance, id: string) => {
  const response = await app.inject({ url: `/v1/claims/${id}` })
  return { status: response.statusCode, body: response.json() as Claim, location: response.headers.location }
}
const quotesOf = async (app: FastifyInstance, id: string) =>
  (await claim(app, id)).body.appearances.map((appearance) => appearance.quoteId).sort()
const post = (app: FastifyInstance, url: string, payload: object, headers = asAdmin) =>
  app.inject({ method: 'POST', url, headers, payload })

t.test('merging two claims: one claim after, the later id redirects, and it holds', async (t) => {
  const app = await buildApp(t)
  const firstArticle = await ingestArticle(app, 'https://ledger.example/1', '2025-05-01T08:00:00Z', SPRING)
  const first = await firstQuoteOf(app, firstArticle)
  const secondArticle = await ingestArticle(app, 'https://courier.example/2', '2025-05-02T08:00:00Z', FEES)
  const second = await firstQuoteOf(app, secondArticle)
  t.equal(first.speaker!.id, second.speaker!.id)
  t.not(first.claimId, second.claimId, 'two claims before the merge')

  t.equal(
    (await post(app, `/v1/claims/${first.claimId}/merge`, { claimId: second.claimId }, authorized)).statusCode,
    403,
  )
  // Asked from the later claim: the claim printed first keeps its id all the same.
  const merged = await post(app, `/v1/claims/${second.claimId}/merge`, { claimId: first.claimId, reason: 'one answer' })
  t.equal(merged.statusCode, 200, merged.body)
  t.equal(merged.json().id, first.claimId)
  t.same(await quotesOf(app, first.claimId), [first.id, second.id].sort())
  const redirected = await claim(app, second.claimId)
  t.equal(redirected.status, 308)
  t.equal(redirected.location, `/v1/claims/${first.claimId}`)
  const audit = (await app.inject({ url: `/v1/audit?action=claim.merged`, headers: asAdmin })).json().items
  t.match(audit, [{ entity: { type: 'claim', id: first.claimId }, reason: 'one answer' }])

  // Later articles printing the merged claim's words join the merged claim.
  const later = await firstQuoteOf(
    app,
    await ingestArticle(app, 'https://gazette.example/3', '2025-05-03T08:00:00Z', FEES),
  )
  t.equal(later.claimId, first.claimId, 'a later rendering of the merged words joins')
  // Re-posting, and revising, the merged claim's article keep it merged.
  await ingestArticle(app, 'https://courier.example/2', '2025-05-02T08:00:00Z', FEES)
  await ingestArticle(app, 'https://courier.example/2', '2025-05-02T08:00:00Z', `${FEES} The minister left.`)
  const revised = await firstQuoteOf(app, secondArticle)
  t.not(revised.id, second.id, 'the revision wrote its quotes anew')
  t.equal(revised.claimId, first.claimId, 'the revised rendering stays merged')
  // Concurrent ingests printing either wording all land in the merged claim.
  const parallel = await Promise.all(
    [FEES, SPRING, FEES].map((text, k) =>
      ingestArticle(app, `https://wire${k}.example/4`, `2025-05-0${4 + k}T08:00:00Z`, text),
    ),
  )
  for (const id of parallel) t.equal((await firstQuoteOf(app, id)).claimId, first.claimId)
  t.equal((await quotesOf(app, first.claimId)).length, 6)

  t.equal((await post(app, `/v1/claims/${first.claimId}/merge`, { claimId: first.claimId })).statusCode, 409)
  t.equal((await post(app, `/v1/claims/${second.claimId}/merge`, { claimId: first.claimId })).statusCode, 308)

  // The first article deleted, the placement names a quote no longer stored and sleeps: the words decide
  // again, and the renderings of the second wording stay one claim, under the merged claim's id.
  t.equal(
    (await app.inject({ method: 'DELETE', url: `/v1/articles/${firstArticle}`, headers: asAdmin })).statusCode,
    200,
  )
  const fees = [secondArticle, parallel[0]!, parallel[2]!]
  for (const id of fees) t.equal((await firstQuoteOf(app, id)).claimId, first.claimId)
  t.not(
    (await firstQuoteOf(app, parallel[1]!)).claimId,
    first.claimId,
    'the first wording’s other rendering is on its own',
  )
})

t.test('moving a rendering to another claim, and splitting renderings out: they hold', async (t) => {
  const app = await buildApp(t)
  const a = await firstQuoteOf(
    app,
    await ingestArticle(app, 'https://ledger.example/1', '2025-05-01T08:00:00Z', SPRING),
  )
  const bArticle = await ingestArticle(app, 'https://courier.example/2', '2025-05-02T08:00:00Z', SPRING_CUT)
  const b = await firstQuoteOf(app, bArticle)
  const cArticle = await ingestArticle(app, 'https://gazette.example/3', '2025-05-03T08:00:00Z', CRUISE)
  const c = await firstQuoteOf(app, cArticle)
  const dArticle = await ingestArticle(app, 'https://wire.example/4', '2025-05-04T08:00:00Z', FEES)
  const d = await firstQuoteOf(app, dArticle)
  t.equal(a.claimId, b.claimId)
  t.equal(a.claimId, c.claimId, 'the cruise-ship sentence was grouped with the spring one')
  t.not(a.claimId, d.claimId)

  // The cruise-ship sentence is another statement: split out.
  const split = await post(app, `/v1/claims/${a.claimId}/split`, { quoteIds: [c.id], reason: 'another answer' })
  t.equal(split.statusCode, 201, split.body)
  const cruise = split.json().id as string
  t.equal(split.headers.location, `/v1/claims/${cruise}`)
  t.not(cruise, a.claimId, 'the part holding the earliest rendering keeps the id')
  t.same(await quotesOf(app, cruise), [c.id])
  t.same(await quotesOf(app, a.claimId), [a.id, b.id].sort())

  // The excerpt belongs with the fees wording, an editor says: moved.
  const moved = await post(app, `/v1/claims/${d.claimId}/renderings`, { quoteId: b.id })
  t.equal(moved.statusCode, 200, moved.body)
  t.same(await quotesOf(app, d.claimId), [b.id, d.id].sort())
  t.same(await quotesOf(app, a.claimId), [a.id])

  // Revisions of both articles keep the corrections.
  await ingestArticle(app, 'https://gazette.example/3', '2025-05-03T08:00:00Z', `${CRUISE} More followed.`)
  await ingestArticle(app, 'https://courier.example/2', '2025-05-02T08:00:00Z', `${SPRING_CUT} More followed.`)
  const cNow = await firstQuoteOf(app, cArticle)
  const bNow = await firstQuoteOf(app, bArticle)
  t.equal(cNow.claimId, cruise, 'the split rendering stays split through a revision')
  t.equal(bNow.claimId, d.claimId, 'the moved rendering stays moved through a revision')
  // A later article printing the cruise-ship sentence joins the claim split out.
  const e = await firstQuoteOf(app, await ingestArticle(app, 'https://post.example/5', '2025-05-05T08:00:00Z', CRUISE))
  t.equal(e.claimId, cruise)
  // Concurrent ingests of both statements land where the corrections put their words.
  const [f, g] = await Promise.all([
    ingestArticle(app, 'https://wire1.example/7', '2025-05-07T08:00:00Z', CRUISE),
    ingestArticle(app, 'https://wire2.example/7', '2025-05-07T08:00:00Z', SPRING),
  ])
  t.equal((await firstQuoteOf(app, f!)).claimId, cruise)
  t.equal((await firstQuoteOf(app, g!)).claimId, a.claimId)

  // Refused: a quote not in the claim, every rendering of a claim, a rendering where it is already.
  t.equal((await post(app, `/v1/claims/${a.claimId}/split`, { quoteIds: [d.id] })).statusCode, 409)
  const everyRendering = await quotesOf(app, a.claimId)
  t.equal(everyRendering.length, 2)
  t.equal((await post(app, `/v1/claims/${a.claimId}/split`, { quoteIds: everyRendering })).statusCode, 409)
  t.equal((await post(app, `/v1/claims/${d.claimId}/renderings`, { quoteId: d.id })).statusCode, 409)
  t.equal(
    (await post(app, `/v1/claims/${d.claimId}/renderings`, { quoteId: '0196a1f1-0000-7000-8000-000000000000' }))
      .statusCode,
    404,
  )
  t.equal(
    (await post(app, `/v1/claims/0196a1f0-0000-7000-8000-000000000000/split`, { quoteIds: [a.id] })).statusCode,
    404,
  )
  t.equal((await post(app, `/v1/claims/${a.claimId}/split`, { quoteIds: [] })).statusCode, 400)
  // A quote nobody is named for is in no claim: it needs a speaker before a claim.
  const unnamed = await firstQuoteOf(
    app,
    await ingestArticle(
      app,
      'https://post.example/6',
      '2025-05-06T08:00:00Z',
      'The boats stayed in. “Our nets have been empty since the storm in March.”',
    ),
  )
  t.equal(unnamed.speaker, null)
  const refused = await post(app, `/v1/claims/${d.claimId}/renderings`, { quoteId: unnamed.id })
  t.equal(refused.statusCode, 409)
  t.match(refused.json().detail, /no claim/)

  // The moved rendering was printed before the claim it joined: it founded it. That claim's other article
  // deleted, the rendering keeps the claim, and does not go back to the one the editor took it from.
  const deleted = await app.inject({ method: 'DELETE', url: `/v1/articles/${dArticle}`, headers: asAdmin })
  t.equal(deleted.statusCode, 200, deleted.body)
  t.equal((await firstQuoteOf(app, bArticle)).claimId, d.claimId)
  t.same(await quotesOf(app, a.claimId), everyRendering, 'the claim it was taken from is as it was')
})

t.test('claims of two speakers are not merged, nor a rendering moved between them', async (t) => {
  const app = await buildApp(t)
  const quill = await firstQuoteOf(
    app,
    await ingestArticle(app, 'https://ledger.example/1', '2025-05-01T08:00:00Z', SPRING),
  )
  const holt = await firstQuoteOf(
    app,
    await ingestArticle(
      app,
      'https://courier.example/2',
      '2025-05-02T08:00:00Z',
      '“Our nets are empty,” Senator Bram Holt said.',
    ),
  )
  t.not(quill.speaker!.id, holt.speaker!.id)
  const merge = await post(app, `/v1/claims/${quill.claimId}/merge`, { claimId: holt.claimId })
  t.equal(merge.statusCode, 409)
  t.match(merge.json().detail, /two speakers/)
  t.equal((await post(app, `/v1/claims/${quill.claimId}/renderings`, { quoteId: holt.id })).statusCode, 409)
})
