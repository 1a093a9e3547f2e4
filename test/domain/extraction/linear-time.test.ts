import t from 'tap'
import { extractQuotes } from '../../../src/domain/extraction/index.js'

/**
 * Hostile and degenerate inputs at 10k and 100k characters: extraction must take time growing with the size of
 * the text, never with its square (`POST /v1/extract` needs no key). A quadratic step makes the ratio about 100;
 * linear work makes it 10 to 20 (the collector works harder on a bigger heap). Best of three runs, and a floor on the small time, keep the machine's noise out.
 */
const SHAPES: Record<string, (size: number) => string> = {
  'opening curly marks': (size) => '“'.repeat(size),
  'straight marks': (size) => '"'.repeat(size),
  'tiny quotations': (size) => '“a” '.repeat(size / 4),
  'unbalanced quotations': (size) => ('“He said that it was over and ' + 'word '.repeat(20)).repeat(size / 130),
  'zero-width characters around marks': (size) => '\u200b“\u200b'.repeat(size / 3),
  'nested marks': (size) => '“‘'.repeat(size / 2),
  'single marks inside one quotation': (size) => '“' + "'a' ".repeat(size / 4) + '”',
  'one run-on sentence of quotes and cues': (size) => '“x” and Jane Roe said “y” '.repeat(size / 26),
  'colon cues': (size) => 'Roe: “x” '.repeat(size / 9),
  'dash cues': (size) => '“x” — '.repeat(size / 6),
  'many speakers': (size) => '“Yes,” said Jane Roe. '.repeat(size / 22),
  'one sentence of speech verbs whose subjects hold names': (size) =>
    'Harbor Party leaders say Jane Roe met Mark Pell, '.repeat(size / 49) + '“Yes,” they said.',
  'one sentence of they-cues long after a body': (size) =>
    'The Harbor Council met on Monday; ' +
    'and we waited for hours, '.repeat(size / 50) +
    'the officials as “we won,” they said, and '.repeat(size / 84),
  'phrasal speech verbs in one clause with no punctuation': (size) =>
    'Roe went on '.repeat(size / 12) + '“Yes,” Roe went on.',
  'paragraphs left open': (size) => '“Yes,\n\n'.repeat(size / 7),
  'one word with no space': (size) => 'a'.repeat(size),
  capitals: (size) => 'A '.repeat(size / 2),
}

function bestOfThree(text: string): number {
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    const started = performance.now()
    extractQuotes(text)
    best = Math.min(best, performance.now() - started)
  }
  return best
}

for (const [shape, make] of Object.entries(SHAPES)) {
  t.test(shape, async (t) => {
    t.doesNotThrow(() => extractQuotes(make(1000)), '1k characters')
    const small = bestOfThree(make(10_000))
    const large = bestOfThree(make(100_000))
    t.ok(large < 3000, `100k characters in ${large.toFixed(0)} ms`)
    t.ok(large / Math.max(small, 10) < 40, `10x the text takes ${(large / small).toFixed(1)}x the time`)
  })
}
