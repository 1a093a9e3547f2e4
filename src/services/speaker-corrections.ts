import type { Database, SqlTransaction } from '../db/database.js'
import { nameKey, slugify } from '../domain/speaker-identity.js'
import { Prisma } from '../generated/prisma/client.js'
import { HttpProblem, notFound } from '../http/problem.js'
import type { SpeakerResource } from '../schemas/resources.js'
import { retried } from './articles.js'
import { recordAuditEvent, type Editor } from './audit.js'
import { readSpeaker } from './catalog.js'
import { lockSpeakerNames } from './quotes.js'

/**
 * Editors' corrections of speakers: a name, title, description or Wikidata id set by hand, and aliases
 * added or removed. Each is kept as a fact ingestion respects (quotes.ts, resolveSpeakers): a name an
 * editor gave is not replaced by a fuller one an article prints, an alias added is how later articles
 * find the speaker, and an alias removed is not learnt again. The speaker's quotes keep their speaker:
 * one printed under a wrong name is corrected on the quote (corrections.ts).
 */

export interface SpeakerChange {
  name?: string
  title?: string | null
  description?: string | null
  wikidataId?: string | null
}

/**
 * The speaker locked against other corrections and against ingestion, which resolves names to speakers
 * under the names' locks and may rename the row: the names this change touches are locked first, as
 * ingestion takes them (so that an alias removed is not learnt again by an ingest that looked before the
 * removal committed), then the row. 404 when there is no such speaker.
 */
async function lockSpeaker(sql: SqlTransaction, id: string, names: readonly string[]): Promise<SpeakerResource> {
  const [kind] = await sql.query<{ kind: 'person' | 'organisation' }>(Prisma.sql`
    SELECT kind::text AS kind FROM speaker WHERE id = ${id}::uuid`)
  if (!kind) throw notFound('speaker', id)
  await lockSpeakerNames(
    sql,
    names.map((name) => ({ name, kind: kind.kind })),
  )
  await sql.query(Prisma.sql`SELECT id FROM speaker WHERE id = ${id}::uuid FOR UPDATE`)
  return readSpeaker(sql, id)
}

/** Adds an alias (the speaker's own, whatever an earlier editor removed) and lifts any block on it. */
async function addAlias(sql: SqlTransaction, speakerId: string, alias: string): Promise<void> {
  const key = nameKey(alias)
  await sql.query(Prisma.sql`
    WITH lifted AS (DELETE FROM speaker_alias_block WHERE speaker_id = ${speakerId}::uuid AND alias_key = ${key})
    INSERT INTO speaker_alias (speaker_id, alias, alias_key) VALUES (${speakerId}::uuid, ${alias}, ${key})
    ON CONFLICT (speaker_id, alias_key) DO NOTHING`)
}

export async function updateSpeaker(
  db: Pick<Database, 'transaction'>,
  id: string,
  change: SpeakerChange,
  who: Editor,
): Promise<SpeakerResource> {
  return retried(() =>
    db.transaction(async (sql) => {
      const before = await lockSpeaker(sql, id, change.name === undefined ? [] : [change.name])
      if (change.wikidataId) {
        const [holder] = await sql.query<{ id: string; name: string }>(Prisma.sql`
          SELECT id, name FROM speaker WHERE wikidata_id = ${change.wikidataId} AND id <> ${id}::uuid`)
        if (holder) {
          throw new HttpProblem(
            'conflict',
            `${change.wikidataId} is the Wikidata id of ${holder.name} (${holder.id}); one person, one speaker`,
            [{ in: 'body', field: '/wikidataId', message: 'belongs to another speaker' }],
          )
        }
      }
      // The slug is the registry's key for a name (ingestion makes one speaker per slug): it follows the
      // name, so that the old name, once an editor removes it as an alias, finds this speaker no more.
      const slug = change.name === undefined ? undefined : slugify(change.name)
      if (slug !== undefined) {
        const [namesake] = await sql.query<{ id: string; name: string }>(Prisma.sql`
          SELECT id, name FROM speaker WHERE slug = ${slug} AND id <> ${id}::uuid`)
        if (namesake) {
          throw new HttpProblem('conflict', `${namesake.name} (${namesake.id}) goes by that name already`, [
            { in: 'body', field: '/name', message: 'is another speaker’s name' },
          ])
        }
      }
      const set = (column: string, value: string | null | undefined) =>
        value === undefined ? [] : [Prisma.sql`${Prisma.raw(column)} = ${value}`]
      const assignments = [
        ...set('name', change.name),
        ...set('slug', slug),
        ...(change.name === undefined ? [] : [Prisma.sql`name_corrected = true`]),
        ...set('title', change.title),
        ...set('description', change.description),
        ...set('wikidata_id', change.wikidataId),
        Prisma.sql`updated_at = now()`,
      ]
      await sql.query(Prisma.sql`UPDATE speaker SET ${Prisma.join(assignments)} WHERE id = ${id}::uuid`)
      // The new name is how articles will print it: later ones find the speaker by it.
      if (change.name !== undefined) await addAlias(sql, id, change.name)
      const after = await readSpeaker(sql, id)
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: 'speaker.updated',
        entityType: 'speaker',
        entityId: id,
        before,
        after,
        reason: who.reason,
        details: { fields: Object.keys(change) },
      })
      return after
    }),
  )
}

export async function addSpeakerAlias(
  db: Pick<Database, 'transaction'>,
  id: string,
  alias: string,
  who: Editor,
): Promise<{ speaker: SpeakerResource; added: boolean }> {
  return retried(() =>
    db.transaction(async (sql) => {
      const before = await lockSpeaker(sql, id, [alias])
      const added = !before.aliases.some((known) => nameKey(known) === nameKey(alias))
      await addAlias(sql, id, alias)
      const after = await readSpeaker(sql, id)
      if (added) {
        await recordAuditEvent(sql, {
          actor: who.actor,
          action: 'speaker.alias-added',
          entityType: 'speaker',
          entityId: id,
          before,
          after,
          reason: who.reason,
          details: { alias },
        })
      }
      return { speaker: after, added }
    }),
  )
}

export async function removeSpeakerAlias(
  db: Pick<Database, 'transaction'>,
  id: string,
  alias: string,
  who: Editor,
): Promise<SpeakerResource> {
  return retried(() =>
    db.transaction(async (sql) => {
      const before = await lockSpeaker(sql, id, [alias])
      const key = nameKey(alias)
      if (key === nameKey(before.name)) {
        throw new HttpProblem(
          'conflict',
          `"${alias}" is the speaker's name: rename the speaker (PATCH /v1/speakers/{id}) before removing it`,
        )
      }
      const [removed] = await sql.query<{ alias: string }>(Prisma.sql`
        DELETE FROM speaker_alias WHERE speaker_id = ${id}::uuid AND alias_key = ${key} RETURNING alias`)
      if (!removed) throw new HttpProblem('not-found', `speaker ${id} has no alias "${alias}"`)
      await sql.query(Prisma.sql`
        INSERT INTO speaker_alias_block (speaker_id, alias_key, alias, actor)
        VALUES (${id}::uuid, ${key}, ${removed.alias}, ${who.actor})
        ON CONFLICT (speaker_id, alias_key) DO NOTHING`)
      const after = await readSpeaker(sql, id)
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: 'speaker.alias-removed',
        entityType: 'speaker',
        entityId: id,
        before,
        after,
        reason: who.reason,
        details: { alias: removed.alias },
      })
      return after
    }),
  )
}
