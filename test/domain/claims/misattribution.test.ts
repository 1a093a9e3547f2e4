import t from 'tap'
import {
  clusterRenderings,
  findMisattributions,
  generateSyntheticCorpus,
  toClusterRendering,
  type ClusterRendering,
  type Misattribution,
  type SpeakerClaim,
} from '../../../src/domain/claims/index.js'
import { corpusRenderings, goldRenderings } from './fixtures/corpora.js'

function claimsOf(renderings: readonly ClusterRendering[]): SpeakerClaim[] {
  const byId = new Map(renderings.map((rendering) => [rendering.id, rendering]))
  return clusterRenderings(renderings).map((group) => ({
    claimId: `claim-${group.seedId}`,
    speakerKey: group.speakerKey,
    renderings: group.renderingIds.map((id) => byId.get(id)!),
  }))
}

/** Every flag the service would raise, checking each rendering against all claims. */
function allMisattributions(claims: readonly SpeakerClaim[]): Misattribution[] {
  const flags = new Map<string, Misattribution>()
  for (const claim of claims) {
    for (const rendering of claim.renderings) {
      for (const flag of findMisattributions(rendering, claim.claimId, claims))
        flags.set(`${flag.renderingId}|${flag.otherClaimId}`, flag)
    }
  }
  return [...flags.values()].sort((x, y) =>
    `${x.renderingId}|${x.otherClaimId}` < `${y.renderingId}|${y.otherClaimId}` ? -1 : 1,
  )
}

const rendering = (id: string, speakerKey: string, text: string, position: number): ClusterRendering =>
  toClusterRendering({
    id,
    speakerKey,
    text,
    articleId: `a${id}`,
    publishedAt: null,
    ingestedAt: new Date(0),
    url: `u:${id}`,
    position,
  })

t.test('words given to two speakers are flagged on both sides', async (t) => {
  const a = rendering('r1', 'alice', 'We will never accept troops on our territory, whatever they offer.', 0)
  const a2 = rendering('r2', 'alice', 'We will never accept troops on our territory', 1)
  const b = rendering('r3', 'bob', 'We will never accept troops on our territory, whatever they offer!', 2)
  const unrelated = rendering('r4', 'alice', 'The weather is fine today.', 3)
  const claims = claimsOf([a, a2, b, unrelated])
  const aliceClaim = claims.find((claim) => claim.renderings.some((member) => member.id === 'r1'))!
  t.strictSame(findMisattributions(b, 'claim-r3', claims), [
    { renderingId: 'r1', otherClaimId: 'claim-r3', otherSpeakerKey: 'bob' },
    { renderingId: 'r2', otherClaimId: 'claim-r3', otherSpeakerKey: 'bob' },
    { renderingId: 'r3', otherClaimId: aliceClaim.claimId, otherSpeakerKey: 'alice' },
  ])
  // From Alice's side the same pair comes out, and her own claims are never a misattribution.
  t.strictSame(findMisattributions(a, aliceClaim.claimId, claims), [
    { renderingId: 'r1', otherClaimId: 'claim-r3', otherSpeakerKey: 'bob' },
    { renderingId: 'r3', otherClaimId: aliceClaim.claimId, otherSpeakerKey: 'alice' },
  ])
  t.strictSame(findMisattributions(unrelated, 'claim-r4', claims), [])
})

t.test('one rendering can echo the claims of several other speakers', async (t) => {
  const words = 'The deal is done and nobody can undo it now'
  const claims: SpeakerClaim[] = [
    { claimId: 'k-carol', speakerKey: 'carol', renderings: [rendering('c1', 'carol', words, 0)] },
    { claimId: 'k-bob', speakerKey: 'bob', renderings: [rendering('b1', 'bob', words, 1)] },
  ]
  t.strictSame(findMisattributions(rendering('a1', 'alice', words, 2), 'k-alice', claims), [
    { renderingId: 'a1', otherClaimId: 'k-bob', otherSpeakerKey: 'bob' },
    { renderingId: 'a1', otherClaimId: 'k-carol', otherSpeakerKey: 'carol' },
    { renderingId: 'b1', otherClaimId: 'k-alice', otherSpeakerKey: 'alice' },
    { renderingId: 'c1', otherClaimId: 'k-alice', otherSpeakerKey: 'alice' },
  ])
})

t.test('the gold quotes: nested quotes and one short-quote coincidence are flagged', async (t) => {
  // Per the rule, Trump's words recounted inside Sheinbaum's quotes (q2 in q1, q13 in q12) are the
  // same words under two speakers, and Kelly's “President Trump has worked with President
  // Sheinbaum…” shares 2 of the 3 words of q8 “No, President Trump”. Reported, not filtered.
  const claims = claimsOf(goldRenderings())
  const claimOf = (id: string): string =>
    claims.find((claim) => claim.renderings.some((member) => member.id === id))!.claimId
  t.strictSame(
    allMisattributions(claims),
    [
      { renderingId: 'q1', otherClaimId: claimOf('q2'), otherSpeakerKey: 'trump' },
      { renderingId: 'q12', otherClaimId: claimOf('q13'), otherSpeakerKey: 'trump' },
      { renderingId: 'q13', otherClaimId: claimOf('q12'), otherSpeakerKey: 'sheinbaum' },
      { renderingId: 'q2', otherClaimId: claimOf('q1'), otherSpeakerKey: 'sheinbaum' },
      { renderingId: 'q23', otherClaimId: claimOf('q8'), otherSpeakerKey: 'sheinbaum' },
      { renderingId: 'q8', otherClaimId: claimOf('q23'), otherSpeakerKey: 'kelly' },
    ].sort((x, y) => (`${x.renderingId}|${x.otherClaimId}` < `${y.renderingId}|${y.otherClaimId}` ? -1 : 1)),
  )
})

t.test('every synthetic misattribution is flagged against the true speaker’s claim, both sides', async (t) => {
  const corpus = generateSyntheticCorpus({ seed: 5, articles: 80, utterances: 12, speakers: 3 })
  const claims = claimsOf(corpusRenderings(corpus))
  const flags = allMisattributions(claims)
  const utteranceSpeaker = new Map(corpus.utterances.map((utterance) => [utterance.id, utterance.speakerKey]))
  const quotes = new Map(corpus.quotes.map((quote) => [quote.id, quote]))
  let checked = 0
  for (const quote of corpus.quotes.filter((quote) => quote.variant === 'misattributed')) {
    const trueSpeaker = utteranceSpeaker.get(quote.utteranceIds[0]!)!
    // The true speaker's renderings of the same utterance, verbatim ones for certain overlap.
    const truthful = corpus.quotes.filter(
      (other) =>
        other.speakerKey === trueSpeaker &&
        other.utteranceIds[0] === quote.utteranceIds[0] &&
        other.variant === 'verbatim',
    )
    if (truthful.length === 0) continue
    checked++
    const own = flags.filter((flag) => flag.renderingId === quote.id)
    t.ok(
      own.some((flag) => flag.otherSpeakerKey === trueSpeaker),
      `${quote.id} names ${trueSpeaker}'s claim`,
    )
    for (const other of truthful) {
      t.ok(
        flags.some((flag) => flag.renderingId === other.id && flag.otherSpeakerKey === quote.speakerKey),
        `${other.id} (${trueSpeaker}) names ${quote.speakerKey}`,
      )
    }
  }
  t.ok(checked > 0, `${checked} misattributions checked`)
  // Nothing else is flagged: only words that really were given to two speakers.
  for (const flag of flags) {
    const quote = quotes.get(flag.renderingId)!
    const otherSide = flags.some(
      (other) =>
        other.otherSpeakerKey === quote.speakerKey &&
        quotes.get(other.renderingId)!.speakerKey === flag.otherSpeakerKey,
    )
    t.ok(otherSide, `${flag.renderingId} has a counterpart`)
  }
})
