import t from 'tap'
import {
  claimReview,
  factCheckedClaim,
  publisherSite,
  reviewBody,
  reviewTitle,
  siteOf,
  type ReviewedArticle,
  type ReviewedClaim,
} from '../../../src/domain/fact-check/index.js'

const LEDGER = { id: 'o1', name: 'The Daily Ledger', domain: 'dailyledger.example' }
const PARISH = { id: 'o2', name: 'Parish Newsletter', domain: null }

const ledgerArticle: ReviewedArticle = {
  id: 'a1',
  url: 'https://dailyledger.example/ferry',
  title: 'Ferry returns',
  publishedAt: '2026-04-01T08:00:00.000Z',
  outlet: LEDGER,
}
const parishArticle: ReviewedArticle = {
  id: 'a2',
  url: 'urn:parish:ferry',
  title: null,
  publishedAt: null,
  outlet: PARISH,
}

const FERRY = 'The ferry will run every hour from May.'

const claim = (overrides: Partial<ReviewedClaim> = {}): ReviewedClaim => ({
  id: 'c1',
  canonicalText: FERRY,
  speaker: { name: 'Ada Moss', kind: 'person', title: 'Harbour Master', wikidataId: null },
  firstArticleId: 'a1',
  appearances: [
    { pieces: [FERRY], label: 'verbatim', article: ledgerArticle },
    { pieces: ['The ferry will run', 'every hour from May.'], label: 'verbatim', article: parishArticle },
    // The same article printing the words twice, once in the same piece: one article, each wording once.
    { pieces: ['The ferry will run'], label: 'excerpt', article: parishArticle },
  ],
  createdAt: '2026-04-02T00:00:00.000Z',
  updatedAt: '2026-04-03T00:00:00.000Z',
  ...overrides,
})

const context = {
  publisher: { name: 'Verbatim', url: 'https://verbatim.example/' },
  url: 'https://verbatim.example/v1/claims/c1',
}

t.test('appearances are articles, each once, with the words they printed piece by piece', async (t) => {
  const review = claimReview(claim(), context)
  t.same(review.itemReviewed.appearance, [
    {
      '@type': 'NewsArticle',
      url: 'https://dailyledger.example/ferry',
      headline: 'Ferry returns',
      datePublished: '2026-04-01T08:00:00.000Z',
      publisher: { '@type': 'Organization', name: 'The Daily Ledger', url: 'https://dailyledger.example' },
      hasPart: [{ '@type': 'Quotation', text: FERRY }],
    },
    {
      // No headline, date or outlet address the article did not give.
      '@type': 'NewsArticle',
      url: 'urn:parish:ferry',
      publisher: { '@type': 'Organization', name: 'Parish Newsletter' },
      hasPart: [
        { '@type': 'Quotation', text: 'The ferry will run' },
        { '@type': 'Quotation', text: 'every hour from May.' },
      ],
    },
  ])
  t.equal(review.itemReviewed.firstAppearance, review.itemReviewed.appearance[0])
  t.equal(review.itemReviewed.datePublished, '2026-04-01T08:00:00.000Z', 'the claim’s date is its first printing’s')
  t.same(review.itemReviewed.author, { '@type': 'Person', name: 'Ada Moss', jobTitle: 'Harbour Master' })
  t.same(review.author, { '@type': 'Organization', name: 'Verbatim', url: 'https://verbatim.example/' })
  t.equal(review.datePublished, '2026-04-02T00:00:00.000Z')
  t.equal(review.dateModified, '2026-04-03T00:00:00.000Z')
  t.equal(review.url, context.url)
  t.equal(review.claimReviewed, FERRY)
  t.notOk('reviewRating' in review, 'no rating without an editor’s verdict')
})

t.test('an undated first printing, no first appearance, an organisation as speaker', async (t) => {
  const undated = claimReview(claim({ firstArticleId: 'a2' }), context)
  t.equal(undated.itemReviewed.firstAppearance?.url, 'urn:parish:ferry')
  t.notOk('datePublished' in undated.itemReviewed, 'no date the first printing did not give')
  const unknownFirst = claimReview(claim({ firstArticleId: null }), context)
  t.notOk('firstAppearance' in unknownFirst.itemReviewed)
  const organisation = claimReview(
    claim({ speaker: { name: 'Port Authority', kind: 'organisation', title: 'ignored', wikidataId: 'Q42' } }),
    context,
  )
  t.same(organisation.itemReviewed.author, {
    '@type': 'Organization',
    name: 'Port Authority',
    sameAs: 'https://www.wikidata.org/wiki/Q42',
  })
  const person = claimReview(
    claim({ speaker: { name: 'Ada Moss', kind: 'person', title: null, wikidataId: 'Q7' } }),
    context,
  )
  t.same(person.itemReviewed.author, {
    '@type': 'Person',
    name: 'Ada Moss',
    sameAs: 'https://www.wikidata.org/wiki/Q7',
  })
})

t.test('an editor’s verdict is the only rating', async (t) => {
  const rated = claimReview(claim(), {
    ...context,
    rating: { verdict: 'Accurately quoted', explanation: 'All whole.' },
  })
  t.same(rated.reviewRating, { '@type': 'Rating', alternateName: 'Accurately quoted', ratingExplanation: 'All whole.' })
  const bare = claimReview(claim(), { ...context, rating: { verdict: 'Misquoted' } })
  t.same(bare.reviewRating, { '@type': 'Rating', alternateName: 'Misquoted' })
})

t.test('title and body say whose words, how they were printed, and that truth is not rated', async (t) => {
  t.equal(reviewTitle('Ada Moss', FERRY), `How outlets quoted Ada Moss: “${FERRY}”`)
  t.equal(reviewTitle('Ada Moss', 'We will be back,'), 'How outlets quoted Ada Moss: “We will be back”')
  const long = `${'The ferry will run every hour from May, '.repeat(3)}and on Sundays too.`
  t.equal(
    reviewTitle('Ada Moss', long),
    'How outlets quoted Ada Moss: “The ferry will run every hour from May, The ferry will run every hour from May…”',
  )
  t.equal(reviewTitle('Ada Moss', 'x'.repeat(100)), `How outlets quoted Ada Moss: “${'x'.repeat(80)}…”`)
  t.equal(
    reviewBody(claim()),
    '3 renderings of these words of Ada Moss in 2 articles from 2 outlets, compared word by word with the wording printed most often: 2 verbatim, 1 excerpt. This review is of attribution: whether the words printed are the speaker’s. It does not rate whether what was said is true.',
  )
  t.match(
    reviewBody(claim({ appearances: claim().appearances.slice(0, 1) })),
    /^1 rendering of .* in 1 article from 1 outlet,/,
  )
})

t.test('the Fact Check Tools shape of a claim', async (t) => {
  const input = {
    canonicalText: FERRY,
    speakerName: 'Ada Moss',
    firstPublishedAt: '2026-04-01T08:00:00.000Z',
    createdAt: '2026-04-02T00:00:00.000Z',
  }
  const publisher = { name: 'Harbour Desk', url: 'https://WWW.HarbourDesk.example/checks' }
  t.same(factCheckedClaim(input, { publisher, url: 'https://api.example/v1/claims/c1' }), {
    text: FERRY,
    claimant: 'Ada Moss',
    claimDate: '2026-04-01T08:00:00.000Z',
    claimReview: [
      {
        publisher: { name: 'Harbour Desk', site: 'harbourdesk.example' },
        url: 'https://api.example/v1/claims/c1',
        title: `How outlets quoted Ada Moss: “${FERRY}”`,
        reviewDate: '2026-04-02T00:00:00.000Z',
        languageCode: 'en',
      },
    ],
  })
  const rated = factCheckedClaim(
    { ...input, firstPublishedAt: null },
    { publisher, url: 'https://api.example/v1/claims/c1', rating: { verdict: 'Misquoted' } },
  )
  t.notOk('claimDate' in rated)
  t.equal(rated.claimReview[0]?.textualRating, 'Misquoted')
  t.equal(publisherSite(publisher), 'harbourdesk.example')
  t.equal(siteOf('www.Example.org'), 'example.org')
})
