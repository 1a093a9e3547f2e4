import t from 'tap'
import { holdsOffice, type Office } from '../../src/domain/extraction/index.js'
import { holdersOf, OFFICE_WINDOW_DAYS } from '../../src/services/office-holders.js'
import { openStore, testDatabaseEnv } from '../helper.js'

// The stored lookup of an office's holders (holdersOf) and the domain rule (holdsOffice) must be one
// rule: every described office against every held one, through the database and through the function.
const HELD: Office[] = [
  { role: 'president', qualifiers: ['chile'] },
  { role: 'president', qualifiers: ['chile', 'senate'] },
  { role: 'prime minister', qualifiers: ['chile'] },
  { role: 'governor', qualifiers: ['ohio'] },
  { role: 'spokeswoman', qualifiers: ['house', 'white'] },
  { role: 'vice president', qualifiers: ['chile'] },
]
const DESCRIBED: Office[] = [
  ...HELD,
  { role: 'leader', qualifiers: ['chile'] },
  { role: 'head of state', qualifiers: ['chile'] },
  { role: 'politician', qualifiers: ['ohio'] },
  { role: 'spokesperson', qualifiers: ['white'] },
  { role: 'president', qualifiers: ['chile', 'ohio'] },
  { role: 'official', qualifiers: ['house'] },
]

t.test('holdersOf in the database is holdsOffice of the domain', async (t) => {
  const db = await openStore(t, await testDatabaseEnv(t))
  const published = new Date('2026-05-01T00:00:00Z')
  const [outlet] = await db.query<{ id: string }>("INSERT INTO outlet (name) VALUES ('Invented Outlet') RETURNING id")
  const speakers: string[] = []
  for (const [n, office] of HELD.entries()) {
    const [speaker] = await db.query<{ id: string }>('INSERT INTO speaker (name, slug) VALUES ($1, $2) RETURNING id', [
      `Holder ${n}`,
      `holder-${n}`,
    ])
    const [article] = await db.query<{ id: string }>(
      `INSERT INTO article (outlet_id, url, text, content_hash, published_at)
       VALUES ($1, $2, 'text', repeat('0', 64), $3) RETURNING id`,
      [outlet!.id, `https://invented.example/${n}`, published],
    )
    await db.query('INSERT INTO speaker_office (article_id, speaker_id, role, qualifiers) VALUES ($1, $2, $3, $4)', [
      article!.id,
      speaker!.id,
      office.role,
      office.qualifiers,
    ])
    speakers.push(speaker!.id)
  }
  const lookup = (publishedAt: Date | null) =>
    db.transaction((sql) =>
      holdersOf(
        sql,
        DESCRIBED.map((office, n) => ({
          id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
          office,
          publishedAt,
        })),
      ),
    )
  const expected = DESCRIBED.map((described) =>
    HELD.flatMap((held, n) => (holdsOffice(held, described) ? [speakers[n]!] : [])).sort(),
  )
  const within = await lookup(new Date(published.getTime() + (OFFICE_WINDOW_DAYS - 1) * 86_400_000))
  const found = (holders: Map<string, string[]>) =>
    DESCRIBED.map((_, n) => holders.get(`00000000-0000-7000-8000-${String(n).padStart(12, '0')}`) ?? [])
  t.strictSame(found(within), expected)
  t.ok(
    expected.some((holders) => holders.length > 1) && expected.some((holders) => holders.length === 0),
    'the grid has ambiguous and unheld offices',
  )
  t.strictSame(found(await lookup(null)), expected, 'an undated article is compared with every date')
  const outside = await lookup(new Date(published.getTime() - (OFFICE_WINDOW_DAYS + 1) * 86_400_000))
  t.strictSame(
    found(outside),
    DESCRIBED.map(() => []),
    'outside the window, nobody',
  )
})
