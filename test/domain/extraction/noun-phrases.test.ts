import t from 'tap'
import { firstAgent, subjectOfVerb } from '../../../src/domain/extraction/attribution.js'
import {
  descriptionEndingAt,
  mentionEndingAt,
  mentionStartingAt,
  nameEndingAt,
  namesAThing,
  nameStartingAt,
  partyLabelEnd,
  pronounOf,
  subjectBefore,
  type Mention,
} from '../../../src/domain/extraction/noun-phrases.js'
import { analyseArticle } from '../../../src/domain/extraction/extract-quotes.js'
import type { Token } from '../../../src/domain/extraction/tokens.js'

function tokensOf(text: string): Token[] {
  return analyseArticle(text).tokens
}

/** Index of the token with this text (the nth one when it occurs more than once). */
function at(tokens: readonly Token[], text: string, nth = 0): number {
  const found = tokens.map((token, index) => (token.text === text ? index : -1)).filter((index) => index >= 0)
  const index = found[nth]
  if (index === undefined) throw new Error(`no token ${text}`)
  return index
}

function words(tokens: readonly Token[], mention: Mention | null): string | null {
  return mention
    ? tokens
        .slice(mention.first, mention.last + 1)
        .map((token) => token.text)
        .join(' ')
    : null
}

t.test('pronounOf reads contracted pronouns', async (t) => {
  const tokens = tokensOf('He’s here and she said so, but the dog barked.')
  t.equal(pronounOf(tokens[0] as Token), 'he')
  t.equal(pronounOf(tokens[at(tokens, 'she')] as Token), 'she')
  t.equal(pronounOf(tokens[at(tokens, 'dog')] as Token), null)
})

t.test('nameEndingAt', async (t) => {
  const joined = tokensOf('Officials at the Commission on Regional Waterways spoke.')
  t.equal(words(joined, nameEndingAt(joined, at(joined, 'Waterways'), 0)), 'Commission on Regional Waterways')

  const leading = tokensOf('of America')
  t.equal(
    words(leading, nameEndingAt(leading, at(leading, 'America'), 0)),
    'America',
    'a connector opening the text is left out',
  )

  const modified = tokensOf('the presidential candidate Jane Roe')
  t.equal(words(modified, nameEndingAt(modified, at(modified, 'Roe'), 0)), 'presidential candidate Jane Roe')

  const unopened = tokensOf('one two three four five six seven eight nine )')
  t.equal(nameEndingAt(unopened, unopened.length - 1, 0), null, 'a closing bracket with no opening one near it')

  const quoted = tokensOf('“Yes” Jane Roe')
  t.equal(words(quoted, nameEndingAt(quoted, at(quoted, 'Roe'), 0)), 'Jane Roe', 'a quotation before the name stops it')

  const broken = tokensOf('Smith\n\nJane Roe')
  t.equal(words(broken, nameEndingAt(broken, at(broken, 'Roe'), 0)), 'Jane Roe', 'a paragraph break stops it')
})

t.test('nameStartingAt', async (t) => {
  const chain = tokensOf('campaign spokesman')
  t.equal(nameStartingAt(chain, 0, 1), null, 'role words that never reach a capitalised word')

  const broken = tokensOf('spokesman\n\nGlen Ashcombe')
  t.equal(nameStartingAt(broken, 0, broken.length - 1), null, 'a role word cut off from the name by a paragraph break')

  const field = tokensOf('Former US secretary of commerce Wilma Orcutt spoke.')
  t.equal(
    words(field, nameStartingAt(field, 0, field.length - 1)),
    'Former US secretary of commerce Wilma Orcutt',
    'a role with the field it covers leads on to the name',
  )
  const holder = tokensOf('a spokesman of Brightwell Mills spoke.')
  t.equal(nameStartingAt(holder, 1, holder.length - 1), null, '"of" before a capital names whose spokesman, no title')
})

t.test('descriptionEndingAt', async (t) => {
  const open = tokensOf('“Open words\n\npresident')
  t.equal(descriptionEndingAt(open, at(open, 'president'), 0), null, 'a quoted word right before the head')

  const punctuated = tokensOf('Yes, president')
  t.equal(descriptionEndingAt(punctuated, at(punctuated, 'president'), 0), null)

  const day = tokensOf('Today’s president')
  t.equal(
    words(day, descriptionEndingAt(day, at(day, 'president'), 0)),
    'Today’s president',
    'a possessive that is no name',
  )

  const bare = tokensOf('president')
  t.equal(descriptionEndingAt(bare, 0, 0), null, 'no determiner before the head')
})

t.test('subjectBefore', async (t) => {
  const opening = tokensOf('said it')
  t.equal(subjectBefore(opening, 0, 0), null, 'nothing before the verb')

  const comma = tokensOf('Yes, said it')
  t.equal(subjectBefore(comma, at(comma, 'said'), 0), null, 'a comma with no apposition before it')

  // A quantifier heads the subject only when what follows it picks out a group: not "some at the pier and".
  const met = tokensOf('Tobias Renn met some at the pier and said it would run.')
  t.equal(subjectBefore(met, at(met, 'said'), 0), null, 'a conjoined verb has no subject of its own')
  const polled = tokensOf('Of the voters, those polled said it would run.')
  t.equal(words(polled, subjectBefore(polled, at(polled, 'said'), 0)), 'those polled', 'a group a participle picks out')
  const partitive = tokensOf('Almost half of those polled say it would run.')
  t.equal(words(partitive, subjectBefore(partitive, at(partitive, 'say'), 0)), 'those polled', 'after a partitive "of"')
  const notGroups = [
    'Of the riders, 30 in 2019 said it would run.',
    'A charity for those displaced said it would run.',
    'Many which closed said it would run.',
    'A plaque honoring “all who served” said it would stay.',
  ]
  for (const text of notGroups) {
    const tokens = tokensOf(text)
    t.equal(subjectBefore(tokens, at(tokens, 'said'), 0), null, `${text}: a year, an object, things, a quotation`)
  }
  // The look-back is bounded: a long clause after the quantifier is not read back over.
  const long = tokensOf('Many who had for years and years and years objected said it would run.')
  t.equal(subjectBefore(long, at(long, 'said'), 0), null, 'a relative clause too long to read back over')
})

t.test('mentionEndingAt and mentionStartingAt', async (t) => {
  const tokens = tokensOf('who said it')
  t.equal(mentionEndingAt(tokens, -1, 0), null, 'before the first token')

  const determiner = tokensOf('the .')
  t.equal(mentionStartingAt(determiner, 0, 1), null, 'a determiner with nothing after it')

  const long = tokensOf('the big red old tall fat green man')
  t.equal(mentionStartingAt(long, 0, long.length - 1), null, 'more words than a description holds')

  const report = tokensOf('the report, they say')
  t.equal(words(report, mentionStartingAt(report, 0, report.length - 1)), 'the report')

  // Six words before the relative clause: without its stop the phrase ran past the words a description holds.
  for (const opener of ['who', 'whose', 'that']) {
    const relative = tokensOf(`a former county road safety official ${opener} ran the office`)
    t.equal(
      words(relative, mentionStartingAt(relative, 0, relative.length - 1)),
      'a former county road safety official',
      `a relative clause opened by "${opener}" ends the phrase`,
    )
  }
})

t.test('firstAgent', async (t) => {
  const tokens = tokensOf('“Maybe,” it said in the statement and its authors agreed')
  t.equal(
    firstAgent(tokens, 0, at(tokens, 'and')),
    null,
    'quoted words, "it" and places after a preposition are no agent',
  )
})

t.test('a party’s initial joined to a state or its abbreviation is a label, not a name', async (t) => {
  const labelOf = (text: string): string | null => {
    const tokens = tokensOf(text)
    for (let first = 0; first < tokens.length; first++) {
      const last = partyLabelEnd(tokens, first)
      if (last >= 0)
        return tokens
          .slice(first, last + 1)
          .map((token) => token.text)
          .join(' ')
    }
    return null
  }
  t.equal(labelOf('Jane Roe, R-N.Y., spoke.'), 'R-N.Y.')
  t.equal(labelOf('Sen. Jane Roe (D-Calif.) spoke.'), 'D-Calif .')
  t.equal(labelOf('Jane Roe, I-Iowa, spoke.'), 'I-Iowa')
  t.equal(labelOf('Jane Roe, R-New Mexico, spoke.'), 'R-New Mexico')
  // A hyphenated word whose second part is no place is no label.
  t.equal(labelOf('Jane Roe used E-Verify and an X-Ray machine.'), null)
  // Only a party's initial opens one: "A-OK" is no label, though "OK" is a state's postal code.
  t.equal(labelOf('Jane Roe said it was A-OK.'), null)
  t.equal(labelOf('Jane Roe, R-New Harbor, spoke.'), null)
  // Nor is one inside a quotation.
  t.equal(labelOf('Jane Roe read “R-Iowa” aloud.'), null)
})

t.test('a party label after a comma ends the name it follows, as one in brackets does', async (t) => {
  const tokens = tokensOf('House Majority Leader Mark Pell, R-Ala. said it was wrong; Jane Roe (D-Ala.) did not.')
  t.equal(words(tokens, nameEndingAt(tokens, at(tokens, '.', 0), 0)), 'House Majority Leader Mark Pell , R-Ala .')
  t.equal(words(tokens, nameEndingAt(tokens, at(tokens, ')'), 0)), 'Jane Roe ( D-Ala . )')
  // Without the comma the label stands alone, and stands for nobody.
  const bare = tokensOf('The vote of R-Ala. was late.')
  t.equal(nameEndingAt(bare, at(bare, 'R-Ala'), 0), null)
})

t.test(
  'subjectOfVerb: an -ing form takes the noun phrase right before it, not an object nor across a comma',
  async (t) => {
    const subjectOf = (text: string, verb: string): string | null => {
      const tokens = tokensOf(text)
      return words(tokens, subjectOfVerb(tokens, at(tokens, verb), 0))
    }
    t.equal(subjectOf('The talks ended – Mayor Ilse Varga saying she was pleased.', 'saying'), 'Mayor Ilse Varga')
    t.equal(subjectOf('The share of ferry commuters saying fares are high rose.', 'saying'), 'ferry commuters')
    t.equal(
      subjectOf('Governor Tobias Renn released a statement saying it was over.', 'saying'),
      'Governor Tobias Renn',
    )
    t.equal(subjectOf('Governor Tobias Renn put out a statement saying it was over.', 'saying'), 'Governor Tobias Renn')
    t.equal(subjectOf('Governor Tobias Renn thanked the voters, saying it was over.', 'saying'), 'Governor Tobias Renn')
    t.equal(subjectOf('Ilse Varga and Tobias Renn were both saying it was over.', 'saying'), 'Ilse Varga')
    t.equal(subjectOf('The clip ends with footage of someone saying it was over.', 'saying'), 'someone')
    t.equal(subjectOf('Ilse Varga argued that saying sorry was weak.', 'saying'), 'Ilse Varga')
  },
)

t.test('namesAThing: a noun for none of people, a body or a document', async (t) => {
  const tokens = tokensOf(
    'crowd callers women groups reports democrats another witness folks families agencies witnesses cousins levy stages',
  )
  const thing = (word: string): boolean => namesAThing(tokens[at(tokens, word)] as Token)
  for (const word of ['crowd', 'callers', 'women', 'groups', 'reports', 'democrats', 'another', 'witness', 'folks'])
    t.notOk(thing(word), `${word} may speak`)
  for (const word of ['families', 'agencies', 'witnesses', 'cousins'])
    t.notOk(thing(word), `${word}: a plural read from its singular`)
  t.ok(thing('levy'))
  t.ok(thing('stages'), 'a plural')
})

t.test('a name is read by its whole run: two runs from the same word are two names', async (t) => {
  const { tokens, registry } = analyseArticle('Jane Roe met the clerks on Monday. Jane thanked them.')
  const first = at(tokens, 'Jane')
  // "Jane Roe" names her in full; "Jane" alone names her by a part, even after the whole run was read.
  t.same(registry.resolveName({ first, last: first + 1, kind: 'name' })?.resolvedBy, 'name')
  t.same(registry.resolveName({ first, last: first, kind: 'name' })?.resolvedBy, 'surname')
  t.equal(registry.resolveName({ first, last: first, kind: 'name' })?.entity.name, 'Jane Roe')
})
