import t from 'tap'
import { authorized, buildApp, tableCounts } from '../../helper.js'
import { htmlPage } from '../../fixtures/html-pages.js'

const STORY = `<p>${'The council met again on Monday to discuss the plan for the river path and its lights. '.repeat(6)}</p>`
/** A page of one story paragraph with the given head, for the metadata rules. */
const pageWith = (head: string) => `<html><head>${head}</head><body><article>${STORY}</article></body></html>`

t.test('POST /v1/articles with html', async (t) => {
  const app = await buildApp(t)
  const post = (payload: object) => app.inject({ method: 'POST', url: '/v1/articles', payload, headers: authorized })

  await t.test('the page supplies what the caller leaves out: address, outlet, title, byline, date', async (t) => {
    const created = await post({ html: htmlPage('meta-and-json-ld') })
    t.equal(created.statusCode, 201, created.body)
    const article = created.json()
    t.match(article, {
      status: 'created',
      url: 'https://valley-ledger.example/farming/thin-harvest',
      outlet: { name: 'Valley Ledger', domain: 'valley-ledger.example' },
      title: 'Orchard growers warn of thin harvest',
      author: 'Ines Okafor',
      publishedAt: '2025-06-12T04:30:00.000Z',
    })
    const stored = (await app.inject({ url: `/v1/articles/${article.id}` })).json()
    t.match(stored.text, /^Apple and pear growers in the upper valley/, 'the article text is what is stored')
    t.notMatch(stored.text, /<p>|application\/ld\+json/, 'no markup')
    const quotes = (await app.inject({ url: `/v1/articles/${article.id}/quotes` })).json().items
    t.ok(
      quotes.some((quote: { speaker: { name: string } | null }) => quote.speaker?.name === 'Marit Hove'),
      'its quotations are found in the text read from the page',
    )
    const again = await post({ html: htmlPage('meta-and-json-ld') })
    t.match(again.json(), { id: article.id, status: 'unchanged' }, 'the same page again changes nothing')
  })

  await t.test('what the caller gives wins over what the page says', async (t) => {
    const created = await post({
      html: htmlPage('news-article'),
      url: 'https://harbour-times.example/share/bridge?utm_medium=social',
      outlet: { name: 'Harbour Times', domain: 'harbour-times.example' },
      title: 'Bridge by spring',
      author: 'Desk',
      publishedAt: '2025-03-04T09:15:00Z',
      language: 'en',
    })
    t.equal(created.statusCode, 201, created.body)
    t.match(created.json(), {
      url: 'https://harbour-times.example/share/bridge',
      outlet: { name: 'Harbour Times' },
      title: 'Bridge by spring',
      author: 'Desk',
      publishedAt: '2025-03-04T09:15:00.000Z',
      language: 'en',
    })
  })

  await t.test('the outlet of a page that names no site is its host', async (t) => {
    const created = await post({ html: pageWith(''), url: 'https://www.Ridge-Gazette.example/path' })
    t.equal(created.statusCode, 201, created.body)
    t.match(created.json().outlet, { name: 'ridge-gazette.example', domain: 'ridge-gazette.example' })
    const named = await post({ html: pageWith('<meta property="og:site_name" content="Ridge">'), url: 'urn:x:ridge:1' })
    t.equal(named.statusCode, 201, named.body)
    t.match(named.json().outlet, { name: 'Ridge', domain: null }, 'a URN has no domain to give')
  })

  await t.test('a page’s date in another form is read; one that cannot be stored is left out', async (t) => {
    const bare = await post({
      html: pageWith('<meta property="article:published_time" content="2024-11-05">'),
      url: 'https://dates.example/1',
    })
    t.equal(bare.json().publishedAt, '2024-11-05T00:00:00.000Z')
    for (const [n, content] of [
      [2, 'last Tuesday'],
      [3, '0999-01-01T00:00:00Z'],
    ] as const) {
      const odd = await post({
        html: pageWith(`<meta property="article:published_time" content="${content}">`),
        url: `https://dates.example/${n}`,
      })
      t.equal(odd.statusCode, 201, odd.body)
      t.equal(odd.json().publishedAt, null, content)
    }
  })

  await t.test('what cannot be stored is refused with a problem, and nothing is stored', async (t) => {
    const before = await tableCounts(app)
    const noArticle = await post({ html: htmlPage('no-article'), url: 'https://riverside.example/login' })
    t.equal(noArticle.statusCode, 422)
    t.match(noArticle.json(), { type: '/problems/unreadable-html', status: 422, detail: /holds no article/ })
    t.equal(noArticle.headers['content-type'], 'application/problem+json; charset=utf-8')

    const both = await post({ html: pageWith(''), text: 'Both.', url: 'https://x.example/1', outlet: { name: 'X' } })
    t.equal(both.statusCode, 400)
    t.match(both.json(), { type: '/problems/validation', detail: /oneOf/ })
    const neither = await post({ url: 'https://x.example/1', outlet: { name: 'X' } })
    t.equal(neither.statusCode, 400)
    t.match(neither.json().errors, [{ field: '/text' }, { field: '/html' }, { field: '/' }])
    const bareText = await post({ text: 'A text with no address.' })
    t.equal(bareText.statusCode, 400)
    t.match(bareText.json().errors, [{ field: '/url' }, { field: '/outlet' }, {}], 'a text needs its url and outlet')

    const nowhere = await post({ html: htmlPage('boilerplate') })
    t.equal(nowhere.statusCode, 400, 'a page naming no address, posted without one')
    t.match(nowhere.json(), { errors: [{ in: 'body', field: '/url', message: /names no canonical address/ }] })
    const mailto = await post({ html: pageWith('<link rel="canonical" href="mailto:desk@x.example">') })
    t.equal(mailto.statusCode, 400)
    t.match(mailto.json(), { errors: [{ field: '/url', message: /page's own address cannot be used/ }] })
    const badGiven = await post({ html: pageWith(''), url: 'ftp://x.example/1' })
    t.match(badGiven.json(), {
      status: 400,
      errors: [{ field: '/url', message: 'url must use http or https, not ftp' }],
    })
    const noOutlet = await post({ html: pageWith(''), url: 'http://localhost/story' })
    t.equal(noOutlet.statusCode, 400)
    t.match(noOutlet.json(), { errors: [{ field: '/outlet', message: /names no site and its address no domain/ }] })
    t.same(await tableCounts(app), before)
  })
})
