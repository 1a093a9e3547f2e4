import t from 'tap'
import {
  chooseSeed,
  clusterRenderings,
  compareOverlaps,
  compareRenderings,
  makeOrderKey,
  originalText,
  overlapsClaim,
  reassign,
  recluster,
  summarizeClaim,
  toClusterRendering,
  wordingOverlap,
  FRAGMENT_WORDS,
  fragmentLookup,
  createRandom,
  type ClusterRendering,
} from '../../../src/domain/claims/index.js'
import { sharesContent, sharesWording, tokenizeWording } from '../../../src/domain/wording/index.js'

let next = 0
function rendering(
  text: string | string[],
  facts: { speaker?: string; publishedAt?: Date | null; url?: string; position?: number } = {},
): ClusterRendering {
  const id = `r${next++}`
  return toClusterRendering({
    id,
    speakerKey: facts.speaker ?? 'alice',
    text,
    articleId: facts.url ?? id,
    publishedAt: facts.publishedAt ?? null,
    ingestedAt: new Date(Date.UTC(2025, 0, 1)),
    url: facts.url ?? `https://example.com/${id}`,
    position: facts.position ?? 0,
  })
}

t.test('order keys sort by publication date, then URL, then position; undated last', async (t) => {
  const at = (iso: string): Date => new Date(iso)
  const keys = [
    makeOrderKey({ publishedAt: at('2025-01-01T00:00:00Z'), url: 'https://b.com/x', position: 3 }),
    makeOrderKey({ publishedAt: at('2025-01-01T00:00:00Z'), url: 'https://b.com/x', position: 20 }),
    makeOrderKey({ publishedAt: at('2025-01-01T00:00:00Z'), url: 'https://b.com/x-y', position: 0 }),
    makeOrderKey({ publishedAt: at('2025-01-02T00:00:00Z'), url: 'https://a.com/', position: 0 }),
    makeOrderKey({ publishedAt: null, url: 'https://a.com/', position: 7 }),
    makeOrderKey({ publishedAt: null, url: 'https://a.com/z', position: 0 }),
  ]
  t.strictSame([...keys].reverse().sort(), keys)
  t.throws(() => makeOrderKey({ publishedAt: null, url: 'u', position: -1 }), RangeError)
  t.throws(() => makeOrderKey({ publishedAt: null, url: 'u', position: 1.5 }), RangeError)
  t.throws(() => makeOrderKey({ publishedAt: null, url: 'u', position: 1e12 }), RangeError)
  t.throws(() => makeOrderKey({ publishedAt: new Date(Date.UTC(10000, 0, 1)), url: 'u', position: 0 }), RangeError)
  t.throws(() => makeOrderKey({ publishedAt: new Date(Number.NaN), url: 'u', position: 0 }), RangeError)
})

t.test('renderings: words from text or pieces, total order with id last', async (t) => {
  const pieces = rendering(['We can work together,', 'but you in your territory.'])
  t.strictSame(pieces.tokens, tokenizeWording('We can work together, but you in your territory.'))
  t.equal(originalText(pieces), 'We can work together, but you in your territory.')
  t.equal(originalText({ text: 'plain' }), 'plain')
  t.equal(compareRenderings({ id: 'a', orderKey: 'k' }, { id: 'b', orderKey: 'k' }), -1)
  t.equal(compareRenderings({ id: 'b', orderKey: 'k' }, { id: 'a', orderKey: 'k' }), 1)
  t.equal(compareRenderings({ id: 'a', orderKey: 'k' }, { id: 'a', orderKey: 'k' }), 0)
  t.equal(compareRenderings({ id: 'z', orderKey: 'j' }, { id: 'a', orderKey: 'k' }), -1)
  t.equal(compareRenderings({ id: 'a', orderKey: 'k' }, { id: 'z', orderKey: 'j' }), 1)
})

t.test('wordings of eight words or more join only when they share a run of four', async (t) => {
  const words = (text: string) => text.split(' ')
  // Eight of ten words in order, every fourth one changed: no run of four in common.
  const a = words('alpha bravo charlie xray delta echo foxtrot yankee golf hotel')
  const b = words('alpha bravo charlie zulu delta echo foxtrot whiskey golf hotel')
  t.ok(sharesWording(a, b).ratio >= 0.6)
  t.equal(wordingOverlap(a, b), null)
  // The same changes in seven words: too short to need a run.
  const c = words('alpha bravo xray charlie delta yankee echo')
  const d = words('alpha bravo zulu charlie delta whiskey echo')
  t.match(wordingOverlap(c, d), { ratio: 5 / 7 })
  // One word changed, a run of four kept: joins.
  t.match(wordingOverlap(a, words('alpha bravo charlie xray delta echo foxtrot zulu golf hotel')), { ratio: 0.9 })
})

t.test('wordingOverlap is sharesWording’s decision, all of a fragment’s words required, content shared', async (t) => {
  const cases: [string, string][] = [
    ['no president trump', 'and you know what i said to him no president trump'],
    ['we can work together but you in your territory', 'we can share information but never on your territory'],
    ['a b c d e', 'e d c b a'],
    ['a a a b', 'a b b b'],
    ['', 'a'],
    ['x y z', 'x q z'],
  ]
  for (const [x, y] of cases) {
    const a = x === '' ? [] : x.split(' ')
    const b = y.split(' ')
    const exact = sharesWording(a, b)
    const fragment = Math.min(a.length, b.length) < FRAGMENT_WORDS
    const joins = exact.ratio >= (fragment ? 1 : 0.6) && (exact.ratio === 1 || sharesContent(a, b))
    t.strictSame(wordingOverlap(a, b), joins ? exact : null, `${x} / ${y}`)
  }
  // Two words of three in order are 67%, and any long quote has them: a fragment needs all its words.
  const words = (text: string) => text.split(' ')
  t.equal(
    wordingOverlap(words('over the moon'), words('we will go over the hill and past the old mill by the river')),
    null,
  )
  t.match(wordingOverlap(words('the old mill'), words('we will go over the hill and past the old mill by the river')), {
    ratio: 1,
    matched: 3,
  })
  t.match(
    wordingOverlap(words('go over the hill'), words('we will go over the hill and past the old mill by the river')),
    {
      ratio: 1,
    },
  )
  // Three words of four in order, but only the grammar: "bridge" is nowhere in the longer wording.
  t.equal(wordingOverlap(words('go over the bridge'), words('we will go over the hill and past the old mill')), null)
  t.match(wordingOverlap(words('we go past the old mill'), words('we will go over the hill and past the old mill')), {
    ratio: 1,
  })
  t.match(
    wordingOverlap(words('they went past the old mill'), words('we will go over the hill and past the old mill')),
    {
      ratio: 4 / 6,
    },
  )
  t.ok(compareOverlaps({ ratio: 1, matched: 3 }, { ratio: 0.9, matched: 30 }) < 0, 'share first')
  t.ok(compareOverlaps({ ratio: 1, matched: 13 }, { ratio: 1, matched: 3 }) < 0, 'then words matched')
  t.equal(compareOverlaps({ ratio: 1, matched: 3 }, { ratio: 1, matched: 3 }), 0)
})

t.test('a fragment matches only wordings its lookup finds: all its words, or some of them alone', async (t) => {
  t.equal(fragmentLookup([]), null)
  t.equal(fragmentLookup(['a', 'b', 'c', 'd']), null, 'four words are no fragment')
  t.strictSame(fragmentLookup(['no', 'no']), { required: ['no'], shorter: [['no'], ['no']] })
  t.strictSame(fragmentLookup(['x', 'y', 'z'])?.shorter, [['x'], ['y'], ['x', 'y'], ['z'], ['x', 'z'], ['y', 'z']])
  // The lookup is what a store can index; the rule is wordingOverlap's: every wording the rule joins a fragment
  // with must be found by it, over random wordings of a small vocabulary (so that words repeat and collide).
  const random = createRandom(7)
  const vocabulary = ['a', 'b', 'c', 'the', 'no']
  const draw = (length: number) => Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]!)
  let joined = 0
  for (let trial = 0; trial < 4000; trial++) {
    const fragment = draw(1 + Math.floor(random() * (FRAGMENT_WORDS - 1)))
    const wording = draw(1 + Math.floor(random() * 9))
    if (wordingOverlap(fragment, wording) === null) continue
    joined++
    const { required, shorter } = fragmentLookup(fragment)!
    const found =
      required.every((word) => wording.includes(word)) || shorter.some((words) => words.join(' ') === wording.join(' '))
    if (!found) t.fail(`${fragment.join(' ')} / ${wording.join(' ')} joins but is not looked up`)
  }
  t.ok(joined > 500, `${joined} joining pairs checked`)
})

t.test('overlapsClaim gives the best overlap with any member, or null', async (t) => {
  const quote = rendering('No, President Trump, our territory is inalienable')
  const members = [
    rendering('No, President Trump'),
    rendering('our territory is inalienable and sovereign'),
    rendering('Something else'),
  ]
  // All of the short member beats two thirds of the longer one: share of the shorter first.
  t.strictSame(overlapsClaim(quote, members), { ratio: 1, matched: 3 })
  t.strictSame(overlapsClaim(quote, members.slice(1)), { ratio: 4 / 6, matched: 4 })
  t.equal(overlapsClaim(quote, [rendering('Something else entirely')]), null)
  t.equal(overlapsClaim(quote, []), null)
})

t.test('a quote overlapping two seeds joins the best, ties going to the earliest seed', async (t) => {
  const me = { id: 'm', orderKey: '5' }
  const n = (id: string, orderKey: string, ratio: number, matched: number) => ({
    seed: { id, orderKey },
    overlap: { ratio, matched },
  })
  t.equal(chooseSeed(me, []), 'm', 'no earlier seed: a claim of its own')
  t.equal(chooseSeed(me, [n('later', '6', 1, 9)]), 'm', 'later seeds do not count')
  t.equal(chooseSeed(me, [n('m', '5', 1, 9)]), 'm', 'nor does the rendering itself')
  t.equal(chooseSeed(me, [n('a', '1', 0.8, 9), n('b', '2', 1, 3)]), 'b', 'higher share wins')
  t.equal(chooseSeed(me, [n('a', '1', 1, 3), n('b', '2', 1, 13)]), 'b', 'then more words')
  t.equal(chooseSeed(me, [n('b', '2', 1, 3), n('a', '1', 1, 3)]), 'a', 'then the earliest seed')
  t.equal(chooseSeed(me, [n('a', '1', 1, 3), n('b', '2', 1, 3)]), 'a', 'in any input order')
})

t.test('a seed with more words in common but out of order does not displace the best', async (t) => {
  const at = (position: number) => ({ url: 'https://example.com/one', position })
  const short = rendering('alpha bravo charlie', at(0))
  // Overlaps short by one word in order: a seed of its own.
  const turned = rendering('charlie bravo alpha delta echo', at(1))
  const quote = rendering('alpha bravo charlie delta echo', at(2))
  // turned shares all five words (the bound beats short's 3 of 3) but only 3 in order: 0.6 < 1.
  const claims = clusterRenderings([quote, turned, short])
  t.strictSame(
    claims.map((claim) => claim.renderingIds),
    [[short.id, quote.id], [turned.id]],
  )
  const alone = clusterRenderings([quote, turned, { ...short, speakerKey: 'carol' }])
  t.strictSame(
    alone.map((claim) => claim.renderingIds),
    [[turned.id, quote.id], [short.id]],
  )
})

t.test('a quote joins a claim through its seed only: excerpts do not chain quotes together', async (t) => {
  const day = (d: number): Date => new Date(Date.UTC(2025, 0, d))
  const excerpt = rendering('No, President Trump', { publishedAt: day(1) })
  const statement = rendering('No, President Trump, our territory is inalienable', { publishedAt: day(2) })
  const other = rendering('Our territory is inalienable and sovereign', { publishedAt: day(3) })
  // other overlaps statement (4 of 6 words) but not the excerpt that founded statement's claim.
  t.ok(wordingOverlap(other.tokens, statement.tokens))
  t.equal(wordingOverlap(other.tokens, excerpt.tokens), null)
  t.strictSame(
    clusterRenderings([other, statement, excerpt]).map((claim) => claim.renderingIds),
    [[excerpt.id, statement.id], [other.id]],
  )
  // Printed first, the statement founds the claim, and both others overlap it.
  const first = { ...statement, orderKey: makeOrderKey({ publishedAt: day(0), url: 'u', position: 0 }) }
  t.strictSame(
    clusterRenderings([other, first, excerpt]).map((claim) => claim.renderingIds),
    [[first.id, excerpt.id, other.id]],
  )
})

t.test('claims never merge through a bridge quote', async (t) => {
  const day = (d: number): Date => new Date(Date.UTC(2025, 0, d))
  const first = rendering('No, President Trump', { publishedAt: day(1) })
  const second = rendering('We can work together, but you in your territory and us in ours', { publishedAt: day(2) })
  const bridge = rendering('No, President Trump. We can work together, but with you in your territory and us in ours', {
    publishedAt: day(3),
  })
  const claims = clusterRenderings([bridge, second, first])
  t.strictSame(
    claims.map((claim) => claim.renderingIds),
    [[first.id], [second.id, bridge.id]],
  )
  // Printed before the longer claim exists, the bridge joins the short one; the longer quote, which
  // overlaps the bridge but not the short claim's seed, does not follow it there.
  const early = { ...bridge, orderKey: makeOrderKey({ publishedAt: day(1), url: 'https://z.example/', position: 1 }) }
  t.strictSame(
    clusterRenderings([second, early, first]).map((claim) => claim.renderingIds),
    [[first.id, early.id], [second.id]],
  )
})

t.test('a rendering without words starts a claim of its own', async (t) => {
  const empty = rendering('…')
  const other = rendering('…')
  t.equal(clusterRenderings([empty, other]).length, 2)
  const [claim] = recluster([empty])
  t.equal(claim?.verdicts[0]?.label, 'verbatim')
})

t.test('repeated ids and empty claims are errors', async (t) => {
  const r = rendering('Some words here')
  t.throws(() => clusterRenderings([r, { ...r }]), /given twice/)
  t.throws(() => summarizeClaim([]), /at least one/)
})

t.test('summaries: canonical, first appearance, verdicts', async (t) => {
  const full = rendering('Sovereignty is not for sale. Sovereignty is loved and defended.', {
    publishedAt: new Date(Date.UTC(2025, 0, 3)),
  })
  const cut = rendering('Sovereignty is not for sale. Sovereignty is defended.', {
    publishedAt: new Date(Date.UTC(2025, 0, 1)),
  })
  const again = rendering(['Sovereignty is not for sale,', 'Sovereignty is loved and defended.'], {
    publishedAt: new Date(Date.UTC(2025, 0, 2)),
  })
  const claims = recluster([full, cut, again])
  t.equal(claims.length, 1)
  const claim = claims[0]!
  t.equal(claim.seedId, cut.id, 'the earliest rendering started the claim')
  t.strictSame(claim.renderingIds, [cut.id, again.id, full.id])
  t.equal(claim.canonical.normalized, 'sovereignty is not for sale sovereignty is loved and defended')
  t.equal(
    claim.canonical.renderingId,
    full.id,
    'printed by two articles: the one printing it in one piece supplies the text, not the earlier one in pieces',
  )
  t.strictSame(claim.firstAppearance, {
    renderingId: cut.id,
    articleId: cut.articleId,
    at: new Date(Date.UTC(2025, 0, 1)),
  })
  t.strictSame(
    claim.verdicts.map((verdict) => [verdict.renderingId, verdict.label]),
    [
      [cut.id, 'altered'],
      [again.id, 'verbatim'],
      [full.id, 'verbatim'],
    ],
  )
  const undated = { ...cut, publishedAt: null, ingestedAt: new Date(Date.UTC(2024, 0, 1)) }
  t.strictSame(
    summarizeClaim([undated]).firstAppearance.at,
    new Date(Date.UTC(2024, 0, 1)),
    'ingestion time where the date is unknown',
  )

  // Verdicts already stored against the same canonical wording are not made again...
  const canonical = claim.canonical.original
  const known = { canonicalOriginal: canonical, renderingIds: new Set([cut.id, again.id]) }
  t.strictSame(
    summarizeClaim([full, cut, again], known).verdicts.map((verdict) => verdict.renderingId),
    [full.id],
  )
  // ...but all are when the canonical wording has moved since.
  t.equal(summarizeClaim([full, cut, again], { ...known, canonicalOriginal: 'something else' }).verdicts.length, 3)
})

t.test('speakers are kept apart everywhere', async (t) => {
  const alice = rendering('We will make the border safe again', { speaker: 'alice' })
  const bob = rendering('We will make the border safe again', { speaker: 'bob' })
  t.equal(clusterRenderings([alice, bob]).length, 2)
  const result = await reassign({ added: [alice], removed: [] }, () => [{ rendering: bob, seedId: bob.id }])
  t.strictSame([...result.seeds], [[alice.id, alice.id]])
})
