import type { LABELS } from '../schemas/claims.js'
import type { SPEAKER_INFERENCES } from '../schemas/common.js'
import { html, type Html } from './html.js'
import { pagePaths } from './paths.js'

/** How the pages write figures, dates, labels and links, the same way on every page. */

export type Label = (typeof LABELS)[number]

/** What each label means, in the words the README uses: shown beside a label wherever one is. */
export const LABEL_MEANINGS: Record<Label, string> = {
  verbatim: 'the canonical wording, word for word',
  excerpt: 'a run of the canonical wording, printed exactly',
  extended: 'the canonical wording with more words around it',
  elided: 'words left out, each gap marked with an ellipsis',
  altered: 'words changed, added or cut without a mark',
}

/** Why a rendering's speaker is one the article did not name, by how it was inferred. */
export const SPEAKER_INFERENCE_MEANINGS: Record<(typeof SPEAKER_INFERENCES)[number], string> = {
  wording: 'not named by the article: inferred from the words',
  office: 'described by the article only by an office: the one holder that articles of that time name',
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`

/** A date as editors read it (3 May 2025, in UTC: the day the article gives), with the machine form beside it. */
export function date(iso: string): Html {
  const shown = new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return html`<time datetime="${iso}">${shown}</time>`
}

export const labelBadge = (label: Label): Html =>
  html`<span class="label label-${label}" title="${LABEL_MEANINGS[label]}">${label}</span>`

/**
 * A link to an article: only web addresses are links (an article's URL may be a URN, and a
 * `javascript:` address must never become one); anything else is shown as text.
 */
export const articleLink = (url: string, text: string): Html =>
  /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="noreferrer">${text}</a>` : html`<span>${text}</span>`

/** "1 rendering", "3 renderings". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

/** The speakers a name nobody goes by may have meant, as links; nothing when there are none. */
export function speakerSuggestions(suggestions: ReadonlyArray<{ id: string; name: string }>): Html {
  if (suggestions.length === 0) return html``
  const links = suggestions.map((speaker) => html`<a href="${pagePaths.speaker(speaker.id)}">${speaker.name}</a>`)
  return html`<p>Perhaps: ${links.map((link, index) => html`${index > 0 ? ', ' : ''}${link}`)}</p>`
}
