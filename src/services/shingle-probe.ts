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

/**
 * A run of four words that more than this many stored wordings hold is a turn of phrase of the
 * language ("i don't think that", "the president of the"), not the mark of one utterance: a probe
 * skips it. On real news such runs are held by thousands of quotes as the corpus grows, and reading
 * them all made each ingest slower than the one before. The price: two wordings whose only runs in
 * common are such runs are not compared (by claim grouping, misattribution flags, or a speaker
 * inferred from a claim's words), and since a run becomes common as articles arrive, past the bound
 * the outcome can depend on the order articles came in.
 */
export const COMMON_SHINGLE_HOLDERS = 100

/**
 * A LATERAL FROM item: the rows of `source` whose GIN-indexed `column` holds `shingle` (by default
 * `k.shingle`, as probeShingles names it), read by one index probe for that shingle, and none at all
 * when more than COMMON_SHINGLE_HOLDERS rows hold it. The probe reads at most one row more than
 * that, however common the run, so its cost is bounded.
 *
 * Written as a LATERAL subquery because a plain join lets the planner, which keeps no statistics on
 * shingles, pick a scan of the whole table with every shingle tested against every row (12 s for an
 * ingest at 5k real articles stored).
 */
export const holdingShingle = (
  columns: Prisma.Sql,
  source: Prisma.Sql,
  column: Prisma.Sql,
  shingle: Prisma.Sql = Prisma.sql`k.shingle`,
): Prisma.Sql =>
  Prisma.sql`LATERAL (
    SELECT * FROM (
      SELECT h.*, count(*) OVER () AS holders
      FROM (SELECT ${columns} FROM ${source} WHERE ${column} @> ARRAY[${shingle}] LIMIT ${COMMON_SHINGLE_HOLDERS + 1}) AS h
    ) AS counted WHERE holders <= ${COMMON_SHINGLE_HOLDERS})`
