import { getGender } from 'gender-detection-from-name'
import type { Gender } from './lexicon.js'

/**
 * Answers kept by word, at most `limit` of them: when full, all are forgotten at once, so memory stays bounded in a
 * long-running server without bookkeeping per word.
 */
export class KeptAnswers<Value> {
  private readonly answers = new Map<string, Value>()

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.answers.size
  }

  answer(word: string, lookUp: (word: string) => Value): Value {
    if (this.answers.has(word)) return this.answers.get(word) as Value
    const value = lookUp(word)
    if (this.answers.size >= this.limit) this.answers.clear()
    this.answers.set(word, value)
    return value
  }
}

/**
 * Longest word whose answer is kept. A longer token is a slice that keeps its whole article alive in V8 (a sliced
 * string of 13 characters or more points into its parent), and few given names are that long.
 */
const MAX_KEPT_LENGTH = 12

/**
 * The genders answered so far (exported for tests). The rules ask of most capitalised words, many times an article,
 * and the library lower-cases the word and reads up to six lists each time.
 */
export const firstNameAnswers = new KeptAnswers<Gender | null>(50_000)

/**
 * The gender a first name usually carries ("Nancy" → f), from the name lists of
 * gender-detection-from-name (English, then Spanish, French, Italian, German and Turkish lists).
 * Weak evidence: names are shared across genders and languages ("Andrea"), so the registry
 * counts it below an honorific, a gendered role or the pronouns the article itself uses.
 */
export function genderOfFirstName(word: string): Gender | null {
  return word.length > MAX_KEPT_LENGTH ? lookUp(word) : firstNameAnswers.answer(word, lookUp)
}

function lookUp(word: string): Gender | null {
  if (!/^\p{L}{2,}$/u.test(word)) return null
  const gender = getGender(word)
  return gender === 'male' ? 'm' : gender === 'female' ? 'f' : null
}
