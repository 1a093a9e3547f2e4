import type { ExtractedQuote, Office } from '../domain/extraction/index.js'
import {
  aliasesOf,
  isSurnameAlone,
  lookupKeys,
  nameKey,
  nameVariants,
  slugify,
  surnameKeys,
  type SpeakerMention,
} from '../domain/speaker-identity.js'
import { matchingWords, searchKey, wordShingles } from '../domain/wording/index.js'
import { makeOrderKey } from '../domain/claims/index.js'
import {
  applyQuoteCorrections,
  type CorrectedQuote,
  type QuoteCorrection,
} from '../domain/corrections/quote-corrections.js'
import type { SqlTransaction } from '../db/database.js'
import { Prisma } from '../generated/prisma/client.js'
import { regroupClaims, type CreatedClaim, type StoredQuote } from './claim-grouping.js'
import { recordOffices, type HeldOffice } from './office-holders.js'
import { isOwnNameAlias, prominentBearers } from './surname-bearers.js'

/**
 * The speakers mentions refer to, shared across articles, resolved in one statement. A full name is
 * looked up among the names and aliases already known; a surname alone ("Sheinbaum" in an article
 * that never gives her full name) is taken to be a known speaker when exactly one speaker goes by it,
 * or when one of those who do is quoted far more than the others together (`prominentBearer`), and
 * otherwise becomes a speaker of its own rather than a guess. Aliases learnt from the
 * mentions are added. Returns the speaker id of each mention, in the order given.
 *
 * New speakers are upserted, not found-then-created: two ingests naming a new speaker at once then
 * both get the one row (the second waits for the first) instead of one failing on the unique slug.
 * Rows are written in one order (slug, then alias) so that such ingests cannot deadlock.
 */
/** The key of a person's surname when the name has more than one word: what a surname-only speaker was known by. */
function surnameKey(mention: SpeakerMention): string | null {
  const { surname } = mention.kind === 'person' ? nameVariants(mention.name) : { surname: null }
  return surname === null ? null : nameKey(surname)
}

/**
 * Takes, for the transaction, the locks that make resolving these names take turns with any other
 * resolution or editor's change of the same names (a person's by surname): in one statement and one
 * order, so two transactions taking several cannot deadlock. Taken before any speaker row is locked.
 */
export async function lockSpeakerNames(
  sql: SqlTransaction,
  names: ReadonlyArray<{ name: string; kind: SpeakerMention['kind'] }>,
): Promise<void> {
  const keys = [
    ...new Set(
      names.flatMap(({ name, kind }) =>
        (kind === 'person' ? surnameKeys(name) : [nameKey(name)]).map((key) => `${kind}:${key}`),
      ),
    ),
  ]
  if (keys.length === 0) return
  await sql.query(Prisma.sql`SELECT pg_advisory_xact_lock(lock) FROM (
    SELECT hashtextextended('speaker-name:' || key, 0) AS lock FROM unnest(${keys}::text[]) AS key ORDER BY key) AS ordered`)
}

async function resolveSpeakers(sql: SqlTransaction, mentions: SpeakerMention[]): Promise<string[]> {
  // Every form of a person's name ("Jane Roe", "Roe", "Jane Q. Roe") shares the surname: ingests naming
  // the same surname take turns here, each reading the speakers the other committed, so that concurrent
  // articles make one speaker as serial ones do. One statement, keys in one order: no deadlock.
  await lockSpeakerNames(sql, mentions)
  const aliases = mentions.flatMap((mention, n) =>
    aliasesOf(mention).map((alias) => ({ n: n + 1, alias, key: nameKey(alias) })),
  )
  // "Harold T. Penwick" is found as "Harold Penwick" too, whichever an article printed first.
  const lookups = mentions.flatMap((mention, n) => lookupKeys(mention).map((key) => ({ n: n + 1, key })))
  // A person named by one word is the surname's prominent bearer when the aliases alone do not decide.
  const surnamesAlone = mentions.map((m) => (m.kind === 'person' && isSurnameAlone(m.name) ? nameKey(m.name) : null))
  const prominent = await prominentBearers(
    sql,
    surnamesAlone.filter((key): key is string => key !== null),
  )
  const rows = await sql.query<{ n: bigint | string; speaker_id: string }>(
    Prisma.sql`
    WITH mention AS (
      SELECT * FROM unnest(${mentions.map((m) => m.name)}::text[], ${mentions.map((m) => slugify(m.name))}::text[],
        ${mentions.map((m) => m.kind)}::text[], ${mentions.map((m) => m.title)}::text[],
        ${mentions.map((m) => surnameKey(m))}::text[], ${mentions.map((m) => nameKey(m.name))}::text[],
        ${surnamesAlone.map((key) => (key === null ? null : (prominent.get(key) ?? null)))}::uuid[])
        WITH ORDINALITY AS m(name, slug, kind, title, surname, key, prominent, n)
    ), lookup AS (
      SELECT * FROM unnest(${lookups.map((l) => l.n)}::int[], ${lookups.map((l) => l.key)}::text[]) AS l(n, key)
    ), known AS (
      SELECT m.n, m.slug, COALESCE((
        SELECT CASE WHEN count(DISTINCT a.speaker_id) = 1 THEN (array_agg(a.speaker_id))[1] END
        FROM lookup l JOIN speaker_alias a ON a.alias_key = l.key WHERE l.n = m.n), (
        -- A full name takes over the speaker known only by its surname ("Roe" before "Jane Roe"), when that
        -- surname belongs to no other full name: the same speaker, whichever article came first.
        -- A speaker is known only by the surname when its own name is an alias of that key ("Roe", "Van Roe").
        -- Driven by the alias index, each speaker read by key: joined plainly, the plan kept for this
        -- prepared statement scanned every person and probed their aliases (9 ms a mention at 4k speakers).
        SELECT CASE WHEN count(DISTINCT a.speaker_id) = 1 THEN (array_agg(a.speaker_id))[1] END
        FROM speaker_alias a CROSS JOIN LATERAL (SELECT s.kind, s.name FROM speaker s WHERE s.id = a.speaker_id LIMIT 1) AS s
        WHERE m.surname IS NOT NULL AND a.alias_key = m.surname AND s.kind = 'person' AND ${isOwnNameAlias('a', 's')}
          AND NOT EXISTS (
            SELECT FROM speaker_alias b JOIN speaker t ON t.id = b.speaker_id
            WHERE b.alias_key = m.surname AND NOT EXISTS (
              SELECT FROM speaker_alias o WHERE o.speaker_id = t.id AND o.alias_key = m.surname
                AND ${isOwnNameAlias('o', 't')}))),
        -- The name of a speaker an editor merged into another, where the aliases alone do not decide,
        -- is the survivor's: the merged speaker is not made again. Unless a speaker goes by that name
        -- now, the survivor is another kind, or an editor has since taken the name from the survivor.
        (SELECT r.to_id FROM speaker_redirect r JOIN speaker t ON t.id = r.to_id
          WHERE r.from_slug = m.slug AND t.kind::text = m.kind
            AND NOT EXISTS (SELECT FROM speaker s WHERE s.slug = m.slug)
            AND NOT EXISTS (SELECT FROM speaker_alias_block b WHERE b.speaker_id = r.to_id AND b.alias_key = m.key)),
        -- A surname alone that several people go by: the one the record quotes far more than the others.
        m.prominent
      ) AS speaker_id
      FROM mention m
    ), created AS (
      INSERT INTO speaker (name, slug, kind, title)
      SELECT DISTINCT ON (m.slug) m.name, m.slug, m.kind::"SpeakerKind", m.title
      FROM mention m JOIN known k ON k.n = m.n WHERE k.speaker_id IS NULL ORDER BY m.slug, m.n
      ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
      RETURNING id, slug
    ), resolved AS (
      SELECT k.n, COALESCE(k.speaker_id, c.id) AS speaker_id FROM known k LEFT JOIN created c ON c.slug = k.slug
    ), learnt AS (
      INSERT INTO speaker_alias (speaker_id, alias, alias_key)
      SELECT r.speaker_id, x.alias, x.key
      FROM unnest(${aliases.map((a) => a.n)}::int[], ${aliases.map((a) => a.alias)}::text[],
        ${aliases.map((a) => a.key)}::text[]) AS x(n, alias, key)
      JOIN resolved r ON r.n = x.n
      -- An alias an editor removed from the speaker is not learnt again.
      WHERE NOT EXISTS (SELECT FROM speaker_alias_block b WHERE b.speaker_id = r.speaker_id AND b.alias_key = x.key)
      ORDER BY r.speaker_id, x.key
      ON CONFLICT (speaker_id, alias_key) DO NOTHING
    ), fullest AS (
      SELECT DISTINCT ON (r.speaker_id) r.speaker_id, m.name
      FROM resolved r JOIN mention m ON m.n = r.n WHERE m.kind = 'person'
      ORDER BY r.speaker_id, cardinality(string_to_array(m.name, ' ')) DESC, length(m.name) DESC, m.name
    ), renamed AS (
      -- A person is shown by the fullest form of the name any article gives, whatever the order they came in.
      -- A name an editor gave stands.
      UPDATE speaker s SET name = f.name, updated_at = now() FROM fullest f
      WHERE s.id = f.speaker_id AND NOT s.name_corrected AND (cardinality(string_to_array(f.name, ' ')), length(f.name), s.name)
        > (cardinality(string_to_array(s.name, ' ')), length(s.name), f.name)
    )
    SELECT n, speaker_id FROM resolved`,
    { prepared: true },
  )
  const ids = new Map(rows.map((row) => [Number(row.n), row.speaker_id]))
  return mentions.map((_, n) => ids.get(n + 1)!)
}

/** The speaker a name stands for, as ingestion would resolve it; a new speaker when nobody goes by it. */
export async function speakerForName(sql: SqlTransaction, name: string, kind: SpeakerMention['kind']): Promise<string> {
  const [id] = await resolveSpeakers(sql, [{ name, title: null, kind, mentionText: name }])
  return id!
}

/** Quotation finding as the app provides it (the extraction plugin): handed to services that read articles again. */
export type ExtractQuotes = (text: string) => Promise<ExtractedQuote[]>

export interface ArticleFacts {
  id: string
  url: string
  text: string
  publishedAt: Date | null
  /** when Verbatim first stored the article */
  createdAt: Date
}

/** The article locked against revisions, corrections and deletion, with its facts; null when there is none. */
export async function lockArticle(sql: SqlTransaction, articleId: string): Promise<ArticleFacts | null> {
  const [row] = await sql.query<ArticleFacts>(Prisma.sql`
    SELECT id, url, text, published_at AS "publishedAt", created_at AS "createdAt"
    FROM article WHERE id = ${articleId}::uuid FOR UPDATE`)
  return row ?? null
}

/**
 * The speaker the article names for each of its extracted quotes, resolved (and learnt) as an ingest of
 * it resolves them; null for a quote it names nobody for, one an editor replaced the speaker of or left
 * out (`corrected`), whose mention is not looked up: the article's mention of it was wrong.
 */
export async function speakersArticleNames(
  sql: SqlTransaction,
  text: string,
  quotes: readonly ExtractedQuote[],
  corrected: readonly CorrectedQuote[],
): Promise<Array<string | null>> {
  const speakerKey = (speaker: NonNullable<ExtractedQuote['speaker']>) => `${speaker.kind}:${nameKey(speaker.name)}`
  // Each speaker once, in one order (by key) for every ingest: concurrent ingests naming the same
  // speakers then take their row locks in the same order and cannot deadlock on them.
  const firstMentions = new Map<string, ExtractedQuote>()
  quotes.forEach((quote, position) => {
    // Only a speaker the article names is shared across articles: "he" or "a spokesman" is someone else each time.
    const correction = corrected[position]!
    if (!correction.kept || correction.speakerId !== null) return
    if (quote.speaker?.named && !firstMentions.has(speakerKey(quote.speaker))) {
      firstMentions.set(speakerKey(quote.speaker), quote)
    }
  })
  const mentions = [...firstMentions].sort(([x], [y]) => (x < y ? -1 : 1))
  const resolved =
    mentions.length > 0
      ? await resolveSpeakers(
          sql,
          mentions.map(([, quote]) => {
            const { name, title, kind, resolvedBy, mention } = quote.speaker!
            // A pronoun or a description next to the quote ("he", "the spokesman") is never an alias.
            const namesThem = resolvedBy === 'name' || resolvedBy === 'surname' || resolvedBy === 'organisation'
            const mentionText = namesThem && mention ? text.slice(mention[0], mention[1]) : null
            return { name, title, kind, mentionText }
          }),
        )
      : []
  const speakerIds = new Map(mentions.map(([key], n) => [key, resolved[n]!]))
  return quotes.map((quote, position) => {
    const correction = corrected[position]!
    if (!correction.kept || correction.speakerId !== null || !quote.speaker) return null
    return speakerIds.get(speakerKey(quote.speaker)) ?? null
  })
}

/**
 * What an article says the speakers it names hold, each once: evidence for other articles' quotes
 * described only by those offices. `speakerIds` are the speakers it names, by quote (speakersArticleNames).
 */
export function officesHeld(
  quotes: readonly ExtractedQuote[],
  speakerIds: ReadonlyArray<string | null>,
): Array<Office & { speakerId: string }> {
  const held = new Map<string, Office & { speakerId: string }>()
  quotes.forEach((quote, position) => {
    const speakerId = speakerIds[position]
    if (!speakerId || !quote.speaker?.named) return
    for (const office of quote.speaker.offices)
      held.set(JSON.stringify([speakerId, office.role, office.qualifiers]), { speakerId, ...office })
  })
  return [...held.values()]
}

/** What replacing an article's quotes changed, for the passes after the commit (inferSpeakers). */
export interface ReplacedQuotes {
  /** the claims the article's quotes started or refounded */
  claims: CreatedClaim[]
  /** the offices the article recorded before and records now (office-holders.ts) */
  offices: HeldOffice[]
}

/**
 * Replaces an article's quotes with those extracted from its current text, resolving each speaker,
 * records the offices it says they hold, and regroups the claims they join or leave. Called inside the
 * ingest transaction, so readers see the old quotes and claims or the new, never a mix.
 */
export async function replaceArticleQuotes(
  sql: SqlTransaction,
  article: ArticleFacts,
  quotes: ExtractedQuote[],
  /** false for an article stored in this transaction: it has no quotes yet to look up */
  replacing: boolean,
): Promise<ReplacedQuotes> {
  const { id: articleId, text } = article
  // Editors' corrections hold whenever the article's quotes are written: words they declared no quotation
  // are left out, and a speaker they gave replaces the one read. An article stored in this transaction has
  // none, so a new article's ingest does not look.
  const corrections = replacing
    ? await sql.query<QuoteCorrection>(Prisma.sql`
        SELECT text, occurrence, speaker_id AS "speakerId", not_quotation AS "notQuotation"
        FROM quote_correction WHERE article_id = ${articleId}::uuid`)
    : []
  const corrected = applyQuoteCorrections(
    quotes.map((quote) => quote.text),
    corrections,
  )
  const mentionTextOf = (quote: ExtractedQuote) =>
    quote.speaker?.mention ? text.slice(quote.speaker.mention[0], quote.speaker.mention[1]) : null
  const readSpeakers = await speakersArticleNames(sql, text, quotes, corrected)
  const rows = quotes.flatMap((quote, position) => {
    const correction = corrected[position]!
    if (!correction.kept) return []
    const speaker = quote.speaker
    const read = readSpeakers[position]!
    // A speaker the article only describes keeps the office it is described by, to find its holder by.
    const described = speaker && !speaker.named ? (speaker.offices[0] ?? null) : null
    return {
      position,
      occurrence: correction.occurrence,
      orderKey: makeOrderKey({ publishedAt: article.publishedAt, url: article.url, position }),
      speakerId: correction.speakerId ?? read,
      speakerCorrected: correction.speakerId !== null,
      text: quote.text,
      normalizedText: searchKey(quote.text),
      shingles: `{${wordShingles(matchingWords(quote.text)).join(',')}}`,
      spans: JSON.stringify(quote.spans),
      mention: speaker?.mention ?? null,
      mentionText: mentionTextOf(quote),
      resolution: speaker?.resolvedBy ?? null,
      cue: quote.cue,
      kind: quote.kind,
      via: quote.via,
      confidence: quote.confidence,
      officeRole: described?.role ?? null,
      officeQualifiers: described ? JSON.stringify(described.qualifiers) : null,
    }
  })
  const offices = await recordOffices(sql, articleId, officesHeld(quotes, readSpeakers), replacing)
  const facts = { publishedAt: article.publishedAt, ingestedAt: article.createdAt }
  const previous = replacing
    ? await sql.query<Omit<StoredQuote, 'publishedAt' | 'ingestedAt'>>(Prisma.sql`
        SELECT q.id, q.speaker_id AS "speakerId", q.text, q.spans, q.article_id AS "articleId", q.order_key AS "orderKey",
          c.seed_quote_id AS "seedId"
        FROM quote q LEFT JOIN claim c ON c.id = q.claim_id WHERE q.article_id = ${articleId}::uuid`)
    : []
  // Arrays go in as one text each (a Postgres array literal, or JSON): unnest cannot take an array
  // of arrays row by row.
  const inserted =
    rows.length > 0
      ? await sql.query<Omit<StoredQuote, 'publishedAt' | 'ingestedAt' | 'seedId'>>(
          Prisma.sql`
          INSERT INTO quote (article_id, position, occurrence, speaker_corrected, order_key, speaker_id, text,
            normalized_text, words, word_count,
            shingles, spans,
            speaker_mention_start, speaker_mention_end, speaker_mention_text, speaker_resolution, cue, cue_start, cue_end,
            kind, via, confidence, office_role, office_qualifiers)
          SELECT ${articleId}::uuid, u.position, u.occurrence, u.speaker_corrected, u.order_key, u.speaker_id, u.text,
            u.normalized_text,
            word_hashes(u.normalized_text), cardinality(string_to_array(u.normalized_text, ' ')), u.shingles::bigint[], u.spans::jsonb, u.mention_start, u.mention_end, u.mention_text,
            u.resolution::"SpeakerResolution", u.cue, u.cue_start, u.cue_end, u.kind::"QuoteKind", u.via, u.confidence,
            u.office_role, CASE WHEN u.office_qualifiers IS NOT NULL THEN ARRAY(SELECT jsonb_array_elements_text(u.office_qualifiers::jsonb)) END
          FROM unnest(${rows.map((r) => r.position)}::int[], ${rows.map((r) => r.occurrence)}::int[],
            ${rows.map((r) => r.speakerCorrected)}::boolean[], ${rows.map((r) => r.orderKey)}::text[],
            ${rows.map((r) => r.speakerId)}::uuid[], ${rows.map((r) => r.text)}::text[],
            ${rows.map((r) => r.normalizedText)}::text[], ${rows.map((r) => r.shingles)}::text[],
            ${rows.map((r) => r.spans)}::text[], ${rows.map((r) => r.mention?.[0] ?? null)}::int[],
            ${rows.map((r) => r.mention?.[1] ?? null)}::int[], ${rows.map((r) => r.mentionText)}::text[],
            ${rows.map((r) => r.resolution)}::text[], ${rows.map((r) => r.cue?.text ?? null)}::text[],
            ${rows.map((r) => r.cue?.span[0] ?? null)}::int[], ${rows.map((r) => r.cue?.span[1] ?? null)}::int[],
            ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.via)}::text[],
            ${rows.map((r) => r.confidence)}::float8[], ${rows.map((r) => r.officeRole)}::text[],
            ${rows.map((r) => r.officeQualifiers)}::text[])
            AS u(position, occurrence, speaker_corrected, order_key, speaker_id, text, normalized_text, shingles, spans, mention_start, mention_end,
              mention_text, resolution, cue, cue_start, cue_end, kind, via, confidence, office_role, office_qualifiers)
          RETURNING id, speaker_id AS "speakerId", text, spans, article_id AS "articleId", order_key AS "orderKey"`,
          { prepared: true },
        )
      : []
  const claims = await regroupClaims(
    sql,
    inserted.map((quote) => ({ ...quote, ...facts, seedId: null })),
    previous.map((quote) => ({ ...quote, ...facts })),
  )
  return { claims, offices }
}
