import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { parseBulkArgs, runBulk } from '../../src/cli/commands/bulk.js'
import { main } from '../../src/cli/verbatim.js'
import { buildApp, WRITE_KEY } from '../helper.js'

/** A stream that keeps what is written to it, as a terminal or not. */
function capture(isTTY = false) {
  const stream = Object.assign(new PassThrough(), { isTTY, text: '' })
  stream.on('data', (chunk) => (stream.text += chunk))
  return stream
}

async function run(args: string[], { tty = false, env = {} }: { tty?: boolean; env?: Record<string, string> } = {}) {
  const stdout = capture()
  const stderr = capture(tty)
  const code = await main(args, { stdin: Readable.from(['']), stdout, stderr, env })
  return { code, out: stdout.text, err: stderr.text }
}

/**
 * The real app listening on a port of its own; `cut` decides which batch requests have their connection
 * cut. One for the whole file: each app is a database of its own, seconds to make on a busy machine.
 */
async function listeningApp(t: { teardown(fn: () => unknown): void }, cut: (batch: number) => boolean = () => false) {
  let batches = 0
  const app: FastifyInstance = await buildApp(t, { BATCH_MAX_LINES: '10' }, (fastify) =>
    fastify.addHook('onRequest', async (request) => {
      if (!request.url.endsWith(':batch')) return
      batches++
      if (cut(batches)) {
        request.raw.socket.destroy()
        throw new Error('connection cut by the test')
      }
    }),
  )
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url, batches: () => batches }
}

let cutBatch: (batch: number) => boolean = () => false
const served = listeningApp(t, (batch) => cutBatch(batch))

/** Each test's articles under a path of its own, so that what one test stores is new to the next. */
let group = 'story'
const article = (n: number) =>
  JSON.stringify({
    url: `https://quay-news.example/${group}/${n}`,
    outlet: { name: 'Quay News', domain: 'quay-news.example' },
    text: `“The ferry to island ${n} will sail at dawn,” harbour master Nils Berg said.`,
  })

async function jsonlFile(lines: string[]): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'verbatim-bulk-')), 'articles.jsonl')
  await writeFile(file, `${lines.join('\n')}\n`)
  return file
}

t.test('verbatim ingest: every line through the batch route, failed lines reported, exit 1', async (t) => {
  const { app, url } = await served
  group = 'run'
  const file = await jsonlFile([article(1), article(2), '', 'not json', article(3), '{"url":"https://x.example/1"}'])
  const first = await run(['ingest', file, '--api', `${url}/`, '--key', WRITE_KEY, '--batch', '2'])
  t.equal(first.code, 1, 'a run with a failed line is no success')
  t.match(first.out, /^line 4: 400 the line is not JSON/m, 'each failed line with its number in the file')
  t.match(first.out, /^line 6: 400 the request body is invalid/m)
  t.notMatch(first.out, /line [1235]:/, 'lines done say nothing without --json')
  t.match(first.err, /verbatim ingest: 5\/5 lines, 2 failed\n/, 'a last progress line')
  t.match(
    first.err,
    /ingest: 3 of 5 lines done \(3 created\); 2 failed\nlines done are recorded in .*articles\.jsonl\.ingest-state\.json/,
  )
  t.equal(await app.prisma.article.count({ where: { url: { contains: '/run/' } } }), 3)

  const again = await run(['ingest', file, '--api', url, '--json'], { env: { VERBATIM_API_KEY: WRITE_KEY } })
  t.equal(again.code, 1)
  const results = again.out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
  t.same(
    results.map((result) => [result.line, result.status, result.article?.status ?? result.problem.type]),
    [
      [1, 200, 'unchanged'],
      [2, 200, 'unchanged'],
      [4, 400, '/problems/malformed-body'],
      [5, 200, 'unchanged'],
      [6, 400, '/problems/validation'],
    ],
    'without --resume every line is sent again; --json gives every result, numbered as in the file',
  )

  const good = await jsonlFile([article(1), article(4)])
  const clean = await run(['ingest', good, '--api', url, '--key', WRITE_KEY], { tty: true })
  t.equal(clean.code, 0, 'no line failed')
  t.match(clean.err, /\rverbatim ingest \[#{20}\] 2\/2 lines, 0 failed\n/, 'a bar redrawn in place on a terminal')
  t.match(clean.err, /ingest: 2 of 2 lines done \(1 unchanged, 1 created\); 0 failed\n$/)
})

t.test('verbatim ingest takes up an interrupted run where it stopped with --resume', async (t) => {
  const { app, url, batches } = await served
  group = 'resume'
  const cutAt = batches() + 2
  cutBatch = (batch) => batch === cutAt
  const file = await jsonlFile([1, 2, 3, 4, 5, 6, 7].map(article))
  const cut = await run(['ingest', file, '--api', url, '--key', WRITE_KEY, '--batch', '3'])
  t.equal(cut.code, 1)
  t.match(cut.err, /stopped: the API cannot be reached: .*; run again with --resume to go on/)
  const state = JSON.parse(await readFile(`${file}.ingest-state.json`, 'utf8'))
  t.same(state.done, [[1, 3]], 'the first batch is recorded as done')
  t.equal(await app.prisma.article.count({ where: { url: { contains: '/resume/' } } }), 3)

  cutBatch = () => false
  const before = batches()
  const resumed = await run(['ingest', file, '--api', url, '--key', WRITE_KEY, '--batch', '3', '--resume'])
  t.equal(resumed.code, 0, resumed.err)
  t.match(resumed.err, /ingest: 4 of 7 lines done \(4 created\); 3 skipped as done before; 0 failed/)
  t.equal(batches() - before, 2, 'only the four lines left are sent, in two batches')
  t.equal(await app.prisma.article.count({ where: { url: { contains: '/resume/' } } }), 7)
  t.same(JSON.parse(await readFile(`${file}.ingest-state.json`, 'utf8')).done, [[1, 7]])

  const nothingLeft = await run(['ingest', file, '--api', url, '--key', WRITE_KEY, '--resume'])
  t.equal(nothingLeft.code, 0)
  t.equal(batches() - before, 2, 'a finished run sends nothing')
  t.match(nothingLeft.err, /0 of 7 lines done; 7 skipped as done before; 0 failed/)

  await writeFile(file, `${article(8)}\n`)
  let changedCode = 0
  const said = await captureConsole(async () => {
    changedCode = (await run(['ingest', file, '--api', url, '--resume'])).code
  })
  t.equal(changedCode, 2, 'a state file of another input is not applied to this one')
  t.match(said, /records another run/)
  const elsewhere = await run([
    'ingest',
    file,
    '--api',
    url,
    '--key',
    WRITE_KEY,
    '--resume',
    '--state',
    `${file}.other`,
  ])
  t.equal(elsewhere.code, 0, '--state names another record')

  // A record that cannot be read (here a folder) stops the run rather than starting it over.
  let unreadableCode = 0
  const unreadable = await captureConsole(async () => {
    unreadableCode = (await run(['ingest', file, '--api', url, '--resume', '--state', dirname(file)])).code
  })
  t.equal(unreadableCode, 1)
  t.match(unreadable, /verbatim ingest: .*EISDIR/)
})

t.test('a batch the API refuses stops the run; a busy API is waited for', async (t) => {
  const { url } = await served
  group = 'refused'
  const file = await jsonlFile([article(1)])
  const refused = await run(['ingest', file, '--api', url, '--key', 'not-the-key-0123456789'])
  t.equal(refused.code, 1)
  t.match(refused.err, /stopped: the API refused the batch: 401 a valid API key is required/)
  const gone = await run(['ingest', file, '--api', 'http://127.0.0.1:9'])
  t.equal(gone.code, 1)
  t.match(gone.err, /stopped: the API cannot be reached/)

  const answers = [
    new Response('', { status: 503, headers: { 'retry-after': '0' } }),
    new Response('not a problem', { status: 502, statusText: 'Bad Gateway' }),
  ]
  const stderr = capture()
  const summary = await runBulk('ingest', parseBulkArgs('ingest', [file], {}), {
    stdout: capture(),
    stderr,
    fetch: async () => answers.shift()!,
  })
  t.equal(summary.stopped, 'the API refused the batch: 502 Bad Gateway', 'a 503 is tried again, a 502 is not')
  t.equal(answers.length, 0)
})

t.test('verbatim verify: a verdict a line', async (t) => {
  const { url } = await served
  group = 'verify'
  await run(['ingest', await jsonlFile([article(1)]), '--api', url, '--key', WRITE_KEY])
  const quotes = await jsonlFile([
    JSON.stringify({ text: 'The ferry to island 1 will sail at dawn', speaker: 'Nils Berg' }),
    JSON.stringify({ text: 'Nobody said anything like this at all.' }),
    JSON.stringify({ speaker: 'Nils Berg' }),
  ])
  const result = await run(['verify', quotes, '--api', url])
  t.equal(result.code, 1)
  t.match(result.out, /^line 1: matches\nline 2: no-record\nline 3: 400 /)
  t.match(result.err, /verify: 2 of 3 lines done \(1 matches, 1 no-record\); 1 failed/)
  const progress = capture()
  await runBulk('verify', parseBulkArgs('verify', [quotes, '--api', url, '--batch', '1'], {}), {
    stdout: capture(),
    stderr: progress,
    progressEveryMs: 0,
  })
  t.equal(progress.text.match(/^verbatim verify: /gm)?.length, 4, 'off a terminal: a line now and then, and a last one')
})

t.test('usage: --help, and mistakes in how the command was called', async (t) => {
  for (const command of ['ingest', 'verify']) {
    const help = await run([command, '--help'])
    t.equal(help.code, 0)
    t.match(help.out, new RegExp(`verbatim ${command} FILE\\.jsonl .*--resume`))
    t.match(help.out, /VERBATIM_API_KEY/)
    t.notMatch(help.out, /DATABASE_URL|verbatim keys/)
  }
  const mistakes: Array<[string[], RegExp]> = [
    [['ingest'], /which FILE\.jsonl/],
    [['ingest', 'a.jsonl', 'b.jsonl'], /one file at a time/],
    [['ingest', 'a.jsonl', '--batch', '0'], /--batch must be a whole number/],
    [['ingest', 'a.jsonl', '--key'], /--key needs a value/],
    [['ingest', 'a.jsonl', '--key', '--json'], /--key needs a value/],
    [['verify', 'a.jsonl', '--fast'], /unknown option --fast/],
    [['verify', 'a.jsonl', '--api', 'ftp://x'], /--api must be an http\(s\) URL/],
  ]
  for (const [args, message] of mistakes) {
    const answer = await run(args)
    t.equal(answer.code, 2, args.join(' '))
    t.match(answer.err + (await captureConsole(() => run(args))), message)
  }
  const missing = await run(['ingest', '/nonexistent/verbatim/articles.jsonl'])
  t.equal(missing.code, 1)
})

/** What main() reports through console.error (usage errors), while `use` runs. */
async function captureConsole(use: () => Promise<unknown>): Promise<string> {
  const original = console.error
  const lines: string[] = []
  console.error = (...parts: unknown[]) => lines.push(parts.join(' '))
  try {
    await use()
  } finally {
    console.error = original
  }
  return lines.join('\n')
}
