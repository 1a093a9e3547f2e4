import t from 'tap'
import { zipfExponent } from '../../scripts/quote-skew.js'

t.test("the exponent of Zipf's law that fits speakers' quote counts", async (t) => {
  const zipf = (exponent: number) => Array.from({ length: 500 }, (_, k) => 10_000 / (k + 1) ** exponent)
  t.ok(Math.abs(zipfExponent(zipf(0.86)) - 0.86) < 1e-9, 'an exact law is read back')
  t.ok(Math.abs(zipfExponent([...zipf(1.2)].reverse()) - 1.2) < 1e-9, 'whatever order the counts come in')
  t.ok(Math.abs(zipfExponent([7, 7, 7, 7])) < 1e-9, 'speakers quoted evenly')
  t.ok(Math.abs(zipfExponent([8, 0, 4, 0]) - 1) < 1e-9, 'speakers never quoted are not ranked')
  t.ok(Number.isNaN(zipfExponent([5])), 'no law from one speaker')
})
