/**
 * Keeping claims up to date without regrouping a speaker's every quote.
 *
 * Why it is exact. In the greedy pass (cluster.ts) a rendering's claim is decided by chooseSeed from
 * the earlier ways into claims of its speaker that it overlaps (seeds; for a fragment, full wordings
 * too), nothing else; whether it is a seed itself is part of that decision. So after a change, a
 * rendering can end up in a different claim only if it was added, or an earlier rendering overlapping
 * it changed seed status (became a seed, added as one or left without an earlier seed to join; stopped
 * being one; or was a seed and was removed), or, for a fragment, an earlier full wording overlapping it
 * was added, removed or moved. A fragment that moves from one claim to another, seed neither before
 * nor after, changes no one else's decision; a full wording that does changes only fragments'.
 *
 * reassign therefore re-decides, in order, the added renderings and the later overlapping
 * renderings each such change reaches, and stops where statuses stop changing. Processing in order
 * means each rendering is re-decided once, after every earlier rendering it depends on is final; a
 * rendering not re-decided overlaps the same earlier ways in as before, so its decision stands. Work
 * is proportional to the renderings re-decided: a quote published after everything it overlaps that
 * joins an existing claim (the usual case of live ingestion) costs one lookup of the seeds it
 * overlaps and, for a full wording, one of the fragments after it (few, and those of its words).
 *
 * Exactness rests on the two lookups returning at least what their contracts say (more is fine:
 * every candidate is checked with the exact alignment, and its speaker, order and status are
 * checked too). A trigram index must be queried loosely enough for that: a 3-word excerpt of a
 * 60-word statement overlaps it fully while sharing few of its trigrams.
 */
import { chooseSeed, placedSeed, type SeedOverlap } from './cluster.js'
import { isFragment, wordingOverlap } from './overlap.js'
import { compareRenderings, type ClusterRendering } from './rendering.js'

type Awaitable<T> = T | Promise<T>

/** A stored rendering and the seed of the claim it is in: a seed iff seedId === rendering.id. */
export interface SeededRendering {
  rendering: ClusterRendering
  seedId: string
  /**
   * The seed itself, when the lookup read it (it may for fragments): lets a full wording that only
   * changed claims pass by a fragment its claim's seed holds, which keeps that way in whatever the
   * wording does. Without it such fragments are re-decided, which is exact too, at a lookup each.
   */
  seed?: Pick<ClusterRendering, 'id' | 'orderKey' | 'tokens'>
}

/**
 * A lookup of stored renderings, with their current seeds, for a rendering `r`. Answers for the
 * stored state, before the change: reassign itself adds the renderings being added and drops those
 * being removed. What it must return depends on the role it is passed in (see reassign); any
 * superset is fine, in any order, renderings of other speakers and `r` itself included.
 */
export type SeededCandidates = (rendering: ClusterRendering) => Awaitable<readonly SeededRendering[]>

/**
 * Which later renderings a `laterOf` lookup must return: `every` one, or only `fragments` (when the
 * rendering is a way in for fragments alone, a full wording that joined or left a claim).
 */
export type LaterReach = 'every' | 'fragments'

/**
 * Told, before a `seedsOf` lookup, of every rendering now queued that it was not told of before (the one
 * about to be asked first): each is told of once, and each rendering told of is asked `seedsOf` exactly
 * once, later; none of those lookups depends on the decisions between them, since they answer for the
 * stored state. A store can answer them together, one statement where it would make one each.
 */
export type LookupsAhead = (renderings: readonly ClusterRendering[]) => Awaitable<void>

/** The lookup of the renderings after one (reassign's `laterOf`): any superset of what `reach` asks. */
export type LaterCandidates = (rendering: ClusterRendering, reach: LaterReach) => Awaitable<readonly SeededRendering[]>

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

  /** The renderings queued and not yet popped, in no order. */
  pending(): readonly ClusterRendering[] {
    return this.heap
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
 * The seeds that change when `change` is applied to the stored claims. Pure apart from the lookups
 * it is given; it writes nothing. For a rendering `r` (stored, added, or removed):
 *
 * - `seedsOf(r)` must return every stored seed of r's speaker that overlaps r, every stored rendering
 *   of r's speaker that carries (Placement) and overlaps r, when r is a fragment every stored full
 *   wording of r's speaker that overlaps it, and the stored rendering r is placed with, if any. It is
 *   called once for each rendering re-decided: every added one, and each one a change reaches.
 * - `laterOf(r, reach)` must return every stored rendering of r's speaker that comes after r in the
 *   order of the grouping (compareRenderings) and overlaps r; with reach `fragments`, only every such
 *   fragment. It is called only for a rendering whose standing with later ones changes: with `every`,
 *   an added rendering that starts a claim or carries, a stored one that becomes or stops being a seed,
 *   a carrying one whose claim changes, a removed seed or carrier; with `fragments`, any other full
 *   wording added, removed or moving (a way in for the fragments after it).
 * - `placedOn(r)` must return every stored rendering placed with r. It is called for each rendering
 *   whose claim changes (added and removed ones included); it may answer nothing when no stored
 *   rendering has a placement.
 * - `lookupsAhead(rs)`, when given, is told before a `seedsOf` lookup of the renderings queued whose
 *   `seedsOf` lookups are still to come, so that a store can make them in one go (LookupsAhead): a
 *   change that reaches many stored renderings then costs a statement per wave, not one per rendering.
 *
 * Without `laterOf`, `seedsOf` serves both roles and must return the union: every stored rendering
 * of r's speaker that overlaps r, and the one r is placed with. Cost: per rendering re-decided, one
 * `seedsOf` lookup, the word-count bound per candidate (the alignment when the bound passes) and
 * O(log q) to queue it; one `laterOf` lookup per status change or full wording moved, one `placedOn`
 * per changed claim. Proportional to what the change reaches, not to the speaker's claims: a new latest
 * fragment costs one lookup when it joins a claim, a new full wording two (the second one finding the
 * fragments after it that it holds, each re-decided), and a `placedOn`.
 */
export async function reassign(
  change: ClaimChange,
  seedsOf: SeededCandidates,
  laterOf: LaterCandidates = seedsOf,
  placedOn: SeededCandidates = () => [],
  lookupsAhead?: LookupsAhead,
): Promise<Reassignment> {
  const added = new Map(change.added.map((rendering) => [rendering.id, rendering]))
  const removedIds = new Set(change.removed.map(({ rendering }) => rendering.id))
  /** Stored seed of each stored rendering met, before the change. */
  const storedSeeds = new Map(change.removed.map(({ rendering, seedId }) => [rendering.id, seedId]))
  /** Stored renderings met, by id, as they are stored: what a placement names may be one of them. */
  const storedRenderings = new Map<string, ClusterRendering>()
  /** The seed of the claim a stored rendering is in, where a lookup gave it (SeededRendering.seed). */
  const storedSeedRenderings = new Map<string, Pick<ClusterRendering, 'id' | 'orderKey' | 'tokens'>>()
  /** Seeds decided so far that differ from the stored ones (every added rendering's included). */
  const seeds = new Map<string, string>()
  /** Renderings that became seeds (or carry) in this run, by the id of each later rendering they overlap. */
  const newSeedsOverlapping = new Map<string, Map<string, SeedOverlap>>()
  const touchedSeeds = new Set<string>()
  const queue = new RenderingQueue()

  const seedNow = (id: string): string | undefined => seeds.get(id) ?? storedSeeds.get(id)
  /** Whether a rendering, as things stand now, is a way into its claim for every later one: a seed, or carrying. */
  const isGateway = (rendering: ClusterRendering): boolean =>
    seedNow(rendering.id) === rendering.id || rendering.placement?.carries === true
  /** Whether `gateway` is a way into its claim for the later `rendering`: a full wording is, for a fragment. */
  const isGatewayFor = (gateway: ClusterRendering, rendering: ClusterRendering): boolean =>
    isGateway(gateway) || (isFragment(rendering.tokens) && !isFragment(gateway.tokens))

  /** Stored rows of a lookup that are still there after the change, their stored seeds noted. */
  const surviving = async (found: Awaitable<readonly SeededRendering[]>): Promise<ClusterRendering[]> => {
    const kept: ClusterRendering[] = []
    for (const { rendering: stored, seedId, seed } of await found) {
      if (removedIds.has(stored.id) || added.has(stored.id)) continue
      storedSeeds.set(stored.id, seedId)
      storedRenderings.set(stored.id, stored)
      if (seed?.id === seedId) storedSeedRenderings.set(stored.id, seed)
      kept.push(stored)
    }
    return kept
  }

  /**
   * Whether a stored fragment keeps its claim whatever `wording` does, a full wording that is a way in
   * for fragments only (neither seed nor carrying) and moved or left: its claim's seed is a full wording
   * holding it, other than `wording` and still a seed. That seed is then its best way in (cluster.ts:
   * the fullest overlap a fragment can have, and a seed before any mere member), before and after.
   * Without this, a full wording joining a claim would re-decide, at a lookup each, every earlier
   * fragment of its speaker it holds: a phrase the speaker's quotes are full of, printed on its own in
   * many articles, made every such quote cost a lookup per printing.
   */
  const keepsClaim = (fragment: ClusterRendering, wording: ClusterRendering): boolean => {
    // Only stored renderings that stay are given a seed here (surviving): an added one has none.
    const seed = storedSeedRenderings.get(fragment.id)
    return (
      seed !== undefined &&
      seed.id !== wording.id &&
      !isFragment(seed.tokens) &&
      !removedIds.has(seed.id) &&
      seedNow(seed.id) === seed.id &&
      wordingOverlap(fragment.tokens, seed.tokens) !== null
    )
  }

  /**
   * `rendering`'s standing with later renderings changed: queue every later rendering overlapping it,
   * stored or added, that the change reaches, and hand it to those it is now a way in for (their
   * lookups, answering for the stored state, need not know it). A change of a seed's or a carrying
   * rendering's standing reaches every later rendering; a full wording that only moved between claims
   * is a way in for fragments alone, so it reaches those.
   */
  const propagate = async (rendering: ClusterRendering, wasGateway: boolean, leaving = false): Promise<void> => {
    const everyLater = wasGateway || isGateway(rendering)
    if (!everyLater && isFragment(rendering.tokens)) return
    const later = await surviving(laterOf(rendering, everyLater ? 'every' : 'fragments'))
    for (const other of [...later, ...added.values()]) {
      if (other.speakerKey !== rendering.speakerKey || compareRenderings(rendering, other) >= 0) continue
      if (!everyLater && !isFragment(other.tokens)) continue
      const overlap = wordingOverlap(other.tokens, rendering.tokens)
      if (overlap === null) continue
      // Handed over even when it need not re-decide `other` now: another change may make it.
      if (everyLater || !keepsClaim(other, rendering)) queue.push(other)
      if (leaving || !isGatewayFor(rendering, other)) continue
      let given = newSeedsOverlapping.get(other.id)
      if (given === undefined) newSeedsOverlapping.set(other.id, (given = new Map()))
      given.set(rendering.id, { seed: rendering, overlap, member: !isGateway(rendering) })
    }
  }

  /** `rendering`'s claim changed: the renderings placed with it follow (or wake, or fall dormant). */
  const requeuePlaced = async (rendering: ClusterRendering): Promise<void> => {
    for (const placed of await surviving(placedOn(rendering))) queue.push(placed)
    for (const other of added.values()) if (other.placement?.with === rendering.id) queue.push(other)
  }

  for (const { rendering, seedId } of change.removed) {
    // Its claim loses it; the renderings after it it was a way in for lose one.
    touchedSeeds.add(seedId)
    await propagate(rendering, seedId === rendering.id, true)
    await requeuePlaced(rendering)
  }
  for (const rendering of added.values()) queue.push(rendering)

  let visited = 0
  /** Renderings whose `seedsOf` lookup lookupsAhead was told of. */
  const announced = new Set<string>()
  for (let rendering = queue.pop(); rendering !== undefined; rendering = queue.pop()) {
    visited++
    if (lookupsAhead !== undefined && !announced.has(rendering.id)) {
      const ahead = [rendering, ...queue.pending()].filter((queued) => !announced.has(queued.id))
      for (const queued of ahead) announced.add(queued.id)
      await lookupsAhead(ahead)
    }
    // The earlier seeds and carrying renderings it overlaps after the change: stored ones still so, and new ones.
    const candidates = new Map(newSeedsOverlapping.get(rendering.id))
    const stored = await surviving(seedsOf(rendering))
    for (const other of stored) {
      if (candidates.has(other.id) || other.speakerKey !== rendering.speakerKey || !isGatewayFor(other, rendering))
        continue
      const overlap = wordingOverlap(rendering.tokens, other.tokens)
      if (overlap !== null) candidates.set(other.id, { seed: other, overlap, member: !isGateway(other) })
    }
    let seedId = placedSeed(rendering, (id) => {
      // Removed renderings are neither added nor kept by `surviving`: a placement with one is dormant.
      const target = added.get(id) ?? storedRenderings.get(id)
      const earlier = target?.speakerKey === rendering.speakerKey && compareRenderings(target, rendering) < 0
      return earlier ? seedNow(id) : undefined
    })
    if (seedId === undefined) {
      const chosen = chooseSeed(rendering, [...candidates.values()])
      seedId = chosen === rendering.id ? chosen : (seedNow(chosen) as string)
    }
    if (added.has(rendering.id)) {
      seeds.set(rendering.id, seedId)
      touchedSeeds.add(seedId)
      // New to the renderings after it: it matters to them only as a way into its claim.
      await propagate(rendering, false)
      await requeuePlaced(rendering)
      continue
    }
    const storedSeed = storedSeeds.get(rendering.id) as string
    if (seedId === storedSeed) continue
    seeds.set(rendering.id, seedId)
    touchedSeeds.add(seedId)
    touchedSeeds.add(storedSeed)
    await propagate(rendering, storedSeed === rendering.id)
    await requeuePlaced(rendering)
  }
  return { seeds, touchedSeeds, visited }
}
