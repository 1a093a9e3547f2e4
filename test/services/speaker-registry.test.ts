import t from 'tap'
import { authorized, buildApp } from '../helper.js'

async function ingest(app: Awaited<ReturnType<typeof buildApp>>, url: string, text: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: 'Example Daily', domain: 'daily.example' }, text },
  })
  if (response.statusCode !== 201) throw new Error(`ingest ${url}: ${response.statusCode} ${response.body}`)
  return response.json().id
}

/** The speakers' names, on a new app, after the texts are ingested in the given order. */
async function speakersAfter(
  t: Parameters<typeof buildApp>[0],
  texts: Record<string, string>,
  order: readonly string[],
): Promise<string[]> {
  const app = await buildApp(t)
  for (const name of order) await ingest(app, `https://daily.example/${name}`, texts[name] as string)
  return (await app.prisma.speaker.findMany({ select: { name: true } })).map((speaker) => speaker.name)
}

t.test('a pronoun or a description next to a quote never becomes a speaker or an alias', async (t) => {
  const app = await buildApp(t)
  // On an empty registry, nothing names the speaker of this quote.
  const lone = await ingest(app, 'https://daily.example/lone', 'He said: “We will win the vote on Tuesday.”')
  const [loneQuote] = (await app.inject({ url: `/v1/articles/${lone}/quotes` })).json().items
  t.equal(loneQuote.speaker, null, 'no speaker called "He"')
  t.equal(loneQuote.speakerMention.text, 'He', 'the mention is kept')
  t.equal(await app.prisma.speaker.count(), 0)

  // A named person quoted through "he" and "the spokesman": the pronoun is not learnt as a name of his.
  await ingest(
    app,
    'https://daily.example/named',
    'Mayor John Doe spoke at the town hall on Monday. “The budget is balanced,” he said. ' +
      'A spokesman for the council disagreed. “It is not,” the spokesman said.',
  )
  const aliases = await app.prisma.speakerAlias.findMany({ select: { aliasKey: true } })
  t.same(
    aliases.map((alias) => alias.aliasKey).filter((key) => ['he', 'spokesman', 'the spokesman'].includes(key)),
    [],
  )
  const speakers = await app.prisma.speaker.findMany({ select: { name: true } })
  t.same(
    speakers.map((speaker) => speaker.name),
    ['John Doe'],
    'the unnamed spokesman is nobody the registry can know',
  )

  // So a later "He said" stays nobody's rather than becoming the mayor's.
  const later = await ingest(app, 'https://daily.example/later', 'He said: “We will appeal the ruling.”')
  const [laterQuote] = (await app.inject({ url: `/v1/articles/${later}/quotes` })).json().items
  t.equal(laterQuote.speaker, null)
})

t.test('a given name alone stands for the person in its article, and is never learnt as an alias', async (t) => {
  const app = await buildApp(t)
  await ingest(
    app,
    'https://daily.example/first',
    'Mayor Orla Brisk opened the session on Monday. “We start with the budget,” Orla said.',
  )
  const [speaker] = await app.prisma.speaker.findMany({
    select: { name: true, aliases: { select: { aliasKey: true } } },
  })
  t.equal(speaker?.name, 'Orla Brisk', 'the given name stood for the mayor in her article')
  t.notOk(
    speaker?.aliases.some((alias) => alias.aliasKey === 'orla'),
    'but “Orla” is not one of her names elsewhere',
  )
  // Another article's Orla, given no surname, is someone the registry does not know.
  const other = await ingest(app, 'https://daily.example/other', 'Orla said: “The harbour stays open.”')
  const [quote] = (await app.inject({ url: `/v1/articles/${other}/quotes` })).json().items
  t.not(quote.speaker?.name, 'Orla Brisk')
})

t.test('a name with and without its initials is one speaker, in either order', async (t) => {
  const plain = '“We will not borrow more,” said Dana Whitfield, the treasurer.'
  // A middle initial, and one before the given name she goes by.
  for (const initial of [
    'Treasurer Dana Q. Whitfield spoke on Monday. “The budget is balanced,” Dana Q. Whitfield said.',
    '“The budget is balanced,” said Treasurer J. Dana Whitfield.',
  ]) {
    for (const order of [
      ['initial', 'plain'],
      ['plain', 'initial'],
    ]) {
      const speakers = await speakersAfter(t, { initial, plain }, order)
      t.equal(speakers.length, 1, `${order.join(' then ')}: ${speakers.join(', ')}`)
    }
  }
})

t.test(
  'a short given name and the formal one are one speaker, shown by the formal name, in either order',
  async (t) => {
    const texts: Record<string, string> = {
      short: '“The session is over,” said Senate President Mike Harlowe.',
      formal: 'Michael Harlowe, the Senate president, spoke on Friday. “We will meet again in June,” Harlowe said.',
    }
    for (const order of [
      ['short', 'formal'],
      ['formal', 'short'],
    ]) {
      t.same(await speakersAfter(t, texts, order), ['Michael Harlowe'], order.join(' then '))
    }
    // A different given name with the same surname stays someone else.
    const app = await buildApp(t)
    await ingest(app, 'https://daily.example/formal', texts.formal as string)
    await ingest(app, 'https://daily.example/other', '“No comment,” said Martin Harlowe, his brother.')
    const names = (await app.prisma.speaker.findMany({ select: { name: true }, orderBy: { name: 'asc' } })).map(
      (speaker) => speaker.name,
    )
    t.same(names, ['Martin Harlowe', 'Michael Harlowe'])
  },
)

t.test('a surname first and the full name later is one speaker, shown by the full name, in either order', async (t) => {
  const texts: Record<string, string> = {
    surname: '“We will not borrow more,” Whitfield said on Tuesday.',
    full: 'Treasurer Dana Whitfield spoke on Monday. “The budget is balanced,” she said.',
  }
  for (const order of [
    ['surname', 'full'],
    ['full', 'surname'],
  ]) {
    const app = await buildApp(t)
    for (const name of order) await ingest(app, `https://daily.example/${name}`, texts[name as string] as string)
    const speakers = await app.prisma.speaker.findMany({ select: { name: true } })
    t.same(
      speakers.map((speaker) => speaker.name),
      ['Dana Whitfield'],
      order.join(' then '),
    )
  }
})

t.test('a surname with its particles, alone or after the given name, is one speaker in either order', async (t) => {
  // "Van" opens a surname here, and is a given name elsewhere ("Van Tollis"): both must stay right.
  const texts: Record<string, string> = {
    surname: '“We will not borrow more,” Van Doorne said on Tuesday.',
    lowercase: '“The levy stays,” de Vries said on Wednesday.',
    full: 'Treasurer Dana Van Doorne spoke on Monday. “The budget is balanced,” she said.',
    other: 'Auditor Mira de Vries spoke on Monday. “The accounts are sound,” she said.',
    given: 'Mayor Van Tollis spoke on Monday. “The bridge will open,” Tollis said.',
  }
  for (const order of [
    ['surname', 'lowercase', 'full', 'other', 'given'],
    ['given', 'other', 'full', 'lowercase', 'surname'],
  ]) {
    const app = await buildApp(t)
    for (const name of order) await ingest(app, `https://daily.example/${name}`, texts[name as string] as string)
    const speakers = await app.prisma.speaker.findMany({ select: { name: true }, orderBy: { name: 'asc' } })
    t.same(
      speakers.map((speaker) => speaker.name),
      ['Dana Van Doorne', 'Mira de Vries', 'Van Tollis'],
      order.join(' then '),
    )
  }
})
