import t from 'tap'
import { extractQuotes, traceSpeakerChoices } from '../../../src/domain/extraction/extract-quotes.js'
import { SPEAKER_FEATURES, type SpeakerFeature } from '../../../src/domain/extraction/speaker-candidates.js'

/** The features of each named candidate of the text's quote number `quote`, by the candidate's words. */
function candidateFeatures(text: string, quote = 0): Map<string, Set<SpeakerFeature>> {
  const trace = traceSpeakerChoices(text).traces[quote]
  if (!trace) throw new Error(`no quote ${quote} in ${text}`)
  const found = new Map<string, Set<SpeakerFeature>>()
  for (const candidate of trace.candidates) {
    if (!candidate.mention || candidate.previous) continue
    const on = new Set(SPEAKER_FEATURES.filter((_, index) => candidate.features[index] === 1))
    found.set(text.slice(...candidate.mention), on)
  }
  return found
}

t.test('a mention in a clause the quote is not in is marked as such', async (t) => {
  const subordinate = candidateFeatures(
    'When Jane Roe thanked the volunteers, a man in the crowd yelled “Stay right there!”',
  )
  t.ok(subordinate.get('Jane Roe')?.has('other-clause'), 'the subject of the "when" clause')
  t.ok(subordinate.get('a man')?.has('first-in-clause'), 'the subject of the main clause')
  t.notOk(subordinate.get('a man')?.has('other-clause'))

  const coordinated = candidateFeatures('Jane Roe spoke first, and John Doe said “We will win this race.”')
  t.ok(coordinated.get('Jane Roe')?.has('other-clause'), 'the first of two coordinated clauses')
  t.ok(coordinated.get('John Doe')?.has('first-in-clause'))

  // A quotation ending in a comma closes the clause it stands in, as the writer's comma would.
  const closedByQuote = candidateFeatures('After Jane Roe called it “a disgrace,” John Doe said he agreed.')
  t.ok(closedByQuote.get('Jane Roe')?.has('first-in-clause'), 'the quote is in the "after" clause with its subject')
  t.ok(closedByQuote.get('John Doe')?.has('other-clause'))
})

t.test('a clause interrupted by a subordinate one goes on after its comma', async (t) => {
  const features = candidateFeatures('Jane Roe said, when asked about John Doe, that “the plan will pass.”')
  t.ok(features.get('Jane Roe')?.has('first-in-clause'))
  t.notOk(features.get('Jane Roe')?.has('other-clause'))
  t.ok(features.get('John Doe')?.has('other-clause'))
})

t.test('a coordinator before a verb keeps the clause: the subject is shared', async (t) => {
  const features = candidateFeatures('Jane Roe thanked the crowd, and added “We are not done yet.”')
  t.ok(features.get('Jane Roe')?.has('first-in-clause'))
})

t.test('a place after a preposition does not open its clause', async (t) => {
  const features = candidateFeatures('In Riverton, Jane Roe said “the plan will pass.”')
  t.notOk(features.get('Riverton')?.has('first-in-clause'))
  t.ok(features.get('Jane Roe')?.has('first-in-clause'))
})

/** A sentence opening with a prepositional phrase before its subject. */
const FRONTED =
  'In the depths of the Long Winter, Dana Whitfield worried that the fund was becoming “a trap for savers.”'

t.test('a preposition governs a mention through its determiner', async (t) => {
  const fronted = candidateFeatures(FRONTED)
  t.ok(fronted.get('Long Winter')?.has('after-preposition'), '"of the Long Winter" is the object of "of"')
  t.notOk(fronted.get('Long Winter')?.has('first-in-clause'), 'an object never opens its clause')
  t.ok(fronted.get('Dana Whitfield')?.has('first-in-clause'), 'the subject after the fronted phrase does')

  const bare = candidateFeatures('On Tuesday the Harbor Council met, and Jane Roe said “the plan will pass.”')
  t.notOk(bare.get('Harbor Council')?.has('after-preposition'), 'a subject after a determiner alone is not governed')
})

t.test('a possessive after a preposition determines the phrase the preposition governs', async (t) => {
  const features = candidateFeatures(
    'After the hearing the Ledger ran a review of Dana Roe’s claim that there were “thousands of errors” in the count.',
  )
  t.notOk(features.get('Dana Roe’s')?.has('after-preposition'), '"of" governs "claim", which Roe’s determines')
  t.ok(features.get('Dana Roe’s')?.has('owns-speech-noun'))
  const object = candidateFeatures('In a letter to Dana Roe, the mayor wrote “the plan will pass.”')
  t.ok(object.get('Dana Roe')?.has('after-preposition'), 'a name that is not possessive stays the object')
})

t.test('an apposition is a phrase set off by a comma, not the subject of a clause after one', async (t) => {
  const fronted = candidateFeatures(FRONTED)
  t.notOk(fronted.get('Dana Whitfield')?.has('apposition'), 'a mention its verb follows is its subject')

  const appositive = candidateFeatures('The mayor, Jane Roe, said “the plan will pass.”')
  t.ok(appositive.get('Jane Roe')?.has('apposition'), 'a name set off by commas stays an apposition')

  const relative = candidateFeatures('The charter of the Harbor Guild, which states “every member may vote.”')
  t.notOk(relative.get('which')?.has('apposition'), '"which" after a comma opens a clause')
})

t.test('"according to" reaches its source through a determiner, unless the source only relays a cue', async (t) => {
  const features = candidateFeatures('The plan “will pass by spring,” according to the Riverton Ledger.')
  t.ok(features.get('Riverton Ledger')?.has('according-to'))
  t.notOk(features.get('Riverton Ledger')?.has('after-preposition'), 'the source is not a mere object')
  t.ok(candidateFeatures('The plan “will pass by spring,” according to Jane Roe.').get('Jane Roe')?.has('according-to'))

  // The cue's subject said the words; the source after it only relays them (the quote's `via`).
  const relayed = candidateFeatures('“The plan will pass by spring,” Jane Roe said, according to the Riverton Ledger.')
  t.notOk(relayed.get('Riverton Ledger')?.has('according-to'))
  t.ok(relayed.get('Jane Roe')?.has('subject-of-cue'))
  const [quote] = extractQuotes('“The plan will pass by spring,” Jane Roe said, according to the Riverton Ledger.')
  t.equal(quote?.speaker?.name, 'Jane Roe')
  t.equal(quote?.via, 'Riverton Ledger')
})

t.test('a mention with another quotation between it and the quote is marked', async (t) => {
  const features = candidateFeatures('“We won this race” — “They lost,” she said.')
  t.ok(features.get('she')?.has('quote-between'), 'she speaks the second quotation')
  t.notOk(candidateFeatures('“They lost,” she said.').get('she')?.has('quote-between'))
})

t.test('a mention the quotation follows without a break is marked as what the words are about', async (t) => {
  const about = candidateFeatures('Jane Roe “ran well” in the harbour towns, said a professor at the college.')
  t.ok(about.get('Jane Roe')?.has('right-before-quote'))
  const introduced = candidateFeatures('Jane Roe said: “The harbour stays open.”')
  t.notOk(introduced.get('Jane Roe')?.has('right-before-quote'), 'a colon stands between the speaker and the words')
})

t.test('the subject of a cue that closes the sentence after the quotation is marked', async (t) => {
  const closing = candidateFeatures('Jane Roe “ran well” in the harbour towns, said a professor at the college.')
  t.ok(closing.get('a professor')?.has('subject-of-sentence-final-cue'))
  const goingOn = candidateFeatures(
    '“The harbour stays open,” said John Doe, adding that the ferries would run on Sunday.',
  )
  t.notOk(goingOn.get('John Doe')?.has('subject-of-sentence-final-cue'), 'the clause runs on past a comma')
  const otherQuote = candidateFeatures('“We won this race” — “They lost,” she said.')
  t.notOk(otherQuote.get('she')?.has('subject-of-sentence-final-cue'), 'another quotation stands between')
  t.ok(candidateFeatures('“They lost,” she said.').get('she')?.has('subject-of-sentence-final-cue'))
})

t.test('a description of a thing is marked: it speaks for nobody', async (t) => {
  const levy = candidateFeatures(
    'Jane Roe, who runs the harbour board, tied the fares to fuel prices, saying the levy would “pay for itself.”',
  )
  t.ok(levy.get('the levy')?.has('kind:thing'), 'a levy')
  t.notOk(levy.get('Jane Roe')?.has('kind:thing'), 'a name')
  t.notOk(levy.get('the harbour board')?.has('kind:thing'), 'a body speaks')

  const people = candidateFeatures(
    'The crowd cheered, a woman near the stage shouted “Not again!” and the report agreed.',
  )
  for (const phrase of ['a woman', 'the report']) t.notOk(people.get(phrase)?.has('kind:thing'), `${phrase} may speak`)
  t.ok(people.get('the stage')?.has('kind:thing'), 'a stage')

  const name = candidateFeatures('The harbour board met. “The pier stays open.” Torvald, the ferry captain, said so.')
  t.notOk(name.get('Torvald')?.has('kind:thing'), 'a proper noun is a name, in the lexicons or not')
  const day = candidateFeatures('Jane Roe sent a string of posts early Friday saying the pier “is closed for good.”')
  t.ok(day.get('early Friday')?.has('kind:thing'), 'a day is no name')

  const which = candidateFeatures('The board approved a measure, which says the town “will pay for the pier.”')
  t.ok(which.get('which')?.has('kind:thing'), '"which" stands for a thing')
  const who = candidateFeatures('The board hired a consultant, who says the town “will pay for the pier.”')
  t.notOk(who.get('who')?.has('kind:thing'), '"who" for a person')
  t.notOk(who.get('a consultant')?.has('kind:thing'), 'a role')
})

t.test('a cue opening the sentence after a quotation that ends its own is the cue right after it', async (t) => {
  const next = candidateFeatures('The harbour board met on Tuesday. “The pier stays open.” Torvald said.')
  t.ok(next.get('Torvald')?.has('subject-of-cue-right-after'))
  t.notOk(next.get('Torvald')?.has('between-cue-and-quote'), 'the cue’s own subject stands between nothing')

  const clause = candidateFeatures(
    '“The pier stays open.” Erik Torvald, who told the board it was wrong, said so again.',
  )
  t.ok(clause.get('Erik Torvald')?.has('subject-of-cue-right-after'), 'the cue whose subject opens the sentence')
  t.equal(
    extractQuotes('The harbour board met on Tuesday. “The pier stays open.” Torvald said.')[0]?.speaker?.name,
    'Torvald',
    'the quote is his',
  )

  const notRightAfter: [text: string, why: string][] = [
    ['“The pier stays open.” On Monday, Torvald said the ferry would run.', 'the cue does not open the sentence'],
    ['“The pier stays open.”\n\nTorvald said the ferry would run.', 'a new paragraph'],
    ['The board said the “pier stays open” for now. Torvald said so.', 'the writer’s words end the quote’s sentence'],
    ['“The pier stays open.” Not yet. Torvald said so.', 'another sentence between'],
  ]
  for (const [text, why] of notRightAfter)
    t.notOk(candidateFeatures(text).get('Torvald')?.has('subject-of-cue-right-after'), why)
  const own = candidateFeatures('“The pier stays open,” Torvald said.')
  t.ok(own.get('Torvald')?.has('between-cue-and-quote'), 'in the quote’s sentence the subject keeps its mark')
})

t.test('a signature on the line below a quotation is the cue right after it, its name the subject', async (t) => {
  const signed = candidateFeatures('The week in quotes.\n\n“The pier stays open.”\n\n— Erik Torvald, at the board.')
  t.ok(signed.get('Erik Torvald')?.has('subject-of-cue'))
  t.ok(signed.get('Erik Torvald')?.has('subject-of-cue-right-after'))
  t.ok(signed.get('Erik Torvald')?.has('inverted-subject'), 'the name follows its cue')

  const notSigned: [text: string, why: string][] = [
    [
      '“The pier stays open.” The board agreed.\n\n— Erik Torvald, at the board.',
      'the writer’s words end the paragraph',
    ],
    ['The board met.\n\n— Erik Torvald, at the board.\n\n“The pier stays open.”', 'no quotation above the line'],
    ['“The pier stays open.”\n\n— Erik Torvald chaired the board.', 'a sentence of its own'],
    ['“The pier stays open.” — Erik Torvald, at the board.', 'the dash does not open a line'],
  ]
  for (const [text, why] of notSigned) t.notOk(candidateFeatures(text).get('Erik Torvald')?.has('subject-of-cue'), why)
})
