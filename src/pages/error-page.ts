import { html } from './html.js'
import { layout } from './layout.js'
import { pagePaths } from './paths.js'

/** What a page answers when it cannot show what was asked: the status in words, and where to go instead. */
export function errorPage(title: string, detail: string): string {
  const main = html` <h1>${title}</h1>
    <p>${detail}</p>
    <p><a href="${pagePaths.search}">Search claims</a> or <a href="${pagePaths.verify}">verify a quote</a>.</p>`
  return layout(title, main)
}
