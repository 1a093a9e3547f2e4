import t from 'tap'
import {
  CLAIM_OVERLAP_THRESHOLD,
  chooseCanonical,
  labelRendering,
  normalizeWording,
  sharesWording,
  tokenizeWording,
  type WordedRendering,
} from '../../../src/domain/wording/index.js'
import { seedGold, type GoldClaim, type GoldQuote } from '../../fixtures/seed-gold.js'

const gold = seedGold
const claims = new Map(gold.claims.map((claim) => [claim.id, claim]))
const claimOf = (quote: GoldQuote): GoldClaim => claims.get(quote.claim)!
const ambiguous = new Set(gold.ambiguous_pairs.flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]))
const reachesThreshold = (quote: GoldQuote, canonical: string): boolean =>
  sharesWording(tokenizeWording(quote.text), tokenizeWording(canonical)).ratio >= CLAIM_OVERLAP_THRESHOLD

t.test('every quote gets its gold label against its claim’s canonical wording', async (t) => {
  t.equal(gold.quotes.length, 29)
  for (const quote of gold.quotes) {
    const { label } = labelRendering(quote.pieces ?? quote.text, claimOf(quote).canonical)
    t.equal(label, gold.labels[quote.id], quote.id)
  }
})

t.test('quotes of the same claim share its wording, and each other’s', async (t) => {
  for (const quote of gold.quotes) {
    t.ok(reachesThreshold(quote, claimOf(quote).canonical), `${quote.id} joins ${quote.claim}`)
  }
  for (const x of gold.quotes) {
    for (const y of gold.quotes) {
      if (x.id >= y.id || x.claim !== y.claim || x.speaker !== y.speaker) continue
      const { ratio } = sharesWording(tokenizeWording(x.text), tokenizeWording(y.text))
      t.ok(ratio >= CLAIM_OVERLAP_THRESHOLD, `${x.id} and ${y.id} share wording (${ratio.toFixed(2)})`)
    }
  }
})

t.test('quotes of the same speaker in different claims never both reach one canonical wording', async (t) => {
  for (const x of gold.quotes) {
    for (const y of gold.quotes) {
      if (x.id >= y.id || x.claim === y.claim || x.speaker !== y.speaker || ambiguous.has(`${x.id}|${y.id}`)) continue
      for (const claim of [claimOf(x), claimOf(y)]) {
        t.notOk(
          reachesThreshold(x, claim.canonical) && reachesThreshold(y, claim.canonical),
          `${x.id} (${x.claim}) and ${y.id} (${y.claim}) against ${claim.id}`,
        )
      }
    }
  }
})

t.test('each claim’s canonical wording is the one chooseCanonical picks', async (t) => {
  const quotes = new Map(gold.quotes.map((quote) => [quote.id, quote]))
  for (const claim of gold.claims) {
    // Seed articles carry no publication date: ingestion follows article order 000..004.
    const renderings: WordedRendering[] = claim.members.map((id) => {
      const quote = quotes.get(id)!
      return {
        id,
        articleId: quote.article,
        normalized: normalizeWording(quote.text),
        original: quote.text,
        publishedAt: null,
        ingestedAt: new Date(Date.UTC(2025, 10, 1, 0, 0, Number(quote.article))),
      }
    })
    t.strictSame(
      chooseCanonical(renderings),
      {
        normalized: normalizeWording(claim.canonical),
        original: claim.canonical,
        renderingId: renderings.find((rendering) => rendering.original === claim.canonical)?.id,
      },
      claim.id,
    )
  }
})
