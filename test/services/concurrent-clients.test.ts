import type { AddressInfo } from 'node:net'
import t from 'tap'
import { createRandom } from '../../src/domain/claims/index.js'
import { snapshot } from '../fixtures/ingest-snapshot.js'
import { WRITE_KEY, buildApp } from '../helper.js'

/**
 * Eight clients ingesting one corpus at once over HTTP, as a newsroom's crawlers would: every answer
 * is a success (no 5xx, no conflict left to the client), and the speakers, claims, labels and
 * misattribution flags are those a single client ingesting the same articles one by one gets. The
 * corpus is invented and generated from a fixed seed: people quoted by several outlets in several
 * forms of their names, the same words cut and reworded, words printed under the wrong person's name,
 * articles revised while others arrive.
 */

const CLIENTS = 8

interface Person {
  first: string
  last: string
  title: string
  pronoun: 'she' | 'he'
}

const PEOPLE: Person[] = [
  { first: 'Maren', last: 'Oskarsdottir', title: 'Minister', pronoun: 'she' },
  { first: 'Tobias', last: 'Vennholm', title: 'Senator', pronoun: 'he' },
  { first: 'Ines', last: 'Calloway', title: 'Mayor', pronoun: 'she' },
  { first: 'Rafael', last: 'Dunmore', title: 'Governor', pronoun: 'he' },
]

// What each person said: the sentences outlets quote, cut and reword.
const STATEMENTS: string[][] = [
  [
    'The new rail line will carry its first passengers before the end of next year.',
    'We have no plans to close a single rural school while I am in this job.',
  ],
  [
    'This bill protects the farmers who feed the whole valley, and I will vote for it.',
    'Nobody in this chamber has read the full report on the dam yet.',
  ],
  [
    'The city will plant ten thousand trees along the river by the autumn.',
    'Our buses will be free for every student from the first of September.',
  ],
  [
    'The state budget is balanced for the third year in a row without new taxes.',
    'I will sign the water agreement as soon as it reaches my desk next week.',
  ],
]

const OUTLETS = ['Valley Herald', 'Evening Ledger', 'Northern Wire', 'Plains Observer', 'Capital Review']

/** A rendering of a statement: as said, cut at the end, or with one word changed. */
function render(statement: string, random: () => number): string {
  const roll = random()
  if (roll < 0.5) return statement
  const words = statement.replace(/\.$/, '').split(' ')
  if (roll < 0.75) return `${words.slice(0, Math.max(6, words.length - 3)).join(' ')}.`
  const at = 2 + Math.floor(random() * (words.length - 3))
  words[at] = words[at] === 'very' ? 'truly' : 'very'
  return `${words.join(' ')}.`
}

/** One quoted paragraph, with the person named in one of the forms outlets use. */
function quoted(person: Person, text: string, random: () => number): string {
  const roll = random()
  if (roll < 0.3) return `“${text.replace(/\.$/, ',')}” ${person.first} ${person.last} said on Tuesday.`
  if (roll < 0.55) return `${person.title} ${person.last} told reporters: “${text}”`
  if (roll < 0.8) return `${person.first} ${person.last} spoke after the meeting. “${text}” ${person.pronoun} said.`
  return `“${text.replace(/\.$/, ',')}” said ${person.last}, who declined to take questions.`
}

interface Article {
  url: string
  outlet: string
  publishedAt: string
  text: string
}

function corpus(seed: number, size: number): Article[] {
  const random = createRandom(seed)
  const articles: Article[] = []
  for (let i = 0; i < size; i++) {
    const paragraphs = ['The regional council met for its autumn session this week.']
    const quotes = 1 + Math.floor(random() * 3)
    for (let q = 0; q < quotes; q++) {
      const owner = Math.floor(random() * PEOPLE.length)
      const statement = STATEMENTS[owner]![Math.floor(random() * 2)]!
      // One rendering in ten is printed under someone else's name.
      const named = random() < 0.1 ? (owner + 1) % PEOPLE.length : owner
      paragraphs.push(quoted(PEOPLE[named]!, render(statement, random), random))
    }
    const day = String(1 + (i % 28)).padStart(2, '0')
    articles.push({
      url: `https://news.example/${i}`,
      outlet: OUTLETS[i % OUTLETS.length]!,
      publishedAt: `2025-09-${day}T${String(6 + (i % 12)).padStart(2, '0')}:00:00Z`,
      text: paragraphs.join('\n\n'),
    })
  }
  // A few articles come again, revised: a sentence added at the end.
  for (let i = 0; i < size; i += 7) {
    const original = articles[i]!
    articles.push({ ...original, text: `${original.text}\n\nThe session ends on Friday.` })
  }
  return articles
}

const ORIGINALS = 120
const ARTICLES = corpus(20251130, ORIGINALS)

async function ingestWith(clients: number, t: Parameters<typeof buildApp>[0]) {
  const app = await buildApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const statuses: number[] = []
  // A revision must follow its original, as a crawler meets them: originals first, all at once.
  const waves = [ARTICLES.slice(0, ORIGINALS), ARTICLES.slice(ORIGINALS)]
  for (const wave of waves) {
    let next = 0
    const client = async () => {
      while (next < wave.length) {
        const article = wave[next++]!
        const response = await fetch(`http://127.0.0.1:${port}/v1/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${WRITE_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...article, outlet: { name: article.outlet } }),
        })
        statuses.push(response.status)
        await response.arrayBuffer()
      }
    }
    await Promise.all(Array.from({ length: clients }, client))
  }
  return { statuses, state: await snapshot(app) }
}

t.test(`${CLIENTS} clients ingesting at once get what one client gets`, async (t) => {
  const serial = await ingestWith(1, t)
  t.same(
    serial.statuses.filter((status) => status !== 201 && status !== 200),
    [],
    'one client: every article stored (201) or revised (200)',
  )
  // The corpus stresses what it should: several people, shared words, flags.
  t.equal(serial.state.speakers.length, PEOPLE.length, 'one speaker per person, whatever form of the name came first')
  t.ok(
    serial.state.quotes.some((quote) => quote.misattributedAs > 0),
    'some renderings are flagged',
  )
  t.ok(
    serial.state.quotes.some((quote) => quote.label !== 'verbatim'),
    'some renderings are not verbatim',
  )

  const parallel = await ingestWith(CLIENTS, t)
  t.same(
    parallel.statuses.filter((status) => status >= 300),
    [],
    `${CLIENTS} clients: every one of ${parallel.statuses.length} answers a success`,
  )
  t.same(parallel.state, serial.state, 'speakers, claims, labels and flags as with one client')
})
