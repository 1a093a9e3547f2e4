import t from 'tap'
import { articleQuotes as quotesOf, buildApp, postArticle as post } from '../../helper.js'

// Invented speaker, outlets and words. Outlets mask an expletive each in their own style; the renderings
// are one utterance all the same, and the label still tells the editor the word was not printed.
const FULL = 'We will never pay for that fucking fence, not one peso.'

t.test('a masked fragment joins the claim printing the word, labelled altered', async (t) => {
  const app = await buildApp(t)
  const full = await post(
    app,
    'https://coast.example/fence',
    'Coast Post',
    `Mayor Tomas Verhulst spoke on Monday. “${FULL}” Verhulst said.`,
    '2026-03-01T08:00:00Z',
  )
  const masked = await post(
    app,
    'https://tide.example/fence',
    'Tide Daily',
    'Mayor Tomas Verhulst spoke on Monday. He called the border project “that f-----g fence.”',
    '2026-03-01T12:00:00Z',
  )
  t.equal(full.statusCode, 201)
  t.equal(masked.statusCode, 201)
  const [fullQuote] = await quotesOf(app, full.json().id)
  const [maskedQuote] = await quotesOf(app, masked.json().id)
  t.match(fullQuote, { text: FULL, label: 'verbatim', speaker: { name: 'Tomas Verhulst' } })
  t.match(maskedQuote, { text: 'that f-----g fence.', label: 'altered', speaker: { name: 'Tomas Verhulst' } })
  t.equal(maskedQuote!.claimId, fullQuote!.claimId, 'one claim')

  // An earlier article masking the whole quote joins it too; the claim still shows the word as said.
  const earlier = await post(
    app,
    'https://wire.example/fence',
    'Harbour Wire',
    `“We will never pay for that f***ing fence, not one peso,” Mayor Tomas Verhulst said.`,
    '2026-03-01T06:00:00Z',
  )
  t.equal(earlier.statusCode, 201)
  const [earlierQuote] = await quotesOf(app, earlier.json().id)
  const claim = (await app.inject({ url: `/v1/claims/${fullQuote!.claimId}` })).json()
  t.equal(earlierQuote!.claimId, fullQuote!.claimId)
  t.equal(claim.canonicalText, FULL, 'shown by the printing of the word, not the first printing')
  t.match(claim.appearances, [
    { quoteId: earlierQuote!.id, label: 'altered' },
    { quoteId: fullQuote!.id, label: 'verbatim' },
    { quoteId: maskedQuote!.id, label: 'altered' },
  ])

  // A pasted rendering in a third style finds the claim; the printed difference is reported.
  const verify = (text: string) => app.inject({ method: 'POST', url: '/v1/verify', payload: { text } })
  const pasted = (await verify('that f**king fence')).json()
  t.match(pasted, { verdict: 'altered', matches: [{ claim: { id: fullQuote!.claimId } }] })
  t.match((await verify('that fucking fence')).json(), { verdict: 'excerpt' })
})
