import t from 'tap'
import { createRandom } from '../../src/domain/claims/index.js'
import { CLAIM_OVERLAP_THRESHOLD, RUN_FREE_WORDS } from '../../src/domain/wording/index.js'
import { openStore, testDatabaseEnv } from '../helper.js'

// The grouping's lookup (src/services/claim-grouping.ts) finds the wordings a rendering may share by
// the screening words of the shorter of the two (screening_word_hashes in the migrations), through
// quote columns Postgres keeps and indexes. Checked here on the store's own functions: which words,
// that the pigeonhole holds against the word screen it stands in for, and that the stored columns
// and the index are made with the grouping's own constants.

t.test('screening words: the longest, as many as the pigeonhole needs', async (t) => {
  const db = await openStore(t, await testDatabaseEnv(t))
  const screened = async (wording: string) => {
    const [row] = await db.query<{ same: boolean; words: number }>(
      `SELECT (SELECT array_agg(h ORDER BY h) FROM unnest(screening_word_hashes($1, $3)) AS h)
          IS NOT DISTINCT FROM (SELECT array_agg(h ORDER BY h) FROM unnest(word_hashes($2)) AS h) AS same,
        cardinality(screening_word_hashes($1, $3)) AS words`,
      [wording, expectations.get(wording), CLAIM_OVERLAP_THRESHOLD],
    )
    return row!
  }
  const expectations = new Map([
    // 5 distinct words, at least 3 (0.6 × 5) in a longer wording: it holds one of any 3 of them.
    ['we will never give up', 'never give will'],
    // 4 words: at least 3, so one of any 2; the longest, ties in byte order.
    ['that is not true', 'that true'],
    // A repeated word counts for itself: 4 words, 3 distinct, at least 3 − 1 = 2 distinct in common.
    ['no no never again', 'again never'],
    // Where one word in common may do, every word is needed.
    ['fine', 'fine'],
    ['go go', 'go'],
    ['', ''],
  ])
  for (const [wording, words] of expectations) {
    const row = await screened(wording)
    t.ok(row.same, `${JSON.stringify(wording)} is screened by ${JSON.stringify(words)}`)
    t.equal(row.words, words === '' ? 0 : words.split(' ').length)
  }
})

// The lookup tests a wording at least as long as another against the other's screening words before
// the word screen (a word in common, then may_share_wording): the first must let through every pair
// the second lets through, or a claim would be missed. Random wordings over a small vocabulary, so
// that words repeat and overlaps of every size occur; equal lengths included, where may_share_wording
// counts the repeated words of its first argument.
t.test(
  'every wording as long or longer that may_share_wording lets through holds one of the screening words',
  async (t) => {
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
      longs.push(wording(length + (n % 4 === 0 ? 0 : 1 + Math.floor(random() * 10))))
    }
    const rows = await db.query<{ shares: boolean; screened: boolean }>(
      `SELECT word_hashes(l) && word_hashes(s) AND may_share_wording(word_hashes(s), cardinality(string_to_array(s, ' ')),
        word_hashes(l), cardinality(string_to_array(l, ' ')), $3) AS shares,
      word_hashes(l) && screening_word_hashes(s, $3) AS screened
    FROM unnest($1::text[], $2::text[]) AS u(s, l)`,
      [shorts, longs, CLAIM_OVERLAP_THRESHOLD],
    )
    const shared = rows.filter((row) => row.shares)
    t.ok(shared.length > 300, `the pairs cover the rule (${shared.length} share)`)
    t.ok(rows.filter((row) => !row.shares && !row.screened).length > 300, 'and the screen keeps many out')
    t.same(
      shared.filter((row) => !row.screened),
      [],
    )
  },
)

t.test('the quote columns the lookup probes are made with the grouping constants', async (t) => {
  const db = await openStore(t, await testDatabaseEnv(t))
  const [column] = await db.query<{ generation_expression: string }>(
    `SELECT generation_expression FROM information_schema.columns
    WHERE table_name = 'quote' AND column_name = 'speaker_screen'`,
  )
  t.match(
    column?.generation_expression,
    new RegExp(`screening_word_hashes\\(normalized_text, \\(?${CLAIM_OVERLAP_THRESHOLD}\\)?`),
    'the screening words are those of the overlap threshold',
  )
  const [index] = await db.query<{ indexdef: string }>(
    "SELECT indexdef FROM pg_indexes WHERE indexname = 'quote_short_speaker_screen_idx'",
  )
  t.match(index?.indexdef, new RegExp(`WHERE \\(word_count < ${RUN_FREE_WORDS}\\)`), 'and the short ones are indexed')
  const [speakers] = await db.query<{ same: boolean; other: boolean; none: string[] }>(
    `SELECT speaker_word_hashes($1, word_hashes('we will win')) = speaker_word_hashes($1, word_hashes('we will win')) AS same,
      speaker_word_hashes($1, word_hashes('we will win')) && speaker_word_hashes($2, word_hashes('we will win')) AS other,
      speaker_word_hashes(NULL, word_hashes('we will win')) AS none`,
    ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'],
  )
  t.same(speakers, { same: true, other: false, none: [] }, "one speaker's words are not another's")
})
