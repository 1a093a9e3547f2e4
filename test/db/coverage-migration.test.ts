import type { PGlite } from '@electric-sql/pglite'
import t from 'tap'
import { createPGlite, MIGRATIONS_DIR } from '../../src/db/database.js'
import { applyMigrations, readMigrations, type SqlSession } from '../../src/db/migrate.js'

const COVERAGE = '20261201130000_rendering_coverage'

function sessionOf(db: PGlite): SqlSession {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    exec: async (script: string) => {
      await db.exec(script)
    },
  }
}

const silent = { info: () => undefined, warn: () => undefined }

t.test('the coverage migration gives existing renderings the figures their label fixes', async (t) => {
  const db = await createPGlite()
  t.teardown(() => db.close())
  const migrations = await readMigrations(MIGRATIONS_DIR)
  const before = migrations.filter((migration) => migration.name < COVERAGE)
  await applyMigrations(sessionOf(db), before, silent)
  // A claim of a ten-word wording and one rendering of every label, figures as they were computed then.
  await db.exec(`
    INSERT INTO outlet (id, name) VALUES ('00000000-0000-7000-8000-000000000001', 'Example Wire');
    INSERT INTO article (id, outlet_id, url, text, content_hash)
      VALUES ('00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000001', 'urn:a', 'x', repeat('0', 64));
    INSERT INTO speaker (id, name, slug) VALUES ('00000000-0000-7000-8000-000000000003', 'Ada Example', 'ada-example');
    INSERT INTO quote (id, article_id, position, speaker_id, order_key, text, normalized_text, spans, kind, confidence,
      word_count, label, fidelity)
    SELECT ('00000000-0000-7000-8000-00000000001' || n)::uuid, '00000000-0000-7000-8000-000000000002', n,
      '00000000-0000-7000-8000-000000000003', 'k' || n, t, t, '[]', 'direct', 1, cardinality(string_to_array(t, ' ')),
      l::"RenderingLabel", f
    FROM (VALUES (0, 'one two three four five six seven eight nine ten', 'verbatim', 1.0),
      (1, 'three four five six', 'excerpt', 8.0 / 14),
      (2, 'zero one two three four five six seven eight nine ten', 'extended', 20.0 / 21),
      (3, 'one two three nine ten', 'elided', 10.0 / 15),
      (4, 'one two three four five six seven eight nine eleven', 'altered', 0.9)) AS v(n, t, l, f);
    INSERT INTO claim (id, speaker_id, canonical_text, normalized_text, seed_quote_id)
      VALUES ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000003',
        'One two three four five six seven eight nine ten.', 'one two three four five six seven eight nine ten',
        '00000000-0000-7000-8000-000000000010');
    UPDATE quote SET claim_id = '00000000-0000-7000-8000-000000000004';
  `)
  await applyMigrations(sessionOf(db), migrations, silent)
  const rows = (
    await db.query<{ label: string; fidelity: number; coverage: number | null }>(
      'SELECT label::text, fidelity, coverage FROM quote ORDER BY position',
    )
  ).rows
  t.same(rows, [
    { label: 'verbatim', fidelity: 1, coverage: 1 },
    { label: 'excerpt', fidelity: 1, coverage: 0.4 },
    { label: 'extended', fidelity: 20 / 21, coverage: 1 },
    // These need the word fit: left to the service, which redoes a verdict without coverage.
    { label: 'elided', fidelity: 10 / 15, coverage: null },
    { label: 'altered', fidelity: 0.9, coverage: null },
  ])
})
