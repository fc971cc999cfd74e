-- The extension: create, version, drop, re-create.
BEGIN;
SELECT plan(7);

SELECT has_extension('goalmetrics', 'goalmetrics is installed');
SELECT has_schema('goalmetrics', 'it owns the schema goalmetrics');
SELECT is(goalmetrics.version(),
		  (SELECT default_version::text FROM pg_available_extensions WHERE name = 'goalmetrics'),
		  'version() returns the installed version');
SELECT volatility_is('goalmetrics', 'version', ARRAY[]::text[], 'stable', 'version() is STABLE');

DROP EXTENSION goalmetrics;
SELECT is((SELECT count(*) FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
			 WHERE e.extname = 'goalmetrics'), 0::bigint,
		  'DROP EXTENSION removes every object it owns');
CREATE EXTENSION goalmetrics;
SELECT has_function('goalmetrics', 'version', ARRAY[]::text[], 're-created with its functions');
SELECT throws_ok('CREATE EXTENSION goalmetrics', '42710', NULL, 'a second CREATE EXTENSION is refused');

SELECT * FROM finish();
ROLLBACK;
