import t from 'tap'
import { escapeHtml, html, Html } from '../../src/pages/html.js'

const HOSTILE = `<script>alert("x")</script> & 'quoted'`

t.test('escapeHtml turns the five characters that could end text or an attribute into entities', async (t) => {
  t.equal(escapeHtml(HOSTILE), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;')
  t.equal(escapeHtml('plain words'), 'plain words')
})

t.test('html escapes every value put into it, and only those', async (t) => {
  const inner = html`<b>${HOSTILE}</b>`
  t.ok(inner instanceof Html)
  t.equal(
    html`<p title="${HOSTILE}">${inner}</p>`.markup,
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;">' +
      '<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</b></p>',
    'text is escaped in attributes and in text; markup built by html is kept',
  )
  t.equal(html`${['<a>', html`<i></i>`, [1, 2]]}`.markup, '&lt;a&gt;<i></i>12', 'lists, nested lists and numbers')
  t.equal(html`[${null}${undefined}${false}]`.markup, '[]', 'nothing renders as nothing')
  t.equal(String(html`<hr />`), '<hr />', 'markup is its own string')
  t.equal(html`${0}`.markup, '0', 'zero is a number, not nothing')
})
