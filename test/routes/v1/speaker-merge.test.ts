import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { firstQuoteOf as quoteOf, ingestArticle as ingest } from '../../fixtures/speaker-articles.js'
import { asAdmin, buildApp } from '../../helper.js'

// Invented articles about an invented minister, whose name two outlets spell differently.
type App = FastifyInstance

const merge = (app: App, survivor: string, payload: object) =>
  app.inject({ method: 'POST', url: `/v1/speakers/${survivor}/merge`, headers: asAdmin, payload })

const OPENING = 'The bridge will open in May and not a day later, whatever the weather brings.'
const SHORTER = 'The bridge will open in May and not a day later.'

/** One utterance printed under her name by one outlet and under a misspelling by another. */
async function twoSpellings(app: App, correctFirst: boolean) {
  const [correctDay, misspeltDay] = correctFirst ? ['03', '04'] : ['04', '03']
  const correct = await ingest(
    app,
    'https://north.example/bridge',
    `2026-06-${correctDay}T08:00:00Z`,
    `Minister Ana Torvald visited the works. “${OPENING}” Torvald said.`,
  )
  const misspelt = await ingest(
    app,
    'https://south.example/bridge',
    `2026-06-${misspeltDay}T08:00:00Z`,
    `Minister Anna Torvald toured the site. “${SHORTER}” Anna Torvald said.`,
  )
  const [one, other] = [await quoteOf(app, correct), await quoteOf(app, misspelt)]
  t.not(one.speaker!.id, other.speaker!.id, 'two speakers before the merge')
  t.not(one.claimId, other.claimId, 'two claims before the merge')
  return { correct, misspelt, survivor: one.speaker!, duplicate: other.speaker!, claims: [one.claimId, other.claimId] }
}

t.test('merging a duplicate speaker: quotes, aliases and claims follow, old ids answer', async (t) => {
  const app = await buildApp(t)
  const { correct, misspelt, survivor, duplicate, claims } = await twoSpellings(app, true)
  const [kept, merged] = claims as [string, string]
  const flaggedBefore = (await app.inject({ url: `/v1/claims/${kept}` })).json().misattributions
  t.equal(flaggedBefore.length, 1, 'the misspelt outlet gave her words to someone else')

  const response = await merge(app, survivor.id, { duplicateId: duplicate.id, reason: 'one minister' })
  t.equal(response.statusCode, 200, response.body)
  t.match(response.json(), { id: survivor.id, name: 'Ana Torvald' })
  t.ok(response.json().aliases.includes('Anna Torvald'), 'the duplicate’s name is an alias now')

  t.same((await quoteOf(app, misspelt)).speaker, { id: survivor.id, name: 'Ana Torvald' })
  const claim = (await app.inject({ url: `/v1/claims/${kept}` })).json()
  t.equal(claim.appearances.length, 2, 'one claim holds both renderings')
  t.same(claim.misattributions, [], 'one speaker’s words under her two spellings are no misattribution')
  t.equal(claim.speaker.id, survivor.id)

  const redirected = await app.inject({ url: `/v1/claims/${merged}` })
  t.equal(redirected.statusCode, 308, 'the duplicate’s claim redirects to the claim holding its rendering')
  t.match(redirected.json(), { type: '/problems/claim-merged', mergedInto: kept })

  const gone = await app.inject({ url: `/v1/speakers/${duplicate.id}` })
  t.equal(gone.statusCode, 308)
  t.equal(gone.headers.location, `/v1/speakers/${survivor.id}`)
  t.match(gone.json(), { type: '/problems/speaker-merged', mergedInto: survivor.id })
  const theirClaims = await app.inject({ url: `/v1/speakers/${duplicate.id}/claims` })
  t.equal(theirClaims.statusCode, 308)
  t.equal(theirClaims.headers.location, `/v1/speakers/${survivor.id}/claims`)
  const page = await app.inject({ url: `/speakers/${duplicate.id}` })
  t.equal(page.statusCode, 308)
  t.equal(page.headers.location, `/speakers/${survivor.id}`)
  const filtered = await app.inject({ url: `/v1/claims?speaker=${duplicate.id}` })
  t.equal(filtered.statusCode, 200, 'a filter naming the merged speaker lists the survivor’s claims')
  t.same(
    filtered.json().items.map((item: { id: string }) => item.id),
    [kept],
  )
  const listed = (await app.inject({ url: '/v1/speakers' })).json().items.map((s: { id: string }) => s.id)
  t.notOk(listed.includes(duplicate.id), 'the duplicate is no longer listed')

  // Asked again (a client retrying): nothing changes, and the audit trail has the merge once.
  const again = await merge(app, survivor.id, { duplicateId: duplicate.id })
  t.equal(again.statusCode, 200, again.body)
  t.same(again.json(), response.json())
  const events = (await app.inject({ url: '/v1/audit?action=speaker.merged', headers: asAdmin })).json().items
  t.equal(events.length, 1)
  t.match(events[0], {
    entity: { type: 'speaker', id: duplicate.id },
    before: { name: 'Anna Torvald' },
    after: { id: survivor.id },
    reason: 'one minister',
    details: { survivorId: survivor.id },
  })

  // The merge holds: the duplicate's outlet revising its article, and a new article misspelling her
  // name, both find the survivor; the merged speaker is not made again.
  await ingest(
    app,
    'https://south.example/bridge',
    '2026-06-04T08:00:00Z',
    `Minister Anna Torvald toured the new site. “${SHORTER}” Anna Torvald said.`,
  )
  t.equal((await quoteOf(app, misspelt)).speaker?.id, survivor.id, 'after a revision')
  const later = await ingest(
    app,
    'https://west.example/bridge',
    '2026-06-05T08:00:00Z',
    `Anna Torvald spoke at the opening. “The bridge is open at last,” Anna Torvald said.`,
  )
  t.equal((await quoteOf(app, later)).speaker?.id, survivor.id, 'a later article')
  t.equal((await quoteOf(app, correct)).claimId, kept)
})

t.test('a merged name an editor takes from the survivor no longer leads to her', async (t) => {
  const app = await buildApp(t)
  const { survivor, duplicate } = await twoSpellings(app, true)
  t.equal((await merge(app, survivor.id, { duplicateId: duplicate.id })).statusCode, 200)
  const removed = await app.inject({
    method: 'DELETE',
    url: `/v1/speakers/${survivor.id}/aliases/${encodeURIComponent('Anna Torvald')}`,
    headers: asAdmin,
  })
  t.equal(removed.statusCode, 200, removed.body)
  const namesake = await ingest(
    app,
    'https://west.example/farm',
    '2026-06-08T08:00:00Z',
    'Anna Torvald runs a farm upriver. “The harvest came early,” Anna Torvald said.',
  )
  t.not((await quoteOf(app, namesake)).speaker?.id, survivor.id, 'the merged name no longer leads to her')
})

t.test(
  'a quote printed without a speaker, whose words both spellings’ claims shared, is hers after the merge',
  async (t) => {
    const app = await buildApp(t)
    const { survivor, duplicate } = await twoSpellings(app, true)
    const unnamed = await ingest(
      app,
      'https://east.example/bridge',
      '2026-06-05T08:00:00Z',
      `Work on the bridge went on through the night. “${OPENING}” the statement said.`,
    )
    t.equal((await quoteOf(app, unnamed)).speaker, null, 'two speakers printed these words: no one is inferred')
    t.equal((await merge(app, survivor.id, { duplicateId: duplicate.id })).statusCode, 200)
    const placed = await quoteOf(app, unnamed)
    t.equal(placed.speaker?.id, survivor.id, 'one speaker now: hers, inferred from the claim')
  },
)

t.test('a duplicate printed first keeps its claim id; the survivor’s later claim redirects to it', async (t) => {
  const app = await buildApp(t)
  const { survivor, duplicate, claims } = await twoSpellings(app, false)
  const [later, earlier] = claims as [string, string]
  t.equal((await merge(app, survivor.id, { duplicateId: duplicate.id })).statusCode, 200)
  const claim = await app.inject({ url: `/v1/claims/${earlier}` })
  t.equal(claim.statusCode, 200, 'the claim printed first keeps its id')
  t.match(claim.json(), { speaker: { id: survivor.id } })
  t.equal(claim.json().appearances.length, 2)
  const redirected = await app.inject({ url: `/v1/claims/${later}` })
  t.equal(redirected.statusCode, 308)
  t.match(redirected.json(), { mergedInto: earlier })
})

t.test('merges that make no sense are refused, and change nothing', async (t) => {
  const app = await buildApp(t)
  const { survivor, duplicate } = await twoSpellings(app, true)
  const self = await merge(app, survivor.id, { duplicateId: survivor.id })
  t.equal(self.statusCode, 409)
  t.match(self.json(), { type: '/problems/conflict', errors: [{ field: '/duplicateId' }] })
  const unknown = '01936f0e-5b3c-7d4e-9a6f-2c8b1d0e4f5a'
  t.equal((await merge(app, survivor.id, { duplicateId: unknown })).statusCode, 404)
  t.equal((await merge(app, unknown, { duplicateId: survivor.id })).statusCode, 404)
  t.equal((await merge(app, survivor.id, {})).statusCode, 400)
  t.equal((await merge(app, survivor.id, { duplicateId: 'nobody' })).statusCode, 400)

  const body = await ingest(
    app,
    'https://north.example/board',
    '2026-06-05T08:00:00Z',
    'The Harbour Board met. “Tolls stay as they are,” the Harbour Board said in a statement.',
  )
  const board = (await quoteOf(app, body)).speaker!
  const kinds = await merge(app, survivor.id, { duplicateId: board.id })
  t.equal(kinds.statusCode, 409, 'a person and an organisation')

  const wikidata = (id: string, value: string) =>
    app.inject({ method: 'PATCH', url: `/v1/speakers/${id}`, headers: asAdmin, payload: { wikidataId: value } })
  await wikidata(survivor.id, 'Q999999911')
  await wikidata(duplicate.id, 'Q999999912')
  const entities = await merge(app, survivor.id, { duplicateId: duplicate.id })
  t.equal(entities.statusCode, 409, 'two Wikidata entities')
  t.match(entities.json(), { detail: /Q999999912/ })
  t.equal((await app.inject({ url: `/v1/speakers/${duplicate.id}` })).statusCode, 200, 'nothing was merged')

  // Once merged, the duplicate cannot be merged elsewhere, nor can anything be merged into it.
  await app.inject({
    method: 'PATCH',
    url: `/v1/speakers/${duplicate.id}`,
    headers: asAdmin,
    payload: { wikidataId: null },
  })
  t.equal((await merge(app, survivor.id, { duplicateId: duplicate.id })).statusCode, 200)
  const elsewhere = await merge(app, board.id, { duplicateId: duplicate.id })
  t.equal(elsewhere.statusCode, 409)
  t.match(elsewhere.json(), { errors: [{ field: '/duplicateId' }] })
  const into = await merge(app, duplicate.id, { duplicateId: board.id })
  t.equal(into.statusCode, 409)
  t.match(into.json(), { detail: new RegExp(`merge into that speaker`) })
})

t.test('a merged speaker’s survivor merged in turn: every old id answers with the last survivor', async (t) => {
  const app = await buildApp(t)
  const { survivor, duplicate } = await twoSpellings(app, true)
  const third = await ingest(
    app,
    'https://east.example/bridge',
    '2026-06-06T08:00:00Z',
    'Minister A. Torvald-Lund spoke. “The bridge was worth the wait,” A. Torvald-Lund said.',
  )
  const other = (await quoteOf(app, third)).speaker!
  t.equal((await merge(app, survivor.id, { duplicateId: duplicate.id })).statusCode, 200)
  t.equal((await merge(app, other.id, { duplicateId: survivor.id })).statusCode, 200)
  for (const id of [duplicate.id, survivor.id]) {
    const answer = await app.inject({ url: `/v1/speakers/${id}` })
    t.equal(answer.headers.location, `/v1/speakers/${other.id}`, `${id} points at the last survivor`)
  }
  const names = (await app.inject({ url: `/v1/speakers/${other.id}` })).json().aliases
  t.ok(names.includes('Anna Torvald') && names.includes('Ana Torvald'), 'every name comes along')
})

t.test('a merge holds while articles naming either speaker are ingested in parallel', async (t) => {
  const app = await buildApp(t)
  const { survivor, duplicate } = await twoSpellings(app, true)
  const articles = Array.from({ length: 6 }, (_, n) =>
    ingest(
      app,
      `https://parallel${n}.example/bridge`,
      `2026-06-1${n}T08:00:00Z`,
      `Minister ${n % 2 ? 'Anna' : 'Ana'} Torvald spoke on day ${n}. “${SHORTER} Day ${n} changes nothing,” ${n % 2 ? 'Anna' : 'Ana'} Torvald said.`,
    ),
  )
  const [merged, ...ingested] = await Promise.all([merge(app, survivor.id, { duplicateId: duplicate.id }), ...articles])
  t.equal(merged.statusCode, 200, merged.body)
  for (const id of ingested) t.equal((await quoteOf(app, id)).speaker?.id, survivor.id, 'every quote is hers')
  const claims = (await app.inject({ url: `/v1/speakers/${survivor.id}/claims` })).json().items
  t.equal(claims.length, 1, 'one claim: one utterance, whichever committed first')
  t.equal(claims[0].renderingCount, 8)
})

t.test('the same merge asked twice at once is made once', async (t) => {
  const app = await buildApp(t)
  const { survivor, duplicate } = await twoSpellings(app, true)
  const twice = await Promise.all([1, 2].map(() => merge(app, survivor.id, { duplicateId: duplicate.id })))
  t.same(
    twice.map((response) => response.statusCode),
    [200, 200],
  )
  t.equal((await app.inject({ url: '/v1/audit?action=speaker.merged', headers: asAdmin })).json().items.length, 1)
})

t.test('opposite merges asked at once: one is made, the other is a conflict', async (t) => {
  const app = await buildApp(t)
  const other = await twoSpellings(app, true)
  const opposite = await Promise.all([
    merge(app, other.survivor.id, { duplicateId: other.duplicate.id }),
    merge(app, other.duplicate.id, { duplicateId: other.survivor.id }),
  ])
  t.same(opposite.map((response) => response.statusCode).sort(), [200, 409], 'one merge, one conflict')
})

t.test('an editor’s correction naming the duplicate names the survivor after the merge', async (t) => {
  const app = await buildApp(t)
  const { survivor, duplicate } = await twoSpellings(app, true)
  const article = await ingest(
    app,
    'https://east.example/ferry',
    '2026-06-07T08:00:00Z',
    'The ferry service resumed. “Every crossing is booked until autumn,” a spokesman said.',
  )
  const [quote] = (await app.inject({ url: `/v1/articles/${article}/quotes` })).json().items
  const corrected = await app.inject({
    method: 'PUT',
    url: `/v1/quotes/${quote.id}/speaker`,
    headers: asAdmin,
    payload: { speakerId: duplicate.id },
  })
  t.equal(corrected.statusCode, 200, corrected.body)
  t.equal((await merge(app, survivor.id, { duplicateId: duplicate.id })).statusCode, 200)
  t.equal((await quoteOf(app, article)).speaker?.id, survivor.id)
  // The article revised: the correction, now naming the survivor, still holds.
  await ingest(
    app,
    'https://east.example/ferry',
    '2026-06-07T08:00:00Z',
    'The ferry service resumed on Monday. “Every crossing is booked until autumn,” a spokesman said.',
  )
  t.equal((await quoteOf(app, article)).speaker?.id, survivor.id, 'after a revision')
  const [correction] = (await app.inject({ url: `/v1/articles/${article}/corrections` })).json().items
  t.equal(correction.speaker.id, survivor.id)
})
