-- Names that cannot be misread or shadowed (doc/fulfilment.md, "Names"):
-- a user's own tables "target" and "status" and types named like the
-- extension's in public, first on the search_path, change nothing that the
-- extension's functions, aggregates and views do.
CREATE TABLE public.target (id int, target text);
CREATE TABLE public.status (id int, status text);
CREATE TABLE public.outcome (id int, value text);
CREATE TYPE public.trend AS ENUM ('up', 'down');
CREATE DOMAIN public.text AS pg_catalog.text CHECK (VALUE <> 'fulfilled');
SET search_path = public, goalmetrics;

-- the version: pg_catalog.version() is found first for version(), so the
-- extension's has a name of its own
SELECT version() LIKE 'PostgreSQL %' AS server_version, goalmetrics_version() = extversion AS ours
FROM pg_extension WHERE extname = 'goalmetrics';

-- the API: the enums are status_band and trend_direction, which the
-- user's status (a table's row type) and trend do not shadow
SELECT status(81.9, 'Minst 91') AS status, pg_typeof(status(81.9, 'Minst 91')) AS type,
       'partly'::status_band AS band, status_label(status(81.9, 'Minst 91')) AS label,
       pg_typeof(trend(y, o, 'Minst 1')) AS trend_type
FROM (VALUES (2015, 1::numeric), (2016, 2)) v(y, o);

-- the reference tables are goalmetrics.target, goalmetrics.outcome: the
-- extension's own functions and views read them, not public's
BEGIN;
\set ECHO none
\o /dev/null
\i data/helsingborg-2016.sql
\o
\set ECHO all
SELECT count(*) AS public_target_rows FROM target;
SELECT count(*) AS reference_target_rows FROM goalmetrics.target;
SELECT status, count(*) FROM metric_status WHERE year = 2016 GROUP BY status ORDER BY status;
SELECT metric, status, status_label, trend
  FROM annual_report(2016, 'Arbetsmarknadsnämnden') LIMIT 3;
SELECT committee, status, metrics FROM committee_status WHERE year = 2016 ORDER BY committee_sort;
SELECT refresh_summary(2016) > 0 AS refreshed;
SELECT level, status, count(*) FROM goalmetrics.summary WHERE level = 'committee' GROUP BY 1, 2 ORDER BY 1, 2;
INSERT INTO report_import (committee, perspective, goal, metric, year, outcome, target) VALUES
	('Socialnämnden', 'Omvärld', 'Socialnämnden ska minska sin miljöpåverkan', 'Andel fossilfria fordon', 2016, '54 %', 'Minst 50 %');
SELECT import_report() AS imported;
SELECT metric, outcome, target, status FROM metric_status WHERE metric = 'Andel fossilfria fordon';
ROLLBACK;
RESET search_path;
DROP TABLE public.target, public.status, public.outcome;
DROP TYPE public.trend;
DROP DOMAIN public.text;
