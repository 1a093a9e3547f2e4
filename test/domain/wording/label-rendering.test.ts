import t from 'tap'
import { labelRendering, RENDERING_LABELS } from '../../../src/domain/wording/index.js'

const CANONICAL = 'Sovereignty is not for sale. Sovereignty is loved and defended.'
const SHARED_START = 'sovereignty is not for sale sovereignty is'
const words = (text: string): string[] => text.split(' ')

t.test('the labels, most faithful first', async (t) => {
  t.strictSame(RENDERING_LABELS, ['verbatim', 'excerpt', 'extended', 'elided', 'altered'])
})

t.test('quote, dash and apostrophe variants are verbatim', async (t) => {
  const assessment = labelRendering(
    '“Sovereignty isn’t for sale -- it’s loved—and defended”',
    "Sovereignty isn't for sale – it's loved - and defended.",
  )
  const same = words("sovereignty isn't for sale it's loved and defended")
  t.strictSame(assessment, { label: 'verbatim', fidelity: 1, diff: [{ op: 'equal', a: same, b: same }] })
  const inPieces = ['Sovereignty is not for sale,', 'Sovereignty is loved and defended.']
  t.equal(labelRendering(inPieces, CANONICAL).label, 'verbatim')
})

t.test('words left out without an ellipsis: altered, and the diff shows them', async (t) => {
  const assessment = labelRendering('Sovereignty is not for sale. Sovereignty is defended.', CANONICAL)
  t.equal(assessment.label, 'altered')
  t.equal(assessment.fidelity, (2 * 8) / (8 + 10))
  t.strictSame(assessment.diff, [
    { op: 'equal', a: words(SHARED_START), b: words(SHARED_START) },
    { op: 'delete', a: ['loved', 'and'], b: [] },
    { op: 'equal', a: ['defended'], b: ['defended'] },
  ])
})

t.test('words left out where an ellipsis shows it: elided', async (t) => {
  for (const quote of [
    'Sovereignty is not for sale. Sovereignty is … defended.',
    'Sovereignty is not for sale. Sovereignty is...defended.',
    'Sovereignty is not for sale. Sovereignty is . . . defended.',
    // An ellipsis where nothing is missing does no harm.
    'Sovereignty is … not for sale. Sovereignty is … defended.',
  ]) {
    const assessment = labelRendering(quote, CANONICAL)
    t.equal(assessment.label, 'elided', quote)
    t.equal(assessment.fidelity, (2 * 8) / (8 + 10), quote)
  }
})

t.test('an ellipsis somewhere else than the gap does not cover it', async (t) => {
  // The only words missing are "loved and", after the second "is"; the ellipsis stands after "sale".
  t.equal(labelRendering('Sovereignty is not for sale … Sovereignty is defended.', CANONICAL).label, 'altered')
  // Two gaps, only one marked.
  t.equal(labelRendering('Sovereignty … not for sale. Sovereignty is defended.', CANONICAL).label, 'altered')
})

t.test('any reading of repeated words that puts every gap at an ellipsis counts', async (t) => {
  // Matching the second "stop the" early would leave the gap before "cartels", unmarked; reading
  // it as the third "stop the" puts the only gap at the ellipsis.
  const canonical = 'Stop the drugs, stop the trade and stop the cartels.'
  t.equal(labelRendering('Stop the drugs … stop the cartels.', canonical).label, 'elided')
})

t.test('a boundary between pieces is not an ellipsis', async (t) => {
  t.equal(labelRendering(['Sovereignty is not for sale. Sovereignty is', 'defended.'], CANONICAL).label, 'altered')
  t.equal(labelRendering(['Sovereignty is not for sale. Sovereignty is …', 'defended.'], CANONICAL).label, 'elided')
  t.equal(labelRendering(['Sovereignty is not for sale. Sovereignty is', '… defended.'], CANONICAL).label, 'elided')
})

t.test('a contiguous run of the canonical words is an excerpt, with or without ellipses at its ends', async (t) => {
  for (const quote of ['not for sale', '… not for sale …', 'Sovereignty is loved and defended']) {
    t.equal(labelRendering(quote, CANONICAL).label, 'excerpt', quote)
  }
  t.equal(labelRendering('not for sale', CANONICAL).fidelity, (2 * 3) / (3 + 10))
})

t.test('the canonical words as a contiguous run of the quote is extended', async (t) => {
  const assessment = labelRendering('Yes. Sovereignty is not for sale. Sovereignty is loved and defended.', CANONICAL)
  t.equal(assessment.label, 'extended')
  t.strictSame(assessment.diff[0], { op: 'insert', a: [], b: ['yes'] })
})

t.test('changed or added words are altered', async (t) => {
  const assessment = labelRendering('Sovereignty is not for sale. Sovereignty is cherished and defended.', CANONICAL)
  t.equal(assessment.label, 'altered')
  t.strictSame(assessment.diff[1], { op: 'replace', a: ['loved'], b: ['cherished'] })
  t.equal(labelRendering('Sovereignty is not … for hire', CANONICAL).label, 'altered')
})

t.test('empty wordings', async (t) => {
  t.strictSame(labelRendering('', ''), { label: 'verbatim', fidelity: 1, diff: [] })
  t.strictSame(labelRendering([], '“…”'), { label: 'verbatim', fidelity: 1, diff: [] })
  const nothingQuoted = labelRendering('…', CANONICAL)
  t.equal(nothingQuoted.label, 'altered')
  t.equal(nothingQuoted.fidelity, 0)
  t.equal(labelRendering('not for sale', '').label, 'altered')
})
