import { Prisma } from '../generated/prisma/client.js'

/**
 * A FROM item with one row per distinct shingle, `k.shingle`, for joining a GIN-indexed shingle
 * array with `column @> ARRAY[k.shingle]`: one index probe per shingle.
 *
 * Not `column && $shingles`: shingles are nearly all unique, so Postgres keeps no statistics on
 * them and guesses that an overlap with n of them matches 1 - 0.995^n of the rows (a quarter for 60
 * shingles), and it reads the whole table instead of the index, a cost that grows with the corpus.
 * For one shingle at a time it guesses 0.5% and probes the index.
 */
export const probeShingles = (shingles: readonly string[]): Prisma.Sql =>
  Prisma.sql`unnest(${[...new Set(shingles)]}::bigint[]) AS k(shingle)`
