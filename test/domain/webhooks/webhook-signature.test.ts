import { Webhook } from 'standardwebhooks'
import t from 'tap'
import { newWebhookSecret, signWebhook, verifyWebhook } from '../../../src/domain/webhooks/index.js'

// Another implementation of Standard Webhooks (its authors' npm package) checks ours both ways: what a
// receiver using it will do.
const body = JSON.stringify({ id: '7', type: 'claim.created', data: { claim: { text: 'Words, “quoted”.' } } })

t.test('a signature Standard Webhooks’ own library accepts, and one it makes that ours accepts', async (t) => {
  const secret = newWebhookSecret()
  t.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/)
  t.not(newWebhookSecret(), secret, 'each secret is new')
  const timestamp = Math.floor(Date.now() / 1000)
  const headers = {
    'webhook-id': '7',
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, '7', timestamp, body),
  }
  t.same(new Webhook(secret).verify(body, headers), JSON.parse(body))
  const theirs = new Webhook(secret).sign('7', new Date(timestamp * 1000), body)
  t.equal(theirs, headers['webhook-signature'], 'the same signature for the same message')
  t.ok(verifyWebhook(secret, { id: '7', timestamp: String(timestamp), signature: theirs }, body))
})

t.test('verification refuses what was not signed so, or not now', async (t) => {
  const secret = newWebhookSecret()
  const now = Date.UTC(2025, 4, 4, 9, 0, 0)
  const timestamp = now / 1000
  const signature = signWebhook(secret, '7', timestamp, body)
  const check = (changes: Partial<{ id: string; timestamp: string; signature: string }>, text = body, at = now) =>
    verifyWebhook(secret, { id: '7', timestamp: String(timestamp), signature, ...changes }, text, at)
  t.ok(check({}))
  t.ok(check({ signature: `v1,bm90IGl0 ${signature}` }), 'one of several signatures (a key being rotated) is enough')
  t.notOk(check({}, body.replace('7', '8')), 'another body')
  t.notOk(check({ id: '8' }), 'another id')
  t.notOk(check({ timestamp: String(timestamp + 1) }), 'another time')
  t.notOk(check({ signature: signature.slice(0, -2) }), 'a truncated signature')
  t.notOk(check({ signature: 'v1,' }), 'an empty one')
  t.notOk(check({ timestamp: 'soon' }), 'a time that is no number')
  t.notOk(check({}, body, now + 301_000), 'an old message: a replay')
  t.ok(check({}, body, now + 299_000), 'within the tolerance')
  t.notOk(verifyWebhook(newWebhookSecret(), { id: '7', timestamp: String(timestamp), signature }, body, now))
  // A secret given without its prefix is the same key.
  t.equal(signWebhook(secret.slice('whsec_'.length), '7', timestamp, body), signature)
})
