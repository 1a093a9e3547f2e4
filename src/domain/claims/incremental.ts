/**
 * Keeping claims up to date without regrouping a speaker's every quote.
 *
 * Why it is exact. In the greedy pass (cluster.ts) a rendering's claim is decided by chooseSeed from
 * its earlier neighbours (the renderings of its speaker it overlaps that come before it in the
 * order of facts) and their seeds, nothing else. So after a change, a rendering can end up in a
 * different claim only if it was added, or one of its earlier neighbours was added, removed or
 * itself changed claim. Two ways of recomputing follow from that, both giving exactly what a full
 * recomputation over all the speaker's renderings gives:
 *
 * 1. reassign (the service's path): re-decide, in order, the added renderings and every later
 *    neighbour of a rendering that was removed or whose seed changed, and stop where decisions stop
 *    changing. Processing in order means each rendering is re-decided once, after every earlier
 *    rendering it depends on is final; a rendering not re-decided has the same earlier neighbours with
 *    the same seeds as before, so its decision stands. Work is proportional to the renderings
 *    re-decided: a quote published after everything it overlaps (the usual case of live ingestion)
 *    costs one candidate lookup and no propagation at all.
 *
 * 2. touchedComponent + recluster: a claim never spans two connected components of the overlap graph
 *    (each member joined through an overlap with an earlier member), and no decision looks outside
 *    its component, so the greedy pass over any union of whole components equals the full pass
 *    restricted to it. The touched set is the component, in the graph after the change, of every
 *    added rendering and of every rendering that shared a component with a removed one. Simpler,
 *    but proportional to the component, which short quotes ("OK with me", one-word scare quotes)
 *    can make large: every longer quote containing them becomes a neighbour. Meant for repairs and
 *    small speakers; the service should prefer reassign.
 *
 * Both are exact only if the candidate lookup returns every stored rendering of the speaker that
 * overlaps the one asked about (more is fine: candidates are checked with the exact alignment).
 * A trigram index must be queried loosely enough for that: a 3-word excerpt of a 60-word statement
 * overlaps it fully while sharing few of its trigrams.
 */
import type { WordingOverlap } from '../wording/index.js'
import { chooseSeed, type Neighbour } from './cluster.js'
import { wordingOverlap } from './overlap.js'
import { compareRenderings, type ClusterRendering } from './rendering.js'

type Awaitable<T> = T | Promise<T>

/** Stored renderings that may overlap the one given: a superset of those of its speaker that do. */
export type RenderingCandidates = (rendering: ClusterRendering) => Awaitable<readonly ClusterRendering[]>

/**
 * The touched set of approach 2: every rendering connected to `start` through overlaps between
 * renderings of the same speaker. `candidatesOf` answers for the state after the change (it may
 * return renderings of `start` themselves; they are not repeated). For an insertion pass the new
 * rendering; for a removal, what the removed rendering overlapped before, minus it; for a
 * correction, both. Returns renderings in order. Cost: one lookup per rendering of the component,
 * and the exact alignment for each candidate that passes the word-count bound.
 */
export async function touchedComponent(
  start: readonly ClusterRendering[],
  candidatesOf: RenderingCandidates,
): Promise<ClusterRendering[]> {
  const seen = new Map(start.map((rendering) => [rendering.id, rendering]))
  const frontier = [...seen.values()]
  for (let next = frontier.pop(); next !== undefined; next = frontier.pop()) {
    for (const candidate of await candidatesOf(next)) {
      if (seen.has(candidate.id) || candidate.speakerKey !== next.speakerKey) continue
      if (wordingOverlap(next.tokens, candidate.tokens) === null) continue
      seen.set(candidate.id, candidate)
      frontier.push(candidate)
    }
  }
  return [...seen.values()].sort(compareRenderings)
}

/** A stored rendering and the seed of the claim it is in. */
export interface SeededRendering {
  rendering: ClusterRendering
  seedId: string
}

/**
 * Stored renderings (with their current seeds) that may overlap the one given: a superset of the
 * stored renderings of its speaker that do. Answers for the stored state: reassign itself adds the
 * renderings being added and drops those being removed.
 */
export type SeededCandidates = (rendering: ClusterRendering) => Awaitable<readonly SeededRendering[]>

export interface ClaimChange {
  /** New renderings, and the new version of a corrected one (same id or not). */
  added: readonly ClusterRendering[]
  /** Stored renderings going away (with their claim's seed), and the stored version of a corrected one. */
  removed: readonly SeededRendering[]
}

export interface Reassignment {
  /** New seed of every added rendering and of every stored rendering whose claim changed. */
  seeds: Map<string, string>
  /**
   * Seeds of the claims whose membership changed (claims left, joined, started or emptied): the
   * claims to recompute with summarizeClaim, or to delete when no rendering has that seed any more.
   */
  touchedSeeds: Set<string>
  /** Renderings whose decision was re-made, for instrumentation: the cost of the change. */
  visited: number
}

/** Min-heap of renderings by compareRenderings: the order decisions are re-made in. */
class RenderingQueue {
  private readonly heap: ClusterRendering[] = []
  private readonly queued = new Set<string>()

  push(rendering: ClusterRendering): void {
    if (this.queued.has(rendering.id)) return
    this.queued.add(rendering.id)
    const heap = this.heap
    heap.push(rendering)
    let child = heap.length - 1
    while (child > 0) {
      const parent = (child - 1) >> 1
      if (compareRenderings(heap[parent] as ClusterRendering, rendering) <= 0) break
      heap[child] = heap[parent] as ClusterRendering
      child = parent
    }
    heap[child] = rendering
  }

  pop(): ClusterRendering | undefined {
    const heap = this.heap
    const top = heap[0]
    const last = heap.pop()
    if (top === undefined || last === undefined || heap.length === 0) return top
    let parent = 0
    for (;;) {
      let child = 2 * parent + 1
      if (child >= heap.length) break
      const right = child + 1
      if (
        right < heap.length &&
        compareRenderings(heap[right] as ClusterRendering, heap[child] as ClusterRendering) < 0
      )
        child = right
      if (compareRenderings(last, heap[child] as ClusterRendering) <= 0) break
      heap[parent] = heap[child] as ClusterRendering
      parent = child
    }
    heap[parent] = last
    return top
  }
}

/**
 * Approach 1: the seeds that change when `change` is applied to the stored claims. Pure apart from
 * the lookups it is given; it writes nothing. Cost: one lookup and, per candidate, the word-count
 * bound (and the alignment when the bound passes) for each rendering re-decided, plus O(log q) to
 * queue it: proportional to the renderings the change actually reaches, not to the speaker's claims.
 */
export async function reassign(change: ClaimChange, candidatesOf: SeededCandidates): Promise<Reassignment> {
  const added = new Map(change.added.map((rendering) => [rendering.id, rendering]))
  const removedIds = new Set(change.removed.map(({ rendering }) => rendering.id))
  /** Stored seed of each rendering met, before the change. */
  const storedSeeds = new Map(change.removed.map(({ rendering, seedId }) => [rendering.id, seedId]))
  /** Seeds decided so far: where present, they override storedSeeds. */
  const seeds = new Map<string, string>()
  const touchedSeeds = new Set<string>()
  const queue = new RenderingQueue()

  /** The renderings `rendering` overlaps after the change, with their current seeds. */
  const neighboursOf = async (
    rendering: ClusterRendering,
  ): Promise<Array<{ other: ClusterRendering; overlap: WordingOverlap }>> => {
    const others: ClusterRendering[] = []
    for (const { rendering: stored, seedId } of await candidatesOf(rendering)) {
      storedSeeds.set(stored.id, seedId)
      if (!removedIds.has(stored.id) && !added.has(stored.id)) others.push(stored)
    }
    others.push(...added.values())
    const neighbours: Array<{ other: ClusterRendering; overlap: WordingOverlap }> = []
    for (const other of others) {
      if (other.id === rendering.id || other.speakerKey !== rendering.speakerKey) continue
      const overlap = wordingOverlap(rendering.tokens, other.tokens)
      if (overlap !== null) neighbours.push({ other, overlap })
    }
    return neighbours
  }
  const queueLaterNeighbours = async (rendering: ClusterRendering): Promise<void> => {
    for (const { other } of await neighboursOf(rendering)) {
      if (compareRenderings(rendering, other) < 0) queue.push(other)
    }
  }

  for (const { rendering, seedId } of change.removed) {
    // Its claim loses it; its later neighbours lose an earlier neighbour.
    touchedSeeds.add(seedId)
    await queueLaterNeighbours(rendering)
  }
  for (const rendering of added.values()) queue.push(rendering)

  let visited = 0
  for (let rendering = queue.pop(); rendering !== undefined; rendering = queue.pop()) {
    visited++
    const found = await neighboursOf(rendering)
    const neighbours: Neighbour[] = found.map(({ other, overlap }) => ({
      rendering: other,
      seedId: seeds.get(other.id) ?? (storedSeeds.get(other.id) as string),
      overlap,
    }))
    const seedId = chooseSeed(rendering, neighbours)
    const isAdded = added.has(rendering.id)
    // An added rendering always counts as changed: its overlaps are new to its later neighbours.
    if (!isAdded && seedId === storedSeeds.get(rendering.id)) continue
    seeds.set(rendering.id, seedId)
    touchedSeeds.add(seedId)
    // A stored rendering (the old version of a corrected one too) leaves its claim.
    if (!isAdded) touchedSeeds.add(storedSeeds.get(rendering.id) as string)
    for (const { other } of found) {
      if (compareRenderings(rendering, other) < 0) queue.push(other)
    }
  }
  return { seeds, touchedSeeds, visited }
}
