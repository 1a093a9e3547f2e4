import t from 'tap'
import { authorized, buildApp, tableCounts } from '../helper.js'

/** A page of ordinary news paragraphs, each a quote: seconds of reading at the largest sizes. */
const page = (paragraphs: number) =>
  `<html><head><title>Ferries</title></head><body><article>${Array.from(
    { length: paragraphs },
    (_, i) => `<p>“The ferry to the outer islands will run ${i} times a week,” harbour master Elin Sandvik said.</p>`,
  ).join('')}</article></body></html>`

// A file of its own: an app with a thread takes seconds to start under the tests' TypeScript loader.
t.test('a page posted as html is read on an extraction thread, held to its time limit', async (t) => {
  const app = await buildApp(t, { EXTRACTION_THREADS: '1', EXTRACTION_TIMEOUT_MS: '1000' })
  const post = (html: string, url: string) =>
    app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: { html, url } })
  const read = await post(page(20), 'https://ferries.example/read')
  t.equal(read.statusCode, 201, read.body)
  t.match(read.json(), { title: 'Ferries', outlet: { name: 'ferries.example' }, quoteCount: 20 })
  const refused = await post('<html><body><p>Sign in</p></body></html>', 'https://ferries.example/login')
  t.equal(refused.statusCode, 422, 'a page with no article, told from the thread')
  const before = await tableCounts(app)
  const slow = await post(page(15_000), 'https://ferries.example/slow')
  t.equal(slow.statusCode, 503, slow.body.slice(0, 300))
  t.match(slow.json(), { type: '/problems/extraction-timeout' })
  t.same(await tableCounts(app), before, 'nothing stored')
})
