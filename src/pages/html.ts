/**
 * The one way page text reaches HTML: every value put into an {@link html} template is escaped unless
 * it is itself the result of an `html` template. Quotes come from articles anyone can publish, so a
 * speaker named `<script>` or a quote with `"` and `&` in it must arrive on the page as text.
 */

/** Markup that has been built by {@link html}: safe to put into another template as it is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup
  }
}

/** What a template may hold: text (escaped), numbers, markup, nothing (null, undefined, false), or a list of them. */
export type Fragment = Html | string | number | null | undefined | false | readonly Fragment[]

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as HTML text or a quoted attribute value: the five characters that could end either are entities. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ENTITIES[character]!)

function render(fragment: Fragment): string {
  if (fragment instanceof Html) return fragment.markup
  if (Array.isArray(fragment)) return fragment.map(render).join('')
  if (fragment === null || fragment === undefined || fragment === false) return ''
  return escapeHtml(String(fragment))
}

/** A template of markup whose every interpolated value is escaped (see {@link Fragment}). */
export function html(strings: TemplateStringsArray, ...values: readonly Fragment[]): Html {
  let markup = strings[0]!
  values.forEach((value, index) => {
    markup += render(value) + strings[index + 1]!
  })
  return new Html(markup)
}
