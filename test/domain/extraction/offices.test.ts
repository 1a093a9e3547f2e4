import t from 'tap'
import { extractQuotes, holdsOffice } from '../../../src/domain/extraction/index.js'
import { officeOf, sameOffice } from '../../../src/domain/extraction/offices.js'

// Invented people and words: what a title or a description says someone holds, as another article can say it.
const words = (phrase: string) => phrase.split(' ')

t.test('the office a title or a description names, and whose it is', async (t) => {
  const cases: Array<[string, object | null]> = [
    ['Chilean President', { role: 'president', qualifiers: ['chile'] }],
    ['Chile’s president', { role: 'president', qualifiers: ['chile'] }],
    ['the president of Chile', { role: 'president', qualifiers: ['chile'] }],
    ['the Chilean leader', { role: 'leader', qualifiers: ['chile'] }],
    ['Prime Minister', null],
    ['Dutch Prime Minister', { role: 'prime minister', qualifiers: ['netherlands'] }],
    ['the White House press secretary', { role: 'press secretary', qualifiers: ['house', 'white'] }],
    ['Deputy Press Secretary', null],
    ['Senate Majority Leader', { role: 'leader', qualifiers: ['majority', 'senate'] }],
    ['U.S. Secretary of State', { role: 'secretary of state', qualifiers: ['united states'] }],
    ['the South Korean ambassador', { role: 'ambassador', qualifiers: ['south korea'] }],
    ['New Zealand Prime Minister', { role: 'prime minister', qualifiers: ['new zealand'] }],
    ['Chilean Vice-President', { role: 'vice president', qualifiers: ['chile'] }],
    ['the former Chilean president', null],
    ['Chile’s ex-president', null],
    ['a spokesman', null],
    ['the governor', null],
    ['Chilean officials', { role: 'official', qualifiers: ['chile'] }],
    ['her Chilean lawyer', { role: 'lawyer', qualifiers: ['chile'] }],
    ['the Chilean striker', null],
  ]
  for (const [phrase, office] of cases) t.strictSame(officeOf(words(phrase), false), office, phrase)
})

t.test('a word that opens a sentence qualifies only when it is a place', async (t) => {
  t.equal(officeOf(words('Senior adviser'), true), null)
  t.strictSame(officeOf(words('Senior adviser'), false), { role: 'adviser', qualifiers: ['senior'] })
  t.strictSame(officeOf(words('Chile’s president'), true), { role: 'president', qualifiers: ['chile'] })
})

t.test('who holds what a description says: a covering role, every qualifier', async (t) => {
  const president = { role: 'president', qualifiers: ['chile'] }
  t.ok(holdsOffice(president, { role: 'leader', qualifiers: ['chile'] }), 'a leader may be a president')
  t.ok(
    holdsOffice({ role: 'president', qualifiers: ['chile', 'senate'] }, { role: 'president', qualifiers: ['chile'] }),
  )
  t.notOk(holdsOffice(president, { role: 'president', qualifiers: ['chile', 'senate'] }), 'a qualifier they lack')
  t.notOk(holdsOffice(president, { role: 'governor', qualifiers: ['chile'] }))
  t.notOk(holdsOffice({ role: 'vice president', qualifiers: ['chile'] }, president), 'another office')
  t.ok(sameOffice(president, { role: 'president', qualifiers: ['chile'] }))
  t.notOk(sameOffice(president, { role: 'president', qualifiers: ['peru'] }))
  t.notOk(sameOffice(president, { role: 'president', qualifiers: ['chile', 'peru'] }))
})

t.test('extraction reports the offices of named speakers and the office of a described one', async (t) => {
  const [named] = extractQuotes('Chilean President Marta Quiroga spoke first. “We will build,” Quiroga said.')
  t.match(named?.speaker, {
    name: 'Marta Quiroga',
    named: true,
    offices: [{ role: 'president', qualifiers: ['chile'] }],
  })
  const [apposed] = extractQuotes('Marta Quiroga, Chile’s president, said: “We will build.”')
  t.match(apposed?.speaker, { name: 'Marta Quiroga', offices: [{ role: 'president', qualifiers: ['chile'] }] })
  const [described] = extractQuotes('“We will build,” the Chilean leader told reporters.')
  t.match(described?.speaker, { named: false, offices: [{ role: 'leader', qualifiers: ['chile'] }] })
  const [bare] = extractQuotes('“We will build,” a spokesman said.')
  t.strictSame(bare?.speaker?.offices, [])
  const [pronoun] = extractQuotes('“We will build,” she said.')
  t.strictSame(pronoun?.speaker?.offices, [])
})
