import { fileURLToPath } from 'node:url'
import { loadConfig, type Config } from '../config.js'
import { openDatabase, type Database } from '../db/database.js'
import { ingestArticle } from '../services/articles.js'
import { runExtract } from './commands/extract.js'
import { runKeys } from './commands/keys.js'
import { seedArticles } from './commands/seed.js'
import { VERSION } from '../version.js'
import { UsageError } from './usage-error.js'

const HELP = `verbatim — source-attribution fact-checking, from the command line

  verbatim extract                  JSON lines {"id","text"} on stdin → {"id","quotes":[…]} on stdout (no database)
  verbatim seed [DIR]               ingest the seed articles (default: the project's seeds/) into the database
  verbatim keys create --name NAME  create an API key for writes and print it once
  verbatim keys list                list stored keys (never the keys themselves)
  verbatim keys revoke ID           revoke a stored key
  verbatim --version                print the version

Every command takes --help.

The database is the one the service uses: DATABASE_URL, or the embedded database under DATA_DIR.`

export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seeds', import.meta.url))

interface Io {
  stdin: NodeJS.ReadableStream
  stdout: NodeJS.WritableStream
  env: Record<string, string | undefined>
}

async function withDatabase<T>(config: Config, use: (db: Database) => Promise<T>): Promise<T> {
  // Progress goes nowhere; warnings (a migration changed after it was applied) reach stderr.
  const ignore = () => undefined
  const quiet = { info: ignore, warn: console.error, error: ignore }
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: 2,
    timeoutMs: config.DATABASE_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    log: quiet,
  })
  try {
    return await use(db)
  } finally {
    await db.close()
  }
}

const COMMANDS = new Set(['extract', 'seed', 'keys'])
const HELP_FLAGS = new Set(['--help', '-h'])
const VERSION_FLAGS = new Set(['--version', '-V', 'version'])

/** The help of one command: its lines of HELP, and the word on the database unless they say it needs none. */
function commandHelp(command: string): string {
  const lines = HELP.split('\n').filter((line) => line.startsWith(`  verbatim ${command} `))
  const usesDatabase = !lines.some((line) => line.includes('(no database)'))
  return usesDatabase ? `${lines.join('\n')}\n\n${HELP.split('\n').at(-1)}` : lines.join('\n')
}

/** Runs one command; resolves to the process exit status. */
export async function main(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args
  // Asking how to run a command never runs it: no stdin is read and no database opened.
  if (command !== undefined && VERSION_FLAGS.has(command)) {
    io.stdout.write(`verbatim ${VERSION}\n`)
    return 0
  }
  if (command !== undefined && COMMANDS.has(command) && rest.some((arg) => HELP_FLAGS.has(arg))) {
    io.stdout.write(`${commandHelp(command)}\n`)
    return 0
  }
  try {
    switch (command) {
      case 'extract': {
        const summary = await runExtract(io.stdin, io.stdout)
        console.error(
          `extracted quotes from ${summary.documents} documents` +
            (summary.failed > 0 ? `; ${summary.failed} lines failed (see their "error")` : ''),
        )
        // A batch with failed lines is not a success, whatever the lines that worked.
        return summary.failed > 0 ? 1 : 0
      }
      case 'seed': {
        const directory = rest[0] ?? DEFAULT_SEED_DIR
        await withDatabase(loadConfig(io.env), (db) =>
          seedArticles(directory, (input) => ingestArticle(db, input, 'cli'), io.stdout),
        )
        return 0
      }
      case 'keys':
        await withDatabase(loadConfig(io.env), (db) => runKeys(rest, db.prisma, io.stdout))
        return 0
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${HELP}\n`)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command ${command}\n\n${HELP}`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message)
      return 2
    }
    console.error(`verbatim ${command}: ${(error as Error).message}`)
    return 1
  }
}
