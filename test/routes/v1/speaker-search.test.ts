import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { authorized, buildApp } from '../../helper.js'

// Invented people and sentences: two Vasquels (one surname, two people), one Marchetti.
const ARTICLES = [
  {
    url: 'https://harbour-post.example/rebuild',
    outlet: { name: 'Harbour Post', domain: 'harbour-post.example' },
    publishedAt: '2031-03-01T08:00:00Z',
    text: 'The council met on Monday. “The harbour will be rebuilt before the winter storms arrive,” Mayor Teodora Vasquel said.',
  },
  {
    url: 'https://coast-daily.example/harbour',
    outlet: { name: 'Coast Daily', domain: 'coast-daily.example' },
    publishedAt: '2031-03-02T08:00:00Z',
    text: 'The mayor spoke to reporters. “The harbour will be rebuilt before the autumn gales arrive,” Teodora Vasquel said.',
  },
  {
    url: 'https://coast-daily.example/quotas',
    outlet: { name: 'Coast Daily', domain: 'coast-daily.example' },
    publishedAt: '2031-03-03T08:00:00Z',
    text: 'The port director was blunt. “Fishing quotas are not up for negotiation this season,” Tomas Vasquel said.',
  },
  {
    url: 'https://harbour-post.example/ferries',
    outlet: { name: 'Harbour Post', domain: 'harbour-post.example' },
    publishedAt: '2031-03-04T08:00:00Z',
    text: 'The budget was published. “This budget leaves no room for new ferries,” Ilse Marchetti said.',
  },
]

async function ingest(app: FastifyInstance): Promise<void> {
  for (const article of ARTICLES) {
    const response = await app.inject({ method: 'POST', url: '/v1/articles', headers: authorized, payload: article })
    if (response.statusCode !== 201) throw new Error(`${article.url}: ${response.statusCode} ${response.body}`)
  }
}

t.test('q finds words that only one outlet printed, through the index of every wording', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const search = async (q: string) =>
    (await app.inject({ url: `/v1/claims?q=${encodeURIComponent(q)}` })).json().items as Array<{
      id: string
      canonicalText: string
    }>
  const harbour = await search('winter storms')
  t.equal(harbour.length, 1, 'the canonical wording is found')
  t.match(harbour[0], { canonicalText: /winter storms/ })
  const gales = await search('autumn gales')
  t.same(
    gales.map((claim) => claim.id),
    [harbour[0]!.id],
    'words only the second outlet printed find the same claim',
  )
  t.notMatch(gales[0], { canonicalText: /autumn/ }, 'though its canonical wording does not have them')
  t.same(await search('rebuilt before the autumn gales'), gales, 'a longer query: through the shingles, as before')
  t.same(await search('volcanic ash'), [])
})

t.test('a speaker named by alias, title, surname or close spelling, or said to be unknown', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  const speakers = (await app.inject({ url: '/v1/speakers?limit=200' })).json().items as Array<{
    id: string
    name: string
    slug: string
  }>
  const byName = new Map(speakers.map((speaker) => [speaker.name, speaker]))
  const teodora = byName.get('Teodora Vasquel')!
  const tomas = byName.get('Tomas Vasquel')!
  const ilse = byName.get('Ilse Marchetti')!
  t.ok(teodora && tomas && ilse, 'three speakers')

  const list = (speaker: string) => app.inject({ url: `/v1/claims?speaker=${encodeURIComponent(speaker)}` })
  const claimsOf = async (speaker: string) => {
    const response = await list(speaker)
    t.equal(response.statusCode, 200, speaker)
    return (response.json().items as Array<{ speaker: { id: string } }>).map((claim) => claim.speaker.id)
  }
  t.same(await claimsOf('Teodora Vasquel'), [teodora.id], 'by name')
  t.same(await claimsOf(teodora.slug), [teodora.id], 'by slug')
  t.same(await claimsOf(teodora.id), [teodora.id], 'by id')
  t.same(await claimsOf('Harbour Commissioner Teodora Vasquel'), [teodora.id], 'a title is not part of the name')
  t.same(await claimsOf('I. Marchetti'), [ilse.id], 'the one person with that surname, initials agreeing')
  t.same(await claimsOf('Teodora Vasquell'), [teodora.id], 'a close spelling of one name only')
  t.same(await claimsOf('Ilse Marcheti'), [ilse.id], 'another')
  t.same(await claimsOf('Mayor Teodora Vasquell'), [teodora.id], 'a title and a misspelling')

  const unknown = async (speaker: string, suggested: string[]) => {
    const response = await list(speaker)
    t.equal(response.statusCode, 400, speaker)
    t.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
    const problem = response.json()
    t.match(problem, {
      type: '/problems/unknown-speaker',
      status: 400,
      detail: new RegExp(speaker.replace('.', '\\.')),
      errors: [{ in: 'querystring', field: '/speaker', message: 'is no known speaker' }],
    })
    t.same(
      problem.suggestions.map((s: { name: string }) => s.name),
      suggested,
      `${speaker}: ${suggested.join(', ') || 'no suggestions'}`,
    )
    return problem
  }
  const bare = await unknown('Vasquel', ['Teodora Vasquel', 'Tomas Vasquel'])
  t.match(bare.detail, /did you mean Teodora Vasquel, Tomas Vasquel\?/)
  await unknown('Mayor Vasquel', ['Teodora Vasquel', 'Tomas Vasquel'])
  await unknown('T. Vasquel', ['Teodora Vasquel', 'Tomas Vasquel'])
  await unknown('Paolo Marchetti', ['Ilse Marchetti'])
  const nobody = await unknown('Zygmunt Oyelaran', [])
  t.notMatch(nobody.detail, /did you mean/)
  await unknown('Oyelaran', [])
  await unknown('01a1fd5d-0000-7000-8000-000000000000', [])

  const verify = async (speaker: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/verify',
      payload: { text: 'The harbour will be rebuilt before the winter storms arrive.', speaker },
    })
    t.equal(response.statusCode, 200, speaker)
    return response.json()
  }
  t.match(await verify('Teodora Vasquell'), {
    verdict: 'matches',
    speaker: { id: teodora.id, resolvedBy: 'spelling' },
    suggestions: [],
  })
  t.match(await verify('President Teodora Vasquel'), { verdict: 'matches', speaker: { resolvedBy: 'alias' } })
  t.match(await verify(teodora.slug), { verdict: 'matches', speaker: { resolvedBy: 'slug' } })
  t.match(await verify(teodora.id), { verdict: 'matches', speaker: { resolvedBy: 'id' } })
  t.match(await verify('Tomas Vasquel'), {
    verdict: 'attributed-to-other-speaker',
    speaker: { id: tomas.id, resolvedBy: 'alias' },
  })
  for (const [speaker, suggested] of [
    ['Vasquel', [teodora.id, tomas.id]],
    ['Zygmunt Oyelaran', []],
  ] as const) {
    const result = await verify(speaker)
    t.match(result, { verdict: 'unknown-speaker', speaker: null }, `${speaker}: never a false misattribution`)
    t.same(
      result.suggestions.map((s: { id: string }) => s.id),
      suggested,
    )
    t.match(result.matches, [{ label: 'verbatim', claim: { speaker: { id: teodora.id } } }], 'matches still listed')
  }
  const noWords = await app.inject({
    method: 'POST',
    url: '/v1/verify',
    payload: { text: 'Nothing like this was ever said by anyone here.', speaker: 'Vasquel' },
  })
  t.match(noWords.json(), { verdict: 'unknown-speaker', matches: [] })
})

t.test('a name several speakers share reaches the speaker of that very name, as ingestion gave it', async (t) => {
  const app = await buildApp(t)
  await ingest(app)
  // Two Vasquels are known, so an article that prints the surname alone cannot say which: its quote goes
  // to a speaker named "Vasquel".
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: {
      url: 'https://harbour-post.example/lighthouse',
      outlet: { name: 'Harbour Post', domain: 'harbour-post.example' },
      publishedAt: '2031-03-05T08:00:00Z',
      text: 'The lighthouse stays dark. “The lamp will be repaired once the new lenses arrive from the mainland,” Vasquel said.',
    },
  })
  t.equal(response.statusCode, 201)
  const quotes = (await app.inject({ url: `/v1/articles/${response.json().id}/quotes` })).json().items
  t.match(quotes, [{ speaker: { name: 'Vasquel' } }])
  const bare = quotes[0].speaker.id as string

  const claims = await app.inject({ url: '/v1/claims?speaker=Vasquel' })
  t.equal(claims.statusCode, 200)
  t.same(
    claims.json().items.map((claim: { speaker: { id: string } }) => claim.speaker.id),
    [bare],
  )
  const verified = await app.inject({
    method: 'POST',
    url: '/v1/verify',
    payload: { text: 'The lamp will be repaired once the new lenses arrive from the mainland.', speaker: 'Vasquel' },
  })
  t.match(verified.json(), { verdict: 'matches', speaker: { id: bare, resolvedBy: 'alias' } })
  // A given name still decides between the people who share the surname.
  t.match((await app.inject({ url: '/v1/claims?speaker=Tomas%20Vasquel' })).json().items, [
    { speaker: { name: 'Tomas Vasquel' } },
  ])
})
