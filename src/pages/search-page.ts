import type { ClaimListItem } from '../schemas/claims.js'
import type { OutletResource } from '../schemas/resources.js'
import type { ClaimConsistency } from '../services/claims.js'
import { claimList } from './claim-list.js'
import { count, speakerSuggestions } from './format.js'
import { html, type Html } from './html.js'
import { layout } from './layout.js'
import { pagePaths } from './paths.js'

export interface SearchQuery {
  q?: string | undefined
  speaker?: string | undefined
  outlet?: string | undefined
}

export interface SearchPageData {
  query: SearchQuery
  /** the outlets to choose from */
  outlets: readonly OutletResource[]
  /** null when nothing was asked yet */
  results: {
    claims: readonly ClaimListItem[]
    consistency: ReadonlyMap<string, ClaimConsistency>
    nextCursor: string | null
  } | null
  /** why the search could not run (a speaker nobody goes by), with whom the name may have meant */
  problem: { detail: string; suggestions: ReadonlyArray<{ id: string; name: string }> } | null
}

function nextPage(query: SearchQuery, cursor: string): string {
  const parameters = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value) parameters.set(name, value)
  parameters.set('cursor', cursor)
  return `${pagePaths.search}?${parameters.toString()}`
}

function results(data: SearchPageData): Html {
  if (data.problem) {
    return html`<div class="notice" role="alert">
      <p>${data.problem.detail}</p>
      ${speakerSuggestions(data.problem.suggestions)}
    </div>`
  }
  if (!data.results) return html``
  const { claims, consistency, nextCursor } = data.results
  return html`<section aria-labelledby="results-heading">
    <h2 id="results-heading">
      ${claims.length === 0 ? 'No claims found' : `${count(claims.length, 'claim')}${nextCursor ? ' on this page' : ''}`}
    </h2>
    ${claimList(claims, consistency, { showSpeaker: true })}
    ${nextCursor ? html`<p><a rel="next" href="${nextPage(data.query, nextCursor)}">More claims</a></p>` : ''}
  </section>`
}

/** Search claims by their words, their speaker or an outlet that printed them. */
export function searchPage(data: SearchPageData): string {
  const { query } = data
  const main = html` <h1>Search claims</h1>
    <form method="get" action="${pagePaths.search}" class="search-form" role="search">
      <p>
        <label for="search-q">Words of the quote</label>
        <input id="search-q" name="q" type="search" value="${query.q ?? ''}" maxlength="2000" />
      </p>
      <p>
        <label for="search-speaker">Speaker</label>
        <input
          id="search-speaker"
          name="speaker"
          type="text"
          value="${query.speaker ?? ''}"
          maxlength="200"
          autocomplete="off"
        />
      </p>
      <p>
        <label for="search-outlet">Printed by</label>
        <select id="search-outlet" name="outlet">
          <option value="">any outlet</option>
          ${data.outlets.map((outlet) => html`<option value="${outlet.id}" ${outlet.id === query.outlet ? html` selected` : ''}>${outlet.name}</option>`)}
        </select>
      </p>
      <p><button type="submit">Search</button></p>
    </form>
    ${results(data)}`
  return layout('Search claims', main)
}
