import t from 'tap'
import { nameKey } from '../../../src/domain/speaker-identity.js'
import { seedGold } from '../../fixtures/seed-gold.js'
import { buildApp, ingestSeeds } from '../../helper.js'

const words = (text: string) =>
  nameKey(text)
    .replace(/[^\p{L}\p{N}' ]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ')

t.test('ingesting the seeds through the API stores their quotes with the right speakers', async (t) => {
  const app = await buildApp(t)
  const gold = seedGold
  const articleIds = await ingestSeeds(app)

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
