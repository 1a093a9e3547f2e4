import t from 'tap'
import {
  bySpeakerName,
  CLEAR_MARGIN,
  chooseBySpelling,
  editAllowance,
  editDistance,
  givenNamesAgree,
  referenceKeys,
  referenceSurname,
  withoutTitle,
} from '../../src/domain/speaker-resolution.js'

t.test('withoutTitle: the name without the title or description before it', async (t) => {
  t.equal(withoutTitle('Mayor Teodora Vasquel'), 'Teodora Vasquel')
  t.equal(withoutTitle('President Vasquel'), 'Vasquel')
  t.equal(withoutTitle('Sen. Vasquel'), 'Vasquel', 'an abbreviated title')
  t.equal(withoutTitle('Ms. Ilse Marchetti'), 'Ilse Marchetti', 'an honorific')
  t.equal(
    withoutTitle('Portuguese Deputy Minister Ilse Marchetti'),
    'Ilse Marchetti',
    'everything up to the last title word',
  )
  t.equal(withoutTitle('Secretary of State Ilse Marchetti'), 'Ilse Marchetti', 'an office going on through "of"')
  t.equal(withoutTitle('Secretary of State Marchetti'), 'Marchetti')
  t.equal(withoutTitle('Secretary of Marchetti'), 'Secretary of Marchetti', 'nothing left for a name: as given')
  t.equal(withoutTitle('Mexico’s Ilse Marchetti'), 'Ilse Marchetti', 'a leading place')
  t.equal(withoutTitle('Italian Ilse Marchetti'), 'Ilse Marchetti', 'a leading demonym')
  t.equal(withoutTitle('President'), 'President', 'all title: as given')
  t.equal(withoutTitle('  Ilse   Marchetti '), 'Ilse Marchetti')
})

t.test('referenceKeys and referenceSurname', async (t) => {
  t.same(referenceKeys('Mayor Teodora J. Vasquel'), [
    'mayor teodora j. vasquel',
    'teodora j. vasquel',
    'teodora vasquel',
  ])
  t.same(referenceKeys('Teodora Vasquel'), ['teodora vasquel'], 'each key once')
  t.same(referenceKeys('The Harbour Board'), ['harbour board'])
  t.same(referenceKeys('Sen. Mike Harlowe'), ['sen. mike harlowe', 'mike harlowe', 'michael harlowe'])
  t.equal(referenceSurname('Mayor Teodora Vasquel'), 'vasquel')
  t.equal(referenceSurname('Mayor Vasquel'), null, 'a single word has no given names')
})

t.test('givenNamesAgree: the typed given names are the known ones, or their initials', async (t) => {
  t.ok(givenNamesAgree('Teodora Vasquel', 'Teodora Vasquel'))
  t.ok(givenNamesAgree('T. Vasquel', 'Teodora Vasquel'))
  t.ok(givenNamesAgree('T Vasquel', 'Teodora Vasquel'))
  t.notOk(givenNamesAgree('Tomas Vasquel', 'Teodora Vasquel'))
  t.notOk(givenNamesAgree('X. Vasquel', 'Teodora Vasquel'))
  t.notOk(givenNamesAgree('Teodora Ana Vasquel', 'Teodora Vasquel'), 'more given names than known')
  t.ok(givenNamesAgree('Tomas Vasquel', 'Vasquel'), 'a speaker known by the surname alone')
  t.ok(givenNamesAgree('Mike Harlowe', 'Michael Harlowe'), 'a short form of the given name')
  t.ok(givenNamesAgree('Michael Harlowe', 'Mike Harlowe'), 'and the other way')
})

t.test('editDistance counts insertions, deletions, substitutions and swaps', async (t) => {
  t.equal(editDistance('vasquel', 'vasquel'), 0)
  t.equal(editDistance('vasquel', 'vasquell'), 1)
  t.equal(editDistance('vasquel', 'vasqel'), 1)
  t.equal(editDistance('vasquel', 'vasqual'), 1)
  t.equal(editDistance('vasquel', 'vasqeul'), 1, 'two neighbours swapped')
  t.equal(editDistance('', 'abc'), 3)
  t.equal(editDistance('abc', ''), 3)
})

t.test('editAllowance grows with the length of the name', async (t) => {
  t.equal(editAllowance('roe'), 0)
  t.equal(editAllowance('j. roe'), 0, 'letters only are counted')
  t.equal(editAllowance('vasquel'), 1)
  t.equal(editAllowance('teodora vasquel'), 2)
})

t.test('chooseBySpelling picks only a clear nearest candidate', async (t) => {
  const teodora = { speaker: { id: 'a', name: 'Teodora Vasquel' }, aliasKeys: ['teodora vasquel', 'vasquel'] }
  const tomas = { speaker: { id: 'b', name: 'Tomas Vasquel' }, aliasKeys: ['tomas vasquel', 'vasquel'] }
  const teodoro = { speaker: { id: 'c', name: 'Teodoro Vasquel' }, aliasKeys: ['teodoro vasquel'] }
  t.same(chooseBySpelling(['teodora vasquell'], [tomas, teodora]), {
    chosen: teodora.speaker,
    ranked: [teodora.speaker, tomas.speaker],
  })
  t.same(
    chooseBySpelling(['teodora vasquell'], [teodora, teodoro]),
    { chosen: null, ranked: [teodora.speaker, teodoro.speaker] },
    `a second candidate fewer than ${CLEAR_MARGIN} edits further: suggestions only`,
  )
  t.same(chooseBySpelling(['vasqel'], [teodora, tomas]).chosen, null, 'the same alias: a tie, by name')
  t.same(chooseBySpelling(['vasqel'], [tomas, teodora]).ranked, [teodora.speaker, tomas.speaker])
  t.same(chooseBySpelling(['veskel'], [teodora]).chosen, null, 'beyond the allowance: a suggestion')
  t.same(
    chooseBySpelling(['roa'], [{ speaker: { id: 'd', name: 'Roe' }, aliasKeys: ['roe'] }]).chosen,
    null,
    'short names are never guessed',
  )
  t.same(chooseBySpelling(['x'], []), { chosen: null, ranked: [] })
  const twin = { speaker: { id: 'e', name: 'Teodora Vasquel' }, aliasKeys: ['teodora vasquel'] }
  t.same(chooseBySpelling(['teodora vasquell'], [twin, teodora]).ranked, [teodora.speaker, twin.speaker], 'then by id')
})

t.test('bySpeakerName orders by name, then id', async (t) => {
  const a = { id: 'a', name: 'Ilse Marchetti' }
  const b = { id: 'b', name: 'Ilse Marchetti' }
  const c = { id: 'c', name: 'Alma Marchetti' }
  t.same([b, c, a].sort(bySpeakerName), [c, a, b])
  t.same([a, b].sort(bySpeakerName), [a, b])
  t.equal(bySpeakerName(a, a), 0)
})
