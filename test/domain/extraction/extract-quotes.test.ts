import t from 'tap'
import { extractQuotes, type ExtractedQuote } from '../../../src/domain/extraction/index.js'

function pieces(text: string, quote: ExtractedQuote | undefined): string[] {
  return quote ? quote.spans.map(([start, end]) => text.slice(start, end)) : []
}

/** The name of each quote's speaker, in order (null for a quote without one). */
function speak(text: string): (string | null)[] {
  return extractQuotes(text).map((quote) => quote.speaker?.name ?? null)
}

function mention(text: string, quote: ExtractedQuote | undefined): string | null {
  const span = quote?.speaker?.mention
  return span ? text.slice(span[0], span[1]) : null
}

t.test('cue after the quote, subject first or inverted', async (t) => {
  const text =
    '“We can work together,” Sheinbaum said. “It works,” said Mexican President Claudia Sheinbaum, a former mayor.'
  const quotes = extractQuotes(text)
  t.equal(quotes.length, 2)
  t.equal(quotes[0]?.cue?.text, 'said')
  t.match(quotes[1]?.speaker, {
    name: 'Claudia Sheinbaum',
    title: 'Mexican President',
    kind: 'person',
    resolvedBy: 'name',
  })
  t.equal(quotes[0]?.speaker?.name, 'Claudia Sheinbaum', 'the surname resolves to the full name given later')
  t.equal(quotes[0]?.speaker?.resolvedBy, 'surname')
})

t.test('a cue closing the sentence after words the writer sets beside the quote', async (t) => {
  const text =
    'Any dispute over Roe’s remark concerns the “freedom of speech of an individual member,” not the stance of ' +
    'the caucus, Doe said.'
  t.match(extractQuotes(text)[0], { cue: { text: 'said' }, speaker: { name: 'Doe', resolvedBy: 'name' } })
})

t.test('a quote split around its cue is one quote in two pieces', async (t) => {
  const text = '“We can work together,” she said, “but you in your territory and us in ours.”'
  const [quote, ...rest] = extractQuotes(text)
  t.same(rest, [])
  t.same(pieces(text, quote), ['We can work together,', 'but you in your territory and us in ours.'])
  t.equal(quote?.text, 'We can work together, but you in your territory and us in ours.')
  t.equal(quote?.kind, 'direct')
})

t.test('"X," she said. "Y." with no new cue is one quote; a new speech verb starts another', async (t) => {
  const text = 'Jane Roe spoke first. "It is over," Roe said. "We lost." "Not yet," John Doe replied.'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => pieces(text, quote)),
    [['It is over,', 'We lost.'], ['Not yet,']],
  )
  t.same(
    quotes.map((quote) => quote.speaker?.name),
    ['Jane Roe', 'John Doe'],
  )
})

t.test('a quote continued across paragraphs is one quote', async (t) => {
  const text = 'Jane Roe continued:\n\n"The first part of a long answer goes on\n\n"and the second part ends it."'
  const [quote] = extractQuotes(text)
  t.same(pieces(text, quote), ['The first part of a long answer goes on', 'and the second part ends it.'])
  t.equal(quote?.speaker?.name, 'Jane Roe')
  t.equal(quote?.cue?.text, 'continued')
})

t.test(
  'a paragraph holding only a quotation, after a paragraph ending with a quote and its cue, goes on with it',
  async (t) => {
    const text =
      '"We have stopped the waterways, we know every route," Donald Trump explained.\n"We know their address, we ' +
      'know their front door. We know everything."'
    const quotes = extractQuotes(text)
    t.same(
      quotes.map((quote) => pieces(text, quote)),
      [
        [
          'We have stopped the waterways, we know every route,',
          'We know their address, we know their front door. We know everything.',
        ],
      ],
    )
    t.equal(quotes[0]?.speaker?.name, 'Donald Trump')
    t.equal(quotes[0]?.cue?.text, 'explained')
    t.equal(quotes[0]?.kind, 'direct')
    const continued =
      '"We have stopped the waterways, we know every route," Trump explained.\n"We know their address, we know ' +
      'their front door.\n"We know everything."\nThe end.'
    t.same(
      extractQuotes(continued).map((quote) => pieces(continued, quote)),
      [
        [
          'We have stopped the waterways, we know every route,',
          'We know their address, we know their front door.',
          'We know everything.',
        ],
      ],
      'the quotation may go on over more paragraphs',
    )
  },
)

t.test(
  'but a quotation the writer’s words follow, or after a short or distant quote, is a quote of its own',
  async (t) => {
    const followed =
      '"We know every route, and we know it well," Donald Trump explained.\n"We know their address, we know their ' +
      'front door." That was all.'
    const quotes = extractQuotes(followed)
    t.same(
      quotes.map((quote) => pieces(followed, quote)),
      [['We know every route, and we know it well,'], ['We know their address, we know their front door.']],
    )
    t.equal(quotes[1]?.speaker?.name, 'Donald Trump', 'the uncued quotation keeps the speaker before it')
    t.equal(quotes[1]?.speaker?.mention, null)
    t.equal(quotes[1]?.cue, null)
    const distant =
      '"We know every route, and we know it well," Donald Trump explained.\nHe was in Ohio.\n"We know their ' +
      'address, we know their front door."'
    t.same(
      extractQuotes(distant).map((quote) => pieces(distant, quote)),
      [['We know every route, and we know it well,'], ['We know their address, we know their front door.']],
    )
    const inside =
      '"We know every route, and we know it well," Donald Trump explained.\nIn Ohio "we know their address, we ' +
      'know their front door and everything about them."'
    const insideQuotes = extractQuotes(inside)
    t.same(
      insideQuotes.map((quote) => pieces(inside, quote)),
      [
        ['We know every route, and we know it well,'],
        ['we know their address, we know their front door and everything about them.'],
      ],
      'a paragraph opening with the writer’s words starts a quote of its own',
    )
    t.equal(insideQuotes[1]?.speaker?.name, 'Donald Trump')
  },
)

t.test('guillemets', async (t) => {
  const text = '« Nous resterons », a dit Marie Dupont. Marie Dupont said: «We will stay here until the harvest is in.»'
  const quotes = extractQuotes(text)
  t.equal(pieces(text, quotes[quotes.length - 1])[0], 'We will stay here until the harvest is in.')
  t.equal(quotes[quotes.length - 1]?.speaker?.name, 'Marie Dupont')
})

t.test('cue before the quote: colon, comma, and partial quotes inside the writer’s sentence', async (t) => {
  const text =
    'Sen. Jane Roe said: "This is wrong." She added, "Fix it." Roe says the plan "would be a calamity" for farmers.'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => quote.kind),
    ['direct', 'direct', 'partial'],
  )
  t.same(
    quotes.map((quote) => mention(text, quote)),
    ['Sen. Jane Roe', 'She', 'Roe'],
  )
  t.same(
    quotes.map((quote) => quote.speaker?.resolvedBy),
    ['name', 'pronoun', 'surname'],
  )
  t.equal(quotes[0]?.speaker?.title, 'Sen')
})

t.test('a colon after a name, and a bare "X said." before the quote', async (t) => {
  const text =
    'Claudia Sheinbaum visited. Sheinbaum: "Sovereignty is not for sale."\n\nThe deal is off, Sheinbaum said. ' +
    '"There is nothing to discuss with them."'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => mention(text, quote)),
    ['Sheinbaum', 'Sheinbaum'],
  )
  t.equal(quotes[0]?.cue?.text, ':')
  t.equal(quotes[1]?.cue?.text, 'said')
})

t.test('participles hang the quote on the subject of the sentence', async (t) => {
  const text = 'Speaking to reporters, Donald Trump answered the question by saying it would be "OK with me."'
  const [quote] = extractQuotes(text)
  t.equal(quote?.speaker?.name, 'Donald Trump')
  t.equal(quote?.cue?.text, 'answered', 'the first speech verb of the sentence is its cue')
  const [participle] = extractQuotes('At the rally, Donald Trump attacked the plan, saying, "It will fail."')
  t.equal(participle?.cue?.text, 'saying')
  t.equal(participle?.speaker?.name, 'Donald Trump')
  const [adding] = extractQuotes('The mayor left, adding that the crews would need "more hours" to finish.')
  t.equal(adding?.cue?.text, 'adding')
  t.equal(adding?.speaker?.name, 'mayor')
})

t.test('in an absolute phrase the noun phrase after "with" speaks, not the subject of the sentence', async (t) => {
  const text =
    'The harbour board rejected the dredging plan on Tuesday, with Commissioner Ilse Varga calling it "a gift to ' +
    'the gravel firms."'
  const [quote] = extractQuotes(text)
  t.equal(quote?.cue?.text, 'calling')
  t.equal(mention(text, quote), 'Commissioner Ilse Varga')
})

t.test('an -ing form right after a noun phrase has that phrase for its subject, unless it is an object', async (t) => {
  const paired =
    'Both leaders issued a joint statement after the talks – Mayor Ilse Varga saying she was “very encouraged” and ' +
    'Governor Tobias Renn calling the meeting “a fresh start.”'
  t.same(speak(paired), ['Ilse Varga', 'Tobias Renn'])
  // The statement is the governor's: he speaks through what he released.
  const released = 'Governor Tobias Renn released a statement saying the ruling was “a fresh start” for the port.'
  t.same(speak(released), ['Tobias Renn'])
})

t.test('the main clause speaks, not a verb inside a relative clause', async (t) => {
  const text = 'Wilma Stroud says she admired the patience shown in what she calls a "season of quarrels."'
  const [quote] = extractQuotes(text)
  t.equal(quote?.cue?.text, 'says')
  t.equal(mention(text, quote), 'Wilma Stroud')
})

t.test('a speech verb right before the comma or colon opening a quote reports it, not the first one', async (t) => {
  const joined = 'At the market, a vendor asked for a photo and Ottoline Brask said, “Only if the stall is in it.”'
  const [quote] = extractQuotes(joined)
  t.equal(quote?.cue?.text, 'said')
  t.equal(mention(joined, quote), 'Ottoline Brask')
  const asked =
    'Asked about the critics who claim the ferry is too slow, Tobias Renn replied: “They have not ridden it.”'
  t.equal(mention(asked, extractQuotes(asked)[0]), 'Tobias Renn')
  // A participle hangs on a clause: here the main one, not the verb right before it.
  const participle =
    'Lena Ferro, the mayor’s pollster, said in an interview she did not believe Mr. Brask would succeed in changing ' +
    'minds, saying, “Perceptions are baked in.”'
  t.equal(mention(participle, extractQuotes(participle)[0]), 'Lena Ferro')
})

t.test('a phrasal speech verb reports the quote, its particle part of the cue', async (t) => {
  const cases: [string, string][] = [
    [
      'After Odile Marsh criticized the budget during a debate, Cato Lind shot back, “We kept the pools open.”',
      'shot back',
    ],
    ['Odile Marsh criticized the budget, and Cato Lind fired back: “We kept the pools open.”', 'fired back'],
    ['Odile Marsh criticized the budget. “We kept the pools open,” Cato Lind pushed back.', 'pushed back'],
    ['Odile Marsh criticized the budget. “We kept the pools open,” shot back Cato Lind, the treasurer.', 'shot back'],
    ['Odile Marsh criticized the budget. “We kept the pools open”, shot back Cato Lind.', 'shot back'],
    ['Odile Marsh criticized the budget. “Who kept the pools open?” shot back Cato Lind.', 'shot back'],
    ['Odile Marsh spoke first. Cato Lind went on. “The pools stay open.”', 'went on'],
    ['Odile Marsh criticized the budget. “We kept the pools open,” Cato Lind went on', 'went on'],
    ['Odile Marsh criticized the budget. “We kept the pools open,” Cato Lind went on\n\nShe left.', 'went on'],
  ]
  for (const [text, cue] of cases) {
    const [quote] = extractQuotes(text)
    t.equal(mention(text, quote), 'Cato Lind', text)
    t.equal(quote?.cue?.text, cue, text)
  }
})

t.test('a phrasal verb that does not close its phrase before a quotation or a stop reports nothing', async (t) => {
  const cues: [string, string][] = [
    ['Cato Lind went on television after Odile Marsh told reporters “the pools are a treasure.”', 'told'],
    ['Odile Marsh asked what was going on. “The pools stay open,” the treasurer said.', 'said'],
    ['The hearing went on, with Cato Lind calling the plan “a disaster.”', 'calling'],
    ['Cato Lind pointed out that Odile Marsh called the plan “a disaster.”', 'called'],
    ['Her call out, “Shame on you,” came as Odile Marsh stood.', ''],
  ]
  for (const [text, cue] of cues) t.equal(extractQuotes(text)[0]?.cue?.text ?? '', cue, text)
  // Things go on and get pushed back too: only someone who can speak went on speaking.
  const things = [
    'Odile Marsh spoke for an hour. The meeting went on. “Nobody listened.”',
    'Cato Lind sat quietly. The vote was pushed back. “It was unfair.”',
    'Cato Lind sat quietly. Odile Marsh was called out. “It was unfair.”',
  ]
  for (const text of things) t.notOk(extractQuotes(text)[0]?.cue, text)
  // Someone a word for people names does go on speaking.
  const neighbor = 'Odile Marsh left early. The neighbor went on. “Nobody fixed the pumps.”'
  t.equal(extractQuotes(neighbor)[0]?.cue?.text, 'went on', neighbor)
  // A slogan's quotation marks mostly end in no comma; where they do, what follows the phrase must be someone who
  // closes the clause.
  for (const slogan of [
    'A sign reading “Save the Pools” went on Odile Marsh’s lawn.',
    'A sign reading “Save the Pools!” went on Odile Marsh’s lawn.',
    'A banner reading “Shame!” went on the fence near Cato Lind’s house.',
  ])
    t.not(extractQuotes(slogan)[0]?.cue?.text, 'went on', slogan)
  // In a clause that hangs on another the phrase tells when, not who spoke; a thing goes on without speaking.
  for (const joined of [
    '“We lost the vote,” Odile Marsh said as the debate went on, “and we will lose the next one.”',
    '“We lost the vote,” Odile Marsh said as Cato Lind went on, “and we will lose the next one.”',
    '“We lost the vote,” Odile Marsh said while Cato Lind went on, “and we will lose the next one.”',
  ]) {
    t.equal(extractQuotes(joined).length, 1, joined)
    t.equal(extractQuotes(joined)[0]?.cue?.text, 'said', joined)
  }
  for (const text of [
    'As the trial went on, “nobody believed him.”',
    'Odile Marsh left early. The list goes on. “Nobody fixed the pumps.”',
    'Odile Marsh left early. It went on. “Nobody fixed the pumps.”',
    'The hearing went on, “for hours and hours,” in the words of Odile Marsh.',
    'The alarm went on: “Evacuate the building now.”',
    'Lights Went On: “A New Era for the Harbor”',
  ])
    t.notOk(extractQuotes(text)[0]?.cue?.text.match(/ (on|On)$/), text)
})

t.test('a speech verb before the opening mark in a clause that hangs on another does not take the quote', async (t) => {
  const cases = [
    'Marta Quill told Dorian Vesk, who had asked, “Not today.”',
    'Marta Quill said, as Dorian Vesk had warned, “the pier is sinking.”',
    'Marta Quill said that if the landlord complains, “we will take him to court.”',
    'Marta Quill said that Dorian Vesk had said, “It is over.”',
    'Marta Quill said Dorian Vesk, when asked, “refused to answer.”',
    'Marta Quill asked the mayor, who had refused to comment, “Why the silence?”',
    'Marta Quill says that new arrivals are told: “Keep your receipts.”',
    'Marta Quill says the tenants were repeatedly told: “Keep your receipts.”',
  ]
  for (const text of cases) {
    const [quote] = extractQuotes(text)
    t.equal(mention(text, quote), 'Marta Quill', text)
    t.not(
      quote?.cue?.span[0],
      text.lastIndexOf(' ', text.indexOf('“') - 2) + 1,
      `${text}: not the verb before the mark`,
    )
  }
})

t.test('a group a quantifier or "those" heads, and the words after it pick out, is who spoke', async (t) => {
  const cases: [string, string][] = [
    ['While those surveyed said Governor Dana Holt had the “best record,” most preferred her rival.', 'those surveyed'],
    ['Many who attended said the ferry plan was “a disaster.”', 'Many who attended'],
    ['About four in 10 said the council was “out of touch.”', 'four in 10'],
  ]
  for (const [text, group] of cases) t.equal(mention(text, extractQuotes(text)[0]), group, text)
  // Picked out by nothing, a quantifier before another word is not a group that speaks.
  const plain = 'Tobias Renn met some at the pier and said: “The ferry will run.”'
  t.equal(mention(plain, extractQuotes(plain)[0]), 'Tobias Renn')
  // A group inside the subject's own clause, or a count and a year, is not the subject.
  const inside: [string, string][] = [
    ['The mayor who thanked all who helped said the cleanup was “remarkable.”', 'The mayor'],
    ['A volunteer whom many who attended recognized said the cleanup was “remarkable.”', 'A volunteer'],
    ['The harbor board, which ferried 30 in 2019, said the route was “no longer viable.”', 'The harbor board'],
  ]
  for (const [text, speaker] of inside) t.equal(mention(text, extractQuotes(text)[0]), speaker, text)
})

t.test('a speech verb in a clause set off before or inside the main one does not report the quote', async (t) => {
  const fronted =
    'When the inspectors toured the mill and said the floors were safe, a night watchman shouted "Look at the roof!"'
  t.equal(mention(fronted, extractQuotes(fronted)[0]), 'a night watchman')
  const relative =
    'Ottoline Brask, who told the council in March that the budget was sound, said on Friday: "We were wrong about ' +
    'the ferry contract."'
  t.equal(mention(relative, extractQuotes(relative)[0]), 'Ottoline Brask')
  t.equal(extractQuotes(relative)[0]?.cue?.text, 'said')
  // With no speech verb in the main clause, the fronted clause's verb is the cue after all.
  const only = 'As Ottoline Brask told the council, the ferry contract was "a costly mistake for the whole valley."'
  t.equal(mention(only, extractQuotes(only)[0]), 'Ottoline Brask')
  const open = 'Although Ottoline Brask told the council she was sorry the ferry contract was "a costly mistake."'
  t.equal(mention(open, extractQuotes(open)[0]), 'Ottoline Brask')
  const own = 'Ottoline Brask, who told the council the contract was "a costly mistake for the whole valley."'
  t.equal(mention(own, extractQuotes(own)[0]), 'who', 'a relative clause that reaches the quote reports it')
})

t.test('a paragraph ending in a colon names the speaker of the quotation that fills the next one', async (t) => {
  const text =
    'Marguerite Olsson chairs the harbour trust. She went on to say:\n\n“We will rebuild the pier before the ' +
    'autumn storms.”\n\nThe trust meets again in May.'
  const [quote] = extractQuotes(text)
  t.equal(quote?.speaker?.name, 'Marguerite Olsson')
  t.equal(mention(text, quote), 'She')
})

t.test('pronoun resolution prefers a person of the right gender', async (t) => {
  const text =
    'Mayor Jane Roe met Governor John Doe. Doe said he was pleased. Roe said her city was ready.\n\n"We are ' +
    'ready," she said.\n\n"So are we," he said.'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => quote.speaker?.name),
    ['Jane Roe', 'John Doe'],
  )
  t.same(
    quotes.map((quote) => quote.speaker?.resolvedBy),
    ['pronoun', 'pronoun'],
  )
})

t.test('Mr. and Ms. tell the gender; a place is never a he or a she', async (t) => {
  const text = 'Ms. Ann Lee flew to Mexico. "It was a good trip," she said.'
  t.equal(extractQuotes(text)[0]?.speaker?.name, 'Ann Lee')
})

t.test('a pronoun with nobody to stand for keeps the words the article used', async (t) => {
  const text = '"Nothing to add," he said.'
  t.match(extractQuotes(text)[0]?.speaker, { name: 'he', resolvedBy: 'pronoun', mention: [18, 20] })
})

t.test('roles resolve to the person holding them', async (t) => {
  const text = 'Mexican President Claudia Sheinbaum spoke on Saturday. "No," the president said.'
  t.match(extractQuotes(text)[0]?.speaker, { name: 'Claudia Sheinbaum', resolvedBy: 'role' })
  const unnamed = 'Crowds gathered. "Stay calm," the mayor said.'
  t.match(extractQuotes(unnamed)[0]?.speaker, { name: 'mayor', kind: 'person', resolvedBy: 'role' })
})

t.test('a pronoun stands for the subject of the main clause before it, not of a clause inside it', async (t) => {
  const text =
    'Inspector Paul Marsh reviewed the case for a year. Mr. Marsh could not rule out that Mr. Tully had ' +
    'delayed the review on purpose. “We did not have confidence that the decision was free from bias,” he wrote.'
  t.match(extractQuotes(text)[0]?.speaker, { name: 'Paul Marsh', resolvedBy: 'pronoun' })
})

t.test('a subject after a coordinator opening its sentence opens it, for the pronoun after', async (t) => {
  const text =
    'In his talk at the harbour, Tom Quill said that ferries are “safe” because of “the skill of the pilots.”\n\n' +
    'And Paul Vale defended the ferries in an interview last October.\n\n' +
    '“There are times when you have to make a call and it is not a good one,” he said.'
  t.match(extractQuotes(text).at(-1)?.speaker, { name: 'Paul Vale', resolvedBy: 'pronoun' })
})

t.test('a name after a title and the title’s modifiers opens its sentence, for the pronoun after', async (t) => {
  const story = (sentence: string): string =>
    'Mr. Pell walked out of the meeting without a word. ' +
    `${sentence} He told listeners that “there are storm clouds rolling in.”`
  for (const title of [
    'Senior campaign adviser',
    'The campaign adviser',
    'Harbor Council press aide',
    'Former mayor and businessman',
    'Radio caller',
    'Democratic Sen.',
    'Two-term mayor',
    'Harbor Council’s press aide',
    'Former mayor and city council member',
  ]) {
    t.match(
      extractQuotes(story(`${title} Ed Tolland took to the radio on Sunday to defend his boss.`))[0]?.speaker,
      { name: 'Ed Tolland', resolvedBy: 'pronoun' },
      title,
    )
  }
  // Not a byline, a name opening a relative clause, a name after a plural ("Voters love …", where the tagger reads
  // "love" as a noun).
  for (const sentence of [
    'KVRT’s Ed Tolland reports.',
    'Harbor station’s Ed Tolland reports.',
    'The claims Ed Tolland made on the radio were shared widely.',
    'The claim Ed Tolland made on the radio was shared widely.',
    'Voters love mayor Ed Tolland.',
    'Democratic senators but Sen. Ed Tolland voted for the plan.',
  ]) {
    t.match(extractQuotes(story(sentence))[0]?.speaker, { name: 'Pell', resolvedBy: 'pronoun' }, sentence)
  }
  // A dash sets a description apart from the name before it: the description does not open the sentence.
  const aside =
    'Attorney Jo Pell said on Sunday that she represents the ferry’s owner. “We will appeal,” Pell said in a ' +
    'statement. “The ruling ignores the safety record.”\n\n' +
    'The ruling came as more towns reviewed their ferries. In the city, Mayor Ed Tolland is also facing questions.\n\n' +
    'Mara Lind — the lawyer who told the council in 2001 that the ferry was unsafe — also spoke on the radio.\n\n' +
    '“I can’t say I was surprised,” she said.'
  t.match(extractQuotes(aside).at(-1)?.speaker, { name: 'Mara Lind', resolvedBy: 'pronoun' })
  // Names after a plural are no title of each other: "Researchers" ends the phrase, "and" or not.
  const pair =
    'Researchers Ed Tolland and Tom Quill both think the plan could work. For his part, Tolland thinks the port ' +
    'matters more. “It is the heart of the town,” he said.'
  t.match(extractQuotes(pair)[0]?.speaker, { name: 'Tolland', resolvedBy: 'pronoun' })
})

t.test('a town the writer places in its state or country is no person, for the pronoun after', async (t) => {
  for (const region of ['Texas', 'Ala.', 'New Mexico']) {
    const text =
      `Lind apologized on Monday for the post, as Mr. Pell flew to Port Tarrow, ${region}, for a rally. ` +
      '“That is why I apologize,” she said.'
    t.match(extractQuotes(text)[0]?.speaker, { name: 'she', named: false }, region)
  }
  // A person with a title, or one after the region; a person's run that ends with the town; a reader signing with a
  // state.
  for (const [text, name] of [
    ['Tarrow Quillon, Texas governor, said “we will win.”', 'Tarrow Quillon'],
    ['Mayor Tarrow Quillon, Ohio, said “we will win.”', 'Tarrow Quillon'],
    ['Mr. Tarrow Quillon, Ohio, said “we will win.”', 'Tarrow Quillon'],
    ['Tarrow Quillon of Port Harbor, Calif.:\n\n“I liked your analysis of the race.”', 'Tarrow Quillon'],
    ['Jo Lind, Ohio:\n\n“I liked your analysis of the race.”', 'Jo Lind'],
  ] as const) {
    t.match(extractQuotes(text)[0]?.speaker, { name, kind: 'person', named: true }, text)
  }
})

t.test('a description standing for a named person is an antecedent; the name owning it is not', async (t) => {
  const text =
    'Mr. Ross, a lawyer for Mr. Tully, spoke to reporters on Monday. Mr. Tully’s lawyer, meanwhile, ' +
    'criticised the bureau for its decision. He added, “Nothing in the record supports the dismissal.”'
  t.match(extractQuotes(text)[0]?.speaker, { name: 'Ross', resolvedBy: 'pronoun' })
})

t.test('a first name’s usual gender favours the person a pronoun agrees with', async (t) => {
  const text = 'Senator Gale thanked Nancy Ross for her work on Monday. “The rules were followed,” she said.'
  t.match(extractQuotes(text)[0]?.speaker, { name: 'Nancy Ross', resolvedBy: 'pronoun' })
})

t.test('a subject pronoun is nobody its own clause names after it', async (t) => {
  const text =
    'Mr. Lane wrote on the council website that the former mayor had lied. This drew an angry reply from ' +
    'Mr. Orrin, as he called on Mr. Lane to retract it and “stop inventing.”'
  t.match(extractQuotes(text)[0]?.speaker, { name: 'Orrin', resolvedBy: 'pronoun' })
  // Past a comma or the quote itself, writers name the same person again.
  const later =
    'Mr. Lane spoke in the garden on Friday. “We talked about it today,” he told reporters, referring to a ' +
    'meeting with Mr. Fox which Mr. Lane had called.'
  t.match(extractQuotes(later)[0]?.speaker, { name: 'Lane', resolvedBy: 'pronoun' })
})

t.test('reported speech makes its subject the one talking, for the pronouns that follow', async (t) => {
  // Jane Hill was quoted and is named again close by, but Nancy Ross is the one last reported as saying something.
  const text =
    'Sen. Jane Hill said on Monday that the plan was “a disaster.” Asked about her remark — the senator had ' +
    'repeated it at a rally — Nancy Ross said the plan was sound. “The plan will pass,” she told reporters.'
  t.match(extractQuotes(text)[1]?.speaker, { name: 'Nancy Ross', resolvedBy: 'pronoun' })
})

t.test(
  'a pronoun after a quotation stands for its speaker, not for someone named more prominently before',
  async (t) => {
    const after =
      'Tom Brell said the governor should resign. “I will not resign,” Harold Penwick said. “I am well,” he said.'
    t.match(extractQuotes(after)[1]?.speaker, { name: 'Harold Penwick', resolvedBy: 'pronoun' })
    const inverted =
      'Tom Brell said the governor should resign. “I will not resign,” said Mr. Penwick, who spoke first.\n\n' +
      '“I am well,” he said.'
    t.match(extractQuotes(inverted)[1]?.speaker, { name: 'Penwick', resolvedBy: 'pronoun' })
    // Someone else the pronoun could mean, named since, is not passed over for the speaker.
    const since =
      '“I will not resign,” Harold Penwick said. Tom Brell read the ruling to the council. “It is final,” he said.'
    t.match(extractQuotes(since)[1]?.speaker, { name: 'Tom Brell', resolvedBy: 'pronoun' })
  },
)

t.test('“according to” makes its source the one talking, for the pronouns that follow', async (t) => {
  const text =
    '“The rules are unclear,” Glen Cole said on Monday. According to David Burris, a law professor, the limits ' +
    'depend on need. “Courts are generally reluctant to interfere,” he said.'
  t.match(extractQuotes(text)[1]?.speaker, { name: 'David Burris', resolvedBy: 'pronoun' })
})

t.test('a role set before a name by a comma is that name, "of" phrase and all', async (t) => {
  const text =
    'Gov. Ilse Marsh spoke on Monday. “The harbour bill waits until spring,” said the Labour leader of the ' +
    'Assembly, Tomas Brell.'
  t.match(extractQuotes(text)[0]?.speaker, { name: 'Tomas Brell', resolvedBy: 'role' })
})

t.test('after a preposition a word of saying is a noun: “referring to comments in which …”', async (t) => {
  const text =
    'Mr. Lane spoke on Monday. He was referring to comments from 1993 in which Mr. Reid said that “no sane ' +
    'country” would do it.'
  t.match(extractQuotes(text)[0], { cue: { text: 'said' }, speaker: { name: 'Reid' } })
  // An -ing form and an infinitive's base form are verbs there.
  t.match(extractQuotes('Jane Roe closed the meeting by saying “we are done.”')[0], {
    cue: { text: 'saying' },
    speaker: { name: 'Jane Roe' },
  })
})

t.test('a description of a body stands for the body named before it, or named in it', async (t) => {
  const speakers = [
    'The National Union of Miners met on Monday. “We strike tomorrow,” the union said.',
    'The Coastal Democratic Council met. “Voters know better,” a statement from the Democratic council said.',
    'The Coastal Democratic Council met. “Voters know better,” the Republican council said.',
    '“Voters know better,” a statement from the Coastal Democratic Council said.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.match(speakers, [
    { name: 'National Union of Miners', resolvedBy: 'organisation' },
    { name: 'Coastal Democratic Council', resolvedBy: 'organisation' },
    { name: 'Republican council', resolvedBy: 'organisation' },
    { name: 'Coastal Democratic Council', resolvedBy: 'organisation' },
  ])
})

t.test('a document “from” a described issuer is that issuer’s, whoever issued a document before', async (t) => {
  const text =
    'The Northern Fishers Union met on Friday. A letter from Mayor Jane Roe asked for calm.\n\n' +
    '“The quota is unfair,” a letter from the fishing union read. “The mayor must listen.”'
  const speaker = extractQuotes(text)[0]?.speaker
  t.equal(speaker?.name, 'Northern Fishers Union')
  t.equal(speaker?.resolvedBy, 'organisation')
  // Only someone who can issue one: otherwise the document is what it was before.
  t.equal(extractQuotes('“We are done,” said a letter from the past.')[0]?.speaker?.name, 'letter')
  t.equal(extractQuotes('“We are done,” said the statement by the end of the day.')[0]?.speaker?.name, 'statement')
  // At the very end of a text, without a full stop.
  t.equal(extractQuotes('“We are done,” said a statement from the county board')[0]?.speaker?.name, 'county board')
  // Without a “from”, the document is still the earlier issuer’s.
  const earlier = 'A statement from Mayor Jane Roe came on Monday. “Voters know better,” the statement said.'
  t.equal(extractQuotes(earlier)[0]?.speaker?.name, 'Jane Roe')
})

t.test('a body’s noun followed by “of …” or “on …” names the body, unless a person’s title follows', async (t) => {
  const speakers = [
    '“Prices will rise,” the National Federation of Independent Grocers said.',
    '“The border is secure,” said the Department of Coastal Security.',
    '“No comment,” said Department of Coastal Security Secretary Jane Roe.',
    '“We will appeal,” said Secretary of State Mary Jones.',
    '“Tariffs hurt farmers,” the Council on Coastal Trade said.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.match(speakers, [
    { name: 'National Federation of Independent Grocers', kind: 'organisation' },
    { name: 'Department of Coastal Security', kind: 'organisation' },
    { name: 'Jane Roe', kind: 'person' },
    { name: 'Mary Jones', kind: 'person' },
    { name: 'Council on Coastal Trade', kind: 'organisation' },
  ])
})

t.test('a name after an office’s “of” phrase keeps its middle initial and middle name', async (t) => {
  const speakers = [
    '“We will appeal,” said Secretary of State Harold T. Penwick.',
    '“We will appeal,” said Director of Coastal Security Jane Quill Roe.',
    '“We will appeal,” said Minister of Fisheries Odile Marchetti.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.match(speakers, [
    { name: 'Harold T. Penwick', title: 'Secretary of State' },
    { name: 'Jane Quill Roe', title: 'Director of Coastal Security' },
    { name: 'Odile Marchetti', title: 'Minister of Fisheries' },
  ])
})

t.test('an office whose name holds an "and" is one name; people and bodies listed stay a list', async (t) => {
  const speakers = [
    '“We will keep building,” Secretary of Fisheries and Coastal Trade Ada Lorne said.',
    '“We will keep building,” said Secretary of Fisheries and Coastal Trade Ada Lorne.',
    '“We will not back down on this,” Jane Roe and Tomas Brell said.',
    '“We will merge,” Bank of Riverton and Quill Council said.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.same(
    speakers.map((speaker) => [speaker?.name, speaker?.kind]),
    [
      ['Ada Lorne', 'person'],
      ['Ada Lorne', 'person'],
      ['Tomas Brell', 'person'],
      ['Quill Council', 'organisation'],
    ],
  )
})

t.test('an office whose name goes on through "in" is a title: “Commander in Chief”, “Agent in Charge”', async (t) => {
  const speakers = [
    '“We will hold the line,” Commander in Chief Ada Lorne told the troops.',
    'Special Agent in Charge Tomas Brell said the search went on. “It is early,” Brell said.',
    '“It is early,” said Editor in Chief Marta Venn.',
    // No role's word before the "in", or no name after the office's word: a place stays out of it.
    'Dana Pell in Harbor City Hall said: “It is early.”',
    '“We will rebuild,” said the Mayor in Harbor City.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.same(
    speakers.map((speaker) => [speaker?.name, speaker?.title]),
    [
      ['Ada Lorne', 'Commander in Chief'],
      ['Tomas Brell', 'Special Agent in Charge'],
      ['Marta Venn', 'Editor in Chief'],
      ['Dana Pell', null],
      ['Mayor', null],
    ],
  )
})

t.test('an "and" inside a body\'s name is part of it: “the Tides and Harbor Administration”', async (t) => {
  const speakers = [
    'The Tides and Harbor Administration said the pier was “safe.”',
    'The Department of Tides and Coastal Works said the pier was “safe.”',
    'The Department of Tides and Coastal Services said the pier was “safe.”',
    '“We will look,” said Tides and Harbor Services Secretary Ada Lorne.',
    // The words before the "and" name something by themselves: printed alone elsewhere, a body, an acronym, a person.
    '“It is done,” said Tides. “It is late,” said Tides and Quill News.',
    'The Tides Council and Quill Commission said it was “late.”',
    'The HPD and Quill Commission said it was “late.”',
    'Mark Vale and Harbor Group said in a joint statement that the pier was “safe.”',
    'The Tides Treasurer and Quill Department said the pier was “safe.”',
    // A body, an acronym or a role opens the words after it; no body's noun on either side.
    'The Harbor Bureau of Tides and Department of Works said the pier was “safe.”',
    'The Harbor Institute of Tides and HPD said the pier was “safe.”',
    'The Harbor Institute of Tides and Attorney General Ada Lorne said the pier was “safe.”',
    '“The deal is done,” Vellmark and Quillton Partners said.',
    // A place, a role's or a party's plural, the end of a list, a possessive.
    '“It is late,” Ohio and Harbor Council said.',
    '“It is late,” Senators and Quill Institute said.',
    '“It is late,” Republicans and Quill National Committee said.',
    'On Monday, Harbor Group, Quill Partners and Tides Foundation said it was “late.”',
    '“It is late,” Roe and Pell’s Quill Foundation said.',
  ].map((text) => {
    const quotes = extractQuotes(text)
    return quotes[quotes.length - 1]?.speaker
  })
  t.same(
    speakers.map((speaker) => [speaker?.name, speaker?.title]),
    [
      ['Tides and Harbor Administration', null],
      ['Department of Tides and Coastal Works', null],
      ['Department of Tides and Coastal Services', null],
      ['Ada Lorne', 'Tides and Harbor Services Secretary'],
      ['Tides', null],
      ['Quill Commission', null],
      ['Quill Commission', null],
      ['Harbor Group', null],
      ['Quill Department', null],
      ['Department of Works', null],
      ['HPD', null],
      ['Ada Lorne', 'Attorney General'],
      ['Quillton Partners', null],
      ['Harbor Council', null],
      ['Quill Institute', null],
      ['Quill National Committee', null],
      ['Tides Foundation', null],
      ['Quill Foundation', null],
    ],
  )
})

t.test('an office whose name goes on through "of the" is a title: “Speaker of the House”', async (t) => {
  const speakers = [
    '“We will hold the line,” said Speaker of the House Ada Lorne.',
    'Secretary of the Navy Rep. Tomas Brell (R-OH) said the fleet was “ready.”',
    // Without a name after the body the office's word stands alone.
    'The Speaker of the House said the bill was “dead.”',
    // A person's name before "of the" keeps the body out of it; a body with no name after it is not a title.
    '“It is dead,” said Dana Pell of the Harbor Policy Institute.',
    '“We will fight,” said the Chief of the Harbor Police Department.',
    '“We will fight,” said Chief of the Harbor Police Department Ilse Varga.',
    '“We will rebuild,” said the Governor of the Harbor Islands.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.same(
    speakers.map((speaker) => [speaker?.name, speaker?.title]),
    [
      ['Ada Lorne', 'Speaker of the House'],
      ['Tomas Brell', 'Secretary of the Navy Rep'],
      ['Speaker', null],
      ['Dana Pell', null],
      ['Chief', null],
      ['Ilse Varga', 'Chief of the Harbor Police Department'],
      ['Governor', null],
    ],
  )
})

t.test(
  'a surname after an honorific is the bearer of its gender, and "Lady Roe" the First Lady Jane Roe named before',
  async (t) => {
    const opening = 'First Lady Jane Roe and her husband, Gov. John Roe, visited the plant on Monday. '
    const speakers = ['Mrs. Roe', 'Lady Roe', 'Mr. Roe'].map((mention) => {
      const [quote] = extractQuotes(`${opening}“We are proud of the workers here,” ${mention} said.`)
      return quote?.speaker?.name
    })
    t.same(speakers, ['Jane Roe', 'Jane Roe', 'John Roe'])
  },
)

t.test('a surname alone is the first of its bearers the article introduces, not the nearest', async (t) => {
  const opening =
    'Gov. Ed Tolland toured the port on Monday. His daughter, Mara Tolland, who runs the harbor trust, joined him.'
  const cases: Array<[string, string]> = [
    [`${opening}\n\n“We will rebuild the pier,” Tolland said.`, 'Ed Tolland'],
    [`${opening}\n\n“We will rebuild the pier,” Gov. Tolland said.`, 'Ed Tolland'],
    // A given name, a fuller name or an honorific still sets the second bearer apart.
    [`${opening}\n\n“We will rebuild the pier,” Mara said.`, 'Mara Tolland'],
    [`${opening}\n\n“We will rebuild the pier,” Mara Tolland said.`, 'Mara Tolland'],
    [`${opening}\n\n“We will rebuild the pier,” Ms. Tolland said.`, 'Mara Tolland'],
  ]
  for (const [text, expected] of cases) t.equal(extractQuotes(text)[0]?.speaker?.name, expected, text)
})

t.test(
  'a description after a comma that a name follows is one more of a list, not the name before the comma',
  async (t) => {
    const speakerOf = (text: string) => extractQuotes(text)[0]?.speaker?.name
    const list = 'Ed Tolland, wife Mara and Sen. Jo Pell toured the port on Monday.\n\n'
    t.not(speakerOf(`${list}“It went well,” the wife said.`), 'Ed Tolland', 'a list, not an apposition')
    t.not(speakerOf(`${list}“It went well,” she said.`), 'Ed Tolland', 'nor does it give him its gender')
    const apposition =
      'Ed Tolland, a spokesman for the port, toured it on Monday.\n\n“It went well,” the spokesman said.'
    t.equal(speakerOf(apposition), 'Ed Tolland', 'a description no name follows is an apposition')
    const clause = 'Mara Lind, a former aide Tolland fired in 2021, spoke on Monday.\n\n“He lied,” the aide said.'
    t.equal(speakerOf(clause), 'Mara Lind', 'nor one with a determiner, whose name opens a clause of its own')
  },
)

t.test('a fuller name names the surname alone given before unless its given name is of the other gender', async (t) => {
  const after = (opening: string) =>
    extractQuotes(`${opening}\n\n“We will rebuild the pier,” Tolland said.`)[0]?.speaker
  t.equal(after('Mr. Tolland toured the port. Later Ed Tolland spoke to the crew.')?.name, 'Ed Tolland')
  t.equal(after('Mr. Tolland toured the port. His daughter, Mara Tolland, joined him.')?.name, 'Tolland')
  t.equal(after('Ms. Tolland toured the port. Her husband, Ed Tolland, joined her.')?.name, 'Tolland')
  // A name whose gender the article has not shown yet still takes the fuller name.
  t.equal(after('Tolland toured the port. Later Mara Tolland spoke to the crew.')?.name, 'Mara Tolland')
  // Nor does a fuller name the article gives a relative, next to it in its sentence, of the one before.
  t.equal(after('Gov. Tolland toured the port. His daughter, Mara Tolland, joined him.')?.name, 'Tolland')
  t.equal(after('Gov. Tolland toured the port with daughter Mara Tolland.')?.name, 'Tolland')
  t.equal(after('Gov. Tolland toured the port. Ed Tolland, his younger brother, joined him.')?.name, 'Tolland')
  t.equal(after('Gov. Tolland bought the port from his great-grandfather Ed Tolland.')?.name, 'Tolland')
  // Not a relation in the line before, nor one further on than a short phrase set off by a comma.
  t.equal(after('Tolland toured the port with his brother\n\nEd Tolland spoke to the crew.')?.name, 'Ed Tolland')
  t.equal(after('Tolland toured the port. Ed Tolland, mayor. His brother was there.')?.name, 'Ed Tolland')
  t.equal(after('Tolland toured the port. Ed Tolland, the head of the firm his son runs, spoke.')?.name, 'Ed Tolland')
  // A relation that makes the name someone's relative, not one who has relatives.
  const now = 'Tolland was 12 when the pier first burned. Now Mara Tolland'
  t.equal(after(`${now}, a mother of two, runs the trust.`)?.name, 'Mara Tolland')
  t.equal(after(`${now}, whose son runs the bait shop, runs the trust.`)?.name, 'Mara Tolland')
  t.equal(after(`${now}, the daughter of a fisherman, runs the trust.`)?.name, 'Mara Tolland')
  t.equal(after(`${now}, a proud grandmother, runs the trust.`)?.name, 'Mara Tolland')
  t.equal(after(`${now}, the daughter of the governor, runs the trust.`)?.name, 'Tolland')
  // A surname's particle is no given name: "Van Dorn" is Mara Van Dorn's.
  const particle = extractQuotes('Mara Van Dorn hosted the show.\n\n“We will go on,” Van Dorn said.')[0]?.speaker
  t.equal(particle?.name, 'Mara Van Dorn')
})

t.test('after an honorific, a surname is the first of its bearers known to be of that gender', async (t) => {
  const said = (opening: string, honorific: string) =>
    extractQuotes(`${opening}\n\n“We will rebuild the pier,” ${honorific} Tolland said.`)[0]?.speaker?.name
  const family = 'Gov. Tolland toured the port. His daughter, Mara Tolland, joined him.'
  t.equal(said(family, 'Ms.'), 'Mara Tolland')
  t.equal(said(family, 'Gov.'), 'Tolland')
  t.equal(said('Mr. Tolland toured the port with his wife, Mara Tolland.', 'Mrs.'), 'Mara Tolland')
  t.equal(said('Gov. Tolland toured the port.', 'Ms.'), 'Tolland', 'with no other bearer, the one named')
})

t.test('a hyphenated title and an honorific before a given name are no part of the name', async (t) => {
  const speakers = [
    '“I disagree,” Vice-President Dale Orwin said.',
    '“It is time,” Rep.-elect Sam Tolley said.',
    '“Not now,” said Sen.-designate Tom Brack.',
    '“We will look into it,” First Lady Marta Venn said.',
    '“The search goes on,” said Sir Ronald Pesce.',
    // Before a surname alone the honorific is what the person goes by, even a surname that is also a given name,
    // and after a given name it is a name's word; a newspaper's hyphenated name is no title.
    '“The search goes on,” said Lady Pesce.',
    '“The search goes on,” said Lord Warren.',
    '“The search goes on,” said Marta Lord Venn.',
    '“The search goes on,” the Riverton Post-Ledger reported.',
  ].map((text) => extractQuotes(text)[0]?.speaker?.name)
  t.same(speakers, [
    'Dale Orwin',
    'Sam Tolley',
    'Tom Brack',
    'Marta Venn',
    'Ronald Pesce',
    'Lady Pesce',
    'Lord Warren',
    'Marta Lord Venn',
    'Riverton Post-Ledger',
  ])
})

t.test('a title, a name, then where the person is from, works or speaks: the name stops there', async (t) => {
  const speakers = [
    '“We will vote,” said Sen. Jane P. Roe of Ohio.',
    '“We will vote,” said Harbour Speaker Odile Marchetti of Riverton.',
    '“We will vote,” said Chief Executive Tomas Brell of Quill Partners.',
    '“We will vote,” said Professor Ilse Marsh at Riverton College.',
    '“We will vote,” said Secretary of State Harold T. Penwick of Ohio.',
    // a place of two words, the last or both of them also given names
    '“We will vote,” said Rep. Jane P. Roe of Port Carolina.',
    '“We will vote,” said Sen. Jane P. Roe of West Virginia.',
    // "on" where the person spoke, "for" what they stand for
    '“We will vote,” said Senator Odile Marchetti on KVRT’s morning show.',
    '“We will vote,” said Councillor Tomas Brell for Riverton.',
    // a body's noun or a title word goes on through "on" and "for"
    '“We will vote,” said Senate Committee on Fisheries Chair Marchetti.',
    '“We will vote,” said Deputy Secretary for Fisheries Marchetti.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.same(
    speakers.map((speaker) => [speaker?.name, speaker?.title]),
    [
      ['Jane P. Roe', 'Sen'],
      ['Odile Marchetti', 'Harbour Speaker'],
      ['Tomas Brell', 'Chief Executive'],
      ['Ilse Marsh', 'Professor'],
      ['Harold T. Penwick', 'Secretary of State'],
      ['Jane P. Roe', 'Rep'],
      ['Jane P. Roe', 'Sen'],
      ['Odile Marchetti', 'Senator'],
      ['Tomas Brell', 'Councillor'],
      ['Marchetti', 'Senate Committee on Fisheries Chair'],
      ['Marchetti', 'Deputy Secretary for Fisheries'],
    ],
  )
  // An "of" right after a title word goes on with the office or the body, and so does one a given name follows.
  const office = extractQuotes('“We will vote,” said Director of Coastal Security Jane Quill Roe.')[0]?.speaker
  t.same([office?.name, office?.title], ['Jane Quill Roe', 'Director of Coastal Security'])
  const emeritus = extractQuotes('“We will vote,” said Professor Emeritus of History Jane Roe.')[0]?.speaker
  t.ok(emeritus?.name.endsWith('Jane Roe'), 'the cut never leaves the office’s words as the name')
})

t.test('a given name alone is the one person the article named with it', async (t) => {
  const family = 'She wrote to Ana and Lise Marrow on Friday. “No,” Lise said.'
  t.match(extractQuotes(family)[0]?.speaker, { name: 'Lise Marrow', resolvedBy: 'surname' })
  const two = 'Lise Marrow and Lise Brandt spoke on Friday. “No,” Lise said.'
  t.equal(extractQuotes(two)[0]?.speaker?.name, 'Lise', 'two people share it: nobody is guessed')
  const place = 'Virginia Lark spoke in Richmond. “The state has spoken,” Virginia said.'
  t.equal(extractQuotes(place)[0]?.speaker?.name, 'Virginia', 'a place’s name is not taken for a given name')
  const titled = 'Scott Marrow filed the suit. “The case is closed,” said Judge Scott.'
  t.equal(extractQuotes(titled)[0]?.speaker?.name, 'Scott', 'after a title one word is a surname')
})

t.test('a job’s noun before a name is a title, not the name’s first word', async (t) => {
  const speakers = [
    '“The levee will hold,” said Administrator Ilse Marsh.',
    '“The book took a decade,” Biographer Tomas Brell said.',
    'Harbour Radio contributor Odile Marchetti spoke on Friday. “The vote was close,” she said.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.same(
    speakers.map((speaker) => [speaker?.name, speaker?.title]),
    [
      ['Ilse Marsh', 'Administrator'],
      ['Tomas Brell', 'Biographer'],
      ['Odile Marchetti', 'Harbour Radio contributor'],
    ],
  )
})

t.test('words that only stand before a name in a capitalised run are not part of it', async (t) => {
  const speakers = [
    // a lowercase word is the title's
    'Governor Odile Marchetti and Republican rival Jane Roe met on Friday. “We agreed,” Roe said.',
    // a plural role before the names of those who hold it
    'Governors Jane Roe and John Doe met on Friday. “We agreed,” Roe said.',
    // a caption’s kicker in capitals, before “what one said about another”
    'MUST SEE Jane Roe on Doe: “We will win,” she told supporters.',
    // a question opened by an auxiliary, after a dateline
    '(Wire) - Has Jane Roe changed her mind? “I have not,” Roe said.',
    // a name still opens with its particle, with a title or without
    '“We will win,” said Mayor de Vries.',
    '“We will win,” de la Tierra said.',
    '“We will win,” said Senator di Maiola.',
    // a headline’s first word before a given name and a surname
    'Meet Jane Roe: “We will win,” she told supporters.',
    // a headline’s “what one said about another”
    'Marchetti on Roe: “She will lose,” Marchetti said.',
    // an abbreviated title
    'As Sec. Jane Roe put it: “We will win.”',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.match(speakers, [
    { name: 'Jane Roe', title: 'Republican rival' },
    { name: 'Jane Roe', title: 'Governors' },
    { name: 'Jane Roe', title: null },
    { name: 'Jane Roe' },
    { name: 'de Vries', title: 'Mayor' },
    { name: 'de la Tierra', title: null },
    { name: 'di Maiola', title: 'Senator' },
    { name: 'Jane Roe', title: null },
    { name: 'Marchetti' },
    { name: 'Jane Roe', title: 'Sec' },
  ])
})

t.test('a day after a description is when it spoke, not its name', async (t) => {
  t.same(
    speak(
      'They hope to have the last word, said a senior Harbor campaign official Monday.\n\n“We will run on ideas,” the official told reporters.',
    ),
    ['official'],
  )
  // a given name that is also a month's short form still opens the name after a role's word
  t.same(speak('“It is a priority,” said former Harbor governor Jan Brewster.'), ['Jan Brewster'])
})

t.test('a generational suffix follows a name; before one it is “senior”, no part of it', async (t) => {
  t.same(
    speak(
      'Sr QNP source on the push tells me: “It is hard to reason with him.” The QNP denied it. “We deny it,” QNP said.',
    ),
    ['Sr QNP source', 'QNP'],
  )
  t.same(speak('“Fine,” Tom Doe III said.'), ['Tom Doe III'])
})

t.test('a time zone after a clock time and a sentence’s “Others” name nobody', async (t) => {
  t.same(
    speak(
      '[Updated 11:55 a.m. ET] The uncle of the brothers told reporters that his family is “ashamed” to know them.',
    ),
    ['uncle'],
  )
  t.same(speak('Others find it dubious, or “a stretch,” as Dana Roe, a breeder, puts it.'), ['Dana Roe'])
})

t.test('a headline’s clause in capitals between two surnames is no one’s name', async (t) => {
  // "Raps" read as a name's word made "Roe Raps Doe" a person, and Doe's words went to it
  t.same(speak('Update: Roe Raps Doe’s Budget\n\nRoe spoke first. Doe answered. “It is wrong,” Doe said.'), ['Doe'])
  // a three-word name whose first word the article never prints alone before a verb stays a name
  t.same(speak('Jane Marsh Roe spoke. Marsh was there. “It is wrong,” Roe said.'), ['Jane Marsh Roe'])
  t.same(speak('Tolland Marsh Roe spoke. Roe was there. “It is wrong,” Roe said.'), ['Tolland Marsh Roe'])
  // a given name that is also a place the article prints alone still opens a person's name
  t.same(speak('Chad Marsh Pell coached in Chad for a decade. “It was home,” Pell said.'), ['Chad Marsh Pell'])
  // a given name before the last word keeps the person, with whatever stood before it
  t.match(speak('Quill Dana Roe spoke. Quill was there. Roe was too. “It is wrong,” Roe said.'), [/Dana Roe$/])
})

t.test('a capital after a colon or a dash needs the evidence a sentence’s first word needs', async (t) => {
  // a question opened after a colon: "Will" is a modal, not a given name
  t.same(speak('The question in Harbor: Will Jane Roe run again? “I am lucky,” Roe said.'), ['Jane Roe'])
  // a caption's title and its text, joined by a dash: the plural noun opening the text is no name's first word
  t.same(
    speak('A day at the court – Opponents of Roe’s budget protest outside. “It is good for the city,” Roe said.'),
    ['Roe'],
  )
  // a dateline's hyphen before a name, and a name after a colon with a capital after it, still open names
  t.same(speak('HARBOR (AP) - Jane Roe said on Monday: “We won.”'), ['Jane Roe'])
  t.same(speak('Two spoke: Dana Pell said: “We lost.”'), ['Dana Pell'])
  // two hyphens stand for a dash
  t.same(
    speak('A day at the court -- Opponents of Roe’s budget protest outside. “It is good for the city,” Roe said.'),
    ['Roe'],
  )
})

t.test('a month is part of a name where a given name goes with it, and a date elsewhere', async (t) => {
  t.same(speak('Chancellor Odile May said: “We will stay.”'), ['Odile May'])
  t.same(speak('“We will stay,” said reporter April Quill.'), ['April Quill'])
  t.same(speak('Odile May spoke first. “We will stay,” May said.'), ['Odile May'])
  t.same(speak('In May, Roe said: “We agreed.”'), ['Roe'])
  t.same(speak('On May 5 Jane Roe said: “We agreed.”'), ['Jane Roe'])
})

t.test('organisations, their statements and their reports', async (t) => {
  const text = [
    'White House spokesman James Hewitt said in a statement that our president stayed "committed to security."',
    '"Cartels threaten us all," the statement said.',
    'A January report from the Heritage Foundation was blunt.',
    '"Force may be used," the report concluded.',
    '"We disagree," the White House said.',
    '"The campaign is over," the Trump campaign said.',
    'The National Union met. "Strike," the union said.',
  ].join('\n')
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => quote.speaker?.name),
    ['James Hewitt', 'James Hewitt', 'Heritage Foundation', 'White House', 'Trump campaign', 'National Union'],
  )
  t.same(
    quotes.map((quote) => quote.speaker?.kind),
    ['person', 'person', 'organisation', 'organisation', 'organisation', 'organisation'],
  )
  t.equal(quotes[2]?.speaker?.resolvedBy, 'organisation')
})

t.test('an unknown document speaks for itself', async (t) => {
  const [quote] = extractQuotes('"Results vary," the study said.')
  t.match(quote?.speaker, { name: 'study', kind: 'organisation', resolvedBy: 'organisation' })
})

t.test('second-hand attribution goes in via; "according to" alone is the cue', async (t) => {
  const text =
    '"It will never be allowed," Claudia Sheinbaum said, according to The Associated Press. "Rates will ' +
    'rise," according to the Federal Reserve.'
  const quotes = extractQuotes(text)
  t.equal(quotes[0]?.via, 'Associated Press')
  t.equal(quotes[1]?.cue?.text, 'according to')
  t.equal(quotes[1]?.speaker?.name, 'Federal Reserve')
  const before = extractQuotes('According to Jane Roe, the plan "will not work."')
  t.equal(before[0]?.speaker?.name, 'Jane Roe')
})

t.test('relative pronouns point back at the named speaker', async (t) => {
  const text = 'The city hired John Doe, who said the plan was "a disaster."'
  const [quote] = extractQuotes(text)
  t.equal(mention(text, quote), 'who')
  t.equal(quote?.speaker?.name, 'John Doe')
})

t.test('a speech noun says whose words they are', async (t) => {
  const text =
    'Jane Roe spoke. Her rejection—“No, never”—was firm. The message from the Roe campaign is simple: “Vote.”'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => quote.speaker?.name),
    ['Jane Roe', 'Roe campaign'],
  )
  t.same(
    quotes.map((quote) => quote.cue?.text),
    ['rejection', 'message'],
  )
})

t.test('transcripts and vox pops name the speaker at the start or the end', async (t) => {
  const transcript = 'Transcript:\n\n"HOST: Welcome back to the show.\n\n"GUEST: Thanks for having me.'
  const quotes = extractQuotes(transcript)
  t.same(
    quotes.map((quote) => quote.speaker?.name),
    ['HOST', 'GUEST'],
  )
  t.same(
    quotes.map((quote) => quote.cue?.text),
    [':', ':'],
  )
  const voxPop = extractQuotes('What voters said.\n\n“The economy is the issue for me and my family.” ― Maria Lopez')
  t.same(
    voxPop.map((quote) => [quote.speaker?.name, quote.cue?.text]),
    [['Maria Lopez', '―']],
  )
})

t.test('a paragraph of quotations is signed by the name after a dash on the line below', async (t) => {
  const quote = 'Quotes of the week.\n\n“The ferry runs at a loss every winter.”\n\n'
  // The name signs when the line goes on only to say where, when or how, or a full stop closes it.
  for (const [signature, said, cue] of [
    ['— Sen. Jane Roe, at the harbour board.', 'Sen. Jane Roe', '—'],
    ['-- Jane Roe on the evening news.', 'Jane Roe', '--'],
    ['-Jane Roe.', 'Jane Roe', '-'],
    ['-Jane Roe.\n\nThe pier reopened on Monday.', 'Jane Roe', '-'],
    ['— Jane Roe speaking to reporters', 'Jane Roe', '—'],
    ['-- Sen. Jane Roe, D-Ohio, then chairman of the harbour committee, on the evening news.', 'Sen. Jane Roe', '--'],
    ['— Jane Roe on the radio when asked whether she would run again.', 'Jane Roe', '—'],
    ['— Jane Roe, the day the board said no.', 'Jane Roe', '—'],
    ['— Jane Roe on a plan to recall the mayor.', 'Jane Roe', '—'],
    ['— Jane Roe on a report that said the pier was safe.', 'Jane Roe', '—'],
  ] as const) {
    const text = quote + signature
    const [found] = extractQuotes(text)
    t.same([found?.speaker?.name, mention(text, found), found?.cue?.text], ['Jane Roe', said, cue], signature)
  }
  // A name alone is a byline or a credit; a line with a verb of the name's own is the writer's sentence.
  for (const line of [
    '— Tom Quill',
    '— Tom Quill staff writer',
    '— Tom Quill\n\nThe pier reopened on Monday.',
    '-Tom Quill. The pier reopened on Monday.',
    '— Tom Quill contributed reporting.',
    '— Tom Quill, who chairs the board, disagreed with the plan.',
    '— Tom Quill, however, voted against it.',
    '— Tom Quill in a statement called the plan reckless.',
  ])
    t.same(speak(quote + line), [null], line)
  // Only a paragraph of quotations is signed: one with the writer's words has its own cue or none.
  t.same(
    speak(
      'The ferry lost money.\n\n“It runs at a loss every winter.” The vote is Monday.\n\n— Tom Quill, at the pier.',
    ),
    [null],
  )
  const ownCue = '“We have done the work,” Jane Roe said. “Now it is up to them.”\n\n— Tom Quill, at the pier.'
  t.same(
    extractQuotes(ownCue).map((found) => [pieces(ownCue, found), found.speaker?.name, found.cue?.text]),
    [[['We have done the work,', 'Now it is up to them.'], 'Jane Roe', 'said']],
  )
  // Every quotation of the paragraph is signed, so they stay one quote.
  const two = 'The board met.\n\n“We have done the work.” “Now it is up to them.”\n\n— Tom Quill, at the pier.'
  t.same(
    extractQuotes(two).map((found) => [pieces(two, found), found.speaker?.name]),
    [[['We have done the work.', 'Now it is up to them.'], 'Tom Quill']],
  )
  // The dash is the cue right after the quotation: it outweighs the speaker of the quotation before.
  const after =
    'Jane Roe said: “The ferry runs at a loss.”\n\n“The pier is safe and always was.”\n\n— Tom Quill, at the pier.'
  t.same(speak(after), ['Jane Roe', 'Tom Quill'])
  // Two hyphens stand for a dash after a quotation in its own paragraph too.
  t.same(speak('What voters said.\n\n“The economy is the issue for me and my family.” -- Maria Lopez'), ['Maria Lopez'])
})

t.test('no speaker can be found: say so rather than guess', async (t) => {
  const text = 'The room was quiet that morning.\n\n"Nobody enters this room without the permission of the manager."'
  const [quote] = extractQuotes(text)
  t.equal(quote?.speaker, null)
  t.equal(quote?.cue, null)
  t.equal(quote?.confidence, 0.3)
})

t.test('scare quotes, titles, nicknames and designations are not quotations', async (t) => {
  const text = [
    'The campaign is called "Operation Southern Spear," per the Pentagon.',
    'He designated the cartels as “foreign terrorist organizations” last year.',
    'Marlow tells KVRT’s “Sunrise Desk” on Friday that “precisely who sent it” is unknown.',
    'The "Danger Zone" singer objected to a fake "King Trump" video.',
    "The question is not a completely 'new' one.",
    '"(CROSSTALK.)"',
  ].join('\n')
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => quote.text),
    ['precisely who sent it'],
    'only the attributed words come out',
  )
  t.equal(quotes[0]?.speaker?.name, 'Marlow')
})

t.test('words quoted inside another speaker’s quote come out for the inner speaker', async (t) => {
  const text =
    'Donald Trump called on Monday. Mexican President Claudia Sheinbaum said she refused.\n\n“He said, ‘Let us ' +
    'help you.’ And I said, ‘No, thank you.’ Sovereignty is not for sale,” Sheinbaum said.'
  const quotes = extractQuotes(text)
  const outer = quotes.find((quote) => quote.kind === 'direct')
  const nested = quotes.filter((quote) => quote.kind === 'nested')
  t.match(outer?.text, /Let us help you/, 'the outer quote keeps the inner words')
  t.equal(outer?.speaker?.name, 'Claudia Sheinbaum')
  t.same(
    nested.map((quote) => [quote.text, quote.speaker?.name]),
    [['Let us help you.', 'Donald Trump']],
  )
})

t.test('an inner quote with nobody else to say it stays inside', async (t) => {
  const text = '"He said, \'go home,\'" the man said.'
  t.same(
    extractQuotes(text).map((quote) => quote.kind),
    ['direct'],
  )
})

t.test('a list of quoted phrases in the writer’s sentence is a quote per item, one statement', async (t) => {
  const text =
    'Jane Roe wrote that the two should “try showing a little class,” “dress for the office,” and, most of ' +
    'all, “stop making faces” at events.'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => quote.text),
    ['try showing a little class,', 'dress for the office,', 'stop making faces'],
  )
  t.same(new Set(quotes.map((quote) => quote.statement)).size, 1, 'one cue, one statement')
  t.same(
    quotes.map((quote) => quote.speaker?.name),
    ['Jane Roe', 'Jane Roe', 'Jane Roe'],
  )
  // A verb of saying between the pieces makes them one quote broken by its cue, not a list.
  const broken = extractQuotes('“We can work together,” she said, “but you in your territory.”')
  t.same(
    broken.map((quote) => quote.text),
    ['We can work together, but you in your territory.'],
  )
})

t.test('fragments quoted in the writer’s sentence are quotes of their own, in one statement', async (t) => {
  const text =
    'Donald Trump spoke on Monday. He added that he has been "speaking" with Mexico and that they "know how I stand."'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => pieces(text, quote)),
    [['speaking'], ['know how I stand.']],
  )
  t.same(
    quotes.map((quote) => [quote.speaker?.name, quote.cue?.text, quote.kind]),
    [
      ['Donald Trump', 'added', 'partial'],
      ['Donald Trump', 'added', 'partial'],
    ],
  )
  t.equal(quotes[0]?.statement, quotes[1]?.statement, 'one cue, one statement')
  const listed =
    'Stroud said she meant to talk “plainly to young farmers” and let them hear that “the orchards will reopen.”'
  const listedQuotes = extractQuotes(listed)
  t.same(
    listedQuotes.map((quote) => pieces(listed, quote)),
    [['plainly to young farmers'], ['the orchards will reopen.']],
  )
  t.equal(listedQuotes[0]?.statement, listedQuotes[1]?.statement)
})

t.test('a new verb of saying starts a new statement', async (t) => {
  const text =
    'Halloran tweeted that Vickers was “dreadful” and “a fraud” and encouraged people to “look up” her record.'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => quote.text),
    ['dreadful', 'a fraud', 'look up'],
  )
  t.same(
    quotes.map((quote) => quote.cue?.text),
    ['tweeted', 'tweeted', 'encouraged'],
  )
  t.same(
    quotes.map((quote) => quote.speaker?.name),
    ['Halloran', 'Halloran', 'Halloran'],
  )
  t.equal(quotes[0]?.statement, quotes[1]?.statement)
  t.not(quotes[1]?.statement, quotes[2]?.statement)
})

t.test('a clause a subordinator opens after the quote tells what happened, it does not say who spoke', async (t) => {
  const text =
    'Mayor Tobias Renn once promised to “rebuild the pier” before Councillor Ilse Varga mocked the plan in a speech.'
  t.same(speak(text), ['Tobias Renn'])
  // Closed by a comma, it is passed over: the cue after it is the quote's.
  const [paused] = extractQuotes('“We are not done,” after a long pause, Mayor Ilse Varga said.')
  t.equal(paused?.cue?.text, 'said')
  t.equal(paused?.speaker?.name, 'Ilse Varga')
})

t.test('a quote that ends its sentence is not attributed by the next sentence', async (t) => {
  const text =
    'Jane Roe arrived. "The vote is tomorrow, and the day after that we count every ballot." Roe said that she ' +
    'would vote early.'
  const [quote] = extractQuotes(text)
  t.equal(quote?.cue, null)
  const mention = quote?.speaker?.mention
  t.ok(
    mention === null || mention === undefined || mention[1] <= (quote?.spans[0]?.[0] ?? 0),
    'no speaker from after it',
  )
})

t.test('appositions and titles between the quote and the verb', async (t) => {
  const text =
    '“It was a deal,” Tilda Marsh, president of the National Orchard Growers’ Association, stressed. ' +
    '“Subpoenas matter,” panel Chairman Rep. Gus Farrow (R-Ohio) said. “Outcome,” Mr. Pell of the Riverbank ' +
    'Trust said.'
  const quotes = extractQuotes(text)
  t.same(
    quotes.map((quote) => quote.speaker?.name),
    ['Tilda Marsh', 'Gus Farrow', 'Pell'],
  )
  t.equal(quotes[1]?.speaker?.title, 'Chairman Rep')
})

t.test('it and they stand for the organisation named last', async (t) => {
  const [quote] = extractQuotes('The Prairie Water Society sued on Monday. "The mine pollutes," it said.')
  t.match(quote?.speaker, { name: 'Prairie Water Society', kind: 'organisation', resolvedBy: 'pronoun' })
  const [nobody] = extractQuotes('Nobody was named. "We will appeal the ruling," they said.')
  t.match(nobody?.speaker, { name: 'they', resolvedBy: 'pronoun' })
})

t.test(
  'they stand for people named after the organisation, and no organisation is further than two sentences back',
  async (t) => {
    const speakers = [
      'The Harbor Council met on Monday. Several senators attended. "We were not consulted," they said.',
      'The Harbor Council met on Monday. Jane Roe and Tom Pell attended. "We were not consulted," they said.',
      'The Harbor Council met on Monday. The Danes in the hall left early. "We were not consulted," they said.',
      'The Harbor Council met on Monday. Its rules passed. "We were consulted," they said.',
      'The Harbor Council met on Monday. The rules passed. The vote was close. "We won," they said.',
      // A body's own name is no one named after it.
      'The Federation of Dock Workers met on Monday. "We were not consulted," they said.',
    ].map((text) => extractQuotes(text)[0]?.speaker?.name)
    t.same(speakers, ['they', 'they', 'they', 'Harbor Council', 'they', 'Federation of Dock Workers'])
  },
)

t.test('a nearer name of unknown gender wins over a distant one of the right gender', async (t) => {
  const filler = 'The agency kept working on the file for months. '.repeat(8)
  const text = `Ms. Ann Lee left office. ${filler}Deputy Secretary Kim Park took over. "We are ready," she said.`
  t.equal(extractQuotes(text)[0]?.speaker?.name, 'Kim Park')
})

t.test('an unnamed organisation and a possessive speaker', async (t) => {
  const [campaign] = extractQuotes('"We raised more than ever," the campaign said.')
  t.match(campaign?.speaker, { name: 'campaign', kind: 'organisation' })
  const text = 'Jane Roe spoke. Roe’s reply: “Never again.”'
  t.equal(extractQuotes(text)[0]?.speaker?.name, 'Jane Roe')
})

t.test('cues that name nobody attribute to nobody', async (t) => {
  for (const text of [
    'It was, according to "sources near the talks," unclear.',
    '"Go home," said.',
    '"Go home," shouted loudly.',
  ]) {
    t.same(
      extractQuotes(text).map((quote) => quote.speaker),
      extractQuotes(text).map(() => null),
      text,
    )
  }
})

t.test('an inner quotation without a speech verb before it stays with the outer speaker', async (t) => {
  const text = 'Jane Roe said: "The sign read ‘Closed for good’ and we all went home that day."'
  t.same(
    extractQuotes(text).map((quote) => quote.kind),
    ['direct'],
  )
})

t.test('a title is read off the name it leads to, whatever office it names', async (t) => {
  const councillor = extractQuotes(
    'Councillor Hester Quayle voted against it. “The budget is short by a third,” the councillor said.',
  )
  t.equal(councillor[0]?.speaker?.name, 'Hester Quayle', 'a council title, and the role standing for its holder')
  const field = extractQuotes(
    'Former US secretary of commerce Wilma Orcutt, who backed the plan, said “the ports are not ready for it.”',
  )
  t.equal(field[0]?.speaker?.name, 'Wilma Orcutt', 'a role with the field it covers is a title, not a name')
})

t.test('a cue closing the sentence speaks a quotation far before it, not the name the quotation follows', async (t) => {
  const text =
    'Jane Roe “ran very well” in the harbour towns in the last election, said John Doe, a historian at Riverton College.'
  t.equal(mention(text, extractQuotes(text)[0]), 'John Doe')
})

t.test('verbs of complaint and reproach are verbs of saying: they are the cue', async (t) => {
  const grumbled = 'Jane Roe left early. The captain grumbled that the ferry was “late again, and nobody cares.”'
  t.equal(extractQuotes(grumbled)[0]?.cue?.text, 'grumbled')
  const denounced = 'Jane Roe spoke first. John Doe then denounced the plan as “a waste of everybody’s time.”'
  t.equal(extractQuotes(denounced)[0]?.cue?.text, 'denounced')
})

t.test(
  'a colon closing a sentence that opens with a subordinate clause: the main clause names the speaker',
  async (t) => {
    const text =
      'Because Tom Brell had asked for calm, Mayor Ilse Marsh read a note to the council:\n\n' +
      '“We will rebuild the quay before winter.”'
    t.equal(mention(text, extractQuotes(text)[0]), 'Mayor Ilse Marsh')
  },
)

t.test('bodies’ nouns alone before one word name a body: “the Daily Harbor”, “House Tides”, “Team Vale”', async (t) => {
  const speakers = [
    '“It is late,” the Daily Harbor reported.',
    '“It is late,” House Tides said in a statement.',
    '“It is late,” Team Vale said.',
    // A role, or a name of two words, makes it a person in the body; one word alone is a person's surname.
    '“It is late,” Harbor Times reporter Vale said.',
    '“It is late,” Vale said.',
    '“It is late,” Navy Jane Vale said.',
  ].map((text) => extractQuotes(text)[0]?.speaker)
  t.same(
    speakers.map((speaker) => [speaker?.name, speaker?.kind]),
    [
      ['Daily Harbor', 'organisation'],
      ['House Tides', 'organisation'],
      ['Team Vale', 'organisation'],
      ['Vale', 'person'],
      ['Vale', 'person'],
      ['Jane Vale', 'person'],
    ],
  )
})

t.test('a role’s plural in -es or -ies opening a sentence describes people, it names nobody', async (t) => {
  for (const text of [
    'The gunman kept walking. Witnesses said “he was calm.”',
    'The sheriff spoke first. Deputies said the road was “closed for hours.”',
  ]) {
    const speaker = extractQuotes(text)[0]?.speaker
    t.equal(speaker?.named, false, text)
    t.equal(speaker?.resolvedBy, 'role', text)
  }
  // -es only after a hissing sound: a surname that is a role and "es" stays the name.
  const surname = 'Tomas Sones, the harbor master, spoke first. Sones said “nobody was told.”'
  t.match(extractQuotes(surname)[0]?.speaker, { name: 'Tomas Sones', named: true })
})

t.test('a name in capitals alone is a body’s; a people’s adjective alone names nobody', async (t) => {
  const speakerOf = (text: string) => extractQuotes(text)[0]?.speaker
  for (const text of [
    '“We are reviewing it,” the HBRA said.',
    '“It is fake,” KTVN reported.',
    '“Fine,” the U.N. said.',
  ]) {
    t.equal(speakerOf(text)?.kind, 'organisation', text)
    t.equal(speakerOf(text)?.named, true, text)
  }
  // A title makes it a person's name, whatever its letters.
  t.equal(speakerOf('“We won,” said Chairwoman JJ Roe.')?.kind, 'person')
  for (const text of ['“We will not pay,” Belgian officials said.', '“The vote is rigged,” Americans said.']) {
    t.equal(speakerOf(text)?.named, false, text)
    t.equal(speakerOf(text)?.resolvedBy, 'role', text)
  }
  // Unless it is the surname of someone the article names.
  t.equal(speakerOf('Jane French spoke first. Later French said: “It is done.”')?.name, 'Jane French')
})

t.test('a generational suffix is part of a name and never a name by itself', async (t) => {
  const speakerOf = (text: string) => extractQuotes(text)[0]?.speaker
  // A role word before the suffix is the surname ("bishop"), not a title with "Jr." for a name.
  t.equal(speakerOf('“We won,” said Dana Bishop Jr., the pastor.')?.name, 'Dana Bishop Jr.')
  // Set off by a comma, the suffix alone is nobody.
  const text = 'Rev. Dana Lee Bishop, Jr. spoke first. “We won,” Dr. Bishop said.'
  t.not(speakerOf(text)?.name, 'Jr.')
})

t.test('a numeral’s ordinal opens the name it stands before: every circuit is a court of its own', async (t) => {
  const speakerOf = (text: string) => extractQuotes(text)[0]?.speaker
  const texts: Array<[string, string]> = [
    ['“The ruling stands,” the 4th Harbor Circuit said.', '4th Harbor Circuit'],
    ['The 7th Ranger Brigade said that “the pass is safe.”', '7th Ranger Brigade'],
    ['“The pass is safe,” said a statement from the 7th Ranger Brigade.', '7th Ranger Brigade'],
  ]
  for (const [text, name] of texts) {
    t.equal(speakerOf(text)?.name, name, text)
    t.equal(speakerOf(text)?.kind, 'organisation', text)
  }
  // A person's title or a date keeps its ordinal out of the name.
  t.equal(speakerOf('In the 3rd quarter, Jane Roe said “we won.”')?.name, 'Jane Roe')
})

t.test('a body whose noun is plural is a body: “the Centers for …”, “the National Institutes of …”', async (t) => {
  const speakerOf = (text: string) => extractQuotes(text)[0]?.speaker
  for (const [text, name] of [
    ['“Masks help,” the Harbor Centers for Tide Studies said.', 'Harbor Centers for Tide Studies'],
    ['“Masks help,” said the Northern Institutes of Coastal Health.', 'Northern Institutes of Coastal Health'],
  ] as const) {
    t.equal(speakerOf(text)?.name, name, text)
    t.equal(speakerOf(text)?.kind, 'organisation', text)
  }
})

t.test('a definite description by an office or a local party member names again who the text is about', async (t) => {
  const speakerOf = (text: string) => extractQuotes(text).at(-1)?.speaker
  const quote = '“The dredging must go on,”'
  const said = (opening: string, description: string): string =>
    `${opening} toured the port on Monday. ${quote} ${description} said.`
  // Named again: nobody is known to hold the office, and nothing known of the person rules it out.
  for (const [text, name] of [
    [said('Sen. Jo Pell', 'the Ohio Republican'), 'Jo Pell'],
    [said('Ed Tolland, a Republican,', 'the governor'), 'Ed Tolland'],
    [said('Ed Tolland, a Republican,', 'the lawmaker'), 'Ed Tolland'],
    [said('Ed Tolland, a Democrat,', 'the chairman'), 'Ed Tolland'],
    [said('Sen. Jo Pell, a conservative,', 'the Ohio Republican'), 'Jo Pell'],
    [said('Gov. Ed Tolland', 'the former senator'), 'Ed Tolland'],
    [said('Gov. Ed Tolland', 'the Republican nominee'), 'Ed Tolland'],
    [said('California Democrat Ed Tolland', 'the California senator'), 'Ed Tolland'],
    // Someone who changed party is known by both.
    [said('Independent Sen. Ed Tolland, a former Democratic governor of Ohio,', 'the Ohio Democrat'), 'Ed Tolland'],
    // What shows a person: a title, a pronoun's gender, words already quoted as theirs.
    [said('Sen. Tarrow Quillon', 'the Ohio Republican'), 'Tarrow Quillon'],
    [`Tarrow Quillon, a Democrat, toured the port. He met the crews. ${quote} the governor said.`, 'Tarrow Quillon'],
    [`“We are ready,” Tarrow Quillon, a Democrat, said on Monday. ${quote} the governor said.`, 'Tarrow Quillon'],
    // Someone known to be from the description's place before someone more prominent.
    [
      `Ohio Sen. Jo Pell met Sen. Ed Tolland at the port. Tolland told reporters the river was low. ${quote} the ` +
        'Ohio Republican said.',
      'Jo Pell',
    ],
  ] as const) {
    t.match(speakerOf(text), { name, named: true, resolvedBy: 'role' }, text)
  }
  // Someone new, or nobody the text names.
  for (const text of [
    said('Sen. Jo Pell', 'an Ohio Republican'),
    said('Ed Tolland', 'the deputy governor'),
    said('Ed Tolland, a Republican,', 'the acting governor'),
    said('Sen. Ed Tolland, a Republican,', 'the Democratic nominee'),
    said('Ed Tolland', 'the Republican'),
    said('Ed Tolland', 'the Ohio Republicans'),
    said('Ed Tolland', 'the aide'),
    said('Ed Tolland', 'the chair of the Harbor Council'),
    said('Ed Tolland', 'the senator for Harbor County'),
    said('Ed Tolland', 'the chairwoman'),
    said('Sen. Ed Tolland', 'the congresswoman'),
    said('Sen. Ed Tolland, a Democrat,', 'the Ohio Republican'),
    said('Texas Sen. Ed Tolland', 'the Ohio Republican'),
    said('Ed Tolland, a Canadian lawmaker,', 'the Ohio Republican'),
    said('Ed Tolland, a spokesman,', 'the Ohio Republican'),
    said('Gov. Ed Tolland', 'the senator'),
    said('Ed Tolland, the Republican nominee,', 'the president'),
    said('Tarrow Quillon', 'the governor'),
    `“We are ready,” Tarrow Quillon, a Democrat, said on Monday. ${quote} the chairwoman said.`,
    said('Sen. Ed Tolland, a Democratic senator,', 'the Ohio Republican'),
    said('Ed Tolland, a Democratic activist,', 'the lawmaker'),
    said('Ed Tolland, a Republican,', 'the party chairman'),
    // An office in something a common noun names.
    'Ed Tolland was arrested on Monday after a chase. “He resisted and fled,” the police chief said.',
    said('Quillon Images', 'the Ohio Republican'),
    said('Ed Tolland toured the docks. The river was low. The crew', 'the governor'),
    // Not someone the description's own clause names.
    'Ed Tolland spoke on Monday. The governor said Tolland had misread “the survey.”',
  ]) {
    t.equal(speakerOf(text)?.named, false, text)
  }
  // Nor someone only described, though quoted: the description stays as written.
  for (const text of [
    `The mayor met voters. “The port is dying,” the source said. ${quote} the president said.`,
    `“The port is dying,” said one person in the crowd. Later, ${quote} the president said.`,
  ]) {
    t.match(speakerOf(text), { name: 'president', named: false }, text)
  }
})
