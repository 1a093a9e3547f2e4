/**
 * The order in which a speaker's quotes are considered when they are grouped into claims, within a
 * tier of wordings of like length (groupingTier, rendering.ts: fuller wordings are decided first).
 *
 * Grouping is a greedy pass (see cluster.ts), so it must run in an order that is a fact of the
 * articles, never of their arrival: ingesting the same articles serially or in parallel must give
 * the same claims. The order is therefore publication date, then article URL, then the quote's
 * position in the article. Ingestion time is deliberately absent: it depends on arrival. An article
 * with no publication date sorts after every dated one (it cannot be placed among them from facts
 * alone), and among undated articles URL and position decide.
 *
 * The key is a string so the database can store and index it. Compare keys by UTF-16 code units
 * (JavaScript `<`, or `COLLATE "C"` in PostgreSQL), never with a locale-aware collation.
 */

export interface OrderFacts {
  /** Publication date given by the outlet; null when the article does not say. */
  publishedAt: Date | null
  /** The article's canonical URL (a stable stand-in where the article has none). */
  url: string
  /** The quote's position in the article (its order, or its character offset). */
  position: number
}

/** Positions are zero-padded to this many digits so that string order is numeric order. */
const POSITION_DIGITS = 12
const MAX_POSITION = 10 ** POSITION_DIGITS - 1

/**
 * A space separates the fields: it sorts below every character of a URL (canonical URLs have no
 * raw spaces), so a URL sorts before any longer URL it is a prefix of, as it should.
 */
const SEPARATOR = ' '

/** Dated articles first ("0"), then undated ones ("1"). */
const DATED = '0'
const UNDATED = '1'

/**
 * The order key of a quote. Throws a RangeError for a position that is not an integer in
 * [0, 10^12) or a date outside the years 0–9999, where ISO strings stop sorting chronologically.
 */
export function makeOrderKey({ publishedAt, url, position }: OrderFacts): string {
  if (!Number.isInteger(position) || position < 0 || position > MAX_POSITION) {
    throw new RangeError(`quote position must be an integer in [0, ${MAX_POSITION}], got ${position}`)
  }
  let when = UNDATED
  if (publishedAt !== null) {
    const year = publishedAt.getUTCFullYear()
    if (!(year >= 0 && year <= 9999)) throw new RangeError(`publication date out of range: ${String(publishedAt)}`)
    when = DATED + publishedAt.toISOString()
  }
  return [when, url, String(position).padStart(POSITION_DIGITS, '0')].join(SEPARATOR)
}
