import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { EXPLANATION_MAX_LENGTH, VERDICT_MAX_LENGTH } from '../../../src/schemas/claim-notes.js'
import { asAdmin, authorized, buildApp } from '../../helper.js'

// Invented articles: two outlets print the harbour master's words, one of them cut.
const WORDS = 'The harbour will stay open all winter, and the fees will not rise for local boats.'
const CUT = 'The harbour will stay open all winter.'

type App = FastifyInstance

async function ingest(app: App, url: string, quote: string, publishedAt: string, outlet = 'Quay Times') {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: {
      url,
      outlet: { name: outlet },
      publishedAt,
      text: `Harbour master Ilse Marrow spoke at the quay. “${quote}” Marrow said.`,
    },
  })
  t.ok([200, 201].includes(response.statusCode), response.body)
  return (response.json() as { id: string }).id
}

const claimOf = async (app: App, articleId: string): Promise<string> =>
  (await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json().items[0].claimId

const putNote = (app: App, claimId: string, payload: unknown, headers: Record<string, string> = asAdmin) =>
  app.inject({ method: 'PUT', url: `/v1/claims/${claimId}/note`, headers, payload: payload as object })

t.test('an editor gives a claim a verdict; the claim, its review, the search and its page carry it', async (t) => {
  const app = await buildApp(t)
  const articleId = await ingest(app, 'https://quay.example/1', WORDS, '2026-02-01T09:00:00Z')
  await ingest(app, 'https://ledger.example/1', CUT, '2026-02-02T09:00:00Z', 'Coast Ledger')
  const claimId = await claimOf(app, articleId)

  const none = await app.inject({ url: `/v1/claims/${claimId}/note` })
  t.equal(none.statusCode, 404)
  t.match(none.json(), { type: '/problems/not-found', detail: `claim ${claimId} has no note` })
  t.equal((await app.inject({ url: `/v1/claims/${claimId}` })).json().note, null)

  const created = await putNote(app, claimId, {
    verdict: '  Cut by one outlet ',
    explanation: 'The Coast Ledger printed only the first clause.',
    reason: 'desk review',
  })
  t.equal(created.statusCode, 201, 'the claim had no note')
  t.equal(created.headers.location, `/v1/claims/${claimId}/note`)
  const note = created.json()
  t.match(note, {
    claimId,
    verdict: 'Cut by one outlet',
    explanation: 'The Coast Ledger printed only the first clause.',
    author: { id: 'env:2', name: 'API_KEYS entry 2' },
    withdrawn: null,
  })
  t.same((await app.inject({ url: `/v1/claims/${claimId}/note` })).json(), note)
  t.same((await app.inject({ url: `/v1/claims/${claimId}` })).json().note, note)

  const review = (await app.inject({ url: `/v1/claims/${claimId}/claimreview` })).json()
  t.same(review.reviewRating, {
    '@type': 'Rating',
    alternateName: 'Cut by one outlet',
    ratingExplanation: 'The Coast Ledger printed only the first clause.',
  })
  t.equal(review.dateModified, note.createdAt, 'the verdict is the review’s latest change')
  const search = (await app.inject({ url: '/v1/claims:search?query=harbour%20stay%20open' })).json()
  t.equal(search.claims[0].claimReview[0].textualRating, 'Cut by one outlet')
  const page = await app.inject({ url: `/claims/${claimId}` })
  t.match(page.body, /Editor’s verdict: Cut by one outlet/)

  const replaced = await putNote(app, claimId, { verdict: 'Accurately quoted <b>twice</b>' })
  t.equal(replaced.statusCode, 200, 'a standing note is replaced')
  t.equal(replaced.json().explanation, null)
  t.match((await app.inject({ url: `/claims/${claimId}` })).body, /Accurately quoted &lt;b&gt;twice&lt;\/b&gt;/)
  const noExplanation = (await app.inject({ url: `/v1/claims/${claimId}/claimreview` })).json().reviewRating
  t.same(noExplanation, { '@type': 'Rating', alternateName: 'Accurately quoted <b>twice</b>' })

  const trail = (await app.inject({ url: `/v1/audit?entityType=claim&entityId=${claimId}`, headers: asAdmin })).json()
  t.same(
    trail.items.map((event: { action: string }) => event.action),
    ['claim-note.set', 'claim-note.set'],
  )
  t.match(trail.items[0], { before: { verdict: 'Cut by one outlet' }, after: { verdict: /^Accurately/ } })
  t.match(trail.items[1], { before: null, after: note, reason: 'desk review' })
})

t.test('withdrawing the note leaves the claim without a verdict, and the note on the record', async (t) => {
  const app = await buildApp(t)
  const claimId = await claimOf(app, await ingest(app, 'https://quay.example/2', WORDS, '2026-02-01T09:00:00Z'))
  const withdrawNone = await app.inject({ method: 'DELETE', url: `/v1/claims/${claimId}/note`, headers: asAdmin })
  t.equal(withdrawNone.statusCode, 404, 'nothing to withdraw')
  t.equal((await putNote(app, claimId, { verdict: 'Misquoted' })).statusCode, 201)
  t.equal((await putNote(app, claimId, { verdict: 'Misquoted twice' })).statusCode, 200)

  const withdrawn = await app.inject({
    method: 'DELETE',
    url: `/v1/claims/${claimId}/note?reason=wrong%20claim`,
    headers: asAdmin,
  })
  t.equal(withdrawn.statusCode, 200)
  t.match(withdrawn.json(), { verdict: 'Misquoted twice', withdrawn: { by: { id: 'env:2' }, at: String } })
  t.equal((await app.inject({ url: `/v1/claims/${claimId}` })).json().note, null, 'no older note comes back')
  t.equal((await app.inject({ url: `/v1/claims/${claimId}/note` })).statusCode, 404)
  t.notOk((await app.inject({ url: `/v1/claims/${claimId}/claimreview` })).json().reviewRating)
  t.equal(await app.prisma.claimNote.count(), 2, 'both notes are kept')
  const [event] = (await app.inject({ url: '/v1/audit?action=claim-note.withdrawn', headers: asAdmin })).json().items
  t.match(event, {
    entity: { type: 'claim', id: claimId },
    before: { verdict: 'Misquoted twice' },
    reason: 'wrong claim',
  })
})

t.test('a note that does not make sense is refused, and nothing is stored', async (t) => {
  const app = await buildApp(t)
  const claimId = await claimOf(app, await ingest(app, 'https://quay.example/3', WORDS, '2026-02-01T09:00:00Z'))
  for (const [payload, field] of [
    [{}, '/verdict'],
    [{ verdict: '' }, '/verdict'],
    [{ verdict: '   ' }, '/verdict'],
    [{ verdict: 'x'.repeat(VERDICT_MAX_LENGTH + 1) }, '/verdict'],
    [{ verdict: 'Misquoted', explanation: 'x'.repeat(EXPLANATION_MAX_LENGTH + 1) }, '/explanation'],
    [{ verdict: 'Misquoted', rating: 3 }, '/rating'],
  ] as const) {
    const response = await putNote(app, claimId, payload)
    t.equal(response.statusCode, 400, JSON.stringify(payload).slice(0, 60))
    t.match(response.json().errors, [{ field }])
  }
  t.equal((await putNote(app, claimId, { verdict: 'Misquoted' }, authorized)).statusCode, 403, 'an ingest key')
  t.equal((await putNote(app, claimId, { verdict: 'Misquoted' }, {})).statusCode, 401, 'no key')
  const unknown = '00000000-0000-4000-8000-000000000000'
  t.equal((await putNote(app, unknown, { verdict: 'Misquoted' })).statusCode, 404, 'no such claim')
  t.equal(await app.prisma.claimNote.count(), 0)
  t.equal(await app.prisma.auditEvent.count({ where: { action: { startsWith: 'claim-note.' } } }), 0)
})

t.test('the table holds the lengths the API accepts, no more', async (t) => {
  const app = await buildApp(t)
  const claimId = await claimOf(app, await ingest(app, 'https://quay.example/4', WORDS, '2026-02-01T09:00:00Z'))
  const insert = (verdict: string, explanation: string | null) =>
    app.db.query('INSERT INTO claim_note (claim_id, verdict, explanation, actor) VALUES ($1, $2, $3, $4)', [
      claimId,
      verdict,
      explanation,
      'cli',
    ])
  await insert('v'.repeat(VERDICT_MAX_LENGTH), 'e'.repeat(EXPLANATION_MAX_LENGTH))
  await t.rejects(insert('v'.repeat(VERDICT_MAX_LENGTH + 1), null), /claim_note_verdict_length/)
  await t.rejects(insert('', null), /claim_note_verdict_length/)
  await t.rejects(insert('v', 'e'.repeat(EXPLANATION_MAX_LENGTH + 1)), /claim_note_explanation_length/)
})

t.test('a note holds: later articles, a revision, and a merge that retires its claim', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(
    app,
    'https://quay.example/a',
    'The harbour will stay open all winter.',
    '2026-02-05T09:00:00Z',
  )
  const second = await ingest(
    app,
    'https://ledger.example/b',
    'The fees will not rise for local boats this year.',
    '2026-02-06T09:00:00Z',
    'Coast Ledger',
  )
  const kept = await claimOf(app, first)
  const merged = await claimOf(app, second)
  t.not(kept, merged, 'two claims')
  t.equal((await putNote(app, kept, { verdict: 'Quoted faithfully' })).statusCode, 201)
  t.equal((await putNote(app, merged, { verdict: 'Cut by the Ledger' })).statusCode, 201)

  // The same article again, revised, then a later outlet printing the first words: the notes stand.
  await ingest(app, 'https://quay.example/a', 'The harbour will stay open all winter.', '2026-02-05T09:00:00Z')
  await ingest(app, 'https://quay.example/a', 'The harbour will stay open all the winter.', '2026-02-05T09:00:00Z')
  await ingest(app, 'https://wire.example/c', 'The harbour will stay open all winter.', '2026-02-07T09:00:00Z', 'Wire')
  t.equal((await app.inject({ url: `/v1/claims/${kept}/note` })).json().verdict, 'Quoted faithfully')
  t.equal((await app.inject({ url: `/v1/claims/${merged}/note` })).json().verdict, 'Cut by the Ledger')

  // An earlier, fuller rendering joins the two: the merged claim's note moves to the survivor, where the
  // latest note stands and the other is kept.
  const full = await ingest(
    app,
    'https://coast.example/full',
    'The harbour will stay open all the winter. The fees will not rise for local boats this year.',
    '2026-02-01T09:00:00Z',
    'Coast Daily',
  )
  t.equal(await claimOf(app, full), kept)
  t.equal((await app.inject({ url: `/v1/claims/${merged}` })).statusCode, 308)
  t.equal((await app.inject({ url: `/v1/claims/${kept}/note` })).json().verdict, 'Cut by the Ledger')
  t.same(
    (await app.prisma.claimNote.findMany({ orderBy: { seq: 'asc' } })).map((note) => [note.claimId, note.verdict]),
    [
      [kept, 'Quoted faithfully'],
      [kept, 'Cut by the Ledger'],
    ],
  )
  const redirected = await putNote(app, merged, { verdict: 'Misquoted' })
  t.equal(redirected.statusCode, 308, 'a note sent to the merged id is sent on')
  t.equal(redirected.headers.location, `/v1/claims/${kept}/note`)
  t.match(redirected.json(), { type: '/problems/claim-merged', mergedInto: kept })
  t.equal((await app.inject({ url: `/v1/claims/${merged}/note` })).headers.location, `/v1/claims/${kept}/note`)

  // Every rendering withdrawn: the claim is a tombstone, and so is its note.
  for (const url of ['https://quay.example/a', 'https://wire.example/c', 'https://coast.example/full']) {
    await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: { url, outlet: { name: 'Any' }, text: 'Nothing was said.' },
    })
  }
  await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url: 'https://ledger.example/b', outlet: { name: 'Coast Ledger' }, text: 'Nothing was said.' },
  })
  t.equal((await app.inject({ url: `/v1/claims/${kept}/note` })).statusCode, 410)
  t.equal((await putNote(app, kept, { verdict: 'Misquoted' })).statusCode, 410)
  t.equal(await app.prisma.claimNote.count({ where: { claimId: kept } }), 2, 'a removed claim’s notes are kept')
})

t.test('a note written while articles merge its claim into another ends on the survivor', async (t) => {
  const app = await buildApp(t)
  const first = await ingest(
    app,
    'https://quay.example/p1',
    'The harbour will stay open all winter.',
    '2026-02-05T09:00:00Z',
  )
  const second = await ingest(
    app,
    'https://ledger.example/p2',
    'The fees will not rise for local boats this year.',
    '2026-02-06T09:00:00Z',
    'Coast Ledger',
  )
  const kept = await claimOf(app, first)
  const merged = await claimOf(app, second)
  const fuller = 'The harbour will stay open all winter. The fees will not rise for local boats this year.'
  const [note] = await Promise.all([
    putNote(app, merged, { verdict: 'Cut by the Ledger' }),
    ...Array.from({ length: 4 }, (_, n) =>
      ingest(app, `https://coast${n}.example/full`, fuller, `2026-02-0${n + 1}T09:00:00Z`, `Coast ${n}`),
    ),
  ])
  // Before the merge the note is written on the claim and moves with it; after, it is redirected.
  t.ok([201, 308].includes(note.statusCode), note.body)
  if (note.statusCode === 308) t.equal((await putNote(app, kept, { verdict: 'Cut by the Ledger' })).statusCode, 201)
  t.equal((await app.inject({ url: `/v1/claims/${merged}` })).statusCode, 308)
  t.equal((await app.inject({ url: `/v1/claims/${kept}/note` })).json().verdict, 'Cut by the Ledger')
  t.equal(await app.prisma.claimNote.count({ where: { claimId: { not: kept } } }), 0, 'no note left behind')
})
