import { readFile } from 'node:fs/promises'
import t from 'tap'
import { DEFAULT_SEED_DIR } from '../../../src/cli/verbatim.js'
import { nameKey } from '../../../src/domain/speaker-identity.js'
import { authorized, buildApp } from '../../helper.js'

interface Gold {
  speakers: Array<{ id: string; name: string; aliases: string[] }>
  quotes: Array<{ id: string; article: string; text: string; pieces?: string[]; speaker: string }>
}
interface Manifest {
  articles: Array<{ file: string; url: string; outlet: { name: string }; title?: string; language?: string }>
}

const words = (text: string) =>
  nameKey(text)
    .replace(/[^\p{L}\p{N}' ]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')

t.test('ingesting the seeds through the API stores their quotes with the right speakers', async (t) => {
  const app = await buildApp(t)
  const gold = JSON.parse(await readFile(`${DEFAULT_SEED_DIR}/gold.json`, 'utf8')) as Gold
  const manifest = JSON.parse(await readFile(`${DEFAULT_SEED_DIR}/manifest.json`, 'utf8')) as Manifest
  const articleIds = new Map<string, string>()
  for (const { file, ...metadata } of manifest.articles) {
    const text = await readFile(`${DEFAULT_SEED_DIR}/${file}`, 'utf8')
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: { ...metadata, text },
    })
    t.equal(response.statusCode, 201, file)
    articleIds.set(file.slice(0, 3), response.json().id)
  }

  const speakerNames = new Map(gold.speakers.map((s) => [s.id, new Set([s.name, ...s.aliases].map(nameKey))]))
  for (const quote of gold.quotes) {
    const stored = (await app.inject({ url: `/v1/articles/${articleIds.get(quote.article)}/quotes` })).json()
      .items as Array<{
      text: string
      speaker: { id: string; name: string } | null
    }>
    // Each piece of the gold quote lies in one stored quote, attributed to the gold speaker. The
    // shortest such quote is the one meant: a nested quote also lies inside the quote around it.
    for (const piece of quote.pieces ?? [quote.text]) {
      const holder = stored
        .filter((q) => words(q.text).includes(words(piece)))
        .sort((a, b) => a.text.length - b.text.length)[0]
      t.ok(holder, `${quote.id} found: ${piece}`)
      if (!holder) continue
      t.ok(holder.speaker, `${quote.id} has a speaker`)
      const speaker = (await app.inject({ url: `/v1/speakers/${holder.speaker!.id}` })).json()
      const known = speakerNames.get(quote.speaker)!
      t.ok(
        [speaker.name, ...speaker.aliases].some((name: string) => known.has(nameKey(name))),
        `${quote.id}: ${speaker.name} is ${quote.speaker}`,
      )
    }
  }

  // One speaker for every way the articles name Sheinbaum.
  const speakers = (await app.inject({ url: '/v1/speakers?limit=200' })).json().items as Array<{
    name: string
    aliases: string[]
  }>
  const sheinbaums = speakers.filter((s) => [s.name, ...s.aliases].some((n) => /sheinbaum/i.test(n)))
  t.equal(sheinbaums.length, 1, 'Sheinbaum is one speaker')
  t.match(sheinbaums[0], { name: 'Claudia Sheinbaum' })
  t.ok(sheinbaums[0]!.aliases.includes('Sheinbaum'))
  t.ok(sheinbaums[0]!.aliases.includes('Mexican President Claudia Sheinbaum'))
})
