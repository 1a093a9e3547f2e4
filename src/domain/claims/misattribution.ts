/**
 * Misattribution: the same words given to different speakers by different articles. A rendering
 * whose wording overlaps a claim of another speaker (by the claim-joining rule, through any of the
 * claim's renderings, hence its canonical wording too) is flagged, and so is each rendering of that
 * claim it overlaps: both sides show which speaker the other outlet named.
 */
import { wordingOverlap } from './overlap.js'
import type { ClusterRendering } from './rendering.js'

/** A claim of some speaker, as the service loads it (candidates from the trigram index). */
export interface SpeakerClaim {
  claimId: string
  speakerKey: string
  renderings: readonly ClusterRendering[]
}

/** One side of a misattribution: this rendering's words are also given to another speaker. */
export interface Misattribution {
  renderingId: string
  /** The claim, of another speaker, that holds the same words. */
  otherClaimId: string
  otherSpeakerKey: string
}

function compareMisattributions(x: Misattribution, y: Misattribution): number {
  if (x.renderingId !== y.renderingId) return x.renderingId < y.renderingId ? -1 : 1
  // A rendering is flagged at most once per claim, so two flags never compare equal.
  return x.otherClaimId < y.otherClaimId ? -1 : 1
}

/**
 * Both sides of every misattribution between `rendering` (in the claim `claimId`) and `otherClaims`:
 * the rendering flagged once per other-speaker claim it overlaps, and each overlapping rendering of
 * that claim flagged with the rendering's claim and speaker. Claims of the rendering's own speaker
 * are skipped, so the caller may pass all candidates. Sorted by rendering, then claim.
 */
export function findMisattributions(
  rendering: ClusterRendering,
  claimId: string,
  otherClaims: readonly SpeakerClaim[],
): Misattribution[] {
  const found: Misattribution[] = []
  for (const other of otherClaims) {
    if (other.speakerKey === rendering.speakerKey) continue
    const matching = other.renderings.filter((member) => wordingOverlap(rendering.tokens, member.tokens) !== null)
    if (matching.length === 0) continue
    found.push({ renderingId: rendering.id, otherClaimId: other.claimId, otherSpeakerKey: other.speakerKey })
    for (const member of matching) {
      found.push({ renderingId: member.id, otherClaimId: claimId, otherSpeakerKey: rendering.speakerKey })
    }
  }
  return found.sort(compareMisattributions)
}
