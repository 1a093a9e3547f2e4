import t from 'tap'
import {
  CLAIM_OVERLAP_THRESHOLD,
  sharesContent,
  sharesWording,
  tokenizeWording,
} from '../../../src/domain/wording/index.js'

t.test('the threshold is 60% of the shorter wording', async (t) => {
  t.equal(CLAIM_OVERLAP_THRESHOLD, 0.6)
})

t.test('an excerpt shares all of its own wording with the full statement', async (t) => {
  const full = tokenizeWording('He said… And you know what I said to him? ‘No, President Trump.’')
  const excerpt = tokenizeWording('No, President Trump')
  t.strictSame(sharesWording(excerpt, full), { ratio: 1, matched: 3 })
  t.strictSame(sharesWording(full, excerpt), { ratio: 1, matched: 3 })
})

t.test('the ratio counts in-order words over the shorter wording', async (t) => {
  const a = tokenizeWording('we can work together but you in your territory')
  const b = tokenizeWording('we can share information but never on your territory')
  // in order: we can … but … your territory = 5 of the shorter 9 words
  t.strictSame(sharesWording(a, b), { ratio: 5 / 9, matched: 5 })
  t.ok(sharesWording(a, b).ratio < CLAIM_OVERLAP_THRESHOLD)
  // words out of order do not count
  t.strictSame(sharesWording(['trump', 'president', 'no'], ['no', 'president', 'trump']), { ratio: 1 / 3, matched: 1 })
})

t.test('no words share nothing', async (t) => {
  t.strictSame(sharesWording([], ['a']), { ratio: 0, matched: 0 })
  t.strictSame(sharesWording(['a'], []), { ratio: 0, matched: 0 })
  t.strictSame(sharesWording([], []), { ratio: 0, matched: 0 })
})

t.test('content words must be shared too, not only the grammar around them', async (t) => {
  const long = tokenizeWording('I need to ask what she did with the ledger and when she did it and why')
  // "what … the … did" is 60% of this excerpt, but its content is elsewhere.
  const excerpt = tokenizeWording('understand what the treasurer did')
  t.ok(sharesWording(excerpt, long).ratio >= CLAIM_OVERLAP_THRESHOLD)
  t.notOk(sharesContent(excerpt, long))
  t.ok(sharesContent(tokenizeWording('ask what she did with the ledger'), long))
  // With no content word on one side, the words alone decide.
  t.ok(sharesContent(tokenizeWording('what she did'), long))
})
