-- Fidelity and coverage are two figures now (src/domain/wording/label-rendering.ts): fidelity says
-- whether the words printed are the speaker's (an exact excerpt is 1), coverage how much of the
-- canonical wording was printed. Where the label fixes both, existing renderings get them here
-- exactly as the service computes them: verbatim 1 and 1; excerpt 1 and its share of the canonical
-- words; extended keeps its fidelity (the formula gives the same) and covers everything. Elided and
-- altered renderings need the word fit the service does: their coverage stays NULL, and both figures
-- are recomputed when their claim is next regrouped (a NULL coverage marks a verdict to redo).
ALTER TABLE "quote" ADD COLUMN "coverage" DOUBLE PRECISION;

UPDATE "quote" SET "fidelity" = 1, "coverage" = 1 WHERE "label" = 'verbatim';

UPDATE "quote" SET "coverage" = 1 WHERE "label" = 'extended';

UPDATE "quote" AS q SET "fidelity" = 1,
  "coverage" = LEAST(1, q."word_count"::float8 / NULLIF(cardinality(string_to_array(c."normalized_text", ' ')), 0))
FROM "claim" AS c
WHERE q."label" = 'excerpt' AND c."id" = q."claim_id";
