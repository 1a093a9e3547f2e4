import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { extractQuotes, type ExtractedQuote } from '../../../src/domain/extraction/index.js'

interface GoldSpeaker {
  id: string
  name: string
  aliases: string[]
}

interface GoldQuote {
  id: string
  article: string
  text: string
  speaker: string
  pieces?: string[]
  nested?: boolean
}

const seedsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../seeds')
const gold = JSON.parse(readFileSync(join(seedsDir, 'gold.json'), 'utf8')) as {
  speakers: GoldSpeaker[]
  quotes: GoldQuote[]
}
const files = readdirSync(seedsDir).filter((file) => file.endsWith('.txt'))

/** The seeds README's normalisation: case, quote marks, dashes and punctuation do not matter. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[—–―-]|…|\.\.\./g, ' ')
    .replace(/(?<![\p{L}])'|'(?![\p{L}])/gu, ' ')
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function bareName(name: string): string {
  return normalise(name).replace(/^the /, '')
}

const speakersById = new Map(gold.speakers.map((speaker) => [speaker.id, speaker]))

function speakerMatches(quote: ExtractedQuote, speakerId: string): boolean {
  const expected = speakersById.get(speakerId)
  if (!expected || !quote.speaker) return false
  const names = [expected.name, ...expected.aliases].map(bareName)
  return names.includes(bareName(quote.speaker.name))
}

function piecesOf(quote: ExtractedQuote, text: string): string[] {
  return quote.spans.map(([start, end]) => normalise(text.slice(start, end)))
}

for (const file of files) {
  const article = file.slice(0, 3)
  const text = readFileSync(join(seedsDir, file), 'utf8')
  const quotes = extractQuotes(text)
  t.test(`seed ${file}`, async (t) => {
    const matched = new Set<ExtractedQuote>()
    for (const expected of gold.quotes.filter((quote) => quote.article === article)) {
      // The gold segmentation exactly: one extracted quote with the gold words, in the gold pieces.
      const candidates = quotes.filter(
        (quote) =>
          !matched.has(quote) &&
          normalise(quote.text) === normalise(expected.text) &&
          (quote.kind === 'nested') === (expected.nested === true),
      )
      const found = candidates[0]
      if (!t.ok(found, `${expected.id} is one quote: ${expected.text.slice(0, 50)}`) || !found) continue
      matched.add(found)
      t.same(
        piecesOf(found, text),
        (expected.pieces ?? [expected.text]).map(normalise),
        `${expected.id} comes in the gold pieces`,
      )
      t.ok(
        speakerMatches(found, expected.speaker),
        `${expected.id} spoken by ${expected.speaker}: got ${found.speaker?.name}`,
      )
    }
    t.same(
      quotes.filter((quote) => !matched.has(quote)).map((quote) => quote.text),
      [],
      'no quote beyond the gold ones',
    )
    const quotedTexts = quotes.map((quote) => normalise(quote.text))
    for (const notAQuote of [
      'Danger Zone',
      'King Trump',
      'Patriots-Only',
      'Fundamentally Wrong',
      'Operation Southern Spear',
      'new',
      'foreign terrorist organizations',
    ]) {
      t.notOk(quotedTexts.includes(normalise(notAQuote)), `no quote for "${notAQuote}"`)
    }
    t.ok(
      quotes.every((quote) => quote.spans.every(([start, end]) => start < end && end <= text.length)),
      'spans lie inside the text',
    )
  })
}
