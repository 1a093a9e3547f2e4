import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import {
  BRIDGE,
  firstQuoteOf as quoteOf,
  ingestArticle as ingest,
  oneSpeakerForTwo,
  PIER,
} from '../fixtures/speaker-articles.js'
import { asAdmin, buildApp, ingestSeeds } from '../helper.js'

// speaker_quote_count, the quotes articles attribute to a speaker by name (not inferred), is kept by
// Postgres's triggers on quote (migration 20261209090000), not by the service: checked here against
// count(*) after the service's writes that add, remove or move a quote. Invented articles and people.

/**
 * Speakers whose kept count differs from their named quotes counted (a speaker without a row counts
 * none), counts left on speakers that are gone, and the kept counts' total.
 */
async function countsOff(app: FastifyInstance) {
  const [row] = await app.prisma.$queryRaw<Array<{ off: bigint; orphaned: bigint; kept: bigint; attributed: bigint }>>`
    SELECT
      (SELECT count(*) FROM speaker s LEFT JOIN speaker_quote_count n ON n.speaker_id = s.id
        WHERE coalesce(n.quotes, 0) <> (SELECT count(*) FROM quote q WHERE q.speaker_id = s.id AND NOT q.speaker_inferred))
        AS off,
      (SELECT count(*) FROM speaker_quote_count n
        WHERE n.quotes <> 0 AND NOT EXISTS (SELECT FROM speaker s WHERE s.id = n.speaker_id)) AS orphaned,
      (SELECT coalesce(sum(quotes), 0) FROM speaker_quote_count) AS kept,
      (SELECT count(*) FROM quote WHERE speaker_id IS NOT NULL AND NOT speaker_inferred) AS attributed`
  return {
    off: Number(row!.off),
    orphaned: Number(row!.orphaned),
    kept: Number(row!.kept),
    attributed: Number(row!.attributed),
  }
}

async function countsHold(t: Test, app: FastifyInstance, after: string) {
  const counts = await countsOff(app)
  t.equal(counts.off, 0, `every speaker's count is its quotes after ${after}`)
  t.equal(counts.orphaned, 0, `no count is left on a speaker that is gone after ${after}`)
  t.equal(counts.kept, counts.attributed, `the counts add up to the quotes attributed by name after ${after}`)
  return counts
}

const FERRY = 'The ferry timetable stays as it is until the spring.'

// Counted at commit, so that a count's row is locked for the moment of a commit only (the migration says why).
t.test('the counting triggers are deferred to the commit', async (t) => {
  const app = await buildApp(t)
  const triggers = await app.prisma.$queryRaw<Array<{ name: string; deferred: boolean }>>`
    SELECT tgname AS name, tgdeferrable AND tginitdeferred AS deferred FROM pg_trigger
    WHERE tgrelid = 'quote'::regclass AND tgfoid = 'count_speaker_quote'::regproc ORDER BY tgname`
  t.same(triggers, [
    { name: 'quote_deleted_count', deferred: true },
    { name: 'quote_inserted_count', deferred: true },
    { name: 'quote_speaker_moved_count', deferred: true },
  ])
})

t.test('every write of a quote keeps its speaker’s count', async (t) => {
  const app = await buildApp(t)
  await ingestSeeds(app)
  t.ok((await countsHold(t, app, 'ingesting the seeds')).kept > 0, 'the seeds have attributed quotes')

  // A surname first printed alone, then a full name that takes its speaker over: one speaker for two.
  const { pier, bridge, minister } = await oneSpeakerForTwo(app)
  await countsHold(t, app, 'ingesting')
  // Words printed with no speaker are given the speaker of the claim they join, and are not counted.
  const unnamed = await ingest(
    app,
    'https://south.example/pier',
    '2026-06-03T08:00:00Z',
    `The port authority met on Monday. “${PIER}” a spokesman said.`,
  )
  t.match(await quoteOf(app, unnamed), { speaker: { name: 'Ana Torvald' } }, 'an inferred speaker')
  await countsHold(t, app, 'inferring a speaker')

  const split = await app.inject({
    method: 'POST',
    url: `/v1/speakers/${minister.id}/split`,
    headers: asAdmin,
    payload: { alias: 'Torvald', name: 'Erik Torvald', reason: 'her brother' },
  })
  t.equal(split.statusCode, 201, split.body)
  await countsHold(t, app, 'a split')
  const brother = split.json() as { id: string }
  t.equal((await quoteOf(app, pier)).speaker?.id, brother.id)

  const merge = await app.inject({
    method: 'POST',
    url: `/v1/speakers/${minister.id}/merge`,
    headers: asAdmin,
    payload: { duplicateId: brother.id, reason: 'one person after all' },
  })
  t.equal(merge.statusCode, 200, merge.body)
  await countsHold(t, app, 'a merge')

  // An editor gives a quote to someone else, then takes the correction back.
  const corrected = await app.inject({
    method: 'PUT',
    url: `/v1/quotes/${(await quoteOf(app, pier)).id}/speaker`,
    headers: asAdmin,
    payload: { name: 'Harbour Master Lena Pike', reason: 'the harbour master said it' },
  })
  t.equal(corrected.statusCode, 200, corrected.body)
  await countsHold(t, app, 'a speaker correction')
  const [correction] = (await app.inject({ url: `/v1/articles/${pier}/corrections` })).json().items as Array<{
    id: string
  }>
  const undone = await app.inject({
    method: 'DELETE',
    url: `/v1/corrections/${correction!.id}?reason=wrong%20call`,
    headers: asAdmin,
  })
  t.equal(undone.statusCode, 200, undone.body)
  await countsHold(t, app, 'undoing a correction')

  // A revision that prints another quote, then the article's deletion.
  await ingest(
    app,
    'https://north.example/bridge',
    '2026-06-02T08:00:00Z',
    `Minister Ana Torvald opened the works. “${FERRY}” Torvald said. “${BRIDGE}” she added.`,
  )
  await countsHold(t, app, 'a revision')
  const deleted = await app.inject({
    method: 'DELETE',
    url: `/v1/articles/${bridge}?reason=withdrawn`,
    headers: asAdmin,
  })
  t.equal(deleted.statusCode, 200, deleted.body)
  await countsHold(t, app, 'deleting an article')
})
