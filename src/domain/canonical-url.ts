/**
 * The form an article's address is stored and matched in, so that the same article reached through a
 * share link, a campaign link or a mixed-case host is one article.
 */

// Parameters that identify the visit, not the page.
const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|smid|ref_src)$/i
const URN = /^urn:([a-z0-9][a-z0-9-]{0,31}):(\S+)$/i

export class InvalidUrlError extends Error {
  override name = 'InvalidUrlError'
}

export function canonicalUrl(input: string): string {
  const trimmed = input.trim()
  const urn = URN.exec(trimmed)
  if (urn) return `urn:${urn[1]!.toLowerCase()}:${urn[2]}`
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new InvalidUrlError('url must be an absolute http(s) URL or a URN')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidUrlError(`url must use http or https, not ${url.protocol.slice(0, -1)}`)
  }
  if (url.username || url.password) throw new InvalidUrlError('url must not carry credentials')
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name)
  }
  // URL keeps a bare "?" when the last parameter is removed; the page is the same without it.
  return url.toString().replace(/\?$/, '')
}
