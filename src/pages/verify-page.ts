import type { VerifyResult } from '../schemas/claims.js'
import { date, LABEL_MEANINGS, labelBadge, percent, speakerSuggestions } from './format.js'
import { html, type Html } from './html.js'
import { layout } from './layout.js'
import { pagePaths } from './paths.js'
import { wordDiff } from './word-diff.js'

type Verdict = VerifyResult['verdict']
type Match = VerifyResult['matches'][number]

/** Each verdict in a sentence an editor can act on. */
export const VERDICT_SENTENCES: Record<Verdict, string> = {
  matches: 'On record, word for word.',
  excerpt: 'On record: an exact excerpt of the canonical wording.',
  elided: 'On record, with words left out at marked gaps.',
  altered: 'On record, but the wording is altered.',
  extended: 'On record, with words around it that the record does not have.',
  'attributed-to-other-speaker': 'These words are on record, but for someone else.',
  'unknown-speaker': 'The record cannot tell who that speaker is.',
  'no-record': 'No claim on record has these words.',
}

export interface VerifyPageData {
  input: { text?: string | undefined; speaker?: string | undefined }
  /** null when nothing was pasted yet, or when `problem` says why it could not be checked */
  result: VerifyResult | null
  problem: string | null
}

function match(item: Match, index: number): Html {
  const id = `match-${index + 1}`
  return html`<li>
    <article class="rendering label-${item.label}" aria-labelledby="${id}">
      <header>
        <h3 id="${id}"><a href="${pagePaths.claim(item.claim.id)}">A claim of ${item.claim.speaker.name}</a></h3>
        ${labelBadge(item.label)}
      </header>
      <blockquote class="printed"><p>“${item.claim.canonicalText}”</p></blockquote>
      <p class="diff-caption">Your text against this canonical wording:</p>
      ${wordDiff(item.diff)}
      <dl class="facts">
        <dt>Label</dt>
        <dd>${item.label}: ${LABEL_MEANINGS[item.label]}</dd>
        <dt>Fidelity</dt>
        <dd>${percent(item.fidelity)}</dd>
        <dt>Coverage</dt>
        <dd>${percent(item.coverage)}</dd>
        ${
          item.firstAppearance
            ? html`<dt>First appearance</dt>
                <dd>${item.firstAppearance.outlet.name}, ${date(item.firstAppearance.at)}</dd>`
            : ''
        }
        <dt>Printed as</dt>
        <dd>
          <ul>
            ${item.wordings.map((wording) => html`<li>“${wording.text}” (${wording.label}) by ${wording.outlets.map((outlet) => outlet.name).join(', ')}</li>`)}
          </ul>
        </dd>
      </dl>
    </article>
  </li>`
}

function verdict(result: VerifyResult): Html {
  return html`<section aria-labelledby="verdict-heading">
    <h2 id="verdict-heading">Verdict: <span class="verdict verdict-${result.verdict}">${result.verdict}</span></h2>
    <p class="verdict-sentence">${VERDICT_SENTENCES[result.verdict]}</p>
    ${result.speaker ? html`<p>Speaker recognised as <a href="${pagePaths.speaker(result.speaker.id)}">${result.speaker.name}</a> (by ${result.speaker.resolvedBy}).</p>` : ''}
    ${speakerSuggestions(result.suggestions)}
    ${
      result.matches.length > 0
        ? html`<ol class="renderings">
            ${result.matches.map(match)}
          </ol>`
        : ''
    }
  </section>`
}

/** Paste a quote (and who it is attributed to) and see the verdict and the diff against the record. */
export function verifyPage({ input, result, problem }: VerifyPageData): string {
  const main = html` <h1>Verify a quote</h1>
    <form method="get" action="${pagePaths.verify}" class="verify-form">
      <p>
        <label for="verify-text">The quote, as printed or pasted</label>
        <textarea id="verify-text" name="text" rows="4" maxlength="20000" required>${input.text ?? ''}</textarea>
      </p>
      <p>
        <label for="verify-speaker">Attributed to (optional)</label>
        <input
          id="verify-speaker"
          name="speaker"
          type="text"
          value="${input.speaker ?? ''}"
          maxlength="200"
          autocomplete="off"
        />
      </p>
      <p><button type="submit">Verify</button></p>
    </form>
    ${problem ? html`<div class="notice" role="alert"><p>${problem}</p></div>` : ''} ${result ? verdict(result) : ''}`
  return layout('Verify a quote', main)
}
