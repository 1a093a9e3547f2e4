import type { Database } from '../db/database.js'
import { Prisma } from '../generated/prisma/client.js'
import type { ArticleDeletionResource } from '../schemas/article-history.js'
import { missingArticle, readSummary, retried, toSummary } from './articles.js'
import { namedActor, recordAuditEvent, type Editor } from './audit.js'
import type { HeldOffice } from './office-holders.js'
import { lockArticle, replaceArticleQuotes } from './quotes.js'
import { inferSpeakers } from './unattributed.js'

/**
 * Deleting an article an editor says should not be there (a stray post, a page that is no article). Its
 * quotes leave their claims through the ingestion's own path, as a revision that printed none would make
 * them leave, so claims shrink, split or are retired exactly as they would then; then the article goes
 * (its revisions and corrections with it) and its id answers 410 for good. Posting the same URL again
 * stores it anew, under a new id.
 */
export async function deleteArticle(
  db: Pick<Database, 'transaction'>,
  prisma: Parameters<typeof missingArticle>[0],
  id: string,
  who: Editor,
): Promise<ArticleDeletionResource> {
  let offices: HeldOffice[] = []
  const deleted = await retried(() =>
    db.transaction(async (sql) => {
      offices = []
      const article = await lockArticle(sql, id)
      if (!article) return null
      const before = toSummary(await readSummary(sql, id))
      offices = (await replaceArticleQuotes(sql, article, [], true)).offices
      await sql.query(Prisma.sql`DELETE FROM article WHERE id = ${id}::uuid`)
      const [deletion] = await sql.query<{ deletedAt: Date }>(Prisma.sql`
        INSERT INTO article_deletion (article_id, url, actor, reason)
        VALUES (${id}::uuid, ${article.url}, ${who.actor}, ${who.reason}) RETURNING deleted_at AS "deletedAt"`)
      await recordAuditEvent(sql, {
        actor: who.actor,
        action: 'article.deleted',
        entityType: 'article',
        entityId: id,
        before,
        after: null,
        reason: who.reason,
        details: { url: article.url, quotes: before.quoteCount },
      })
      return {
        articleId: id,
        url: article.url,
        quotesRemoved: before.quoteCount,
        deletedAt: new Date((deletion as { deletedAt: Date }).deletedAt).toISOString(),
        deletedBy: await namedActor(sql, who.actor),
        reason: who.reason,
      }
    }),
  )
  if (!deleted) throw await missingArticle(prisma, id)
  // The offices it recorded no longer say who holds them: the quotes of other articles described by
  // them are decided again, after the commit as after an ingest. The article is gone whatever happens
  // here; a failure is the caller's to report.
  if (offices.length > 0)
    await retried(() => db.transaction((sql) => inferSpeakers(sql, { quotes: [], claims: [], offices })))
  return deleted
}
