import { once } from 'node:events'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { generatedCorpus, type GeneratedArticle } from '../fixtures/generated-corpus.js'
import { snapshot } from '../fixtures/ingest-snapshot.js'
import { startServerProcess } from '../fixtures/server-process.js'
import { WRITE_KEY, buildApp, testDatabaseEnv } from '../helper.js'

/**
 * kill -9 while articles are being written, on the engine this run tests (the embedded database in a
 * directory, or the Postgres server of TEST_DATABASE_URL): the server comes back on the same data
 * (taking over the dead process's lock), every article it acknowledged is there, no article is
 * stored in part, and posting the corpus again ends where one uninterrupted ingestion ends.
 */

const CLIENTS = 4
/** Acknowledged articles before the kill: enough that writes are in full flow. */
const KILL_AFTER = 15
const ARTICLES = generatedCorpus(20251201, 40)
const headers = { authorization: `Bearer ${WRITE_KEY}`, 'content-type': 'application/json' }
const body = (article: GeneratedArticle) => JSON.stringify({ ...article, outlet: { name: article.outlet } })

/** Posts articles with a few clients at once; stops (without failing) once the server is gone. */
async function post(
  address: string,
  articles: GeneratedArticle[],
  onAnswer: (status: number, a: GeneratedArticle) => void,
) {
  let next = 0
  const client = async () => {
    while (next < articles.length) {
      const article = articles[next++]!
      let response: Response
      try {
        response = await fetch(`${address}/v1/articles`, { method: 'POST', headers, body: body(article) })
      } catch {
        return // the server was killed under this request
      }
      await response.arrayBuffer()
      onAnswer(response.status, article)
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client))
}

interface StoredArticle {
  id: string
  url: string
  text: string
  quoteCount: number
}
interface Page<Item> {
  items: Item[]
  nextCursor: string | null
}

const getJson = async <T>(url: string, init?: RequestInit): Promise<T> => (await fetch(url, init)).json() as Promise<T>

async function storedArticles(address: string) {
  const stored: StoredArticle[] = []
  let cursor: string | undefined
  do {
    const page = await getJson<Page<{ id: string }>>(
      `${address}/v1/articles?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    )
    for (const { id } of page.items) stored.push(await getJson<StoredArticle>(`${address}/v1/articles/${id}`))
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return stored
}

t.test('kill -9 during writes: nothing acknowledged is lost, nothing is half-written', async (t) => {
  const env = process.env.TEST_DATABASE_URL
    ? await testDatabaseEnv(t)
    : { DATA_DIR: await mkdtemp(join(tmpdir(), 'verbatim-crash-')) }
  const serverEnv = { ...env, API_KEYS: WRITE_KEY }

  const first = startServerProcess(serverEnv)
  const address = await first.listening
  const acknowledged = new Map<string, string>()
  let killed = false
  await post(address, ARTICLES, (status, article) => {
    if (status === 200 || status === 201) acknowledged.set(article.url, article.text)
    else t.fail(`${article.url}: ${status} before the kill`)
    if (!killed && acknowledged.size >= KILL_AFTER) {
      killed = true
      first.child.kill('SIGKILL')
    }
  })
  if (first.child.exitCode === null && first.child.signalCode === null) await once(first.child, 'exit')
  t.equal(first.child.signalCode, 'SIGKILL', `killed after ${acknowledged.size} acknowledged articles`)

  const second = startServerProcess(serverEnv)
  t.teardown(() => second.child.kill('SIGKILL'))
  const again = await second.listening
  t.pass('the server starts again on the data of the killed one')
  const stored = await storedArticles(again)
  const storedByUrl = new Map(stored.map((article) => [article.url, article]))
  for (const [url, text] of acknowledged) {
    t.ok(storedByUrl.has(url), `${url} acknowledged and stored`)
    // A revision acknowledged before the kill is the text stored, unless a later one was also written.
    if (!ARTICLES.some((article) => article.url === url && article.text !== text)) {
      t.equal(storedByUrl.get(url)?.text, text, `${url} as acknowledged`)
    }
  }
  for (const article of stored) {
    const extracted = await getJson<{ quotes: unknown[] }>(`${again}/v1/extract`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: article.text }),
    })
    const quotes = await getJson<Page<unknown>>(`${again}/v1/articles/${article.id}/quotes?limit=100`)
    t.equal(quotes.items.length, extracted.quotes.length, `${article.url}: every quote of its text, none missing`)
    t.equal(article.quoteCount, extracted.quotes.length, `${article.url}: its count agrees`)
  }

  // Posting everything again completes what the kill interrupted: the final text of each URL.
  const finalTexts = [...new Map(ARTICLES.map((article) => [article.url, article])).values()]
  const answers: number[] = []
  await post(again, finalTexts, (status) => answers.push(status))
  t.same(
    answers.filter((status) => status !== 200 && status !== 201),
    [],
    'every article posted again is stored',
  )
  second.child.kill('SIGTERM')
  await once(second.child, 'exit')

  const recovered = await buildApp(t, env)
  const reference = await buildApp(t)
  for (const article of ARTICLES) {
    const response = await reference.inject({ method: 'POST', url: '/v1/articles', headers, payload: body(article) })
    t.ok(response.statusCode < 300, `${article.url} ingested in the reference`)
  }
  t.same(await snapshot(recovered), await snapshot(reference), 'as if it had never been interrupted')
})
