import t from 'tap'
import { canonicalUrl } from '../../src/domain/canonical-url.js'

t.test('one article, one address', async (t) => {
  const cases: Array<[string, string]> = [
    ['https://News.Example.com/a/b?utm_source=x&utm_medium=y#top', 'https://news.example.com/a/b'],
    ['  https://news.example.com:443/a?id=3&fbclid=abc&gclid=1  ', 'https://news.example.com/a?id=3'],
    ['http://news.example.com/a?', 'http://news.example.com/a'],
    ['https://news.example.com', 'https://news.example.com/'],
    ['URN:Verbatim:seed:000_ABC', 'urn:verbatim:seed:000_ABC'],
  ]
  for (const [input, expected] of cases) t.equal(canonicalUrl(input), expected, input)
})

t.test('what is not an article address is refused with a reason', async (t) => {
  const cases: Array<[string, RegExp]> = [
    ['news.example.com/a', /absolute http\(s\) URL or a URN/],
    ['ftp://news.example.com/a', /must use http or https, not ftp/],
    ['javascript:alert(1)', /must use http or https, not javascript/],
    ['https://user:pw@news.example.com/', /must not carry credentials/],
  ]
  for (const [input, message] of cases) t.throws(() => canonicalUrl(input), { name: 'InvalidUrlError', message }, input)
})
