import { getGender } from 'gender-detection-from-name'
import type { Gender } from './lexicon.js'

/**
 * The gender a first name usually carries ("Nancy" → f), from the name lists of
 * gender-detection-from-name (English, then Spanish, French, Italian, German and Turkish lists).
 * Weak evidence: names are shared across genders and languages ("Andrea"), so the registry
 * counts it below an honorific, a gendered role or the pronouns the article itself uses.
 */
export function genderOfFirstName(word: string): Gender | null {
  if (!/^\p{L}{2,}$/u.test(word)) return null
  const gender = getGender(word)
  return gender === 'male' ? 'm' : gender === 'female' ? 'f' : null
}
