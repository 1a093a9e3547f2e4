/**
 * A claim as a schema.org ClaimReview (https://schema.org/ClaimReview), the JSON-LD that fact-checkers
 * publish and search engines and fact-check archives read.
 *
 * What is reviewed here is attribution, not truth: whether the outlets printed the speaker's words as
 * spoken. So the review names that aspect (`reviewAspect`), its body counts how the renderings compare
 * with the canonical wording, and it carries no `reviewRating` of its own: a rating is an editor's
 * judgement, and one is added only when an editor's note supplies it (`ReviewRating`). Inventing one from
 * the labels would read, to every consumer of ClaimReview, as a verdict on whether the claim is true.
 */

export const SCHEMA_ORG_CONTEXT = 'https://schema.org'

/** The language of what the review itself says (its name and body), which the service writes in English. */
export const REVIEW_LANGUAGE = 'en'

/** The organisation publishing the reviews: the API's operator. */
export interface ReviewPublisher {
  name: string
  /** its web site */
  url: string
}

/** An editor's verdict on the claim, the only source of a `reviewRating`. */
export interface ReviewRating {
  /** the verdict in words, as printed by the fact-checker ("Accurately quoted", "Misquoted") */
  verdict: string
  /** why, in a sentence or two */
  explanation?: string
}

export interface ReviewedArticle {
  id: string
  url: string
  title: string | null
  /** null: the article gave no date (its ingestion time is no publication date) */
  publishedAt: string | null
  outlet: { id: string; name: string; domain: string | null }
}

/** What the review is made from: a claim as the service reads it. */
export interface ReviewedClaim {
  id: string
  canonicalText: string
  speaker: { name: string; kind: 'person' | 'organisation'; title: string | null; wikidataId: string | null }
  firstArticleId: string | null
  /** every rendering, earliest first */
  appearances: Array<{ pieces: string[]; label: string; article: ReviewedArticle }>
  /** when the service first recorded the claim, and last changed it */
  createdAt: string
  updatedAt: string
}

export interface ReviewContext {
  publisher: ReviewPublisher
  /** the address of the claim's record, which the review summarises */
  url: string
  rating?: ReviewRating
}

interface Organization {
  '@type': 'Organization'
  name: string
  url?: string
}

interface Quotation {
  '@type': 'Quotation'
  text: string
}

interface NewsArticle {
  '@type': 'NewsArticle'
  url: string
  headline?: string
  datePublished?: string
  publisher: Organization
  hasPart: Quotation[]
}

export interface ClaimReviewDocument {
  '@context': typeof SCHEMA_ORG_CONTEXT
  '@type': 'ClaimReview'
  url: string
  name: string
  claimReviewed: string
  reviewAspect: string
  reviewBody: string
  inLanguage: string
  author: Organization
  datePublished: string
  dateModified: string
  itemReviewed: {
    '@type': 'Claim'
    author:
      { '@type': 'Person'; name: string; jobTitle?: string; sameAs?: string } | (Organization & { sameAs?: string })
    datePublished?: string
    firstAppearance?: NewsArticle
    appearance: NewsArticle[]
  }
  reviewRating?: { '@type': 'Rating'; alternateName: string; ratingExplanation?: string }
}

/** What the review assesses, as `reviewAspect` says it. */
export const REVIEW_ASPECT = 'attribution: whether outlets printed the speaker’s words as spoken'

const TITLE_EXCERPT_LENGTH = 80

/**
 * The review's title: whose words, and which (cut at a word near 80 characters). A comma the quote
 * ended on, where the reporter's sentence went on, is not kept.
 */
export function reviewTitle(speaker: string, canonicalText: string): string {
  let excerpt = canonicalText.replace(/[\s,;:]+$/u, '')
  if (excerpt.length > TITLE_EXCERPT_LENGTH) {
    const cut = excerpt.slice(0, TITLE_EXCERPT_LENGTH)
    const lastSpace = cut.lastIndexOf(' ')
    excerpt = `${(lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/u, '')}…`
  }
  return `How outlets quoted ${speaker}: “${excerpt}”`
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`

/** The review's body: how many printed the words, and how faithfully, by label. */
export function reviewBody(claim: ReviewedClaim): string {
  const articles = new Set(claim.appearances.map((appearance) => appearance.article.id))
  const outlets = new Set(claim.appearances.map((appearance) => appearance.article.outlet.id))
  const byLabel = new Map<string, number>()
  for (const { label } of claim.appearances) byLabel.set(label, (byLabel.get(label) ?? 0) + 1)
  const labels = [...byLabel].map(([label, count]) => `${count} ${label}`).join(', ')
  return (
    `${plural(claim.appearances.length, 'rendering')} of these words of ${claim.speaker.name} in ` +
    `${plural(articles.size, 'article')} from ${plural(outlets.size, 'outlet')}, compared word by word with the ` +
    `wording printed most often: ${labels}. This review is of attribution: whether the words printed are the ` +
    `speaker’s. It does not rate whether what was said is true.`
  )
}

const outletOrganization = (outlet: ReviewedArticle['outlet']): Organization => ({
  '@type': 'Organization',
  name: outlet.name,
  ...(outlet.domain ? { url: `https://${outlet.domain}` } : {}),
})

/**
 * An article as a NewsArticle, with the words it printed as Quotations: each piece of a quote exactly
 * as printed (a quote interrupted by the reporter's words is several pieces; joining them would make a
 * text nobody printed).
 */
function newsArticle(article: ReviewedArticle, printed: string[]): NewsArticle {
  return {
    '@type': 'NewsArticle',
    url: article.url,
    ...(article.title ? { headline: article.title } : {}),
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    publisher: outletOrganization(article.outlet),
    hasPart: [...new Set(printed)].map((text) => ({ '@type': 'Quotation', text })),
  }
}

function claimAuthor(speaker: ReviewedClaim['speaker']): ClaimReviewDocument['itemReviewed']['author'] {
  const sameAs = speaker.wikidataId ? { sameAs: `https://www.wikidata.org/wiki/${speaker.wikidataId}` } : {}
  if (speaker.kind === 'organisation') return { '@type': 'Organization', name: speaker.name, ...sameAs }
  return { '@type': 'Person', name: speaker.name, ...(speaker.title ? { jobTitle: speaker.title } : {}), ...sameAs }
}

/** The ClaimReview of a claim: its speaker, where it appeared (first, and everywhere), and what was found. */
export function claimReview(claim: ReviewedClaim, context: ReviewContext): ClaimReviewDocument {
  const articles = new Map<string, { article: ReviewedArticle; printed: string[] }>()
  for (const appearance of claim.appearances) {
    const entry = articles.get(appearance.article.id) ?? { article: appearance.article, printed: [] }
    entry.printed.push(...appearance.pieces)
    articles.set(appearance.article.id, entry)
  }
  const appearance = [...articles.values()].map((entry) => newsArticle(entry.article, entry.printed))
  const firstIndex = [...articles.keys()].indexOf(claim.firstArticleId ?? '')
  const first =
    firstIndex === -1 ? undefined : { page: appearance[firstIndex]!, entry: [...articles.values()][firstIndex]! }
  return {
    '@context': SCHEMA_ORG_CONTEXT,
    '@type': 'ClaimReview',
    url: context.url,
    name: reviewTitle(claim.speaker.name, claim.canonicalText),
    claimReviewed: claim.canonicalText,
    reviewAspect: REVIEW_ASPECT,
    reviewBody: reviewBody(claim),
    inLanguage: REVIEW_LANGUAGE,
    author: { '@type': 'Organization', name: context.publisher.name, url: context.publisher.url },
    datePublished: claim.createdAt,
    dateModified: claim.updatedAt,
    itemReviewed: {
      '@type': 'Claim',
      author: claimAuthor(claim.speaker),
      // When the words entered public discourse: the first appearance's date, when it gave one.
      ...(first?.entry.article.publishedAt ? { datePublished: first.entry.article.publishedAt } : {}),
      ...(first ? { firstAppearance: first.page } : {}),
      appearance,
    },
    ...(context.rating
      ? {
          reviewRating: {
            '@type': 'Rating',
            alternateName: context.rating.verdict,
            ...(context.rating.explanation ? { ratingExplanation: context.rating.explanation } : {}),
          },
        }
      : {}),
  }
}
