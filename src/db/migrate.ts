import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, so that a database migrated by the
 * service and one migrated by Prisma's CLI are the same database: same `_prisma_migrations` table,
 * same rows, same checksum (sha-256 of migration.sql). The service does it itself because Prisma's
 * schema engine is a separate download that is not available everywhere this service runs.
 */

export interface Migration {
  name: string
  script: string
  checksum: string
}

/** The two things the migrator needs from a database driver (pg and PGlite both offer them). */
export interface SqlSession {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>
}

export interface MigrationLogger {
  info(message: string): void
  warn(message: string): void
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

export const migrationChecksum = (script: string): string => createHash('sha256').update(script).digest('hex')

export async function readMigrations(directory: string): Promise<Migration[]> {
  const entries = await readdir(directory, { withFileTypes: true })
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(join(directory, name, 'migration.sql'), 'utf8')
      return { name, script, checksum: migrationChecksum(script) }
    }),
  )
}

// Prisma's own DDL for its bookkeeping table, so its CLI recognises the table as its own.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

interface AppliedRow {
  migration_name: string
  checksum: string
  finished_at: Date | string | null
  rolled_back_at: Date | string | null
}

/**
 * Applies every migration not yet recorded, each in its own transaction together with its record, so
 * a failed migration leaves neither half-applied DDL nor a row behind. Returns the names applied.
 * The caller holds whatever lock keeps two processes from migrating at once.
 */
export async function applyMigrations(
  session: SqlSession,
  migrations: Migration[],
  log: MigrationLogger,
): Promise<string[]> {
  await session.exec(CREATE_MIGRATIONS_TABLE)
  const rows = await session.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
  )
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null)
  if (failed) {
    throw new MigrationError(
      `migration ${failed.migration_name} was started and never finished; resolve it (prisma migrate resolve) before starting the service`,
    )
  }
  const applied = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]))
  const known = new Set(migrations.map((migration) => migration.name))
  for (const name of applied.keys()) {
    if (!known.has(name)) log.warn(`migration ${name} is recorded in the database but missing from prisma/migrations`)
  }

  const done: string[] = []
  for (const migration of migrations) {
    const row = applied.get(migration.name)
    if (row) {
      if (row.checksum !== migration.checksum) {
        log.warn(`migration ${migration.name} was modified after it was applied (checksum differs)`)
      }
      continue
    }
    await session.exec('BEGIN')
    try {
      await session.exec(migration.script)
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      )
      await session.exec('COMMIT')
    } catch (error) {
      await session.exec('ROLLBACK')
      throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error })
    }
    log.info(`applied migration ${migration.name}`)
    done.push(migration.name)
  }
  return done
}
