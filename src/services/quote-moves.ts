import type { SqlTransaction } from '../db/database.js'
import { Prisma } from '../generated/prisma/client.js'
import { claimsHolding, regroupClaims, type CreatedClaim, type StoredQuote } from './claim-grouping.js'

/**
 * Quotes given to another speaker by an editor's change of speakers (a merge, a split), keeping their
 * rows and ids: each leaves its former speaker's claims as it was and joins its new speaker's as it is
 * now, in one regrouping (regroupClaims' moving quotes), so the claims it leaves pass their ids on to
 * the claims it joins (claim-identity.ts) and links to them keep answering.
 */

export interface QuoteMove {
  quoteId: string
  speakerId: string
}

/** A quote moved, as the grouping knows it after the move. */
export type MovedQuote = StoredQuote & { speakerId: string }

/**
 * Moves the quotes and regroups the claims of every speaker they leave or join, then lets the quotes
 * whose speaker was inferred from a claim (unattributed.ts) follow their claim to its speaker. Returns
 * the quotes moved and the claims they are in now, whose words other quotes may print
 * (inferSpeakers, after the commit).
 */
export async function moveQuotes(
  sql: SqlTransaction,
  moves: readonly QuoteMove[],
): Promise<{ moved: MovedQuote[]; claims: CreatedClaim[] }> {
  const moved = await moveRows(sql, moves)
  if (moved.length === 0) return { moved: [], claims: [] }
  const claims = await regroup(sql, moved)
  // A quote whose speaker was inferred from its claim is that claim's speaker's: where a claim changed
  // speakers, its inferred members follow, moving as the others did.
  const following = await sql.query<QuoteMove>(Prisma.sql`
    SELECT q.id AS "quoteId", c.speaker_id AS "speakerId" FROM quote q JOIN claim c ON c.id = q.claim_id
    WHERE q.speaker_inferred AND q.speaker_id <> c.speaker_id
      AND c.speaker_id = ANY(${[...new Set(moved.map((quote) => quote.now.speakerId))]}::uuid[])`)
  const followers = await moveRows(sql, following)
  const all = [...moved, ...followers].map((quote) => quote.now)
  const refounded = [...claims, ...(await regroup(sql, followers))]
  // Every claim the moved quotes are in now, not only those refounded: a claim that changed speakers
  // under its id, or took in another speaker's renderings, may print words other speakers' quotes print.
  const holding = await claimsHolding(
    sql,
    all.map((quote) => quote.id),
  )
  const known = new Set(refounded.map((claim) => claim.claimId))
  return { moved: all, claims: [...refounded, ...holding.filter((claim) => !known.has(claim.claimId))] }
}

/** Writes the moves; returns each quote moved as it is now, with the speaker and seed it had. */
async function moveRows(
  sql: SqlTransaction,
  moves: readonly QuoteMove[],
): Promise<Array<{ now: MovedQuote; before: StoredQuote }>> {
  if (moves.length === 0) return []
  const rows = await sql.query<MovedQuote & { formerSpeakerId: string | null }>(Prisma.sql`
    WITH moves AS (
      SELECT * FROM unnest(${moves.map((move) => move.quoteId)}::uuid[], ${moves.map((move) => move.speakerId)}::uuid[])
        AS u(id, speaker_id)
    ), moved AS (
      -- The joined row is read as it was before this statement: the former speaker.
      UPDATE quote q SET speaker_id = m.speaker_id FROM moves m JOIN quote o ON o.id = m.id
      WHERE q.id = m.id AND o.speaker_id IS DISTINCT FROM m.speaker_id
      RETURNING q.id, q.speaker_id, o.speaker_id AS former_speaker_id, q.text, q.spans, q.article_id, q.order_key,
        q.claim_id, q.speaker_inferred
    )
    SELECT m.id, m.speaker_id AS "speakerId", m.former_speaker_id AS "formerSpeakerId", m.text, m.spans,
      m.article_id AS "articleId", m.order_key AS "orderKey", a.published_at AS "publishedAt",
      a.created_at AS "ingestedAt", c.seed_quote_id AS "seedId", m.speaker_inferred AS inferred
    FROM moved m JOIN article a ON a.id = m.article_id LEFT JOIN claim c ON c.id = m.claim_id`)
  return rows.map(({ formerSpeakerId, ...quote }) => ({
    now: { ...quote, seedId: null },
    before: { ...quote, speakerId: formerSpeakerId },
  }))
}

async function regroup(
  sql: SqlTransaction,
  moved: ReadonlyArray<{ now: MovedQuote; before: StoredQuote }>,
): Promise<CreatedClaim[]> {
  if (moved.length === 0) return []
  const claims = await regroupClaims(
    sql,
    moved.map((quote) => quote.now),
    moved.map((quote) => quote.before),
  )
  // What one outlet printed under one of the speakers and another under the other may now be one
  // speaker's words: no longer a misattribution.
  await sql.query(Prisma.sql`
    DELETE FROM quote_misattribution f USING quote q, claim c
    WHERE f.quote_id = q.id AND f.claim_id = c.id AND q.speaker_id = c.speaker_id
      AND c.speaker_id = ANY(${[...new Set(moved.map((quote) => quote.now.speakerId))]}::uuid[])`)
  return claims
}
