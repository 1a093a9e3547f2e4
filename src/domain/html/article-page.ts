import { extractQuotes, type ExtractedQuote } from '../extraction/index.js'
import { readArticleHtml, UnreadableHtmlError, type HtmlArticle } from './read-article-html.js'

/**
 * A page read for ingestion: its article and the quotations in the article's text, or why it has none
 * to give. A value, not an exception, because it crosses from a worker thread, where an error's class
 * does not survive the trip.
 */
export type PageReading = { article: HtmlArticle; quotes: ExtractedQuote[] } | { unreadable: string }

/** Reads a page's article and finds its quotations: one task, so it takes one trip to a worker thread. */
export function readArticlePage(html: string, baseUrl: string | undefined, maxTextLength: number): PageReading {
  let article: HtmlArticle
  try {
    article = readArticleHtml(html, baseUrl)
  } catch (error) {
    // Anything else is a bug, and answered as one.
    if (!(error instanceof UnreadableHtmlError)) throw error
    return { unreadable: error.message }
  }
  if (article.text.length > maxTextLength) {
    return {
      unreadable: `the page’s article is ${article.text.length} characters long, more than the ${maxTextLength} an article may have`,
    }
  }
  return { article, quotes: extractQuotes(article.text) }
}
