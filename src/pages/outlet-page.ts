import { labelRendering } from '../domain/wording/index.js'
import { LABELS, type Scorecard } from '../schemas/claims.js'
import type { LabelPeriod } from '../services/claims.js'
import { articleLink, date, LABEL_MEANINGS, labelBadge, percent } from './format.js'
import { html, type Html } from './html.js'
import { labelChart } from './label-chart.js'
import { layout } from './layout.js'
import { pagePaths } from './paths.js'
import { wordDiff } from './word-diff.js'

export interface OutletPageData {
  scorecard: Scorecard
  periods: readonly LabelPeriod[]
}

const orNone = (share: number | null): string => (share === null ? 'none yet' : percent(share))

function mostAltered(scorecard: Scorecard): Html {
  if (scorecard.mostAltered.length === 0) return html`<p>None of its renderings is altered.</p>`
  return html`<ol class="renderings">
    ${scorecard.mostAltered.map(
      (quote, index) =>
        html`<li>
          <article class="rendering label-altered" aria-labelledby="altered-${index + 1}">
            <header>
              <h3 id="altered-${index + 1}">
                <a href="${pagePaths.speaker(quote.speaker.id)}">${quote.speaker.name}</a>
              </h3>
              ${labelBadge('altered')}
            </header>
            <blockquote class="printed"><p>“${quote.text}”</p></blockquote>
            <p class="diff-caption">Against the canonical wording, “${quote.canonicalText}”:</p>
            ${wordDiff(labelRendering(quote.text, quote.canonicalText).diff)}
            <dl class="facts">
              <dt>Fidelity</dt>
              <dd>${percent(quote.fidelity)}</dd>
              <dt>Published</dt>
              <dd>${quote.article.publishedAt ? date(quote.article.publishedAt) : 'undated'}</dd>
              <dt>Article</dt>
              <dd>${articleLink(quote.article.url, quote.article.url)}</dd>
              <dt>Claim</dt>
              <dd><a href="${pagePaths.claim(quote.claimId)}">every rendering of it</a></dd>
            </dl>
          </article>
        </li>`,
    )}
  </ol>`
}

/** An outlet: its scorecard, a chart of its renderings by label over time, and its most altered quotes. */
export function outletPage({ scorecard, periods }: OutletPageData): string {
  const { outlet } = scorecard
  const main = html` <h1>${outlet.name}</h1>
    ${outlet.domain ? html`<p class="byline">${outlet.domain}</p>` : ''}
    <section aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading">Scorecard</h2>
      <dl class="facts summary">
        <dt>Renderings</dt>
        <dd>${scorecard.renderings} quotes that belong to a claim</dd>
        <dt>Mean fidelity</dt>
        <dd>${orNone(scorecard.meanFidelity)}</dd>
        <dt>Mean coverage</dt>
        <dd>${orNone(scorecard.meanCoverage)}</dd>
      </dl>
      <table class="by-label">
        <caption>
          Renderings by label
        </caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Meaning</th>
            <th scope="col">Renderings</th>
          </tr>
        </thead>
        <tbody>
          ${LABELS.map(
            (label) =>
              html`<tr>
                <th scope="row">${labelBadge(label)}</th>
                <td>${LABEL_MEANINGS[label]}</td>
                <td>${scorecard.byLabel[label]}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section aria-labelledby="chart-heading">
      <h2 id="chart-heading">Renderings by label over time</h2>
      ${labelChart(periods)}
    </section>
    <section aria-labelledby="altered-heading">
      <h2 id="altered-heading">Most altered quotes</h2>
      ${mostAltered(scorecard)}
    </section>
    <p class="api-link">
      As JSON: <a href="/v1/outlets/${outlet.id}/scorecard">/v1/outlets/${outlet.id}/scorecard</a>
    </p>`
  return layout(outlet.name, main)
}
