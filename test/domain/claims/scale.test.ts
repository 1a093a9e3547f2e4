import t from 'tap'
import {
  compareRenderings,
  generateSyntheticCorpus,
  isFragment,
  reassign,
  toClusterRendering,
  type ClusterRendering,
  type SeededRendering,
} from '../../../src/domain/claims/index.js'

/**
 * A speaker with 4,000 claims, and a word index standing in for the trigram index: what one
 * insertion costs must depend on what it touches, not on the speaker's history.
 */
const CLAIMS = 4000
const { utterances } = generateSyntheticCorpus({ seed: 77, speakers: 2, utterances: CLAIMS, articles: 0 })
const day = (d: number): Date => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000)

function quote(id: string, words: readonly string[], publishedAt: Date): ClusterRendering {
  return toClusterRendering({
    id,
    speakerKey: 'speaker',
    text: words.join(' '),
    articleId: id,
    publishedAt,
    ingestedAt: new Date(),
    url: `https://example.com/${id}`,
    position: 0,
  })
}

class IndexedStore {
  readonly rows = new Map<string, SeededRendering>()
  private readonly byWord = new Map<string, Set<string>>()
  seedLookups = 0
  laterLookups = 0

  add(row: SeededRendering): void {
    this.rows.set(row.rendering.id, row)
    for (const word of row.rendering.tokens) {
      let ids = this.byWord.get(word)
      if (ids === undefined) this.byWord.set(word, (ids = new Set()))
      ids.add(row.rendering.id)
    }
  }

  /** Stored renderings sharing at least one word with the rendering: a superset of those overlapping it. */
  private sharingAWord(rendering: ClusterRendering): SeededRendering[] {
    const ids = new Set<string>()
    for (const word of rendering.tokens) for (const id of this.byWord.get(word) ?? []) ids.add(id)
    return [...ids].map((id) => this.rows.get(id)!)
  }

  /**
   * A superset of the stored seeds overlapping the rendering (an index on seeds in the database), and for
   * a fragment, of the full wordings holding its words.
   */
  seedsOf = (rendering: ClusterRendering): SeededRendering[] => {
    this.seedLookups++
    const fragment = isFragment(rendering.tokens)
    return this.sharingAWord(rendering).filter(
      (row) => row.seedId === row.rendering.id || (fragment && !isFragment(row.rendering.tokens)),
    )
  }

  /** A superset of the stored renderings after it that overlap it (a range on the order key). */
  laterOf = (rendering: ClusterRendering): SeededRendering[] => {
    this.laterLookups++
    return this.sharingAWord(rendering).filter((row) => compareRenderings(rendering, row.rendering) < 0)
  }

  resetCounts(): void {
    this.seedLookups = 0
    this.laterLookups = 0
  }
}

t.test('one insertion costs what it touches, whatever the speaker has said before', async (t) => {
  const store = new IndexedStore()
  // Every utterance printed once, day by day: as many claims as utterances (the invented words
  // never overlap by chance), so each stored rendering is its own seed.
  utterances.forEach((utterance, k) => {
    const rendering = quote(`s${k}`, utterance.words, day(k % 365))
    store.add({ rendering, seedId: rendering.id })
  })
  const target = utterances[1234]!

  // Live ingestion: an excerpt published after everything joins a claim. The seed lookup, and one of
  // what follows it, since a full wording is a way into its claim for the fragments after it (the
  // service answers both with one statement).
  const excerpt = quote('new-excerpt', target.words.slice(2, 8), day(400))
  store.resetCounts()
  const started = performance.now()
  const appended = await reassign({ added: [excerpt], removed: [] }, store.seedsOf, store.laterOf)
  const elapsed = performance.now() - started
  t.strictSame([...appended.seeds], [['new-excerpt', 's1234']])
  t.strictSame([...appended.touchedSeeds], ['s1234'])
  t.equal(appended.visited, 1)
  t.strictSame([store.seedLookups, store.laterLookups], [1, 1], 'the seeds, and the fragments after it')
  t.ok(elapsed < 1000, `${elapsed.toFixed(1)} ms`)
  store.add({ rendering: excerpt, seedId: 's1234' })

  // A fragment joining a claim is a way in for no one: one lookup, no propagation.
  const fragment = quote('new-fragment', target.words.slice(3, 5), day(400))
  store.resetCounts()
  const joined = await reassign({ added: [fragment], removed: [] }, store.seedsOf, store.laterOf)
  t.strictSame([...joined.seeds], [['new-fragment', 's1234']])
  t.strictSame([store.seedLookups, store.laterLookups], [1, 0], 'one lookup, of the ways in only')
  store.add({ rendering: fragment, seedId: 's1234' })

  // A new latest quote that starts a claim: the seed lookup, and one (empty) lookup of what follows.
  const fresh = quote('new-claim', ['zzfresh', ...target.words.slice(0, 2), 'zzwords', 'zzonly'], day(401))
  store.resetCounts()
  const startedClaim = await reassign({ added: [fresh], removed: [] }, store.seedsOf, store.laterOf)
  t.strictSame([...startedClaim.seeds], [['new-claim', 'new-claim']])
  t.strictSame([store.seedLookups, store.laterLookups], [1, 1])
  store.add({ rendering: fresh, seedId: 'new-claim' })

  // A late-arriving article published before everything: it becomes the claim's seed, and only the
  // renderings it overlaps are re-decided. s1234 stops being a seed, so what follows it is looked
  // up once more; the excerpt, never a seed, moves, which reaches only the fragments after it (looked
  // up too); the fragment is reached and follows.
  const early = quote('new-early', target.words, day(-10))
  store.resetCounts()
  const backdated = await reassign({ added: [early], removed: [] }, store.seedsOf, store.laterOf)
  t.strictSame(
    new Map(backdated.seeds),
    new Map([
      ['new-early', 'new-early'],
      ['s1234', 'new-early'],
      ['new-excerpt', 'new-early'],
      ['new-fragment', 'new-early'],
    ]),
  )
  t.strictSame([...backdated.touchedSeeds].sort(), ['new-early', 's1234'])
  t.equal(backdated.visited, 4)
  t.strictSame([store.seedLookups, store.laterLookups], [4, 3])
})
