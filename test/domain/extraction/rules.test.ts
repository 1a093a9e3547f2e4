import t from 'tap'
import { extractQuotes, type ExtractedQuote } from '../../../src/domain/extraction/index.js'

function pieces(text: string, quote: ExtractedQuote | undefined): string[] {
  return quote ? quote.spans.map(([start, end]) => text.slice(start, end)) : []
}

function allPieces(text: string): string[][] {
  return extractQuotes(text).map((quote) => pieces(text, quote))
}

function mention(text: string, quote: ExtractedQuote | undefined): string | null {
  const span = quote?.speaker?.mention
  return span ? text.slice(span[0], span[1]) : null
}

t.test('grouping', async (t) => {
  t.test('a paragraph continuing a quotation with a cue of its own is a new quote', async (t) => {
    const text =
      '“It is a shame for all of us,” Jane Roe said. “If this goes on, we lose.\n' +
      '“I have been thinking about where we are as a country,” added John Doe. “We are not used to this.”'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => pieces(text, quote)),
      [
        ['It is a shame for all of us,', 'If this goes on, we lose.'],
        ['I have been thinking about where we are as a country,', 'We are not used to this.'],
      ],
    )
    t.same(
      quotes.map((quote) => quote.speaker?.name),
      ['Jane Roe', 'John Doe'],
    )
  })

  t.test('a quoted paragraph right after a quoted paragraph goes on with it', async (t) => {
    const text = 'Jane Roe said: “We will win this.”\n\n“And nobody will stop us on the way there.”\n\nThe end.'
    t.same(allPieces(text), [['We will win this.', 'And nobody will stop us on the way there.']])
    const applause = 'Jane Roe said: “We will win this.”\n\n“And nobody will stop us on the way.” (Applause.)'
    t.same(allPieces(applause), [['We will win this.', 'And nobody will stop us on the way.']])
  })

  t.test('but not when the writer’s sentence goes on after it', async (t) => {
    const text =
      'Roe sang: “I just want to know where we go from here.”\n\n“American Skin” was written by John Doe in 1999.'
    t.same(allPieces(text), [['I just want to know where we go from here.']])
  })

  t.test('nor when its mark is left open with nothing to continue it', async (t) => {
    const text =
      'She said: “Here he is, babe.”\n\n' +
      '"Trump walked onto the stage, chanting and waving at the crowd for a long time.\n\n' +
      '“That is right, Donald,” Melanie Roe said.'
    t.same(allPieces(text), [['Here he is, babe.'], ['That is right, Donald,']])
  })

  t.test('a sentence of the writer between the cue and the next quote keeps the speaker', async (t) => {
    const text = '“We won,” said Jane Roe. She left the room. “Nobody will ever take this victory away from us.”'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => quote.speaker?.name),
      quotes.map(() => 'Jane Roe'),
    )
  })

  t.test('quotations joined by a conjunction are one statement of separate quotes', async (t) => {
    const text = 'Jane Roe called him “unstable” or “sick.” Then she said “how the system works” and “who wins.”'
    const quotes = extractQuotes(text)
    t.same(allPieces(text), [['unstable'], ['sick.'], ['how the system works'], ['who wins.']])
    t.same(
      quotes.map((quote) => quote.statement),
      [0, 0, 1, 1],
    )
  })

  t.test('"X," Mr. Y said at a place where Z spoke. "W." is one quote', async (t) => {
    const text =
      '"My name is not on the ballot," Mr. Obama said at a dinner where Mrs. Clinton also spoke. "Justice is ' +
      'on the ballot."'
    const [quote, ...rest] = extractQuotes(text)
    t.same(rest, [])
    t.same(pieces(text, quote), ['My name is not on the ballot,', 'Justice is on the ballot.'])
    t.equal(mention(text, quote), 'Mr. Obama')
  })

  t.test('a conjunction after a quote opens a clause that reports the next one', async (t) => {
    const text =
      'Kerr Putney said the video did not give "definitive evidence of a gun," but he said that the footage ' +
      '"supports what we heard" about it.'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => pieces(text, quote)),
      [['definitive evidence of a gun,'], ['supports what we heard']],
    )
    t.same(
      quotes.map((quote) => mention(text, quote)),
      ['Kerr Putney', 'he'],
    )
  })
})

t.test('titles and names', async (t) => {
  t.test('two sentences in capitals are no title', async (t) => {
    const text = '“Here comes Big Daddy,” she said, clapping. “The Donald. Big Daddy.”'
    t.same(allPieces(text), [['Here comes Big Daddy,', 'The Donald. Big Daddy.']])
  })

  t.test('a name with a comma inside its marks after a preposition, a possessive or "titled"', async (t) => {
    const text =
      'The spot, titled “Arrogant,” ran on CBS’s “Face the Nation,” and on an episode of “The Morning Show,” ' +
      'the senator said.'
    t.same(allPieces(text), [])
  })

  t.test('names inside a title are not speakers', async (t) => {
    const text =
      'In an interview on “Face the Nation,” House Speaker Paul Ryan said the protests demand “more listening.”'
    const [quote] = extractQuotes(text)
    t.same(pieces(text, quote), ['more listening.'])
    t.equal(quote?.speaker?.name, 'Paul Ryan')
  })

  t.test('a title does not hide the cue before it from the quote after it', async (t) => {
    const text = 'On “Fox News Sunday,” Gov. Mike Pence said the tweet was only “to mock” the campaign.'
    const [quote] = extractQuotes(text)
    t.same(pieces(text, quote), ['to mock'])
    t.equal(quote?.speaker?.name, 'Mike Pence')
  })

  t.test('what a naming verb calls its object is a quote; the name of a show right after it is not', async (t) => {
    const text =
      'She pointed to reports that Trump called the pageant winner “Miss Piggy” and “Miss Housekeeping” often. ' +
      'He hosted a show named “The Apprentice” for years.'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => pieces(text, quote)),
      [['Miss Piggy'], ['Miss Housekeeping']],
    )
    t.equal(quotes[0]?.statement, quotes[1]?.statement)
  })
})

t.test('cues', async (t) => {
  t.test('"as X put it" reports the words next to it', async (t) => {
    const text =
      'The rule asks for a "lawful source of investment income," as a Homeland Security memo put it. ' +
      'He is seen, as The New Yorker put it in a long piece, “the operator.”'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => [pieces(text, quote), mention(text, quote)]),
      [
        [['lawful source of investment income,'], 'a Homeland Security memo'],
        [['the operator.'], 'New Yorker'],
      ],
    )
  })

  t.test('a speech verb after a determiner or a possessive is a noun', async (t) => {
    const text = 'He’s claiming that fraud is “a big, big problem in this country.”'
    t.equal(mention(text, extractQuotes(text)[0]), 'He')
  })

  t.test('an -ing form after a quote without an auxiliary names a thing', async (t) => {
    const text = 'The mayor described the plan as “bold,” to the Supreme Court ruling nobody.'
    t.not(extractQuotes(text)[0]?.cue?.text, 'ruling')
  })

  t.test('reports are not a person', async (t) => {
    const [reported] = extractQuotes('“We won,” according to reports.')
    t.equal(reported?.speaker?.kind === 'person', false, 'reports are not a person')
  })

  t.test('a subject set off by commas from its verb', async (t) => {
    const text = '“We won,” Jane Roe, who is the mayor, in a long speech, said.'
    t.equal(mention(text, extractQuotes(text)[0]), 'Jane Roe')
  })

  t.test('a cue after a quote that ends its sentence', async (t) => {
    const atEnd = '“We won.” Jane Roe said'
    t.equal(mention(atEnd, extractQuotes(atEnd)[0]), 'Jane Roe')
    const beforeBreak = '“We won.” Jane Roe said\n\nThe end.'
    t.equal(mention(beforeBreak, extractQuotes(beforeBreak)[0]), 'Jane Roe')
    const comma = '“We won.” Jane Roe said, smiling.'
    t.equal(mention(comma, extractQuotes(comma)[0]), 'Jane Roe')
  })

  t.test('an inverted cue with a pronoun', async (t) => {
    const text = 'Jane Roe spoke. “We won,” said she.'
    t.equal(extractQuotes(text)[0]?.speaker?.name, 'Jane Roe')
  })

  t.test('a bare "X said." before a quote with nobody named to say it', async (t) => {
    const text = 'Loud cheers followed and everyone said. “We have won this fight and we will win the next one.”'
    const [quote] = extractQuotes(text)
    t.not(quote?.speaker?.named, true)
  })

  t.test('a noun for speech with punctuation before it', async (t) => {
    const text = 'Yes, remarks: “We are done here for now and we will not come back.”'
    t.equal(extractQuotes(text)[0]?.cue, null)
  })
})

t.test('speakers', async (t) => {
  t.test('possessive pronouns stand for their subject pronoun', async (t) => {
    const text =
      'John Smith spoke first. In his words: “We go on.”\n\n' +
      'The Acme Company then spoke. Its statement: “We stay.”\n\n' +
      'The Acme Company came back. Their message: “We leave.”'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => quote.speaker?.name),
      ['John Smith', 'Acme Company', 'Acme Company'],
    )
  })

  t.test('a contracted pronoun is the mention', async (t) => {
    const text = 'Jane Roe arrived. “We will win,” she’s said.'
    t.equal(mention(text, extractQuotes(text)[0]), 'she')
  })

  t.test('a relative pronoun stands for the name before it', async (t) => {
    const named = 'It was Jane Roe who said “we will win.”'
    t.equal(extractQuotes(named)[0]?.speaker?.name, 'Jane Roe')
    const nobody = 'It was everyone who said “we will win.”'
    t.match(extractQuotes(nobody)[0]?.speaker, { name: 'everyone', named: false })
  })

  t.test('the subject of a verb with "him" for object is not "him"', async (t) => {
    const text = 'Pat Kelly hugged him. “We won,” she said.'
    t.equal(extractQuotes(text)[0]?.speaker?.name, 'Pat Kelly')
  })

  t.test('a name that cannot be registered is kept as written', async (t) => {
    const text = '“We won,” said Alpha Beta Gamma Delta Epsilon. “We won,” she said, according to JOHN SMITH.'
    const quotes = extractQuotes(text)
    t.equal(quotes[0]?.speaker?.name, 'Alpha Beta Gamma Delta Epsilon')
    t.equal(quotes[1]?.via, 'JOHN SMITH')
  })
})

t.test('nested quotes', async (t) => {
  t.test('an inner quote with no speech verb before it is the outer speaker’s own words', async (t) => {
    const quotes = extractQuotes('“It is ‘the plan’ for us,” she said.')
    t.same(
      quotes.map((quote) => quote.kind),
      ['direct'],
    )
  })

  t.test('an inner quote inside an unattributed quote', async (t) => {
    const text =
      'John Smith arrived.\n\nNothing happened then.\n\n“When I met him, he said, ‘We will win this one,’ and we did.”'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => [quote.kind, quote.speaker?.name ?? null]),
      [
        ['direct', null],
        ['nested', 'John Smith'],
      ],
    )
  })

  t.test('a single mark opening the quotation', async (t) => {
    const text = '“‘Quoted’ words are here,” she said.'
    t.same(allPieces(text), [['‘Quoted’ words are here,']])
  })
})

t.test('a dash after a quote with no name after it', async (t) => {
  t.same(
    extractQuotes('“We won this race.” —').map((quote) => quote.speaker),
    extractQuotes('“We won this race.” —').map(() => null),
  )
  const text = '“We won this race” — “They lost,” she said.'
  t.same(
    extractQuotes(text)
      .filter((quote) => quote.speaker !== null)
      .map((quote) => pieces(text, quote)),
    [['They lost,']],
  )
})

t.test('a quotation with no words', async (t) => {
  t.same(allPieces('He paused. “…” Then nothing.'), [])
})
