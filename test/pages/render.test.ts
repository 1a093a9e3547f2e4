import t from 'tap'
import { labelRendering } from '../../src/domain/wording/index.js'
import { claimList as renderClaimList, labelTally } from '../../src/pages/claim-list.js'
import { claimPage as renderClaimPage } from '../../src/pages/claim-page.js'
import { errorPage } from '../../src/pages/error-page.js'
import { articleLink } from '../../src/pages/format.js'
import { outletPage as renderOutletPage } from '../../src/pages/outlet-page.js'
import { searchPage as renderSearchPage } from '../../src/pages/search-page.js'
import { speakerPage as renderSpeakerPage } from '../../src/pages/speaker-page.js'
import { VERDICT_SENTENCES, verifyPage as renderVerifyPage } from '../../src/pages/verify-page.js'
import { differs, wordDiff } from '../../src/pages/word-diff.js'
import type { ClaimDetail, ClaimListItem, Scorecard, VerifyResult } from '../../src/schemas/claims.js'
import {
  CLAIM_DETAIL_EXAMPLE,
  CLAIM_LIST_ITEM_EXAMPLE,
  SCORECARD_EXAMPLE,
  VERIFY_EXAMPLE,
  VERIFY_UNKNOWN_SPEAKER_EXAMPLE,
} from '../../src/schemas/examples.js'
import type { OutletResource, SpeakerResource } from '../../src/schemas/resources.js'
import type { ClaimConsistency } from '../../src/services/claims.js'

/** The markup with its layout whitespace collapsed, so that expectations do not depend on indentation. */
const flat = (markup: string): string => markup.replace(/\s+/g, ' ').replace(/> </g, '><').replace(/ >/g, '>')
const claimPage = (...args: Parameters<typeof renderClaimPage>) => flat(renderClaimPage(...args))
const outletPage = (...args: Parameters<typeof renderOutletPage>) => flat(renderOutletPage(...args))
const searchPage = (...args: Parameters<typeof renderSearchPage>) => flat(renderSearchPage(...args))
const speakerPage = (...args: Parameters<typeof renderSpeakerPage>) => flat(renderSpeakerPage(...args))
const verifyPage = (...args: Parameters<typeof renderVerifyPage>) => flat(renderVerifyPage(...args))
const claimList = (...args: Parameters<typeof renderClaimList>) => flat(renderClaimList(...args).markup)

/** Text as an attacker would have an outlet print it: markup, both quote marks, an ampersand. */
const HOSTILE = `<script>alert("1")</script> Tom & 'Jerry'`
const ESCAPED = '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; Tom &amp; &#39;Jerry&#39;'

const claim = (): ClaimDetail => structuredClone(CLAIM_DETAIL_EXAMPLE) as ClaimDetail
const listItem = (): ClaimListItem => structuredClone(CLAIM_LIST_ITEM_EXAMPLE) as ClaimListItem
const SPEAKER: SpeakerResource = {
  id: '0196a1f0-1a2b-7c3d-9e4f-5a6b7c8d9e0f',
  name: 'Claudia Sheinbaum',
  slug: 'claudia-sheinbaum',
  kind: 'person',
  title: 'President of Mexico',
  description: null,
  wikidataId: null,
  aliases: ['Claudia Sheinbaum', 'Sheinbaum'],
  nameCorrected: false,
  createdAt: '2025-05-03T18:31:02.114Z',
  links: { html: '/speakers/0196a1f0-1a2b-7c3d-9e4f-5a6b7c8d9e0f' },
}
const CONSISTENCY: ClaimConsistency = {
  renderings: 3,
  byLabel: { verbatim: 2, excerpt: 0, extended: 0, elided: 0, altered: 1 },
  lowestFidelity: 0.8889,
}

t.test('the word diff marks cut words as <del>, added ones as <ins>, a replacement as both', async (t) => {
  const runs = labelRendering(
    'Sovereignty is not for sale. Sovereignty is cherished and defended daily.',
    'Sovereignty is not for sale. Sovereignty is loved and defended.',
  ).diff
  t.same(
    runs.map((run) => run.op),
    ['equal', 'replace', 'equal', 'insert'],
  )
  const markup = wordDiff(runs).markup
  t.match(markup, '<del><span class="visually-hidden">[cut: </span>loved<span class="visually-hidden">]</span></del>')
  t.match(
    markup,
    '<ins><span class="visually-hidden">[added: </span>cherished<span class="visually-hidden">]</span></ins>',
  )
  t.match(markup, '<ins><span class="visually-hidden">[added: </span>daily<span class="visually-hidden">]</span></ins>')
  t.match(
    wordDiff(labelRendering('Sovereignty is defended.', 'Sovereignty is loved and defended.').diff).markup,
    /<del>.*loved and.*<\/del>/,
  )
  t.equal(wordDiff([{ op: 'equal', a: ['<b>'], b: ['<b>'] }]).markup, '<p class="diff"><span>&lt;b&gt;</span></p>')
  t.equal(differs(runs), true)
  t.equal(differs([{ op: 'equal', a: ['x'], b: ['x'] }]), false)
})

t.test(
  'a claim page shows every rendering, its label, fidelity, diff, first appearance and misattributions',
  async (t) => {
    const page = claimPage(claim())
    t.match(page, /^<!doctype html>/)
    t.match(page, '<html lang="en">')
    t.match(page, '<link rel="stylesheet" href="/pages.css" />')
    t.equal(page.match(/<article class="rendering label-/g)?.length, 2, 'both renderings')
    t.match(page, /<del>.*loved and.*<\/del>/, 'the cut is marked')
    t.equal(page.match(/First appearance<\/span>/g)?.length, 1, 'one rendering is the first appearance')
    t.match(page, 'class="rendering misattributed"')
    t.match(page, /Gives these words to <a href="\/speakers\/[^"]+">Marcelo Ebrard<\/a>, not Claudia Sheinbaum/)
    t.match(page, '<a href="https://apnews.com/article/mexico-sheinbaum-trump-troops" rel="noreferrer">')
    t.match(page, '<time datetime="2025-05-03T18:30:00.000Z">3 May 2025</time>')
    t.notMatch(page, 'when it was ingested', 'a dated first appearance says nothing of ingestion')

    const odd = claim()
    odd.firstAppearance = null
    odd.misattributions = []
    odd.appearances[0]!.coverage = null
    odd.appearances[0]!.via = 'Reuters'
    odd.appearances[0]!.speakerInferred = true
    odd.appearances[0]!.speakerInferredBy = 'wording'
    odd.appearances[0]!.article.publishedAt = null
    odd.appearances[0]!.article.title = null
    const oddPage = claimPage(odd)
    t.match(oddPage, '<dt>First appearance</dt><dd>unknown</dd>')
    t.notMatch(oddPage, 'class="flag flag-first"')
    t.notMatch(oddPage, 'Given to someone else')
    t.match(oddPage, 'not yet computed')
    t.match(oddPage, '<dt>Relayed from</dt><dd>Reuters</dd>')
    t.match(oddPage, 'inferred from the words')
    t.match(oddPage, '<dd><span>undated</span></dd>')
    t.match(oddPage, `>${odd.appearances[0]!.article.url}</a>`, 'an article without a title is named by its address')

    const undated = claim()
    undated.firstAppearance!.dated = false
    t.match(claimPage(undated), 'when it was ingested: the article gives no date')
  },
)

t.test('hostile text from articles is escaped on every page', async (t) => {
  const hostile = claim()
  hostile.speaker.name = HOSTILE
  hostile.canonicalText = HOSTILE
  hostile.appearances[0]!.article.outlet.name = HOSTILE
  hostile.appearances[0]!.article.title = HOSTILE
  hostile.appearances[0]!.pieces = [HOSTILE]
  hostile.appearances[1]!.article.url = 'javascript:alert(1)'
  hostile.misattributions[0]!.namedSpeaker.name = HOSTILE
  const page = claimPage(hostile)
  t.notMatch(page, '<script>', 'no markup from the text')
  t.match(page, ESCAPED)
  t.match(page, `<title>${ESCAPED}: “${ESCAPED}” · Verbatim</title>`)
  t.notMatch(page, 'href="javascript:', 'an address that is not the web is no link')
  t.equal(
    articleLink('https://example.org/"onmouseover="alert(1)', 'x').markup,
    '<a href="https://example.org/&quot;onmouseover=&quot;alert(1)" rel="noreferrer">x</a>',
    'a quote mark cannot end the attribute',
  )

  const speaker = { ...SPEAKER, name: HOSTILE, title: HOSTILE, aliases: [HOSTILE, 'Sheinbaum'] }
  const item = { ...listItem(), canonicalText: HOSTILE, speaker: { id: SPEAKER.id, name: HOSTILE } }
  const outlet = { ...SCORECARD_EXAMPLE.outlet, name: HOSTILE, domain: HOSTILE }
  const pages = [
    speakerPage({ speaker, claims: [item], consistency: new Map(), nextCursor: null }),
    searchPage({
      query: { q: HOSTILE, speaker: HOSTILE, outlet: HOSTILE },
      outlets: [{ ...outlet, kind: 'news', createdAt: SPEAKER.createdAt, links: { html: '/outlets/x' } }],
      results: { claims: [item], consistency: new Map(), nextCursor: HOSTILE },
      problem: null,
    }),
    searchPage({
      query: {},
      outlets: [],
      results: null,
      problem: { detail: HOSTILE, suggestions: [{ id: 'x', name: HOSTILE }] },
    }),
    outletPage({
      scorecard: { ...(structuredClone(SCORECARD_EXAMPLE) as Scorecard), outlet },
      periods: [],
    }),
    verifyPage({ input: { text: HOSTILE, speaker: HOSTILE }, result: null, problem: HOSTILE }),
    errorPage(HOSTILE, HOSTILE),
  ]
  for (const each of pages) {
    t.notMatch(each, '<script>')
    t.match(each, ESCAPED)
  }
})

t.test('a speaker page lists their claims with how consistently each was reproduced', async (t) => {
  const item = listItem()
  const page = speakerPage({
    speaker: SPEAKER,
    claims: [item],
    consistency: new Map([[item.id, CONSISTENCY]]),
    nextCursor: 'abc/+=',
  })
  t.match(page, '<h1>Claudia Sheinbaum</h1>')
  t.match(page, '<p class="byline">President of Mexico</p>')
  t.match(page, 'Also quoted as: Sheinbaum')
  t.match(page, '3 renderings: 2 verbatim, 1 altered · 67% verbatim · lowest fidelity 89%')
  t.match(page, '<rect class="bar-verbatim" x="0.00" y="0" width="66.67" height="8" />')
  t.match(page, `<a rel="next" href="/speakers/${SPEAKER.id}?cursor=abc%2F%2B%3D">Older claims</a>`)
  t.notMatch(page, `<a href="/speakers/${SPEAKER.id}">`, 'the speaker is not repeated beside each claim')

  const plain = speakerPage({
    speaker: { ...SPEAKER, title: null, aliases: ['Claudia Sheinbaum'] },
    claims: [],
    consistency: new Map(),
    nextCursor: null,
  })
  t.notMatch(plain, 'class="byline"')
  t.notMatch(plain, 'Also quoted as')
  t.match(plain, 'No claims of Claudia Sheinbaum yet.')
  t.notMatch(plain, 'Older claims')
  t.equal(
    labelTally({ ...CONSISTENCY, byLabel: { ...CONSISTENCY.byLabel, verbatim: 1, altered: 2 } }),
    '2 altered, 1 verbatim',
  )
  const undated = { ...item, firstAppearedAt: null }
  t.match(claimList([undated], new Map(), { showSpeaker: true }), 'first appeared on an unknown date')
  t.match(
    claimList([undated], new Map(), { showSpeaker: true }),
    '<p class="consistency">2 renderings</p>',
    'a claim without figures shows its count',
  )
})

t.test('an outlet page has its scorecard, a chart and its most altered quotes', async (t) => {
  const scorecard = structuredClone(SCORECARD_EXAMPLE) as Scorecard
  const page = outletPage({
    scorecard,
    periods: [{ period: '2025-05', byLabel: { verbatim: 9, excerpt: 3, extended: 0, elided: 1, altered: 1 } }],
  })
  t.match(page, '<h1>The Daily Ledger</h1>')
  t.match(page, '<p class="byline">dailyledger.example</p>')
  t.match(page, '<dt>Mean fidelity</dt><dd>97%</dd>')
  t.match(page, '<svg viewBox="0 0 640 260" role="img"')
  t.match(page, /<del>.*loved and.*<\/del>/, 'the altered quote is diffed against its canonical wording')
  t.match(page, `<a href="/claims/${scorecard.mostAltered[0]!.claimId}">every rendering of it</a>`)

  const empty = outletPage({
    scorecard: {
      ...scorecard,
      outlet: { ...scorecard.outlet, domain: null },
      renderings: 0,
      meanFidelity: null,
      meanCoverage: null,
      mostAltered: [
        { ...scorecard.mostAltered[0]!, article: { ...scorecard.mostAltered[0]!.article, publishedAt: null } },
      ],
    },
    periods: [],
  })
  t.notMatch(empty, 'class="byline"')
  t.match(empty, '<dt>Mean fidelity</dt><dd>none yet</dd>')
  t.match(empty, 'No renderings of this outlet belong to a claim yet.')
  t.match(empty, '<dt>Published</dt><dd>undated</dd>')
  t.match(
    outletPage({ scorecard: { ...scorecard, mostAltered: [] }, periods: [] }),
    'None of its renderings is altered.',
  )
})

t.test('the search page keeps the query in its form and pages through results', async (t) => {
  const outlets: OutletResource[] = [
    { id: 'a', name: 'Alpha', domain: null, kind: 'news', createdAt: SPEAKER.createdAt, links: { html: '/outlets/a' } },
    { id: 'b', name: 'Beta', domain: null, kind: 'news', createdAt: SPEAKER.createdAt, links: { html: '/outlets/b' } },
  ]
  const item = listItem()
  const page = searchPage({
    query: { q: 'sovereignty', outlet: 'b' },
    outlets,
    results: { claims: [item], consistency: new Map([[item.id, CONSISTENCY]]), nextCursor: 'next' },
    problem: null,
  })
  t.match(page, '<input id="search-q" name="q" type="search" value="sovereignty"')
  t.match(page, '<option value="b" selected>Beta</option>')
  t.match(page, '<option value="a">Alpha</option>')
  t.match(page, '1 claim on this page')
  t.match(page, `<a href="/speakers/${item.speaker.id}">Claudia Sheinbaum</a> · first appeared`)
  t.match(page, '<a rel="next" href="/search?q=sovereignty&amp;outlet=b&amp;cursor=next">More claims</a>')

  const none = searchPage({
    query: { q: 'nothing' },
    outlets,
    results: { claims: [], consistency: new Map(), nextCursor: null },
    problem: null,
  })
  t.match(none, 'No claims found')
  t.notMatch(none, 'More claims')
  const two = searchPage({
    query: { q: 'x' },
    outlets,
    results: { claims: [item, { ...item, id: 'other' }], consistency: new Map(), nextCursor: null },
    problem: null,
  })
  t.match(two, /<h2 id="results-heading"> 2 claims <\/h2>/)

  const blank = searchPage({ query: {}, outlets: [], results: null, problem: null })
  t.match(blank, 'value=""')
  t.notMatch(blank, 'results-heading')
  const unknown = searchPage({
    query: { speaker: 'Shinebaum' },
    outlets,
    results: null,
    problem: {
      detail: 'no speaker goes by "Shinebaum"',
      suggestions: [
        { id: SPEAKER.id, name: SPEAKER.name },
        { id: 'x', name: 'Someone Else' },
      ],
    },
  })
  t.match(unknown, '<div class="notice" role="alert">')
  t.match(
    unknown,
    `Perhaps: <a href="/speakers/${SPEAKER.id}">Claudia Sheinbaum</a>, <a href="/speakers/x">Someone Else</a>`,
  )
  t.notMatch(searchPage({ query: {}, outlets, results: null, problem: { detail: 'bad', suggestions: [] } }), 'Perhaps')
})

t.test('the verify page shows the verdict, the speaker as recognised and each match with its diff', async (t) => {
  const result = structuredClone(VERIFY_EXAMPLE) as VerifyResult
  const page = verifyPage({
    input: { text: 'Sovereignty is not for sale. Sovereignty is defended.', speaker: 'Sheinbaum' },
    result,
    problem: null,
  })
  t.match(page, '<span class="verdict verdict-altered">altered</span>')
  t.match(page, VERDICT_SENTENCES.altered)
  t.match(page, `Speaker recognised as <a href="/speakers/${result.speaker!.id}">Claudia Sheinbaum</a> (by alias)`)
  t.match(page, /<del>.*loved and.*<\/del>/)
  t.match(page, 'by Associated Press</li>')
  t.match(page, '>Sovereignty is not for sale. Sovereignty is defended.</textarea>')
  t.match(page, '<dt>First appearance</dt><dd>Associated Press, <time')

  const unknown = structuredClone(VERIFY_UNKNOWN_SPEAKER_EXAMPLE) as VerifyResult
  unknown.matches[0]!.firstAppearance = null
  const unknownPage = verifyPage({ input: { text: 'x' }, result: unknown, problem: null })
  t.match(unknownPage, VERDICT_SENTENCES['unknown-speaker'])
  t.match(unknownPage, 'Perhaps: <a href=')
  t.notMatch(unknownPage, 'Speaker recognised')
  t.notMatch(unknownPage, '<dt>First appearance</dt>')

  const none = verifyPage({
    input: { text: 'x' },
    result: { verdict: 'no-record', speaker: null, suggestions: [], matches: [] },
    problem: null,
  })
  t.match(none, VERDICT_SENTENCES['no-record'])
  t.notMatch(none, 'class="renderings"')
  const blank = verifyPage({ input: {}, result: null, problem: null })
  t.notMatch(blank, 'Verdict')
  t.notMatch(blank, 'role="alert"')
  t.match(blank, 'required></textarea>')
})
