import pg from 'pg'
import t from 'tap'
import { lockSpeakerClaims } from '../../src/services/claim-grouping.js'
import { authorized, buildApp, openStore, testDatabaseEnv } from '../helper.js'

/**
 * The passes after an ingest that give a stored quote the speaker its words or its office point to take that
 * speaker's claim lock before they write the quote's row: the order of everything else that writes a speaker's
 * quotes (an ingest's grouping holds the lock, then writes rows). A pass that wrote the row first and waited for
 * the lock after could deadlock with such a holder. Here a transaction holds the lock, the pass stops at it, and
 * the quote's row must then be free. Needs a Postgres server: PGlite serves one connection at a time.
 */

interface Posted {
  url: string
  text: string
  publishedAt: string
}

const WORDS = 'The ferry to the islands will run every hour from May.'

/** Two ways a pass gives a stored quote a speaker: the words of a claim, and an office its holder is named with. */
const CASES: Array<{ how: string; named: Posted; unnamed: Posted }> = [
  {
    how: 'by its words',
    named: {
      url: 'urn:t:Courier',
      text: `Minister Tarja Volkonen spoke on Tuesday. “${WORDS}” Volkonen said.`,
      publishedAt: '2025-06-04T09:00:00Z',
    },
    unnamed: {
      url: 'urn:t:Daily',
      text: `The port authority met on Monday. “${WORDS}” a spokesman said.`,
      publishedAt: '2025-06-04T10:00:00Z',
    },
  },
  {
    how: 'by an office',
    named: {
      url: 'urn:t:Herald',
      text: 'Norwegian Prime Minister Eira Vantholm opened the session. “The tunnel opens in spring,” Vantholm said.',
      publishedAt: '2025-06-02T09:00:00Z',
    },
    unnamed: {
      url: 'urn:t:Ledger',
      text: '“Every fjord town will keep its ferry,” Norway’s prime minister said on Thursday.',
      publishedAt: '2025-06-05T09:00:00Z',
    },
  },
]

const post = (app: Awaited<ReturnType<typeof buildApp>>, { url, text, publishedAt }: Posted) =>
  app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: { url, outlet: { name: url.split(':')[2] }, text, publishedAt },
  })

for (const { how, named, unnamed } of CASES) {
  t.test(
    `a quote placed ${how} waits for its speaker’s claim lock before its row is written`,
    { skip: !process.env.TEST_DATABASE_URL && 'needs a Postgres server (TEST_DATABASE_URL): two transactions at once' },
    async (t) => {
      const env = await testDatabaseEnv(t)
      if (env.DATABASE_URL === undefined) throw new Error('TEST_DATABASE_URL gave no database')
      const app = await buildApp(t, env)
      const stated = await post(app, named)
      t.equal(stated.statusCode, 201, stated.body)
      const direct = new pg.Client({ connectionString: env.DATABASE_URL })
      await direct.connect()
      t.teardown(() => direct.end())
      const first = async <T>(text: string, values: unknown[] = []): Promise<T> =>
        (await direct.query(text, values)).rows[0] as T
      const { speaker_id: speakerId } = await first<{ speaker_id: string }>(
        'SELECT speaker_id FROM quote WHERE speaker_id IS NOT NULL',
      )

      const store = await openStore(t, env)
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      let locked!: () => void
      const lockHeld = new Promise<void>((resolve) => (locked = resolve))
      const holder = store.transaction(async (sql) => {
        await lockSpeakerClaims(sql, [speakerId])
        locked()
        await released
      })
      await lockHeld
      const posting = post(app, unnamed)
      let quoteId: string
      try {
        // The ingest commits its quote with no speaker, then its pass finds the speaker and waits for the lock
        // (waits in this test's database only: other tests and services share the server).
        for (let waited = 0; ; waited += 20) {
          const { waiting } = await first<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          )
          if (waiting > 0) break
          if (waited > 20_000) throw new Error('the pass never waited for the speaker’s claim lock')
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        ;({ id: quoteId } = await first<{ id: string }>('SELECT id FROM quote WHERE speaker_id IS NULL'))
        const rowFree = await direct.query('SELECT id FROM quote WHERE id = $1 FOR UPDATE NOWAIT', [quoteId]).then(
          () => true,
          (error: { code?: string }) => (error.code === '55P03' ? false : Promise.reject(error)),
        )
        t.ok(rowFree, 'the waiting pass holds no lock on the quote’s row')
      } finally {
        release()
        await holder
      }
      const response = await posting
      t.equal(response.statusCode, 201, response.body)
      const placed = await first<{ speaker_id: string; speaker_by_office: boolean }>(
        'SELECT speaker_id, speaker_by_office FROM quote WHERE id = $1 AND speaker_inferred',
        [quoteId],
      )
      t.same(
        placed,
        { speaker_id: speakerId, speaker_by_office: how === 'by an office' },
        'once the lock is free, the quote is placed',
      )
    },
  )
}
