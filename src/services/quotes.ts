import type { ExtractedQuote } from '../domain/extraction/index.js'
import { aliasesOf, isProperName, nameKey, slugify, type SpeakerMention } from '../domain/speaker-identity.js'
import { searchKey } from '../domain/wording/index.js'
import type { Prisma } from '../generated/prisma/client.js'

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
    const slug = slugify(mention.name)
    const existing = await tx.speaker.findUnique({ where: { slug }, select: { id: true } })
    speakerId =
      existing?.id ??
      (
        await tx.speaker.create({
          data: { name: mention.name, slug, kind: mention.kind, title: mention.title },
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

/**
 * Replaces an article's quotes with those extracted from its current text, resolving each speaker.
 * Called inside the ingest transaction, so readers see the old quotes or the new, never a mix.
 */
export async function replaceArticleQuotes(
  tx: Transaction,
  articleId: string,
  text: string,
  quotes: ExtractedQuote[],
): Promise<void> {
  const speakerIds = new Map<string, string>()
  const rows: Prisma.QuoteCreateManyInput[] = []
  for (const [position, quote] of quotes.entries()) {
    const speaker = quote.speaker
    const mention = speaker?.mention ?? null
    const mentionText = mention ? text.slice(mention[0], mention[1]) : null
    let speakerId: string | null = null
    if (speaker && isProperName(speaker.name)) {
      const cacheKey = `${speaker.kind}:${nameKey(speaker.name)}`
      speakerId =
        speakerIds.get(cacheKey) ??
        (await resolveSpeaker(tx, { name: speaker.name, title: speaker.title, kind: speaker.kind, mentionText }))
      speakerIds.set(cacheKey, speakerId)
    }
    rows.push({
      articleId,
      position,
      speakerId,
      text: quote.text,
      normalizedText: searchKey(quote.text),
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
  await tx.quote.deleteMany({ where: { articleId } })
  if (rows.length > 0) await tx.quote.createMany({ data: rows })
}
