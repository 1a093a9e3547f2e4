import { isProbablyReaderable, Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

/**
 * An article read out of a web page: its body as plain text, and what the page says about itself.
 * Every field but `text` is null when the page does not say.
 */
export interface HtmlArticle {
  /** the article body, one paragraph a line pair: quote offsets refer to this text */
  text: string
  title: string | null
  /** the byline, without a leading "By" */
  byline: string | null
  /** the publication time as the page gives it (meta tags or JSON-LD), unparsed */
  publishedTime: string | null
  siteName: string | null
  /** the page's own address for itself (link rel=canonical, else og:url), resolved against `baseUrl` */
  canonicalUrl: string | null
}

/** Why a page gave no article: Readability found none, or the document is too big to read. */
export class UnreadableHtmlError extends Error {
  override name = 'UnreadableHtmlError'
}

/**
 * The most tags a page may open. A long real article page has a few thousand elements; parsing grows
 * faster than the element count on a deeply nested page (50,000 nested divs took linkedom 3.5 s), so
 * a page is counted, cheaply, before it is parsed.
 */
export const MAX_HTML_ELEMENTS = 50_000

const START_TAG = /<[a-z]/gi

function countStartTags(html: string): number {
  let count = 0
  START_TAG.lastIndex = 0
  while (START_TAG.exec(html) !== null && ++count <= MAX_HTML_ELEMENTS);
  return count
}

/** The smallest nodes DOM walking knows: what linkedom's nodes are, structurally. */
interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
}

const TEXT_NODE = 3
const ELEMENT_NODE = 1

// Elements that end a line of text: a paragraph joined to the next one would run two sentences into
// one ("…on Tuesday.Asked why…"), and the quotation finder reads sentences.
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
])

/**
 * The text of an element as a reader sees it: runs of white space as one space, each block on a
 * paragraph of its own (separated by a blank line), a <br> as a line break. Readability's own
 * `textContent` concatenates paragraphs without any separator, which is why it is not used.
 */
export function readableText(root: DomNode): string {
  const parts: string[] = []
  // An explicit stack, not recursion: a page nested ten thousand elements deep must not overflow it.
  const pending: Array<DomNode | 'break'> = [root]
  while (pending.length > 0) {
    const node = pending.pop()!
    if (node === 'break') {
      parts.push('\n\n')
      continue
    }
    if (node.nodeType === TEXT_NODE) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '))
    } else if (node.nodeType === ELEMENT_NODE) {
      if (node.nodeName === 'BR') {
        parts.push('\n')
        continue
      }
      const block = BLOCKS.has(node.nodeName)
      if (block) pending.push('break')
      for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]!)
      if (block) pending.push('break')
    }
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed ? trimmed : null
}

/** The page's address for itself, made absolute; null when it names none or names it unreadably. */
function pageAddress(document: ParentNodeLike, baseUrl: string | undefined): string | null {
  const href =
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content')
  if (!clean(href)) return null
  try {
    return new URL(href!.trim(), baseUrl).toString()
  } catch {
    return null
  }
}

interface ParentNodeLike {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null
}

/**
 * Reads a page the way a reader view does (Mozilla's Readability, on linkedom's server-side DOM):
 * the article's text and metadata, without navigation, advertisements and other boilerplate.
 * `baseUrl` (the address the page was fetched from) resolves a relative canonical link.
 */
export function readArticleHtml(html: string, baseUrl?: string): HtmlArticle {
  if (countStartTags(html) > MAX_HTML_ELEMENTS) {
    throw new UnreadableHtmlError(`the page has more than ${MAX_HTML_ELEMENTS} elements: too many to be read`)
  }
  const { document } = parseHTML(html)
  // Read before Readability runs: it rewrites the document as it goes.
  const canonicalUrl = pageAddress(document as unknown as ParentNodeLike, baseUrl)
  if (!isProbablyReaderable(document as never)) {
    throw new UnreadableHtmlError('the page holds no article: no run of paragraphs long enough to be one')
  }
  const parsed = new Readability<DomNode>(document as never, {
    // The article's root element itself, walked by readableText, rather than its HTML as a string.
    serializer: (node) => node as unknown as DomNode,
  }).parse()
  const text = parsed?.content ? readableText(parsed.content) : ''
  if (!parsed || text === '') throw new UnreadableHtmlError('the page holds no article text')
  return {
    text,
    title: clean(parsed.title),
    byline: clean(parsed.byline?.replace(/^\s*by\s+/i, '')),
    publishedTime: clean(parsed.publishedTime),
    siteName: clean(parsed.siteName),
    canonicalUrl,
  }
}
