import { readFileSync } from 'node:fs'
import t from 'tap'
import { clusterRenderings, recluster } from '../../../src/domain/claims/index.js'
import type { RenderingLabel } from '../../../src/domain/wording/index.js'
import { goldRenderings } from './fixtures/corpora.js'

/** The hand-annotated quotes of the five seed articles (see the seeds README for conventions). */
interface GoldQuote {
  id: string
  article: string
  text: string
  pieces?: string[]
  speaker: string
  claim: string
}
interface GoldClaim {
  id: string
  speaker: string
  canonical: string
  members: string[]
}
interface Gold {
  quotes: GoldQuote[]
  claims: GoldClaim[]
  labels: Record<string, RenderingLabel>
  ambiguous_pairs: [string, string][]
}

const gold = JSON.parse(readFileSync(new URL('../../../seeds/gold.json', import.meta.url), 'utf8')) as Gold
const goldClaimOf = new Map(gold.quotes.map((quote) => [quote.id, quote.claim]))
const ambiguous = new Set(gold.ambiguous_pairs.flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]))

/**
 * Where the rules and the gold disagree (reported, not bent). q22 “Yes, it’s true, No, President
 * Trump. Our territory is inalienable, sovereignty is inalienable.” (003) contains all of q8 “No,
 * President Trump” (001, claim c1): the shorter shares 100% of its words, so by the rule q22 joins
 * c1 — with q8's claim-mate q1, which the gold keeps apart (the q1/q22 pair is not among the
 * ambiguous ones). It also overlaps q20 (claim c6) at 11/14, so no order of facts would leave it
 * alone as gold c15 wants: q8 is in an earlier article.
 */
const KNOWN_CONFLICTS = new Set(['q1|q22'])

t.test('the gold quotes cluster into the gold claims, ambiguous pairs aside', async (t) => {
  const claims = clusterRenderings(goldRenderings())
  t.strictSame(clusterRenderings(goldRenderings('reversed')), claims, 'ingestion time does not decide grouping')
  const ourClaimOf = new Map(claims.flatMap((claim) => claim.renderingIds.map((id) => [id, claim.seedId])))
  const disagreements: string[] = []
  for (const x of gold.quotes) {
    for (const y of gold.quotes) {
      if (x.id >= y.id || x.speaker !== y.speaker || ambiguous.has(`${x.id}|${y.id}`)) continue
      const together = ourClaimOf.get(x.id) === ourClaimOf.get(y.id)
      const goldTogether = goldClaimOf.get(x.id) === goldClaimOf.get(y.id)
      if (together !== goldTogether) disagreements.push([x.id, y.id].sort().join('|'))
    }
  }
  t.strictSame(disagreements.sort(), [...KNOWN_CONFLICTS].sort(), 'only the documented rule/gold conflict')
  t.equal(ourClaimOf.get('q22'), 'q1', 'q22 joins c1 through q8 (ratio 1.0 beats 11/14 with q20)')
})

t.test('every gold claim untouched by the conflict gets the gold canonical wording and labels', async (t) => {
  const claims = recluster(goldRenderings())
  const bySeed = new Map(claims.map((claim) => [claim.seedId, claim]))
  for (const goldClaim of gold.claims) {
    const ours = claims.find((claim) => claim.renderingIds.includes(goldClaim.members[0] as string))!
    // c1 also holds q22 (the conflict above), and gold c15 holds nothing but q22.
    if (goldClaim.id === 'c15') continue
    if (goldClaim.id !== 'c1') t.strictSame(ours.renderingIds, goldClaim.members, `${goldClaim.id} members`)
    t.equal(ours.canonical.original, goldClaim.canonical, `${goldClaim.id} canonical`)
    for (const verdict of ours.verdicts) {
      if (verdict.renderingId === 'q22') continue
      t.equal(verdict.label, gold.labels[verdict.renderingId], `${verdict.renderingId} label`)
    }
  }
  t.equal(bySeed.size, gold.claims.length - 1, 'one claim fewer than gold: c15 is folded into c1')
  const c1 = bySeed.get('q1')!
  t.strictSame(c1.renderingIds, ['q1', 'q8', 'q22'])
  t.equal(c1.verdicts.find((verdict) => verdict.renderingId === 'q22')?.label, 'altered')
})

t.test(
  'for undated articles the canonical text printed depends on ingestion order (a rule of the wording module)',
  async (t) => {
    // c3's wording is printed by 000 (q3, one piece) and 001 (q9, two pieces): the same words, so the
    // same canonical wording, but "the text as printed by the earliest article" falls back to
    // ingestion time when no article is dated. Membership, canonical words and labels do not move.
    const inOrder = recluster(goldRenderings()).find((claim) => claim.seedId === 'q3')!
    const reversed = recluster(goldRenderings('reversed')).find((claim) => claim.seedId === 'q3')!
    t.equal(inOrder.canonical.normalized, reversed.canonical.normalized)
    t.strictSame(
      inOrder.verdicts.map((verdict) => verdict.label),
      reversed.verdicts.map((verdict) => verdict.label),
    )
    t.equal(inOrder.canonical.renderingId, 'q3')
    t.equal(reversed.canonical.renderingId, 'q9')
  },
)
