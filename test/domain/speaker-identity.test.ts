import t from 'tap'
import {
  aliasesOf,
  formalNames,
  isProperName,
  lookupKeys,
  nameKey,
  isSurnameAlone,
  nameVariants,
  prominentBearer,
  sameGivenName,
  SURNAME_PROMINENCE,
  slugify,
  surnameKeys,
} from '../../src/domain/speaker-identity.js'

t.test('name keys ignore case, accents, curly apostrophes and a leading article', async (t) => {
  t.equal(nameKey('  The  White House '), 'white house')
  t.equal(nameKey('Ramón Ignacio Núñez Ortúzar'), 'ramon ignacio nunez ortuzar')
  t.equal(nameKey('Trump’s camp'), "trump's camp")
  t.equal(nameKey('A. Reporter, Jr.'), 'a. reporter jr.')
  t.equal(slugify('Ramón Ignacio Núñez Ortúzar'), 'ramon-ignacio-nunez-ortuzar')
  t.equal(slugify('Trump’s camp'), 'trumps-camp')
  t.equal(slugify('the U.S. Department of Fisheries'), 'u-s-department-of-fisheries')
})

t.test('roles are not names', async (t) => {
  for (const name of ['Claudia Sheinbaum', 'the White House', 'Trump administration', 'The Heritage Foundation']) {
    t.ok(isProperName(name), name)
  }
  for (const name of ['spokesman', 'the senator', 'a spokesman', 'report', 'The spokesman'])
    t.notOk(isProperName(name), name)
})

t.test('aliases: the name, title with name, surname and a named mention, once each', async (t) => {
  t.same(
    aliasesOf({ name: 'Claudia Sheinbaum', title: 'Mexican President', kind: 'person', mentionText: 'Sheinbaum' }),
    ['Claudia Sheinbaum', 'Mexican President Claudia Sheinbaum', 'Sheinbaum'],
  )
  // A given name alone names her in that article only.
  t.same(aliasesOf({ name: 'Jane Roe', title: null, kind: 'person', mentionText: 'Jane' }), ['Jane Roe', 'Roe'])
  // A name is learnt as written without its possessive; a one-word name other than the given name is learnt.
  t.same(aliasesOf({ name: 'Roe', title: null, kind: 'person', mentionText: 'Roe’s' }), ['Roe'])
  t.same(aliasesOf({ name: 'Ludmila van Oort', title: null, kind: 'person', mentionText: 'Oort' }), [
    'Ludmila van Oort',
    'van Oort',
    'Oort',
  ])
  t.same(aliasesOf({ name: 'Claudia Sheinbaum', title: null, kind: 'person', mentionText: 'she' }), [
    'Claudia Sheinbaum',
    'Sheinbaum',
  ])
  t.same(aliasesOf({ name: 'The Heritage Foundation', title: null, kind: 'organisation', mentionText: 'the report' }), [
    'The Heritage Foundation',
  ])
  t.same(aliasesOf({ name: 'White House', title: null, kind: 'organisation', mentionText: 'the White House' }), [
    'White House',
  ])
})

t.test('name variants: middle initials dropped, a suffix kept with the surname', async (t) => {
  t.same(nameVariants('Harold T. Penwick'), { plain: 'Harold Penwick', surname: 'Penwick' })
  t.same(nameVariants('Mary Ann K Roe'), { plain: 'Mary Ann Roe', surname: 'Roe' })
  t.same(nameVariants('John Doe Jr.'), { plain: 'John Doe Jr.', surname: 'Doe Jr.' })
  t.same(nameVariants('J. Harold Penwick'), { plain: 'Harold Penwick', surname: 'Penwick' }, 'known by the given name')
  t.same(nameVariants('C.A. Tom T. Penwick'), { plain: 'Tom Penwick', surname: 'Penwick' })
  t.same(nameVariants('J. Penwick'), { plain: 'J. Penwick', surname: 'Penwick' }, 'an initial before a surname stays')
  t.same(nameVariants('E.W. Penwick'), { plain: 'E.W. Penwick', surname: 'Penwick' })
  t.same(nameVariants('J. R. Penwick'), { plain: 'J. Penwick', surname: 'Penwick' }, 'initials alone: the first stays')
  t.same(nameVariants('Doe'), { plain: 'Doe', surname: null })
  t.same(nameVariants('Dana Van Doorne'), { plain: 'Dana Van Doorne', surname: 'Van Doorne' }, 'particles')
  t.same(nameVariants('Juan de la Tierra'), { plain: 'Juan de la Tierra', surname: 'de la Tierra' })
  t.same(nameVariants('de Vries'), { plain: 'de Vries', surname: null }, 'a lowercase particle: a surname alone')
  t.same(nameVariants('Van Tollis'), { plain: 'Van Tollis', surname: 'Tollis' }, 'capitalised: a given name')
  t.same(surnameKeys('Van Tollis'), ['tollis', 'van tollis'], 'or a surname alone: both keys')
  t.same(surnameKeys('Dana Van Doorne'), ['van doorne'])
  t.same(surnameKeys('Roe'), ['roe'])
  t.same(aliasesOf({ name: 'Jane Q. Roe', title: null, kind: 'person', mentionText: null }), [
    'Jane Q. Roe',
    'Jane Roe',
    'Roe',
  ])
  t.same(lookupKeys({ name: 'Jane Q. Roe', kind: 'person' }), ['jane q. roe', 'jane roe'])
  t.same(lookupKeys({ name: 'Office of J. Doe', kind: 'organisation' }), ['office of j. doe'])
})

t.test('short given names: the formal name is an alias and a lookup key, both ways', async (t) => {
  t.same(formalNames('Mike Harlowe'), ['Michael Harlowe'])
  t.same(formalNames('steve de la Cruz'), ['Steven de la Cruz', 'Stephen de la Cruz'], 'every spelling')
  t.same(formalNames('Mike'), [], 'one word has no given name')
  t.same(formalNames('Michael Harlowe'), [], 'already formal')
  t.same(formalNames('Chris Harlowe'), [], 'a short form of several names is not guessed')
  t.same(aliasesOf({ name: 'Mike J. Harlowe', title: null, kind: 'person', mentionText: null }), [
    'Mike J. Harlowe',
    'Mike Harlowe',
    'Michael Harlowe',
    'Harlowe',
  ])
  t.same(lookupKeys({ name: 'Mike Harlowe', kind: 'person' }), ['mike harlowe', 'michael harlowe'])
  t.same(lookupKeys({ name: 'Mike Harlowe Group', kind: 'organisation' }), ['mike harlowe group'], 'people only')
  t.ok(sameGivenName('Mike', 'michael'))
  t.ok(sameGivenName('Michael', 'MIKE'))
  t.ok(sameGivenName('Ana', 'ana'))
  t.notOk(sameGivenName('Mike', 'Martin'))
})

t.test('a surname alone stands for its bearer only when the record quotes them far more than the others', async (t) => {
  const { leaderOverOthers, leaderQuotes } = SURNAME_PROMINENCE
  const bearer = (id: string, quotes: number) => ({ id, quotes })
  t.equal(prominentBearer([]), null, 'nobody goes by it')
  t.equal(prominentBearer([bearer('a', leaderQuotes)]), 'a', 'one bearer, quoted enough')
  t.equal(prominentBearer([bearer('a', leaderQuotes - 1)]), null, 'a record just started guesses nothing')
  const others = [bearer('b', 4), bearer('c', 3)]
  t.equal(prominentBearer([...others, bearer('a', leaderOverOthers * 7)]), 'a', 'the others together at the limit')
  t.equal(prominentBearer([...others, bearer('a', leaderOverOthers * 7 - 1)]), null, 'one quote short of it')
  t.equal(prominentBearer([bearer('a', 40), bearer('b', 40)]), null, 'a tie picks nobody')
  t.equal(prominentBearer([bearer('b', 1), bearer('a', 60)]), 'a', 'in any order')
})

t.test('a surname alone, read on the name as printed', async (t) => {
  t.ok(isSurnameAlone('Roe'))
  t.ok(isSurnameAlone('de Vries'), 'a lowercase particle opens a surname')
  t.notOk(isSurnameAlone('Van Roe'), 'a capitalised one may be a given name')
  t.notOk(isSurnameAlone('Jane Roe'))
})
