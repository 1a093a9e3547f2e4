import expletives from './expletives.json' with { type: 'json' }

/**
 * Outlets mask expletives each in their own house style: one prints "a big f---ing deal", another
 * "a big f***ing deal", a third the word itself. Normalisation alone reads those as different words
 * ("f ing", "fing", "fucking": dashes separate words, asterisks are punctuation), so the renderings of
 * one utterance missed each other and a masked fragment never joined its claim. What the outlets
 * printed still differs, and the label says so (labelRendering compares printed words); which
 * utterance they print is decided on the words the masks stand for.
 */

const WORDS: readonly string[] = expletives.words

/**
 * Visible letters, a mask, visible letters: asterisks or underscores of any length, or dashes. A single
 * hyphen is a compound's ("f-ing" is rare, "re-elect" is not); a single long dash ("sh—t") masks only
 * where letters follow it, and two or more dashes ("s---", "a--hole") are the usual mask. Which of
 * these is a mask at all is settled by the word list: "B--and" (a dash typed as two hyphens) spells
 * no listed word.
 */
const MASKED = /(?<![\p{L}\p{N}])(\p{L}+)([*_]+|-{2,}|[–—]+)(\p{L}*)(?![\p{L}\p{N}])/gu

/** The listed word a masked word stands for; null when it spells none, or several none of which hides as many letters as the mask. */
function unmaskWord(before: string, mask: string, after: string): string | null {
  const prefix = before.toLowerCase()
  const suffix = after.toLowerCase()
  // A dash after a whole word with nothing behind it ("what the hell--") ends a sentence, and a short
  // dash run with no letters after it ("a--") is more often a break than a mask.
  if (WORDS.includes(prefix + suffix)) return null
  if (suffix === '' && /^[-–—]/u.test(mask) && mask.length < 3) return null
  const spelled = WORDS.filter(
    (word) => word.length > prefix.length + suffix.length && word.startsWith(prefix) && word.endsWith(suffix),
  )
  if (spelled.length <= 1) return spelled[0] ?? null
  // Several fit ("f***" may be "fuck" or "fucking"): one hiding as many letters as the mask shows, the
  // most often masked of those ("s**t": the list's order).
  return spelled.find((word) => word.length - prefix.length - suffix.length === mask.length) ?? null
}

/** Every mask has one of these; most quotes have none, and skip the costlier pattern. */
const MASK_CHARACTER = /[*_–—]|--/u

/** `text` with every masked expletive it reads as written out; everything else as it was. */
export function unmaskExpletives(text: string): string {
  if (!MASK_CHARACTER.test(text)) return text
  return text.replace(
    MASKED,
    (masked, before: string, mask: string, after: string) => unmaskWord(before, mask, after) ?? masked,
  )
}
