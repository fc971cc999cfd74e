-- goalmetrics SQL API, chapter 0: the extension itself.
--
-- The install script goalmetrics--<version>.sql is these files concatenated
-- in name order; each is one chapter of the SQL API:
--   00_extension.sql   goalmetrics_version()
--   10_metric_target.sql  the metric_target type, its operators and accessors
--   20_fulfilment.sql  status_band enum, fulfilment(), meets(), status(), labels
--   30_rollup.sql      the roll-up aggregates and their state type
--   40_schema.sql ...  the reference schema, views, import and summary
--
-- Objects live in the fixed schema goalmetrics (goalmetrics.control).  Every
-- name inside function bodies is schema-qualified, so nothing depends on the
-- caller's search_path.
--
-- The install script is ASCII (goalmetrics.control names UTF8 as its
-- encoding; ASCII reads the same in every database encoding), so that the
-- check below runs first in every database: text beyond ASCII is UTF-8
-- bytes given to convert_from() (U&'' escapes fail in SQL_ASCII), and
-- patterns use regular-expression escapes (\u2013).  test/cluster.sh
-- checks that the installed script is ASCII.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- The database encodings the extension serves, listed once.  The shipped
-- perspective names and the Swedish status labels need the letters
-- a-ring, a-diaeresis and o-diaeresis; labels and symbols whose other
-- characters an encoding lacks fall back to stand-ins (doc/fulfilment.md).
-- SQL_ASCII stores the UTF-8 bytes as they are.
DO $encoding$
DECLARE
	supported	text[] := ARRAY['UTF8', 'LATIN1', 'LATIN9', 'WIN1252', 'SQL_ASCII'];
	enc			text := pg_catalog.getdatabaseencoding();
BEGIN
	IF NOT enc OPERATOR(pg_catalog.=) ANY (supported) THEN
		RAISE EXCEPTION 'goalmetrics cannot be installed in a database with encoding "%"', enc
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'The shipped perspective names and status labels are Swedish text that this encoding cannot hold.',
				  HINT = pg_catalog.format('Create the database with one of the encodings %s (CREATE DATABASE ... ENCODING ''UTF8'' TEMPLATE template0), then CREATE EXTENSION goalmetrics there.',
										   pg_catalog.array_to_string(supported, ', '));
	END IF;
END
$encoding$;

-- Not version(): pg_catalog is searched first, so pg_catalog.version() would
-- win over an unqualified goalmetrics.version() whatever the search_path.
CREATE FUNCTION goalmetrics_version()
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
	SELECT e.extversion::pg_catalog.text
	FROM pg_catalog.pg_extension e
	WHERE e.extname OPERATOR(pg_catalog.=) 'goalmetrics'
$$;
COMMENT ON FUNCTION goalmetrics_version() IS 'The installed version of the goalmetrics extension';
