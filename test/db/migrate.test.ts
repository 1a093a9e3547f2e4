import { createHash } from 'node:crypto'
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import t from 'tap'
import { createPGlite, MIGRATIONS_DIR } from '../../src/db/database.js'
import { applyMigrations, migrationChecksum, readMigrations, type SqlSession } from '../../src/db/migrate.js'

function sessionOf(db: PGlite): SqlSession {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    exec: async (script: string) => {
      await db.exec(script)
    },
  }
}

function recordingLog() {
  const lines: string[] = []
  return { lines, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`) }
}

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'verbatim-migrations-'))
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(join(dir, name))
    await writeFile(join(dir, name, 'migration.sql'), sql)
  }
  return dir
}

t.test('reads migrations in name order with Prisma’s checksum (sha-256 of the file)', async (t) => {
  const dir = await migrationsDir({ '002_b': 'SELECT 2;', '001_a': 'SELECT 1;' })
  await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n')
  const migrations = await readMigrations(dir)
  t.same(
    migrations.map((m) => m.name),
    ['001_a', '002_b'],
  )
  t.equal(migrations[0]!.checksum, createHash('sha256').update('SELECT 1;').digest('hex'))
  t.equal(migrationChecksum('SELECT 1;'), migrations[0]!.checksum)
})

t.test('applies the project’s migrations once and records them as prisma migrate deploy does', async (t) => {
  const db = await createPGlite()
  t.teardown(() => db.close())
  const migrations = await readMigrations(MIGRATIONS_DIR)
  t.ok(migrations.length > 0)
  const log = recordingLog()
  t.same(
    await applyMigrations(sessionOf(db), migrations, log),
    migrations.map((m) => m.name),
  )
  t.same(await applyMigrations(sessionOf(db), migrations, log), [], 'a second start applies nothing')
  const rows = (
    await db.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM _prisma_migrations ORDER BY migration_name',
    )
  ).rows
  t.equal(rows.length, migrations.length)
  for (const [index, row] of rows.entries()) {
    const file = await readFile(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'), 'utf8')
    t.equal(row.checksum, createHash('sha256').update(file).digest('hex'))
    t.equal(row.applied_steps_count, 1)
    t.ok(row.finished_at)
    t.equal(row.migration_name, migrations[index]!.name)
  }
})

t.test('a failing migration leaves neither its changes nor a record, and says which one failed', async (t) => {
  const db = await createPGlite()
  t.teardown(() => db.close())
  const dir = await migrationsDir({
    '001_ok': 'CREATE TABLE a (id int);',
    '002_broken': 'CREATE TABLE b (id int); SELECT * FROM no_such_table;',
  })
  await t.rejects(applyMigrations(sessionOf(db), await readMigrations(dir), recordingLog()), {
    name: 'MigrationError',
    message: /migration 002_broken failed: .*no_such_table/,
  })
  const tables = (
    await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)
  ).rows
    .map((r) => r.name)
    .sort()
  t.same(tables, ['_prisma_migrations', 'a'])
  const names = (await db.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations')).rows
  t.same(names, [{ migration_name: '001_ok' }])
})

t.test('refuses to start over a migration left unfinished, like Prisma', async (t) => {
  const db = await createPGlite()
  t.teardown(() => db.close())
  const migrations = await readMigrations(await migrationsDir({ '001_a': 'SELECT 1;' }))
  await applyMigrations(sessionOf(db), [], recordingLog())
  await db.query(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, applied_steps_count) VALUES ('x', 'c', '001_a', 0)`,
  )
  await t.rejects(applyMigrations(sessionOf(db), migrations, recordingLog()), {
    name: 'MigrationError',
    message: /001_a was started and never finished/,
  })
})

t.test('warns about a migration changed after it was applied, or missing from the folder', async (t) => {
  const db = await createPGlite()
  t.teardown(() => db.close())
  const log = recordingLog()
  await applyMigrations(
    sessionOf(db),
    await readMigrations(await migrationsDir({ '001_a': 'SELECT 1;', '002_gone': 'SELECT 2;' })),
    log,
  )
  const changed = await readMigrations(await migrationsDir({ '001_a': 'SELECT 1; -- edited' }))
  t.same(await applyMigrations(sessionOf(db), changed, log), [])
  t.match(log.lines, [
    'info applied migration 001_a',
    'info applied migration 002_gone',
    'warn migration 002_gone is recorded in the database but missing from prisma/migrations',
    'warn migration 001_a was modified after it was applied (checksum differs)',
  ])
})
