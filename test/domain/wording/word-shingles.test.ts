import t from 'tap'
import {
  RUN_FREE_WORDS,
  SHINGLE_SIZE,
  sharesRunOfWords,
  tokenizeWording,
  wordShingles,
} from '../../../src/domain/wording/index.js'

t.test('shingles: every run of four words, hashed to a bigint, once each', async (t) => {
  const words = tokenizeWording('Sovereignty is not for sale. Sovereignty is loved and defended.')
  const shingles = wordShingles(words)
  t.equal(SHINGLE_SIZE, 4)
  t.equal(shingles.length, words.length - SHINGLE_SIZE + 1)
  for (const shingle of shingles) {
    const value = BigInt(shingle)
    t.ok(value >= -(2n ** 63n) && value < 2n ** 63n, 'fits a Postgres bigint')
  }
  // A cut rendering still shares its first runs with the full wording.
  const cut = wordShingles(tokenizeWording('Sovereignty is not for sale. Sovereignty is defended.'))
  t.ok(cut.some((shingle) => shingles.includes(shingle)))
  t.same(wordShingles(tokenizeWording('speaking')), wordShingles(['speaking']), 'a short wording is one run')
  t.equal(wordShingles(tokenizeWording('no president trump')).length, 1)
  t.same(wordShingles([]), [])
  t.same(wordShingles(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']).length, 4, 'repeated runs count once')
  t.not(wordShingles(['a', 'b', 'c', 'd'])[0], wordShingles(['a', 'b', 'c', 'e'])[0])
})

t.test('two wordings share a run of four words, or one is too short to need one', async (t) => {
  const words = (text: string) => tokenizeWording(text)
  const plan = words('we will build the new bridge over the river next spring')
  t.ok(sharesRunOfWords(plan, words('they said we will build the new bridge')))
  t.notOk(
    sharesRunOfWords(plan, words('we shall build a new bridge across this river come spring')),
    'most words the same, no four in a row',
  )
  t.equal(RUN_FREE_WORDS, 8)
  const [spelt, contracted] = [words('we are going to win'), words("we're going to win")]
  t.notOk(
    wordShingles(spelt).some((run) => wordShingles(contracted).includes(run)),
    'a contraction spelt out leaves no run in common',
  )
  t.ok(sharesRunOfWords(spelt, contracted), 'under eight words, none is needed')
  const seven = words('we will build the bridge next spring')
  t.ok(sharesRunOfWords(seven, words('we shall build a bridge come spring')), 'seven words, none needed')
})
