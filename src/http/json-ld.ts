/**
 * Which of the two media types of a JSON-LD answer a client asked for. JSON-LD is JSON, so the same body
 * serves both; `application/ld+json` is the default (what consumers of schema.org data look for), and plain
 * `application/json` is given to a client whose Accept prefers it, as a generic JSON client's does.
 */
export const JSON_LD = 'application/ld+json'
export const PLAIN_JSON = 'application/json'

/** The quality (RFC 9110 §12.4.2) Accept gives a media type: by its most specific range that matches. */
function quality(ranges: Array<{ type: string; q: number }>, mediaType: string): number {
  const [major] = mediaType.split('/')
  const exact = ranges.find((range) => range.type === mediaType)
  const family = ranges.find((range) => range.type === `${major}/*`)
  const any = ranges.find((range) => range.type === '*/*')
  return (exact ?? family ?? any)?.q ?? 0
}

export function jsonLdMediaType(accept: string | undefined): typeof JSON_LD | typeof PLAIN_JSON {
  if (!accept) return JSON_LD
  const ranges = accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    const value = q === undefined ? 1 : Number(q.slice(2))
    return { type, q: Number.isFinite(value) ? value : 0 }
  })
  return quality(ranges, PLAIN_JSON) > quality(ranges, JSON_LD) ? PLAIN_JSON : JSON_LD
}
