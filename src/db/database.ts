import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient, type Prisma } from '../generated/prisma/client.js'
import { lockDataDir } from './data-dir-lock.js'
import { applyMigrations, readMigrations, type MigrationLogger, type SqlSession } from './migrate.js'

export type DatabaseEngine = 'postgres' | 'pglite'

/** SQL statements run on one connection inside a transaction. */
export interface SqlTransaction {
  /**
   * `prepared`: keep the statement prepared on the connection and let Postgres reuse a generic
   * plan, for a statement whose planning costs more than its running and whose best plan does not
   * depend on its parameters' values.
   */
  query<Row>(statement: Prisma.Sql, options?: { prepared?: boolean }): Promise<Row[]>
}

/** An open, migrated database. */
export interface Database {
  engine: DatabaseEngine
  prisma: PrismaClient
  /** The driver itself, bypassing Prisma: for measuring what Prisma costs (the ingest benchmark). */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>
  /**
   * Runs `work` in a transaction on the driver, bypassing Prisma: committed if it resolves, rolled
   * back if it throws. For the ingest, whose dozen statements are all SQL already: through an
   * interactive Prisma transaction each cost the Node process about 250 µs, on the driver 60 µs
   * (scratch measurement of a trivial statement), and the Node process is what limits ingestion.
   */
  transaction<T>(work: (sql: SqlTransaction) => Promise<T>): Promise<T>
  /**
   * Runs SQL text as a library that brings its own SQL gives it (the webhook queue, pg-boss): with
   * values, one statement with $n parameters; without, a script of several statements, whose last
   * result is answered.
   */
  execute(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** postgres://… ; without it the embedded PGlite database under dataDir is used */
  url?: string | undefined
  /** directory of the embedded database; `memory://` keeps it in memory */
  dataDir: string
  poolSize: number
  /** how long to wait for a connection: a new one, or a pooled one when all are busy */
  timeoutMs: number
  /** how long a statement may run (Postgres only; PGlite runs in this process) */
  statementTimeoutMs: number
  log: MigrationLogger & { error(details: object, message: string): void }
  /** where the migrations are; the project's own by default */
  migrationsDir?: string
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url))

// Any fixed number will do; it only has to be the same for every process migrating this database.
// This is the one Prisma's CLI takes, so the service and `prisma migrate deploy` also exclude each other.
const MIGRATION_LOCK_ID = 72707369
/** Uses of a pooled connection before it is replaced, so that its prepared statements are planned again. */
const PREPARED_PLAN_USES = 500

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrations = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR)
  return options.url ? openPostgres(options.url, options, migrations) : openPGlite(options.dataDir, options, migrations)
}

async function openPostgres(
  url: string,
  options: DatabaseOptions,
  migrations: Awaited<ReturnType<typeof readMigrations>>,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    // Bounds both opening a connection and waiting for a pooled one when all are in use.
    connectionTimeoutMillis: options.timeoutMs,
    idleTimeoutMillis: 30_000,
    // A server that stops answering (connections open, nothing coming back) must not hold a request
    // for the whole TCP timeout: Postgres cancels a statement that runs too long, and the client gives
    // up on a server that has not answered a second after that; either way the request gets a 503.
    statement_timeout: options.statementTimeoutMs,
    query_timeout: options.statementTimeoutMs + 1000,
    // Lets the operating system notice a peer that vanished without closing the connection.
    keepAlive: true,
    // Every statement the service runs is a short indexed lookup or write. Postgres JIT-compiles a
    // query once the planner's cost estimate passes a threshold, and an overestimate then costs far
    // more than the query: 180 ms of compiling for a lookup that ran in 1 ms. For the same reason no
    // statement is run by parallel workers: starting them costs more than the lookups they would
    // share (an article's quotes, estimated at a thousand rows without statistics, read by a worker
    // in 90-130 ms at 7k articles), and with many requests at once the cores are busy anyway.
    options: '-c jit=off -c max_parallel_workers_per_gather=0',
    // A statement kept prepared on a connection (SqlTransaction's `prepared`) keeps the generic plan
    // Postgres made for it on the tables as they were then, until an ANALYZE of a table it reads; a
    // server whose tables are never analysed (autovacuum off) keeps a plan made over a few hundred
    // rows, which scans the tables whole once they hold many thousand (the claim write of an ingest:
    // 72 ms at 10k articles). Replacing a connection after this many uses has its statements planned
    // again over the tables as they are now, at the cost of one connection and a few plans.
    maxUses: PREPARED_PLAN_USES,
  })
  // What follows a successful connection needs a Postgres server: the suite's TEST_DATABASE_URL pass
  // runs it (test/db/database.test.ts, test/db/outage.test.ts); an embedded-only run cannot reach it.
  /* c8 ignore start */
  // A connection dropped while idle (server restart, failover) must not take the process down: the pool
  // replaces it, and requests meanwhile get a 503 from the error handler.
  pool.on('error', (error) => options.log.error({ err: error }, 'idle database connection failed'))
  /* c8 ignore stop */
  try {
    // Migrations run on a connection of their own, without the requests' timeouts: one that rewrites a
    // table takes as long as the table is large (adding stored columns to 62k real quotes outlasted the
    // 16 s the pool waits for a statement, and the service could not start on its own store). Set to 0
    // outright, so that a timeout given to the role or the database does not apply either.
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.timeoutMs,
      keepAlive: true,
      statement_timeout: 0,
    })
    await client.connect()
    /* c8 ignore start */
    // A connection lost mid-migration fails the statement in flight; unheard, the event would end the process.
    client.on('error', (error) => options.log.error({ err: error }, 'migration connection failed'))
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID])
      try {
        const session: SqlSession = {
          query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
          exec: async (script) => {
            await client.query(script)
          },
        }
        await applyMigrations(session, migrations, options.log)
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID])
      }
    } finally {
      await client.end()
    }
    /* c8 ignore stop */
  } catch (error) {
    await pool.end()
    throw error
  }
  /* c8 ignore start */
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) })
  return {
    engine: 'postgres',
    prisma,
    query: async <Row>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as Row[],
    execute: async (text, values) => {
      const result: pg.QueryResult | pg.QueryResult[] = await pool.query(text, values)
      return Array.isArray(result) ? (result.at(-1) ?? { rows: [] }) : result
    },
    transaction: async (work) => {
      const client = await pool.connect()
      let broken: Error | undefined
      // A checked-out client is no longer watched by the pool: a connection lost mid-transaction is
      // emitted as 'error' on the client, and with no listener that took the process down. The
      // statement in flight fails on its own (a 503); the client is only marked for discarding.
      const onError = (error: Error) => (broken = error)
      client.on('error', onError)
      try {
        await client.query('BEGIN')
        const result = await work({
          query: async <Row>(statement: Prisma.Sql, options?: { prepared?: boolean }) =>
            (
              await client.query({
                ...(options?.prepared ? { name: preparedName(statement.text) } : {}),
                text: statement.text,
                values: statement.values,
              })
            ).rows as Row[],
        })
        await client.query('COMMIT')
        return result
      } catch (error) {
        // A connection that cannot even roll back is dropped from the pool, not handed out again.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
        throw error
      } finally {
        client.removeListener('error', onError)
        client.release(broken)
      }
    },
    close: async () => {
      await prisma.$disconnect()
      await pool.end()
    },
  }
}
/* c8 ignore stop */

const preparedNames = new Map<string, string>()

// Only Postgres prepares statements by name (PGlite runs each as it comes): the suite's
// TEST_DATABASE_URL pass covers this.
/* c8 ignore start */
/** The name a statement is prepared under on each pooled connection: one per distinct text. */
function preparedName(text: string): string {
  let name = preparedNames.get(text)
  if (name === undefined) {
    name = `verbatim_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`
    preparedNames.set(text, name)
  }
  return name
}
/* c8 ignore stop */

/** An embedded Postgres with the extensions the migrations create; in memory without a directory. */
export const createPGlite = (dataDir?: string): Promise<PGlite> =>
  PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } })

async function openPGlite(
  dataDir: string,
  options: DatabaseOptions,
  migrations: Awaited<ReturnType<typeof readMigrations>>,
): Promise<Database> {
  const inMemory = dataDir === 'memory://'
  let unlock = async () => {}
  if (!inMemory) {
    await mkdir(dataDir, { recursive: true })
    unlock = await lockDataDir(dataDir)
  }
  const db = await createPGlite(inMemory ? undefined : dataDir)
  try {
    const session: SqlSession = {
      query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
      exec: async (script) => {
        await db.exec(script)
      },
    }
    await applyMigrations(session, migrations, options.log)
  } catch (error) {
    await db.close()
    await unlock()
    throw error
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) })
  return {
    engine: 'pglite',
    prisma,
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    // PGlite runs parameters through `query` and scripts through `exec` only.
    execute: async (text, values) =>
      values !== undefined && values.length > 0
        ? db.query(text, values)
        : ((await db.exec(text)).at(-1) ?? { rows: [] }),
    // PGlite queues everything else (Prisma's queries included) behind a transaction it runs.
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <Row>(statement: Prisma.Sql) => (await tx.query<Row>(statement.text, statement.values)).rows,
        }),
      ),
    close: async () => {
      await prisma.$disconnect()
      await db.close()
      await unlock()
    },
  }
}
