import t, { type Test } from 'tap'
import { createRandom } from '../../src/domain/claims/index.js'
import { snapshot } from '../fixtures/ingest-snapshot.js'
import { authorized, buildApp } from '../helper.js'

/**
 * The same articles give the same speakers, claims, labels and inferred speakers whatever order they
 * arrive in and however many arrive at once: the README's promise, on a corpus written to stress it
 * (a person named in full, by surname, with a middle initial, with a title, by pronoun, and not at
 * all; words one outlet gives to someone else; an article revised).
 */

type App = Awaited<ReturnType<typeof buildApp>>

const HARBOUR = 'The harbour will reopen to fishing boats once the ice is gone in April.'
const HARBOUR_CUT = 'The harbour will reopen to fishing boats in April.'
const BUDGET = 'We will not raise the fuel tax while I hold this office, and that is a promise.'
const BRIDGE = 'The bridge to the northern islands is safe and will stay open all winter.'

const ARTICLES = [
  {
    url: 'urn:order:1',
    outlet: 'North Gazette',
    publishedAt: '2025-03-01T08:00:00Z',
    text: `Governor Ilse Marken spoke in Tarvik on Monday. “${HARBOUR}” she said. Marken added: “${BUDGET}”`,
  },
  {
    url: 'urn:order:2',
    outlet: 'Coast Daily',
    publishedAt: '2025-03-02T08:00:00Z',
    text: `Governor Marken was in Tarvik. “${HARBOUR_CUT}” Marken said, before leaving for the capital.`,
  },
  {
    url: 'urn:order:3',
    outlet: 'Island Courier',
    publishedAt: '2025-03-02T10:00:00Z',
    text: `Ilse K. Marken took questions. “${BUDGET}” she told reporters.`,
  },
  {
    url: 'urn:order:4',
    outlet: 'Harbour Post',
    publishedAt: '2025-03-03T08:00:00Z',
    text: `The port office was busy on Wednesday. “${HARBOUR}” a spokeswoman said.`,
  },
  {
    url: 'urn:order:5',
    outlet: 'Valley Times',
    publishedAt: '2025-03-03T09:00:00Z',
    text: `Mayor Paavo Lind inspected the span. “${BRIDGE}” Lind said. Lind also said: “${BUDGET}”`,
  },
  {
    url: 'urn:order:6',
    outlet: 'North Gazette',
    publishedAt: '2025-03-04T08:00:00Z',
    text: `Paavo Lind was asked again. “${BRIDGE.replace('safe', 'sound')}” the mayor said.`,
  },
]

const ingest = (app: App, article: (typeof ARTICLES)[number]) =>
  app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: authorized,
    payload: {
      url: article.url,
      outlet: { name: article.outlet },
      text: article.text,
      publishedAt: article.publishedAt,
    },
  })

async function run(t: Test, order: typeof ARTICLES | 'parallel') {
  const app = await buildApp(t)
  if (order === 'parallel') {
    const answers = await Promise.all(ARTICLES.map((article) => ingest(app, article)))
    t.same(
      answers.map((answer) => answer.statusCode),
      ARTICLES.map(() => 201),
    )
  } else for (const article of order) t.equal((await ingest(app, article)).statusCode, 201)
  return snapshot(app)
}

t.test('the same articles in any order and concurrency give the same speakers, claims and labels', async (t) => {
  const serial = await run(t, ARTICLES)
  // The corpus does what it is for: one governor, whatever form of her name came first; the unnamed
  // spokeswoman's words given to her, inferred; the budget words the mayor repeated flagged.
  t.same(serial.speakers, ['Ilse K. Marken', 'Paavo Lind'])
  t.match(serial.quotes, [
    { at: 'urn:order:1#0', speaker: 'Ilse K. Marken', inferred: false },
    { at: 'urn:order:1#1', speaker: 'Ilse K. Marken' },
    { at: 'urn:order:2#0', speaker: 'Ilse K. Marken', label: 'altered' },
    { at: 'urn:order:3#0', speaker: 'Ilse K. Marken', label: 'verbatim' },
    { at: 'urn:order:4#0', speaker: 'Ilse K. Marken', inferred: true, label: 'verbatim' },
    { at: 'urn:order:5#0', speaker: 'Paavo Lind' },
    { at: 'urn:order:5#1', speaker: 'Paavo Lind', misattributedAs: 1 },
    { at: 'urn:order:6#0', speaker: 'Paavo Lind', label: 'altered' },
  ])

  const random = createRandom(20251201)
  const shuffled = [...ARTICLES].sort(() => random() - 0.5)
  for (const [name, order] of [
    ['reversed', [...ARTICLES].reverse()],
    ['shuffled', shuffled],
    ['parallel', 'parallel'],
  ] as const) {
    t.same(await run(t, order), serial, name)
  }
})
