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
  FRAGMENT_TIER,
  FRAGMENT_WORDS,
  fragmentLookup,
  groupingTier,
  createRandom,
  type ClusterRendering,
} from '../../../src/domain/claims/index.js'
import { RUN_FREE_WORDS, sharesContent, sharesWording, tokenizeWording } from '../../../src/domain/wording/index.js'

/** Words enough for a full wording, of the first tier. */
const FULL = RUN_FREE_WORDS

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
  const words = (count: number) => Array.from({ length: count }, (_, k) => `w${k}`)
  const at = (id: string, orderKey: string, tokens = words(FULL)) => ({ id, orderKey, tokens })
  t.equal(compareRenderings(at('a', 'k'), at('b', 'k')), -1)
  t.equal(compareRenderings(at('b', 'k'), at('a', 'k')), 1)
  t.equal(compareRenderings(at('a', 'k'), at('a', 'k')), 0)
  t.equal(compareRenderings(at('z', 'j'), at('a', 'k')), -1)
  t.equal(compareRenderings(at('a', 'k'), at('z', 'j')), 1)
  // Tiers first: a full wording, then a short one, then a fragment, whenever each was printed.
  t.equal(compareRenderings(at('a', 'j', words(RUN_FREE_WORDS - 1)), at('b', 'k')), 1)
  t.equal(compareRenderings(at('a', 'j', words(FRAGMENT_WORDS - 1)), at('b', 'k', words(FRAGMENT_WORDS))), 1)
  t.equal(compareRenderings(at('a', 'k', words(FRAGMENT_WORDS)), at('b', 'j', words(1))), -1)
  t.strictSame(
    [1, FRAGMENT_WORDS - 1, FRAGMENT_WORDS, RUN_FREE_WORDS - 1, RUN_FREE_WORDS, 60].map((count) =>
      groupingTier(words(count)),
    ),
    [FRAGMENT_TIER, FRAGMENT_TIER, 1, 1, 0, 0],
  )
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
  const tokens = Array.from({ length: FULL }, (_, k) => `w${k}`)
  const me = { id: 'm', orderKey: '5', tokens }
  const n = (id: string, orderKey: string, ratio: number, matched: number) => ({
    seed: { id, orderKey, tokens },
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
  const short = rendering('alpha bravo charlie delta', at(0))
  // Overlaps short by two words in order: a seed of its own.
  const turned = rendering('charlie delta echo foxtrot alpha bravo', at(1))
  const quote = rendering('alpha bravo charlie delta echo foxtrot', at(2))
  // turned shares all six words (the bound beats short's 4 of 4) but only 4 in order: 0.67 < 1.
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
  const excerpt = rendering('We will not trade our land for their promises today', { publishedAt: day(1) })
  const statement = rendering(
    'We will not trade our land for their promises today, and our territory is not for sale',
    {
      publishedAt: day(2),
    },
  )
  const other = rendering('and our territory is not for sale to anyone', { publishedAt: day(3) })
  // other overlaps statement (7 of 9 words) but not the excerpt that founded statement's claim.
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
  const first = rendering('We will not trade our land for their promises', { publishedAt: day(1) })
  const second = rendering('and our territory is not for sale to anyone, now or ever', { publishedAt: day(2) })
  const bridge = rendering(
    'We will not trade our land for their promises, and our territory is not for sale to anyone, now or ever',
    { publishedAt: day(3) },
  )
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

t.test('fuller wordings are decided first: excerpts printed before the full quote join it', async (t) => {
  const day = (d: number): Date => new Date(Date.UTC(2025, 0, d))
  const disgrace = rendering('a disgrace', { publishedAt: day(1), url: 'https://a.example/', position: 0 })
  const stop = rendering('has to stop', { publishedAt: day(1), url: 'https://a.example/', position: 1 })
  const full = rendering('It is a disgrace, and it has to stop before the summer ends', { publishedAt: day(2) })
  // In order of printing alone, each excerpt would found a claim and the full quote join one of them.
  t.strictSame(
    clusterRenderings([stop, full, disgrace]).map((claim) => claim.renderingIds),
    [[full.id, disgrace.id, stop.id]],
  )
  const short = rendering('it has to stop before summer', { publishedAt: day(0) })
  t.strictSame(
    clusterRenderings([short, full]).map((claim) => claim.renderingIds),
    [[full.id, short.id]],
    'a short wording after a full one',
  )

  // A fragment joins through any full wording holding its words, not only a seed: the earliest one.
  const seed = rendering('We will not trade our land for their promises', { publishedAt: day(1) })
  const member = rendering('We will not trade our land for their promises, whatever the cost', { publishedAt: day(2) })
  const apart = rendering('They want our land and our water and our future', { publishedAt: day(3) })
  const cost = rendering('whatever the cost', { publishedAt: day(0) })
  const land = rendering('our land', { publishedAt: day(0) })
  t.strictSame(
    clusterRenderings([land, apart, cost, member, seed]).map((claim) => claim.renderingIds),
    [[seed.id, member.id, cost.id, land.id], [apart.id]],
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
