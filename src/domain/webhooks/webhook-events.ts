/**
 * What a webhook subscriber can hear of, and which events reach which subscriber. Pure: the store
 * records events (src/services/webhook-events.ts) and the dispatcher matches them here.
 */

/** Event types, in the order the API lists them. */
export const WEBHOOK_EVENT_TYPES = [
  /** a claim was started: words of a speaker nobody had printed before */
  'claim.created',
  /** an article printed a claim's words other than verbatim: cut, elided, extended or altered */
  'rendering.divergent',
  /** a quote was found under one speaker's name while a claim has its words from another */
  'quote.misattributed',
  /** an editor changed something: a quote, a speaker, a claim's note, an article (the audit event) */
  'correction',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/**
 * The audit trail's entity types whose changes are editors' corrections, and so `correction` events;
 * keys and subscriptions are administration, not news.
 */
export const CORRECTED_ENTITY_TYPES = ['article', 'claim', 'quote', 'quote-correction', 'speaker'] as const

/**
 * Labels that make a rendering divergent: every label but `verbatim` (label-rendering.ts). The store
 * passes this list to SQL, so the rule is stated here only.
 */
export const DIVERGENT_LABELS = ['excerpt', 'extended', 'elided', 'altered'] as const

/** What an event is about, for filtering. */
export interface WebhookEventSubject {
  type: WebhookEventType
  /** the speakers it concerns: a claim's, and for a misattribution the quote's as well */
  speakerIds: readonly string[]
  outletId: string | null
  claimId: string | null
}

/** What a subscriber asked for; its filters already followed through merges to the ids they answer to now. */
export interface WebhookFilter {
  events: readonly string[]
  speakerId: string | null
  outletId: string | null
  claimId: string | null
}

/**
 * Whether a subscriber wants an event: its type is one asked for, and every filter given is met. An
 * event that does not concern the filtered kind of thing (a speaker's correction, for an outlet
 * filter) does not meet it: a filter narrows, it never widens.
 */
export function wantsEvent(filter: WebhookFilter, event: WebhookEventSubject): boolean {
  if (!filter.events.includes(event.type)) return false
  if (filter.speakerId !== null && !event.speakerIds.includes(filter.speakerId)) return false
  if (filter.outletId !== null && event.outletId !== filter.outletId) return false
  if (filter.claimId !== null && event.claimId !== filter.claimId) return false
  return true
}
