import t from 'tap'
import { alignWords, MAX_ALIGNED_CELLS, type WordRun } from '../../../src/domain/wording/index.js'
import { countMatchedWords, fitWords } from '../../../src/domain/wording/align-words.js'

const words = (text: string): string[] => (text === '' ? [] : text.split(' '))

/** Reference LCS length, written the plain way, to check the optimised implementations against. */
function referenceLcs(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!)
    }
  }
  return table[a.length]![b.length]!
}

/** Small deterministic PRNG (mulberry32) so the property checks are reproducible. */
function randomSource(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let x = Math.imul(state ^ (state >>> 15), 1 | state)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

t.test('identical wordings are one equal run', async (t) => {
  const a = words('sovereignty is not for sale')
  t.strictSame(alignWords(a, [...a]), { matched: 5, runs: [{ op: 'equal', a, b: a }] })
})

t.test('empty sides', async (t) => {
  t.strictSame(alignWords([], []), { matched: 0, runs: [] })
  t.strictSame(alignWords(['a', 'b'], []), { matched: 0, runs: [{ op: 'delete', a: ['a', 'b'], b: [] }] })
  t.strictSame(alignWords([], ['a']), { matched: 0, runs: [{ op: 'insert', a: [], b: ['a'] }] })
})

const SHARED_START = 'sovereignty is not for sale sovereignty is'

t.test('words left out form a delete run', async (t) => {
  const canonical = words('sovereignty is not for sale sovereignty is loved and defended')
  const quote = words('sovereignty is not for sale sovereignty is defended')
  t.strictSame(alignWords(canonical, quote), {
    matched: 8,
    runs: [
      { op: 'equal', a: words(SHARED_START), b: words(SHARED_START) },
      { op: 'delete', a: ['loved', 'and'], b: [] },
      { op: 'equal', a: ['defended'], b: ['defended'] },
    ],
  })
})

t.test('an adjacent deletion and insertion merge into a replace run', async (t) => {
  const canonical = words('work with you in your territory')
  const quote = words('work alongside you in our territory')
  t.strictSame(alignWords(canonical, quote).runs, [
    { op: 'equal', a: ['work'], b: ['work'] },
    { op: 'replace', a: ['with'], b: ['alongside'] },
    { op: 'equal', a: ['you', 'in'], b: ['you', 'in'] },
    { op: 'replace', a: ['your'], b: ['our'] },
    { op: 'equal', a: ['territory'], b: ['territory'] },
  ])
})

t.test('ties break deterministically: earliest match, deletion before insertion', async (t) => {
  t.strictSame(alignWords(['x', 'y'], ['y', 'x']), {
    matched: 1,
    runs: [
      { op: 'delete', a: ['x'], b: [] },
      { op: 'equal', a: ['y'], b: ['y'] },
      { op: 'insert', a: [], b: ['x'] },
    ],
  })
  t.strictSame(alignWords(['p', 'x', 'q'], ['r', 'p', 's']), {
    matched: 1,
    runs: [
      { op: 'insert', a: [], b: ['r'] },
      { op: 'equal', a: ['p'], b: ['p'] },
      { op: 'replace', a: ['x', 'q'], b: ['s'] },
    ],
  })
})

t.test('random wordings: optimal, complete, well-formed edit scripts', async (t) => {
  const random = randomSource(20251121)
  const vocabulary = ['we', 'know', 'every', 'route', 'the', 'drug', 'lord']
  const randomWords = (): string[] =>
    Array.from({ length: Math.floor(random() * 14) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!)
  for (let round = 0; round < 400; round++) {
    const a = randomWords()
    const b = randomWords()
    const { matched, runs } = alignWords(a, b)
    const expected = referenceLcs(a, b)
    if (matched !== expected) t.fail(`matched ${matched} != ${expected} for ${a} / ${b}`)
    if (countMatchedWords(a, b) !== expected) t.fail(`countMatchedWords wrong for ${a} / ${b}`)
    const equalWords = runs.filter((run) => run.op === 'equal').reduce((sum, run) => sum + run.a.length, 0)
    if (equalWords !== matched) t.fail(`equal runs hold ${equalWords} words, not ${matched}`)
    if (runs.flatMap((run) => run.a).join(' ') !== a.join(' ')) t.fail(`runs do not rebuild a: ${a}`)
    if (runs.flatMap((run) => run.b).join(' ') !== b.join(' ')) t.fail(`runs do not rebuild b: ${b}`)
    if (!runs.every((run, k) => isWellFormed(run, runs[k - 1]))) t.fail(`malformed runs for ${a} / ${b}`)
  }
  t.pass('400 random pairs checked')
})

/** Runs alternate between equal and a change; each op holds words on the right sides only. */
function isWellFormed(run: WordRun, previous: WordRun | undefined): boolean {
  const alternates = previous === undefined || (previous.op === 'equal') !== (run.op === 'equal')
  const sides = {
    equal: run.a.length > 0 && run.a.join(' ') === run.b.join(' '),
    delete: run.a.length > 0 && run.b.length === 0,
    insert: run.a.length === 0 && run.b.length > 0,
    replace: run.a.length > 0 && run.b.length > 0,
  }[run.op]
  return alternates && sides
}

t.test('long wordings within the cell cap are aligned exactly', async (t) => {
  const a = Array.from({ length: 1500 }, (_, k) => `w${k}`)
  const b = a.map((word, k) => (k % 3 === 1 ? `changed${k}` : word))
  t.equal(alignWords(a, b).matched, 1000)
  t.equal(countMatchedWords(a, b), 1000)
})

t.test('middles beyond the cell cap become one replace run', async (t) => {
  const side = Math.ceil(Math.sqrt(MAX_ALIGNED_CELLS))
  const middleA = Array.from({ length: side }, (_, k) => `a${k % 10}`)
  const middleB = Array.from({ length: side }, (_, k) => `a${(k + 5) % 10}`)
  const a = ['start', ...middleA, 'end']
  const b = ['start', ...middleB, 'end']
  // Only the shared start and end are matched: a lower bound of the true LCS, computed cheaply.
  t.strictSame(alignWords(a, b), {
    matched: 2,
    runs: [
      { op: 'equal', a: ['start'], b: ['start'] },
      { op: 'replace', a: middleA, b: middleB },
      { op: 'equal', a: ['end'], b: ['end'] },
    ],
  })
  t.equal(countMatchedWords(a, b), 2)
})

/** Reference fit: every stretch of a tried, the LCS of each computed the plain way. */
function referenceFit(a: readonly string[], b: readonly string[]): { matched: number; stretch: number } {
  let best = { matched: 0, stretch: 0 }
  for (let start = 0; start < a.length; start++) {
    for (let end = start + 1; end <= a.length; end++) {
      const matched = referenceLcs(a.slice(start, end), b)
      // A stretch must start and end at matched words to be the narrowest: shorter stretches win ties.
      if (matched > best.matched || (matched === best.matched && matched > 0 && end - start < best.stretch)) {
        best = { matched, stretch: end - start }
      }
    }
  }
  return best
}

t.test('fitWords finds the narrowest stretch holding the most words in order', async (t) => {
  t.strictSame(fitWords(words('x a b y a c z'), words('a c')), { matched: 2, stretch: 2 })
  t.strictSame(fitWords(words('a b c d e f'), words('a b e f')), { matched: 4, stretch: 6 })
  t.strictSame(fitWords(words('a b c'), words('x y')), { matched: 0, stretch: 0 })
  t.strictSame(fitWords([], words('x')), { matched: 0, stretch: 0 })
  t.strictSame(fitWords(words('x'), []), { matched: 0, stretch: 0 })
  const random = randomSource(7)
  const draw = (length: number) => Array.from({ length }, () => 'abcd'[Math.floor(random() * 4)] as string)
  for (let k = 0; k < 300; k++) {
    const a = draw(Math.floor(random() * 12))
    const b = draw(Math.floor(random() * 8))
    t.strictSame(fitWords(a, b), referenceFit(a, b), `${a.join('')} / ${b.join('')}`)
  }
  const long = Array.from({ length: 2001 }, (_, k) => `w${k}`)
  t.equal(fitWords(long, long), null, 'too large to fit exactly')
})
