import { html, type Html } from './html.js'
import { pagePaths } from './paths.js'

/** The document every page is: its title, the site's navigation, and the page's own content as `main`. */
export function layout(title: string, main: Html): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Verbatim</title>
        <link rel="stylesheet" href="${pagePaths.stylesheet}" />
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site">
          <p class="site-name"><a href="${pagePaths.search}">Verbatim</a></p>
          <nav aria-label="Site">
            <ul>
              <li><a href="${pagePaths.search}">Search claims</a></li>
              <li><a href="${pagePaths.verify}">Verify a quote</a></li>
              <li><a href="/docs">API</a></li>
            </ul>
          </nav>
        </header>
        <main id="main">${main}</main>
      </body>
    </html> `.markup
}
