import type { MessagePort } from 'node:worker_threads'
import type { PageReading } from '../domain/html/article-page.js'

export interface PageReadingTask {
  html: string
  baseUrl: string | undefined
  maxTextLength: number
  /** told the moment the work starts, so the time limit counts reading, not waiting or loading */
  started: MessagePort
}

/**
 * A page read on an extraction thread (src/plugins/extraction.ts): parsing a page and finding its article
 * is CPU work that grows with the page, like finding quotations, and is held to the same time limit.
 * The page reader (linkedom, Readability) is loaded on a thread's first page, not as every thread
 * starts: most deployments post text, and a thread that starts slower is a longer wait after one is
 * stopped. The limit starts once it is loaded.
 */
export async function readArticlePageTask({
  html,
  baseUrl,
  maxTextLength,
  started,
}: PageReadingTask): Promise<PageReading> {
  const { readArticlePage } = await import('../domain/html/article-page.js')
  started.postMessage(null)
  started.close()
  return readArticlePage(html, baseUrl, maxTextLength)
}
