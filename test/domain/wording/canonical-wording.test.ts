import t from 'tap'
import {
  chooseCanonical,
  firstAppearance,
  matchingWords,
  normalizeWording,
  showsBetter,
  tallyWordings,
  type WordedRendering,
} from '../../../src/domain/wording/index.js'

const day = (n: number): Date => new Date(Date.UTC(2025, 10, n))

function rendering(
  id: string,
  articleId: string,
  original: string,
  dates: { publishedAt?: Date; ingestedAt?: Date } = {},
): WordedRendering {
  return {
    id,
    articleId,
    original,
    normalized: normalizeWording(original),
    publishedAt: dates.publishedAt ?? null,
    ingestedAt: dates.ingestedAt ?? day(20),
  }
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, k) =>
    permutations([...items.slice(0, k), ...items.slice(k + 1)]).map((rest) => [item, ...rest]),
  )
}

t.test('firstAppearance', async (t) => {
  const published = rendering('r3', 'a3', 'x', { publishedAt: day(2), ingestedAt: day(9) })
  const ingestedOnly = rendering('r2', 'a2', 'x', { ingestedAt: day(3) })
  const sameInstant = rendering('r1', 'a1', 'x', { ingestedAt: day(2) })
  t.equal(firstAppearance([]), null)
  t.equal(firstAppearance([ingestedOnly, published]), published, 'publishedAt when known')
  t.equal(firstAppearance([published, ingestedOnly]), published)
  const publishedLate = rendering('r4', 'a4', 'x', { publishedAt: day(5), ingestedAt: day(1) })
  const ingestedFirst = firstAppearance([ingestedOnly, publishedLate])
  t.equal(ingestedFirst, ingestedOnly, 'ingestedAt stands in only for an unknown publishedAt')
  for (const order of permutations([published, ingestedOnly, sameInstant])) {
    t.equal(firstAppearance(order), sameInstant, 'same instant: smallest id')
  }
})

t.test('chooseCanonical: no renderings, no canonical', async (t) => {
  t.equal(chooseCanonical([]), null)
})

t.test('chooseCanonical: the wording printed by the most distinct articles wins', async (t) => {
  const renderings = [
    // One article printing a wording twice counts once.
    rendering('r1', 'a1', 'Sovereignty is not for sale. Sovereignty is defended.', { ingestedAt: day(1) }),
    rendering('r2', 'a1', 'Sovereignty is not for sale, sovereignty is defended', { ingestedAt: day(1) }),
    rendering('r3', 'a2', '“Sovereignty is not for sale. Sovereignty is loved and defended.”', { ingestedAt: day(3) }),
    rendering('r4', 'a3', 'Sovereignty is not for sale — Sovereignty is loved and defended', { ingestedAt: day(2) }),
  ]
  for (const order of permutations(renderings)) {
    t.strictSame(chooseCanonical(order), {
      normalized: 'sovereignty is not for sale sovereignty is loved and defended',
      original: 'Sovereignty is not for sale — Sovereignty is loved and defended',
      renderingId: 'r4',
    })
  }
})

t.test('chooseCanonical: equal counts go to the longest wording', async (t) => {
  const renderings = [
    rendering('r1', 'a1', 'No, President Trump', { ingestedAt: day(1) }),
    rendering('r2', 'a2', 'And you know what I said to him? No, President Trump.', { ingestedAt: day(2) }),
  ]
  for (const order of permutations(renderings)) t.equal(chooseCanonical(order)?.renderingId, 'r2')
})

t.test('chooseCanonical: then to the wording that appeared first, then to the smallest id', async (t) => {
  const renderings = [
    rendering('r1', 'a1', 'we can work together', { publishedAt: day(5), ingestedAt: day(1) }),
    rendering('r2', 'a2', 'we can collaborate together', { ingestedAt: day(4) }),
  ]
  for (const order of permutations(renderings)) t.equal(chooseCanonical(order)?.renderingId, 'r2')

  const sameInstant = [
    rendering('r9', 'a1', 'we can work together', { ingestedAt: day(4) }),
    rendering('r8', 'a2', 'we can collaborate together', { ingestedAt: day(4) }),
  ]
  for (const order of permutations(sameInstant)) t.equal(chooseCanonical(order)?.renderingId, 'r8')
})

t.test('a wording is shown by a printing in one piece where there is one', async (t) => {
  const inPieces = {
    ...rendering('r1', 'a1', 'The tide is high, The boats stay in.', { ingestedAt: day(1) }),
    inPieces: true,
  }
  const whole = rendering('r2', 'a2', 'The tide is high. The boats stay in.', { ingestedAt: day(2) })
  const laterWhole = rendering('r3', 'a3', 'The tide is high; the boats stay in.', { ingestedAt: day(3) })
  for (const order of permutations([inPieces, whole, laterWhole])) {
    t.match(chooseCanonical(order), { original: whole.original, renderingId: 'r2' }, 'the earliest printed whole')
  }
  const [tally] = tallyWordings([inPieces, whole])
  t.equal(tally?.first, inPieces, 'first appearance is still the first')
  t.equal(tally?.shown, whole)
  const otherPieces = {
    ...rendering('r4', 'a4', 'The tide is high, The boats stay in.', { ingestedAt: day(4) }),
    inPieces: true,
  }
  t.match(chooseCanonical([otherPieces, inPieces]), { renderingId: 'r1' }, 'all in pieces: the earliest')
  t.ok(showsBetter(whole, inPieces))
  t.notOk(showsBetter(otherPieces, inPieces))
})

t.test('printings masking an expletive share the wording of one printing the word, which shows it', async (t) => {
  const worded = (id: string, original: string, published: number): WordedRendering => ({
    ...rendering(id, `a-${id}`, original, { publishedAt: day(published) }),
    normalized: matchingWords(original).join(' '),
  })
  const dashes = worded('r1', 'We built a f---ing wall.', 1)
  const stars = worded('r2', 'We built a f***ing wall.', 2)
  const said = worded('r3', 'We built a fucking wall.', 3)
  t.equal(tallyWordings([dashes, stars, said]).length, 1, 'one wording, three articles')
  for (const order of permutations([dashes, stars, said])) {
    t.same(chooseCanonical(order), {
      normalized: 'we built a fucking wall',
      original: 'We built a fucking wall.',
      renderingId: 'r3',
    })
  }
  t.ok(showsBetter(said, dashes), 'the word as said, though printed later')
  t.notOk(showsBetter(dashes, said))
  t.ok(showsBetter(dashes, stars), 'both masked: the earlier')
  t.ok(showsBetter({ ...dashes, inPieces: false }, { ...said, inPieces: true }), 'one piece comes first')
})
