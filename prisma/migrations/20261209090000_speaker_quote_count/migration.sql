-- How many quotes articles attribute to each speaker by name (inferred ones aside), kept by Postgres. A
-- surname printed alone goes to the bearer the record quotes far more than the others
-- (prominentBearer, src/domain/speaker-identity.ts), and ingestion asked that for a third of real
-- articles by counting every bearer's quotes: the most quoted had 3,900 at 5k articles, 30 ms a
-- call, growing with the corpus. Counted once at each write instead, it is one row read.
--
-- A table of its own, with no foreign key, that nothing but these triggers writes or locks: kept on
-- the speaker row, the count's update at commit waited on the rows that merges and splits lock (FOR
-- UPDATE) and that an ingest renaming a speaker updates, while those waited for claim locks the
-- committing transaction held. A speaker without a row has no named quote; a merged speaker's row
-- stays, at zero.
--
-- Quotes written while the counts are made and the triggers created (a replica still on the code
-- before this migration) would be counted twice or not at all: they wait for this transaction.
LOCK TABLE "quote" IN SHARE MODE;

CREATE TABLE "speaker_quote_count" (
  "speaker_id" UUID PRIMARY KEY,
  "quotes" INTEGER NOT NULL
);

-- The speaker a quote counts for: its speaker when an article named them, none when the speaker was
-- inferred (from the words of a claim, or an office). Stated once for the count and its triggers (the
-- test that checks them states it on its own).
CREATE FUNCTION counted_speaker(speaker UUID, inferred BOOLEAN) RETURNS UUID
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN NOT inferred THEN speaker END
$$;

INSERT INTO "speaker_quote_count" ("speaker_id", "quotes")
SELECT counted_speaker("speaker_id", "speaker_inferred") AS speaker, count(*)::INTEGER FROM "quote"
WHERE counted_speaker("speaker_id", "speaker_inferred") IS NOT NULL
GROUP BY speaker;

-- Each quote counted for its speaker when its transaction commits: deferred, so that the count's row
-- is locked for the moment of the commit, not from an ingest's first statement to its last. Inferred
-- quotes are not counted: how often writers name a person is what a surname alone is weighed by, and
-- the inference pass, which runs beside ingests quoting the same people without their name locks,
-- then never waits on a count (counted, they made its updates wait three times as long at 7.5k real
-- articles, and one deadlocked). Row by row, and only for a change of the speaker counted. Every
-- write of a quote's speaker goes through them (ingestion, corrections, merges and splits, deletions
-- and the SET NULL of a deleted speaker), so no service code keeps the count;
-- test/services/speaker-quote-count.test.ts checks it against count(*) after each.
CREATE FUNCTION count_speaker_quote() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  before UUID := CASE WHEN TG_OP <> 'INSERT' THEN counted_speaker(OLD."speaker_id", OLD."speaker_inferred") END;
  after UUID := CASE WHEN TG_OP <> 'DELETE' THEN counted_speaker(NEW."speaker_id", NEW."speaker_inferred") END;
BEGIN
  IF before IS NOT NULL THEN
    UPDATE "speaker_quote_count" SET "quotes" = "quotes" - 1 WHERE "speaker_id" = before;
  END IF;
  IF after IS NOT NULL THEN
    INSERT INTO "speaker_quote_count" ("speaker_id", "quotes") VALUES (after, 1)
    ON CONFLICT ("speaker_id") DO UPDATE SET "quotes" = "speaker_quote_count"."quotes" + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "quote_inserted_count" AFTER INSERT ON "quote" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (counted_speaker(NEW."speaker_id", NEW."speaker_inferred") IS NOT NULL)
  EXECUTE FUNCTION count_speaker_quote();
CREATE CONSTRAINT TRIGGER "quote_speaker_moved_count" AFTER UPDATE OF "speaker_id", "speaker_inferred" ON "quote"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (counted_speaker(OLD."speaker_id", OLD."speaker_inferred")
    IS DISTINCT FROM counted_speaker(NEW."speaker_id", NEW."speaker_inferred"))
  EXECUTE FUNCTION count_speaker_quote();
CREATE CONSTRAINT TRIGGER "quote_deleted_count" AFTER DELETE ON "quote" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (counted_speaker(OLD."speaker_id", OLD."speaker_inferred") IS NOT NULL)
  EXECUTE FUNCTION count_speaker_quote();
