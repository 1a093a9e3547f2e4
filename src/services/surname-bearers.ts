import { prominentBearer, type SurnameBearer } from '../domain/speaker-identity.js'
import type { SqlTransaction } from '../db/database.js'
import { Prisma } from '../generated/prisma/client.js'

/**
 * SQL: whether the alias row `alias` is the own name of the speaker row `speaker`. Under a surname's
 * key, that speaker is known by the surname alone ("Roe"): the speaker of the quotes nobody could
 * place, never one of the surname's bearers. Stated once for every statement that tells them apart.
 */
export const isOwnNameAlias = (alias: string, speaker: string): Prisma.Sql =>
  Prisma.sql`lower(${Prisma.raw(alias)}.alias) = lower(${Prisma.raw(speaker)}.name)`

/**
 * For each surname key, the person a surname printed alone stands for among those who go by it
 * (`prominentBearer`), when one stands out; keys nobody stands out for are absent. Ingestion asks it
 * for an article's one-word names, verify for a reader's: one rule, so the quotes a surname brought
 * to a person are found again by that surname.
 *
 * A bearer is a person holding the surname as an alias under a name of their own: the speaker named
 * by the surname alone (the quotes nobody could place) is not one. Only keys several speakers hold are
 * weighed, each bearer by the count Postgres keeps (`speaker_quote_count`) of the quotes articles
 * attribute to them by name: counting the quotes here, for a third of real articles, read
 * thousands of rows for the most quoted people. The count moves when a transaction commits: a
 * transaction's own moves of quotes weigh from then on.
 */
export async function prominentBearers(
  sql: Pick<SqlTransaction, 'query'>,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const chosen = new Map<string, string>()
  if (keys.length === 0) return chosen
  // Each key's aliases through the alias index, and each alias's speaker by its key: without
  // statistics, the planner read every speaker (or every alias) and probed the other side from each.
  const rows = await sql.query<{ key: string; id: string; quotes: number }>(Prisma.sql`
    SELECT k.key, s.id, COALESCE(n.quotes, 0) AS quotes
    FROM unnest(${[...new Set(keys)]}::text[]) AS k(key)
    CROSS JOIN LATERAL (
      -- One row a speaker holding the key (alias_key is unique per speaker).
      SELECT a.alias, a.speaker_id, count(*) OVER () AS holders FROM speaker_alias a WHERE a.alias_key = k.key) AS a
    CROSS JOIN LATERAL (SELECT s.* FROM speaker s WHERE s.id = a.speaker_id OFFSET 0) AS s
    LEFT JOIN LATERAL (SELECT n.quotes FROM speaker_quote_count n WHERE n.speaker_id = s.id) AS n ON true
    -- A key one speaker alone holds is decided by the aliases: its bearer is not weighed.
    WHERE a.holders > 1 AND s.kind = 'person' AND NOT ${isOwnNameAlias('a', 's')}`)
  const byKey = new Map<string, SurnameBearer[]>()
  for (const row of rows) {
    const bearers = byKey.get(row.key) ?? []
    bearers.push({ id: row.id, quotes: row.quotes })
    byKey.set(row.key, bearers)
  }
  for (const [key, bearers] of byKey) {
    const id = prominentBearer(bearers)
    if (id !== null) chosen.set(key, id)
  }
  return chosen
}
