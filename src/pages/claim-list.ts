import { LABELS, type ClaimListItem } from '../schemas/claims.js'
import type { ClaimConsistency } from '../services/claims.js'
import { count, date, percent } from './format.js'
import { html, type Html } from './html.js'
import { pagePaths } from './paths.js'

/** A list of claims, as the speaker and search pages show them: each with its speaker, wording and renderings. */

/** "2 verbatim, 1 altered": the labels a claim's renderings have, most common first. */
export function labelTally(consistency: ClaimConsistency): string {
  return LABELS.filter((label) => consistency.byLabel[label] > 0)
    .sort((x, y) => consistency.byLabel[y] - consistency.byLabel[x])
    .map((label) => `${consistency.byLabel[label]} ${label}`)
    .join(', ')
}

/** A bar of a claim's renderings by label: decoration beside the same figures in words. */
function consistencyBar(consistency: ClaimConsistency): Html {
  let x = 0
  const segments = LABELS.filter((label) => consistency.byLabel[label] > 0).map((label) => {
    const width = (consistency.byLabel[label] / consistency.renderings) * 100
    const segment = html`<rect class="bar-${label}" x="${x.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="8" />`
    x += width
    return segment
  })
  return html`<svg
    class="consistency-bar"
    viewBox="0 0 100 8"
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
  >
    ${segments}
  </svg>`
}

function consistencyLine(consistency: ClaimConsistency | undefined, renderingCount: number): Html {
  if (!consistency) return html`<p class="consistency">${count(renderingCount, 'rendering')}</p>`
  return html`<p class="consistency">
      ${count(consistency.renderings, 'rendering')}: ${labelTally(consistency)} ·
      ${percent(consistency.byLabel.verbatim / consistency.renderings)} verbatim · lowest fidelity
      ${percent(consistency.lowestFidelity)}
    </p>
    ${consistencyBar(consistency)}`
}

export function claimList(
  claims: readonly ClaimListItem[],
  consistency: ReadonlyMap<string, ClaimConsistency>,
  options: { showSpeaker: boolean },
): Html {
  return html`<ol class="claims">
    ${claims.map(
      (claim) =>
        html`<li>
          <article class="claim-item">
            <p class="claim-text"><a href="${pagePaths.claim(claim.id)}">“${claim.canonicalText}”</a></p>
            <p class="claim-meta">
              ${options.showSpeaker ? html`<a href="${pagePaths.speaker(claim.speaker.id)}">${claim.speaker.name}</a> · ` : ''}first
              appeared ${claim.firstAppearedAt ? date(claim.firstAppearedAt) : 'on an unknown date'}
            </p>
            ${consistencyLine(consistency.get(claim.id), claim.renderingCount)}
          </article>
        </li>`,
    )}
  </ol>`
}
