import t from 'tap'
import type { Database } from '../../src/db/database.js'
import { Prisma } from '../../src/generated/prisma/client.js'
import { ingestArticle } from '../../src/services/articles.js'
import { buildApp } from '../helper.js'

const input = { url: 'https://a.example/race', outlet: { name: 'A' }, text: '“We will see,” Claudia Sheinbaum said.' }

/** The app's database, with its next transactions failing as a concurrent ingest would make them fail. */
function failingFirst(db: Database, errors: Error[]): Pick<Database, 'transaction'> {
  return {
    transaction: (work) => {
      const error = errors.shift()
      return error ? Promise.reject(error) : db.transaction(work)
    },
  }
}

const known = (code: string) =>
  new Prisma.PrismaClientKnownRequestError(`simulated ${code}`, { code, clientVersion: '7' })

t.test('a lost unique race or a deadlock is retried; the article is stored once', async (t) => {
  const app = await buildApp(t)
  const result = await ingestArticle(failingFirst(app.db, [known('P2002'), known('P2034')]), input, 'test')
  t.equal(result.status, 'created')
  t.equal(await app.prisma.article.count(), 1)
})

t.test('other errors, and a race lost too often, are not retried', async (t) => {
  const app = await buildApp(t)
  await t.rejects(ingestArticle(failingFirst(app.db, [new Error('disk full')]), input, 'test'), /disk full/)
  const races = Array.from({ length: 5 }, () => known('P2002'))
  await t.rejects(ingestArticle(failingFirst(app.db, races), input, 'test'), { code: 'P2002' })
  t.equal(await app.prisma.article.count(), 0)
})
