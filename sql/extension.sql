-- The extension reports its version under a name of its own.
SELECT goalmetrics.goalmetrics_version() = (SELECT default_version FROM pg_available_extensions WHERE name = 'goalmetrics') AS version_matches;
SELECT extversion = goalmetrics.goalmetrics_version() AS is_installed_version FROM pg_extension WHERE extname = 'goalmetrics';
-- version() is the server's whatever the search_path (pg_catalog is
-- searched first); goalmetrics_version() is reached unqualified
SET search_path = goalmetrics, public;
SELECT version() LIKE 'PostgreSQL %' AS server_version, goalmetrics_version() IS NOT NULL AS has_version;
RESET search_path;
