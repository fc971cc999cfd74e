-- A loader stages a sheet of 20 rows and commits it; another session's
-- import_report() (or the final one) imports it.
\set n random(1, 2000000000)
BEGIN;
INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target)
SELECT 'Lastnämnd ' || (g % 3), 'Omvärld', 'Stegmål ' || (g % 5),
	   'Stegmätetal ' || :client_id || '-' || :n || '-' || g, 2015, g || ' %', 'Minst 5 %'
  FROM generate_series(1, 20) g;
SELECT pg_sleep(0.01);
COMMIT;
