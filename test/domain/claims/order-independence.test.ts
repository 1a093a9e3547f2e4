import t from 'tap'
import {
  clusterRenderings,
  compareRenderings,
  createRandom,
  isFragment,
  reassign,
  wordingOverlap,
  type ClaimChange,
  type ClusterRendering,
  type LaterReach,
  type Reassignment,
  type SeededRendering,
} from '../../../src/domain/claims/index.js'
import { groupsOf, shuffle, testCorpora } from './fixtures/corpora.js'

const corpora = testCorpora()

t.test('the claims are a function of the set of renderings: 200 permutations each', async (t) => {
  for (const { name, renderings } of corpora) {
    const expected = clusterRenderings(renderings)
    const random = createRandom(42)
    let same = 0
    for (let run = 0; run < 200; run++) {
      const permuted = shuffle(random, renderings).map((rendering) => ({
        ...rendering,
        // Arrival order and ingestion time are not facts of the article: they must not matter.
        ingestedAt: new Date(Math.floor(random() * 2e12)),
      }))
      if (JSON.stringify(clusterRenderings(permuted)) === JSON.stringify(expected)) same++
    }
    t.equal(same, 200, `${name}: ${renderings.length} renderings, ${expected.length} claims`)
  }
})

/**
 * The stored state of the incremental service in miniature: renderings with the seed of their claim,
 * and the two lookups reassign takes, answering exactly what their contracts require and no more.
 */
class Store {
  readonly rows = new Map<string, SeededRendering>()
  seedLookups = 0
  laterLookups = 0
  /** seedsOf lookups asked before lookupsAhead told of them, told of twice, or told of and never asked */
  unannounced = 0
  /** the most renderings lookupsAhead was told of at once */
  largestAhead = 0
  private announced = new Set<string>()
  private asked = new Set<string>()

  /** What a store that batches lookups is told (LookupsAhead): checked against the lookups then asked. */
  private lookupsAhead = (renderings: readonly ClusterRendering[]): void => {
    this.largestAhead = Math.max(this.largestAhead, renderings.length)
    for (const { id } of renderings) {
      if (this.announced.has(id)) this.unannounced++
      this.announced.add(id)
    }
  }

  private overlapping(rendering: ClusterRendering): SeededRendering[] {
    return [...this.rows.values()].filter(
      (row) =>
        row.rendering.speakerKey === rendering.speakerKey &&
        row.rendering.id !== rendering.id &&
        wordingOverlap(row.rendering.tokens, rendering.tokens) !== null,
    )
  }

  /**
   * Every stored seed or carrying rendering of the speaker that overlaps the rendering, every full wording
   * overlapping it when it is a fragment, and the one it is placed with.
   */
  seedsOf = (rendering: ClusterRendering): SeededRendering[] => {
    this.seedLookups++
    if (!this.announced.has(rendering.id) || this.asked.has(rendering.id)) this.unannounced++
    this.asked.add(rendering.id)
    const target = rendering.placement?.with
    const placedWith = target ? this.rows.get(target) : undefined
    const fragment = isFragment(rendering.tokens)
    return [
      ...this.overlapping(rendering).filter(
        (row) =>
          row.seedId === row.rendering.id ||
          row.rendering.placement?.carries === true ||
          (fragment && !isFragment(row.rendering.tokens)),
      ),
      ...(placedWith ? [placedWith] : []),
    ]
  }

  /** Every stored rendering placed with the rendering. */
  placedOn = (rendering: ClusterRendering): SeededRendering[] =>
    [...this.rows.values()].filter((row) => row.rendering.placement?.with === rendering.id)

  /**
   * Every stored rendering of the speaker after the rendering that overlaps it (only fragments when
   * `reach` asks for no more); a fragment with the seed of its claim, as the service's lookup gives it.
   */
  laterOf = (rendering: ClusterRendering, reach: LaterReach): SeededRendering[] => {
    this.laterLookups++
    return this.overlapping(rendering)
      .filter((row) => compareRenderings(rendering, row.rendering) < 0)
      .filter((row) => reach === 'every' || isFragment(row.rendering.tokens))
      .map((row) => (isFragment(row.rendering.tokens) ? { ...row, seed: this.rows.get(row.seedId)?.rendering } : row))
  }

  /** The one-lookup form: every stored rendering of the speaker (a superset of both, and of placedOn). */
  everything = (rendering: ClusterRendering): SeededRendering[] =>
    [...this.rows.values()].filter((row) => row.rendering.speakerKey === rendering.speakerKey)

  async reassign(change: ClaimChange, oneLookup: boolean): Promise<Reassignment> {
    if (oneLookup) return reassign(change, this.everything, this.everything, this.everything)
    this.announced = new Set()
    this.asked = new Set()
    const result = await reassign(change, this.seedsOf, this.laterOf, this.placedOn, this.lookupsAhead)
    this.unannounced += [...this.announced].filter((id) => !this.asked.has(id)).length
    return result
  }

  renderings(): ClusterRendering[] {
    return [...this.rows.values()].map((row) => row.rendering)
  }

  /**
   * Applies a change as the service does and checks it: how many claims whose members changed were not
   * reported touched, and whether the result equals a full rebuild.
   */
  async apply(change: ClaimChange, oneLookup: boolean): Promise<{ untracked: number; equalsBatch: boolean }> {
    const before = this.seeds()
    const { seeds, touchedSeeds } = await this.reassign(change, oneLookup)
    for (const { rendering } of change.removed) this.rows.delete(rendering.id)
    for (const rendering of change.added) this.rows.set(rendering.id, { rendering, seedId: '' })
    for (const [id, seedId] of seeds) this.rows.get(id)!.seedId = seedId
    const after = this.seeds()
    const untracked = [...changedClaims(before, after)].filter((seed) => !touchedSeeds.has(seed)).length
    const equalsBatch =
      JSON.stringify(groupsOf(this.renderings(), after)) === JSON.stringify(clusterRenderings(this.renderings()))
    return { untracked, equalsBatch }
  }

  seeds(): Map<string, string> {
    return new Map([...this.rows].map(([id, row]) => [id, row.seedId]))
  }
}

/** Claims (by seed) whose member set differs between two seed assignments. */
function changedClaims(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const members = (seeds: ReadonlyMap<string, string>): Map<string, string> => {
    const bySeed = new Map<string, string[]>()
    for (const [id, seed] of seeds) bySeed.set(seed, [...(bySeed.get(seed) ?? []), id])
    return new Map([...bySeed].map(([seed, ids]) => [seed, ids.sort().join(',')]))
  }
  const x = members(before)
  const y = members(after)
  return new Set([...new Set([...x.keys(), ...y.keys()])].filter((seed) => x.get(seed) !== y.get(seed)))
}

t.test('incremental reassign, one rendering at a time in random order, equals batch', async (t) => {
  let largestAhead = 0
  for (const { name, renderings } of corpora) {
    const random = createRandom(7)
    for (let run = 0; run < 6; run++) {
      // Every step is compared with a full recomputation in the first runs; the others (cheaper)
      // compare the end state.
      const everyStep = run < 2
      // The last run passes one lookup for both roles: every stored rendering of the speaker.
      const oneLookup = run === 5
      const store = new Store()
      let mismatches = 0
      let untracked = 0
      for (const rendering of shuffle(random, renderings)) {
        const before = store.seeds()
        const { seeds, touchedSeeds } = await store.reassign({ added: [rendering], removed: [] }, oneLookup)
        store.rows.set(rendering.id, { rendering, seedId: '' })
        for (const [id, seedId] of seeds) store.rows.get(id)!.seedId = seedId
        const after = store.seeds()
        for (const seed of changedClaims(before, after)) if (!touchedSeeds.has(seed)) untracked++
        if (
          everyStep &&
          JSON.stringify(groupsOf(store.renderings(), after)) !== JSON.stringify(clusterRenderings(store.renderings()))
        )
          mismatches++
      }
      t.equal(mismatches, 0, `${name}, run ${run}: every step equals batch`)
      t.strictSame(
        groupsOf(store.renderings(), store.seeds()),
        clusterRenderings(renderings),
        `${name}, run ${run}: ends in batch`,
      )
      t.equal(untracked, 0, `${name}, run ${run}: every claim whose members changed is reported touched`)
      t.equal(store.unannounced, 0, `${name}, run ${run}: each seedsOf lookup announced ahead, once, and asked`)
      largestAhead = Math.max(largestAhead, store.largestAhead)
    }
  }
  t.ok(largestAhead > 1, `lookups announced together: up to ${largestAhead} at once`)
})

t.test('incremental reassign with removals and corrections equals batch', async (t) => {
  for (const [k, { name, renderings }] of corpora.entries()) {
    const random = createRandom(11)
    const oneLookup = k === 0
    const store = new Store()
    for (const rendering of renderings) store.rows.set(rendering.id, { rendering, seedId: '' })
    const batch = clusterRenderings(renderings)
    for (const group of batch) for (const id of group.renderingIds) store.rows.get(id)!.seedId = group.seedId
    let mismatches = 0
    let untracked = 0
    for (let step = 0; step < 60; step++) {
      const rows = [...store.rows.values()]
      const row = rows[Math.floor(random() * rows.length)]!
      let change: ClaimChange
      if (random() < 0.5) {
        change = { added: [], removed: [row] }
      } else {
        // A correction: the same quote with another rendering's words (same speaker or not) and a
        // new place in the order of facts.
        const donor = rows[Math.floor(random() * rows.length)]!.rendering
        const corrected = { ...row.rendering, tokens: donor.tokens, text: donor.text, orderKey: donor.orderKey + '~' }
        change = { added: [corrected], removed: [row] }
      }
      const checked = await store.apply(change, oneLookup)
      untracked += checked.untracked
      if (!checked.equalsBatch) mismatches++
    }
    t.equal(mismatches, 0, `${name}: every step equals batch`)
    t.equal(untracked, 0, `${name}: every changed claim is reported touched`)
    t.equal(store.unannounced, 0, `${name}: each seedsOf lookup announced ahead, once, and asked`)
  }
})

t.test('editors’ placements hold through every later change, incrementally as in batch', async (t) => {
  for (const [k, { name, renderings }] of corpora.entries()) {
    const random = createRandom(23 + k)
    const oneLookup = k === 1
    const store = new Store()
    // Renderings arrive in random order, a third of them held back to arrive after the placements.
    const order = shuffle(random, renderings)
    const late = order.slice(0, Math.floor(order.length / 3))
    let mismatches = 0
    let untracked = 0
    let placedApart = 0
    let placements = 0
    const apply = async (change: ClaimChange) => {
      const checked = await store.apply(change, oneLookup)
      untracked += checked.untracked
      if (!checked.equalsBatch) mismatches++
      // A placement with an earlier rendering of the speaker that is still there holds.
      for (const { rendering, seedId } of store.rows.values()) {
        const target = rendering.placement?.with ? store.rows.get(rendering.placement.with) : undefined
        if (target && compareRenderings(target.rendering, rendering) < 0 && target.seedId !== seedId) placedApart++
      }
    }
    for (const rendering of order.slice(late.length)) await apply({ added: [rendering], removed: [] })
    for (let step = 0; step < 80; step++) {
      const rows = [...store.rows.values()]
      const row = rows[Math.floor(random() * rows.length)]!
      const dice = random()
      if (dice < 0.6) {
        // An editor places a rendering: with another of its speaker's (any, earlier or not), or on its own.
        const sameSpeaker = rows.filter((other) => other.rendering.speakerKey === row.rendering.speakerKey)
        const target = sameSpeaker[Math.floor(random() * sameSpeaker.length)]!.rendering
        const placement = { with: random() < 0.2 ? null : target.id, carries: random() < 0.4 }
        placements++
        await apply({ added: [{ ...row.rendering, placement }], removed: [row] })
      } else if (dice < 0.7) {
        const { placement: _placement, ...unplaced } = row.rendering
        await apply({ added: [unplaced], removed: [row] })
      } else if (dice < 0.8) {
        await apply({ added: [], removed: [row] })
      } else if (late.length > 0) {
        await apply({ added: [late.pop()!], removed: [] })
      }
    }
    while (late.length > 0) await apply({ added: [late.pop()!], removed: [] })
    t.ok(placements > 30, `${name}: ${placements} placements made`)
    t.equal(mismatches, 0, `${name}: every step equals batch`)
    t.equal(untracked, 0, `${name}: every changed claim is reported touched`)
    t.equal(placedApart, 0, `${name}: no rendering is apart from the earlier one it was placed with`)
    t.equal(store.unannounced, 0, `${name}: each seedsOf lookup announced ahead, once, and asked`)
  }
})
