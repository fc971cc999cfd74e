-- A loader stages a sheet of 20 rows and imports it in one transaction
-- (issue 15: 38 of 60 such imports from 4 sessions failed with "deadlock
-- detected").  Committees and goals are shared between the clients, so
-- concurrent imports create the same new names; every metric name is the
-- client's and the transaction's own, so every staged row is one metric.
\set n random(1, 2000000000)
BEGIN;
INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target)
SELECT 'Lastnämnd ' || (g % 3), 'Invånare', 'Lastmål ' || (g % 5),
	   'Lastmätetal ' || :client_id || '-' || :n || '-' || g, 2016, g || ' %', 'Minst 5 %'
  FROM generate_series(1, 20) g;
SELECT goalmetrics.import_report();
COMMIT;
