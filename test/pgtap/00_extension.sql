-- The extension: its version, reachable without qualification.
BEGIN;
SELECT plan(2);

SELECT is(goalmetrics.goalmetrics_version(),
		  (SELECT default_version::text FROM pg_available_extensions WHERE name = 'goalmetrics'),
		  'goalmetrics_version() returns the installed version');
-- pg_catalog is searched first: a goalmetrics.version() would never be
-- reached unqualified; goalmetrics_version() is.
SET LOCAL search_path = goalmetrics, public;
SELECT is(goalmetrics_version(), (SELECT extversion::text FROM pg_extension WHERE extname = 'goalmetrics'),
		  'goalmetrics_version() unqualified, with goalmetrics first on the search_path');

SELECT * FROM finish();
ROLLBACK;
