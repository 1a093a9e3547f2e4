/**
 * Normalisation of quoted wording, so that two outlets printing the same words with different
 * typography (curly or straight quotes, dash styles, capitalisation, punctuation) compare equal.
 *
 * Decisions the product spec left open, and why:
 * - Hyphens inside words ("long-standing") split the word, exactly like dashes do. Outlets' house
 *   styles disagree on hyphenating compounds ("decision-making" / "decision making",
 *   "U.S.-Mexico" / "U.S. Mexico"); splitting keeps every part a word of its own, so a style
 *   difference costs nothing and a real change costs only the part that changed. The closed
 *   spelling ("longstanding") then differs, which we accept as the rarer variant.
 * - A period between two digits is a decimal point and is kept ("3.5" stays "3.5" and never
 *   collides with "35"). Every other separator inside a number is punctuation and is dropped, so
 *   "1,000" and "1000" compare equal.
 * - Punctuation is dropped, not turned into a space, so abbreviations written with or without
 *   periods ("U.S." / "US", "a.m." / "am") compare equal. The price is that "U.S." and the
 *   pronoun "us" become the same word; an outlet swapping one for the other is far rarer than one
 *   dropping the periods. Only dashes and ellipses separate words, as the spec says.
 * - Accents are kept as written: "México" and "Mexico" are different spellings, and the spec does
 *   not ask for accent-insensitive comparison. Text is brought to Unicode NFKC first so that the
 *   same accented letter encoded two ways, ligatures, full-width forms and no-break spaces do not
 *   count as differences. {@link searchKey} is the accent-free variant for fuzzy candidate search.
 * - Words are whatever whitespace separates: a script written without spaces compares as runs.
 */

import { unmaskExpletives } from './masked-words.js'

/** Apostrophe look-alikes. Mapped before NFKC, which would turn "´" into a space + combining accent. */
const APOSTROPHE_VARIANTS = /[’‘′`ʼ‛‚´]/gu

/**
 * "…", "..." (or longer), and the spaced form ". . ." that some style guides print.
 * Also used to find the ellipses a quote shows where it left words out.
 */
const ELLIPSIS = /…|\.{3,}|\.(?: \.){2,}/gu

/** Every dash and hyphen (Unicode category Pd): "–", "—", "‒", "―", "--", "-". */
const DASH = /\p{Pd}/gu

/**
 * Anything that is not a letter, combining mark, digit or whitespace is punctuation (or a symbol),
 * except apostrophes and periods, which the next two steps keep where they belong to a word.
 * Double quote marks of every style (“ ” « » „ ") go here: unified or not, they are removed.
 */
const OTHER_PUNCTUATION = /[^\p{L}\p{M}\p{N}\s'.]/gu

/** An apostrophe not standing between two word characters ("'No", "students'") is a quote mark. */
const EDGE_APOSTROPHE = /(?<![\p{L}\p{M}\p{N}])'|'(?![\p{L}\p{N}])/gu

/** A period that is not a decimal point. */
const NON_DECIMAL_PERIOD = /(?<!\p{Nd})\.|\.(?!\p{Nd})/gu

const WHITESPACE = /\s+/gu

/** Combining diacritics (U+0300–U+036F): the accents of Latin, Greek and Cyrillic letters after NFD. */
const COMBINING_DIACRITICS = /[\u0300-\u036f]/gu

/** The wording of `text` as compared between outlets: lowercase words separated by single spaces. */
export function normalizeWording(text: string): string {
  return text
    .replace(APOSTROPHE_VARIANTS, "'")
    .normalize('NFKC')
    .toLowerCase()
    .replace(ELLIPSIS, ' ')
    .replace(DASH, ' ')
    .replace(OTHER_PUNCTUATION, '')
    .replace(EDGE_APOSTROPHE, '')
    .replace(NON_DECIMAL_PERIOD, '')
    .replace(WHITESPACE, ' ')
    .trim()
}

/** The words of `text` after {@link normalizeWording}; no words gives an empty array. */
export function tokenizeWording(text: string): string[] {
  const normalized = normalizeWording(text)
  return normalized === '' ? [] : normalized.split(' ')
}

/**
 * The words by which renderings are matched to one another (claim grouping, the stores' lookups,
 * verify): {@link tokenizeWording} with masked expletives written out (masked-words.ts), so that
 * "f---ing", "f***ing" and the word itself are one word. Labels compare the printed words instead.
 */
export function matchingWords(text: string): string[] {
  return tokenizeWording(unmaskExpletives(text))
}

/**
 * The words of `text`, cut into the runs that its ellipses separate. A quote that leaves words out
 * must show it, so the labelling needs to know between which of its words an ellipsis stands.
 * Runs without words (text opening or closing with an ellipsis) are left out.
 */
export function tokenizeBetweenEllipses(text: string): string[][] {
  return text
    .split(ELLIPSIS)
    .map(tokenizeWording)
    .filter((run) => run.length > 0)
}

/**
 * Key for fuzzy (trigram) search of candidate claims: the normalised wording without accents, so
 * "México" finds "Mexico", and with masked expletives written out, as {@link matchingWords} has them.
 * Only combining diacritics are removed; letters that do not decompose ("ø", "ł", "ß") stay as they
 * are. Deciding membership still uses the accented words.
 */
export function searchKey(text: string): string {
  return normalizeWording(unmaskExpletives(text)).normalize('NFD').replace(COMBINING_DIACRITICS, '').normalize('NFC')
}
