import t from 'tap'
import { printedPieces } from '../../../src/domain/claims/index.js'

t.test('the pieces of a quote are cut from its text by the lengths of its spans', async (t) => {
  const article = '“The tide is high,” she said. “The boats stay in.”'
  const spans: Array<[number, number]> = [
    [1, 18],
    [31, 49],
  ]
  const pieces = spans.map(([start, end]) => article.slice(start, end))
  t.strictSame(pieces, ['The tide is high,', 'The boats stay in.'])
  t.strictSame(printedPieces(pieces.join(' '), spans), pieces)
  t.strictSame(printedPieces('The tide is high.', [[1, 18]]), ['The tide is high.'], 'one piece')
  t.strictSame(printedPieces('The tide is high.', []), ['The tide is high.'], 'no spans')
  t.strictSame(printedPieces('Not what the spans say', spans), ['Not what the spans say'], 'spans that do not fit')
})
