import t from 'tap'
import { planClaimIdentity, type EmptiedClaim, type StartedClaim } from '../../../src/domain/claims/index.js'

const words = (text: string) => text.split(' ')

const emptied = (claimId: string, destinations: string[], firstOrderKey = destinations.length ? 'k' : null) =>
  ({
    claimId,
    speakerKey: 'sp',
    seedTokens: words('the harbour will reopen in the spring'),
    destinations,
    firstOrderKey,
  }) satisfies EmptiedClaim

const started = (seedId: string, text: string, orderKey = 'k', speakerKey = 'sp'): StartedClaim => ({
  seedId,
  speakerKey,
  tokens: words(text),
  orderKey,
})

t.test('a claim emptied into a started claim passes its id on', async (t) => {
  const plan = planClaimIdentity([emptied('c1', ['s2', 's3'])], [started('s2', 'anything at all')])
  t.same([...plan.inherited], [['s2', 'c1']])
  t.same(plan.redirects, [])
  t.same(plan.removed, [])
})

t.test('a claim whose earliest rendering went to a standing claim redirects there', async (t) => {
  const plan = planClaimIdentity([emptied('c1', ['s9', 's2'])], [started('s2', 'anything')])
  t.same([...plan.inherited], [])
  t.same(plan.redirects, [{ from: 'c1', toSeed: 's9' }])
})

t.test('two claims emptied into one: the older keeps its id, the other redirects', async (t) => {
  const plan = planClaimIdentity(
    [emptied('c-late', ['s1'], '2025-03-02'), emptied('c-early', ['s1'], '2025-03-01')],
    [started('s1', 'anything')],
  )
  t.same([...plan.inherited], [['s1', 'c-early']])
  t.same(plan.redirects, [{ from: 'c-late', toSeed: 's1' }])
})

t.test('ties between emptied claims are broken by id, whatever the input order', async (t) => {
  const a = planClaimIdentity([emptied('b', ['s1']), emptied('a', ['s1'])], [started('s1', 'x')])
  const b = planClaimIdentity([emptied('a', ['s1']), emptied('b', ['s1'])], [started('s1', 'x')])
  t.same(a, b)
  t.same([...a.inherited], [['s1', 'a']])
})

t.test('a claim with every rendering removed passes its id to the revision printing its words', async (t) => {
  const plan = planClaimIdentity(
    [emptied('c1', [])],
    [
      started('other-speaker', 'the harbour will reopen in the spring', 'a', 'someone else'),
      started('unrelated', 'taxes on fuel will fall next year', 'b'),
      started('weaker', 'the harbour will not reopen before the summer is over', 'c'),
      started('revision', 'the harbour will reopen in the early spring', 'd'),
    ],
  )
  t.same([...plan.inherited], [['revision', 'c1']])
})

t.test('of two equally good successors the earlier wins', async (t) => {
  const plan = planClaimIdentity(
    [emptied('c1', [])],
    [
      started('later', 'the harbour will reopen in the spring', 'b'),
      started('earlier', 'the harbour will reopen in the spring', 'a'),
    ],
  )
  t.same([...plan.inherited], [['earlier', 'c1']])
})

t.test('a successor already taken is redirected to; no successor leaves a tombstone', async (t) => {
  const plan = planClaimIdentity(
    [emptied('kept', ['s1'], 'a'), emptied('reworded', []), emptied('gone', [])],
    [started('s1', 'the harbour will reopen in the spring')],
  )
  t.same([...plan.inherited], [['s1', 'kept']])
  // both share the seed's words; in id order
  t.same(plan.redirects, [
    { from: 'gone', toSeed: 's1' },
    { from: 'reworded', toSeed: 's1' },
  ])
  const alone = planClaimIdentity([emptied('gone', [])], [started('s1', 'taxes on fuel will fall')])
  t.same(alone.removed, ['gone'])
})
