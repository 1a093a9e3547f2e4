import type { Database, SqlTransaction } from '../db/database.js'
import { nameKey } from '../domain/speaker-identity.js'
import { Prisma } from '../generated/prisma/client.js'
import { HttpProblem, notFound } from '../http/problem.js'
import type { SpeakerResource } from '../schemas/resources.js'
import { retried } from './articles.js'
import { recordAuditEvent, type Editor } from './audit.js'
import { readSpeaker } from './catalog.js'
import { lockSpeakerClaims, type CreatedClaim } from './claim-grouping.js'
import { moveQuotes } from './quote-moves.js'
import { lockSpeakerNames } from './quotes.js'
import { moveOffices, type HeldOffice } from './office-holders.js'
import { inferSpeakers } from './unattributed.js'

/**
 * An editor merges two speakers that are one person (or one body): the duplicate's quotes, aliases and
 * corrections go to the survivor, and its claims are regrouped with the survivor's as if every quote
 * had been printed under the survivor's name. The quotes keep their ids, so each of the duplicate's
 * claims passes its id to the claim its earliest rendering joins, or redirects there
 * (claim-identity.ts): links to them keep answering. The duplicate's id and slug redirect to the
 * survivor for good (speaker_redirect), for readers and for ingestion, which finds the survivor by
 * every name the duplicate had.
 */

/** A speaker's kind and every name it goes by: what ingestion locks to resolve any of them. */
interface SpeakerNames {
  id: string
  kind: 'person' | 'organisation'
  names: string[]
}

async function speakerNames(sql: SqlTransaction, id: string): Promise<SpeakerNames | null> {
  const [row] = await sql.query<SpeakerNames>(Prisma.sql`
    SELECT s.id, s.kind::text AS kind,
      array_append(ARRAY(SELECT a.alias FROM speaker_alias a WHERE a.speaker_id = s.id ORDER BY a.alias), s.name) AS names
    FROM speaker s WHERE s.id = ${id}::uuid`)
  return row ?? null
}

/** Where a merged speaker's id points now; null for an id that was never merged. */
async function mergedInto(sql: SqlTransaction, id: string): Promise<string | null> {
  const [row] = await sql.query<{ to_id: string }>(
    Prisma.sql`SELECT to_id FROM speaker_redirect WHERE from_id = ${id}::uuid`,
  )
  return row?.to_id ?? null
}

/**
 * Both speakers, locked against ingestion and other corrections: the names first (every name either
 * goes by, as ingestion locks a name before resolving it), then the rows in id order, then their
 * claims' grouping (as an ingest locks a speaker's claims after resolving its names).
 */
async function lockPair(
  sql: SqlTransaction,
  survivorId: string,
  duplicateId: string,
): Promise<{ survivor: SpeakerResource; duplicate: SpeakerResource } | { missing: string }> {
  const pair = [await speakerNames(sql, survivorId), await speakerNames(sql, duplicateId)]
  const missing = pair.findIndex((speaker) => speaker === null)
  if (missing >= 0) return { missing: missing === 0 ? survivorId : duplicateId }
  await lockSpeakerNames(
    sql,
    pair.flatMap((speaker) => speaker!.names.map((name) => ({ name, kind: speaker!.kind }))),
  )
  const locked = await sql.query<{ id: string }>(Prisma.sql`
    SELECT id FROM speaker WHERE id IN (${survivorId}::uuid, ${duplicateId}::uuid) ORDER BY id FOR UPDATE`)
  // A merge of one of them committed while this one waited for the locks.
  if (locked.length < 2) return { missing: locked[0]?.id === survivorId ? duplicateId : survivorId }
  await lockSpeakerClaims(sql, [survivorId, duplicateId])
  // Read again under the locks: an ingest may have renamed either, or given it an alias, meanwhile.
  return { survivor: await readSpeaker(sql, survivorId), duplicate: await readSpeaker(sql, duplicateId) }
}

/** Why the two cannot be one speaker, if they cannot. */
function mergeConflict(survivor: SpeakerResource, duplicate: SpeakerResource): HttpProblem | null {
  if (survivor.kind !== duplicate.kind) {
    return new HttpProblem(
      'conflict',
      `${duplicate.name} is ${article(duplicate.kind)} and ${survivor.name} ${article(survivor.kind)}: one speaker is one or the other`,
    )
  }
  if (survivor.wikidataId && duplicate.wikidataId && survivor.wikidataId !== duplicate.wikidataId) {
    return new HttpProblem(
      'conflict',
      `${duplicate.name} is ${duplicate.wikidataId} and ${survivor.name} ${survivor.wikidataId} on Wikidata: two entities, two speakers (clear the wrong Wikidata id first)`,
    )
  }
  return null
}

const article = (kind: SpeakerResource['kind']) => (kind === 'person' ? 'a person' : 'an organisation')

/** Moves the duplicate's quotes to the survivor: claims regroup, their ids follow their renderings. */
async function moveAllQuotes(sql: SqlTransaction, survivorId: string, duplicateId: string): Promise<CreatedClaim[]> {
  const quotes = await sql.query<{ id: string }>(
    Prisma.sql`SELECT id FROM quote WHERE speaker_id = ${duplicateId}::uuid ORDER BY id`,
  )
  const { claims } = await moveQuotes(
    sql,
    quotes.map((quote) => ({ quoteId: quote.id, speakerId: survivorId })),
  )
  return claims
}

/** The duplicate's names, corrections and facts pass to the survivor; its row goes, its id redirects. */
async function absorb(sql: SqlTransaction, survivor: SpeakerResource, duplicate: SpeakerResource): Promise<void> {
  const names = [...new Set([duplicate.name, ...duplicate.aliases])]
  const keys = names.map(nameKey)
  await sql.query(Prisma.sql`
    WITH names AS (SELECT * FROM unnest(${names}::text[], ${keys}::text[]) AS n(alias, key)),
    -- Merging says the duplicate's names are the survivor's: an editor's earlier removal of one of them
    -- from the survivor gives way.
    lifted AS (
      DELETE FROM speaker_alias_block b USING names n WHERE b.speaker_id = ${survivor.id}::uuid AND b.alias_key = n.key
    ), blocked AS (
      -- Names an editor took from the duplicate stay taken from the survivor, unless the survivor goes by them.
      INSERT INTO speaker_alias_block (speaker_id, alias_key, alias, actor)
      SELECT ${survivor.id}::uuid, b.alias_key, b.alias, b.actor FROM speaker_alias_block b
      WHERE b.speaker_id = ${duplicate.id}::uuid AND b.alias_key <> ALL(${keys}::text[])
        AND NOT EXISTS (SELECT FROM speaker_alias a WHERE a.speaker_id = ${survivor.id}::uuid AND a.alias_key = b.alias_key)
      ON CONFLICT DO NOTHING
    ), corrections AS (
      UPDATE quote_correction SET speaker_id = ${survivor.id}::uuid WHERE speaker_id = ${duplicate.id}::uuid
    ), chained AS (
      UPDATE speaker_redirect SET to_id = ${survivor.id}::uuid WHERE to_id = ${duplicate.id}::uuid
    )
    INSERT INTO speaker_alias (speaker_id, alias, alias_key)
    SELECT DISTINCT ON (key) ${survivor.id}::uuid, alias, key FROM names ORDER BY key, alias
    ON CONFLICT (speaker_id, alias_key) DO NOTHING`)
  // The row goes before the survivor takes its Wikidata id, which is unique. Aliases and blocks go with
  // it; a claim left under it (none should be) stops the statement.
  await sql.query(Prisma.sql`DELETE FROM speaker WHERE id = ${duplicate.id}::uuid`)
  // A speaker of the same slug merged before (and split off again, or made anew) hands the slug on: it
  // leads where the latest speaker of that name went.
  await sql.query(Prisma.sql`UPDATE speaker_redirect SET from_slug = NULL WHERE from_slug = ${duplicate.slug}`)
  await sql.query(Prisma.sql`
    INSERT INTO speaker_redirect (from_id, from_slug, to_id) VALUES (${duplicate.id}::uuid, ${duplicate.slug}, ${survivor.id}::uuid)`)
  await sql.query(Prisma.sql`
    UPDATE speaker SET title = COALESCE(title, ${duplicate.title}), description = COALESCE(description, ${duplicate.description}),
      wikidata_id = COALESCE(wikidata_id, ${duplicate.wikidataId}), updated_at = now()
    WHERE id = ${survivor.id}::uuid`)
}

/**
 * What a merge of these two answers when either was merged already: the same merge asked again (a
 * retried request) is done and says so; a merge involving a speaker that is now someone else is a
 * conflict naming who. Null when neither was merged.
 */
async function settledMerge(
  sql: SqlTransaction,
  survivorId: string,
  duplicateId: string,
): Promise<SpeakerResource | null> {
  const survivorGoesTo = await mergedInto(sql, survivorId)
  if (survivorGoesTo !== null) {
    throw new HttpProblem(
      'conflict',
      `speaker ${survivorId} was merged into ${survivorGoesTo}: merge into that speaker`,
    )
  }
  const duplicateGoesTo = await mergedInto(sql, duplicateId)
  if (duplicateGoesTo === null) return null
  if (duplicateGoesTo === survivorId) return readSpeaker(sql, survivorId)
  throw new HttpProblem('conflict', `speaker ${duplicateId} was merged into ${duplicateGoesTo} already`, [
    { in: 'body', field: '/duplicateId', message: 'was merged into another speaker' },
  ])
}

export async function mergeSpeakers(
  db: Pick<Database, 'transaction'>,
  survivorId: string,
  duplicateId: string,
  who: Editor,
): Promise<SpeakerResource> {
  if (survivorId === duplicateId) {
    throw new HttpProblem('conflict', 'a speaker cannot be merged into itself', [
      { in: 'body', field: '/duplicateId', message: 'is the speaker merged into' },
    ])
  }
  let claims: CreatedClaim[] = []
  let offices: HeldOffice[] = []
  const result = await retried(() =>
    db.transaction(async (sql): Promise<SpeakerResource> => {
      claims = []
      offices = []
      const settled = await settledMerge(sql, survivorId, duplicateId)
      if (settled) return settled
      const locked = await lockPair(sql, survivorId, duplicateId)
      // One of them is not there: never was, or a merge of it committed since settledMerge looked, which
      // answers now.
      if ('missing' in locked) {
        return (await settledMerge(sql, survivorId, duplicateId)) ?? Promise.reject(notFound('speaker', locked.missing))
      }
      const { survivor, duplicate } = locked
      const conflict = mergeConflict(survivor, duplicate)
      if (conflict) throw conflict
      claims = await moveAllQuotes(sql, survivorId, duplicateId)
      offices = await moveOffices(sql, duplicateId, survivorId)
      await absorb(sql, survivor, duplicate)
      const after = await readSpeaker(sql, survivorId)
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: 'speaker.merged',
        entityType: 'speaker',
        entityId: duplicateId,
        before: duplicate,
        after,
        reason: who.reason,
        details: { survivorId, survivorBefore: survivor },
      })
      return after
    }),
  )
  // After the commit, as after an ingest: claims the regrouping refounded may give speakers to quotes
  // printed without one, and are flagged where other speakers' quotes print their words; offices the
  // two both held may now name one holder.
  if (claims.length > 0 || offices.length > 0) {
    await retried(() => db.transaction((sql) => inferSpeakers(sql, { quotes: [], claims, offices })))
  }
  return result
}
