import t from 'tap'
import { groupingTier } from '../../src/domain/claims/index.js'
import { openStore, testDatabaseEnv } from '../helper.js'

// The store finds the quotes after one in the grouping's order by a range over grouping_tier (the
// migrations); the domain orders by groupingTier. The two must be one rule.
t.test('grouping_tier in the database is groupingTier of the domain, at every length that matters', async (t) => {
  const db = await openStore(t, await testDatabaseEnv(t))
  const counts = Array.from({ length: 12 }, (_, count) => count)
  const rows = await db.query<{ count: number; tier: number }>(
    'SELECT count, grouping_tier(count) AS tier FROM unnest($1::int[]) AS count ORDER BY count',
    [counts],
  )
  t.strictSame(
    rows.map((row) => row.tier),
    counts.map((count) => groupingTier(Array.from({ length: count }, () => 'w'))),
  )
  const [index] = await db.query<{ indexdef: string }>(
    "SELECT indexdef FROM pg_indexes WHERE indexname = 'quote_speaker_grouping_order_idx'",
  )
  t.match(index?.indexdef ?? '', /\(speaker_id, grouping_tier\(word_count\), order_key\)/)
})
