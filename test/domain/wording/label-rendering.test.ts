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
  t.strictSame(assessment, { label: 'verbatim', fidelity: 1, coverage: 1, diff: [{ op: 'equal', a: same, b: same }] })
  const inPieces = ['Sovereignty is not for sale,', 'Sovereignty is loved and defended.']
  t.equal(labelRendering(inPieces, CANONICAL).label, 'verbatim')
})

t.test('words left out without an ellipsis: altered, and the diff shows them', async (t) => {
  const assessment = labelRendering('Sovereignty is not for sale. Sovereignty is defended.', CANONICAL)
  t.equal(assessment.label, 'altered')
  // The best fit is the whole wording with two words cut: 8 printed, 10 in the stretch.
  t.equal(assessment.fidelity, (2 * 8) / (8 + 10))
  t.equal(assessment.coverage, 8 / 10)
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
    t.equal(assessment.coverage, 8 / 10, quote)
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
  t.match(labelRendering('not for sale', CANONICAL), { fidelity: 1, coverage: 3 / 10 })
})

t.test('the canonical words as a contiguous run of the quote is extended', async (t) => {
  const assessment = labelRendering('Yes. Sovereignty is not for sale. Sovereignty is loved and defended.', CANONICAL)
  t.equal(assessment.label, 'extended')
  t.strictSame(assessment.diff[0], { op: 'insert', a: [], b: ['yes'] })
  t.match(assessment, { fidelity: (2 * 10) / (11 + 10), coverage: 1 })
})

t.test('changed or added words are altered', async (t) => {
  const assessment = labelRendering('Sovereignty is not for sale. Sovereignty is cherished and defended.', CANONICAL)
  t.equal(assessment.label, 'altered')
  t.strictSame(assessment.diff[1], { op: 'replace', a: ['loved'], b: ['cherished'] })
  t.equal(labelRendering('Sovereignty is not … for hire', CANONICAL).label, 'altered')
})

t.test('empty wordings', async (t) => {
  t.strictSame(labelRendering('', ''), { label: 'verbatim', fidelity: 1, coverage: 1, diff: [] })
  t.strictSame(labelRendering([], '“…”'), { label: 'verbatim', fidelity: 1, coverage: 1, diff: [] })
  const nothingQuoted = labelRendering('…', CANONICAL)
  t.equal(nothingQuoted.label, 'altered')
  t.equal(nothingQuoted.fidelity, 0)
  t.equal(nothingQuoted.coverage, 0)
  t.match(labelRendering('not for sale', ''), { label: 'altered', fidelity: 0, coverage: 1 })
})

// Fidelity asks whether the printed words are the speaker's; coverage, how much of them was printed.
const HARBOUR = 'The harbour will reopen next spring, and the ferries will run every hour.'

t.test('an exact excerpt is fully faithful, however little of the wording it covers', async (t) => {
  t.match(labelRendering('the ferries will run', HARBOUR), { label: 'excerpt', fidelity: 1, coverage: 4 / 13 })
  t.match(labelRendering(['The harbour will reopen,', 'next spring'], HARBOUR), {
    label: 'excerpt',
    fidelity: 1,
    coverage: 6 / 13,
  })
  t.match(labelRendering(HARBOUR, HARBOUR), { label: 'verbatim', fidelity: 1, coverage: 1 })
})

t.test('fidelity counts words changed or added inside what was printed, not what was left out around it', async (t) => {
  // One word changed in a four-word excerpt: the stretch covered is "the ferries will run".
  t.match(labelRendering('the boats will run', HARBOUR), {
    label: 'altered',
    fidelity: (2 * 3) / (4 + 4),
    coverage: 3 / 13,
  })
  // One word added inside an excerpt.
  t.match(labelRendering('the ferries will surely run', HARBOUR), {
    label: 'altered',
    fidelity: (2 * 4) / (5 + 4),
    coverage: 4 / 13,
  })
  // Words of the speaker's around the canonical ones are words the canonical wording does not hold.
  t.match(labelRendering(`Yes. ${HARBOUR} Sure.`, HARBOUR), {
    label: 'extended',
    fidelity: (2 * 13) / (15 + 13),
    coverage: 1,
  })
  t.match(labelRendering('nothing alike at all', HARBOUR), { label: 'altered', fidelity: 0, coverage: 0 })
})

t.test('an elision costs the words cut inside the printed span', async (t) => {
  // "reopen next spring and the ferries will" cut: 6 printed words in a 13-word stretch.
  t.match(labelRendering('The harbour will … run every hour.', HARBOUR), {
    label: 'elided',
    fidelity: (2 * 6) / (6 + 13),
    coverage: 6 / 13,
  })
  // The narrowest placement of the words counts: the second "a b" leaves only "c" cut.
  t.match(labelRendering('a b … d', 'a b x a b c d'), { label: 'elided', fidelity: (2 * 3) / (3 + 4), coverage: 3 / 7 })
  // The same words cut without an ellipsis: the same figures, another label.
  t.match(labelRendering('The harbour will run every hour.', HARBOUR), {
    label: 'altered',
    fidelity: (2 * 6) / (6 + 13),
    coverage: 6 / 13,
  })
})

t.test('wordings too long to fit exactly are fitted from their alignment', async (t) => {
  const many = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `${prefix}${k}`)
  const canonical = [...many('a', 2100), 'end'].join(' ')
  const quote = [...many('b', 2100), 'end'].join(' ')
  const assessment = labelRendering(quote, canonical)
  t.equal(assessment.label, 'altered')
  // Only the shared last word is matched: a stretch of one word.
  t.equal(assessment.fidelity, 2 / (2101 + 1))
  t.equal(assessment.coverage, 1 / 2101)
  const unrelated = labelRendering(many('c', 2100).join(' '), many('d', 2100).join(' '))
  t.match(unrelated, { label: 'altered', fidelity: 0, coverage: 0 })
})
