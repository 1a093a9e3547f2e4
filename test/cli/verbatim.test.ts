import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import t from 'tap'
import { main } from '../../src/cli/verbatim.js'
import { VERSION } from '../../src/version.js'
import { openStore, testDatabaseEnv } from '../helper.js'

async function run(args: string[], env: Record<string, string>, stdin = '') {
  const stdout = new PassThrough()
  let out = ''
  stdout.on('data', (chunk) => (out += chunk))
  const errors: string[] = []
  const originalError = console.error
  console.error = (...parts: unknown[]) => errors.push(parts.join(' '))
  try {
    const code = await main(args, { stdin: Readable.from([stdin]), stdout, env })
    return { code, out, err: errors.join('\n') }
  } finally {
    console.error = originalError
  }
}

/** A database for the CLI: a fresh Postgres database in CI, otherwise an embedded one in a temp dir. */
async function cliEnv(t: Parameters<typeof testDatabaseEnv>[0]): Promise<Record<string, string>> {
  const env = await testDatabaseEnv(t)
  if (env.DATABASE_URL) return env
  return { DATA_DIR: join(await mkdtemp(join(tmpdir(), 'verbatim-cli-')), 'data') }
}

t.test('help and usage mistakes', async (t) => {
  const help = await run(['help'], {})
  t.equal(help.code, 0)
  t.match(help.out, /verbatim extract/)
  t.equal((await run([], {})).code, 2, 'no command is a usage error')
  const unknown = await run(['frobnicate'], {})
  t.equal(unknown.code, 2)
  t.match(unknown.err, /unknown command frobnicate/)
  const badConfig = await run(['keys', 'list'], { DATABASE_URL: 'mysql://nope' })
  t.equal(badConfig.code, 1)
  t.match(badConfig.err, /verbatim keys: invalid configuration/)
})

t.test('--help on a command and --version run nothing: no stdin read, no database opened', async (t) => {
  // A configuration that cannot open a database, and stdin that is not JSON: neither is touched.
  const broken = { DATABASE_URL: 'mysql://nope' }
  for (const args of [
    ['extract', '--help'],
    ['seed', '--help'],
    ['seed', '-h'],
    ['keys', 'list', '--help'],
  ]) {
    const answer = await run(args, broken, 'not json')
    t.equal(answer.code, 0, args.join(' '))
    t.match(answer.out, new RegExp(`verbatim ${args[0]}`), `${args.join(' ')} prints its usage`)
    for (const other of ['extract', 'seed', 'keys'].filter((command) => command !== args[0]))
      t.notMatch(answer.out, `verbatim ${other}`, `${args.join(' ')} shows only its own usage`)
    t.equal(answer.err, '', 'and nothing else happens')
  }
  t.match((await run(['seed', '--help'], broken)).out, /DATABASE_URL/, 'a command with a database says which')
  t.notMatch((await run(['extract', '--help'], broken)).out, /DATABASE_URL/, 'extract has none')
  for (const flag of ['--version', '-V', 'version']) {
    const answer = await run([flag], broken)
    t.equal(answer.code, 0)
    t.equal(answer.out, `verbatim ${VERSION}\n`)
  }
  t.equal((await run(['frobnicate', '--help'], {})).code, 2, 'an unknown command stays a usage error')
})

t.test('verbatim extract needs no database', async (t) => {
  const result = await run(
    ['extract'],
    { DATABASE_URL: 'postgres://127.0.0.1:1/unreachable' },
    '{"id":"a","text":"No quotes here."}\n',
  )
  t.equal(result.code, 0)
  t.same(JSON.parse(result.out), { id: 'a', quotes: [] })
})

t.test('verbatim extract exits non-zero when a line failed, after writing every line', async (t) => {
  const result = await run(
    ['extract'],
    {},
    '{"id":"a","text":"No quotes here."}\nnot json\n{"id":"c","text":"Nor here."}\n',
  )
  t.equal(result.code, 1)
  t.equal(result.out.trim().split('\n').length, 3)
  t.match(result.err, /1 lines failed/)
})

t.test('verbatim keys create, list and revoke', async (t) => {
  const env = await cliEnv(t)
  const created = await run(['keys', 'create', '--name', 'scripted checks'], env)
  t.equal(created.code, 0)
  const [, id] = /created key (\S+) \(scripted checks\) with scopes read,ingest\n/.exec(created.out) ?? []
  t.ok(id)
  t.match(created.out, /\nvbt_[A-Za-z0-9_-]{43}\n/)
  const listed = await run(['keys', 'list'], env)
  t.match(listed.out, new RegExp(`${id}  vbt_.{6}…  scripted checks  read,ingest  active  last used never`))
  t.notMatch(listed.out, /vbt_[A-Za-z0-9_-]{43}/, 'the key itself is never listed')
  t.equal((await run(['keys', 'revoke', id!], env)).code, 0)
  t.match((await run(['keys', 'list'], env)).out, /revoked \d{4}-/)
  const again = await run(['keys', 'revoke', id!], env)
  t.equal(again.code, 2)
  t.match(again.err, /no active key with id/)
  t.equal((await run(['keys', 'revoke', 'not-an-id'], env)).code, 2)
  t.equal((await run(['keys', 'create'], env)).code, 2)
  t.equal((await run(['keys', 'create', '--name', '  '], env)).code, 2)
  t.equal((await run(['keys', 'rotate'], env)).code, 2)
})

t.test('verbatim keys create --scope, and --json for scripts', async (t) => {
  const env = await cliEnv(t)
  const created = await run(['keys', 'create', '--name', 'desk editor', '--scope', 'edit', '--json'], env)
  t.equal(created.code, 0, created.err)
  const key = JSON.parse(created.out) as { id: string; name: string; scopes: string[]; key: string }
  t.match(key, { name: 'desk editor', scopes: ['read', 'edit'], key: /^vbt_/ })
  const listed = (await run(['keys', 'list', '--json'], env)).out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
  t.match(listed, [{ id: key.id, name: 'desk editor', scopes: ['read', 'edit'], revokedAt: null }])
  t.notMatch(JSON.stringify(listed), key.key, 'the key itself is never listed')
  t.same(JSON.parse((await run(['keys', 'revoke', key.id, '--json'], env)).out), { id: key.id, revoked: true })
  const misspelt = await run(['keys', 'create', '--name', 'x', '--scope', 'edit,wirte'], env)
  t.equal(misspelt.code, 2)
  t.match(misspelt.err, /--scope names no scope "wirte"/)
  t.equal((await run(['keys', 'create', '--name', 'x', '--scope'], env)).code, 2, '--scope needs a value')
})

t.test('verbatim seed loads the seed articles through the ingest path, idempotently', async (t) => {
  const env = await cliEnv(t)
  const first = await run(['seed'], env)
  t.equal(first.code, 0, first.err)
  t.equal(first.out.match(/^created /gm)?.length, 5)
  const second = await run(['seed'], env)
  t.equal(second.out.match(/^unchanged /gm)?.length, 5)
  const db = await openStore(t, env)
  const articles = await db.prisma.article.findMany({ include: { outlet: true }, orderBy: { url: 'asc' } })
  t.same(
    articles.map((a) => [a.url, a.outlet.name, a.publishedAt]),
    [
      ['urn:verbatim:seed:000_22cdf342c23899ad', 'unknown outlet A', null],
      ['urn:verbatim:seed:001_5392a24d87c1b1c0', 'Newslooks', null],
      ['urn:verbatim:seed:002_0ac542e05e29bd92', 'unknown outlet B', null],
      ['urn:verbatim:seed:003_b8fb05beaabd00d1', 'unknown outlet C', null],
      ['urn:verbatim:seed:004_b0adedb6808ef7d6', 'unknown outlet D', null],
    ],
  )
})

t.test(
  'the embedded database refuses a second process',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const env = await cliEnv(t)
    await openStore(t, env)
    // The lock is per process, so pretend another live process (our parent) holds it.
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(env.DATA_DIR!, 'verbatim.pid'), String(process.ppid))
    const result = await run(['keys', 'list'], env)
    t.equal(result.code, 1)
    t.match(result.err, new RegExp(`in use by process ${process.ppid} \\(is the server running\\?`))
  },
)
