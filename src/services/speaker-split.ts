import type { Database, SqlTransaction } from '../db/database.js'
import { applyQuoteCorrections, type QuoteCorrection } from '../domain/corrections/quote-corrections.js'
import type { ExtractedQuote } from '../domain/extraction/index.js'
import { nameKey, slugify } from '../domain/speaker-identity.js'
import { Prisma } from '../generated/prisma/client.js'
import { HttpProblem, notFound } from '../http/problem.js'
import type { SpeakerResource } from '../schemas/resources.js'
import { retried } from './articles.js'
import { recordAuditEvent, type Editor } from './audit.js'
import { readSpeaker } from './catalog.js'
import { lockSpeakerClaims, type CreatedClaim } from './claim-grouping.js'
import { moveQuotes, type MovedQuote, type QuoteMove } from './quote-moves.js'
import { recordOffices, type HeldOffice } from './office-holders.js'
import { lockSpeakerNames, officesHeld, speakersArticleNames, type ExtractQuotes } from './quotes.js'
import { inferSpeakers } from './unattributed.js'

/**
 * An editor splits a name off a speaker that stands for two people ("Romney" holding Mitt's quotes and
 * Ann's): the name becomes a speaker of its own, and is taken from the speaker and kept from it
 * (speaker_alias_block). Which quotes go with it is what ingestion would decide now: every article
 * quoting the speaker is read again (its stored text, its editors' corrections applied) and each quote's
 * mention resolved as an ingest of the article would resolve it; a quote whose mention now resolves to
 * someone else moves there, keeping its id, and the claims regroup around it (quote-moves.ts). So the
 * split holds exactly as later ingests and revisions of those articles will hold it.
 */

export interface SpeakerSplitRequest {
  /** one of the speaker's aliases */
  alias: string
  /** the new speaker's name; the alias when none is given */
  name: string
}

export interface SpeakerSplitResult {
  speaker: SpeakerResource
  /** false when this alias had been split off the speaker already (a retried request) */
  created: boolean
}

interface Reading {
  text: string
  quotes: ExtractedQuote[]
}

/** The articles quoting the speaker by what they print (not by an editor's correction), with their text. */
async function articlesQuoting(sql: Pick<SqlTransaction, 'query'>, speakerId: string) {
  return sql.query<{ id: string; text: string }>(Prisma.sql`
    SELECT a.id, a.text FROM article a WHERE a.id IN (
      SELECT q.article_id FROM quote q WHERE q.speaker_id = ${speakerId}::uuid AND NOT q.speaker_corrected
        AND NOT q.speaker_inferred)
    ORDER BY a.id`)
}

/** Each article read again, as an ingest reads it; those read already with the same text are not. */
async function readArticles(
  articles: ReadonlyArray<{ id: string; text: string }>,
  readings: Map<string, Reading>,
  extract: ExtractQuotes,
): Promise<void> {
  for (const article of articles) {
    if (readings.get(article.id)?.text === article.text) continue
    readings.set(article.id, { text: article.text, quotes: await extract(article.text) })
  }
}

/**
 * The speaker made when this alias was split off, if that split still stands: the speaker has not gone
 * by the alias again since (an editor adding it back, or merging the new speaker back in), which would
 * make a new request a new split rather than a retry.
 */
async function splitMade(sql: SqlTransaction, speakerId: string, aliasKey: string): Promise<SpeakerResource | null> {
  const [made] = await sql.query<{ id: string }>(Prisma.sql`
    SELECT made.id FROM speaker_split s
    LEFT JOIN speaker_redirect r ON r.from_id = s.new_speaker_id
    CROSS JOIN LATERAL (SELECT COALESCE(r.to_id, s.new_speaker_id) AS id) AS made
    WHERE s.speaker_id = ${speakerId}::uuid AND s.alias_key = ${aliasKey} AND made.id <> ${speakerId}::uuid
      AND NOT EXISTS (SELECT FROM speaker_alias a WHERE a.speaker_id = ${speakerId}::uuid AND a.alias_key = ${aliasKey})`)
  return made ? readSpeaker(sql, made.id) : null
}

/** Why the alias cannot be split off into a speaker of that name, if it cannot. */
async function splitConflict(
  sql: SqlTransaction,
  speaker: SpeakerResource,
  split: SpeakerSplitRequest,
): Promise<HttpProblem | null> {
  const key = nameKey(split.alias)
  if (!speaker.aliases.some((alias) => nameKey(alias) === key)) {
    return new HttpProblem('not-found', `speaker ${speaker.id} has no alias "${split.alias}"`)
  }
  if (key === nameKey(speaker.name)) {
    return new HttpProblem(
      'conflict',
      `"${split.alias}" is the speaker's name: rename the speaker (PATCH /v1/speakers/{id}) before splitting it off`,
      [{ in: 'body', field: '/alias', message: 'is the speaker’s name' }],
    )
  }
  const slug = slugify(split.name)
  const [taken] = await sql.query<{ id: string; name: string }>(Prisma.sql`
    SELECT id, name FROM speaker WHERE slug = ${slug}
    UNION ALL SELECT r.to_id, s.name FROM speaker_redirect r JOIN speaker s ON s.id = r.to_id
    -- A speaker once merged into this one is split off again (a wrong merge undone): makeSpeaker takes its redirect.
    WHERE r.from_slug = ${slug} AND r.to_id <> ${speaker.id}::uuid`)
  // Another speaker's alias too: a new speaker by that name would leave the name to neither.
  const [known] = taken
    ? [taken]
    : await sql.query<{ id: string; name: string }>(Prisma.sql`
        SELECT s.id, s.name FROM speaker_alias a JOIN speaker s ON s.id = a.speaker_id
        WHERE a.alias_key = ${nameKey(split.name)} AND a.speaker_id <> ${speaker.id}::uuid ORDER BY s.id LIMIT 1`)
  if (known) {
    return new HttpProblem(
      'conflict',
      `${known.name} (${known.id}) goes by that name already: give the new speaker another name, or add the alias to that speaker`,
      [{ in: 'body', field: split.name === split.alias ? '/alias' : '/name', message: 'is another speaker’s name' }],
    )
  }
  return null
}

/** The new speaker, known by the alias and its name; the alias taken from the speaker for good. */
async function makeSpeaker(
  sql: SqlTransaction,
  speaker: SpeakerResource,
  split: SpeakerSplitRequest,
  actor: string,
): Promise<string> {
  const [made] = await sql.query<{ id: string }>(Prisma.sql`
    INSERT INTO speaker (name, slug, kind, name_corrected)
    VALUES (${split.name}, ${slugify(split.name)}, ${speaker.kind}::"SpeakerKind", true) RETURNING id`)
  const names = [...new Map([split.alias, split.name].map((name) => [nameKey(name), name]))]
  const keys = names.map(([key]) => key)
  const aliasKey = nameKey(split.alias)
  await sql.query(Prisma.sql`
    WITH learnt AS (
      INSERT INTO speaker_alias (speaker_id, alias, alias_key)
      SELECT ${made!.id}::uuid, n.alias, n.key
      FROM unnest(${names.map(([, name]) => name)}::text[], ${names.map(([key]) => key)}::text[]) AS n(alias, key)
    ), removed AS (
      -- The new speaker's name too, where the speaker had it as well: both are the new speaker's now.
      DELETE FROM speaker_alias WHERE speaker_id = ${speaker.id}::uuid AND alias_key = ANY(${keys}::text[])
      RETURNING alias, alias_key
    ), blocked AS (
      INSERT INTO speaker_alias_block (speaker_id, alias_key, alias, actor)
      SELECT ${speaker.id}::uuid, alias_key, alias, ${actor} FROM removed
      ON CONFLICT DO NOTHING
    ), undone AS (
      -- The speaker of this name that was merged into this one is the new speaker: its old id points there.
      UPDATE speaker_redirect SET to_id = ${made!.id}::uuid
      WHERE from_slug = ${slugify(split.name)} AND to_id = ${speaker.id}::uuid
    )
    -- A split of the same alias undone since (splitMade) is replaced by this one.
    INSERT INTO speaker_split (speaker_id, alias_key, new_speaker_id, actor)
    VALUES (${speaker.id}::uuid, ${aliasKey}, ${made!.id}::uuid, ${actor})
    ON CONFLICT (speaker_id, alias_key) DO UPDATE SET new_speaker_id = EXCLUDED.new_speaker_id, actor = EXCLUDED.actor,
      created_at = CURRENT_TIMESTAMP`)
  return made!.id
}

/**
 * The speaker's quotes whose mention an ingest of their article would resolve to someone else now:
 * each article's quotes matched to its stored ones by their words and which occurrence of them they are,
 * as editors' corrections name quotes.
 */
async function quotesNamingOthers(
  sql: SqlTransaction,
  speakerId: string,
  readings: Map<string, Reading>,
  articleIds: readonly string[],
): Promise<{ moves: QuoteMove[]; offices: HeldOffice[] }> {
  const stored = await sql.query<{ id: string; articleId: string; text: string; occurrence: number }>(Prisma.sql`
    SELECT id, article_id AS "articleId", text, occurrence FROM quote
    WHERE speaker_id = ${speakerId}::uuid AND NOT speaker_corrected AND NOT speaker_inferred
      AND article_id = ANY(${articleIds}::uuid[])`)
  const corrections = await sql.query<QuoteCorrection & { articleId: string }>(Prisma.sql`
    SELECT article_id AS "articleId", text, occurrence, speaker_id AS "speakerId", not_quotation AS "notQuotation"
    FROM quote_correction WHERE article_id = ANY(${articleIds}::uuid[])`)
  const moves: QuoteMove[] = []
  const offices: HeldOffice[] = []
  for (const articleId of articleIds) {
    const { text, quotes } = readings.get(articleId)!
    const corrected = applyQuoteCorrections(
      quotes.map((quote) => quote.text),
      corrections.filter((correction) => correction.articleId === articleId),
    )
    const speakers = await speakersArticleNames(sql, text, quotes, corrected)
    // The offices the article says its speakers hold go with them, as an ingest of it would record them.
    offices.push(...(await recordOffices(sql, articleId, officesHeld(quotes, speakers), true)))
    const now = new Map<string, string | null>()
    corrected.forEach((correction, position) => {
      if (correction.kept) now.set(`${correction.occurrence}\u0000${quotes[position]!.text}`, speakers[position]!)
    })
    for (const quote of stored.filter((row) => row.articleId === articleId)) {
      const speaker = now.get(`${quote.occurrence}\u0000${quote.text}`)
      // A quote the article no longer yields as it did (the extractor changed since) is left where it is.
      if (speaker && speaker !== speakerId) moves.push({ quoteId: quote.id, speakerId: speaker })
    }
  }
  return { moves, offices }
}

export async function splitSpeaker(
  db: Pick<Database, 'transaction'>,
  speakerId: string,
  split: SpeakerSplitRequest,
  who: Editor,
  extract: ExtractQuotes,
): Promise<SpeakerSplitResult> {
  // The articles are read before the transaction, which holds the speaker's locks: reading them is the
  // slow part. Those revised or first quoting the speaker meanwhile are read again inside.
  const readings = new Map<string, Reading>()
  await readArticles(await db.transaction((sql) => articlesQuoting(sql, speakerId)), readings, extract)
  let moved: MovedQuote[] = []
  let claims: CreatedClaim[] = []
  let offices: HeldOffice[] = []
  const result = await retried(() =>
    db.transaction(async (sql): Promise<SpeakerSplitResult> => {
      moved = []
      claims = []
      offices = []
      const [kind] = await sql.query<{ kind: SpeakerResource['kind'] }>(
        Prisma.sql`SELECT kind::text AS kind FROM speaker WHERE id = ${speakerId}::uuid`,
      )
      if (!kind) throw notFound('speaker', speakerId)
      // Every name the articles give their quotes' speakers is resolved again below: all are locked now,
      // in one ordered statement as an ingest locks them, with the names the split changes.
      const mentioned = [...readings.values()].flatMap(({ quotes }) =>
        quotes.flatMap((quote) =>
          quote.speaker?.named ? [{ name: quote.speaker.name, kind: quote.speaker.kind }] : [],
        ),
      )
      await lockSpeakerNames(sql, [
        ...[split.alias, split.name].map((name) => ({ name, kind: kind.kind })),
        ...mentioned,
      ])
      await sql.query(Prisma.sql`SELECT id FROM speaker WHERE id = ${speakerId}::uuid FOR UPDATE`)
      const made = await splitMade(sql, speakerId, nameKey(split.alias))
      if (made) return { speaker: made, created: false }
      const before = await readSpeaker(sql, speakerId)
      const conflict = await splitConflict(sql, before, split)
      if (conflict) throw conflict

      const newSpeakerId = await makeSpeaker(sql, before, split, who.actor)
      await lockSpeakerClaims(sql, [speakerId, newSpeakerId])
      const articles = await articlesQuoting(sql, speakerId)
      await readArticles(articles, readings, extract)
      const reread = await quotesNamingOthers(
        sql,
        speakerId,
        readings,
        articles.map((article) => article.id),
      )
      offices = reread.offices
      ;({ moved, claims } = await moveQuotes(sql, reread.moves))
      const speaker = await readSpeaker(sql, newSpeakerId)
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: 'speaker.split',
        entityType: 'speaker',
        entityId: speakerId,
        before,
        after: await readSpeaker(sql, speakerId),
        reason: who.reason,
        details: { alias: split.alias, newSpeakerId, quotesMoved: moved.length },
      })
      return { speaker, created: true }
    }),
  )
  // After the commit, as after an ingest: the quotes moved are flagged where another speaker's claim
  // prints their words, and the claims refounded may give speakers to quotes printed without one.
  if (moved.length > 0 || claims.length > 0 || offices.length > 0) {
    await retried(() => db.transaction((sql) => inferSpeakers(sql, { quotes: moved, claims, offices })))
  }
  return result
}
