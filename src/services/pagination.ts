import { badRequest } from '../http/problem.js'
import { DEFAULT_PAGE_SIZE } from '../schemas/common.js'
import { isUuid } from './query-filters.js'

/**
 * Keyset pagination on the primary key. Ids are UUIDv7, so id order is creation order and a page
 * never skips or repeats rows when others are inserted meanwhile. The cursor is opaque to clients so
 * the key can change without breaking them.
 */

export const encodeCursor = (id: string): string => Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url')

/** `field`: where the cursor was sent, for the problem if it is not one of ours. */
export function decodeCursor(cursor: string | undefined, field = '/cursor'): string | undefined {
  if (cursor === undefined) return undefined
  try {
    const { id } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id?: unknown }
    if (typeof id === 'string' && isUuid(id)) return id
  } catch {
    // falls through to the problem below
  }
  throw invalidCursor(field)
}

export const invalidCursor = (field = '/cursor') =>
  badRequest('invalid-cursor', `${field.slice(1)} is not one this API returned`, [
    { in: 'querystring', field, message: 'is not a valid cursor' },
  ])

/**
 * The size of a page: the caller's `limit`, or the list's default when there is none (the request schema
 * fills it in, but a service may be called without one). Fetch one row more than this: the extra row only
 * says another page exists (toPage).
 */
export const pageLimit = (requested: number | undefined, pageSize = DEFAULT_PAGE_SIZE): number => requested ?? pageSize

/** Rows were fetched newest first, `limit + 1` of them: the extra row only says another page exists. */
export function toPage<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  shape: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit
  const pageRows = more ? rows.slice(0, limit) : rows
  const last = pageRows[pageRows.length - 1]
  return { items: pageRows.map(shape), nextCursor: more && last ? encodeCursor(last.id) : null }
}

/** The id condition that starts a page after `cursor` (rows are read newest first). */
export function afterCursor(cursor: string | undefined, field = '/cursor'): { id?: { lt: string } } {
  const id = decodeCursor(cursor, field)
  return id ? { id: { lt: id } } : {}
}
