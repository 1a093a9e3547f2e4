import type { MessagePort } from 'node:worker_threads'
import { extractQuotes, type ExtractedQuote } from '../domain/extraction/index.js'

export interface ExtractionTask {
  text: string
  /** told the moment the work starts, so the time limit counts reading, not waiting or loading */
  started: MessagePort
}

// Loading the language model and compiling the extractor's hot paths happen on first use: done here,
// as the thread starts, so that a text's time limit counts only the reading of that text.
extractQuotes('“Ready,” she said.')

/** Piscina's task function: the extractor, run on a worker thread (src/plugins/extraction.ts). */
export default function extractQuotesTask({ text, started }: ExtractionTask): ExtractedQuote[] {
  started.postMessage(null)
  started.close()
  return extractQuotes(text)
}

// The pool's other task (`name: 'readArticlePageTask'`): one pool of threads reads both texts and pages.
export { readArticlePageTask } from './read-article-page.js'
