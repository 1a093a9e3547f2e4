import t from 'tap'
import {
  clusterRenderings,
  generateSyntheticCorpus,
  reassign,
  toClusterRendering,
  touchedComponent,
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
  lookups = 0

  add(row: SeededRendering): void {
    this.rows.set(row.rendering.id, row)
    for (const word of row.rendering.tokens) {
      let ids = this.byWord.get(word)
      if (ids === undefined) this.byWord.set(word, (ids = new Set()))
      ids.add(row.rendering.id)
    }
  }

  /** Renderings sharing at least one word: a superset of those that overlap. */
  candidates = (rendering: ClusterRendering): SeededRendering[] => {
    this.lookups++
    const ids = new Set<string>()
    for (const word of rendering.tokens) for (const id of this.byWord.get(word) ?? []) ids.add(id)
    return [...ids].map((id) => this.rows.get(id)!)
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

  // Live ingestion: an excerpt published after everything. One lookup, no propagation.
  const excerpt = quote('new-excerpt', target.words.slice(2, 8), day(400))
  store.lookups = 0
  const started = performance.now()
  const appended = await reassign({ added: [excerpt], removed: [] }, store.candidates)
  const elapsed = performance.now() - started
  t.strictSame([...appended.seeds], [['new-excerpt', 's1234']])
  t.strictSame([...appended.touchedSeeds], ['s1234'])
  t.equal(appended.visited, 1)
  t.equal(store.lookups, 1)
  t.ok(elapsed < 1000, `${elapsed.toFixed(1)} ms`)
  store.add({ rendering: excerpt, seedId: 's1234' })

  // A late-arriving article published before everything: it becomes the claim's seed, and only the
  // renderings it overlaps are re-decided.
  const early = quote('new-early', target.words, day(-10))
  store.lookups = 0
  const backdated = await reassign({ added: [early], removed: [] }, store.candidates)
  t.strictSame(
    new Map(backdated.seeds),
    new Map([
      ['new-early', 'new-early'],
      ['s1234', 'new-early'],
      ['new-excerpt', 'new-early'],
    ]),
  )
  t.strictSame([...backdated.touchedSeeds].sort(), ['new-early', 's1234'])
  t.equal(backdated.visited, 3)
  t.equal(store.lookups, 3)

  // The component closure reaches the same renderings here, and no more.
  const component = await touchedComponent([early], (rendering) => [
    ...store.candidates(rendering).map((row) => row.rendering),
    early,
  ])
  t.strictSame(component.map((rendering) => rendering.id).sort(), ['new-early', 'new-excerpt', 's1234'])
  t.strictSame(
    clusterRenderings(component).map((claim) => claim.renderingIds),
    [['new-early', 's1234', 'new-excerpt']],
  )
})
