/**
 * Grouping quotes into claims: the deterministic greedy clustering of a speaker's renderings, the
 * exact incremental recomputation the service runs on each change, claim summaries (canonical
 * wording, first appearance, verdicts), and a synthetic corpus for tests and benchmarks. Pure
 * functions: the database is reached only through lookups passed in.
 */
export { makeOrderKey } from './order-key.js'
export type { OrderFacts } from './order-key.js'
export {
  compareRenderings,
  FRAGMENT_TIER,
  groupingTier,
  originalText,
  printedPieces,
  toClusterRendering,
} from './rendering.js'
export type { ClusterRendering, Placement, RenderingInput } from './rendering.js'
export {
  compareOverlaps,
  FRAGMENT_WORDS,
  fragmentLookup,
  isFragment,
  overlapBound,
  overlapsClaim,
  wordingOverlap,
} from './overlap.js'
export {
  assignSeeds,
  chooseSeed,
  clusterRenderings,
  compareWaysIn,
  extendClaim,
  recluster,
  summarizeClaim,
} from './cluster.js'
export type {
  ClaimExtension,
  ClaimGroup,
  ClusteredClaim,
  KnownVerdicts,
  RenderingVerdict,
  SeedOverlap,
  StoredClaimState,
} from './cluster.js'
export { reassign } from './incremental.js'
export type {
  ClaimChange,
  LaterCandidates,
  LaterReach,
  LookupsAhead,
  Reassignment,
  SeededCandidates,
  SeededRendering,
} from './incremental.js'
export { createRandom, generateSyntheticCorpus } from './synthetic-corpus.js'
export type {
  SyntheticArticle,
  SyntheticCorpus,
  SyntheticCorpusOptions,
  SyntheticQuote,
  SyntheticSpeaker,
  SyntheticUtterance,
  SyntheticVariant,
} from './synthetic-corpus.js'
export { planClaimIdentity } from './claim-identity.js'
export type { ClaimIdentityPlan, EmptiedClaim, StartedClaim } from './claim-identity.js'
export { ClaimCorrectionError, planMerge, planMove, planSplit } from './claim-corrections.js'
export type { ClaimMember, CorrectedClaim, PlacementPlan } from './claim-corrections.js'
