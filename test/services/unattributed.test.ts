import t from 'tap'
import type { Database } from '../../src/db/database.js'
import { ingestArticle } from '../../src/services/articles.js'
import { authorized, buildApp } from '../helper.js'

/**
 * A quote whose article names no speaker joins the claim whose words it shares, with that claim's
 * speaker marked as inferred, in whichever order the articles come.
 */

type App = Awaited<ReturnType<typeof buildApp>>

const WORDS = 'The ferry to the islands will run every hour from May.'

const post = async (app: App, url: string, text: string, publishedAt = '2025-06-04T09:00:00Z') => {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: url.split(':')[2] ?? 'Gazette' }, text, publishedAt },
  })
  t.equal(response.statusCode, 201, response.body)
  return response.json() as { id: string }
}

const named = (words = WORDS, name = 'Tarja Volkonen') =>
  `Minister ${name} spoke on Tuesday. “${words}” ${name.split(' ').at(-1)} said.`
const unnamed = (words = WORDS) => `The port authority met on Monday. “${words}” a spokesman said.`

const quotesOf = async (app: App, articleId: string) =>
  (await app.inject({ url: `/v1/articles/${articleId}/quotes` })).json().items as Array<{
    id: string
    claimId: string | null
    speaker: { name: string } | null
    speakerInferred: boolean
    label: string | null
    misattribution: unknown
  }>

for (const order of ['named first', 'unnamed first', 'at once']) {
  t.test(`an unattributed rendering joins the claim of its words (${order})`, async (t) => {
    const app = await buildApp(t)
    let a: { id: string }, b: { id: string }
    if (order === 'at once') {
      ;[a, b] = await Promise.all([post(app, 'urn:t:Courier', named()), post(app, 'urn:t:Daily', unnamed())])
    } else if (order === 'named first') {
      a = await post(app, 'urn:t:Courier', named())
      b = await post(app, 'urn:t:Daily', unnamed())
    } else {
      b = await post(app, 'urn:t:Daily', unnamed())
      a = await post(app, 'urn:t:Courier', named())
    }
    const [stated] = await quotesOf(app, a.id)
    const [inferred] = await quotesOf(app, b.id)
    t.match(stated, { speaker: { name: 'Tarja Volkonen' }, speakerInferred: false })
    t.match(inferred, { speaker: { name: 'Tarja Volkonen' }, speakerInferred: true, claimId: stated!.claimId })
    t.equal(inferred!.label, 'verbatim')
    const claim = (await app.inject({ url: `/v1/claims/${stated!.claimId}` })).json()
    t.same(claim.appearances.map((appearance: { speakerInferred: boolean }) => appearance.speakerInferred).sort(), [
      false,
      true,
    ])
  })
}

for (const unnamedAt of [0, 1, 2]) {
  t.test(`words two speakers share place no one (the unnamed rendering arriving ${unnamedAt}th)`, async (t) => {
    const app = await buildApp(t)
    const articles = [
      () => post(app, 'urn:t:Courier', named()),
      () => post(app, 'urn:t:Herald', named(WORDS, 'Oskar Lindqvist')),
    ]
    articles.splice(unnamedAt, 0, () => post(app, 'urn:t:Daily', unnamed()))
    const ids = []
    for (const article of articles) ids.push((await article()).id)
    t.match(await quotesOf(app, ids[unnamedAt]!), [
      { speaker: null, speakerInferred: false, claimId: null, label: null },
    ])
    // The named renderings' claims are whole again: one rendering each, counted right.
    const claims = (await app.inject({ url: '/v1/claims' })).json().items
    t.same(
      claims.map((claim: { renderingCount: number }) => claim.renderingCount),
      [1, 1],
    )
  })
}

t.test('a fragment too short to tell is left alone', async (t) => {
  const app = await buildApp(t)
  await post(app, 'urn:t:Courier', named('Every hour, all summer long, whatever the weather.'))
  const b = await post(app, 'urn:t:Daily', unnamed('every hour'))
  t.match(await quotesOf(app, b.id), [{ speaker: null, claimId: null }])
})

t.test(
  'an inferred speaker is never a misattribution, and words another speaker is given later unplace it',
  async (t) => {
    const app = await buildApp(t)
    await post(app, 'urn:t:Courier', named())
    const b = await post(app, 'urn:t:Daily', unnamed())
    t.match(await quotesOf(app, b.id), [{ speakerInferred: true, misattribution: null }])
    // Another outlet gives the words to someone else: that rendering is flagged against the claim; the
    // unnamed one is flagged against nothing, and, its words now claimed by two speakers, has no speaker.
    const c = await post(app, 'urn:t:Herald', named(WORDS, 'Oskar Lindqvist'))
    t.match(await quotesOf(app, c.id), [{ misattribution: { speaker: { name: 'Tarja Volkonen' } } }])
    t.match(await quotesOf(app, b.id), [{ speaker: null, speakerInferred: false, claimId: null, misattribution: null }])
  },
)

t.test('re-posting an unchanged article places what an interrupted ingest left unplaced', async (t) => {
  const app = await buildApp(t)
  await post(app, 'urn:t:Courier', named())
  const text = unnamed()
  const payload = { url: 'urn:t:Daily', outlet: { name: 'Daily' }, text, publishedAt: '2025-06-04T09:00:00Z' }
  // The connection is lost after the ingest's own transaction commits, before the placement runs.
  let transactions = 0
  const flaky: Pick<Database, 'transaction'> = {
    transaction: (work) => (transactions++ === 0 ? app.db.transaction(work) : Promise.reject(new Error('lost'))),
  }
  const warnings: string[] = []
  const stored = await ingestArticle(flaky, payload, 'test', { log: { warn: (_, message) => warnings.push(message) } })
  t.equal(stored.status, 'created', 'the article is stored, and the answer says so')
  t.match(warnings, [/re-post/])
  t.match(await quotesOf(app, stored.id), [{ speaker: null, claimId: null }])

  const again = await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload })
  t.equal(again.json().status, 'unchanged')
  t.match(await quotesOf(app, stored.id), [{ speaker: { name: 'Tarja Volkonen' }, speakerInferred: true }])
})
