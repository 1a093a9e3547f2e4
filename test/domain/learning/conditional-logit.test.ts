import t from 'tap'
import { best, fitConditionalLogit, score, solveSymmetric } from '../../../src/domain/learning/conditional-logit.js'

t.test('solves a symmetric positive definite system', async (t) => {
  const x = solveSymmetric(
    [
      [4, 1],
      [1, 3],
    ],
    [1, 2],
  )
  t.ok(Math.abs((x[0] as number) - 1 / 11) < 1e-12)
  t.ok(Math.abs((x[1] as number) - 7 / 11) < 1e-12)
  t.throws(
    () =>
      solveSymmetric(
        [
          [1, 2],
          [2, 1],
        ],
        [1, 1],
      ),
    /not positive definite/,
  )
})

t.test('scores and picks the best alternative, the first on a tie', async (t) => {
  t.equal(score([1, -2], [3, 1]), 1)
  t.equal(
    best(
      [1, 0],
      [[0], [2], [2]].map(([v]) => [v as number, 0]),
    ),
    1,
  )
})

// Alternatives described by (near the cue?, far away?): the chosen one is near the cue, except now and then.
function choices(): { alternatives: number[][]; chosen: number }[] {
  const out: { alternatives: number[][]; chosen: number }[] = []
  for (let i = 0; i < 60; i++) {
    const alternatives = [
      [1, 0],
      [0, 1],
      [0, 0],
    ]
    out.push({ alternatives, chosen: i % 10 === 0 ? 2 : 0 })
  }
  return out
}

t.test('learns which features mark the chosen alternative', async (t) => {
  const report = fitConditionalLogit(choices(), 2, { l2: 1, maxIterations: 50, tolerance: 1e-10 })
  t.ok((report.weights[0] as number) > 1, 'being near the cue counts for')
  t.ok((report.weights[1] as number) < 0, 'being far counts against')
  t.ok(report.iterations < 50, 'converges')
  t.ok(report.meanLogLikelihood > Math.log(1 / 3), 'better than chance')
})

t.test('the fit is deterministic', async (t) => {
  const options = { l2: 1, maxIterations: 50, tolerance: 1e-10 }
  t.same(fitConditionalLogit(choices(), 2, options).weights, fitConditionalLogit(choices(), 2, options).weights)
})

t.test('a penalty keeps weights finite when a feature separates the data', async (t) => {
  const separable = [{ alternatives: [[1], [0]], chosen: 0 }]
  const report = fitConditionalLogit(separable, 1, { l2: 1, maxIterations: 100, tolerance: 1e-12 })
  t.ok(Number.isFinite(report.weights[0]) && (report.weights[0] as number) > 0)
  t.equal(fitConditionalLogit([], 1, { l2: 1, maxIterations: 5, tolerance: 1e-9 }).meanLogLikelihood, 0)
})
