import t from 'tap'
import { FRAGMENT_WORDS } from '../../src/domain/claims/index.js'
import { FRAGMENT_KEY_PATTERN } from '../../src/services/claims.js'
import { openStore, testDatabaseEnv } from '../helper.js'

t.test('the short wordings indexed for fragments are those of fewer than FRAGMENT_WORDS words', async (t) => {
  const db = await openStore(t, await testDatabaseEnv(t))
  const [index] = await db.query<{ indexdef: string }>(
    "SELECT indexdef FROM pg_indexes WHERE indexname = 'claim_wording_fragment_key_idx'",
  )
  t.ok(index?.indexdef.includes(`search_key !~~ '${FRAGMENT_KEY_PATTERN}'::text`), index?.indexdef ?? 'no index')
  // The pattern, as Postgres reads it, tells a fragment's key from a longer one.
  const keys = Array.from({ length: FRAGMENT_WORDS + 2 }, (_, n) => Array.from({ length: n + 1 }, () => 'w').join(' '))
  const rows = await db.query<{ key: string; short: boolean }>(
    `SELECT key, key NOT LIKE '${FRAGMENT_KEY_PATTERN}' AS short FROM unnest($1::text[]) AS key`,
    [keys],
  )
  t.same(
    rows.map((row) => row.short),
    keys.map((key) => key.split(' ').length < FRAGMENT_WORDS),
  )
})
