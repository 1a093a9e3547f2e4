import { REVIEW_LANGUAGE, reviewTitle, type ReviewPublisher, type ReviewRating } from './claim-review.js'

/**
 * A claim in the shape of Google's Fact Check Tools API (`claims:search` answers `claims[]` of these),
 * so that clients written for that API read Verbatim's claims unchanged. The fields mean what they mean
 * there: `claimReview[]` is the reviews of the claim, here the one this service publishes; its
 * `textualRating` comes only from an editor's verdict (see claim-review.ts for why none is made up).
 */
export interface FactCheckedClaim {
  text: string
  claimant: string
  /** when the claim was first printed; absent when its first printing gave no date */
  claimDate?: string
  claimReview: Array<{
    publisher: { name: string; site: string }
    url: string
    title: string
    reviewDate: string
    textualRating?: string
    languageCode: string
  }>
}

export interface FactCheckedClaimInput {
  canonicalText: string
  speakerName: string
  /** the first appearance's publication date; null when it gave none */
  firstPublishedAt: string | null
  /** when the service first recorded the claim: the review's date */
  createdAt: string
}

/** The site a publisher is known by in Fact Check Tools: its web address's host, without a leading www. */
export const publisherSite = (publisher: ReviewPublisher): string => siteOf(new URL(publisher.url).hostname)

/** A host name as a site filter compares it: lowercase, without a leading www. */
export const siteOf = (host: string): string => host.toLowerCase().replace(/^www\./u, '')

export function factCheckedClaim(
  claim: FactCheckedClaimInput,
  review: { publisher: ReviewPublisher; url: string; rating?: ReviewRating },
): FactCheckedClaim {
  return {
    text: claim.canonicalText,
    claimant: claim.speakerName,
    ...(claim.firstPublishedAt ? { claimDate: claim.firstPublishedAt } : {}),
    claimReview: [
      {
        publisher: { name: review.publisher.name, site: publisherSite(review.publisher) },
        url: review.url,
        title: reviewTitle(claim.speakerName, claim.canonicalText),
        reviewDate: claim.createdAt,
        ...(review.rating ? { textualRating: review.rating.verdict } : {}),
        languageCode: REVIEW_LANGUAGE,
      },
    ],
  }
}
