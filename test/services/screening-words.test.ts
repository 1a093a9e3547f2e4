import t from 'tap'
import { createRandom } from '../../src/domain/claims/index.js'
import { CLAIM_OVERLAP_THRESHOLD, screeningWords } from '../../src/domain/wording/index.js'
import { openStore, testDatabaseEnv } from '../helper.js'

t.test('screening words: the longest, as many as the pigeonhole needs', async (t) => {
  // 5 distinct words, at least 3 (0.6 × 5) in a longer wording: it holds one of any 3 of them.
  t.same(screeningWords('we will never give up'), ['never', 'give', 'will'])
  // 4 words: at least 3, so one of any 2.
  t.same(screeningWords('that is not true'), ['that', 'true'])
  // A repeated word counts for itself: 4 words, 3 distinct, at least 3 − 1 = 2 distinct in common.
  t.same(screeningWords('no no never again'), ['again', 'never'])
  // Where one word in common may do, every word is needed.
  t.same(screeningWords('fine'), ['fine'])
  t.same(screeningWords('go go'), ['go'])
  t.same(screeningWords(''), [])
})

// The grouping's lookup tests a seed longer than a short rendering against the rendering's screening
// words before its word screen (a word in common, then may_share_wording in the migrations): the
// first must let through every seed the second lets through, or a claim would be missed. Checked on
// the store's own functions, for random wordings over a small vocabulary, so that words repeat and
// overlaps of every size occur.
t.test('every longer wording may_share_wording lets through holds one of the screening words', async (t) => {
  const db = await openStore(t, await testDatabaseEnv(t))
  const random = createRandom(20261204)
  const vocabulary = ['a', 'we', 'the', 'will', 'not', 'never', 'stop', 'again', 'country', 'tonight']
  const wording = (length: number) =>
    Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ')
  const shorts: string[] = []
  const longs: string[] = []
  for (let n = 0; n < 3000; n++) {
    const length = 1 + Math.floor(random() * 7)
    shorts.push(wording(length))
    longs.push(wording(length + 1 + Math.floor(random() * 10)))
  }
  const rows = await db.query<{ shares: boolean; screened: boolean }>(
    `SELECT word_hashes(l) && word_hashes(s) AND may_share_wording(word_hashes(l), cardinality(string_to_array(l, ' ')),
        word_hashes(s), cardinality(string_to_array(s, ' ')), $4) AS shares,
      word_hashes(l) && word_hashes(screen) AS screened
    FROM unnest($1::text[], $2::text[], $3::text[]) AS u(s, l, screen)`,
    [shorts, longs, shorts.map((short) => screeningWords(short).join(' ')), CLAIM_OVERLAP_THRESHOLD],
  )
  const shared = rows.filter((row) => row.shares)
  t.ok(shared.length > 300, `the pairs cover the rule (${shared.length} share)`)
  t.ok(rows.filter((row) => !row.shares && !row.screened).length > 300, 'and the screen keeps many out')
  t.same(
    shared.filter((row) => !row.screened),
    [],
  )
})
