import t from 'tap'
import {
  RUN_FREE_WORDS,
  SHINGLE_SIZE,
  sharesRunOfWords,
  tokenizeWording,
  wordShingles,
} from '../../../src/domain/wording/index.js'
import { fnv1a64 } from '../../../src/domain/wording/word-shingles.js'
import { createRandom } from '../../../src/domain/claims/index.js'

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

t.test('the shingle hash is FNV-1a 64 as stored: the reference vectors and the BigInt definition', async (t) => {
  t.equal(fnv1a64(''), '-3750763034362895579', 'the offset basis, 0xcbf29ce484222325, signed')
  t.equal(fnv1a64('a'), '-5808556873153909620', '0xaf63dc4c8601ec8c, signed')
  const mask = (1n << 64n) - 1n
  const byDefinition = (text: string) => {
    let hash = 0xcbf29ce484222325n
    for (let k = 0; k < text.length; k++) hash = ((hash ^ BigInt(text.charCodeAt(k))) * 0x100000001b3n) & mask
    return BigInt.asIntN(64, hash).toString()
  }
  const random = createRandom(64)
  const alphabet = "abcxyz '09éøß—\u0000\uffff"
  for (let n = 0; n < 2000; n++) {
    const text = Array.from(
      { length: Math.floor(random() * 30) },
      () => alphabet[Math.floor(random() * alphabet.length)],
    ).join('')
    if (fnv1a64(text) !== byDefinition(text)) t.fail(`differs on ${JSON.stringify(text)}`)
  }
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
