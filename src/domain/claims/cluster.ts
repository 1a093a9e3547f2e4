/**
 * Grouping one speaker's renderings into claims.
 *
 * The rule: a quote joins the claim of the same speaker whose founding wording it overlaps,
 * otherwise it starts a new claim; a quote overlapping several claims joins exactly one, and claims
 * never merge. That rule reads as a process, so it is run as one greedy pass in a fixed order
 * (compareRenderings): fullest wordings first, in tiers by length (groupingTier), and within a tier in
 * an order of facts of the articles (order-key.ts). Each rendering, taken in that order, joins the
 * claim whose seed (the rendering that started it, its first member in that order) it overlaps best,
 * or, overlapping no earlier seed of its speaker, becomes a seed itself. The result is a function of
 * the set of renderings, whatever order they arrived in. Deciding fuller wordings first means a claim
 * is founded by the fullest printing of the words, and an excerpt printed before it joins it.
 *
 * Comparing with seeds only, not with every earlier member, keeps a claim about what its founding
 * wording says: a quote that merely overlaps a member (a longer quote holding part of the seed and
 * words of another statement) does not follow it there unless it overlaps the claim's seed too.
 * Quotes therefore never chain unrelated quotes together. Fragments (fewer than FRAGMENT_WORDS words)
 * are the exception that cannot chain: decided last, only other fragments can join through them, and
 * they must hold all their words in order, so they may join through any full wording in a claim
 * (a seed first: the words a member adds to its seed are less surely the claim's). Compared with
 * seeds only, a fragment of a quote whose claim another printing founded found a claim of its own.
 *
 * Everything a rendering's decision depends on is local: the earlier ways into claims of its speaker
 * that it overlaps (seeds; for a fragment, full wordings too). Which renderings are seeds is itself
 * decided that way, so a change reaches a rendering only through an overlapping rendering that became
 * or stopped being a seed, or, for a fragment, a full wording that changed claims. That locality is
 * what lets the service recompute only what a change touches (incremental.ts).
 *
 * An editor's corrections enter the same pass as facts about single renderings (Placement), so that
 * they hold whatever arrives later: a placed rendering joins the claim of the rendering it is placed
 * with (decided before it, being earlier), or starts a claim of its own, instead of following its
 * words; a rendering that `carries` is, to the renderings after it, one more way into its claim,
 * compared with as a seed is. Merging claims places the later one's seed with the earlier claim and
 * lets it carry: the merged claim's renderings, and later ones printing its words, follow it. A
 * decision now depends also on the claim of the rendering it is placed with and of the carrying
 * renderings it overlaps, both earlier, which keeps the pass one pass and its locality intact.
 */
import type { WordingOverlap } from '../wording/index.js'
import {
  appearsBefore,
  canonicalOf,
  firstAppearance,
  labelRendering,
  tallyWordings,
  showsBetter,
  type CanonicalWording,
  type DatedRendering,
  type RenderingAssessment,
  type WordedRendering,
  type WordingTally,
} from '../wording/index.js'
import { compareOverlaps, isFragment, overlapBound, wordingOverlap } from './overlap.js'
import { compareRenderings, originalText, type ClusterRendering } from './rendering.js'

/**
 * A way into a claim that a rendering of the same speaker overlaps: a seed (a rendering that started a
 * claim), a rendering that carries its claim, or, for a fragment, any full wording in a claim.
 */
export interface SeedOverlap {
  /** The seed, whose id is the claim's; or the rendering whose claim is joined through it. */
  seed: Pick<ClusterRendering, 'id' | 'orderKey' | 'tokens'>
  overlap: WordingOverlap
  /** a full wording that is a way in for fragments only: it joined its claim, founded or carried none */
  member?: boolean
}

/**
 * Orders ways in best first: by overlap (compareOverlaps); then a seed or carrying rendering before a
 * mere member, since the words a member adds to its claim's founding wording are less surely the
 * claim's (an excerpt of one statement printed inside a longer quote of another joins the statement's
 * claim, not the longer quote's); then the earliest. Negative when x is the better one.
 */
export function compareWaysIn(x: SeedOverlap, y: SeedOverlap): number {
  return (
    compareOverlaps(x.overlap, y.overlap) ||
    Number(x.member === true) - Number(y.member === true) ||
    compareRenderings(x.seed, y.seed)
  )
}

/**
 * The rendering whose claim a rendering joins, given the ways into claims of its speaker that it
 * overlaps: the best (compareWaysIn); its own id, starting a claim, when none comes before it. Those
 * that do not come before the rendering (itself included) are ignored, so callers may pass every
 * overlapping one. A seed's id is its claim's; another rendering's claim is the seed it was given.
 */
export function chooseSeed(
  rendering: Pick<ClusterRendering, 'id' | 'orderKey' | 'tokens'>,
  seeds: readonly SeedOverlap[],
): string {
  let best: SeedOverlap | null = null
  for (const candidate of seeds) {
    if (compareRenderings(candidate.seed, rendering) >= 0) continue
    if (best === null || compareWaysIn(candidate, best) < 0) best = candidate
  }
  return best === null ? rendering.id : best.seed.id
}

/** A claim as membership only. */
export interface ClaimGroup {
  speakerKey: string
  /** The rendering that started the claim: its first member in the grouping's order (compareRenderings). */
  seedId: string
  /** Members in the grouping's order (compareRenderings), seed first. */
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
 * Seed of every rendering after the greedy pass, per speaker. Cost: every rendering is compared
 * with the earlier seeds of its speaker by a word-count bound, linear in the words; an alignment is
 * paid only when the bound could beat the best overlap found so far. So O(n·c) bounds for n
 * renderings in c claims: meant for a full rebuild or tests, not for a speaker's whole history per
 * change (incremental.ts).
 */
export function assignSeeds(renderings: readonly ClusterRendering[]): Map<string, string> {
  const assigned = new Map<string, string>()
  const byId = new Map(renderings.map((rendering) => [rendering.id, rendering]))
  /**
   * Per speaker, in order, the renderings a later one may join through: seeds and renderings that
   * carry, for any rendering (forEvery); every other full wording, for fragments.
   */
  const gatewaysBySpeaker = new Map<string, Array<{ rendering: ClusterRendering; forEvery: boolean }>>()
  for (const rendering of sortedUnique(renderings)) {
    let gateways = gatewaysBySpeaker.get(rendering.speakerKey)
    if (gateways === undefined) {
      gateways = []
      gatewaysBySpeaker.set(rendering.speakerKey, gateways)
    }
    let seedId = placedSeed(rendering, (id) => {
      const target = byId.get(id)
      return target?.speakerKey === rendering.speakerKey ? assigned.get(id) : undefined
    })
    const fragment = isFragment(rendering.tokens)
    if (seedId === undefined) {
      // Only the best gateway matters. Earlier ones come in order, so one whose bound cannot beat the
      // best so far (a tie would go to that earlier best, unless it is a member and this one a seed) is
      // skipped without an alignment.
      const overlapping: SeedOverlap[] = []
      let best: SeedOverlap | null = null
      for (const { rendering: gateway, forEvery } of gateways) {
        if (!forEvery && !fragment) continue
        const bound = overlapBound(rendering.tokens, gateway.tokens)
        if (bound === null) continue
        if (best !== null) {
          const byBound = compareOverlaps(bound, best.overlap)
          if (byBound > 0 || (byBound === 0 && (!forEvery || best.member !== true))) continue
        }
        const overlap = wordingOverlap(rendering.tokens, gateway.tokens)
        if (overlap === null) continue
        const way = { seed: gateway, overlap, member: !forEvery }
        overlapping.push(way)
        if (best === null || compareWaysIn(way, best) < 0) best = way
      }
      const chosen = chooseSeed(rendering, overlapping)
      seedId = chosen === rendering.id ? chosen : (assigned.get(chosen) as string)
    }
    assigned.set(rendering.id, seedId)
    const forEvery = seedId === rendering.id || rendering.placement?.carries === true
    if (forEvery || !fragment) gateways.push({ rendering, forEvery })
  }
  return assigned
}

/**
 * The seed an editor's placement gives a rendering: its own id when placed on its own, the seed of
 * the rendering it is placed with when that one's seed is known (`seedOf`: decided already, so earlier,
 * and of the same speaker); undefined when it has no placement or the placement is dormant, and its
 * words decide.
 */
export function placedSeed(
  rendering: Pick<ClusterRendering, 'id' | 'placement'>,
  seedOf: (id: string) => string | undefined,
): string | undefined {
  const placement = rendering.placement
  if (placement === undefined) return undefined
  if (placement.with === null) return rendering.id
  return placement.with === rendering.id ? undefined : seedOf(placement.with)
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
  /** Every distinct wording of the members, tallied: what the canonical wording was chosen from. */
  wordings: WordingTally[]
  /** The earliest member: publishedAt, ingestedAt where unknown (firstAppearance). */
  firstAppearance: { renderingId: string; articleId: string; at: Date }
  /**
   * Label, fidelity and diff against the canonical wording, in member order: of every member, or
   * with `known`, of the members whose stored verdict may be stale.
   */
  verdicts: RenderingVerdict[]
}

/** Verdicts already stored for some members, and the canonical wording they were made against. */
export interface KnownVerdicts {
  canonicalOriginal: string
  renderingIds: ReadonlySet<string>
}

/**
 * Canonical wording, first appearance and per-rendering verdicts of one claim's members. Throws
 * for no members. The canonical choice and first appearance follow the wording module's rules,
 * which fall back to ingestion time for undated articles (see the report on determinism).
 *
 * Labelling is the costly part (an alignment per member), and a widely quoted claim has hundreds of
 * members: with `known` verdicts made against the same canonical wording as now, those members are
 * not labelled again, so a new rendering costs one alignment, not one per member.
 */
export function summarizeClaim(members: readonly ClusterRendering[], known?: KnownVerdicts): ClusteredClaim {
  const sorted = sortedUnique(members)
  const seed = sorted[0]
  if (seed === undefined) throw new Error('a claim has at least one rendering')
  const wordings = tallyWordings(sorted.map(worded))
  const canonical = canonicalOf(wordings) as CanonicalWording
  const first = firstAppearance(sorted) as ClusterRendering
  return {
    speakerKey: seed.speakerKey,
    seedId: seed.id,
    renderingIds: sorted.map((rendering) => rendering.id),
    canonical,
    wordings,
    firstAppearance: { renderingId: first.id, articleId: first.articleId, at: first.publishedAt ?? first.ingestedAt },
    verdicts: sorted
      .filter((rendering) => known?.canonicalOriginal !== canonical.original || !known.renderingIds.has(rendering.id))
      .map((rendering) => ({ renderingId: rendering.id, ...labelRendering(rendering.text, canonical.original) })),
  }
}

const worded = (rendering: ClusterRendering): WordedRendering => ({
  id: rendering.id,
  articleId: rendering.articleId,
  publishedAt: rendering.publishedAt,
  ingestedAt: rendering.ingestedAt,
  normalized: rendering.tokens.join(' '),
  original: originalText(rendering),
  inPieces: typeof rendering.text !== 'string' && rendering.text.length > 1,
})

/** What is stored of a claim: enough to extend it without reading its members (extendClaim). */
export interface StoredClaimState {
  /** The canonical wording's tally; its first rendering's original text is the canonical text. */
  canonical: WordingTally
  /** Stored tallies of wordings the joining renderings print, for those the claim has already. */
  tallies: ReadonlyMap<string, WordingTally>
  /** The claim's earliest member. */
  first: DatedRendering & { articleId: string }
  renderingCount: number
}

/** A claim's new state after renderings joined it (extendClaim). */
export interface ClaimExtension {
  /** The tallies of the joining renderings' wordings, joining renderings counted. */
  wordings: WordingTally[]
  firstAppearance: ClusteredClaim['firstAppearance']
  renderingCount: number
  /** Verdicts of the joining renderings; the members' stand. */
  verdicts: RenderingVerdict[]
}

/**
 * A stored claim after renderings join it, from what is stored of it rather than from every
 * member, so a new rendering of a claim quoted a thousand times costs what one of a claim quoted
 * twice does. The joining renderings must come from articles none of the claim's members come from
 * (a new article), so each adds one article to its wording's count.
 *
 * Equal to summarizeClaim over all members because counts only grow: wordings nobody joins keep
 * their tallies and stay below the canonical one, so only a joining wording can overtake it. Null
 * when one does, or when the printing that shows the canonical wording changes: then every member's
 * verdict must be made again against the new canonical text, and summarizeClaim is the way.
 */
export function extendClaim(state: StoredClaimState, joining: readonly ClusterRendering[]): ClaimExtension | null {
  const wordings = tallyWordings(joining.map(worded)).map((tally) => {
    const stored =
      tally.normalized === state.canonical.normalized ? state.canonical : state.tallies.get(tally.normalized)
    if (stored === undefined) return tally
    return {
      normalized: tally.normalized,
      articleCount: stored.articleCount + tally.articleCount,
      first: appearsBefore(tally.first, stored.first) ? tally.first : stored.first,
      shown: showsBetter(tally.shown, stored.shown) ? tally.shown : stored.shown,
    }
  })
  const canonical = canonicalOf([state.canonical, ...wordings]) as CanonicalWording
  if (canonical.normalized !== state.canonical.normalized || canonical.original !== state.canonical.shown.original) {
    return null
  }
  const earliest = firstAppearance<DatedRendering & { articleId: string }>([state.first, ...joining])!
  return {
    wordings,
    firstAppearance: {
      renderingId: earliest.id,
      articleId: earliest.articleId,
      at: earliest.publishedAt ?? earliest.ingestedAt,
    },
    renderingCount: state.renderingCount + joining.length,
    verdicts: joining.map((rendering) => ({
      renderingId: rendering.id,
      ...labelRendering(rendering.text, canonical.original),
    })),
  }
}

/**
 * Clusters a set of renderings and summarises every claim: a full rebuild. The result equals what
 * the incremental path (incremental.ts) maintains only for a set holding every rendering of each
 * speaker in it (or, more generally, closed under overlaps between renderings of a speaker).
 */
export function recluster(renderings: readonly ClusterRendering[]): ClusteredClaim[] {
  const byId = new Map(renderings.map((rendering) => [rendering.id, rendering]))
  return clusterRenderings(renderings).map((group) =>
    summarizeClaim(group.renderingIds.map((id) => byId.get(id) as ClusterRendering)),
  )
}
