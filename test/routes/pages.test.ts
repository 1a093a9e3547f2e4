import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { PAGE_CONTENT_SECURITY_POLICY } from '../../src/http/security-headers.js'
import { authorized, buildApp } from '../helper.js'

// Invented articles: one outlet prints the mayor's words whole, the other cuts two of them.
const WHOLE = 'We will rebuild the harbour bridge this year and open it to traffic in spring.'
const CUT = 'We will rebuild the harbour bridge this year and open it in spring.'
const ARTICLES = [
  {
    url: 'https://harbour-gazette.example/bridge',
    outlet: { name: 'Harbour Gazette', domain: 'harbour-gazette.example' },
    publishedAt: '2025-03-04T09:00:00Z',
    text: `“${WHOLE}” Mayor Ana Ruiz said on Monday.`,
  },
  {
    url: 'https://coast-courier.example/ruiz-bridge',
    outlet: { name: 'Coast Courier', domain: 'coast-courier.example' },
    publishedAt: '2025-04-05T10:00:00Z',
    text: `“${CUT}” Mayor Ana Ruiz said.`,
  },
]

async function ingest(app: FastifyInstance): Promise<void> {
  for (const payload of ARTICLES) {
    const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload })
    if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`)
  }
}

const isPage = (t: Test, response: { headers: Record<string, unknown> }) => {
  t.equal(response.headers['content-type'], 'text/html; charset=utf-8')
  t.equal(response.headers['content-security-policy'], PAGE_CONTENT_SECURITY_POLICY, 'the pages’ strict policy')
}

t.test('each resource links to its page, and the page shows it', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const [item] = (await app.inject({ url: '/v1/claims' })).json().items
  const claim = (await app.inject({ url: `/v1/claims/${item.id}` })).json()
  t.equal(item.links.html, `/claims/${item.id}`)
  t.equal(claim.links.html, item.links.html)

  const page = await app.inject({ url: claim.links.html })
  t.equal(page.statusCode, 200)
  isPage(t, page)
  t.match(page.body, '<h1>Ana Ruiz: a claim</h1>')
  t.match(page.body, /<del><span class="visually-hidden">\[cut: <\/span>to traffic<span/, 'the cut words are marked')
  t.match(page.body, 'Harbour Gazette')
  t.match(page.body, 'Coast Courier')

  const speaker = (await app.inject({ url: `/v1/speakers/${claim.speaker.id}` })).json()
  const speakerPage = await app.inject({ url: speaker.links.html })
  t.equal(speakerPage.statusCode, 200)
  isPage(t, speakerPage)
  t.match(speakerPage.body, /2 renderings:\s+1 verbatim, 1 altered/)

  const courier = claim.appearances.find((appearance: { label: string }) => appearance.label !== 'verbatim')
  const outlet = (await app.inject({ url: `/v1/outlets/${courier.article.outlet.id}` })).json()
  const outletPage = await app.inject({ url: outlet.links.html })
  t.equal(outletPage.statusCode, 200)
  isPage(t, outletPage)
  t.match(outletPage.body, '<h1>Coast Courier</h1>')
  t.match(outletPage.body, '<title>2025-04: 1 altered</title>', 'the chart has the month of its rendering')

  const stylesheet = await app.inject({ url: '/pages.css' })
  t.equal(stylesheet.statusCode, 200)
  t.equal(stylesheet.headers['content-type'], 'text/css; charset=utf-8')
  t.match(stylesheet.body, '.visually-hidden')

  const document = (await app.inject({ url: '/openapi.json' })).json()
  t.notOk(
    Object.keys(document.paths).some(
      (path) => !path.startsWith('/v1') && /claims|speakers|outlets|search|verify|pages/.test(path),
    ),
    'the pages are not operations of the API',
  )
})

t.test('what a page cannot show is an HTML page with the right status', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const [claim] = (await app.inject({ url: '/v1/claims' })).json().items

  for (const url of [
    `/claims/${randomUUID()}`,
    '/claims/not-an-id',
    `/speakers/${randomUUID()}`,
    '/speakers/x',
    `/outlets/${randomUUID()}`,
    '/outlets/x',
  ]) {
    const response = await app.inject({ url })
    t.equal(response.statusCode, 404, url)
    isPage(t, response)
    t.match(response.body, '<h1>Not Found</h1>')
  }

  const merged = randomUUID()
  const removed = randomUUID()
  await app.prisma.claimRedirect.create({ data: { fromId: merged, toId: claim.id, reason: 'merged' } })
  await app.prisma.claimRedirect.create({ data: { fromId: removed, toId: null, reason: 'withdrawn' } })
  const redirect = await app.inject({ url: `/claims/${merged}` })
  t.equal(redirect.statusCode, 308)
  t.equal(
    redirect.headers.location,
    `/claims/${claim.id}`,
    'a merged claim sends the browser to the page of the claim it is now',
  )
  const gone = await app.inject({ url: `/claims/${removed}` })
  t.equal(gone.statusCode, 410)
  isPage(t, gone)

  const tooLong = await app.inject({ url: `/search?q=${'a'.repeat(2001)}` })
  t.equal(tooLong.statusCode, 400)
  isPage(t, tooLong)
  t.match(tooLong.body, 'This address cannot be read')

  const badCursor = await app.inject({ url: `/speakers/${claim.speaker.id}?cursor=nonsense` })
  t.equal(badCursor.statusCode, 400)
  isPage(t, badCursor)

  t.match(
    (await app.inject({ url: '/claims' })).headers['content-type'],
    /^application\/problem\+json/,
    'a path that is no page is the API’s 404',
  )
})

t.test('the pages are reads: they need a key only when reads do', async (t) => {
  const app = await buildApp(t, { REQUIRE_KEY_FOR_READS: 'true' })
  const refused = await app.inject({ url: '/search' })
  t.equal(refused.statusCode, 401)
  t.equal(refused.headers['www-authenticate'], 'Bearer')
  isPage(t, refused)
  t.equal((await app.inject({ url: '/search', headers: authorized })).statusCode, 200)
  t.equal((await app.inject({ url: '/pages.css' })).statusCode, 200, 'the stylesheet is not a read of the record')
})

t.test('search by words, speaker or outlet; a name nobody goes by is said so, with suggestions', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const outlets = (await app.inject({ url: '/v1/outlets' })).json().items as Array<{ id: string; name: string }>
  const courier = outlets.find((outlet) => outlet.name === 'Coast Courier')!

  const blank = await app.inject({ url: '/search?q=&speaker=+&outlet=' })
  t.equal(blank.statusCode, 200)
  isPage(t, blank)
  t.notMatch(blank.body, 'results-heading', 'empty fields are no search')
  t.ok(blank.body.indexOf('Coast Courier') < blank.body.indexOf('Harbour Gazette'), 'outlets to choose from, by name')

  for (const query of ['q=harbour+bridge', 'speaker=Ruiz', `outlet=${courier.id}`, 'outlet=coast-courier.example']) {
    const found = await app.inject({ url: `/search?${query}` })
    t.equal(found.statusCode, 200, query)
    t.match(found.body, '1 claim', query)
    t.match(found.body, 'We will rebuild the harbour bridge', query)
  }
  t.match((await app.inject({ url: '/search?q=volcano+eruption+tomorrow+morning' })).body, 'No claims found')

  const unknown = await app.inject({ url: '/search?speaker=Zebulon+Quark' })
  t.equal(unknown.statusCode, 400)
  isPage(t, unknown)
  t.match(unknown.body, 'role="alert"')
  t.match(unknown.body, 'value="Zebulon Quark"', 'the form keeps what was typed')
  const badCursor = await app.inject({ url: '/search?q=harbour&cursor=nonsense' })
  t.equal(badCursor.statusCode, 400)
  t.match(badCursor.body, 'role="alert"')
  t.notMatch(badCursor.body, 'Perhaps', 'no one to suggest')
})

t.test('verify: a pasted quote gets its verdict and diff; a text of no words is said so', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const blank = await app.inject({ url: '/verify' })
  t.equal(blank.statusCode, 200)
  isPage(t, blank)
  t.notMatch(blank.body, 'Verdict')

  const text = encodeURIComponent('We will rebuild the harbour bridge this year and open it in spring.')
  const verified = await app.inject({ url: `/verify?text=${text}&speaker=Ruiz` })
  t.equal(verified.statusCode, 200)
  t.match(verified.body, '<span class="verdict verdict-altered">altered</span>')
  t.match(verified.body, /<del>.*to traffic.*<\/del>/)
  t.match(verified.body, 'Speaker recognised as')

  const other = await app.inject({ url: `/verify?text=${text}&speaker=Nobody+Known` })
  t.match(other.body, 'verdict-unknown-speaker')

  const noWords = await app.inject({ url: '/verify?text=%E2%80%9C%E2%80%A6%E2%80%9D' })
  t.equal(noWords.statusCode, 400)
  isPage(t, noWords)
  t.match(noWords.body, 'text has no words to compare')
})

t.test(
  'a failure that is not the client’s is left to the API’s handler: a 500 problem that says nothing of it',
  async (t) => {
    const app = await buildApp(t)
    // A read that breaks the way a bug would: not a problem the service chose to report.
    const claims = app.prisma.claim
    t.teardown(() => Object.defineProperty(app.prisma, 'claim', { value: claims, configurable: true }))
    Object.defineProperty(app.prisma, 'claim', {
      value: { findMany: () => Promise.reject(new Error('secret internals')) },
      configurable: true,
    })
    const failed = await app.inject({ url: '/search?q=anything' })
    t.equal(failed.statusCode, 500)
    t.match(failed.headers['content-type'], /^application\/problem\+json/)
    t.notMatch(failed.body, 'secret internals')
  },
)
