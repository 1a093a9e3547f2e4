import t from 'tap'
import type { Database, SqlTransaction } from '../../src/db/database.js'
import { ingestArticle } from '../../src/services/articles.js'
import { articleQuotes, buildApp } from '../helper.js'

/**
 * A quote printed earlier than stored renderings of the same words founds their claim, and each of them is
 * decided again: their lookups are made together (lookupsAhead, in regroupClaims), not one statement each.
 * Counted here on the statements of the ingest: the grouping's candidate lookup is the statement that
 * materialises its keys (overlappingStored).
 */

const WORDS = 'The new bridge over the estuary will carry trains by the autumn of next year.'
const LATER = 8

/** The database, counting the candidate lookups its transactions make. */
function countingLookups(db: Database): { db: Pick<Database, 'transaction'>; lookups: () => number } {
  let lookups = 0
  const counting = (sql: SqlTransaction): SqlTransaction => ({
    query: (statement, options) => {
      if (statement.sql.includes('WITH k AS MATERIALIZED')) lookups++
      return sql.query(statement, options)
    },
  })
  return { db: { transaction: (work) => db.transaction((sql) => work(counting(sql))) }, lookups: () => lookups }
}

t.test('the stored renderings an earlier quote reaches are looked up in one statement', async (t) => {
  const app = await buildApp(t)
  const article = (day: number) => ({
    url: `urn:t:gazette-${day}`,
    outlet: { name: `Gazette ${day}` },
    publishedAt: `2025-03-${String(day).padStart(2, '0')}T09:00:00Z`,
    text: `Minister Oskar Tamberlane toured the site. “${WORDS}” Tamberlane said.`,
  })
  for (let day = 10; day < 10 + LATER; day++) await ingestArticle(app.db, article(day), 'test')
  const counted = countingLookups(app.db)
  const earliest = await ingestArticle(counted.db, article(2), 'test')

  const [founder] = await articleQuotes(app, earliest.id)
  const claim = (await app.inject({ url: `/v1/claims/${founder!.claimId}` })).json()
  t.equal(claim.consistency.renderings, LATER + 1, 'the earlier quote founds the claim of every rendering')
  t.equal(claim.firstAppearance.articleId, earliest.id, 'first printed by the earliest article')
  // The new quote's lookups, one for the stored renderings it reaches, and the former founder's change of
  // standing: a handful, where a statement for each stored rendering would make more than LATER.
  t.ok(counted.lookups() < LATER, `${counted.lookups()} lookups for ${LATER} stored renderings reached`)
})
