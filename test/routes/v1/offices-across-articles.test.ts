import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { articleQuotes as quotesOf, asAdmin, buildApp, postArticle as post } from '../../helper.js'

// Invented people, outlets and words. An article that describes its speaker only by a qualified office
// ("Chile's president") takes as speaker the one person the stored articles of about that time name as
// holding it, whatever order the articles arrive in; a second holder withdraws the link.
type App = FastifyInstance

const HOLDER = {
  url: 'https://andes.example/budget',
  outlet: 'Andes Post',
  text: 'Chilean President Marta Quiroga presented the budget. “Every school will get a new roof,” Quiroga said.',
  publishedAt: '2026-02-10T08:00:00Z',
}
const DESCRIBED = {
  url: 'https://pacific.example/ports',
  outlet: 'Pacific Daily',
  text: '“The ports will be dredged before the winter storms arrive,” Chile’s president said on Thursday.',
  publishedAt: '2026-03-05T08:00:00Z',
}
const LEADER = {
  url: 'https://coastal.example/fishing',
  outlet: 'Coastal Wire',
  text: 'The talks ended late. “Our fishing fleets will keep their waters,” the Chilean leader told reporters.',
  publishedAt: '2026-03-06T08:00:00Z',
}
/** Another person under the same title within the window: the description no longer says who. */
const RIVAL = {
  url: 'https://valley.example/visit',
  outlet: 'Valley Times',
  text: 'Chilean President Tomas Ibarra arrived on Friday. “We came to listen,” Ibarra said.',
  publishedAt: '2026-03-20T08:00:00Z',
}

type Article = typeof HOLDER

async function ingest(app: App, article: Article): Promise<string> {
  const response = await post(app, article.url, article.outlet, article.text, article.publishedAt)
  t.equal(response.statusCode, 201, article.url)
  return response.json().id
}

/** The speaker of an article's first quote, and how it was found. */
const speakerOf = async (app: App, articleId: string) => {
  const [quote] = await quotesOf(app, articleId)
  const { speaker, speakerInferred, speakerInferredBy } = quote!
  return { speaker, speakerInferred, speakerInferredBy }
}

t.test('a quote described by a qualified office takes its one holder, in either order', async (t) => {
  for (const holderFirst of [true, false]) {
    const app = await buildApp(t)
    const ids = new Map<Article, string>()
    for (const article of holderFirst ? [HOLDER, DESCRIBED, LEADER] : [LEADER, DESCRIBED, HOLDER]) {
      ids.set(article, await ingest(app, article))
    }
    for (const article of [DESCRIBED, LEADER]) {
      const quote = await speakerOf(app, ids.get(article)!)
      t.match(
        quote,
        { speaker: { name: 'Marta Quiroga' }, speakerInferred: true, speakerInferredBy: 'office' },
        `${article.url}, holder first: ${holderFirst}`,
      )
    }
    // Its words are hers now: a claim of hers, shown as inferred on the claim.
    const [described] = await quotesOf(app, ids.get(DESCRIBED)!)
    const claim = (await app.inject({ url: `/v1/claims/${described!.claimId}` })).json()
    t.equal(claim.speaker.name, 'Marta Quiroga')
    t.match(claim.appearances, [{ speakerInferred: true, speakerInferredBy: 'office' }])
    const page = await app.inject({ url: `/claims/${described!.claimId}` })
    t.match(page.body, 'described by the article only by an office')
    // The holder's own quote is named, not inferred.
    t.match(await speakerOf(app, ids.get(HOLDER)!), { speakerInferred: false, speakerInferredBy: null })
  }
})

t.test('a second holder in the window withdraws the link; removing it restores the link', async (t) => {
  const app = await buildApp(t)
  await ingest(app, HOLDER)
  const described = await ingest(app, DESCRIBED)
  t.match(await speakerOf(app, described), { speakerInferredBy: 'office' })
  const rival = await ingest(app, RIVAL)
  t.match(
    await speakerOf(app, described),
    { speaker: null, speakerInferred: false, speakerInferredBy: null },
    'two holders',
  )
  const deleted = await app.inject({ method: 'DELETE', url: `/v1/articles/${rival}`, headers: asAdmin })
  t.equal(deleted.statusCode, 200)
  t.match(await speakerOf(app, described), { speaker: { name: 'Marta Quiroga' }, speakerInferredBy: 'office' })
})

t.test('a revision that drops the office drops the link', async (t) => {
  const app = await buildApp(t)
  await ingest(app, HOLDER)
  const described = await ingest(app, DESCRIBED)
  const revised = await post(
    app,
    HOLDER.url,
    HOLDER.outlet,
    'Marta Quiroga presented the budget. “Every school will get a new roof,” Quiroga said.',
    HOLDER.publishedAt,
  )
  t.equal(revised.statusCode, 200)
  t.match(await speakerOf(app, described), { speaker: null, speakerInferredBy: null })
})

t.test('no link across years, to a past office, or for an office nobody qualifies', async (t) => {
  const app = await buildApp(t)
  await ingest(app, HOLDER)
  const years = await ingest(app, {
    ...DESCRIBED,
    url: 'https://pacific.example/old',
    publishedAt: '2024-01-05T08:00:00Z',
  })
  t.match(await speakerOf(app, years), { speaker: null }, 'two years before')
  const former = await ingest(app, {
    ...DESCRIBED,
    url: 'https://pacific.example/former',
    text: '“The ports were never dredged while I served,” the former Chilean president said.',
  })
  t.match(await speakerOf(app, former), { speaker: null }, 'a past holder is not the one holding it')
  const bare = await ingest(app, {
    ...DESCRIBED,
    url: 'https://pacific.example/bare',
    text: '“The ports will be ready for the spring season,” the president said on Thursday.',
  })
  t.match(await speakerOf(app, bare), { speaker: null }, 'the president of what, the article does not say')
})

t.test('merging two speakers who held one office gives the described quote their one holder', async (t) => {
  const app = await buildApp(t)
  const holder = await ingest(app, HOLDER)
  const spelt = await ingest(app, {
    ...RIVAL,
    text: 'Chilean President Martha Quiroga arrived on Friday. “We came to listen,” Martha Quiroga said.',
  })
  const described = await ingest(app, DESCRIBED)
  t.match(await speakerOf(app, described), { speaker: null }, 'two holders, as far as the registry knows')
  const idOf = async (articleId: string) => ((await quotesOf(app, articleId))[0]!.speaker as { id: string }).id
  const merged = await app.inject({
    method: 'POST',
    url: `/v1/speakers/${await idOf(holder)}/merge`,
    headers: asAdmin,
    payload: { duplicateId: await idOf(spelt), reason: 'one person' },
  })
  t.equal(merged.statusCode, 200, merged.body)
  t.match(await speakerOf(app, described), { speaker: { name: 'Marta Quiroga' }, speakerInferredBy: 'office' })
})
