-- The extension installs, reports its version, drops cleanly and installs again.
SELECT goalmetrics.version() = (SELECT default_version FROM pg_available_extensions WHERE name = 'goalmetrics') AS version_matches;
SELECT extversion = goalmetrics.version() AS is_installed_version FROM pg_extension WHERE extname = 'goalmetrics';
-- everything lives in the fixed schema goalmetrics
SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'goalmetrics';
DROP EXTENSION goalmetrics;
-- no function is left behind (the schema, created because the control file
-- names it, stays and is empty, as with every extension that fixes its schema)
SELECT count(*) AS functions_left FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'goalmetrics';
CREATE EXTENSION goalmetrics;
SELECT goalmetrics.version() IS NOT NULL AS has_version;
-- not relocatable: the schema is fixed
CREATE SCHEMA elsewhere;
DROP EXTENSION goalmetrics;
CREATE EXTENSION goalmetrics SCHEMA elsewhere;
CREATE EXTENSION goalmetrics;
DROP SCHEMA elsewhere;
