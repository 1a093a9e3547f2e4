import t from 'tap'
import { genderOfFirstName } from '../../../src/domain/extraction/first-names.js'

t.test('a first name gives the gender it usually carries; other words give none', async (t) => {
  t.equal(genderOfFirstName('Nancy'), 'f')
  t.equal(genderOfFirstName('George'), 'm')
  t.equal(genderOfFirstName('Budget'), null)
  // One letter, digits or punctuation are never a name.
  t.equal(genderOfFirstName('J'), null)
  t.equal(genderOfFirstName('Nancy’s'), null)
})

t.test('the answers stay right after more words than are kept have been asked about', async (t) => {
  t.equal(genderOfFirstName('Nancy'), 'f')
  // Invented words of letters only, none of them a name: enough to fill the answers kept and start them again.
  const word = (i: number): string =>
    `Zq${[...i.toString(26)].map((digit) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(digit, 26)]).join('')}`
  const named: string[] = []
  for (let i = 0; i < 60_000; i++) if (genderOfFirstName(word(i)) !== null) named.push(word(i))
  t.same(named, [])
  t.equal(genderOfFirstName('Nancy'), 'f')
  t.equal(genderOfFirstName('George'), 'm')
})
