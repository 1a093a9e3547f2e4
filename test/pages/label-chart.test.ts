import t from 'tap'
import { everyMonth, labelChart } from '../../src/pages/label-chart.js'

/** The markup with its layout whitespace collapsed, so that expectations do not depend on indentation. */
const flat = (markup: string): string => markup.replace(/\s+/g, ' ').replace(/> </g, '><').replace(/ >/g, '>')

const counts = (altered: number, verbatim = 0) => ({ verbatim, excerpt: 0, extended: 0, elided: 0, altered })

t.test('months without renderings between the first and the last are shown as empty months', async (t) => {
  const months = everyMonth([
    { period: '2024-11', byLabel: counts(1) },
    { period: '2025-02', byLabel: counts(2, 3) },
  ])
  t.same(
    months.map((month) => month.period),
    ['2024-11', '2024-12', '2025-01', '2025-02'],
  )
  t.same(months[1]!.byLabel, counts(0))
  t.same(months[3]!.byLabel, counts(2, 3))
  t.same(everyMonth([]), [])
  t.same(everyMonth([{ period: '2025-05', byLabel: counts(1) }]).length, 1)
})

t.test(
  'the chart stacks each month by label, scaled to the busiest month, with a table of the same figures',
  async (t) => {
    const chart = flat(
      labelChart([
        { period: '2025-01', byLabel: counts(1, 3) },
        { period: '2025-03', byLabel: counts(2) },
      ]).markup,
    )
    t.match(chart, 'role="img" aria-labelledby="chart-title chart-summary"')
    t.match(chart, '<title id="chart-title">Renderings by label over time</title>')
    t.match(chart, 'from 2025-01 to 2025-03; at most 4 in a month.')
    // The busiest month (4) fills the plot's 208 units; its 3 verbatim take three quarters.
    t.match(
      chart,
      /<rect class="bar-verbatim" x="[\d.]+" y="64.0" width="48.0" height="156.0"><title>2025-01: 3 verbatim<\/title>/,
    )
    t.match(chart, /<rect class="bar-altered" x="[\d.]+" y="12.0" width="48.0" height="52.0">/)
    t.equal(chart.match(/<rect /g)?.length, 3, 'no bar for a label a month did not have, none for an empty month')
    t.match(chart, /<tr><th scope="row">2025-02<\/th>(<td>0<\/td>){6}<\/tr>/, 'the empty month is in the table')
    t.equal(chart.match(/<text class="axis-label" x="[\d.]+" y="238"/g)?.length, 3, 'each month is named under its bar')

    const long = flat(
      labelChart(
        Array.from({ length: 30 }, (_, index) => ({
          period: `${2020 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
          byLabel: counts(1),
        })),
      ).markup,
    )
    t.equal(
      long.match(/<text class="axis-label" x="[\d.]+" y="238"/g)?.length,
      10,
      'every third month of thirty is named',
    )
    t.match(labelChart([]).markup, 'No renderings of this outlet belong to a claim yet.')
  },
)
