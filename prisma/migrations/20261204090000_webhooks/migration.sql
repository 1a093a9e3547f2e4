-- Webhooks (src/services/webhooks.ts): who wants to hear of what, what happened, and each delivery of it.
-- The queue that carries deliveries and retries them is pg-boss, in its own schema (src/plugins/webhooks.ts).

CREATE TABLE "webhook_subscription" (
  "id" UUID NOT NULL DEFAULT uuid_v7(),
  "url" TEXT NOT NULL,
  -- HMAC key the payloads are signed with (Standard Webhooks: whsec_ and base64); shown once, at creation
  "secret" TEXT NOT NULL,
  -- event types wanted (src/domain/webhooks/webhook-events.ts)
  "events" TEXT[] NOT NULL,
  -- filters, each optional; an event must meet every one given
  "speaker_id" UUID,
  "outlet_id" UUID,
  "claim_id" UUID,
  "description" TEXT,
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "webhook_subscription_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "webhook_subscription_url_check" CHECK ("url" ~ '^https?://'),
  CONSTRAINT "webhook_subscription_events_check" CHECK (cardinality("events") > 0)
);
-- No foreign keys on the filters: a speaker or claim may later be merged into another, and the filter
-- follows it (speaker_redirect, claim_redirect) instead of stopping the subscription.

-- What happened, written in the transaction that made it happen, and only while someone subscribes to
-- its type. `dedupe_key` keeps one event per fact: a revision that prints the same rendering again,
-- or a flag set again, is not news.
CREATE TABLE "webhook_event" (
  "id" BIGINT GENERATED ALWAYS AS IDENTITY,
  "type" TEXT NOT NULL,
  "dedupe_key" TEXT NOT NULL,
  "speaker_ids" UUID[] NOT NULL DEFAULT '{}',
  "outlet_id" UUID,
  "claim_id" UUID,
  "data" JSONB NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  -- when its deliveries were queued; null until a worker has done so
  "dispatched_at" TIMESTAMPTZ(3),
  CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "webhook_event_dedupe_key_key" ON "webhook_event"("dedupe_key");
CREATE INDEX "webhook_event_undispatched_idx" ON "webhook_event"("id") WHERE "dispatched_at" IS NULL;

-- One event to one subscriber: the delivery log a subscriber reads (GET /v1/webhooks/{id}/deliveries).
CREATE TABLE "webhook_delivery" (
  "id" UUID NOT NULL DEFAULT uuid_v7(),
  "subscription_id" UUID NOT NULL,
  "event_id" BIGINT NOT NULL,
  -- pending: queued or to be retried; delivered: a 2xx came back; failed: every attempt failed
  "state" TEXT NOT NULL DEFAULT 'pending',
  -- every attempt, oldest first: {at, status, error, durationMs}
  "attempts" JSONB NOT NULL DEFAULT '[]',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "webhook_delivery_state_check" CHECK ("state" IN ('pending', 'delivered', 'failed')),
  CONSTRAINT "webhook_delivery_subscription_id_fkey" FOREIGN KEY ("subscription_id")
    REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "webhook_delivery_event_id_fkey" FOREIGN KEY ("event_id")
    REFERENCES "webhook_event"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "webhook_delivery_subscription_id_event_id_key" ON "webhook_delivery"("subscription_id", "event_id");
CREATE INDEX "webhook_delivery_subscription_id_id_idx" ON "webhook_delivery"("subscription_id", "id");
