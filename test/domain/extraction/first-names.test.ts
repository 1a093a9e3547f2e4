import t from 'tap'
import { firstNameAnswers, genderOfFirstName, KeptAnswers } from '../../../src/domain/extraction/first-names.js'

t.test('a first name gives the gender it usually carries; other words give none', async (t) => {
  t.equal(genderOfFirstName('Nancy'), 'f')
  t.equal(genderOfFirstName('George'), 'm')
  t.equal(genderOfFirstName('Budget'), null)
  // One letter, digits or punctuation are never a name.
  t.equal(genderOfFirstName('J'), null)
  t.equal(genderOfFirstName('Nancy’s'), null)
  // Asked again, from the answers kept.
  t.equal(genderOfFirstName('Nancy'), 'f')
})

t.test('answers are kept for short words only: a long token would keep its whole article alive', async (t) => {
  const before = firstNameAnswers.size
  t.equal(genderOfFirstName('Bartholomewsky'), null)
  t.equal(firstNameAnswers.size, before)
  t.equal(genderOfFirstName('Zqxvel'), null)
  t.equal(firstNameAnswers.size, before + 1)
})

t.test('kept answers never grow past their limit, and stay right after it is reached', async (t) => {
  const kept = new KeptAnswers<number>(3)
  const asked: string[] = []
  const lookUp = (word: string): number => {
    asked.push(word)
    return word.length
  }
  for (const word of ['a', 'bb', 'ccc', 'a']) t.equal(kept.answer(word, lookUp), word.length)
  // The second "a" was answered from what was kept.
  t.same(asked, ['a', 'bb', 'ccc'])
  t.equal(kept.size, 3)
  t.equal(kept.answer('dddd', lookUp), 4)
  t.ok(kept.size <= 3)
  t.equal(kept.answer('a', lookUp), 1)
  t.ok(kept.size <= 3)
})
