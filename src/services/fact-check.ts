import { claimReview, type ClaimReviewDocument, type ReviewPublisher } from '../domain/fact-check/index.js'
import type { PrismaClient } from '../generated/prisma/client.js'
import { getClaimDetail } from './claims.js'

/** Claims in fact-checkers' conventions: a claim's ClaimReview. */

export interface ReviewSite {
  /** the organisation publishing the reviews */
  publisher: ReviewPublisher
  /** scheme, host and port the API is reached at: absolute addresses in the reviews start with it */
  origin: string
}

const claimUrl = (site: ReviewSite, id: string) => `${site.origin}/v1/claims/${id}`

export async function getClaimReview(prisma: PrismaClient, id: string, site: ReviewSite): Promise<ClaimReviewDocument> {
  const claim = await getClaimDetail(prisma, id, (survivor) => `/v1/claims/${survivor}/claimreview`)
  // A claim's speaker cannot be deleted while the claim stands (the foreign key restricts it).
  const speaker = await prisma.speaker.findUniqueOrThrow({
    where: { id: claim.speaker.id },
    select: { name: true, kind: true, title: true, wikidataId: true },
  })
  return claimReview(
    {
      id: claim.id,
      canonicalText: claim.canonicalText,
      speaker,
      firstArticleId: claim.firstAppearance?.articleId ?? null,
      appearances: claim.appearances,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
    },
    { publisher: site.publisher, url: claimUrl(site, claim.id) },
  )
}
