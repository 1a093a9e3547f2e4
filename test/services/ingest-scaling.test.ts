import t from 'tap'
import { authorized, buildApp } from '../helper.js'

/**
 * An article's cost per quote must not grow with the quotes already in it: an 800 KB article of
 * 10,000 quotes by one speaker took 114 s to ingest when each quote was compared with every other.
 * Four times the quotes may take about four times as long (a quadratic step makes it sixteen); best of
 * two runs, and a floor on the small time, keep the machine's noise out.
 */

const SHAPES: Record<string, (i: number) => string> = {
  'distinct sentences': (i) =>
    `“Item ${i} of the plan concerns the ${['river', 'school', 'road', 'park', 'port'][i % 5]} and costs ${i * 7} crowns,” Brannigan said.`,
  'the same sentence again and again': () =>
    '“The plan for the river and the school is the right plan for this town,” Brannigan said.',
  'one sentence cut in many ways': (i) =>
    `“${'The plan for the river and the school is the right plan for this town and its people'
      .split(' ')
      .slice(0, 6 + (i % 12))
      .join(' ')},” Brannigan said.`,
}

const articleOf = (quotes: number, shape: (i: number) => string) =>
  [
    'Mayor Tilda Brannigan spoke to the council for three hours.',
    ...Array.from({ length: quotes }, (_, i) => shape(i)),
  ].join('\n\n')

for (const [name, shape] of Object.entries(SHAPES)) {
  t.test(name, async (t) => {
    const app = await buildApp(t)
    let run = 0
    const timed = async (quotes: number) => {
      let best = Infinity
      for (let attempt = 0; attempt < 2; attempt++) {
        const started = performance.now()
        const response = await app.inject({
          method: 'POST',
          url: '/v1/articles',
          headers: authorized,
          payload: { url: `urn:scaling:${run++}`, outlet: { name: `Outlet ${run}` }, text: articleOf(quotes, shape) },
        })
        best = Math.min(best, performance.now() - started)
        t.equal(response.statusCode, 201)
        t.equal(response.json().quoteCount, quotes)
      }
      return best
    }
    const small = await timed(250)
    const large = await timed(1000)
    t.ok(
      large / Math.max(small, 50) < 9,
      `4x the quotes take ${(large / small).toFixed(1)}x the time (${small.toFixed(0)} and ${large.toFixed(0)} ms)`,
    )
  })
}
