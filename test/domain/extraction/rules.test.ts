import t from 'tap'
import { extractQuotes, type ExtractedQuote } from '../../../src/domain/extraction/index.js'
import { isVerbAt, signatureAt } from '../../../src/domain/extraction/attribution.js'
import { analyseArticle } from '../../../src/domain/extraction/extract-quotes.js'
import { TITLE_ABBREVIATIONS } from '../../../src/domain/extraction/lexicon.js'
import { findQuotedSegments } from '../../../src/domain/extraction/quote-marks.js'
import { tokenize } from '../../../src/domain/extraction/tokens.js'

/** The name of the first quote's speaker. */
const speakerOf = (text: string) => extractQuotes(text)[0]?.speaker?.name

/** Each quote's speaker's name, null for a quote with none. */
const speakers = (text: string) => extractQuotes(text).map((quote) => quote.speaker?.name ?? null)

function pieces(text: string, quote: ExtractedQuote | undefined): string[] {
  return quote ? quote.spans.map(([start, end]) => text.slice(start, end)) : []
}

function allPieces(text: string): string[][] {
  return extractQuotes(text).map((quote) => pieces(text, quote))
}

/** The words of a text that the rules read as verbs of saying. */
function cueWords(text: string): string[] {
  const tokens = tokenize(text, findQuotedSegments(text))
  return tokens.filter((_, at) => isVerbAt(tokens, at)).map((token) => token.text)
}

function mention(text: string, quote: ExtractedQuote | undefined): string | null {
  const span = quote?.speaker?.mention
  return span ? text.slice(span[0], span[1]) : null
}

/** The words of the text naming the first quote's speaker. */
const mentionOf = (text: string) => mention(text, extractQuotes(text)[0])

t.test('grouping', async (t) => {
  t.test('a paragraph continuing a quotation with a cue of its own is a new quote', async (t) => {
    const text =
      '“It is a shame for all of us,” Jane Roe said. “If this goes on, we lose.\n' +
      '“I have been thinking about what we owe our neighbours,” added John Doe. “We are not used to this.”'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => pieces(text, quote)),
      [
        ['It is a shame for all of us,', 'If this goes on, we lose.'],
        ['I have been thinking about what we owe our neighbours,', 'We are not used to this.'],
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

  t.test('a cue sentence ending in a title’s full stop ends once, after the closing mark', async (t) => {
    const text =
      '“We will win this,” Jane Roe told the Ledger’s “Harbor Hour.”\n\n“And nobody will stop us on the way there.”'
    t.same(allPieces(text), [['We will win this,', 'And nobody will stop us on the way there.']])
    const ends = (words: string) => {
      const { tokens, sentenceEnds } = analyseArticle(words)
      return tokens.filter((_, at) => sentenceEnds[at]).map((token) => token.text)
    }
    t.same(ends('Roe spoke on “Harbor Hour.” Then she left.'), ['”', '.'])
    t.same(ends('Roe spoke on “Harbor Hour.” on Sunday.'), ['.'], 'the writer’s sentence goes on after the title')
    t.same(ends('Roe spoke on “Harbor Hour.”'), ['”'], 'at the end of the text')
    t.same(ends('Roe spoke on “Harbor Hour.”\n\nlater that day, she left.'), ['”', '.'], 'at a paragraph’s end')
  })

  t.test('but not when the writer’s sentence goes on after it', async (t) => {
    const text =
      'Roe sang: “I only wish the river would carry me home.”\n\n“Copper Lanterns” was written by John Doe in 1999.'
    t.same(allPieces(text), [['I only wish the river would carry me home.']])
  })

  t.test('nor when its mark is left open with nothing to continue it', async (t) => {
    const text =
      'She said: “There he goes, love.”\n\n' +
      '"Halloran strode onto the platform, singing and waving at the audience for several minutes.\n\n' +
      '“That is right, Gerald,” Melanie Roe said.'
    t.same(allPieces(text), [['There he goes, love.'], ['That is right, Gerald,']])
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
      '"My shop is not on the agenda," Mr. Halvorsen said at a dinner where Mrs. Tennant also spoke. "Fairness is ' +
      'on the agenda."'
    const [quote, ...rest] = extractQuotes(text)
    t.same(rest, [])
    t.same(pieces(text, quote), ['My shop is not on the agenda,', 'Fairness is on the agenda.'])
    t.equal(mention(text, quote), 'Mr. Halvorsen')
  })

  t.test('a conjunction after a quote opens a clause that reports the next one', async (t) => {
    const text =
      'Corwin Ashby said the survey did not offer "firm proof of a leak," but he said that the readings ' +
      '"match what we smelled" about it.'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => pieces(text, quote)),
      [['firm proof of a leak,'], ['match what we smelled']],
    )
    t.same(
      quotes.map((quote) => mention(text, quote)),
      ['Corwin Ashby', 'he'],
    )
  })
})

t.test('titles and names', async (t) => {
  t.test('two sentences in capitals are no title', async (t) => {
    const text = '“Here comes Old Thunder,” she said, clapping. “The Captain. Old Thunder.”'
    t.same(allPieces(text), [['Here comes Old Thunder,', 'The Captain. Old Thunder.']])
  })

  t.test('a name with a comma inside its marks after a preposition, a possessive or "titled"', async (t) => {
    const text =
      'The spot, titled “Reckless,” ran on KVRT’s “Inside the Valley,” and on an episode of “The Lunch Hour,” ' +
      'the senator said.'
    t.same(allPieces(text), [])
  })

  t.test('a long name: after "titled" any length, elsewhere a few words besides the small ones', async (t) => {
    const text =
      'The council released a memo titled “Why the Ferry Fares Will Rise Again Next Spring.” ' +
      'Mayor Ines Calloway said on “The Early Hour with Dana Whitcombe,” that the fares were “fair.”'
    t.same(allPieces(text), [['fair.']])
  })

  t.test('names inside a title are not speakers', async (t) => {
    const text =
      'In an interview on “Inside the Valley,” House Speaker Dale Whitcombe said the strikes demand “more patience.”'
    const [quote] = extractQuotes(text)
    t.same(pieces(text, quote), ['more patience.'])
    t.equal(quote?.speaker?.name, 'Dale Whitcombe')
  })

  t.test('a title does not hide the cue before it from the quote after it, nor is a word of it a cue', async (t) => {
    for (const show of ['Harbor News Sunday', 'Harbor Report Sunday', 'The Week in Review']) {
      const text = `On “${show},” Gov. Tom Haldane said the post was only “to tease” the campaign.`
      const [quote] = extractQuotes(text)
      t.same(pieces(text, quote), ['to tease'], show)
      t.equal(quote?.speaker?.name, 'Tom Haldane', show)
      t.equal(quote?.cue?.text, 'said', show)
    }
  })

  t.test('what a naming verb calls its object is a quote; the name of a show right after it is not', async (t) => {
    const text =
      'She pointed to reports that Halloran called the spelling champion “Little Owl” and “Miss Dictionary” often. ' +
      'He hosted a show named “The Big Bake” for years.'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => pieces(text, quote)),
      [['Little Owl'], ['Miss Dictionary']],
    )
    t.equal(quotes[0]?.statement, quotes[1]?.statement)
  })

  t.test('a name that modifies the noun after it is inside the object, not the name the verb gives', async (t) => {
    const text =
      'Mayor Ines Calloway described the “Harbor Watch” recording as “a private joke.” ' +
      'Her aides call the “Clean Streets” plan a success.'
    t.same(allPieces(text), [['a private joke.']])
    // A noun of time dates the clause: the name is still what the verb calls the plan.
    for (const time of ['yesterday', 'today, aides said', 'tonight']) {
      const dated = `Ines Calloway called the plan “Reckless” ${time}.`
      t.same(allPieces(dated), [['Reckless']], time)
    }
  })
})

t.test('cues', async (t) => {
  t.test('"as X put it" reports the words next to it', async (t) => {
    const text =
      'The rule asks for a "steady source of household income," as a Transport Ministry memo put it. ' +
      'He is seen, as The Harbor Review put it in a long piece, “the fixer.”'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => [pieces(text, quote), mention(text, quote)]),
      [
        [['steady source of household income,'], 'a Transport Ministry memo'],
        [['the fixer.'], 'Harbor Review'],
      ],
    )
  })

  t.test('a speech verb after a determiner or a possessive is a noun', async (t) => {
    const text = 'He’s claiming that litter is “a huge, huge nuisance on these streets.”'
    t.equal(mentionOf(text), 'He')
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
    t.equal(mentionOf(text), 'Jane Roe')
  })

  t.test('a cue after a quote that ends its sentence', async (t) => {
    const atEnd = '“We won.” Jane Roe said'
    t.equal(mentionOf(atEnd), 'Jane Roe')
    const beforeBreak = '“We won.” Jane Roe said\n\nThe end.'
    t.equal(mentionOf(beforeBreak), 'Jane Roe')
    const comma = '“We won.” Jane Roe said, smiling.'
    t.equal(mentionOf(comma), 'Jane Roe')
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
    t.equal(mentionOf(text), 'she')
  })

  t.test('a relative pronoun stands for the name before it', async (t) => {
    const named = 'It was Jane Roe who said “we will win.”'
    t.equal(extractQuotes(named)[0]?.speaker?.name, 'Jane Roe')
    const nobody = 'It was everyone who said “we will win.”'
    t.match(extractQuotes(nobody)[0]?.speaker, { name: 'everyone', named: false })
    // A relative pronoun with no one named before it has no antecedent: the pronoun stays unresolved.
    for (const fragment of [
      'who he said “would never return” left.',
      ', who he said “would never return” left.',
      'Then, who he said “would never return” left.',
    ]) {
      t.match(extractQuotes(fragment)[0]?.speaker, { name: 'he', named: false }, fragment)
    }
  })

  t.test('"according to" in the paragraph after a quotation introduces what follows, not it', async (t) => {
    const text =
      'The committee met on Monday. As the Riverbank Trust website notes:\n\n' +
      '“In the fall of that year, some ninety young people met at the home of the founder.”\n\n' +
      'According to Jane Roe, writing for the Harbor Gazette:\n\n' +
      '“The plan received as much as ten million in payments from abroad.”'
    t.same(
      extractQuotes(text).map((quote) => mention(text, quote)),
      ['the Riverbank Trust website', 'Jane Roe'],
    )
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

t.test('a signature is a name after a dash opening the line under a quotation', async (t) => {
  const signer = (text: string): string | null => {
    const { tokens } = analyseArticle(text)
    const name = signatureAt(
      tokens,
      tokens.findIndex((token) => token.text === '—'),
    )
    return name && text.slice(tokens[name.first]?.start, tokens[name.last]?.end)
  }
  t.equal(signer('“The pier stays open.”\n\n— Erik Torvald, at the board.'), 'Erik Torvald')
  t.equal(signer('“The pier stays open.” — Erik Torvald, at the board.'), null, 'the dash does not open a line')
  t.equal(signer('The pier stays open.\n\n— Erik Torvald, at the board.'), null, 'no quotation above the line')
})

t.test('a quotation with no words', async (t) => {
  t.same(allPieces('He paused. “…” Then nothing.'), [])
})

t.test('a word of saying the tagger reads as a noun after an adjective or a number is no cue', async (t) => {
  t.same(cueWords('Jane Roe used a personal email for the work.'), [])
  t.same(cueWords('John Doe has won 30 states this year.'), [])
  t.same(cueWords('Jane Roe emails her staff every morning.'), ['emails'])
  t.same(cueWords('Officials state that the road is closed.'), ['state'])
})

t.test(
  'a word of saying in its base form after a singular determiner and modifiers is that phrase’s noun',
  async (t) => {
    t.same(cueWords('The memo cited a Harbourline post that urged readers to leave.'), ['cited', 'urged'])
    t.same(cueWords('They found one anti-union text in the files.'), [])
    // A third-person form agrees with a singular subject, and a plural subject takes the base form: verbs.
    t.same(cueWords('The campaign ad claims that taxes fell.'), ['claims'])
    t.same(cueWords('Harbour officials state that the road is closed.'), ['state'])
  },
)

t.test('a word the tagger cuts at a clitic or a joiner is one token again', async (t) => {
  const words = (text: string): string[] => tokenize(text, findQuotedSegments(text)).map((token) => token.text)
  // A clitic glued to its word.
  t.same(words('They’re here.'), ['They’re', 'here', '.'])
  // A hyphen between two word pieces.
  t.same(words('Jean-Luc Roe spoke.'), ['Jean-Luc', 'Roe', 'spoke', '.'])
  // A piece that begins with a joiner and goes on with a word, with no space before it.
  t.same(words('The class’90s reunion.'), ['The', 'class’90s', 'reunion', '.'])
  // A joiner with a space after it ends the word.
  t.same(words('Ol’ Miss won.'), ['Ol', '’', 'Miss', 'won', '.'])
  // A full stop inside a word's letters or an abbreviation joins; one between a sentence's last word and the next
  // sentence's first, its space lost, does not.
  t.same(words('See Brightwater.com now.'), ['See', 'Brightwater.com', 'now', '.'])
  t.same(words('It closed on Tuesday.Two clerks left.'), [
    'It',
    'closed',
    'on',
    'Tuesday',
    '.',
    'Two',
    'clerks',
    'left',
    '.',
  ])
})

t.test('a sentence whose space after the full stop went missing still ends there', async (t) => {
  t.equal(
    speakerOf('Gov. Jane Roe met the donors. Mark Pell spoke on Tuesday.But Roe said: “We will not wait.”'),
    'Jane Roe',
  )
})

t.test('“reasoned” reports speech; “reason” and “reasons” are mostly the noun or “reason with”', async (t) => {
  t.same(cueWords('Ann Lee reasoned that the levy was fair.'), ['reasoned'])
  t.same(cueWords('Mark Pell could not reason with Ann Lee.'), [])
  t.same(cueWords('She gave two reasons for the delay.'), [])
})

t.test('a verb joined by “and” or “but” shares the subject of the clause a “that” clause hangs on', async (t) => {
  t.equal(
    speakerOf(
      'Jane Roe kept the ledger. The inspector, Mark Pell, saw no proof that the clerks had lied but called one ' +
        'entry “a grave lapse.”',
    ),
    'Mark Pell',
  )
  t.equal(
    speakerOf('Ann Lee spoke. Mark Pell found that Ann Lee erred and told reporters: “We are done.”'),
    'Mark Pell',
  )
  // Through a clause the tagger does not mark, and through two clauses.
  t.equal(speakerOf('Mark Pell checked whether Ann Lee erred and told reporters: “We are done.”'), 'Mark Pell')
  t.equal(
    speakerOf('Mark Pell believes that Ann Lee knows that the plan failed and told reporters: “We are done.”'),
    'Mark Pell',
  )
  // A condition is no such clause: the one who wins tells.
  t.equal(speakerOf('Mark Pell will quit if Ann Lee wins and tells reporters: “We are done.”'), 'Ann Lee')
  // Without a “that” clause between them, the verb before the conjunction gives the subject.
  t.equal(speakerOf('Jane Roe spoke. Mark Pell phoned her and told her: “We are done.”'), 'Mark Pell')
})

t.test(
  'a cue that closes the sentence after a quotation set in the writer’s words, its subject set off by an apposition',
  async (t) => {
    const texts = [
      'The council met on Monday. Roe’s plan for the bridge “could cost the city dearly” over the next decade, said Mark Pell, a budget analyst at the Riverbank Institute.',
      'Jane Roe spoke first. Her harbour fee “will drive the ferries away” before winter, said Mark Pell, an economist with the Harbor Trust.',
      'Jane Roe spoke first. Her budget “is a gamble with other people’s money” that the city cannot afford, said Mark Pell, director of the Riverbank Taxpayers Union.',
      'Roe has been a “steady hand” for the party in the valley, said Mark Pell, a strategist for the Harbor Party, on Tuesday.',
    ]
    for (const text of texts) t.equal(mentionOf(text), 'Mark Pell', text)
  },
)

t.test('a name never runs across the end of a sentence, however that sentence ends', async (t) => {
  const opening = 'Gov. Jane Roe met the donors. Mark Pell spoke'
  // A state written out in full, or a pronoun, before the full stop: never an abbreviation.
  t.equal(speakerOf(`${opening} in Iowa. Roe said: “We will not wait.”`), 'Jane Roe')
  t.equal(speakerOf(`${opening} to me. Roe said: “We will not wait.”`), 'Jane Roe')
  // A state's abbreviation closing a place ("City, St.") before a capitalised word.
  t.equal(speakerOf(`${opening} in Millbrook, Ala. Roe said: “We will not wait.”`), 'Jane Roe')
  // Within a sentence the writer puts a comma after the state, and an abbreviation still holds a name together.
  t.equal(
    speakerOf('Gov. Jane Roe met donors in Millbrook, Ala., on Monday. “We will not wait,” Roe said.'),
    'Jane Roe',
  )
  t.equal(speakerOf('“We will not wait,” said Lt. Gov. Mark Pell of Millbrook, Ala.'), 'Mark Pell')
  // A title after the state goes on with the description: no sentence ends there.
  t.equal(speakerOf('Mark Pell met the board. “We will not wait,” Millbrook, Ala. Mayor Jane Roe said.'), 'Jane Roe')
})

t.test('a word that keeps its full stop ends a sentence when a grammar word follows it', async (t) => {
  /** Whether the sentence ends at the first token with this text. */
  const endsAt = (text: string, word: string): boolean => {
    const { tokens, sentenceEnds } = analyseArticle(text)
    const index = tokens.findIndex((token) => token.text === word)
    if (index < 0) throw new Error(`no token ${word} in ${text}`)
    return sentenceEnds[index] as boolean
  }
  // A grammar word of each of the tagger's classes: determiner, conjunction, pronoun, preposition, auxiliary, adverb,
  // subordinator, particle.
  const openers = ['The', 'But', 'He', 'In', 'Will', 'Now', 'Because', 'To']
  for (const opener of openers)
    t.ok(endsAt(`The envoy flew home to the U.S. ${opener} the talks resume soon.`, 'U.S.'), opener)
  // A quantifier, which the tagger may call an adjective; after a lower-case word too.
  t.ok(endsAt('The envoy praised Acme Inc. Most analysts disagreed.', 'Inc.'))
  t.ok(endsAt('The bolts measured two in. Many were rusted.', 'in.'))
  // A name, a noun or another adjective after it goes on with the same sentence.
  t.notOk(endsAt('The envoy met U.S. Marshals on Monday.', 'U.S.'))
  t.notOk(endsAt('The envoy met U.S. Democratic senators on Monday.', 'U.S.'))
  // A title, an honorific or a single letter is followed by a name, whatever the tagger makes of its first word.
  t.notOk(endsAt('The clerk met Sen. Will Roe on Monday.', 'Sen.'))
  t.notOk(endsAt('The clerk met Mr. Will on Monday.', 'Mr.'))
  t.notOk(endsAt('The clerk met Jane R. Will on Monday.', 'R.'))
  t.notOk(endsAt('The case of Roe vs. Wade went on.', 'vs.'))
})

t.test('an abbreviated title never ends a sentence, whether or not the tagger keeps its full stop', async (t) => {
  // The tagger splits the stop off titles it does not know ("Sens", "."), which then read as a sentence's end.
  for (const title of TITLE_ABBREVIATIONS.keys()) {
    const text = `The clerk met ${title[0]?.toUpperCase()}${title.slice(1)}. Jane Roe and John Doe on Monday.`
    const { sentenceEnds } = analyseArticle(text)
    t.notOk(sentenceEnds.slice(0, -1).includes(true), text)
  }
  // In lower case it is a word, and a sentence may end on it: two sentences, whether or not the stop is its own token.
  for (const text of [
    'Will Roe spent a month in the brig. He told us so.',
    'Roe did three more reps. Then she rested.',
  ])
    t.equal(analyseArticle(text).sentenceEnds.filter(Boolean).length, 2, text)
  // At a sentence's start too the title's stop stands between it and the name it opens.
  t.equal(speakerOf('Cpl. Jane Roe led the patrol on Monday. “We are ready,” the corporal said.'), 'Jane Roe')
  t.equal(mentionOf('“We will appeal the ruling,” said Spc. Will Roe, who served two tours.'), 'Spc. Will Roe')
  // Both pieces are one statement of the senators named between them.
  const letter =
    '“We will appeal the ruling,” Sens. Jane Roe, D-Ohio, and John Doe, R-Utah, said in a statement. ' +
    '“The people deserve better.”'
  t.same(allPieces(letter), [['We will appeal the ruling,', 'The people deserve better.']])
  t.equal(speakerOf(letter), 'Jane Roe')
})

t.test('a past form the tagger reads as an adjective is the verb between two names, not part of one', async (t) => {
  const speakerAfterVerb: [string, string][] = [
    ['With her husband in the audience, Roe branded Will Doe a serial liar. “He is a liar,” Doe said.', 'Will Doe'],
    ['At the hearing on Monday, Roe grilled Doe over the leaks. “It was a mistake,” Doe said.', 'Doe'],
    // A past office's word stays a title's ("retired").
    ['“It is a mess,” said Harbor Guard retired Col. Jane Roe.', 'Jane Roe'],
  ]
  for (const [text, speaker] of speakerAfterVerb) t.equal(speakerOf(text), speaker, text)
  // Nouns the tagger calls adjectives go on with the name, and a past form before a title is the title's modifier,
  // inside a name or where one opens (the statement's two pieces stay one).
  t.equal(
    mentionOf('“They are frustrated,” said Oversight ranking Democrat Will Doe.'),
    'Oversight ranking Democrat Will Doe',
  )
  t.equal(mentionOf('“It is late,” said Acme retired spokesman Will Doe.'), 'Acme retired spokesman Will Doe')
  const general =
    '“It is an uncomfortable situation,” said retired Brig. Gen. Will Doe, a former Defense Department appointee ' +
    'who supports the proposal. “He is looking for guidance.”'
  t.same(allPieces(general), [['It is an uncomfortable situation,', 'He is looking for guidance.']])
})

t.test('a headline ending on a role’s word lends no title to the name opening the next paragraph', async (t) => {
  t.equal(
    speakerOf(
      'Roe rips Acme spokesman\n\nMark Doe, however, did not hold back. “I am astounded by the people she hired,” Doe said.',
    ),
    'Mark Doe',
  )
  t.same(
    speakers(
      'Flags lowered in memory of Harbor police\n\nJane Roe issued a statement calling it “a coordinated assault.” ' +
        'She also said “our city has become too divided.”',
    ),
    ['Jane Roe', 'Jane Roe'],
  )
  // Nor does an office's field ("secretary of state").
  t.equal(
    speakerOf('Roe names new Harbor secretary of state\n\nJane Doe said she was “honored by the trust.”'),
    'Jane Doe',
  )
})

t.test('a lawmaker’s party-and-state label is never the speaker, nor a person a pronoun can stand for', async (t) => {
  t.equal(speakerOf('House Majority Leader Mark Pell, R-Ala. said he was “disappointed” in the ruling.'), 'Mark Pell')
  t.equal(
    speakerOf('Rep. Jane Roe, D-New Mexico, voted against it. “It was obvious from the start,” she told reporters.'),
    'Jane Roe',
  )
})

t.test(
  'a party label beside a name, in brackets or between commas, says who “the state’s Republican” is',
  async (t) => {
    const later = 'said the plan was “a disaster.” Later the South Carolina Republican called it “dead.”'
    t.same(speakers(`Sen. Mark Pell (R-S.C.) ${later}`), ['Mark Pell', 'Mark Pell'])
    t.same(speakers(`Sen. Mark Pell, R-South Carolina, ${later}`), ['Mark Pell', 'Mark Pell'])
    t.same(speakers(`Sen. Mark Pell (R-SC) ${later}`), ['Mark Pell', 'Mark Pell'])
    // Without the place a party's member is someone else: the article did not name them.
    const unnamed = extractQuotes('Sen. Mark Pell (R-S.C.) spoke. “It is late,” a senior House Republican said.')
    t.equal(unnamed[0]?.speaker?.named, false)
    // Nor is one of another state named later.
    const elsewhere = extractQuotes('“It was fair,” the Ohio Democrat said. Later Sen. Mark Pell, D-New York, spoke.')
    t.equal(elsewhere[0]?.speaker?.named, false)
  },
)

t.test('a role’s word after a given name is a surname, and alone it is still that person', async (t) => {
  t.same(speakers('Rep. Jim Bishop said the plan was “a disaster.” Bishop later added: “It is dead.”'), [
    'Jim Bishop',
    'Jim Bishop',
  ])
  t.same(speakers('“We lost,” said Carla Dean, a former governor.'), ['Carla Dean'])
  // An adjective before the title, middle names and initials keep it a name.
  t.same(speakers('Later, former Harbor Gov. Carla Dean said: “We lost.”'), ['Carla Dean'])
  t.same(speakers('“We lost,” said Ann Lee Bishop.'), ['Ann Lee Bishop'])
  // With a determiner the word is the role again, and a body's noun still makes a body.
  const role = extractQuotes('Rep. Jim Bishop met the bishop. “It is dead,” the Bishop said.')
  t.equal(role[0]?.speaker?.named, false)
  // A description's modifier or owner before the word keeps it someone else's role.
  for (const text of [
    'Rep. Jim Bishop met the clergy. “It is late,” the former Bishop said.',
    'Rep. Jim Bishop met the envoys. “It is late,” Jordan’s Bishop said.',
  ])
    t.not(extractQuotes(text)[0]?.speaker?.name, 'Jim Bishop', text)
  // Nor is a given name that does not open the name a given name ("North Dakota"), nor one after an owner.
  for (const text of ['“We lost,” said the museum’s Art Director.', '“We lost,” North Dakota Governor said.'])
    t.equal(extractQuotes(text)[0]?.speaker?.named, false, text)
  t.same(speakers('The Carla Institute said: “We lost.”'), ['Carla Institute'])
})

t.test(
  'a body’s noun after a title’s given names is a surname; alone it is the person or the body it shortens',
  async (t) => {
    t.same(speakers('Rep. Nora Camp said the plan was “a disaster.” Camp later added: “It is dead.”'), [
      'Nora Camp',
      'Nora Camp',
    ])
    const honorific = extractQuotes('“We lost,” said Ms. Camp.')[0]?.speaker
    t.same([honorific?.name, honorific?.kind], ['Camp', 'person'])
    // After an honorific a role's word is that person's surname only when the article names them with it.
    t.same(speakers('Rep. Jim Bishop spoke. “It is dead,” Mr. Bishop said.'), ['Jim Bishop'])
    // A publication's noun, and the noun of a body a place qualifies, shorten the name given earlier.
    t.same(speakers('The Riverton Times first reported it. “We stand by our reporting,” the Times said.'), [
      'Riverton Times',
    ])
    t.same(speakers('The Ohio Senate passed the bill. “This is a good day,” the Senate said.'), ['Ohio Senate'])
    // Other modifiers make another body, and a full name given only later is not what the noun stands for.
    t.same(speakers('The Harbor House said it would wait. “The bill is dead,” the House said.'), ['House'])
    t.same(speakers('“We stand by it,” the Times said. The Riverton Times ran it first.'), ['Times'])
    // The nearest body with the noun decides, and a lower-case postal code is no place.
    const houses =
      'The Ohio House passed the bill. The Harbor House, a shelter, opposed it. “It is over,” the House said.'
    t.same(speakers(houses), ['House'])
    t.same(speakers('The Alianza de Vecinos Council backed it. “It is over,” the Council said.'), ['Council'])
    // A body's noun before a noun modifies it, a body named after a titled person is a body, "Mrs." someone else.
    t.same(speakers('Gov. Mark Bank defended the loans. Bank officials said the loans were “sound.”'), [
      'Bank officials',
    ])
    t.same(speakers('The Queen Alice Hospital said: “We will keep going.”'), ['Queen Alice Hospital'])
    t.same(speakers('Rep. Jim Bishop spoke. “It is dead,” Mrs. Bishop said.'), ['Mrs. Bishop'])
  },
)

t.test('a speech verb whose object is another speaker’s speech gives the quote to that speaker', async (t) => {
  t.equal(speakerOf('Neighbours say Mark Pell called the plan “a disaster.”'), 'Mark Pell')
  t.equal(speakerOf('Jane Roe notes that Mark Pell says it is “fine.”'), 'Mark Pell')
  // A pronoun there is the first speaker again, and a verb before "to" or a noun after a description reports nothing.
  t.equal(speakerOf('Jane Roe says she admired what she calls a “steady hand.”'), 'Jane Roe')
  t.equal(speakerOf('Jane Roe said Mark Pell continued to dig a “hole.”'), 'Jane Roe')
  t.equal(speakerOf('Jane Roe called the unemployment rate “unacceptably high.”'), 'Jane Roe')
  t.equal(speakerOf('They note that under the rules, even old letters can be deemed “secret.”'), 'They')
})

t.test('the words of a page’s photo captions and buttons are never a speaker nor part of a name', async (t) => {
  t.equal(speakerOf('Photos Mark Pell says the plan is “a disaster.”'), 'Mark Pell')
  t.equal(speakerOf('“We will win,” said Mark Pell Replay More Videos.'), 'Mark Pell')
  t.equal(
    speakerOf('The crowd cheered. Hide Caption 3 of 9 Photos: A man holds a sign that says “Thank You” on Thursday.'),
    'man',
  )
  // An advertisement's label and a newsletter's buttons between paragraphs: the pronoun after them is the person's.
  const labelled = (furniture: string): (string | null)[] =>
    speakers(
      'Mark Pell spoke to the harbour board. “This is the first storm of its kind,” rather than a small one.\n\n' +
        `${furniture} reading the main story\n\n“Somebody crossed the line,” he said.`,
    )
  t.same(labelled('Advertisement Continue'), ['Mark Pell', 'Mark Pell'])
  t.same(labelled('Newsletter Sign Up Continue'), ['Mark Pell', 'Mark Pell'])
  t.same(labelled('Sign Up Continue'), ['Mark Pell', 'Mark Pell'], 'buttons alone, no noun')
  // Before a name they are no part of it, unless a role's or a body's word follows them.
  t.equal(
    extractQuotes('“We won,” said Stand Up Coalition Director Jane Roe.')[0]?.speaker?.title,
    'Stand Up Coalition Director',
  )
  t.equal(extractQuotes('“We won,” said Photo Editor Jane Roe.')[0]?.speaker?.title, 'Photo Editor')
  // Elsewhere the words may be a name's: a surname, a body's name, a button's word alone.
  t.equal(speakerOf('“We will keep going,” said Jane More.'), 'Jane More')
  t.equal(speakerOf('Jane More spoke on Monday. “We will keep going,” More said.'), 'Jane More')
  t.equal(speakerOf('The More Than Words Foundation said: “We will keep going.”'), 'More Than Words Foundation')
  // A button's label in capitals is no name: the link's word left where a headline's link cut a lawmaker's name out.
  const cutLink = extractQuotes(
    'Harbor board backs new fee on ferries MORE (D-Ohio), the top Democrat on the board, said the fee is “fair.”',
  )[0]?.speaker
  t.same([cutLink?.kind, cutLink?.named], ['person', false], 'a lawmaker described, not a body named MORE')
  // Two capitals are as often an acronym.
  t.equal(extractQuotes('“It is needed to keep trains running,” said UP, the railroad.')[0]?.speaker?.name, 'UP')
})

t.test('a hover card printed into the text is no part of the name before it', async (t) => {
  // The name as the writer gave it, the card's full name glued to its next line, the card's other lines, then the
  // writer's sentence goes on; a later surname is that name's.
  const carded = (opening: string, surname: string) => {
    const speaker = extractQuotes(`${opening} spoke on Monday. “It is a good start,” ${surname} said.`)[0]?.speaker
    return [speaker?.title, speaker?.name]
  }
  t.same(carded('Sen. Tom Pell Thomas Arthur PellHarbor bill stalls again MORE', 'Pell'), ['Sen', 'Tom Pell'])
  t.same(carded('Whip Ana Ruiz-Lopez Ana Maria Ruiz-LopezThe ferry fight goes on MORE', 'Ruiz-Lopez'), [
    'Whip',
    'Ana Ruiz-Lopez',
  ])
  t.same(carded('Mayor Pell Thomas Arthur PellSenate votes MORE', 'Pell'), ['Mayor', 'Pell'])
  t.same(carded('Sen. Dan McCall Daniel Ray McCallSenate votes MORE', 'McCall'), ['Sen', 'Dan McCall'])
  // A capital inside a name is no card unless its first part repeats a word of the name before it.
  t.same(carded('Sen. Dan McCall', 'McCall'), ['Sen', 'Dan McCall'])
  t.same(carded('Councilwoman Jo DeLand', 'DeLand'), ['Councilwoman', 'Jo DeLand'])
  t.same(carded('Mayor Dan Dan DeLand', 'DeLand'), ['Mayor', 'Dan Dan DeLand'])
  t.same(carded('Mayor Mac MacArthur', 'MacArthur'), ['Mayor', 'Mac MacArthur'])
})

t.test('a sentence’s first word the article writes in lower case elsewhere is no name', async (t) => {
  // The tagger calls a sentence's capitalised first word a proper noun when a verb follows it.
  const first = extractQuotes(
    'Localism is a way of talking that sets “the town” against outsiders. Critics of localism call it “a wall.”',
  )
  t.notOk(
    first.some((quote) => quote.speaker?.name === 'Localism'),
    'a common noun opening a sentence speaks for nobody',
  )
  // A word that is also a name keeps it where the article capitalises it inside a sentence, where it opens a longer
  // name, or where only a quotation has it in lower case.
  t.equal(speakerOf('Jane Young met young voters on Monday. Young said “we will win the county.”'), 'Jane Young')
  t.equal(speakerOf('Rich Pell spoke on Monday. Rich said that the rich “must pay more.”'), 'Rich Pell')
  const quotedLower = extractQuotes(
    'Young, a Republican, voted against the bill. Young said “it costs too much for young families.”',
  )
  t.equal(quotedLower[0]?.speaker?.named, true)
  // A role's word opening a sentence still stands for the people it describes.
  t.equal(speakerOf('Lawmakers debated the “gun show loophole” on Monday. Several lawmakers left early.'), 'Lawmakers')
})

t.test('a line in title case names nobody the article’s sentences do not', async (t) => {
  // Page furniture and headlines between paragraphs: their capitals are the style's, not names'.
  t.equal(speakerOf('Jane Roe met the donors.\n\nStory Continued Below\n\n“We will not wait,” she said.'), 'Jane Roe')
  t.equal(
    speakerOf('Update: Pell Says Harbor Board Has Work To Do\n\nJane Roe met the board. “We will not wait,” she said.'),
    'Jane Roe',
  )
  // Prose whose longer words all happen to be names is no headline.
  t.equal(speakerOf('Jane Roe met Mark Pell. “We will not wait,” she said.'), 'Jane Roe')
  // A headline's names are names, ending where its verb starts; a given name before one of them too.
  t.equal(
    speakerOf('Jane Roe Goes After Pell Over Harbor Deal\n\nThe board met. “We will not wait,” Roe said of Pell.'),
    'Jane Roe',
  )
})

t.test(
  'a name the article gives an article to is a body’s, a publication’s or a document’s, never a person’s',
  async (t) => {
    const kindOf = (text: string) => {
      const speaker = extractQuotes(text)[0]?.speaker
      return [speaker?.name, speaker?.kind]
    }
    t.same(kindOf('As the Ridge reported on Monday, the mayor will resign, “effective at once.”'), [
      'Ridge',
      'organisation',
    ])
    t.same(kindOf('The plan is dead. According to The Sentinel, the board “will not meet again.”'), [
      'Sentinel',
      'organisation',
    ])
    // So a pronoun does not stand for it.
    t.equal(speakerOf('The Ridge ran the story on Monday. “We were misled,” he said.'), 'he')
    // A title or an honorific keeps a person, and a noun after the name makes it that noun's modifier.
    t.same(kindOf('“It is over,” said the Rev. Jane Roe.'), ['Jane Roe', 'person'])
    t.same(kindOf('“It is over,” said the Ohio Republican.'), ['Ohio Republican', 'person'])
    // A person named before keeps the name, a family is people, and the body is no one's surname.
    t.equal(
      speakerOf('Jane Ridge spoke first. The Ridge “savings” were a myth. “We cut nothing,” Ridge said.'),
      'Jane Ridge',
    )
    t.same(kindOf('“We will sell the farm,” the Ridges said.'), ['Ridges', 'person'])
    t.same(speakers('The Ridge reported it. Jane Ridge, a council member, said the plan “will fail.”'), ['Jane Ridge'])
    // A title written out is a title, and a list of names shares the noun after it.
    t.same(kindOf('The Reverend Jane Roe led the service. “We grieve together,” she said.'), ['Jane Roe', 'person'])
    t.same(kindOf('Aides praised the Roe and Pell talks. “We are close,” Roe said.'), ['Roe', 'person'])
    t.same(kindOf('The Roe and Pell families said they were “heartbroken.”'), ['Roe', 'person'])
    // Alone, without the article, the word is the surname of the person the article names with it: after a list
    // of modifiers read as a body, and after a transcript's speaker in capitals.
    const talks = 'Aides praised the Roe, Pell talks. Secretary of State Jane Roe spoke. “We are close,” Roe said.'
    t.equal(speakerOf(talks), 'Jane Roe')
    t.equal(speakerOf('ROE: We are close.\n\nJane Roe spoke to reporters later. “We are close,” Roe said.'), 'Jane Roe')
  },
)

t.test('names that only modify the noun a speech verb’s subject ends with are not the speaker', async (t) => {
  const cases: [string, string][] = [
    ['The bill stalled. House Harbor Party leaders say they will “rein in red tape.”', 'House Harbor Party leaders'],
    ['The talks ended. Harbor Party officials said the talks were “over.”', 'Harbor Party officials'],
    ['The deal fell apart. Jane Roe’s lawyers said the deal was “never signed.”', 'Jane Roe’s lawyers'],
    ['Jane Roe spoke on Friday. Roe campaign aides said she was “tired.”', 'Roe campaign aides'],
  ]
  for (const [text, speaker] of cases) t.equal(speakerOf(text), speaker, text)
  // A name the phrase ends with is the speaker.
  t.equal(speakerOf('Harbor Party leader Jane Roe said the plan was “dead.”'), 'Jane Roe')
})

t.test('a role’s plural stands for several people, never for one the article named', async (t) => {
  const officials = 'Sen. Mark Pell, a Harbor official, spoke. Harbor officials said they had seen “indications” of it.'
  t.equal(speakerOf(officials), 'Harbor officials')
  const unnamed = extractQuotes('Jane Roe, the top health official, met the board. “We are ready,” officials said.')
  t.same([unnamed[0]?.speaker?.name, unnamed[0]?.speaker?.named], ['officials', false])
  // A title's abbreviation before names stays a title.
  t.equal(speakerOf('Sen. Mark Pell spoke. “We have the votes,” said Sens. Mark Pell and Jane Roe.'), 'Mark Pell')
})

t.test('"another" or "one" before a verb of saying is its subject, not the determiner of a noun', async (t) => {
  const text = '“The ferry runs late,” added one captain. Another said, “The pier needs a new roof.”'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => pieces(text, quote)),
    [['The ferry runs late,'], ['The pier needs a new roof.']],
    'two speakers’ words stay two quotes',
  )
  t.equal(mention(text, quotes[1]), 'Another')
  t.same(cueWords('One says the pier was closed.'), ['says'])
  t.same(cueWords('Another claim was that the pier was closed.'), [], '"another claim" is a noun phrase')
  t.same(cueWords('No one says the pier was closed.'), [], 'negated, it names nobody')
})

t.test('a description the name follows at once is its title: the name speaks', async (t) => {
  const cases: Array<[string, string]> = [
    ['The park closed. “We will not stop,” the activist Maria Lopez said.', 'Maria Lopez'],
    ['The park closed. “We will not stop,” the advocacy group Harbor Watch said in a statement.', 'Harbor Watch'],
    ['The park closed. The advocacy group Harbor Watch said: “We will not stop.”', 'Harbor Watch'],
    ['The park closed. “We will not stop,” Harbor’s deputy police chief Ed Tolland said.', 'Ed Tolland'],
    // A rule or a cue that reads the owner of the description means the name it titles.
    ['The park closed. “We will not stop,” said Harbor’s deputy police chief Ed Tolland.', 'Ed Tolland'],
    ['The park closed. “We will not stop,” said Harbor’s former parks director Will Benton.', 'Will Benton'],
    [
      'The park closed. According to Harbor’s former parks director Will Benton, it was “a test” of will.',
      'Will Benton',
    ],
  ]
  for (const [text, speaker] of cases) t.equal(speakerOf(text), speaker, text)
  const mentions: Array<[string, string, string]> = [
    ['The park closed. “We will not stop,” the group Republicans Ashore said.', 'Republicans Ashore', 'a party’s name'],
    ['The park closed. The activist Maria Lopez notes “we will not stop.”', 'Maria Lopez', 'a verb'],
    // Not a name that only modifies a noun, one past the sentence, a word alone that describes, one a determiner
    // follows, nor a writing's title.
    ['The park closed. The group’s official Twitter account said “the gates are shut.”', 'The group’s official', ''],
    ['“We will not stop,” said the mayor\n\nJane Roe left.', 'the mayor', 'not across a sentence’s end'],
    ['The park closed. “We will not stop,” said one veteran Republican working on the race.', 'one veteran', ''],
    ['The park closed. “We will not stop,” said one veteran American working on the race.', 'one veteran', ''],
    ['The park closed. “We will not stop,” said the company CEO at the gate.', 'the company', ''],
    ['The park closed. The group Keep the Gates, which sued the city, said “we will not stop.”', 'The group', ''],
    ['The park closed. The petition Harbor Voices sent out says: “Reopen it now.”', 'The petition', ''],
    // A name in a clause of its own that says something of the description: after an indefinite one, or before a verb.
    ['The park closed. “We will not stop,” said a spokesman Harbor Watch did not name.', 'a spokesman', ''],
    ['The park closed. The consultant Acme Corp. hired said “we will not stop.”', 'The consultant', ''],
    // A name cut at its "of" or "for".
    ['The park closed. “We will not stop,” said the group Citizens for a Better Harbor.', 'the group', ''],
    // A chain of descriptions titles the name; so does one before a name and its place.
    ['The park closed. “We will not stop,” the campaign press secretary Jane Roe said.', 'Jane Roe', ''],
    ['The park closed. “We will not stop,” the activist Jane Roe of Harbor said.', 'Jane Roe of Harbor', ''],
    ['The park closed. “We will not stop,” said the activist Jane Roe of the Harbor Trust.', 'Jane Roe', ''],
  ]
  for (const [text, expected, why] of mentions) t.equal(mentionOf(text), expected, why || text)
  // The cue is the name's: as sure as a cue naming it at once.
  const [titled] = extractQuotes(
    'The park closed. “We will not stop,” said Harbor’s former parks director Will Benton.',
  )
  const [plain] = extractQuotes('The park closed. “We will not stop,” said Will Benton.')
  t.equal(titled?.confidence, plain?.confidence)
})

t.test(
  'a possessive’s owner leads to the name after it, unless the owner’s name holds a lower-case word',
  async (t) => {
    const mentions: Array<[string, string, string]> = [
      ['The park closed. “We will not stop,” said KVRT’s Mara Lane.', 'Mara Lane', ''],
      ['The park closed. “We will not stop,” said KVRT’s Mara Lane', 'Mara Lane', 'at the text’s end'],
      ['The park closed. “We will not stop,” said Harbor’s official Twitter account.', 'Harbor’s official', ''],
      ['The park closed. “We will not stop,” said Harbor’s Friends of the Park.', 'Harbor’s', 'a cut name'],
      ['The park closed. “We will not stop,” says KVRT’s Harbor Desk blog.', 'KVRT’s', 'a name modifying a noun'],
      ['The park closed. “We will not stop,” said Will Dane of Harbor’s Pioneer Trust.', 'Will Dane of Harbor’s', ''],
    ]
    for (const [text, expected, why] of mentions) t.equal(mentionOf(text), expected, why || text)
  },
)
