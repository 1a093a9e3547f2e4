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
 * by the surname alone (the quotes nobody could place) is not one. Quotes are counted through the
 * speaker's index, each bearer apart, and only for keys several speakers hold: a few an article.
 */
export async function prominentBearers(
  sql: Pick<SqlTransaction, 'query'>,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const chosen = new Map<string, string>()
  if (keys.length === 0) return chosen
  const rows = await sql.query<{ key: string; id: string; quotes: bigint | number | string }>(Prisma.sql`
    SELECT a.alias_key AS key, s.id, (SELECT count(*) FROM quote q WHERE q.speaker_id = s.id) AS quotes
    FROM speaker_alias a JOIN speaker s ON s.id = a.speaker_id
    WHERE a.alias_key = ANY(${[...new Set(keys)]}::text[]) AND s.kind = 'person'
      AND NOT ${isOwnNameAlias('a', 's')}
      -- A key one speaker alone holds is decided by the aliases: its bearer's quotes are not counted.
      AND EXISTS (SELECT FROM speaker_alias o WHERE o.alias_key = a.alias_key AND o.speaker_id <> a.speaker_id)`)
  const byKey = new Map<string, SurnameBearer[]>()
  for (const row of rows) {
    const bearers = byKey.get(row.key) ?? []
    bearers.push({ id: row.id, quotes: Number(row.quotes) })
    byKey.set(row.key, bearers)
  }
  for (const [key, bearers] of byKey) {
    const id = prominentBearer(bearers)
    if (id !== null) chosen.set(key, id)
  }
  return chosen
}
