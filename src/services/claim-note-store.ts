import type { SqlTransaction } from '../db/database.js'
import { Prisma } from '../generated/prisma/client.js'
import type { ClaimNoteResource } from '../schemas/claim-notes.js'
import { describeActor } from './audit.js'

/**
 * The claim_note table's reads and their mapping to the resource: what a claim's standing note is (the
 * latest not withdrawn) is said here once, for the claim read, the ClaimReview, claims:search and the
 * note routes (claim-notes.ts).
 */

/** A note as the SQL below returns it: JSON, so that the claim read can carry it in its one query. */
export interface NoteJson {
  id: string
  claimId: string
  verdict: string
  explanation: string | null
  actor: string
  actorKeyName: string | null
  createdAt: string
  withdrawnAt: string | null
  withdrawnBy: string | null
  withdrawnKeyName: string | null
}

const NOTE_JSON = Prisma.sql`json_build_object('id', n.id, 'claimId', n.claim_id, 'verdict', n.verdict,
  'explanation', n.explanation, 'actor', n.actor, 'actorKeyName', ka.name, 'createdAt', n.created_at,
  'withdrawnAt', n.withdrawn_at, 'withdrawnBy', n.withdrawn_by, 'withdrawnKeyName', kw.name)`

// Who wrote and who withdrew a note, by the stored key's name where a key did.
const NOTE_FROM = Prisma.sql`claim_note n
  LEFT JOIN api_key ka ON n.actor = 'key:' || ka.id::text
  LEFT JOIN api_key kw ON n.withdrawn_by = 'key:' || kw.id::text`

/** The claim's standing note as JSON (null when none), for the claim given as a column of the outer query. */
export const currentNoteJson = (claimId: Prisma.Sql): Prisma.Sql => Prisma.sql`(SELECT ${NOTE_JSON} FROM ${NOTE_FROM}
  WHERE n.claim_id = ${claimId} AND n.withdrawn_at IS NULL ORDER BY n.seq DESC LIMIT 1)`

export function toNoteResource(note: NoteJson): ClaimNoteResource {
  return {
    id: note.id,
    claimId: note.claimId,
    verdict: note.verdict,
    explanation: note.explanation,
    author: describeActor(note.actor, note.actorKeyName),
    createdAt: new Date(note.createdAt).toISOString(),
    withdrawn:
      note.withdrawnAt === null
        ? null
        : {
            by: describeActor(note.withdrawnBy as string, note.withdrawnKeyName),
            at: new Date(note.withdrawnAt).toISOString(),
          },
  }
}

type Query = Pick<SqlTransaction, 'query'>

/** The standing notes of these claims, by claim id; a claim without one is absent. */
export async function currentNotes(sql: Query, claimIds: readonly string[]): Promise<Map<string, ClaimNoteResource>> {
  if (claimIds.length === 0) return new Map()
  const rows = await sql.query<{ note: NoteJson | null }>(Prisma.sql`
    SELECT ${currentNoteJson(Prisma.sql`c.id`)} AS note FROM unnest(${claimIds}::uuid[]) AS c(id)`)
  const notes = rows.flatMap(({ note }) => (note ? [toNoteResource(note)] : []))
  return new Map(notes.map((note) => [note.claimId, note]))
}

export async function readNote(sql: Query, id: string): Promise<ClaimNoteResource> {
  const [row] = await sql.query<{ note: NoteJson }>(Prisma.sql`
    SELECT ${NOTE_JSON} AS note FROM ${NOTE_FROM} WHERE n.id = ${id}::uuid`)
  return toNoteResource((row as { note: NoteJson }).note)
}
