import type { MessagePort } from 'node:worker_threads'
import { readArticlePage, type PageReading } from '../domain/html/article-page.js'

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
 */
export function readArticlePageTask({ html, baseUrl, maxTextLength, started }: PageReadingTask): PageReading {
  started.postMessage(null)
  started.close()
  return readArticlePage(html, baseUrl, maxTextLength)
}
