import t from 'tap'
import {
  assignSeeds,
  ClaimCorrectionError,
  createRandom,
  planMerge,
  planMove,
  planSplit,
  type ClusterRendering,
  type CorrectedClaim,
  type PlacementPlan,
} from '../../../src/domain/claims/index.js'
import { shuffle, testCorpora } from './fixtures/corpora.js'

/** Renderings with placements, and the claims (by seed) the grouping gives them. */
class Desk {
  readonly renderings: Map<string, ClusterRendering>
  seeds = new Map<string, string>()

  constructor(renderings: readonly ClusterRendering[]) {
    this.renderings = new Map(renderings.map((rendering) => [rendering.id, rendering]))
    this.regroup()
  }

  regroup(): void {
    this.seeds = assignSeeds([...this.renderings.values()])
  }

  apply(plan: PlacementPlan): void {
    for (const [id, placement] of plan) this.renderings.set(id, { ...this.renderings.get(id)!, placement })
    this.regroup()
  }

  claims(): CorrectedClaim[] {
    const members = new Map<string, ClusterRendering[]>()
    for (const [id, seed] of this.seeds) members.set(seed, [...(members.get(seed) ?? []), this.renderings.get(id)!])
    return [...members].map(([seedId, list]) => ({ seedId, members: list }))
  }

  /** Whether the renderings are all in one claim. */
  together(ids: readonly string[]): boolean {
    return new Set(ids.map((id) => this.seeds.get(id))).size <= 1
  }
}

const idsOf = (claim: CorrectedClaim) => claim.members.map((member) => member.id)

t.test('merges, moves and splits do what the editor asked, one after another, on every corpus', async (t) => {
  for (const [k, { name, renderings }] of testCorpora().entries()) {
    const random = createRandom(31 + k)
    const desk = new Desk(renderings)
    const failures: string[] = []
    const counts = { merge: 0, move: 0, split: 0 }
    for (let step = 0; step < 60; step++) {
      const claims = desk.claims()
      const claim = claims[Math.floor(random() * claims.length)]!
      const speaker = desk.renderings.get(claim.seedId)!.speakerKey
      const others = claims.filter(
        (other) => other.seedId !== claim.seedId && desk.renderings.get(other.seedId)!.speakerKey === speaker,
      )
      const dice = random()
      if (dice < 0.35 && others.length > 0) {
        const other = others[Math.floor(random() * others.length)]!
        desk.apply(planMerge(claim, other))
        counts.merge++
        if (!desk.together([...idsOf(claim), ...idsOf(other)])) failures.push(`merge ${claim.seedId}+${other.seedId}`)
      } else if (dice < 0.7 && others.length > 0) {
        const other = others[Math.floor(random() * others.length)]!
        const moved = claim.members[Math.floor(random() * claim.members.length)]!.id
        desk.apply(planMove(moved, claim, other))
        counts.move++
        const rest = idsOf(claim).filter((id) => id !== moved)
        if (!desk.together([moved, ...idsOf(other)])) failures.push(`move ${moved}: not with its new claim`)
        if (!desk.together(rest)) failures.push(`move ${moved}: what stayed came apart`)
        if (rest.length > 0 && desk.together([moved, rest[0]!]))
          failures.push(`move ${moved}: still with its old claim`)
      } else if (claim.members.length > 1) {
        const out = new Set(
          shuffle(random, idsOf(claim)).slice(0, 1 + Math.floor(random() * (claim.members.length - 1))),
        )
        desk.apply(planSplit(claim, out))
        counts.split++
        const rest = idsOf(claim).filter((id) => !out.has(id))
        if (!desk.together([...out])) failures.push(`split: the renderings split out came apart`)
        if (!desk.together(rest)) failures.push(`split: what stayed came apart`)
        if (desk.together([[...out][0]!, rest[0]!])) failures.push(`split: nothing was split`)
      }
    }
    t.same(failures, [], `${name}: ${counts.merge} merges, ${counts.move} moves, ${counts.split} splits`)
    t.ok(counts.merge > 5 && counts.move > 5 && counts.split > 5, `${name}: each correction was tried`)
  }
})

t.test('a merged claim keeps drawing later renderings of its words', async (t) => {
  const { renderings } = testCorpora().find((corpus) => corpus.name.startsWith('synthetic'))!
  // Two claims of one speaker; the merge is made before the later renderings of the second arrive.
  const desk = new Desk(renderings)
  const claims = desk.claims().filter((claim) => claim.members.length >= 3)
  const second = claims.find(
    (claim) =>
      claim.seedId !== claims[0]!.seedId &&
      desk.renderings.get(claim.seedId)!.speakerKey === desk.renderings.get(claims[0]!.seedId)!.speakerKey,
  )!
  t.ok(second, 'two claims of one speaker with several renderings')
  const [first] = claims
  const held = second.members.filter((member) => member.id !== second.seedId)
  for (const member of held) desk.renderings.delete(member.id)
  desk.regroup()
  const early = desk.claims().find((claim) => claim.seedId === second.seedId)!
  desk.apply(planMerge(first!, early))
  for (const member of held)
    desk.renderings.set(
      member.id,
      renderings.find((rendering) => rendering.id === member.id)!,
    )
  desk.regroup()
  t.ok(desk.together([...idsOf(first!), ...idsOf(second)]), 'the later renderings joined the merged claim')
})

t.test('corrections that make no sense are refused', async (t) => {
  const claim: CorrectedClaim = { seedId: 'a', members: [{ id: 'a', orderKey: '1', tokens: ['a'] }] }
  t.throws(() => planMerge(claim, claim), ClaimCorrectionError)
  t.throws(() => planMove('a', claim, claim), ClaimCorrectionError)
  t.throws(() => planMove('z', claim, claim), ClaimCorrectionError)
  t.throws(() => planSplit(claim, new Set(['a'])), /every rendering/)
  t.throws(() => planSplit(claim, new Set()), /no rendering/)
  t.throws(() => planSplit(claim, new Set(['z'])), /not in the claim/)
})
