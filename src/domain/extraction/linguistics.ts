import winkNLP, { type PartOfSpeech } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

export type { PartOfSpeech }

/** What the tagger says about a text: its tokens as offsets and their parts of speech. */
export interface TaggedText {
  /** Offset of each token's first character. */
  starts: number[]
  /** Offset just past each token's last character. */
  ends: number[]
  pos: PartOfSpeech[]
}

/**
 * wink-nlp keeps every word it has not seen before in a cache that lives as long as the instance:
 * over a long run of articles that cache grows with every new name. A fresh instance after this many
 * documents keeps memory flat, for about 0.1 s of set-up each time.
 */
const DOCUMENTS_PER_INSTANCE = 5000

let tagger: ReturnType<typeof winkNLP> | null = null
let documentsTagged = 0

function currentTagger(): ReturnType<typeof winkNLP> {
  if (tagger === null || documentsTagged >= DOCUMENTS_PER_INSTANCE) {
    // No 'sbd': the writer's sentences are found in sentences.ts, and wink's boundaries took an eighth of the
    // tagger's time for the one question they answered there. Its tags are the same without them.
    tagger = winkNLP(model, ['pos'])
    documentsTagged = 0
  }
  documentsTagged++
  return tagger
}

/** No word is longer; wink's tokenizer takes time growing with the square of a run with no space in it. */
const MAX_RUN = 64
const OVERLONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g')

/**
 * The text as the tagger reads it: every run of more than MAX_RUN characters without a space (never a word:
 * a URL, base64, hostile input) gets a space every MAX_RUN characters. Same length, so offsets hold; the
 * characters replaced fall between tokens.
 */
function withoutOverlongRuns(text: string): string {
  if (!hasOverlongRun(text)) return text
  OVERLONG_RUN.lastIndex = 0
  return text.replace(OVERLONG_RUN, (run) => {
    let broken = ''
    for (let at = 0; at < run.length; at += MAX_RUN + 1) broken += `${run.slice(at, at + MAX_RUN)} `
    return broken.slice(0, run.length)
  })
}

/**
 * Whether the text holds a run that OVERLONG_RUN matches, read once character by character: the regular expression
 * tries a match at every offset, which costs several times the length of the text.
 */
function hasOverlongRun(text: string): boolean {
  let run = 0
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0
    else if (++run > MAX_RUN) return true
  }
  return false
}

/** What `\s` matches in a regular expression: ASCII white space, the Unicode space separators, line and paragraph separators, BOM. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Tokens and universal part-of-speech tags from wink-nlp's English model (shipped in the npm
 * package, no download). Token offsets are found by walking the text: wink's tokens are exact substrings, in
 * order, separated by white space only.
 */
export function tagText(original: string): TaggedText {
  const nlp = currentTagger()
  const text = withoutOverlongRuns(original)
  const doc = nlp.readDoc(text)
  const values = doc.tokens().out() as string[]
  const pos = doc.tokens().out(nlp.its.pos) as PartOfSpeech[]
  const starts: number[] = new Array<number>(values.length)
  const ends: number[] = new Array<number>(values.length)
  let offset = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string
    const at = text.indexOf(value, offset)
    // Not expected of wink; a token it normalised would otherwise shift every offset after it.
    const start = at < 0 ? offset : at
    starts[i] = start
    ends[i] = at < 0 ? offset : start + value.length
    offset = ends[i] as number
  }
  return { starts, ends, pos }
}
