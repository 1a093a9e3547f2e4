import t from 'tap'
import { authorized, buildApp, tableCounts } from '../../helper.js'

const words = (count: number, seed: string) =>
  Array.from({ length: count }, (_, i) => `${seed}${(i * 7919) % 10007}`).join(' ')

t.test('a quotation of any length is stored and grouped: the wording tally is keyed by a hash', async (t) => {
  const app = await buildApp(t)
  // About 6 KB of words: over the 2.7 KB a btree index row can hold.
  const long = `${words(900, 'word')}.`
  for (const [i, outlet] of ['First', 'Second'].entries()) {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: {
        url: `https://long.example/${i}`,
        outlet: { name: outlet },
        publishedAt: `2025-05-0${i + 1}T00:00:00Z`,
        text: `“${long}” Claudia Sheinbaum said.`,
      },
    })
    t.equal(response.statusCode, 201, response.body.slice(0, 300))
  }
  const claims = (await app.inject({ url: '/v1/claims' })).json().items
  t.equal(claims.length, 1, 'both renderings are one claim')
  t.equal(claims[0].renderingCount, 2)
  const detail = (await app.inject({ url: `/v1/claims/${claims[0].id}` })).json()
  t.same(
    detail.consistency.distinctWordings.map((w: { renderings: number }) => w.renderings),
    [2],
  )
})
