import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** Where a benchmark keeps its data: a scratch database on a Postgres server, or a scratch directory for PGlite. */
export interface ScratchStore {
  /** what the service's configuration needs to use it: DATABASE_URL or DATA_DIR */
  env: Record<string, string>
  /** drops the database or deletes the directory */
  remove(): Promise<void>
}

/**
 * A fresh, empty store for one benchmark run. On Postgres, a database named `${prefix}_${pid}` on the
 * server of `adminUrl` (BENCH_DATABASE_URL), dropped by `remove`, connections and all.
 */
export async function openScratchStore(
  engine: 'postgres' | 'pglite',
  prefix: string,
  adminUrl: string,
): Promise<ScratchStore> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`))
    return { env: { DATA_DIR: dir }, remove: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `${prefix}_${process.pid}`
  const onServer = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    try {
      await admin.query(statement)
    } finally {
      await admin.end()
    }
  }
  await onServer(`DROP DATABASE IF EXISTS ${name}`)
  await onServer(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    env: { DATABASE_URL: url.toString() },
    remove: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
