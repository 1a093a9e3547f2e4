/**
 * Grouping one speaker's renderings into claims.
 *
 * The rule: a quote joins the claim of the same speaker whose wording it overlaps, otherwise it
 * starts a new claim; a quote overlapping several claims joins exactly one, and claims never merge.
 * That rule reads as a process over time, so it is run as one greedy pass in a fixed order of facts
 * (order-key.ts): each rendering, taken in that order, joins the claim holding its best-overlapping
 * earlier rendering, or starts a claim of its own. The result is a function of the set of
 * renderings, whatever order they arrived in.
 *
 * A claim is named by its seed: the rendering that started it, which is also its earliest member.
 * Everything a rendering's decision depends on is local: its earlier neighbours in the overlap graph
 * (renderings of the same speaker it overlaps) and the seeds they were given. That locality is what
 * lets the service recompute only what an insertion touches (incremental.ts).
 */
import type { WordingOverlap } from '../wording/index.js'
import {
  chooseCanonical,
  firstAppearance,
  labelRendering,
  type CanonicalWording,
  type RenderingAssessment,
} from '../wording/index.js'
import { compareOverlaps, overlapBound, wordingOverlap } from './overlap.js'
import { compareRenderings, originalText, type ClusterRendering } from './rendering.js'

/** An earlier rendering of the same speaker that a rendering overlaps, and the claim it is in. */
export interface Neighbour {
  rendering: Pick<ClusterRendering, 'id' | 'orderKey'>
  /** Seed of the neighbour's claim. */
  seedId: string
  overlap: WordingOverlap
}

/**
 * The claim (by seed) a rendering joins, given the renderings of its speaker that come before it
 * and overlap it: the claim of the best overlap (compareOverlaps), ties going to the earliest such
 * neighbour; its own id, starting a claim, when there is none. Neighbours that come after the
 * rendering are ignored, so callers may pass all neighbours.
 */
export function chooseSeed(
  rendering: Pick<ClusterRendering, 'id' | 'orderKey'>,
  neighbours: readonly Neighbour[],
): string {
  let best: Neighbour | null = null
  for (const neighbour of neighbours) {
    if (compareRenderings(neighbour.rendering, rendering) >= 0) continue
    if (best === null) {
      best = neighbour
      continue
    }
    const byOverlap = compareOverlaps(neighbour.overlap, best.overlap)
    if (byOverlap < 0 || (byOverlap === 0 && compareRenderings(neighbour.rendering, best.rendering) < 0))
      best = neighbour
  }
  return best === null ? rendering.id : best.seedId
}

/** A claim as membership only. */
export interface ClaimGroup {
  speakerKey: string
  /** The rendering that started the claim: its earliest member. */
  seedId: string
  /** Members in order (compareRenderings), seed first. */
  renderingIds: string[]
}

/** Renderings sorted by compareRenderings; throws on a repeated id, which would make a claim ambiguous. */
function sortedUnique<T extends ClusterRendering>(renderings: readonly T[]): T[] {
  const sorted = [...renderings].sort(compareRenderings)
  for (let k = 1; k < sorted.length; k++) {
    if ((sorted[k] as T).id === (sorted[k - 1] as T).id) throw new Error(`rendering ${(sorted[k] as T).id} given twice`)
  }
  return sorted
}

/**
 * Seed of every rendering after the greedy pass, per speaker. Cost: every pair of renderings of a
 * speaker is compared once by a word-count bound, linear in the words; an alignment is paid only
 * when the bound could beat the best overlap found so far. So O(n²) bounds for n renderings: meant
 * for one component (incremental.ts) or a full rebuild, not for a speaker's whole history per change.
 */
export function assignSeeds(renderings: readonly ClusterRendering[]): Map<string, string> {
  const seeds = new Map<string, string>()
  const earlierBySpeaker = new Map<string, ClusterRendering[]>()
  for (const rendering of sortedUnique(renderings)) {
    let earlier = earlierBySpeaker.get(rendering.speakerKey)
    if (earlier === undefined) {
      earlier = []
      earlierBySpeaker.set(rendering.speakerKey, earlier)
    }
    // Only the best neighbour matters. Earlier renderings come in order, so one whose bound cannot
    // beat the best so far (a tie would go to that earlier best) is skipped without an alignment.
    const neighbours: Neighbour[] = []
    let best: WordingOverlap | null = null
    for (const other of earlier) {
      const bound = overlapBound(rendering.tokens, other.tokens)
      if (bound === null || (best !== null && compareOverlaps(bound, best) >= 0)) continue
      const overlap = wordingOverlap(rendering.tokens, other.tokens)
      if (overlap === null) continue
      neighbours.push({ rendering: other, seedId: seeds.get(other.id) as string, overlap })
      if (best === null || compareOverlaps(overlap, best) < 0) best = overlap
    }
    seeds.set(rendering.id, chooseSeed(rendering, neighbours))
    earlier.push(rendering)
  }
  return seeds
}

/**
 * The claims of a set of renderings (any mix of speakers): membership only, ordered by speaker,
 * then by seed order. The same set gives the same claims in any input order.
 */
export function clusterRenderings(renderings: readonly ClusterRendering[]): ClaimGroup[] {
  const seeds = assignSeeds(renderings)
  const groups = new Map<string, ClaimGroup>()
  // Sorted, so every group's members (and the groups themselves) come out in order.
  for (const rendering of sortedUnique(renderings)) {
    const seedId = seeds.get(rendering.id) as string
    const group = groups.get(seedId)
    if (group === undefined)
      groups.set(seedId, { speakerKey: rendering.speakerKey, seedId, renderingIds: [rendering.id] })
    else group.renderingIds.push(rendering.id)
  }
  return [...groups.values()].sort((x, y) => (x.speakerKey < y.speakerKey ? -1 : x.speakerKey > y.speakerKey ? 1 : 0))
}

export interface RenderingVerdict extends RenderingAssessment {
  renderingId: string
}

/** A claim with what the service stores about it. */
export interface ClusteredClaim extends ClaimGroup {
  canonical: CanonicalWording
  /** The earliest member: publishedAt, ingestedAt where unknown (firstAppearance). */
  firstAppearance: { renderingId: string; articleId: string; at: Date }
  /** Label, fidelity and diff of every member against the canonical wording, in member order. */
  verdicts: RenderingVerdict[]
}

/**
 * Canonical wording, first appearance and per-rendering verdicts of one claim's members. Throws
 * for no members. The canonical choice and first appearance follow the wording module's rules,
 * which fall back to ingestion time for undated articles (see the report on determinism).
 */
export function summarizeClaim(members: readonly ClusterRendering[]): ClusteredClaim {
  const sorted = sortedUnique(members)
  const seed = sorted[0]
  if (seed === undefined) throw new Error('a claim has at least one rendering')
  const canonical = chooseCanonical(
    sorted.map((rendering) => ({
      id: rendering.id,
      articleId: rendering.articleId,
      publishedAt: rendering.publishedAt,
      ingestedAt: rendering.ingestedAt,
      normalized: rendering.tokens.join(' '),
      original: originalText(rendering),
    })),
  ) as CanonicalWording
  const first = firstAppearance(sorted) as ClusterRendering
  return {
    speakerKey: seed.speakerKey,
    seedId: seed.id,
    renderingIds: sorted.map((rendering) => rendering.id),
    canonical,
    firstAppearance: { renderingId: first.id, articleId: first.articleId, at: first.publishedAt ?? first.ingestedAt },
    verdicts: sorted.map((rendering) => ({
      renderingId: rendering.id,
      ...labelRendering(rendering.text, canonical.original),
    })),
  }
}

/**
 * Clusters a touched set (incremental.ts) and summarises every claim: what the service writes back.
 * The set must be closed as touchedComponent describes for the result to equal a full recomputation.
 */
export function recluster(component: readonly ClusterRendering[]): ClusteredClaim[] {
  const byId = new Map(component.map((rendering) => [rendering.id, rendering]))
  return clusterRenderings(component).map((group) =>
    summarizeClaim(group.renderingIds.map((id) => byId.get(id) as ClusterRendering)),
  )
}
