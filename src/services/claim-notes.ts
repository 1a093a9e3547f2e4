import type { Database, SqlTransaction } from '../db/database.js'
import { Prisma } from '../generated/prisma/client.js'
import { HttpProblem } from '../http/problem.js'
import type { ClaimNoteResource } from '../schemas/claim-notes.js'
import { retried } from './articles.js'
import { recordAuditEvent } from './audit.js'
import { currentNotes, readNote } from './claim-note-store.js'
import { retiredClaimIn } from './claims.js'

/**
 * Editors' notes on claims: a verdict on how a claim was reported, and why. Notes are kept, never
 * overwritten: a claim's note is the latest one not withdrawn (claim-note-store.ts says so, once), setting a
 * note adds one, withdrawing marks every standing one, and when claims merge the merged claim's notes
 * move to the survivor (claim-grouping.ts, retireClaims). Every change is on the audit trail.
 */

const noteLocation = (claimId: string) => `/v1/claims/${claimId}/note`

/**
 * The claim locked against regrouping for the rest of the transaction, by the update that records the
 * change on it (its updatedAt, and so its ClaimReview's dateModified): a merge that retires it waits,
 * and then moves the note written here to the survivor. A claim merged away or removed already is
 * answered as the claim's own routes answer it (308 to the survivor's note, 410).
 */
async function lockClaim(sql: SqlTransaction, claimId: string): Promise<void> {
  const [claim] = await sql.query<{ id: string }>(Prisma.sql`
    UPDATE claim SET updated_at = CURRENT_TIMESTAMP WHERE id = ${claimId}::uuid RETURNING id`)
  if (!claim) throw await retiredClaimIn(sql, claimId, noteLocation)
}

export interface NoteChange {
  verdict: string
  explanation: string | null
}

export interface Who {
  actor: string
  reason: string | null
}

const noNote = (claimId: string) => new HttpProblem('not-found', `claim ${claimId} has no note`)

/** The claim's standing note; a 404 problem when it has none. A removed claim's notes are kept, not shown. */
export async function getClaimNote(db: Pick<Database, 'transaction'>, claimId: string): Promise<ClaimNoteResource> {
  return db.transaction(async (sql) => {
    const [claim] = await sql.query<{ id: string }>(Prisma.sql`SELECT id FROM claim WHERE id = ${claimId}::uuid`)
    if (!claim) throw await retiredClaimIn(sql, claimId, noteLocation)
    const note = (await currentNotes(sql, [claimId])).get(claimId)
    if (!note) throw noNote(claimId)
    return note
  })
}

/** Gives the claim a new note, which stands until another is given or it is withdrawn. */
export async function setClaimNote(
  db: Pick<Database, 'transaction'>,
  claimId: string,
  change: NoteChange,
  who: Who,
): Promise<{ note: ClaimNoteResource; replaced: ClaimNoteResource | null }> {
  return retried(() =>
    db.transaction(async (sql) => {
      await lockClaim(sql, claimId)
      const replaced = (await currentNotes(sql, [claimId])).get(claimId) ?? null
      const [inserted] = await sql.query<{ id: string }>(Prisma.sql`
        INSERT INTO claim_note (claim_id, verdict, explanation, actor)
        VALUES (${claimId}::uuid, ${change.verdict}, ${change.explanation}, ${who.actor}) RETURNING id`)
      const note = await readNote(sql, (inserted as { id: string }).id)
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: 'claim-note.set',
        entityType: 'claim',
        entityId: claimId,
        before: replaced,
        after: note,
        reason: who.reason,
        details: null,
      })
      return { note, replaced }
    }),
  )
}

/** Withdraws the claim's note (every note standing on it, after a merge brought several): it then has none. */
export async function withdrawClaimNote(
  db: Pick<Database, 'transaction'>,
  claimId: string,
  who: Who,
): Promise<ClaimNoteResource> {
  return retried(() =>
    db.transaction(async (sql) => {
      await lockClaim(sql, claimId)
      const standing = (await currentNotes(sql, [claimId])).get(claimId)
      if (!standing) throw noNote(claimId)
      const withdrawnIds = await sql.query<{ id: string }>(Prisma.sql`
        UPDATE claim_note SET withdrawn_at = CURRENT_TIMESTAMP, withdrawn_by = ${who.actor}
        WHERE claim_id = ${claimId}::uuid AND withdrawn_at IS NULL RETURNING id`)
      const withdrawn = await readNote(sql, standing.id)
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: 'claim-note.withdrawn',
        entityType: 'claim',
        entityId: claimId,
        before: standing,
        after: null,
        reason: who.reason,
        // Every note standing on the claim is withdrawn: those a merge brought as well as the one shown.
        details: { withdrawn: withdrawnIds.map((row) => row.id) },
      })
      return withdrawn
    }),
  )
}
