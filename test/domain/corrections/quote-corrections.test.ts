import t from 'tap'
import { applyQuoteCorrections, occurrences } from '../../../src/domain/corrections/quote-corrections.js'

t.test('each quote is the nth occurrence of its words', async (t) => {
  t.same(occurrences(['we won', 'no', 'we won', 'we won', 'No']), [0, 0, 1, 2, 0])
  t.same(occurrences([]), [])
})

t.test('a correction finds its quote by words and occurrence, wherever the quote now stands', async (t) => {
  const speaker = { text: 'we won', occurrence: 1, speakerId: 'jane', notQuotation: false }
  const scare = { text: 'gamble', occurrence: 0, speakerId: null, notQuotation: true }
  t.same(applyQuoteCorrections(['we won', 'gamble', 'we won'], [speaker, scare]), [
    { kept: true, occurrence: 0, speakerId: null },
    { kept: false },
    { kept: true, occurrence: 1, speakerId: 'jane' },
  ])
  // A revision that adds a quote before them changes positions, not occurrences.
  t.same(applyQuoteCorrections(['new words', 'we won', 'we won', 'gamble'], [speaker, scare]), [
    { kept: true, occurrence: 0, speakerId: null },
    { kept: true, occurrence: 0, speakerId: null },
    { kept: true, occurrence: 1, speakerId: 'jane' },
    { kept: false },
  ])
  // A revision that no longer prints the words leaves the correction with nothing to hold.
  t.same(applyQuoteCorrections(['we lost'], [speaker, scare]), [{ kept: true, occurrence: 0, speakerId: null }])
})
