/**
 * Claims in the conventions fact-checkers exchange: schema.org ClaimReview JSON-LD, and the claim shape of
 * Google's Fact Check Tools API. Pure functions of a claim as the service reads it.
 */
export {
  claimReview,
  REVIEW_ASPECT,
  REVIEW_LANGUAGE,
  reviewBody,
  reviewTitle,
  SCHEMA_ORG_CONTEXT,
} from './claim-review.js'
export type {
  ClaimReviewDocument,
  ReviewContext,
  ReviewedArticle,
  ReviewedClaim,
  ReviewPublisher,
  ReviewRating,
} from './claim-review.js'
export { factCheckedClaim, publisherSite, siteOf } from './fact-checked-claim.js'
export type { FactCheckedClaim, FactCheckedClaimInput } from './fact-checked-claim.js'
