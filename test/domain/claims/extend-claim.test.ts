import t from 'tap'
import {
  clusterRenderings,
  extendClaim,
  summarizeClaim,
  type ClusterRendering,
  type StoredClaimState,
} from '../../../src/domain/claims/index.js'
import { testCorpora } from './fixtures/corpora.js'

/** What the service stores of a claim summarised from `members`, as extendClaim reads it. */
function storedState(members: ClusterRendering[], wordingsOf: (normalized: string) => boolean): StoredClaimState {
  const summary = summarizeClaim(members)
  const canonical = summary.wordings.find((tally) => tally.normalized === summary.canonical.normalized)!
  const first = members.find((member) => member.id === summary.firstAppearance.renderingId)!
  return {
    canonical,
    tallies: new Map(summary.wordings.filter((tally) => wordingsOf(tally.normalized)).map((t) => [t.normalized, t])),
    first,
    renderingCount: members.length,
  }
}

t.test('extending a stored claim by a new article equals summarising every member again', async (t) => {
  let extended = 0
  let declined = 0
  for (const { name, renderings } of testCorpora()) {
    const byId = new Map(renderings.map((rendering) => [rendering.id, rendering]))
    for (const group of clusterRenderings(renderings)) {
      const members = group.renderingIds.map((id) => byId.get(id)!)
      const articles = [...new Set(members.map((member) => member.articleId))]
      if (articles.length < 2) continue
      // Each article in turn arrives last, as a live feed (or a late, back-dated story) brings it.
      for (const article of articles) {
        const joining = members.filter((member) => member.articleId === article)
        const stored = members.filter((member) => member.articleId !== article)
        const joiningWordings = new Set(joining.map((member) => member.tokens.join(' ')))
        const state = storedState(stored, (normalized) => joiningWordings.has(normalized))
        const full = summarizeClaim(members)
        const extension = extendClaim(state, joining)
        if (extension === null) {
          declined++
          t.not(full.canonical.original, summarizeClaim(stored).canonical.original, `${name}: declined only on a move`)
          continue
        }
        extended++
        t.equal(full.canonical.original, state.canonical.shown.original)
        t.strictSame(extension.firstAppearance, full.firstAppearance)
        t.equal(extension.renderingCount, full.renderingIds.length)
        const byWording = (x: { normalized: string }, y: { normalized: string }) =>
          x.normalized < y.normalized ? -1 : 1
        t.strictSame(
          [...extension.wordings].sort(byWording),
          full.wordings.filter((tally) => joiningWordings.has(tally.normalized)).sort(byWording),
          'the joining wordings tallied as over all members',
        )
        t.strictSame(
          extension.verdicts,
          full.verdicts.filter((verdict) => joining.some((member) => member.id === verdict.renderingId)),
        )
      }
    }
  }
  t.ok(extended > 100, `${extended} extensions checked`)
  t.ok(declined > 0, `${declined} canonical moves declined`)
})
