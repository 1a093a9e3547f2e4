import t from 'tap'
import { authorized, buildApp } from '../helper.js'

t.test('quotes are stored with shared speakers, and re-extracted when the text changes', async (t) => {
  const app = await buildApp(t)
  const ingest = async (url: string, text: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: { url, outlet: { name: 'Wire', domain: 'wire.example' }, text },
    })
    t.ok(response.statusCode < 300, response.body)
    return response.json() as { id: string; quoteCount: number }
  }
  const quotesOf = async (id: string) => (await app.inject({ url: `/v1/articles/${id}/quotes` })).json().items

  const first = await ingest(
    'https://wire.example/1',
    'Mexican President Claudia Sheinbaum spoke on Saturday. “Sovereignty is not for sale,” Sheinbaum said.',
  )
  t.equal(first.quoteCount, 1)
  const [quote] = await quotesOf(first.id)
  t.match(quote, {
    text: 'Sovereignty is not for sale,',
    kind: 'direct',
    speaker: { name: 'Claudia Sheinbaum' },
    speakerMention: { text: 'Sheinbaum' },
    cue: { text: 'said' },
    claimId: String,
    label: 'verbatim',
  })

  // Another article that only ever says "Sheinbaum" finds the same speaker through her surname.
  const second = await ingest('https://wire.example/2', '“We can work together,” Sheinbaum said on Tuesday.')
  const [other] = await quotesOf(second.id)
  t.equal(other.speaker.id, quote.speaker.id)

  // A role with no name attributes the quote in its article but makes no shared speaker.
  const third = await ingest(
    'https://wire.example/3',
    '“The talks went well and will go on next week,” a spokesman said.',
  )
  const [anonymous] = await quotesOf(third.id)
  t.equal(anonymous.speaker, null)
  t.match(anonymous.speakerMention, { text: 'a spokesman' })
  t.equal(await app.prisma.speaker.count(), 1)

  // A new text replaces the article's quotes.
  const revised = await ingest(
    'https://wire.example/2',
    '“We can work together, but you in your territory and us in ours,” Sheinbaum said. “No,” Hewitt replied.',
  )
  const texts = (await quotesOf(revised.id)).map((q: { text: string }) => q.text)
  t.same(texts.slice(0, 1), ['We can work together, but you in your territory and us in ours,'])
  t.equal(await app.prisma.quote.count({ where: { articleId: revised.id, text: 'We can work together,' } }), 0)
})

t.test('a surname two known speakers share is not guessed', async (t) => {
  const app = await buildApp(t)
  const post = (url: string, text: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/articles',
      headers: authorized,
      payload: { url, outlet: { name: 'Wire' }, text },
    })
  await post('urn:a:1', 'Donald Trump spoke. “We will make America safe again,” Donald Trump said.')
  await post('urn:a:2', 'Edna Trump spoke. “Be kind, always and everywhere,” Edna Trump said.')
  const response = await post('urn:a:3', '“It is a fine morning for the whole valley,” Trump said.')
  const [quote] = (await app.inject({ url: `/v1/articles/${response.json().id}/quotes` })).json().items
  t.equal(quote.speaker.name, 'Trump', 'a speaker of its own, named as the article names it')
})

t.test(
  'a surname several people share goes to the one the record quotes far more, on ingest and on verify',
  async (t) => {
    const app = await buildApp(t)
    const post = async (url: string, text: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/articles',
        headers: authorized,
        payload: { url, outlet: { name: 'Wire' }, text },
      })
      t.ok(response.statusCode < 300, response.body)
      const id = response.json().id as string
      return (await app.inject({ url: `/v1/articles/${id}/quotes` })).json().items as Array<{
        speaker: { id: string; name: string } | null
      }>
    }
    const remarks = (name: string, count: number, topic: string) =>
      Array.from(
        { length: count },
        (_, i) => `“Item ${i + 1} of the ${topic} plan will be done by spring,” ${name} said.`,
      )
    // Invented people: a mayor quoted often, and her brother quoted once.
    const [mayor] = await post(
      'urn:q:1',
      `Mayor Orla Fenwright spoke. ${remarks('Orla Fenwright', 4, 'harbour').join(' ')}`,
    )
    await post('urn:q:2', 'Dermot Fenwright spoke. “The ferry must run on Sundays,” Dermot Fenwright said.')
    const surnameAlone = (thing: string) => `“The ${thing} tolls will not rise this year,” Fenwright said.`
    for (const [n, thing] of ['bridge', 'ferry', 'road'].entries()) {
      const [early] = await post(`urn:q:3:${n}`, surnameAlone(thing))
      t.equal(early!.speaker!.name, 'Fenwright', 'four quotes to one: nobody stands out yet')
    }

    await post('urn:q:4', `Orla Fenwright spoke. ${remarks('Orla Fenwright', 8, 'school').join(' ')}`)
    const [later] = await post('urn:q:5', surnameAlone('tunnel'))
    // Twelve to four if the three quotes nobody could place counted as a bearer's: not far enough ahead.
    t.equal(later!.speaker!.id, mayor!.speaker!.id, 'twelve quotes to one: the mayor')

    const verify = async (speaker: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/v1/verify',
          payload: { text: 'The tunnel tolls will not rise this year.', speaker },
        })
      ).json()
    t.match(await verify('Fenwright'), {
      verdict: 'matches',
      speaker: { id: mayor!.speaker!.id, resolvedBy: 'surname' },
    })
    t.match(await verify('Mayor Fenwright'), { verdict: 'matches', speaker: { id: mayor!.speaker!.id } })
  },
)
