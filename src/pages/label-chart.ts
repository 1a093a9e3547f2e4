import { LABELS } from '../schemas/claims.js'
import type { LabelPeriod } from '../services/claims.js'
import type { Label } from './format.js'
import { html, type Html } from './html.js'

/**
 * An outlet's renderings by label over time as an SVG drawn on the server (no script, nothing
 * fetched), with the same figures as a table for whoever cannot see the chart. Bars are months,
 * stacked by label; months without renderings between the first and the last are shown empty, so
 * the horizontal axis is time.
 */

const WIDTH = 640
const HEIGHT = 260
const MARGIN = { top: 12, right: 12, bottom: 40, left: 44 }
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom
/** A bar is at most this wide: one month alone is a bar, not a block. */
const MAX_BAR_WIDTH = 48
/** At most this many month names under the bars; between them, the bars go unnamed. */
const AXIS_LABELS = 12

/** Every month from the first period to the last, with the months that had no renderings as zeros. */
export function everyMonth(periods: readonly LabelPeriod[]): LabelPeriod[] {
  if (periods.length === 0) return []
  const byPeriod = new Map(periods.map((period) => [period.period, period]))
  const months: LabelPeriod[] = []
  for (let index = monthIndex(periods[0]!.period); index <= monthIndex(periods.at(-1)!.period); index++) {
    const period = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
    months.push(byPeriod.get(period) ?? { period, byLabel: zeros() })
  }
  return months
}

/** Months since year 0 of a YYYY-MM period: consecutive months are consecutive numbers. */
function monthIndex(period: string): number {
  const [year, month] = period.split('-').map(Number) as [number, number]
  return year * 12 + month - 1
}

const zeros = (): Record<Label, number> =>
  Object.fromEntries(LABELS.map((label) => [label, 0])) as Record<Label, number>
const total = (period: LabelPeriod): number => LABELS.reduce((sum, label) => sum + period.byLabel[label], 0)

/** The chart, its legend and its table; a sentence instead when there is nothing to draw. */
export function labelChart(periods: readonly LabelPeriod[]): Html {
  const months = everyMonth(periods)
  if (months.length === 0) return html`<p>No renderings of this outlet belong to a claim yet.</p>`
  const highest = Math.max(...months.map(total))
  const slot = PLOT_WIDTH / months.length
  const barWidth = Math.min(MAX_BAR_WIDTH, Math.max(1, slot * 0.7))
  const scale = (n: number) => (n / highest) * PLOT_HEIGHT
  const every = Math.ceil(months.length / AXIS_LABELS)
  const summary = `Renderings by label, month by month, from ${months[0]!.period} to ${months.at(-1)!.period}; at most ${highest} in a month.`

  const bars = months.map((month, index) => {
    const x = MARGIN.left + index * slot + (slot - barWidth) / 2
    let y = MARGIN.top + PLOT_HEIGHT
    const segments = LABELS.filter((label) => month.byLabel[label] > 0).map((label) => {
      const height = scale(month.byLabel[label])
      y -= height
      return html`<rect
        class="bar-${label}"
        x="${x.toFixed(1)}"
        y="${y.toFixed(1)}"
        width="${barWidth.toFixed(1)}"
        height="${height.toFixed(1)}"
        ><title>${month.period}: ${month.byLabel[label]} ${label}</title></rect
      >`
    })
    const name =
      index % every === 0
        ? html`<text
            class="axis-label"
            x="${(x + barWidth / 2).toFixed(1)}"
            y="${HEIGHT - MARGIN.bottom + 18}"
            text-anchor="middle"
            >${month.period}</text
          >`
        : ''
    return html`<g>${segments}${name}</g>`
  })

  return html`<figure class="chart">
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-summary" class="label-chart">
        <title id="chart-title">Renderings by label over time</title>
        <desc id="chart-summary">${summary}</desc>
        <line
          class="axis"
          x1="${MARGIN.left}"
          y1="${MARGIN.top + PLOT_HEIGHT}"
          x2="${WIDTH - MARGIN.right}"
          y2="${MARGIN.top + PLOT_HEIGHT}"
        />
        <line
          class="axis"
          x1="${MARGIN.left}"
          y1="${MARGIN.top}"
          x2="${MARGIN.left}"
          y2="${MARGIN.top + PLOT_HEIGHT}"
        />
        <text class="axis-label" x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" text-anchor="end">${highest}</text>
        <text class="axis-label" x="${MARGIN.left - 6}" y="${MARGIN.top + PLOT_HEIGHT}" text-anchor="end">0</text>
        ${bars}
      </svg>
      <figcaption>
        <ul class="legend">
          ${LABELS.map((label) => html`<li><span class="swatch bar-${label}" aria-hidden="true"></span>${label}</li>`)}
        </ul>
      </figcaption>
    </figure>
    <details class="chart-table">
      <summary>The chart’s figures as a table</summary>
      <table>
        <caption>
          ${summary}
        </caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            ${LABELS.map((label) => html`<th scope="col">${label}</th>`)}
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          ${months.map(
            (month) =>
              html`<tr>
                <th scope="row">${month.period}</th>
                ${LABELS.map((label) => html`<td>${month.byLabel[label]}</td>`)}
                <td>${total(month)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>`
}
