import type { ClaimListItem } from '../schemas/claims.js'
import type { SpeakerResource } from '../schemas/resources.js'
import type { ClaimConsistency } from '../services/claims.js'
import { claimList } from './claim-list.js'
import { html } from './html.js'
import { layout } from './layout.js'
import { pagePaths } from './paths.js'

export interface SpeakerPageData {
  speaker: SpeakerResource
  claims: readonly ClaimListItem[]
  consistency: ReadonlyMap<string, ClaimConsistency>
  /** the cursor of the next page of claims, null on the last */
  nextCursor: string | null
}

/** A speaker: their claims, newest first, each with how consistently outlets reproduced it. */
export function speakerPage({ speaker, claims, consistency, nextCursor }: SpeakerPageData): string {
  const otherNames = speaker.aliases.filter((alias) => alias !== speaker.name)
  const main = html` <h1>${speaker.name}</h1>
    ${speaker.title ? html`<p class="byline">${speaker.title}</p>` : ''}
    ${otherNames.length > 0 ? html`<p>Also quoted as: ${otherNames.join('; ')}</p>` : ''}
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims, newest first</h2>
      ${claims.length > 0 ? claimList(claims, consistency, { showSpeaker: false }) : html`<p>No claims of ${speaker.name} yet.</p>`}
      ${nextCursor ? html`<p><a rel="next" href="${pagePaths.speaker(speaker.id)}?cursor=${encodeURIComponent(nextCursor)}">Older claims</a></p>` : ''}
    </section>
    <p class="api-link">As JSON: <a href="/v1/speakers/${speaker.id}/claims">/v1/speakers/${speaker.id}/claims</a></p>`
  return layout(speaker.name, main)
}
