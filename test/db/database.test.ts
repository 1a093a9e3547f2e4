import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { openDatabase } from '../../src/db/database.js'
import { Prisma } from '../../src/generated/prisma/client.js'
import { testDatabaseEnv } from '../helper.js'

const quietLog = { info: () => {}, warn: () => {}, error: () => {} }
const options = { poolSize: 2, timeoutMs: 2000, statementTimeoutMs: 10_000, log: quietLog }

t.test('the embedded database persists under its data directory', async (t) => {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'verbatim-data-')), 'nested', 'dir')
  const first = await openDatabase({ ...options, dataDir })
  t.equal(first.engine, 'pglite')
  await first.prisma.outlet.create({ data: { name: 'Kept', domain: 'kept.example' } })
  await first.close()

  const second = await openDatabase({ ...options, dataDir })
  t.teardown(() => second.close())
  t.equal((await second.prisma.outlet.findUniqueOrThrow({ where: { domain: 'kept.example' } })).name, 'Kept')
  t.same(await second.query('SELECT name FROM outlet WHERE domain = $1', ['kept.example']), [{ name: 'Kept' }])
})

t.test('a Postgres URL that cannot be reached fails the open and leaks no pool', async (t) => {
  await t.rejects(
    openDatabase({ ...options, url: 'postgres://postgres@127.0.0.1:1/none', dataDir: 'memory://' }),
    /ECONNREFUSED|connect/,
  )
})

t.test(
  'real Postgres, migrated at open',
  { skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL is not set' },
  async (t) => {
    const { DATABASE_URL } = await testDatabaseEnv(t)
    const db = await openDatabase({ ...options, url: DATABASE_URL, dataDir: 'memory://' })
    t.equal(db.engine, 'postgres')
    const rows = await db.prisma.$queryRaw<
      Array<{ similarity: number }>
    >`SELECT similarity('sovereignty', 'soverignty') AS similarity`
    t.ok(rows[0]!.similarity > 0.5, 'pg_trgm is installed')
    t.same(await db.query('SELECT $1::int AS n', [7]), [{ n: 7 }], 'the driver answers directly too')
    await db.close()
    // a second open finds everything applied
    const again = await openDatabase({ ...options, url: DATABASE_URL, dataDir: 'memory://' })
    await again.close()
  },
)

t.test(
  "a migration may run longer than a request's statement timeout",
  { skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL is not set' },
  async (t) => {
    // As one that rewrites a large table does; the timeout is for requests, and a store that cannot be
    // migrated cannot be served at all.
    const { DATABASE_URL } = await testDatabaseEnv(t)
    const migrationsDir = await mkdtemp(join(tmpdir(), 'verbatim-slow-'))
    await mkdir(join(migrationsDir, '001_slow'))
    await writeFile(join(migrationsDir, '001_slow', 'migration.sql'), 'SELECT pg_sleep(1.5);')
    const db = await openDatabase({
      ...options,
      statementTimeoutMs: 200,
      url: DATABASE_URL,
      dataDir: 'memory://',
      migrationsDir,
    })
    t.teardown(() => db.close())
    t.same(await db.query('SELECT count(*)::int AS n FROM _prisma_migrations'), [{ n: 1 }])
    // Requests still have theirs.
    await t.rejects(db.query('SELECT pg_sleep(1)'), /statement timeout|canceling statement/)
  },
)

t.test('a migration that fails closes the embedded database again', async (t) => {
  const migrationsDir = await mkdtemp(join(tmpdir(), 'verbatim-broken-'))
  await mkdir(join(migrationsDir, '001_broken'))
  await writeFile(join(migrationsDir, '001_broken', 'migration.sql'), 'SELECT * FROM nowhere;')
  const dataDir = join(await mkdtemp(join(tmpdir(), 'verbatim-data-')), 'db')
  await t.rejects(openDatabase({ ...options, dataDir, migrationsDir }), { name: 'MigrationError' })
  // The directory was unlocked and closed: it opens again with the real migrations.
  const db = await openDatabase({ ...options, dataDir })
  await db.close()
})

t.test('a driver transaction commits what its work wrote, and rolls it all back when the work throws', async (t) => {
  const engines = [{ name: 'pglite', url: undefined as string | undefined }]
  if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: (await testDatabaseEnv(t)).DATABASE_URL })
  for (const { name, url } of engines) {
    const db = await openDatabase({ ...options, url, dataDir: 'memory://' })
    t.teardown(() => db.close())
    const insert = (domain: string) =>
      Prisma.sql`INSERT INTO outlet (name, domain) VALUES (${domain}, ${domain}) RETURNING domain`
    const kept = await db.transaction(async (sql) => {
      await sql.query(insert('one.example'))
      return sql.query<{ domain: string }>(insert('two.example'), { prepared: true })
    })
    t.same(kept, [{ domain: 'two.example' }], `${name}: the work's result`)
    await t.rejects(
      db.transaction(async (sql) => {
        await sql.query(insert('three.example'))
        throw new Error('the work failed')
      }),
      /the work failed/,
    )
    // A statement that fails leaves the transaction unusable: it is rolled back, and the error kept.
    await t.rejects(
      db.transaction(async (sql) => sql.query(insert('one.example'))),
      /duplicate key|unique/i,
    )
    t.same(
      (await db.query<{ domain: string }>('SELECT domain FROM outlet ORDER BY domain')).map((row) => row.domain),
      ['one.example', 'two.example'],
      `${name}: nothing of the failed transactions`,
    )
  }
})
