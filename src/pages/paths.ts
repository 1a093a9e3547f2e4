/**
 * Where each page is: the API's resources link to these (`links.html`) and the pages link to each
 * other through them, so a page's address is written once.
 */
export const pagePaths = {
  claim: (id: string): string => `/claims/${encodeURIComponent(id)}`,
  speaker: (id: string): string => `/speakers/${encodeURIComponent(id)}`,
  outlet: (id: string): string => `/outlets/${encodeURIComponent(id)}`,
  search: '/search',
  verify: '/verify',
  stylesheet: '/pages.css',
} as const

/** The `links` member of a resource the pages show. */
export const htmlLink = (path: string): { html: string } => ({ html: path })
