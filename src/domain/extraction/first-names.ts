import { getGender } from 'gender-detection-from-name'
import type { Gender } from './lexicon.js'

/**
 * The answers given so far. The rules ask of most capitalised words, many times an article, and the library
 * lower-cases the word and reads up to six lists each time.
 */
const answered = new Map<string, Gender | null>()
const MAX_ANSWERED = 50_000

/**
 * The gender a first name usually carries ("Nancy" → f), from the name lists of
 * gender-detection-from-name (English, then Spanish, French, Italian, German and Turkish lists).
 * Weak evidence: names are shared across genders and languages ("Andrea"), so the registry
 * counts it below an honorific, a gendered role or the pronouns the article itself uses.
 */
export function genderOfFirstName(word: string): Gender | null {
  let gender = answered.get(word)
  if (gender === undefined) {
    gender = lookUp(word)
    // Bounded: a long-running server meets new capitalised words with every article.
    if (answered.size >= MAX_ANSWERED) answered.clear()
    answered.set(word, gender)
  }
  return gender
}

function lookUp(word: string): Gender | null {
  if (!/^\p{L}{2,}$/u.test(word)) return null
  const gender = getGender(word)
  return gender === 'male' ? 'm' : gender === 'female' ? 'f' : null
}
