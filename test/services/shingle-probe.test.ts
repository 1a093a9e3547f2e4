import t, { type Test } from 'tap'
import { Prisma } from '../../src/generated/prisma/client.js'
import { COMMON_SHINGLE_HOLDERS, holdingShingle, probeShingles } from '../../src/services/shingle-probe.js'
import { openStore, testDatabaseEnv } from '../helper.js'

const openTestDatabase = async (t: Test) => openStore(t, await testDatabaseEnv(t))

t.test('a probe finds the rows holding a run, and skips a run held by more rows than a turn of phrase', async (t) => {
  const db = await openTestDatabase(t)
  // Shingle 1 is held by exactly the most rows a run may have and still count; shingle 2 by one row
  // more; shingle 3 by two rows, one of which also holds shingle 2.
  const common = COMMON_SHINGLE_HOLDERS + 1
  const rows = [
    ...Array.from({ length: COMMON_SHINGLE_HOLDERS }, (_, n) => ({ id: n, shingles: [1] })),
    ...Array.from({ length: common }, (_, n) => ({ id: 1000 + n, shingles: n === 0 ? [2, 3] : [2] })),
    { id: 5000, shingles: [3, 4] },
  ]
  const found = await db.transaction(async (sql) => {
    await sql.query(Prisma.sql`CREATE TEMPORARY TABLE held (id int PRIMARY KEY, shingles bigint[] NOT NULL)`)
    await sql.query(Prisma.sql`CREATE INDEX ON held USING gin (shingles)`)
    await sql.query(Prisma.sql`INSERT INTO held SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id int, shingles bigint[])`)
    const probe = (shingles: string[]) =>
      sql.query<{ shingle: string; id: number }>(Prisma.sql`
        SELECT k.shingle::text AS shingle, h.id FROM ${probeShingles(shingles)}
        CROSS JOIN ${holdingShingle(Prisma.sql`h.id`, Prisma.sql`held h`, Prisma.sql`h.shingles`)} AS h
        ORDER BY h.id, k.shingle`)
    return {
      atTheLimit: await probe(['1']),
      overTheLimit: await probe(['2']),
      rare: await probe(['3', '4', '3']),
      absent: await probe(['9']),
    }
  })
  t.equal(found.atTheLimit.length, COMMON_SHINGLE_HOLDERS, 'a run held by as many rows as the limit finds them all')
  t.same(found.overTheLimit, [], 'a run held by one row more is a turn of phrase: nothing')
  t.same(
    found.rare.map((row) => [row.shingle, row.id]),
    [
      ['3', 1000],
      ['3', 5000],
      ['4', 5000],
    ],
    'each rare run finds its rows, a run given twice is probed once, and a row holding a common run too is found by the rare one',
  )
  t.same(found.absent, [])
})
