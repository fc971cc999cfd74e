-- An analyst records or corrects an outcome (upsert), now and then clears
-- one (not followed up after all).  :min_metric and :max_metric come from
-- pgbench -D.
\set m random(:min_metric, :max_metric)
\set y random(2014, 2016)
\set v random(0, 300000)
\set clear random(1, 20)
BEGIN;
INSERT INTO goalmetrics.outcome (metric_id, year, value)
VALUES (:m, :y, :v / 100.0)
ON CONFLICT (metric_id, year) DO UPDATE SET value = excluded.value;
UPDATE goalmetrics.outcome SET value = NULL
 WHERE :clear = 1 AND metric_id = :m AND year = :y;
COMMIT;
