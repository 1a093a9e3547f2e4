-- The audit trail is read (GET /v1/audit): a change records the entity as it was and as it became,
-- and why, when an editor says; and it is filtered by who made it.
ALTER TABLE "audit_event" ADD COLUMN "before" JSONB;
ALTER TABLE "audit_event" ADD COLUMN "after" JSONB;
ALTER TABLE "audit_event" ADD COLUMN "reason" TEXT;
CREATE INDEX "audit_event_actor_idx" ON "audit_event" ("actor");
CREATE INDEX "audit_event_action_idx" ON "audit_event" ("action");
