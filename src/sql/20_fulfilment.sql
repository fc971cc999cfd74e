-- goalmetrics SQL API, chapter 2: judging an outcome against its target.
--
-- fulfilment() is the percent, meets() whether the target is met, status()
-- the band of the annual report's legend.  Reference: doc/fulfilment.md
-- (rules) and doc/settings.md (the thresholds).  Functions that read a
-- goalmetrics.* setting are STABLE; the rest, including the variants with
-- explicit thresholds, are IMMUTABLE.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- ------------------------------------------------------------ the status
-- The order is part of the interface: best first, "not followed up" last,
-- so ORDER BY status lists fulfilled metrics first and max(status) is the
-- weakest band present.  Labels and order never change once released.
CREATE TYPE status AS ENUM ('fulfilled', 'partly', 'not_fulfilled', 'not_followed_up');
COMMENT ON TYPE status IS 'Status band of a metric or goal: fulfilled, partly (91-99 %), not_fulfilled (90 % or lower), not_followed_up (no outcome); ordered best first';

-- ----------------------------------------------------------- fulfilment
CREATE FUNCTION fulfilment(outcome numeric, target goalmetrics.metric_target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(numeric, goalmetrics.metric_target) IS 'Fulfilment percent of the outcome against the target, 0 to 100 (capped), exact to 15 decimals';

CREATE FUNCTION fulfilment(outcome numeric, target goalmetrics.metric_target, capped boolean) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(numeric, goalmetrics.metric_target, boolean) IS 'Fulfilment percent; with capped = false it may exceed 100 (never below 0)';

CREATE FUNCTION fulfilment(outcome double precision, target goalmetrics.metric_target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(double precision, goalmetrics.metric_target) IS 'Fulfilment percent, the outcome read as its shortest decimal (81.9, not 81.900000000000006)';

CREATE FUNCTION fulfilment(outcome double precision, target goalmetrics.metric_target, capped boolean) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(double precision, goalmetrics.metric_target, boolean) IS 'Fulfilment percent, uncapped when capped = false; the outcome read as its shortest decimal';

CREATE FUNCTION fulfilment(outcome real, target goalmetrics.metric_target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_float4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(real, goalmetrics.metric_target) IS 'Fulfilment percent, the outcome read as its shortest decimal (4.1::real is 4.1)';

CREATE FUNCTION fulfilment(outcome real, target goalmetrics.metric_target, capped boolean) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_float4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(real, goalmetrics.metric_target, boolean) IS 'Fulfilment percent, uncapped when capped = false; the outcome read as its shortest decimal';

CREATE FUNCTION fulfilment(outcome integer, target goalmetrics.metric_target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(integer, goalmetrics.metric_target) IS 'Fulfilment percent of an integer outcome, 0 to 100 (capped)';

CREATE FUNCTION fulfilment(outcome integer, target goalmetrics.metric_target, capped boolean) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(integer, goalmetrics.metric_target, boolean) IS 'Fulfilment percent of an integer outcome, uncapped when capped = false';

CREATE FUNCTION fulfilment(outcome bigint, target goalmetrics.metric_target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(bigint, goalmetrics.metric_target) IS 'Fulfilment percent of a bigint outcome, 0 to 100 (capped)';

CREATE FUNCTION fulfilment(outcome bigint, target goalmetrics.metric_target, capped boolean) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(bigint, goalmetrics.metric_target, boolean) IS 'Fulfilment percent of a bigint outcome, uncapped when capped = false';

-- ---------------------------------------------------------------- meets
CREATE FUNCTION meets(outcome numeric, target goalmetrics.metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION meets(numeric, goalmetrics.metric_target) IS 'Whether the outcome meets the target (strict comparators strictly, ranges inclusive)';

CREATE FUNCTION meets(outcome double precision, target goalmetrics.metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION meets(double precision, goalmetrics.metric_target) IS 'Whether the outcome, read as its shortest decimal, meets the target';

CREATE FUNCTION meets(outcome real, target goalmetrics.metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_float4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION meets(real, goalmetrics.metric_target) IS 'Whether the outcome, read as its shortest decimal, meets the target';

CREATE FUNCTION meets(outcome integer, target goalmetrics.metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION meets(integer, goalmetrics.metric_target) IS 'Whether the integer outcome meets the target';

CREATE FUNCTION meets(outcome bigint, target goalmetrics.metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION meets(bigint, goalmetrics.metric_target) IS 'Whether the bigint outcome meets the target';

-- --------------------------------------------------------------- status
-- Not STRICT: a NULL outcome is 'not_followed_up'; a NULL target (or
-- threshold) gives NULL.
CREATE FUNCTION status(outcome numeric, target goalmetrics.metric_target) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_numeric' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(numeric, goalmetrics.metric_target) IS 'Status band of the outcome under the settings goalmetrics.partly_above and goalmetrics.fulfilled_at; NULL outcome: not_followed_up';

CREATE FUNCTION status(outcome numeric, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(numeric, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the outcome under explicit thresholds (reads no setting: usable in indexes and generated columns)';

CREATE FUNCTION status(outcome double precision, target goalmetrics.metric_target) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_float8' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(double precision, goalmetrics.metric_target) IS 'Status band of the outcome, read as its shortest decimal, under the settings';

CREATE FUNCTION status(outcome double precision, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(double precision, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the outcome, read as its shortest decimal, under explicit thresholds';

CREATE FUNCTION status(outcome real, target goalmetrics.metric_target) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_float4' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(real, goalmetrics.metric_target) IS 'Status band of the outcome, read as its shortest decimal, under the settings';

CREATE FUNCTION status(outcome real, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(real, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the outcome, read as its shortest decimal, under explicit thresholds';

CREATE FUNCTION status(outcome integer, target goalmetrics.metric_target) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_int4' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(integer, goalmetrics.metric_target) IS 'Status band of the integer outcome under the settings';

CREATE FUNCTION status(outcome integer, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(integer, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the integer outcome under explicit thresholds';

CREATE FUNCTION status(outcome bigint, target goalmetrics.metric_target) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_int8' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(bigint, goalmetrics.metric_target) IS 'Status band of the bigint outcome under the settings';

CREATE FUNCTION status(outcome bigint, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(bigint, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the bigint outcome under explicit thresholds';

-- A percent computed elsewhere: >= fulfilled_at fulfilled, > partly_above
-- partly, else not_fulfilled; NULL: not_followed_up.
CREATE FUNCTION status(fulfilment numeric) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_percent' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(numeric) IS 'Status band of a fulfilment percent under the settings (fulfilled from goalmetrics.fulfilled_at); NULL: not_followed_up';

CREATE FUNCTION status(fulfilment numeric, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status
	AS 'MODULE_PATHNAME', 'gm_status_percent' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(numeric, numeric, numeric) IS 'Status band of a fulfilment percent under explicit thresholds; NULL: not_followed_up';

-- --------------------------------------------------------------- labels
CREATE FUNCTION status_label(status goalmetrics.status, lang text DEFAULT 'sv') RETURNS text
	AS 'MODULE_PATHNAME', 'gm_status_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_label(goalmetrics.status, text) IS 'The annual report''s legend text of a status, in Swedish (''sv'', default) or English (''en'')';

CREATE FUNCTION status_colour(status goalmetrics.status) RETURNS text
	AS 'MODULE_PATHNAME', 'gm_status_colour' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_colour(goalmetrics.status) IS 'Hex colour of a status: green #2E7D32, yellow #F9A825, red #C62828, grey #9E9E9E';

CREATE FUNCTION status_symbol(status goalmetrics.status) RETURNS text
	AS 'MODULE_PATHNAME', 'gm_status_symbol' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_symbol(goalmetrics.status) IS 'Symbol of a status, distinct without colour: check mark fulfilled, half circle partly, cross not fulfilled, circle not followed up (+ ~ x o where the database encoding lacks them)';
