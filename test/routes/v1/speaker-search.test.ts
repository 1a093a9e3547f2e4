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
