import { CLAIM_OVERLAP_THRESHOLD } from './claim-overlap.js'

/**
 * The fewest of a wording's distinct words of which every longer wording that may share it must hold
 * one: the store's word screen (may_share_wording in the migrations) lets a longer wording through
 * only when it holds at least t of this one's d distinct words (t = share × its word count, less the
 * words it repeats), so by pigeonhole it holds one of any d − t + 1 of them. The longest are taken,
 * as the rarest: a speaker's claims holding one of them are few where those holding "the" are most.
 * All the distinct words when t is 1 or less. `key` is a search key (searchKey): words split by one space.
 *
 * Why: a short rendering is screened against every claim of its speaker (claim-grouping.ts); on real
 * news one speaker had 5,000 claims at 10k articles, and testing each one's words cost most of an
 * ingest's time in Postgres. A cheap array overlap with these words first leaves the costly screen a
 * few of them.
 */
export function screeningWords(key: string, share = CLAIM_OVERLAP_THRESHOLD): string[] {
  // Split as the store splits it (string_to_array(key, ' ')), so that the counts are the store's.
  const words = key === '' ? [] : key.split(' ')
  const distinct = [...new Set(words)]
  const atLeast = Math.ceil(share * words.length - (words.length - distinct.length) - 1e-9)
  const needed = atLeast <= 1 ? distinct.length : distinct.length - atLeast + 1
  return distinct.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, Math.max(0, needed))
}
