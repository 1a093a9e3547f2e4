/**
 * Which claim ids survive a regrouping, and where the others point.
 *
 * Claims are grouped around seeds (a claim's first rendering in the grouping's order), so a change that
 * gives a claim an earlier rendering, or removes its seed, makes the grouping start a claim under a new seed and empty
 * the old one. To the grouping that is a new claim; to an editor who linked the old id it is the same
 * claim. The id is what an editor holds, so ids follow renderings:
 *
 * - a claim emptied of its renderings passes its id to the started claim that received its earliest
 *   remaining rendering (the claim that "holds its earliest rendering", as after a split or the
 *   arrival of an earlier article), when no older claim passes its id there first;
 * - any other emptied claim redirects to the claim that received its earliest remaining rendering
 *   (it was merged into that claim);
 * - a claim whose renderings were all removed passes its id (or, when that is taken, redirects) to a
 *   started claim of the same speaker whose seed shares its former seed's words by the grouping's
 *   own rule: the quote as a revision of the article prints it now;
 * - failing that, it is a tombstone: its id answers that it is gone.
 *
 * A claim that keeps its seed keeps its id whatever else leaves it, so a split leaves the original
 * id with the part that holds the earliest rendering (in the grouping's order) by construction.
 */

import { compareOverlaps, wordingOverlap } from './overlap.js'

/** A claim left with no renderings by a change. */
export interface EmptiedClaim {
  claimId: string
  speakerKey: string
  /** the words of the seed it had */
  seedTokens: readonly string[]
  /**
   * Its renderings that are still stored, earliest first (by order key): the seed of the claim each
   * is in now. Empty when every rendering it had was removed.
   */
  destinations: string[]
  /** the order key of its earliest remaining rendering; decides which of two claims passes its id first */
  firstOrderKey: string | null
}

export interface ClaimIdentityPlan {
  /** started claims (by seed) that take over an emptied claim's id instead of a new one */
  inherited: Map<string, string>
  /** emptied claims merged into the claim (by its seed) that has their earliest rendering now */
  redirects: Array<{ from: string; toSeed: string }>
  /** emptied claims with nothing left: tombstones */
  removed: string[]
}

/** A claim the change starts, by its seed. */
export interface StartedClaim {
  seedId: string
  speakerKey: string
  tokens: readonly string[]
  orderKey: string
}

export function planClaimIdentity(emptied: EmptiedClaim[], started: StartedClaim[]): ClaimIdentityPlan {
  const plan: ClaimIdentityPlan = { inherited: new Map(), redirects: [], removed: [] }
  const startedSeeds = new Set(started.map((claim) => claim.seedId))
  // The oldest claim first: when two emptied claims' earliest renderings land in one started claim,
  // the id of the claim that was printed first is the one kept.
  const ordered = [...emptied].sort(
    (x, y) =>
      compareKeys(x.firstOrderKey, y.firstOrderKey) || (x.claimId < y.claimId ? -1 : x.claimId > y.claimId ? 1 : 0),
  )
  // Claims whose renderings stayed go first: where a rendering went is firmer ground than a likeness of words.
  for (const claim of ordered) {
    const destination = claim.destinations[0] ?? successorOf(claim, started)
    if (destination === undefined) plan.removed.push(claim.claimId)
    else if (startedSeeds.has(destination) && !plan.inherited.has(destination)) {
      plan.inherited.set(destination, claim.claimId)
    } else plan.redirects.push({ from: claim.claimId, toSeed: destination })
  }
  return plan
}

/** The started claim, if any, that prints the words of a claim whose renderings were all removed. */
function successorOf(claim: EmptiedClaim, started: StartedClaim[]): string | undefined {
  let best: { seedId: string; orderKey: string; overlap: NonNullable<ReturnType<typeof wordingOverlap>> } | undefined
  for (const candidate of started) {
    if (candidate.speakerKey !== claim.speakerKey) continue
    const overlap = wordingOverlap(claim.seedTokens, candidate.tokens)
    if (overlap === null) continue
    const better =
      best === undefined ||
      compareOverlaps(overlap, best.overlap) < 0 ||
      (compareOverlaps(overlap, best.overlap) === 0 && candidate.orderKey < best.orderKey)
    if (better) best = { seedId: candidate.seedId, orderKey: candidate.orderKey, overlap }
  }
  return best?.seedId
}

/** Order keys, nulls (nothing left) last. */
const compareKeys = (x: string | null, y: string | null): number =>
  x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1
