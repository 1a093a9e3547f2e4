import t from 'tap'
import { buildApp, tableCounts } from '../../helper.js'

t.test('POST /v1/extract finds quotes and stores nothing', async (t) => {
  const app = await buildApp(t)
  const before = await tableCounts(app)
  const text =
    '“Sovereignty is not for sale,” Mexican President Claudia Sheinbaum declared. “Sovereignty is loved and defended.”'
  const response = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text } })
  t.equal(response.statusCode, 200)
  const { quotes } = response.json()
  t.equal(quotes.length, 1)
  t.match(quotes[0], {
    text: 'Sovereignty is not for sale, Sovereignty is loved and defended.',
    kind: 'direct',
    cue: { text: 'declared' },
    speaker: { name: 'Claudia Sheinbaum', kind: 'person' },
  })
  for (const [start, end] of quotes[0].spans) t.ok(text.slice(start, end).startsWith('Sovereignty'))
  t.same(await tableCounts(app), before)

  for (const payload of [{}, { text: '' }, { text: 3 }, { text: 'x', extra: true }]) {
    const bad = await app.inject({ method: 'POST', url: '/v1/extract', payload })
    t.equal(bad.statusCode, 400, JSON.stringify(payload))
    t.match(bad.json(), { type: '/problems/validation' })
  }
})
