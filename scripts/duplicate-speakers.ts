/**
 * The real-corpus benchmark's test for speakers that duplicate another (scripts/bench-corpus.ts): a
 * registry that gives one person two speakers splits their quotes and claims. Read from the names
 * alone, so it is a lower bound: "Jane Roe" and "Jane Q. Roe" both pass.
 */

import { isAcronym } from '../src/domain/extraction/entities.js'

export type SpeakerKind = 'person' | 'organisation'

/** A speaker's name and kind, with how many quotes the record attributes to it. */
export interface SpeakerCount {
  name: string
  kind: SpeakerKind
  quotes: number
}

const words = (name: string): string[] => name.split(/\s+/).filter(Boolean)

/**
 * Speakers that duplicate another:
 * - `surnameOnly`: a one-word name that ends a longer name of the same kind (a surname beside a
 *   person's full name, "Roe" beside "Jane Roe"; a body's short name beside its full one, "Senate"
 *   beside "State Senate"). Of the same kind: a person misread as "Jane Roe on KVRT" makes a duplicate
 *   of nobody but herself, and is counted below, not as the broadcaster's;
 * - `polluted`: a name that ends, after words of its own, with the whole name of another speaker of
 *   two words or more (a title or a fragment kept in the name: "of State Jane Roe"), or a person's
 *   name that ends with a body's acronym another speaker is ("Jane Roe on KVRT", "Photo Desk QNN"); the acronym test is the
 *   extraction's own (`isAcronym`).
 */
export function duplicateSpeakers(speakers: readonly SpeakerCount[]): {
  surnameOnly: SpeakerCount[]
  polluted: SpeakerCount[]
} {
  const lastWords = new Set<string>()
  const names = new Set(speakers.map((speaker) => speaker.name))
  const acronyms = new Set(
    speakers.filter((speaker) => speaker.kind === 'organisation' && isAcronym(speaker.name)).map((s) => s.name),
  )
  for (const { name, kind } of speakers) {
    const parts = words(name)
    if (parts.length > 1) lastWords.add(`${kind}:${parts.at(-1)!}`)
  }
  const surnameOnly: SpeakerCount[] = []
  const polluted: SpeakerCount[] = []
  for (const speaker of speakers) {
    const parts = words(speaker.name)
    const endsWithName = parts
      .slice(1)
      .some((_, i) => i + 1 <= parts.length - 2 && names.has(parts.slice(i + 1).join(' ')))
    const endsWithAcronym = speaker.kind === 'person' && parts.length > 1 && acronyms.has(parts.at(-1)!)
    if (parts.length === 1 && lastWords.has(`${speaker.kind}:${parts[0]!}`)) surnameOnly.push(speaker)
    else if (endsWithName || endsWithAcronym) polluted.push(speaker)
  }
  return { surnameOnly, polluted }
}
