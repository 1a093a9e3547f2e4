import t from 'tap'
import { wordingOverlap } from '../../../src/domain/claims/index.js'
import { labelRendering, matchingWords, searchKey, tokenizeWording } from '../../../src/domain/wording/index.js'

// Invented wordings. Each house style of masking an expletive reads back to the word it hides.
t.test('a masked expletive is matched as the word it hides, in every house style', async (t) => {
  for (const printed of [
    'a f---ing mess',
    'a f***ing mess',
    'a F***ing mess',
    'a f**ing mess',
    'a f—king mess',
    'a f___ing mess',
  ]) {
    t.same(matchingWords(printed), ['a', 'fucking', 'mess'], printed)
  }
  t.same(
    matchingWords('you little son-of-a-b----'),
    ['you', 'little', 'son', 'of', 'a', 'bitch'],
    'a mask with no letters after it',
  )
  t.same(matchingWords('that d-----bag of a plan'), ['that', 'douchebag', 'of', 'a', 'plan'], 'letters on both sides')
  t.same(matchingWords('a--hole'), ['asshole'])
  t.same(matchingWords('give a f___'), ['give', 'a', 'fuck'], 'asterisks or underscores mask however short')
})

t.test('of the words a mask spells, the one hiding as many letters, then the most often masked', async (t) => {
  t.same(matchingWords('go f*** it'), ['go', 'fuck', 'it'], 'not "fucking": three letters hidden')
  t.same(matchingWords('f*****g'), ['fucking'])
  t.same(matchingWords('a s**t show'), ['a', 'shit', 'show'], 'two four-letter words fit; the list’s order decides')
  t.same(matchingWords('f** it'), ['f', 'it'], 'several fit, none hiding two letters: none is chosen')
})

t.test('a dash or an asterisk that masks no listed word is left as printed', async (t) => {
  t.same(matchingWords('country B--and more'), ['country', 'b', 'and', 'more'], 'two hyphens typed for a dash')
  t.same(matchingWords('what the hell--'), ['what', 'the', 'hell'], 'a dash after a whole word')
  t.same(matchingWords('I was a-- I was'), ['i', 'was', 'a', 'i', 'was'], 'a short break ends no word')
  t.same(matchingWords('the re-elect drive'), ['the', 're', 'elect', 'drive'], 'one hyphen joins a compound')
  t.same(matchingWords('a f-ing mess'), ['a', 'f', 'ing', 'mess'], 'one hyphen is never a mask')
  t.same(matchingWords('footnote* here'), ['footnote', 'here'])
})

t.test('printed words keep the mask: the label says the outlet did not print the word', async (t) => {
  t.same(tokenizeWording('a f---ing mess'), ['a', 'f', 'ing', 'mess'])
  t.equal(searchKey('A F***ing Mess'), 'a fucking mess', 'the lookup key is the matched wording')
  const canonical = 'They left us a fucking mess at the depot.'
  t.equal(labelRendering('They left us a fucking mess', canonical).label, 'excerpt')
  t.equal(labelRendering('They left us a f---ing mess', canonical).label, 'altered')
})

t.test('renderings masking differently are one utterance to the grouping rule', async (t) => {
  const full = 'We will never pay for that fucking fence, not one peso.'
  const fragment = 'that f-----g fence'
  t.ok(wordingOverlap(matchingWords(fragment), matchingWords(full)), 'the fragment is all there, in order')
  t.equal(wordingOverlap(tokenizeWording(fragment), tokenizeWording(full)), null, 'as printed, it is not')
  t.ok(wordingOverlap(matchingWords('never pay for that f***ing fence, not one'), matchingWords(full)))
})
