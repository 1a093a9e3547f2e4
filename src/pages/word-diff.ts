import type { WordRun } from '../domain/wording/index.js'
import { html, type Html } from './html.js'

/**
 * The word diff of a rendering against the canonical wording (the runs src/domain/wording/align-words.ts
 * computed): deleted words in <del>, inserted ones in <ins>, a replacement as both. Screen readers
 * mostly say nothing of <del> and <ins>, so each says what it is in words that are only read out.
 */
export function wordDiff(runs: readonly WordRun[]): Html {
  const parts = runs.map((run) => {
    switch (run.op) {
      case 'equal':
        return html`<span>${run.a.join(' ')}</span>`
      case 'delete':
        return deleted(run.a)
      case 'insert':
        return inserted(run.b)
      case 'replace':
        return html`${deleted(run.a)} ${inserted(run.b)}`
    }
  })
  return html`<p class="diff">${parts.map((part, index) => html`${index > 0 ? ' ' : ''}${part}`)}</p>`
}

const deleted = (words: readonly string[]): Html =>
  html`<del><span class="visually-hidden">[cut: </span>${words.join(' ')}<span class="visually-hidden">]</span></del>`

const inserted = (words: readonly string[]): Html =>
  html`<ins><span class="visually-hidden">[added: </span>${words.join(' ')}<span class="visually-hidden">]</span></ins>`

/** Whether the rendering differs from the canonical wording at all. */
export const differs = (runs: readonly WordRun[]): boolean => runs.some((run) => run.op !== 'equal')
