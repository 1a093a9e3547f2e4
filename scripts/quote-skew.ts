/**
 * How unevenly a corpus quotes its speakers, as the benchmarks report it: the exponent of Zipf's law that
 * fits the speakers' quote counts (quotes ∝ 1 / rank^exponent), by least squares on log rank and log quotes.
 * The real-corpus benchmark prints it for the store it filled, so that the synthetic corpus's `speakerSkew`
 * (src/domain/claims/synthetic-corpus.ts) can be set from real news, and the ingest benchmark prints it for
 * the synthetic corpus it generated.
 */

/** The fitted exponent (0 for speakers quoted evenly); NaN with fewer than two speakers quoted. */
export function zipfExponent(quoteCounts: readonly number[]): number {
  const counts = quoteCounts.filter((count) => count > 0).sort((a, b) => b - a)
  const n = counts.length
  let sumX = 0
  let sumY = 0
  let sumXX = 0
  let sumXY = 0
  counts.forEach((count, k) => {
    const x = Math.log(k + 1)
    const y = Math.log(count)
    sumX += x
    sumY += y
    sumXX += x * x
    sumXY += x * y
  })
  return (sumX * sumY - n * sumXY) / (n * sumXX - sumX * sumX)
}
