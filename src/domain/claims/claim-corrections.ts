/**
 * What an editor's claim corrections (merge two claims, move a rendering, split renderings out) become:
 * placements (rendering.ts) on a few renderings, which the grouping keeps as facts whatever arrives
 * later (cluster.ts, incremental.ts). Planning only: the store writes the placements and regroups.
 *
 * Each plan touches as few renderings as make the result hold. A claim keeps a member by its words
 * unless the correction takes away what drew it there (its seed, a rendering that carried it, one its
 * members were placed with) or puts something more attractive in its way (a new seed): then its members
 * are placed with one another, so what the editor left together stays together. A claim the correction
 * does not name may still give a later rendering to a claim founded by it, when that rendering's words
 * are nearer the new founder's: the grouping's own rule, which a correction changes the seeds of.
 * test/domain/claims/claim-corrections.test.ts checks each plan's intent over hundreds of corrections
 * made one after another.
 */
import { compareRenderings, type ClusterRendering, type Placement } from './rendering.js'

/** A member of a claim as a correction sees it, with the placement it has, if any. */
export type ClaimMember = Pick<ClusterRendering, 'id' | 'orderKey' | 'tokens' | 'placement'>

/** A claim as a correction sees it: its seed (its first member, compareRenderings) and every member, the seed included. */
export interface CorrectedClaim {
  seedId: string
  members: readonly ClaimMember[]
}

/** Placements to give, by rendering id; each replaces the one the rendering had. */
export type PlacementPlan = Map<string, Placement>

/** Why a correction cannot be made; the store answers it as a conflict. */
export class ClaimCorrectionError extends Error {
  override name = 'ClaimCorrectionError'
}

const inOrder = (members: readonly ClaimMember[]) => [...members].sort(compareRenderings)

/**
 * Two claims of one speaker become one. The claim whose seed comes later is placed, by its seed, with
 * the other and carries it: its renderings, and later ones printing its words, join the other claim
 * through it. The claim printed first keeps its id (claim-identity.ts); the other redirects.
 */
export function planMerge(x: CorrectedClaim, y: CorrectedClaim): PlacementPlan {
  if (x.seedId === y.seedId) throw new ClaimCorrectionError('a claim cannot be merged with itself')
  const seedOf = (claim: CorrectedClaim) => claim.members.find((member) => member.id === claim.seedId)!
  const [first, second] = compareRenderings(seedOf(x), seedOf(y)) < 0 ? [x, y] : [y, x]
  return new Map([[second.seedId, { with: first.seedId, carries: true }]])
}

/**
 * One rendering leaves its claim (`from`) for another (`to`). Placed with the other claim's seed when
 * that comes first; when the rendering comes first it founds the claim instead, and the other claim's
 * seed is placed with it and carries, bringing its renderings along. What stays behind is kept
 * together when the move took what drew its members there, or put a new seed before them.
 */
export function planMove(renderingId: string, from: CorrectedClaim, to: CorrectedClaim): PlacementPlan {
  const rendering = from.members.find((member) => member.id === renderingId)
  if (rendering === undefined) {
    throw new ClaimCorrectionError(`rendering ${renderingId} is not in the claim it leaves (it moved meanwhile?)`)
  }
  if (from.seedId === to.seedId) throw new ClaimCorrectionError('the rendering is in that claim already')
  const toSeed = to.members.find((member) => member.id === to.seedId)!
  const plan: PlacementPlan = new Map()
  const foundsTarget = compareRenderings(rendering, toSeed) < 0
  if (foundsTarget) {
    plan.set(renderingId, { with: null, carries: false })
    plan.set(to.seedId, { with: renderingId, carries: true })
  } else {
    plan.set(renderingId, { with: to.seedId, carries: false })
  }
  const rest = from.members.filter((member) => member.id !== renderingId)
  // What drew the others there goes with it when it was their seed, carried the claim (a merge), or had
  // renderings placed with it; and as a new seed it may draw them away.
  const drew =
    renderingId === from.seedId ||
    rendering.placement?.carries === true ||
    rest.some((member) => member.placement?.with === renderingId)
  if (rest.length > 0 && (drew || foundsTarget)) keepTogether(plan, rest, from.seedId)
  // A claim founded anew may draw renderings printed after it from any claim; the one the rendering
  // joins is kept as it is.
  if ([...plan.values()].some((placement) => placement.with === null)) {
    for (const member of to.members) {
      if (member.id !== to.seedId && !plan.has(member.id)) plan.set(member.id, { with: to.seedId, carries: false })
    }
  }
  return plan
}

/**
 * Renderings (`out`) leave their claim for a new one of their own: the earliest of them founds it and
 * the others are placed with it; the renderings that stay are kept together, under the claim's seed
 * or, when the seed left, under the earliest of them. By claim-identity's rule the claim's id stays with
 * the part holding its earliest rendering.
 */
export function planSplit(claim: CorrectedClaim, out: ReadonlySet<string>): PlacementPlan {
  const leaving = inOrder(claim.members.filter((member) => out.has(member.id)))
  if (leaving.length !== out.size) throw new Error('a rendering split out is not in the claim')
  const rest = claim.members.filter((member) => !out.has(member.id))
  if (leaving.length === 0) throw new ClaimCorrectionError('no rendering to split out')
  if (rest.length === 0) throw new ClaimCorrectionError('every rendering of the claim would leave it: nothing is split')
  const plan: PlacementPlan = new Map()
  const [founder, ...others] = leaving as [ClaimMember, ...ClaimMember[]]
  plan.set(founder.id, { with: null, carries: false })
  for (const member of others) plan.set(member.id, { with: founder.id, carries: false })
  keepTogether(plan, rest, claim.seedId)
  return plan
}

/** Places renderings that stay in a claim with its earliest one, which founds the claim if it is not its seed. */
function keepTogether(plan: PlacementPlan, members: readonly ClaimMember[], seedId: string): void {
  const [first, ...others] = inOrder(members) as [ClaimMember, ...ClaimMember[]]
  if (first.id !== seedId) plan.set(first.id, { with: null, carries: false })
  for (const member of others) plan.set(member.id, { with: first.id, carries: false })
}
