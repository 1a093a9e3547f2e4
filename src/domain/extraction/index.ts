export { extractQuotes } from './extract-quotes.js'
export type { Cue, ExtractedQuote, QuoteKind, ResolvedBy, Span, Speaker, SpeakerKind } from './types.js'
export { holdsOffice, type Office } from './offices.js'
export { rolesCoveredBy, rolesCovering } from './lexicon.js'
