import t from 'tap'
import { jsonLdMediaType } from '../../src/http/json-ld.js'

t.test('JSON-LD unless the Accept header prefers plain JSON', async (t) => {
  const cases: Array<[string | undefined, string]> = [
    [undefined, 'application/ld+json'],
    ['', 'application/ld+json'],
    ['*/*', 'application/ld+json'],
    ['application/ld+json', 'application/ld+json'],
    ['application/json', 'application/json'],
    ['Application/JSON; charset=utf-8', 'application/json'],
    ['application/*', 'application/ld+json'],
    ['application/json, application/ld+json', 'application/ld+json'],
    ['application/json;q=0.9, application/ld+json;q=0.5', 'application/json'],
    ['application/json;q=0.5, application/ld+json', 'application/ld+json'],
    ['application/json, */*;q=0.1', 'application/json'],
    ['text/html', 'application/ld+json'],
    ['application/json;q=nonsense', 'application/ld+json'],
  ]
  for (const [accept, expected] of cases) t.equal(jsonLdMediaType(accept), expected, String(accept))
})
