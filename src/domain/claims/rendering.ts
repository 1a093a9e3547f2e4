import { matchingWords } from '../wording/index.js'
import { makeOrderKey, type OrderFacts } from './order-key.js'
import { RUN_FREE_WORDS } from '../wording/index.js'
import { isFragment } from './overlap.js'

/** One stored quote as the clustering sees it. */
export interface ClusterRendering {
  id: string
  /** The speaker the article names; only renderings of the same speaker form a claim. */
  speakerKey: string
  /** The words it is matched on (matchingWords) of the quote, its pieces joined by a space. */
  tokens: readonly string[]
  /** The quote exactly as printed: its text, or its pieces for a quote printed in several. */
  text: string | readonly string[]
  articleId: string
  /** Publication date given by the outlet; null when the article does not say. */
  publishedAt: Date | null
  /** When Verbatim ingested the article: used for first appearance only, never for grouping. */
  ingestedAt: Date
  /** makeOrderKey of the quote's article facts: the order of the greedy grouping. */
  orderKey: string
  /** An editor's decision on the claim this rendering is in, which the grouping keeps (cluster.ts). */
  placement?: Placement
}

/**
 * Where an editor put a rendering, as a fact of the grouping rather than an edit of its result: later
 * articles, revisions and regroupings all decide around it.
 */
export interface Placement {
  /**
   * The id of a rendering whose claim this one joins, whatever the words say, or null to start a claim
   * of its own. A rendering that is not there, not of the same speaker, or not before this one in the
   * order of facts (so not decided first) leaves the placement dormant: the words decide.
   */
  with: string | null
  /**
   * Later renderings that would have joined this one, had it been a seed, join its claim through it: a
   * claim merged into another keeps drawing its renderings there.
   */
  carries: boolean
}

export interface RenderingInput
  extends Omit<ClusterRendering, 'tokens' | 'orderKey'>, Pick<OrderFacts, 'url' | 'position'> {}

/** The text of a rendering as one string: pieces are joined by one space, as the seeds do. */
export function originalText(rendering: Pick<ClusterRendering, 'text'>): string {
  return typeof rendering.text === 'string' ? rendering.text : rendering.text.join(' ')
}

/**
 * The pieces of a quote as printed, from its stored text (the pieces joined by one space) and its
 * spans in the article, one a piece: each piece is as long as its span. A quote in one piece, or
 * whose spans do not account for its text, is its text.
 */
export function printedPieces(text: string, spans: ReadonlyArray<readonly [number, number]>): string[] {
  const lengths = spans.map(([start, end]) => end - start)
  if (lengths.length < 2 || lengths.reduce((sum, length) => sum + length, lengths.length - 1) !== text.length) {
    return [text]
  }
  let at = 0
  return lengths.map((length) => {
    const piece = text.slice(at, at + length)
    at += length + 1
    return piece
  })
}

/** A rendering with its words and order key derived from the quote and its article. */
export function toClusterRendering(input: RenderingInput): ClusterRendering {
  const { url, position, ...rest } = input
  return {
    ...rest,
    tokens: matchingWords(originalText(input)),
    orderKey: makeOrderKey({ publishedAt: input.publishedAt, url, position }),
  }
}

/** The tier of fragments, decided last. */
export const FRAGMENT_TIER = 2

/**
 * Which tier of the grouping decides a rendering: full wordings (RUN_FREE_WORDS words or more) first,
 * then short ones, then fragments (fewer than FRAGMENT_WORDS). A claim is founded by the fullest printing
 * of the words there is, whenever it was printed, and excerpts find it. Decided in order of printing
 * alone, an excerpt printed first ("a disgrace", "has to stop") founded a claim of its own, and the full
 * quote, overlapping several such excerpts, could join only one of them: the others stayed apart for good.
 * Measured on basil-dev (`npm run bench:consistency`): claim pair F1 0.885 -> 0.923, labels 0.904 -> 0.956
 * (fragments alone last: 0.901; a short excerpt printed first, matching 60% of a long quote's words,
 * still drew the quote it was an excerpt of into another claim).
 */
export function groupingTier(tokens: readonly string[]): number {
  if (isFragment(tokens)) return FRAGMENT_TIER
  return tokens.length < RUN_FREE_WORDS ? 1 : 0
}

/**
 * Total order of renderings: grouping tier (groupingTier), order key, then id. Ids only decide between
 * two quotes at the same position of the same article, which the database does not store; they make
 * the order total anyway.
 */
export function compareRenderings(
  x: Pick<ClusterRendering, 'orderKey' | 'id' | 'tokens'>,
  y: Pick<ClusterRendering, 'orderKey' | 'id' | 'tokens'>,
): number {
  const tier = groupingTier(x.tokens) - groupingTier(y.tokens)
  if (tier !== 0) return tier
  if (x.orderKey !== y.orderKey) return x.orderKey < y.orderKey ? -1 : 1
  if (x.id !== y.id) return x.id < y.id ? -1 : 1
  return 0
}
