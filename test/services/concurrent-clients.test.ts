import type { AddressInfo } from 'node:net'
import t from 'tap'
import { PEOPLE, generatedCorpus } from '../fixtures/generated-corpus.js'
import { snapshot } from '../fixtures/ingest-snapshot.js'
import { WRITE_KEY, buildApp } from '../helper.js'

/**
 * Eight clients ingesting one corpus at once over HTTP, as a newsroom's crawlers would: every answer
 * is a success (no 5xx, no conflict left to the client), and the speakers, claims, labels and
 * misattribution flags are those a single client ingesting the same articles one by one gets, on the
 * generated corpus of test/fixtures/generated-corpus.ts (revisions arrive after their originals).
 */

const CLIENTS = 8

const ORIGINALS = 120
const ARTICLES = generatedCorpus(20251130, ORIGINALS)

async function ingestWith(clients: number, t: Parameters<typeof buildApp>[0]) {
  const app = await buildApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const statuses: number[] = []
  // A revision must follow its original, as a crawler meets them: originals first, all at once.
  const waves = [ARTICLES.slice(0, ORIGINALS), ARTICLES.slice(ORIGINALS)]
  for (const wave of waves) {
    let next = 0
    const client = async () => {
      while (next < wave.length) {
        const article = wave[next++]!
        const response = await fetch(`http://127.0.0.1:${port}/v1/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${WRITE_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...article, outlet: { name: article.outlet } }),
        })
        statuses.push(response.status)
        await response.arrayBuffer()
      }
    }
    await Promise.all(Array.from({ length: clients }, client))
  }
  return { statuses, state: await snapshot(app) }
}

t.test(`${CLIENTS} clients ingesting at once get what one client gets`, async (t) => {
  const serial = await ingestWith(1, t)
  t.same(
    serial.statuses.filter((status) => status !== 201 && status !== 200),
    [],
    'one client: every article stored (201) or revised (200)',
  )
  // The corpus stresses what it should: several people, shared words, flags.
  t.equal(serial.state.speakers.length, PEOPLE.length, 'one speaker per person, whatever form of the name came first')
  t.ok(
    serial.state.quotes.some((quote) => quote.misattributedAs > 0),
    'some renderings are flagged',
  )
  t.ok(
    serial.state.quotes.some((quote) => quote.label !== 'verbatim'),
    'some renderings are not verbatim',
  )

  const parallel = await ingestWith(CLIENTS, t)
  t.same(
    parallel.statuses.filter((status) => status >= 300),
    [],
    `${CLIENTS} clients: every one of ${parallel.statuses.length} answers a success`,
  )
  t.same(parallel.state, serial.state, 'speakers, claims, labels and flags as with one client')
})
