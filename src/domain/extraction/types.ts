import type { Office } from './offices.js'

/** JavaScript string offsets into the article text, end exclusive. */
export type Span = [start: number, end: number]

export type QuoteKind = 'direct' | 'partial' | 'nested'

export type SpeakerKind = 'person' | 'organisation'

export type ResolvedBy = 'name' | 'surname' | 'role' | 'pronoun' | 'organisation'

export interface Cue {
  text: string
  span: Span
}

export interface Speaker {
  /**
   * Canonical name: the fullest form the article gives ("Claudia Sheinbaum"), or the role itself when no name is
   * known.
   */
  name: string
  title: string | null
  kind: SpeakerKind
  /** The mention next to the cue that identifies the speaker of this quote. */
  mention: Span | null
  resolvedBy: ResolvedBy
  /**
   * The article names this speaker (a person's or an organisation's name, found next to the quote or through
   * the pronoun or description that stands for them); false when only a pronoun or a description ("a
   * spokesman") does: such a speaker is someone different in every article.
   */
  named: boolean
  /**
   * The qualified offices the article says this speaker holds ("Mexican President", "Mexico's president"):
   * for a named speaker, what other articles may call them; for one only described ("the Mexican leader"),
   * the office by which another article's named holder may be found. Empty when none is qualified.
   */
  offices: Office[]
}

export interface ExtractedQuote {
  /** Exact quoted characters; the pieces of a quote in several pieces are joined by one space. */
  text: string
  spans: Span[]
  kind: QuoteKind
  cue: Cue | null
  speaker: Speaker | null
  /** Second-hand attribution ("..., she said, according to The Associated Press"). */
  via: string | null
  confidence: number
  /**
   * Quotes reported as one statement (one cue, one speaker: `She called it “A” and “B”`, `said that “A” and that
   * “B”`) share this number, counted from 0 in the article. What the annotated corpora call one attribution.
   */
  statement: number
}
