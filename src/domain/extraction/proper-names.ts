import { NOT_NAMES } from './lexicon.js'
import type { Token } from './tokens.js'

const POSSESSIVE = /['’]s?$/
/** Punctuation that may open a sentence before its first word. */
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '—', '–', '-', '…'])

/**
 * Marks the capitalised words that may belong to a name. Capitals alone say little at the start of a
 * sentence ("Moments later", "Ask yourself"), so a sentence-initial word counts only with evidence from the
 * article: the same word capitalised inside a sentence elsewhere, or a capitalised word right after it
 * ("Jane Roe said"), or a proper-noun tag on a word a verb follows ("Russia insisted"). Function words, days and months never count, and neither does an adjective standing
 * alone ("Asian states"): it names a place's people, not a person.
 */
export function markProperNames(tokens: Token[], sentenceEnds: readonly boolean[]): void {
  const initial = new Array<boolean>(tokens.length).fill(false)
  const seenInside = new Set<string>()
  let atStart = true
  tokens.forEach((token, index) => {
    if (atStart && token.isWord) {
      initial[index] = true
      atStart = false
    } else if (token.isWord && token.capitalized && token.segment < 0) {
      seenInside.add(bare(token))
    }
    const next = tokens[index + 1]
    if (sentenceEnds[index] || (next && next.paragraph !== token.paragraph)) atStart = true
    else if (!token.isWord && atStart && !OPENERS.has(token.text)) atStart = false
  })
  tokens.forEach((token, index) => {
    if (!token.isWord || !token.capitalized || NOT_NAMES.has(bare(token))) return
    const next = tokens[index + 1]
    const followedByName =
      next !== undefined && next.isWord && next.capitalized && next.start - token.end <= 1 && !NOT_NAMES.has(bare(next))
    // A proper noun acting as subject of the verb right after it ("Russia insisted") needs no more evidence.
    const subjectOfVerb = token.pos === 'PROPN' && next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX')
    // "Maybe Jones was tired", "Said Jones:", "See Jones": a capital before a name is evidence only for a noun.
    const nounBeforeName = followedByName && (token.pos === 'PROPN' || token.pos === 'NOUN')
    if (initial[index] && !seenInside.has(bare(token)) && !nounBeforeName && !subjectOfVerb) return
    if (token.pos === 'ADJ' && !followedByName) return
    token.proper = true
  })
}

function bare(token: Token): string {
  return token.lower.replace(POSSESSIVE, '')
}
