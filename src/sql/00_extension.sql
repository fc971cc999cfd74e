-- goalmetrics SQL API, chapter 0: the extension itself.
--
-- The install script goalmetrics--<version>.sql is these files concatenated
-- in name order; each is one chapter of the SQL API:
--   00_extension.sql   version()
--   10_metric_target.sql  the metric_target type, its operators and accessors
--   20_fulfilment.sql  status enum, fulfilment(), meets(), status(), labels
--   30_rollup.sql      the roll-up aggregates and their state type
--   40_schema.sql ...  the reference schema, views, import and summary
--
-- Objects live in the fixed schema goalmetrics (goalmetrics.control).  Every
-- name inside function bodies is schema-qualified, so nothing depends on the
-- caller's search_path.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

CREATE FUNCTION version()
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
	SELECT e.extversion::pg_catalog.text
	FROM pg_catalog.pg_extension e
	WHERE e.extname OPERATOR(pg_catalog.=) 'goalmetrics'
$$;
COMMENT ON FUNCTION version() IS 'The installed version of the goalmetrics extension';
