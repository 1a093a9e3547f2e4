import { PassThrough, Readable, Writable } from 'node:stream'
import t from 'tap'
import { runExtract } from '../../../src/cli/commands/extract.js'
import type * as ExtractCommand from '../../../src/cli/commands/extract.js'

async function run(lines: string[]): Promise<{ output: unknown[]; summary: Awaited<ReturnType<typeof runExtract>> }> {
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  const summary = await runExtract(Readable.from([lines.join('\n')]), output)
  output.end()
  const written = Buffer.concat(chunks).toString('utf8').trim()
  return { output: written === '' ? [] : written.split('\n').map((line) => JSON.parse(line) as unknown), summary }
}

t.test('writes one line of quotes per document, with offsets into its text', async (t) => {
  const text = '“We will win,” Senator Jane Roe said on Monday.'
  const { output, summary } = await run([JSON.stringify({ id: 'a1', text })])
  t.equal(summary.documents, 1)
  t.equal(summary.characters, text.length)
  t.ok(summary.extractMs >= 0)
  t.same(output, [
    {
      id: 'a1',
      quotes: [
        {
          text: 'We will win,',
          spans: [[1, 13]],
          kind: 'direct',
          cue: { text: 'said', span: [32, 36] },
          speaker: {
            name: 'Jane Roe',
            title: 'Senator',
            kind: 'person',
            mention: [15, 31],
            resolvedBy: 'name',
            named: true,
            offices: [],
          },
          via: null,
          confidence: 0.95,
          statement: 0,
        },
      ],
    },
  ])
})

t.test('reports a malformed line and goes on with the next one', async (t) => {
  const { output, summary } = await run([
    '{"id": "broken", "text": ',
    '',
    JSON.stringify({ id: 7, text: 'No quotation here.' }),
    JSON.stringify({ id: 'no-text' }),
    JSON.stringify({ text: 'no id' }),
    JSON.stringify(['not', 'an', 'object']),
  ])
  t.equal(summary.documents, 1)
  t.match(output[0], { id: null, line: 1, error: /^invalid JSON/ })
  t.same(output[1], { id: 7, quotes: [] })
  t.same(output[2], { id: 'no-text', line: 4, error: '"text" must be a string' })
  t.same(output[3], { id: null, line: 5, error: '"id" must be a string or a number' })
  t.same(output[4], { id: null, line: 6, error: 'expected a JSON object with "id" and "text"' })
})

t.test('waits for a slow reader instead of buffering without bound', async (t) => {
  // A PassThrough hands each chunk on at once, so its write() never asks to wait: this reader takes its time.
  let received = 0
  const output = new Writable({
    highWaterMark: 8,
    write(_chunk, _encoding, done) {
      received++
      setImmediate(done)
    },
  })
  const lines = Array.from({ length: 20 }, (_, n) =>
    JSON.stringify({ id: n, text: `"Line ${n} is long enough," she said.` }),
  )
  const summary = await runExtract(Readable.from([lines.join('\n')]), output)
  t.equal(summary.documents, 20)
  t.equal(received, 20)
})

t.test('a document the extractor cannot read is reported and the batch goes on', async (t) => {
  const { runExtract: runWithBrokenExtractor } = await t.mockImport<typeof ExtractCommand>(
    '../../../src/cli/commands/extract.js',
    {
      '../../../src/domain/extraction/index.js': {
        extractQuotes: (text: string) => {
          if (text.includes('boom')) throw new Error('boom')
          return []
        },
      },
    },
  )
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  const lines = [JSON.stringify({ id: 'x', text: 'boom' }), JSON.stringify({ id: 'y', text: 'fine' })]
  const summary = await runWithBrokenExtractor(Readable.from([lines.join('\n')]), output)
  output.end()
  const written = Buffer.concat(chunks)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown)
  t.same(written, [
    { id: 'x', line: 1, error: 'extraction failed: boom' },
    { id: 'y', quotes: [] },
  ])
  t.equal(summary.failed, 1)
  t.equal(summary.documents, 1)
})
