import type { ExtractedQuote } from '../domain/extraction/index.js'
import { aliasesOf, isProperName, nameKey, slugify, type SpeakerMention } from '../domain/speaker-identity.js'
import { searchKey, tokenizeWording, wordShingles } from '../domain/wording/index.js'
import { makeOrderKey } from '../domain/claims/index.js'
import type { Prisma } from '../generated/prisma/client.js'
import { regroupClaims } from './claim-grouping.js'

type Transaction = Prisma.TransactionClient

/**
 * The speaker a mention refers to, shared across articles. A full name is looked up among the names
 * and aliases already known; a surname alone ("Sheinbaum" in an article that never gives her full
 * name) is taken to be a known speaker only when exactly one speaker goes by it, and otherwise
 * becomes a speaker of its own rather than a guess. Aliases learnt from the mention are added.
 */
async function resolveSpeaker(tx: Transaction, mention: SpeakerMention): Promise<string> {
  const key = nameKey(mention.name)
  const matches = await tx.speakerAlias.findMany({
    where: { aliasKey: key },
    select: { speakerId: true },
    distinct: ['speakerId'],
    take: 2,
  })
  let speakerId: string
  if (matches.length === 1) {
    speakerId = matches[0]!.speakerId
  } else {
    // An upsert, not find-then-create: two ingests naming a new speaker at once then both get the
    // one row (the second waits for the first) instead of one failing on the unique slug.
    const slug = slugify(mention.name)
    speakerId = (
      await tx.speaker.upsert({
        where: { slug },
        create: { name: mention.name, slug, kind: mention.kind, title: mention.title },
        update: {},
        select: { id: true },
      })
    ).id
  }
  await tx.speakerAlias.createMany({
    data: aliasesOf(mention).map((alias) => ({ speakerId, alias, aliasKey: nameKey(alias) })),
    skipDuplicates: true,
  })
  return speakerId
}

export interface ArticleFacts {
  id: string
  url: string
  text: string
  publishedAt: Date | null
  /** when Verbatim first stored the article */
  createdAt: Date
}

/**
 * Replaces an article's quotes with those extracted from its current text, resolving each speaker,
 * and regroups the claims they join or leave. Called inside the ingest transaction, so readers see
 * the old quotes and claims or the new, never a mix.
 */
export async function replaceArticleQuotes(
  tx: Transaction,
  article: ArticleFacts,
  quotes: ExtractedQuote[],
): Promise<void> {
  const { id: articleId, text } = article
  const mentionTextOf = (quote: ExtractedQuote) =>
    quote.speaker?.mention ? text.slice(quote.speaker.mention[0], quote.speaker.mention[1]) : null
  const speakerKey = (speaker: NonNullable<ExtractedQuote['speaker']>) => `${speaker.kind}:${nameKey(speaker.name)}`
  // Each speaker once, in one order (by key) for every ingest: concurrent ingests naming the same
  // speakers then take their row locks in the same order and cannot deadlock on them.
  const firstMentions = new Map<string, ExtractedQuote>()
  for (const quote of quotes) {
    if (quote.speaker && isProperName(quote.speaker.name) && !firstMentions.has(speakerKey(quote.speaker))) {
      firstMentions.set(speakerKey(quote.speaker), quote)
    }
  }
  const speakerIds = new Map<string, string>()
  for (const [key, { speaker }] of [...firstMentions].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const { name, title, kind } = speaker!
    speakerIds.set(
      key,
      await resolveSpeaker(tx, { name, title, kind, mentionText: mentionTextOf(firstMentions.get(key)!) }),
    )
  }
  const rows: Prisma.QuoteCreateManyInput[] = []
  for (const [position, quote] of quotes.entries()) {
    const speaker = quote.speaker
    const mention = speaker?.mention ?? null
    const mentionText = mentionTextOf(quote)
    const speakerId = speaker ? (speakerIds.get(speakerKey(speaker)) ?? null) : null
    rows.push({
      articleId,
      position,
      orderKey: makeOrderKey({ publishedAt: article.publishedAt, url: article.url, position }),
      speakerId,
      text: quote.text,
      normalizedText: searchKey(quote.text),
      shingles: wordShingles(tokenizeWording(quote.text)).map(BigInt),
      spans: quote.spans,
      speakerMentionStart: mention?.[0] ?? null,
      speakerMentionEnd: mention?.[1] ?? null,
      speakerMentionText: mentionText,
      speakerResolution: speaker?.resolvedBy ?? null,
      cue: quote.cue?.text ?? null,
      cueStart: quote.cue?.span[0] ?? null,
      cueEnd: quote.cue?.span[1] ?? null,
      kind: quote.kind,
      via: quote.via,
      confidence: quote.confidence,
    })
  }
  const previous = await tx.quote.findMany({
    where: { articleId },
    select: { ...STORED_QUOTE_FIELDS, claim: { select: { seedQuoteId: true } } },
  })
  const inserted =
    rows.length > 0 ? await tx.quote.createManyAndReturn({ data: rows, select: STORED_QUOTE_FIELDS }) : []
  const facts = { publishedAt: article.publishedAt, ingestedAt: article.createdAt }
  await regroupClaims(
    tx,
    inserted.map((quote) => ({ ...quote, ...facts, seedId: null })),
    previous.map(({ claim, ...quote }) => ({ ...quote, ...facts, seedId: claim?.seedQuoteId ?? null })),
  )
}

const STORED_QUOTE_FIELDS = { id: true, speakerId: true, text: true, articleId: true, orderKey: true } as const
