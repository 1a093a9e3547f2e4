import t from 'tap'
import { articleQuotes as quotesOf, buildApp, postArticle as post } from '../../helper.js'

// Invented speaker, outlets and words. Fuller wordings are decided first (groupingTier), so excerpts
// printed before the full quote join it instead of founding claims of their own, whatever the order the
// articles arrive in.

t.test('excerpts printed the day before the full quote join its claim, and their claim ids follow', async (t) => {
  const app = await buildApp(t)
  const excerpts = await post(
    app,
    'https://coast.example/ferry',
    'Coast Post',
    'Mayor Tomas Verhulst spoke on Monday. He called the ferry closure “a disgrace” and said it “has to stop.”',
    '2026-03-01T08:00:00Z',
  )
  t.equal(excerpts.statusCode, 201)
  const [disgrace, stop] = await quotesOf(app, excerpts.json().id)
  t.match([disgrace, stop], [{ text: 'a disgrace' }, { text: 'has to stop.' }])
  t.not(disgrace!.claimId, stop!.claimId, 'alone, two claims')

  const full = await post(
    app,
    'https://tide.example/ferry',
    'Tide Daily',
    '“It is a disgrace, and it has to stop before the summer ends,” Mayor Tomas Verhulst said on Tuesday.',
    '2026-03-02T08:00:00Z',
  )
  t.equal(full.statusCode, 201)
  const [fullQuote] = await quotesOf(app, full.json().id)
  const after = await quotesOf(app, excerpts.json().id)
  t.match(after, [
    { claimId: fullQuote!.claimId, label: 'excerpt' },
    { claimId: fullQuote!.claimId, label: 'excerpt' },
  ])
  const claim = (await app.inject({ url: `/v1/claims/${fullQuote!.claimId}` })).json()
  t.equal(claim.canonicalText, 'It is a disgrace, and it has to stop before the summer ends,')
  t.equal(claim.firstAppearance.articleId, excerpts.json().id, 'printed first by the excerpts')
  // The ids the excerpts' claims were given still answer: one carries on, the other points to it.
  for (const id of [disgrace!.claimId, stop!.claimId]) {
    const answer = await app.inject({ url: `/v1/claims/${id}` })
    t.ok(
      answer.statusCode === 200 || (answer.statusCode === 308 && answer.headers.location === `/v1/claims/${claim.id}`),
      `${answer.statusCode} ${String(answer.headers.location)}`,
    )
    if (answer.statusCode === 200) t.equal(answer.json().id, claim.id)
  }
})

t.test('a fragment joins through a full wording that is not its claim seed, in any arrival order', async (t) => {
  const articles = [
    {
      url: 'https://coast.example/land',
      outlet: 'Coast Post',
      text: '“We will not trade our land for their promises,” Governor Ilse Marchetti said.',
      publishedAt: '2026-04-02T08:00:00Z',
    },
    {
      url: 'https://tide.example/land',
      outlet: 'Tide Daily',
      text: '“We will not trade our land for their promises, whatever the cost,” Governor Ilse Marchetti said.',
      publishedAt: '2026-04-03T08:00:00Z',
    },
    {
      url: 'https://wire.example/land',
      outlet: 'Harbour Wire',
      text: 'Governor Ilse Marchetti spoke on Wednesday. She vowed to hold out “whatever the cost.”',
      publishedAt: '2026-04-01T08:00:00Z',
    },
    {
      url: 'https://bay.example/water',
      outlet: 'Bay Times',
      text: '“They want our land and our water and our future,” Governor Ilse Marchetti said.',
      publishedAt: '2026-04-04T08:00:00Z',
    },
  ]
  const groupings: string[] = []
  for (const order of [
    [0, 1, 2, 3],
    [2, 3, 1, 0],
    [3, 2, 0, 1],
  ]) {
    const app = await buildApp(t)
    const ids = new Map<number, string>()
    for (const k of order) {
      const { url, outlet, text, publishedAt } = articles[k]!
      const response = await post(app, url, outlet, text, publishedAt)
      t.equal(response.statusCode, 201)
      ids.set(k, response.json().id)
    }
    const quotes = await Promise.all([0, 1, 2, 3].map(async (k) => (await quotesOf(app, ids.get(k)!))[0]!))
    const [seed, member, fragment, apart] = quotes
    t.equal(member!.claimId, seed!.claimId)
    t.equal(fragment!.claimId, seed!.claimId, 'the fragment joins through the longer printing')
    t.not(apart!.claimId, seed!.claimId)
    t.match(fragment, { text: 'whatever the cost.', label: 'excerpt' })
    groupings.push(JSON.stringify(quotes.map((quote) => quotes.findIndex((other) => other.claimId === quote.claimId))))
  }
  t.equal(new Set(groupings).size, 1, 'the same grouping in every order')
})

t.test('a short wording moves to the claim a fuller printing of its words founds later', async (t) => {
  const app = await buildApp(t)
  const say = (url: string, outlet: string, words: string, publishedAt: string) =>
    post(app, url, outlet, `“${words},” Harbourmaster Wim Castellan said on the quay.`, publishedAt)
  const open = await say(
    'https://coast.example/open',
    'Coast Post',
    'The harbour will stay open this winter whatever happens',
    '2026-05-01T08:00:00Z',
  )
  const short = await say(
    'https://tide.example/close',
    'Tide Daily',
    'Harbour will not close this winter',
    '2026-05-02T08:00:00Z',
  )
  const [openQuote] = await quotesOf(app, open.json().id)
  const [before] = await quotesOf(app, short.json().id)
  // Four of its six words are in the first statement, in order: alone, it joins that claim.
  t.equal(before!.claimId, openQuote!.claimId)

  const full = await say(
    'https://wire.example/close',
    'Harbour Wire',
    'The harbour will not close this winter, whatever the ministry decides',
    '2026-05-03T08:00:00Z',
  )
  t.equal(full.statusCode, 201)
  const [fullQuote] = await quotesOf(app, full.json().id)
  const [after] = await quotesOf(app, short.json().id)
  t.not(fullQuote!.claimId, openQuote!.claimId, 'the two statements share no run of four words')
  t.equal(after!.claimId, fullQuote!.claimId, 'every word of it is in the later statement')
  t.equal(after!.label, 'excerpt')
  t.equal((await quotesOf(app, open.json().id))[0]!.claimId, openQuote!.claimId, 'the first claim keeps its id')
})
