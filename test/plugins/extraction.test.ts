import Fastify from 'fastify'
import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { extractQuotes } from '../../src/domain/extraction/index.js'
import configPlugin from '../../src/plugins/config.js'
import errorsPlugin from '../../src/plugins/errors.js'
import extractionPlugin from '../../src/plugins/extraction.js'
import { authorized, buildApp, tableCounts } from '../helper.js'

/** A long text of ordinary news paragraphs: seconds of extraction at the largest accepted size. */
const longText = (paragraphs: number) =>
  Array.from(
    { length: paragraphs },
    (_, i) => `“The ferry to the outer islands will run ${i} times a week,” harbour master Elin Sandvik said.`,
  ).join('\n\n')

const SMALL = '“We will open the new library in May,” Mayor Oskar Lindqvist said on Tuesday.'

t.test('on worker threads the quotations are the same as on the event loop', async (t) => {
  const app = await buildApp(t, { EXTRACTION_THREADS: '1' })
  const text = longText(50)
  const response = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text } })
  t.equal(response.statusCode, 200)
  t.same(response.json().quotes, JSON.parse(JSON.stringify(extractQuotes(text))))
})

t.test('the server keeps answering while a long text is read', async (t) => {
  const app = await buildApp(t, { EXTRACTION_THREADS: '1' })
  await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: SMALL } }) // the thread is up
  const order: string[] = []
  const long = app
    .inject({ method: 'POST', url: '/v1/extract', payload: { text: longText(8000) } })
    .then((response) => order.push(`extract ${response.statusCode}`))
  // Health answers while the extraction still runs, not after it.
  await new Promise((resolve) => setTimeout(resolve, 50))
  const health = await app.inject({ url: '/health' })
  order.push(`health ${health.statusCode}`)
  await long
  t.same(order, ['health 200', 'extract 200'])
})

t.test('a text that takes too long is stopped and answered 503; nothing is stored; the pool recovers', async (t) => {
  const app = await buildApp(t, { EXTRACTION_THREADS: '1', EXTRACTION_TIMEOUT_MS: '100' })
  const text = longText(8000)
  const extract = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text } })
  t.equal(extract.statusCode, 503)
  t.match(extract.headers['content-type'], /application\/problem\+json/)
  t.match(extract.json(), { type: '/problems/extraction-timeout', detail: /longer than 100 ms/ })

  const before = await tableCounts(app)
  const ingest = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url: 'https://ferries.example/timetable', outlet: { name: 'Ferry News' }, text },
  })
  t.equal(ingest.statusCode, 503)
  t.match(ingest.json(), { type: '/problems/extraction-timeout' })
  t.same(await tableCounts(app), before, 'nothing stored')

  // The stopped thread's replacement takes seconds to start under the test's TypeScript loader, far
  // over the limit: the limit counts from when a thread starts on the text, so this is read.
  const small = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: SMALL } })
  t.equal(small.statusCode, 200, 'a new thread reads the next text')
  t.equal(small.json().quotes.length, 1)
})

t.test('when the threads are busy and the queue is full, callers are told to retry', async (t) => {
  const app = await buildApp(t, { EXTRACTION_THREADS: '1' })
  const text = longText(200)
  const answers = await Promise.all(
    Array.from({ length: 40 }, () => app.inject({ method: 'POST', url: '/v1/extract', payload: { text } })),
  )
  const busy = answers.filter((answer) => answer.json().type === '/problems/extraction-busy')
  t.ok(busy.length >= 40 - 1 - 32, `${busy.length} of 40 refused: one thread, 32 waiting`)
  t.equal(busy[0]?.statusCode, 503)
  t.equal(busy[0]?.headers['retry-after'], '1')
  t.ok(
    answers.every((answer) => answer.statusCode === 200 || answer.json().type === '/problems/extraction-busy'),
    'the others were read, nothing else',
  )
})

t.test('EXTRACTION_THREADS=0 reads on the event loop', async (t) => {
  const app = await buildApp(t, { EXTRACTION_THREADS: '0' })
  const response = await app.inject({ method: 'POST', url: '/v1/extract', payload: { text: SMALL } })
  t.same(response.json().quotes, JSON.parse(JSON.stringify(extractQuotes(SMALL))))
})

t.test('a thread that cannot start fails its texts with a 500 and leaves the process up', async (t) => {
  const logged: string[] = []
  const config = loadConfig({ NODE_ENV: 'test', EXTRACTION_THREADS: '1', DATA_DIR: 'memory://' })
  const app = Fastify({
    logger: { level: 'error', stream: { write: (line: string) => logged.push(JSON.parse(line).msg) } },
  })
  await app.register(configPlugin, { config })
  await app.register(errorsPlugin)
  await app.register(extractionPlugin, {
    workerFile: new URL('fixtures/worker-that-cannot-start.ts', import.meta.url),
  })
  app.post('/extract', async (request) => app.extractQuotes((request.body as { text: string }).text))
  t.teardown(() => app.close())
  const response = await app.inject({ method: 'POST', url: '/extract', payload: { text: SMALL } })
  t.equal(response.statusCode, 500)
  t.equal(response.json().type, 'about:blank', 'nothing of the failure is told')
  // The task fails first; the pool reports the thread's failure as it replaces it.
  for (let waited = 0; waited < 20_000 && !logged.includes('extraction thread failed'); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  t.ok(logged.includes('extraction thread failed'), 'the failure is logged')
})
