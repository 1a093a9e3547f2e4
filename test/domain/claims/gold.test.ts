import t from 'tap'
import { clusterRenderings, recluster } from '../../../src/domain/claims/index.js'
import { seedGold } from '../../fixtures/seed-gold.js'
import { goldRenderings } from './fixtures/corpora.js'

const gold = seedGold

/** Claims as sets of members, comparable whatever their order or names. */
function memberSets(claims: readonly { renderingIds: readonly string[] }[]): string[] {
  return claims.map((claim) => [...claim.renderingIds].sort().join(',')).sort()
}

/**
 * The gold's ambiguous pairs all involve q8 “No, President Trump” (001, c1), q20 “No, President
 * Trump, our territory is inalienable…” (003, c6) and q22 “Yes, it’s true, No, President Trump. Our
 * territory is inalienable…” (003, c15). q22 contains all of q8 and overlaps q20 at 11/14, but
 * neither is a seed: q8 joined c1 (seed q1) and q20 joined c6 (seed q6), and q22 overlaps neither
 * seed, so it founds a claim of its own. The rule decides every one of those pairs as the gold does,
 * so none is left out of the comparison.
 */
t.test('the gold quotes cluster exactly into the gold claims', async (t) => {
  const claims = clusterRenderings(goldRenderings())
  t.strictSame(clusterRenderings(goldRenderings('reversed')), claims, 'ingestion time does not decide grouping')
  t.strictSame(memberSets(claims), memberSets(gold.claims.map((claim) => ({ renderingIds: claim.members }))))
  t.equal(claims.length, gold.claims.length)
  const seedOf = new Map(claims.flatMap((claim) => claim.renderingIds.map((id) => [id, claim.seedId])))
  for (const [x, y] of gold.ambiguous_pairs) {
    const together = seedOf.get(x) === seedOf.get(y)
    const goldTogether =
      gold.quotes.find((quote) => quote.id === x)?.claim === gold.quotes.find((quote) => quote.id === y)?.claim
    t.equal(together, goldTogether, `ambiguous pair ${x}/${y} decided as the gold does`)
  }
  t.equal(seedOf.get('q8'), 'q1')
  t.equal(seedOf.get('q20'), 'q6')
  t.equal(seedOf.get('q22'), 'q22', 'q22 overlaps q8 and q20, but neither is a seed')
})

t.test('every gold claim gets the gold members, canonical wording and labels', async (t) => {
  const claims = recluster(goldRenderings())
  t.equal(claims.length, gold.claims.length)
  for (const goldClaim of gold.claims) {
    const ours = claims.find((claim) => claim.renderingIds.includes(goldClaim.members[0]!))
    if (ours === undefined) {
      t.fail(`${goldClaim.id}: no claim holds ${goldClaim.members[0]}`)
      continue
    }
    t.equal(ours.speakerKey, goldClaim.speaker, `${goldClaim.id} speaker`)
    t.strictSame([...ours.renderingIds].sort(), [...goldClaim.members].sort(), `${goldClaim.id} members`)
    t.equal(ours.canonical.original, goldClaim.canonical, `${goldClaim.id} canonical`)
    for (const verdict of ours.verdicts) {
      t.equal(verdict.label, gold.labels[verdict.renderingId], `${verdict.renderingId} label`)
    }
  }
  t.equal(Object.keys(gold.labels).length, gold.quotes.length, 'every quote has a gold label')
})

t.test(
  'the canonical text is the wording printed in one piece, whatever the ingestion order of undated articles',
  async (t) => {
    // c3's wording is printed by 000 (q3, one piece) and 001 (q9, two pieces): the same words, so the
    // same canonical wording. "The earliest article" falls back to ingestion time when no article is
    // dated, but the pieces joined ("sale, Sovereignty") are never shown when someone printed the
    // wording whole, so the text does not move either.
    const inOrder = recluster(goldRenderings()).find((claim) => claim.seedId === 'q3')!
    const reversed = recluster(goldRenderings('reversed')).find((claim) => claim.seedId === 'q3')!
    t.equal(inOrder.canonical.normalized, reversed.canonical.normalized)
    t.strictSame(
      inOrder.verdicts.map((verdict) => verdict.label),
      reversed.verdicts.map((verdict) => verdict.label),
    )
    t.equal(inOrder.canonical.renderingId, 'q3')
    t.equal(reversed.canonical.renderingId, 'q3')
    t.equal(reversed.canonical.original, inOrder.canonical.original)
  },
)
