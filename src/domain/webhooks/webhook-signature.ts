import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Signing webhook payloads the way Standard Webhooks (standardwebhooks.com) does, so that receivers can
 * check them with that project's libraries or a few lines of their own: the secret is `whsec_` and
 * base64 key bytes; the signature is `v1,` and the base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`,
 * sent in `webhook-signature` beside `webhook-id` and `webhook-timestamp` (seconds since the epoch).
 */

const SECRET_PREFIX = 'whsec_'

/** A new signing secret: 32 random bytes. */
export const newWebhookSecret = (): string => SECRET_PREFIX + randomBytes(32).toString('base64')

const keyOf = (secret: string): Buffer =>
  Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64')

/** The `webhook-signature` header value for one delivery. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')
  return `v1,${mac}`
}

/**
 * What a receiver does: whether a `webhook-signature` header (one or more space-separated signatures)
 * holds a valid one for this body, sent within `toleranceSeconds` of `now` (against replays).
 */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  now = Date.now(),
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp)
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false
  const expected = Buffer.from(signWebhook(secret, headers.id, timestamp, body))
  return headers.signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate)
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}
