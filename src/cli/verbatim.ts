import { fileURLToPath } from 'node:url'
import { loadConfig, type Config } from '../config.js'
import { openDatabase, type Database } from '../db/database.js'
import { ingestArticle } from '../services/articles.js'
import { parseBulkArgs, runBulk, type BulkCommand, type BulkSummary } from './commands/bulk.js'
import { runExtract } from './commands/extract.js'
import { runKeys } from './commands/keys.js'
import { seedArticles } from './commands/seed.js'
import { VERSION } from '../version.js'
import { UsageError } from './usage-error.js'

const HELP = `verbatim — source-attribution fact-checking, from the command line

  verbatim extract                  JSON lines {"id","text"} on stdin → {"id","quotes":[…]} on stdout (no database)
  verbatim seed [DIR]               ingest the seed articles (default: the project's seeds/) into the database
  verbatim ingest FILE.jsonl [--api URL] [--key KEY] [--batch N] [--json] [--resume] [--state FILE]
                                    post one article a line through the API (no database)
  verbatim verify FILE.jsonl [--api URL] [--key KEY] [--batch N] [--json] [--resume] [--state FILE]
                                    check one {"text","speaker"} a line against the API's record (no database)
  verbatim keys create --name NAME [--scope SCOPES] [--json]
                                    create an API key and print it once; SCOPES: read, ingest, edit, admin
                                    (comma-separated; default read,ingest)
  verbatim keys list [--json]       list stored keys and their scopes (never the keys themselves)
  verbatim keys revoke ID           revoke a stored key
  verbatim --version                print the version

Every command takes --help.

ingest and verify talk to a running API: --api (or VERBATIM_API_URL; default http://127.0.0.1:3000), --key (or
VERBATIM_API_KEY), --batch lines a request (default 50). Each failed line is reported with its problem (every
line's result as JSON lines with --json) and the exit status is 1 when any line failed. The lines done are
recorded in FILE.jsonl.<command>-state.json (or --state); --resume skips them after an interrupted run.

The database is the one the service uses: DATABASE_URL, or the embedded database under DATA_DIR.`

export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seeds', import.meta.url))

interface Io {
  stdin: NodeJS.ReadableStream
  stdout: NodeJS.WritableStream
  /** progress and summaries of ingest and verify; the process's own when not given */
  stderr?: NodeJS.WritableStream & { isTTY?: boolean }
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

const COMMANDS = new Set(['extract', 'seed', 'keys', 'ingest', 'verify'])
const HELP_FLAGS = new Set(['--help', '-h'])
const VERSION_FLAGS = new Set(['--version', '-V', 'version'])

/**
 * The help of one command: its lines of HELP (with the line under each that goes on with it), then the
 * paragraph about the command's kind: the API's options for a command that calls it, the database for one
 * that opens it, nothing for one that needs neither.
 */
function commandHelp(command: string): string {
  const all = HELP.split('\n')
  const lines = all.filter(
    (line, index) =>
      line.startsWith(`  verbatim ${command} `) ||
      (line.startsWith('    ') && all[index - 1]!.startsWith(`  verbatim ${command} `)),
  )
  const paragraphs = HELP.split('\n\n')
  if (command === 'ingest' || command === 'verify') {
    return `${lines.join('\n')}\n\n${paragraphs.find((paragraph) => paragraph.startsWith('ingest and verify'))}`
  }
  const usesDatabase = !lines.some((line) => line.includes('(no database)'))
  return usesDatabase ? `${lines.join('\n')}\n\n${all.at(-1)}` : lines.join('\n')
}

/** The last line of a bulk run: what was done, what failed, where the record of it is. */
function bulkSummaryLine(command: BulkCommand, summary: BulkSummary, statePath: string): string {
  const outcomes = Object.entries(summary.outcomes)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ')
  const parts = [
    `${command}: ${summary.done} of ${summary.lines} lines done${outcomes ? ` (${outcomes})` : ''}`,
    ...(summary.skipped > 0 ? [`${summary.skipped} skipped as done before`] : []),
    `${summary.failed} failed`,
  ]
  const stopped = summary.stopped ? `\nstopped: ${summary.stopped}; run again with --resume to go on` : ''
  const record = summary.failed > 0 || summary.stopped ? `\nlines done are recorded in ${statePath}` : ''
  return `${parts.join('; ')}${stopped}${record}`
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
      case 'ingest':
      case 'verify': {
        const options = parseBulkArgs(command, rest, io.env)
        const stderr = io.stderr ?? process.stderr
        const summary = await runBulk(command, options, { stdout: io.stdout, stderr })
        stderr.write(`${bulkSummaryLine(command, summary, options.statePath)}\n`)
        return summary.failed > 0 || summary.stopped ? 1 : 0
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
