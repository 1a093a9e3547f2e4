import t from 'tap'
import { normalizeWording, searchKey, tokenizeWording } from '../../../src/domain/wording/index.js'
import { tokenizeBetweenEllipses } from '../../../src/domain/wording/normalize-wording.js'

t.test('lowercases, collapses spaces and trims', async (t) => {
  t.equal(normalizeWording('  We WILL   make\tAmerica\nsafe again.  '), 'we will make america safe again')
  t.equal(normalizeWording(''), '')
})

t.test('unifies apostrophes and keeps them only inside words', async (t) => {
  for (const written of ['It’s', 'It‘s', 'It′s', 'It`s', "It's", 'Itʼs', 'It´s']) {
    t.equal(normalizeWording(written), "it's", written)
  }
  t.equal(normalizeWording("rock'n'roll o’clock"), "rock'n'roll o'clock")
  t.equal(normalizeWording("‘No, President Trump.'"), 'no president trump')
  t.equal(normalizeWording('the students’ rights in the ’90s'), 'the students rights in the 90s')
})

t.test('drops double quote marks of every style', async (t) => {
  t.equal(normalizeWording('“Yes” «oui» „ja“ "yes"'), 'yes oui ja yes')
})

t.test('turns dashes, including hyphens inside words, into word breaks', async (t) => {
  for (const written of ['now – then', 'now—then', 'now ‒ then', 'now ― then', 'now -- then', 'now - then']) {
    t.equal(normalizeWording(written), 'now then', written)
  }
  t.equal(normalizeWording('a long-standing U.S.-Mexico tie'), 'a long standing us mexico tie')
  // A soft hyphen is an invisible line-break hint, not a word break.
  t.equal(normalizeWording('long\u00ADstanding'), 'longstanding')
})

t.test('turns ellipses into word breaks', async (t) => {
  const ellipses = ['sale … Sovereignty', 'sale…Sovereignty', 'sale...Sovereignty', 'sale. . . Sovereignty', 'sale....']
  for (const written of ellipses) {
    t.equal(normalizeWording(written).split(' ')[0], 'sale', written)
  }
  t.equal(normalizeWording('sale...Sovereignty'), 'sale sovereignty')
})

t.test('removes other punctuation and symbols without splitting words', async (t) => {
  t.equal(normalizeWording('He (Trump) has said: 50% — about $5; OK?!'), 'he trump has said 50 about 5 ok')
  t.equal(normalizeWording('U.S. and US, a.m. and am'), 'us and us am and am')
})

t.test('keeps decimal points and drops other separators inside numbers', async (t) => {
  t.equal(normalizeWording('1,000 troops, 3.5 percent, in 2025.'), '1000 troops 3.5 percent in 2025')
  t.equal(normalizeWording('1000'), normalizeWording('1,000'))
  t.not(normalizeWording('3.5'), normalizeWording('35'))
})

t.test('keeps accents, in one Unicode form, and folds compatibility forms', async (t) => {
  t.equal(normalizeWording('México'), 'méxico')
  t.equal(normalizeWording('Me\u0301xico'), 'méxico')
  t.not(normalizeWording('México'), normalizeWording('Mexico'))
  t.equal(normalizeWording('ﬁne\u00A0ＷＯＲＤＳ'), 'fine words')
})

t.test('is idempotent', async (t) => {
  for (const written of ['It’s “not” going—to happen… 3.5 / 1,000 U.S.-led', "'a' b' 'c", 'x . . . y']) {
    const once = normalizeWording(written)
    t.equal(normalizeWording(once), once, written)
  }
})

t.test('tokenizeWording splits the normalised wording into words', async (t) => {
  t.same(tokenizeWording('“It’s not going to happen,”'), ["it's", 'not', 'going', 'to', 'happen'])
  t.same(tokenizeWording(''), [])
  t.same(tokenizeWording(' … — " '), [])
})

t.test('tokenizeBetweenEllipses cuts the words at every ellipsis', async (t) => {
  t.same(tokenizeBetweenEllipses('Not for sale … loved... and. . . defended.'), [
    ['not', 'for', 'sale'],
    ['loved'],
    ['and'],
    ['defended'],
  ])
  t.same(tokenizeBetweenEllipses('… not for sale …'), [['not', 'for', 'sale']])
  t.same(tokenizeBetweenEllipses('Not for sale'), [['not', 'for', 'sale']])
  t.same(tokenizeBetweenEllipses('…'), [])
})

t.test('searchKey is the normalised wording without accents', async (t) => {
  t.equal(searchKey('“México,” ça va — Niño'), 'mexico ca va nino')
  t.equal(searchKey('Me\u0301xico'), 'mexico')
  // Letters that do not decompose into letter + accent stay as they are.
  t.equal(searchKey('Søren Łódź'), 'søren łodz')
})
