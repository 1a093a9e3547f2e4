import { rolesCoveredBy, rolesCovering, type Office } from '../domain/extraction/index.js'
import { Prisma } from '../generated/prisma/client.js'
import type { SqlTransaction } from '../db/database.js'
import {
  lockSpeakerChanges,
  regroupClaims,
  STORED_QUOTE_COLUMNS,
  type CreatedClaim,
  type StoredQuote,
} from './claim-grouping.js'

/**
 * Speakers found by the office an article describes them by. "Mexico's president said" names nobody in
 * its own article; but other articles name the person who held that office then ("Mexican President
 * Jane Roe"). When the stored articles published within OFFICE_WINDOW_DAYS of the quote's article name
 * exactly one holder of the office described (holdsOffice: a role covering theirs, qualified by nothing
 * their title does not say), the quote takes that holder as its speaker, marked as inferred by office.
 * When a second holder appears (a successor, or two people with the same title), the link is withdrawn:
 * the description no longer says who. Only qualified offices count: "the president" or "a spokesman"
 * is a different person in every article (officeOf in src/domain/extraction/offices.ts).
 *
 * Like the inference from a claim's words (unattributed.ts), it runs from both ends after the ingest's
 * commit: an article's described quotes look for holders, and the offices an ingest records or drops
 * look for the described quotes they hold. The outcome is a function of the stored articles, whatever
 * order they came in. An office link comes before the words: a described quote linked by office is
 * not re-placed by the words it shares with another speaker's claim.
 */

/**
 * How far apart in publication two articles may be for one's holder to be the other's described
 * speaker: offices change hands over years, and a change within the window leaves two holders, so no
 * link. An article with no date is compared with every date.
 */
export const OFFICE_WINDOW_DAYS = 365

/** An office an article says a speaker holds, as stored (speaker_office), with the article's date. */
export interface HeldOffice extends Office {
  speakerId: string
  publishedAt: Date | null
}

/** A quote described by an office, as the pass reads it. */
interface DescribedRow extends StoredQuote {
  officeRole: string
  officeQualifiers: string[]
  byOffice: boolean
}

const DESCRIBED_COLUMNS = Prisma.sql`${STORED_QUOTE_COLUMNS}, q.speaker_inferred AS inferred,
  q.office_role AS "officeRole", q.office_qualifiers AS "officeQualifiers", q.speaker_by_office AS "byOffice"`

/** `held` was published close enough to `described` for its holder to be the one described. */
const withinWindow = (held: Prisma.Sql, described: Prisma.Sql) => Prisma.sql`(${held} IS NULL OR ${described} IS NULL
  OR ${held} BETWEEN ${described} - make_interval(days => ${OFFICE_WINDOW_DAYS}) AND ${described} + make_interval(days => ${OFFICE_WINDOW_DAYS}))`

/**
 * Replaces the offices an article records with those its quotes' named speakers hold now. Returns
 * those it recorded before and those it records now: the evidence that changed, which the described
 * quotes it concerns are decided again by (attributeByOffice, after the commit).
 */
export async function recordOffices(
  sql: SqlTransaction,
  articleId: string,
  offices: ReadonlyArray<Office & { speakerId: string }>,
  /** false for an article stored in this transaction: it has recorded none yet */
  replacing: boolean,
): Promise<HeldOffice[]> {
  const before = !replacing
    ? []
    : await sql.query<HeldOffice>(Prisma.sql`
    DELETE FROM speaker_office o USING article a WHERE o.article_id = ${articleId}::uuid AND a.id = o.article_id
    RETURNING o.speaker_id AS "speakerId", o.role, o.qualifiers, a.published_at AS "publishedAt"`)
  const now =
    offices.length === 0
      ? []
      : await sql.query<HeldOffice>(Prisma.sql`
    INSERT INTO speaker_office (article_id, speaker_id, role, qualifiers)
    SELECT ${articleId}::uuid, u.speaker_id, u.role, ARRAY(SELECT jsonb_array_elements_text(u.qualifiers::jsonb))
    FROM unnest(${offices.map((o) => o.speakerId)}::uuid[], ${offices.map((o) => o.role)}::text[],
      ${offices.map((o) => JSON.stringify(o.qualifiers))}::text[]) AS u(speaker_id, role, qualifiers)
    ON CONFLICT DO NOTHING
    RETURNING speaker_id AS "speakerId", role, qualifiers,
      (SELECT published_at FROM article WHERE id = ${articleId}::uuid) AS "publishedAt"`)
  return [...before, ...now]
}

/**
 * The speakers the stored articles name as holding what a described quote's office says, within the
 * window of its article's date: one list per quote id.
 */
export async function holdersOf(
  sql: SqlTransaction,
  described: ReadonlyArray<{ id: string; office: Office; publishedAt: Date | null }>,
): Promise<Map<string, string[]>> {
  if (described.length === 0) return new Map()
  const keys = described.map(({ id, office, publishedAt }) => ({
    quote: id,
    roles: rolesCoveredBy(office.role),
    qualifiers: office.qualifiers,
    published_at: publishedAt,
  }))
  const rows = await sql.query<{ quote: string; holders: string[] }>(Prisma.sql`
    SELECT k.quote, array_agg(DISTINCT o.speaker_id ORDER BY o.speaker_id) AS holders
    FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(quote uuid, roles text[], qualifiers text[], published_at timestamptz)
    JOIN speaker_office o ON o.role = ANY(k.roles) AND o.qualifiers @> k.qualifiers
    JOIN article a ON a.id = o.article_id
    WHERE ${withinWindow(Prisma.sql`a.published_at`, Prisma.sql`k.published_at`)}
    GROUP BY k.quote`)
  return new Map(rows.map((row) => [row.quote, row.holders]))
}

/** The described quotes, not given a speaker by an editor, that changed evidence of these offices concerns. */
async function describedHeldBy(sql: SqlTransaction, offices: readonly HeldOffice[]): Promise<DescribedRow[]> {
  if (offices.length === 0) return []
  const keys = offices.map((office) => ({
    roles: rolesCovering(office.role),
    qualifiers: office.qualifiers,
    published_at: office.publishedAt,
  }))
  // One probe of the described-role index per role, and the article's date by key: as a plain join the
  // planner scanned every quote and article for each ingest (88 ms at 13k quotes, growing with the corpus).
  // OFFSET 0 keeps the probe a subquery run per role instead of a join the planner may reorder.
  return sql.query<DescribedRow>(Prisma.sql`
    WITH hit AS MATERIALIZED (
      SELECT DISTINCT d.id
      FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(roles text[], qualifiers text[], published_at timestamptz)
      CROSS JOIN LATERAL unnest(k.roles) AS r(role)
      CROSS JOIN LATERAL (
        SELECT q.id FROM quote q
        CROSS JOIN LATERAL (SELECT a.published_at FROM article a WHERE a.id = q.article_id LIMIT 1) AS a
        WHERE q.office_role = r.role AND k.qualifiers @> q.office_qualifiers AND NOT q.speaker_corrected
          AND ${withinWindow(Prisma.sql`k.published_at`, Prisma.sql`a.published_at`)}
        OFFSET 0) AS d
    )
    SELECT ${DESCRIBED_COLUMNS} FROM hit JOIN quote q ON q.id = hit.id JOIN article a ON a.id = q.article_id`)
}

async function describedIn(sql: SqlTransaction, articleId: string): Promise<DescribedRow[]> {
  return sql.query<DescribedRow>(Prisma.sql`
    SELECT ${DESCRIBED_COLUMNS} FROM quote q JOIN article a ON a.id = q.article_id
    WHERE q.article_id = ${articleId}::uuid AND q.office_role IS NOT NULL AND NOT q.speaker_corrected`)
}

/** What the pass changed: the claims the quotes it moved are in now, and the quotes it let go. */
export interface OfficeOutcome {
  claims: CreatedClaim[]
  /** quotes whose office no longer names one holder: unattributed again, for the words to place */
  released: string[]
}

/**
 * Decides again the speaker of an article's described quotes and of those the changed offices
 * concern, and regroups the claims of the speakers they leave and join.
 */
export async function attributeByOffice(
  sql: SqlTransaction,
  scope: { articleId?: string; offices: readonly HeldOffice[] },
): Promise<OfficeOutcome> {
  const read = [
    ...(scope.articleId === undefined ? [] : await describedIn(sql, scope.articleId)),
    ...(await describedHeldBy(sql, scope.offices)),
  ]
  const quotes = [...new Map(read.map((quote) => [quote.id, quote])).values()]
  if (quotes.length === 0) return { claims: [], released: [] }
  const holders = await holdersOf(
    sql,
    quotes.map((quote) => ({
      id: quote.id,
      office: { role: quote.officeRole, qualifiers: quote.officeQualifiers },
      publishedAt: quote.publishedAt,
    })),
  )
  const links: Array<{ quote: DescribedRow; speakerId: string }> = []
  const releases: DescribedRow[] = []
  for (const quote of quotes) {
    const named = holders.get(quote.id) ?? []
    if (named.length === 1) {
      if (!quote.byOffice || quote.speakerId !== named[0]) links.push({ quote, speakerId: named[0] as string })
    } else if (quote.byOffice) releases.push(quote)
  }
  await lockSpeakerChanges(sql, [
    ...links.map((l) => ({ id: l.quote.id, was: l.quote.speakerId, to: l.speakerId })),
    ...releases.map((quote) => ({ id: quote.id, was: quote.speakerId, to: null })),
  ])
  // Only a quote still as it was read is changed: a concurrent run may have decided it meanwhile.
  const linked =
    links.length === 0
      ? []
      : await sql.query<{ id: string; speakerId: string }>(Prisma.sql`
    UPDATE quote q SET speaker_id = u.speaker, speaker_inferred = true, speaker_by_office = true
    FROM unnest(${links.map((l) => l.quote.id)}::uuid[], ${links.map((l) => l.speakerId)}::uuid[],
      ${links.map((l) => l.quote.speakerId)}::uuid[]) AS u(id, speaker, was)
    WHERE q.id = u.id AND q.speaker_id IS NOT DISTINCT FROM u.was AND NOT q.speaker_corrected
    RETURNING q.id, q.speaker_id AS "speakerId"`)
  const released =
    releases.length === 0
      ? []
      : await sql.query<{ id: string }>(Prisma.sql`
    UPDATE quote q SET speaker_id = NULL, speaker_inferred = false, speaker_by_office = false
    FROM unnest(${releases.map((quote) => quote.id)}::uuid[], ${releases.map((quote) => quote.speakerId)}::uuid[])
      AS u(id, was)
    WHERE q.id = u.id AND q.speaker_id IS NOT DISTINCT FROM u.was AND q.speaker_by_office
    RETURNING q.id`)
  const byId = new Map(quotes.map((quote) => [quote.id, quote]))
  const before = (id: string): StoredQuote => byId.get(id) as StoredQuote
  // A quote that had a speaker moves (in both lists): the claims it leaves pass their ids on.
  const moved = linked.map(({ id, speakerId }) => ({ ...before(id), speakerId, seedId: null, inferred: true }))
  const claims = [
    ...(released.length > 0
      ? await regroupClaims(
          sql,
          [],
          released.map(({ id }) => before(id)),
          { keepRemoved: true },
        )
      : []),
    ...(moved.length > 0
      ? await regroupClaims(
          sql,
          moved,
          moved.map((quote) => before(quote.id)).filter((quote) => quote.speakerId !== null),
        )
      : []),
  ]
  return { claims, released: released.map(({ id }) => id) }
}

/**
 * Gives a merged speaker's offices to the speaker it was merged into. Returns them as held now: where
 * both held one, the described quotes its two holders left undecided may now have one.
 */
export async function moveOffices(sql: SqlTransaction, fromId: string, toId: string): Promise<HeldOffice[]> {
  return sql.query<HeldOffice>(Prisma.sql`
    WITH moved AS (
      DELETE FROM speaker_office WHERE speaker_id = ${fromId}::uuid RETURNING article_id, role, qualifiers
    ), kept AS (
      INSERT INTO speaker_office (article_id, speaker_id, role, qualifiers)
      SELECT article_id, ${toId}::uuid, role, qualifiers FROM moved
      ON CONFLICT DO NOTHING
    )
    SELECT ${toId}::uuid AS "speakerId", m.role, m.qualifiers, a.published_at AS "publishedAt"
    FROM moved m JOIN article a ON a.id = m.article_id`)
}

/** How a quote's speaker was inferred, as the API says it (SpeakerInference): by office, by words, or not. */
export function speakerInference(inferred: boolean, byOffice: boolean): 'wording' | 'office' | null {
  if (!inferred) return null
  return byOffice ? 'office' : 'wording'
}
