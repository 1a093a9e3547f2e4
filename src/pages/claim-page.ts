import { labelRendering } from '../domain/wording/index.js'
import type { ClaimDetail } from '../schemas/claims.js'
import { articleLink, count, date, LABEL_MEANINGS, labelBadge, percent, SPEAKER_INFERENCE_MEANINGS } from './format.js'
import { html, type Html } from './html.js'
import { layout } from './layout.js'
import { pagePaths } from './paths.js'
import { wordDiff } from './word-diff.js'

type Appearance = ClaimDetail['appearances'][number]
type Misattribution = ClaimDetail['misattributions'][number]
type ArticleRef = Appearance['article']

/** The words as printed: a quote printed in pieces shows each piece, the reporter's words between them left out. */
const printed = (pieces: readonly string[]): Html =>
  html`<blockquote class="printed">${pieces.map((piece) => html`<p>“${piece}”</p>`)}</blockquote>`

const published = (article: ArticleRef): Html =>
  article.publishedAt ? date(article.publishedAt) : html`<span>undated</span>`

const articleFacts = (article: ArticleRef, via: string | null): Html =>
  html` <dt>Published</dt>
    <dd>${published(article)}</dd>
    <dt>Article</dt>
    <dd>${articleLink(article.url, article.title ?? article.url)}</dd>
    ${
      via
        ? html`<dt>Relayed from</dt>
            <dd>${via}</dd>`
        : ''
    }`

function rendering(claim: ClaimDetail, appearance: Appearance, index: number): Html {
  const first = claim.firstAppearance?.articleId === appearance.article.id
  const id = `rendering-${index + 1}`
  return html`<li>
    <article class="rendering label-${appearance.label}" aria-labelledby="${id}">
      <header>
        <h3 id="${id}">
          <a href="${pagePaths.outlet(appearance.article.outlet.id)}">${appearance.article.outlet.name}</a>
        </h3>
        ${labelBadge(appearance.label)} ${first ? html`<span class="flag flag-first">First appearance</span>` : ''}
      </header>
      ${printed(appearance.pieces)}
      <p class="diff-caption">Against the canonical wording:</p>
      ${wordDiff(appearance.diff)}
      <dl class="facts">
        <dt>Label</dt>
        <dd>${appearance.label}: ${LABEL_MEANINGS[appearance.label]}</dd>
        <dt>Fidelity</dt>
        <dd>${percent(appearance.fidelity)}</dd>
        <dt>Coverage</dt>
        <dd>${appearance.coverage === null ? 'not yet computed' : percent(appearance.coverage)}</dd>
        ${articleFacts(appearance.article, appearance.via)}
        ${
          appearance.speakerInferredBy === null
            ? ''
            : html`<dt>Speaker</dt>
                <dd>${SPEAKER_INFERENCE_MEANINGS[appearance.speakerInferredBy]}</dd>`
        }
        ${
          appearance.speakerCorrected
            ? html`<dt>Speaker</dt>
                <dd>given by an editor: the article named someone else, or nobody</dd>`
            : ''
        }
      </dl>
    </article>
  </li>`
}

function misattribution(claim: ClaimDetail, quote: Misattribution, index: number): Html {
  const id = `misattribution-${index + 1}`
  return html`<li>
    <article class="rendering misattributed" aria-labelledby="${id}">
      <header>
        <h3 id="${id}"><a href="${pagePaths.outlet(quote.article.outlet.id)}">${quote.article.outlet.name}</a></h3>
        <span class="flag flag-misattributed">Misattributed</span>
      </header>
      <p class="named-speaker">
        Gives these words to <a href="${pagePaths.speaker(quote.namedSpeaker.id)}">${quote.namedSpeaker.name}</a>, not
        ${claim.speaker.name}.
      </p>
      ${printed(quote.pieces)}
      <p class="diff-caption">Against the canonical wording:</p>
      ${wordDiff(labelRendering(quote.text, claim.canonicalText).diff)}
      <dl class="facts">${articleFacts(quote.article, quote.via)}</dl>
    </article>
  </li>`
}

function firstAppearance(claim: ClaimDetail): Html {
  const first = claim.firstAppearance
  if (!first) return html`<dd>unknown</dd>`
  return html`<dd>
    <a href="${pagePaths.outlet(first.outlet.id)}">${first.outlet.name}</a>,
    ${date(first.at)}${first.dated ? '' : ' (when it was ingested: the article gives no date)'} ·
    ${articleLink(first.url, 'the article')}
  </dd>`
}

/** The editor's verdict, where one stands: what a reader of the claim should see first after its words. */
function editorNote(note: ClaimDetail['note']): Html | string {
  if (!note) return ''
  return html`<aside class="editor-note" aria-labelledby="note-heading">
    <h2 id="note-heading">Editor’s verdict: ${note.verdict}</h2>
    ${note.explanation ? html`<p>${note.explanation}</p>` : ''}
    <p class="byline">${note.author.name ?? note.author.id}, ${date(note.createdAt)}</p>
  </aside>`
}

/** A claim: who said it, the canonical wording, and every rendering side by side with its differences marked. */
export function claimPage(claim: ClaimDetail): string {
  const { consistency } = claim
  const main = html` <h1>${claim.speaker.name}: a claim</h1>
    <p class="byline">Said by <a href="${pagePaths.speaker(claim.speaker.id)}">${claim.speaker.name}</a></p>
    <figure class="canonical">
      <blockquote><p>“${claim.canonicalText}”</p></blockquote>
      <figcaption>The canonical wording: the one printed by the most articles.</figcaption>
    </figure>
    <dl class="facts summary">
      <dt>First appearance</dt>
      ${firstAppearance(claim)}
      <dt>Renderings</dt>
      <dd>
        ${count(consistency.renderings, 'rendering')} in ${count(consistency.articles, 'article')} by
        ${count(consistency.outlets, 'outlet')}; ${count(consistency.distinctWordings.length, 'distinct wording')}
      </dd>
      <dt>Verbatim</dt>
      <dd>${percent(consistency.verbatimShare)} of renderings</dd>
      <dt>Lowest fidelity</dt>
      <dd>${percent(consistency.lowestFidelity)}</dd>
    </dl>
    ${editorNote(claim.note)}
    <section aria-labelledby="renderings-heading">
      <h2 id="renderings-heading">Renderings side by side</h2>
      <p class="diff-legend">
        In each rendering’s comparison, words it <del>cut</del> are struck through and words it <ins>added</ins> are
        underlined.
      </p>
      <ol class="renderings">
        ${claim.appearances.map((appearance, index) => rendering(claim, appearance, index))}
      </ol>
    </section>
    ${
      claim.misattributions.length > 0
        ? html`<section aria-labelledby="misattributions-heading">
            <h2 id="misattributions-heading">Given to someone else</h2>
            <p>These outlets printed these words as another speaker’s.</p>
            <ol class="renderings">
              ${claim.misattributions.map((quote, index) => misattribution(claim, quote, index))}
            </ol>
          </section>`
        : ''
    }
    <p class="api-link">As JSON: <a href="/v1/claims/${claim.id}">/v1/claims/${claim.id}</a></p>`
  return layout(`${claim.speaker.name}: “${claim.canonicalText}”`, main)
}
