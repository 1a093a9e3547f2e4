import t from 'tap'
import { readArticlePage } from '../../../src/domain/html/article-page.js'
import {
  MAX_HTML_ELEMENTS,
  readableText,
  readArticleHtml,
  UnreadableHtmlError,
} from '../../../src/domain/html/read-article-html.js'
import { parseHTML } from 'linkedom'
import { htmlPage } from '../../fixtures/html-pages.js'

t.test('a news page with <article>: its paragraphs, byline, title and canonical link', async (t) => {
  const page = readArticleHtml(htmlPage('news-article'), 'https://harbour-times.example/share/123')
  t.equal(page.title, 'Harbour bridge to open by spring, mayor says')
  t.equal(page.byline, 'Pella Morrow', 'the leading "By" is dropped')
  t.equal(page.siteName, 'The Harbour Times')
  t.equal(page.canonicalUrl, 'https://harbour-times.example/news/2025/03/bridge-spring')
  const paragraphs = page.text.split('\n\n')
  t.ok(
    paragraphs.includes(
      'Not everyone was persuaded. “We have heard spring before,” said Tomas Brandt, who runs a ferry between the two piers and whose business depends on the crossing. “Twice.”',
    ),
    'a paragraph is one line, its white space collapsed',
  )
  t.notMatch(page.text, /© 2025|masthead/, 'the page furniture is left out')
  t.notMatch(page.text, /Tuesday\.“|steel\.“/, 'no paragraph runs into the next')
})

t.test('a page whose facts are in meta tags and JSON-LD', async (t) => {
  const page = readArticleHtml(htmlPage('meta-and-json-ld'))
  t.match(page, {
    title: 'Orchard growers warn of thin harvest',
    byline: 'Ines Okafor',
    publishedTime: '2025-06-12T06:30:00+02:00',
    siteName: 'Valley Ledger',
    canonicalUrl: 'https://valley-ledger.example/farming/thin-harvest?utm_source=feed',
  })
  t.match(page.text, /^Apple and pear growers/)
  t.equal(page.text.split('\n\n').length, 4)
})

t.test('a page in navigation, advertisements, a sidebar and comments: only the story', async (t) => {
  const page = readArticleHtml(htmlPage('boilerplate'))
  t.match(page.text, /“Every shelf you see here was rebuilt by volunteers,” the head librarian, Oskar Varga, said/)
  for (const boilerplate of ['cookies', 'Subscribe', 'Buy shoes', 'Advertisement', 'Most read', 'Log in', 'Privacy'])
    t.notMatch(page.text, boilerplate, `no "${boilerplate}"`)
  t.equal(page.byline, null)
  t.equal(page.canonicalUrl, null, 'a page that names no address of its own')
})

t.test('a page with no article is refused, saying why', async (t) => {
  t.throws(() => readArticleHtml(htmlPage('no-article')), UnreadableHtmlError)
  t.throws(() => readArticleHtml('<p>   </p>'), /holds no article/)
  t.same(readArticlePage(htmlPage('no-article'), undefined, 1000), {
    unreadable: 'the page holds no article: no run of paragraphs long enough to be one',
  })
})

t.test('hostile pages are refused before they are parsed', async (t) => {
  const deep = `<article><p>${'word '.repeat(200)}</p>${'<div>'.repeat(MAX_HTML_ELEMENTS)}</article>`
  const started = performance.now()
  t.match(readArticlePage(deep, undefined, 1000), { unreadable: /more than 50000 elements/ })
  t.ok(performance.now() - started < 1000, 'in well under a second')
})

t.test('an article longer than an article may be is refused; within it, its quotes are found', async (t) => {
  const long = readArticlePage(htmlPage('news-article'), undefined, 100)
  t.match(long, { unreadable: /more than the 100 an article may have/ })
  const read = readArticlePage(htmlPage('news-article'), undefined, 100_000)
  if ('unreadable' in read) throw new Error(read.unreadable)
  t.same(
    read.quotes.map((quote) => quote.speaker?.name),
    ['Ada Lindqvist', 'Tomas Brandt'],
  )
})

t.test('a canonical link: relative ones resolved, unusable ones ignored, og:url as a fallback', async (t) => {
  const article = `<article><p>${'A sentence of the story that is long enough. '.repeat(10)}</p></article>`
  const head = (tags: string) => `<html><head>${tags}</head><body>${article}</body></html>`
  t.equal(
    readArticleHtml(head('<link rel="canonical" href="/story/1">'), 'https://site.example/x').canonicalUrl,
    'https://site.example/story/1',
  )
  t.equal(readArticleHtml(head('<link rel="canonical" href="/story/1">')).canonicalUrl, null, 'no base to resolve it')
  t.equal(readArticleHtml(head('<link rel="canonical" href="  ">')).canonicalUrl, null)
  t.equal(
    readArticleHtml(head('<meta property="og:url" content="https://site.example/og">')).canonicalUrl,
    'https://site.example/og',
  )
})

t.test('readableText: blocks on paragraphs of their own, line breaks kept, nothing recursive', async (t) => {
  const { document } = parseHTML(
    '<div><h2>Head</h2>one <b>two</b><br>three<ul><li>a</li><li>b</li></ul><!-- c --></div>',
  )
  t.equal(readableText(document.querySelector('div') as never), 'Head\n\none two\nthree\n\na\n\nb')
  const deep = parseHTML(`<section>${'<span>'.repeat(20_000)}deep${'</span>'.repeat(20_000)}</section>`)
  t.equal(readableText(deep.document.querySelector('section') as never), 'deep')
})
