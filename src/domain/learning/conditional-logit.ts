/**
 * A conditional logit (a softmax over the alternatives of each choice): every alternative is a feature
 * vector, its score the dot product with the weights, and the chosen one the alternative with the highest
 * score. Fitted by Newton's method with an L2 penalty, which is deterministic: the same choices in the same
 * order give the same weights, bit for bit, on the same platform.
 */

export interface Choice {
  /** One feature vector per alternative, all of the same length. */
  alternatives: number[][]
  /** Index of the alternative that was right. */
  chosen: number
}

export interface FitOptions {
  /** Weight of the L2 penalty (keeps weights finite when a feature separates the data). */
  l2: number
  maxIterations: number
  /** Stop when no weight moves by more than this. */
  tolerance: number
}

export interface FitReport {
  weights: number[]
  iterations: number
  /** Mean log-likelihood of the chosen alternatives at the fitted weights. */
  meanLogLikelihood: number
}

export function score(weights: readonly number[], features: readonly number[]): number {
  let total = 0
  for (let k = 0; k < weights.length; k++) total += (weights[k] as number) * (features[k] as number)
  return total
}

/** Index of the best-scoring alternative; the first one on a tie. */
export function best(weights: readonly number[], alternatives: readonly (readonly number[])[]): number {
  let bestIndex = 0
  let bestScore = -Infinity
  alternatives.forEach((features, index) => {
    const value = score(weights, features)
    if (value > bestScore) {
      bestScore = value
      bestIndex = index
    }
  })
  return bestIndex
}

function probabilities(weights: readonly number[], alternatives: readonly (readonly number[])[]): number[] {
  const scores = alternatives.map((features) => score(weights, features))
  const top = Math.max(...scores)
  const exps = scores.map((value) => Math.exp(value - top))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map((value) => value / sum)
}

function meanLogLikelihood(weights: readonly number[], choices: readonly Choice[]): number {
  let total = 0
  for (const choice of choices) total += Math.log(probabilities(weights, choice.alternatives)[choice.chosen] as number)
  return choices.length > 0 ? total / choices.length : 0
}

/** Solves A x = b for a symmetric positive definite A, by Cholesky decomposition. */
export function solveSymmetric(matrix: readonly number[][], vector: readonly number[]): number[] {
  const n = vector.length
  const lower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (matrix[i] as number[])[j] as number
      for (let k = 0; k < j; k++) sum -= ((lower[i] as number[])[k] as number) * ((lower[j] as number[])[k] as number)
      if (i === j) {
        if (sum <= 0) throw new Error('matrix is not positive definite')
        ;(lower[i] as number[])[i] = Math.sqrt(sum)
      } else {
        ;(lower[i] as number[])[j] = sum / ((lower[j] as number[])[j] as number)
      }
    }
  }
  const y = new Array<number>(n).fill(0)
  for (let i = 0; i < n; i++) {
    let sum = vector[i] as number
    for (let k = 0; k < i; k++) sum -= ((lower[i] as number[])[k] as number) * (y[k] as number)
    y[i] = sum / ((lower[i] as number[])[i] as number)
  }
  const x = new Array<number>(n).fill(0)
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] as number
    for (let k = i + 1; k < n; k++) sum -= ((lower[k] as number[])[i] as number) * (x[k] as number)
    x[i] = sum / ((lower[i] as number[])[i] as number)
  }
  return x
}

/**
 * Maximises the penalised log-likelihood of the chosen alternatives. Each Newton step solves with the
 * negative Hessian (positive definite thanks to the penalty); a step that does not improve the objective is
 * halved until it does.
 */
export function fitConditionalLogit(choices: readonly Choice[], dimensions: number, options: FitOptions): FitReport {
  let weights = new Array<number>(dimensions).fill(0)
  const objective = (w: readonly number[]): number =>
    meanLogLikelihood(w, choices) * choices.length - (options.l2 / 2) * w.reduce((sum, value) => sum + value * value, 0)
  let current = objective(weights)
  let iterations = 0
  for (; iterations < options.maxIterations; iterations++) {
    const gradient = weights.map((value) => -options.l2 * value)
    const hessian: number[][] = Array.from({ length: dimensions }, (_, i) =>
      Array.from({ length: dimensions }, (_, j) => (i === j ? options.l2 : 0)),
    )
    for (const choice of choices) {
      const p = probabilities(weights, choice.alternatives)
      const mean = new Array<number>(dimensions).fill(0)
      choice.alternatives.forEach((features, a) => {
        const pa = p[a] as number
        for (let k = 0; k < dimensions; k++) mean[k] = (mean[k] as number) + pa * (features[k] as number)
      })
      const chosen = choice.alternatives[choice.chosen] as number[]
      for (let k = 0; k < dimensions; k++)
        gradient[k] = (gradient[k] as number) + (chosen[k] as number) - (mean[k] as number)
      choice.alternatives.forEach((features, a) => {
        const pa = p[a] as number
        if (pa === 0) return
        for (let i = 0; i < dimensions; i++) {
          const di = (features[i] as number) - (mean[i] as number)
          if (di === 0) continue
          const row = hessian[i] as number[]
          for (let j = 0; j < dimensions; j++)
            row[j] = (row[j] as number) + pa * di * ((features[j] as number) - (mean[j] as number))
        }
      })
    }
    const step = solveSymmetric(hessian, gradient)
    let scale = 1
    let next = weights.map((value, k) => value + (step[k] as number))
    let value = objective(next)
    while (value < current && scale > 1e-6) {
      scale /= 2
      next = weights.map((w, k) => w + scale * (step[k] as number))
      value = objective(next)
    }
    const moved = Math.max(...step.map((s) => Math.abs(s * scale)))
    weights = next
    current = value
    if (moved < options.tolerance) {
      iterations++
      break
    }
  }
  return { weights, iterations, meanLogLikelihood: meanLogLikelihood(weights, choices) }
}
