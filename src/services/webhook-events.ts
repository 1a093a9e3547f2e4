import type { SqlTransaction } from '../db/database.js'
import { CORRECTED_ENTITY_TYPES, DIVERGENT_LABELS, type WebhookEventType } from '../domain/webhooks/index.js'
import { Prisma } from '../generated/prisma/client.js'

/**
 * Writes webhook events in the transaction that makes what they report: an event exists exactly when
 * its fact was committed, and a worker delivers it afterwards (webhook-delivery.ts). Nothing is
 * written for a type nobody subscribes to, so the ingest pays one cheap EXISTS when there are no
 * subscribers. Each event's data is a snapshot at the time it happened, as a subscriber expects of a
 * notification; `dedupe_key` keeps one event per fact (a revision printing the same rendering again
 * is not news).
 */

/** Whether anybody subscribes to events of this type now. */
const subscribed = (type: WebhookEventType) =>
  Prisma.sql`EXISTS (SELECT FROM webhook_subscription ws WHERE ${type} = ANY(ws.events))`

/** JSON of a speaker row `s`. */
const speakerJson = (s: string) => Prisma.raw(`jsonb_build_object('id', ${s}.id, 'name', ${s}.name)`)

/** JSON of an article `a` and its outlet `o`. */
const articleJson = (a: string, o: string) =>
  Prisma.raw(`jsonb_build_object('id', ${a}.id, 'url', ${a}.url, 'title', ${a}.title, 'publishedAt', ${a}.published_at,
    'outlet', jsonb_build_object('id', ${o}.id, 'name', ${o}.name))`)

/** JSON of a claim `c` of speaker `cs`. */
const claimJson = (c: string, cs: string) =>
  Prisma.raw(`jsonb_build_object('id', ${c}.id, 'text', ${c}.canonical_text, 'speaker', ${speakerJson(cs).text})`)

/**
 * The events of an article's ingest: claims its quotes started, and its renderings that print a claim's
 * words other than verbatim. Called after its quotes were grouped, in the same transaction.
 */
export async function recordArticleEvents(sql: SqlTransaction, articleId: string): Promise<void> {
  await sql.query(
    Prisma.sql`
    INSERT INTO webhook_event (type, dedupe_key, speaker_ids, outlet_id, claim_id, data)
    SELECT 'claim.created', 'claim.created:' || c.id, ARRAY[c.speaker_id], a.outlet_id, c.id,
      jsonb_build_object('claim', ${claimJson('c', 'cs')} || jsonb_build_object('firstAppearance',
        jsonb_build_object('quoteId', q.id, 'at', c.first_appeared_at, 'article', ${articleJson('a', 'o')})))
    FROM quote q JOIN claim c ON c.seed_quote_id = q.id JOIN speaker cs ON cs.id = c.speaker_id
      JOIN article a ON a.id = q.article_id JOIN outlet o ON o.id = a.outlet_id
    WHERE q.article_id = ${articleId}::uuid AND ${subscribed('claim.created')}
    UNION ALL
    -- A rendering is the same news while it prints the same words of the same claim the same way.
    SELECT 'rendering.divergent', concat_ws(':', 'rendering.divergent', a.id, c.id, q.label, md5(q.normalized_text), q.occurrence),
      ARRAY[c.speaker_id], a.outlet_id, c.id,
      jsonb_build_object('claim', ${claimJson('c', 'cs')}, 'rendering', jsonb_build_object('quoteId', q.id,
        'text', q.text, 'label', q.label, 'fidelity', q.fidelity, 'article', ${articleJson('a', 'o')}))
    FROM quote q JOIN claim c ON c.id = q.claim_id JOIN speaker cs ON cs.id = c.speaker_id
      JOIN article a ON a.id = q.article_id JOIN outlet o ON o.id = a.outlet_id
    WHERE q.article_id = ${articleId}::uuid AND q.label::text = ANY(${[...DIVERGENT_LABELS]}::text[])
      AND ${subscribed('rendering.divergent')}
    ON CONFLICT (dedupe_key) DO NOTHING`,
    // Prepared: planning its two five-table joins took 2-3 ms an ingest, more than running them.
    { prepared: true },
  )
}

/**
 * The statement that records misattributions flagged by `flagged` (a CTE of quote_id, claim_id pairs
 * newly inserted): appended to the flagging statement, so the two are one.
 */
export const misattributionEvents = (flagged: string) => Prisma.sql`
  INSERT INTO webhook_event (type, dedupe_key, speaker_ids, outlet_id, claim_id, data)
  SELECT 'quote.misattributed', concat_ws(':', 'quote.misattributed', a.id, c.id, md5(q.normalized_text), q.occurrence),
    ARRAY[q.speaker_id, c.speaker_id], a.outlet_id, c.id,
    jsonb_build_object('quote', jsonb_build_object('id', q.id, 'text', q.text, 'speaker', ${speakerJson('qs')},
      'article', ${articleJson('a', 'o')}), 'claim', ${claimJson('c', 'cs')})
  FROM ${Prisma.raw(flagged)} f JOIN quote q ON q.id = f.quote_id JOIN speaker qs ON qs.id = q.speaker_id
    JOIN claim c ON c.id = f.claim_id JOIN speaker cs ON cs.id = c.speaker_id
    JOIN article a ON a.id = q.article_id JOIN outlet o ON o.id = a.outlet_id
  WHERE ${subscribed('quote.misattributed')}
  ON CONFLICT (dedupe_key) DO NOTHING`

/** A correction's event, from the audit event `recorded` (a CTE of the row just inserted). */
export const correctionEvents = (recorded: string) => Prisma.sql`
  INSERT INTO webhook_event (type, dedupe_key, speaker_ids, outlet_id, claim_id, data)
  SELECT 'correction', 'correction:' || e.id,
    CASE e.entity_type WHEN 'speaker' THEN ARRAY[e.entity_id::uuid] ELSE '{}' END,
    CASE WHEN e.entity_type = 'article' THEN (SELECT a.outlet_id FROM article a WHERE a.id = e.entity_id::uuid) END,
    CASE WHEN e.entity_type = 'claim' THEN e.entity_id::uuid END,
    jsonb_build_object('auditEventId', e.id, 'action', e.action, 'entity',
      jsonb_build_object('type', e.entity_type, 'id', e.entity_id), 'actor', e.actor, 'reason', e.reason,
      'before', e.before, 'after', e.after)
  FROM ${Prisma.raw(recorded)} e
  WHERE e.entity_type = ANY(${[...CORRECTED_ENTITY_TYPES]}::text[]) AND ${subscribed('correction')}
  ON CONFLICT (dedupe_key) DO NOTHING`
