import type { ExtractedQuote, Span, Speaker } from './types.js'

/** The quotes of one reported statement, as one unit: its pieces in order and its speaker. */
export interface Statement {
  spans: Span[]
  speaker: Speaker | null
}

/**
 * The article's statements: the quotes that share a statement number, merged. This is the unit the annotated
 * corpora score (PolNeAR's gold quote is "the quoted segments of one attribution"), where Verbatim's quotes
 * follow the seed gold and cut a statement's separate fragments into quotes of their own.
 */
export function statementsOf(quotes: readonly ExtractedQuote[], options: { nested: boolean }): Statement[] {
  const byNumber = new Map<number, Statement>()
  for (const quote of quotes) {
    // The corpora annotate the writer's attributions: words quoted inside a quotation are part of it there.
    if (!options.nested && quote.kind === 'nested') continue
    const statement = byNumber.get(quote.statement)
    if (statement) statement.spans.push(...quote.spans)
    else byNumber.set(quote.statement, { spans: [...quote.spans], speaker: quote.speaker })
  }
  return [...byNumber.values()]
}
