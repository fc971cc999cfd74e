-- goalmetrics SQL API, chapter 2: judging an outcome against its target.
--
-- fulfilment() is the percent, meets() whether the target is met, status()
-- the band of the annual report's legend (status_of_percent() that of a
-- percent computed elsewhere).  Reference: doc/fulfilment.md
-- (rules) and doc/settings.md (the thresholds).  Functions that read a
-- goalmetrics.* setting are STABLE; the rest, including the variants with
-- explicit thresholds, are IMMUTABLE.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- ------------------------------------------------------------ the status
-- The order is part of the interface: best first, "not followed up" last,
-- so ORDER BY status lists fulfilled metrics first and max(status) is the
-- weakest band present.  Labels and order never change once released.
-- Named status_band, not status: a user's table "status" (its row type)
-- must not shadow it on the search_path (doc/fulfilment.md, "Names").
CREATE TYPE status_band AS ENUM ('fulfilled', 'partly', 'not_fulfilled', 'not_followed_up');
COMMENT ON TYPE status_band IS 'Status band of a metric or goal: fulfilled, partly (91-99 %), not_fulfilled (90 % or lower), not_followed_up (no outcome); ordered best first';

-- One function per outcome type: numeric, double precision and real (a
-- float read as the decimal it prints as), integer and bigint.  The integer
-- types have their own, since PostgreSQL would otherwise resolve them to
-- the preferred double precision; smallint goes there (exactly).
-- ----------------------------------------------------------- fulfilment
CREATE FUNCTION fulfilment(outcome numeric, target goalmetrics.metric_target, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(numeric, goalmetrics.metric_target, boolean) IS 'Fulfilment percent of the outcome against the target, 0 to 100 (capped; with capped = false it may exceed 100, never below 0), exact to 15 decimals';

CREATE FUNCTION fulfilment(outcome double precision, target goalmetrics.metric_target, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(double precision, goalmetrics.metric_target, boolean) IS 'Fulfilment percent, the outcome read as its shortest decimal (81.9, not 81.900000000000006)';

CREATE FUNCTION fulfilment(outcome real, target goalmetrics.metric_target, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_float4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(real, goalmetrics.metric_target, boolean) IS 'Fulfilment percent, the outcome read as its shortest decimal (4.1::real is 4.1)';

CREATE FUNCTION fulfilment(outcome integer, target goalmetrics.metric_target, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(integer, goalmetrics.metric_target, boolean) IS 'Fulfilment percent of an integer outcome';

CREATE FUNCTION fulfilment(outcome bigint, target goalmetrics.metric_target, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(bigint, goalmetrics.metric_target, boolean) IS 'Fulfilment percent of a bigint outcome';

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
-- status() always judges an outcome against a target.  Not STRICT: a NULL
-- outcome is 'not_followed_up'; a NULL target (or threshold) gives NULL.
-- The variants with explicit thresholds read no setting and are IMMUTABLE
-- (a DEFAULT cannot make one function both), hence two per outcome type.
CREATE FUNCTION status(outcome numeric, target goalmetrics.metric_target) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_numeric' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(numeric, goalmetrics.metric_target) IS 'Status band of the outcome under the settings goalmetrics.partly_above and goalmetrics.fulfilled_at; NULL outcome: not_followed_up';

CREATE FUNCTION status(outcome numeric, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(numeric, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the outcome under explicit thresholds (reads no setting: usable in indexes and generated columns)';

CREATE FUNCTION status(outcome double precision, target goalmetrics.metric_target) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_float8' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(double precision, goalmetrics.metric_target) IS 'Status band of the outcome, read as its shortest decimal, under the settings goalmetrics.partly_above and goalmetrics.fulfilled_at; NULL outcome: not_followed_up';

CREATE FUNCTION status(outcome double precision, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(double precision, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the outcome, read as its shortest decimal, under explicit thresholds (reads no setting: usable in indexes and generated columns)';

CREATE FUNCTION status(outcome real, target goalmetrics.metric_target) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_float4' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(real, goalmetrics.metric_target) IS 'Status band of the outcome, read as its shortest decimal, under the settings goalmetrics.partly_above and goalmetrics.fulfilled_at; NULL outcome: not_followed_up';

CREATE FUNCTION status(outcome real, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(real, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the outcome, read as its shortest decimal, under explicit thresholds (reads no setting: usable in indexes and generated columns)';

CREATE FUNCTION status(outcome integer, target goalmetrics.metric_target) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_int4' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(integer, goalmetrics.metric_target) IS 'Status band of the integer outcome under the settings goalmetrics.partly_above and goalmetrics.fulfilled_at; NULL outcome: not_followed_up';

CREATE FUNCTION status(outcome integer, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(integer, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the integer outcome under explicit thresholds (reads no setting: usable in indexes and generated columns)';

CREATE FUNCTION status(outcome bigint, target goalmetrics.metric_target) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_int8' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(bigint, goalmetrics.metric_target) IS 'Status band of the bigint outcome under the settings goalmetrics.partly_above and goalmetrics.fulfilled_at; NULL outcome: not_followed_up';

CREATE FUNCTION status(outcome bigint, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(bigint, goalmetrics.metric_target, numeric, numeric) IS 'Status band of the bigint outcome under explicit thresholds (reads no setting: usable in indexes and generated columns)';

-- ------------------------------------------------- against the previous
-- Direction targets (increase, decrease, maintain, improve: 'ska minska')
-- are judged against the previous period's outcome: fulfilment(), meets()
-- and status() have variants that take it (previous, of the outcome's
-- type) and the metric's direction (lower_is_better, for maintain and
-- improve).  fulfilment() requires lower_is_better (a default would make
-- fulfilment(5, t, NULL) ambiguous with capped); status() by the settings
-- takes previous only, higher counting as better (a four-argument
-- status(outcome, target, previous, lower_is_better) would make
-- status(5, t, 'NaN', 'NaN') ambiguous with the thresholds); status() with
-- explicit thresholds takes both.  A direction target without a previous outcome
-- is not followed up (fulfilment and meets NULL, status
-- 'not_followed_up'); any other target ignores previous.  A NULL
-- lower_is_better gives NULL, as a NULL threshold does.  Not STRICT.
-- Reference: doc/fulfilment.md, "Targets over time".

CREATE FUNCTION fulfilment(outcome numeric, target goalmetrics.metric_target, previous numeric, lower_is_better boolean, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_prev_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(numeric, goalmetrics.metric_target, numeric, boolean, boolean) IS 'Fulfilment percent; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION meets(outcome numeric, target goalmetrics.metric_target, previous numeric, lower_is_better boolean DEFAULT false) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_prev_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION meets(numeric, goalmetrics.metric_target, numeric, boolean) IS 'Whether the outcome meets the target; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION status(outcome numeric, target goalmetrics.metric_target, previous numeric) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_numeric' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(numeric, goalmetrics.metric_target, numeric) IS 'Status band under the settings; a direction target is judged against the previous outcome (not_followed_up without one), higher counting as better';

CREATE FUNCTION status(outcome numeric, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric, previous numeric, lower_is_better boolean DEFAULT false) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(numeric, goalmetrics.metric_target, numeric, numeric, numeric, boolean) IS 'Status band under explicit thresholds; a direction target is judged against the previous outcome (not_followed_up without one)';

CREATE FUNCTION fulfilment(outcome double precision, target goalmetrics.metric_target, previous double precision, lower_is_better boolean, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_prev_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(double precision, goalmetrics.metric_target, double precision, boolean, boolean) IS 'Fulfilment percent; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION meets(outcome double precision, target goalmetrics.metric_target, previous double precision, lower_is_better boolean DEFAULT false) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_prev_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION meets(double precision, goalmetrics.metric_target, double precision, boolean) IS 'Whether the outcome meets the target; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION status(outcome double precision, target goalmetrics.metric_target, previous double precision) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_float8' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(double precision, goalmetrics.metric_target, double precision) IS 'Status band under the settings; a direction target is judged against the previous outcome (not_followed_up without one), higher counting as better';

CREATE FUNCTION status(outcome double precision, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric, previous double precision, lower_is_better boolean DEFAULT false) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(double precision, goalmetrics.metric_target, numeric, numeric, double precision, boolean) IS 'Status band under explicit thresholds; a direction target is judged against the previous outcome (not_followed_up without one)';

CREATE FUNCTION fulfilment(outcome real, target goalmetrics.metric_target, previous real, lower_is_better boolean, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_prev_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(real, goalmetrics.metric_target, real, boolean, boolean) IS 'Fulfilment percent; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION meets(outcome real, target goalmetrics.metric_target, previous real, lower_is_better boolean DEFAULT false) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_prev_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION meets(real, goalmetrics.metric_target, real, boolean) IS 'Whether the outcome meets the target; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION status(outcome real, target goalmetrics.metric_target, previous real) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_float4' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(real, goalmetrics.metric_target, real) IS 'Status band under the settings; a direction target is judged against the previous outcome (not_followed_up without one), higher counting as better';

CREATE FUNCTION status(outcome real, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric, previous real, lower_is_better boolean DEFAULT false) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_float4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(real, goalmetrics.metric_target, numeric, numeric, real, boolean) IS 'Status band under explicit thresholds; a direction target is judged against the previous outcome (not_followed_up without one)';

CREATE FUNCTION fulfilment(outcome integer, target goalmetrics.metric_target, previous integer, lower_is_better boolean, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_prev_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(integer, goalmetrics.metric_target, integer, boolean, boolean) IS 'Fulfilment percent; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION meets(outcome integer, target goalmetrics.metric_target, previous integer, lower_is_better boolean DEFAULT false) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_prev_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION meets(integer, goalmetrics.metric_target, integer, boolean) IS 'Whether the outcome meets the target; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION status(outcome integer, target goalmetrics.metric_target, previous integer) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_int4' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(integer, goalmetrics.metric_target, integer) IS 'Status band under the settings; a direction target is judged against the previous outcome (not_followed_up without one), higher counting as better';

CREATE FUNCTION status(outcome integer, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric, previous integer, lower_is_better boolean DEFAULT false) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_int4' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(integer, goalmetrics.metric_target, numeric, numeric, integer, boolean) IS 'Status band under explicit thresholds; a direction target is judged against the previous outcome (not_followed_up without one)';

CREATE FUNCTION fulfilment(outcome bigint, target goalmetrics.metric_target, previous bigint, lower_is_better boolean, capped boolean DEFAULT true) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gm_fulfilment_prev_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION fulfilment(bigint, goalmetrics.metric_target, bigint, boolean, boolean) IS 'Fulfilment percent; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION meets(outcome bigint, target goalmetrics.metric_target, previous bigint, lower_is_better boolean DEFAULT false) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gm_meets_prev_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION meets(bigint, goalmetrics.metric_target, bigint, boolean) IS 'Whether the outcome meets the target; a direction target is judged against the previous outcome (NULL without one)';

CREATE FUNCTION status(outcome bigint, target goalmetrics.metric_target, previous bigint) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_int8' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(bigint, goalmetrics.metric_target, bigint) IS 'Status band under the settings; a direction target is judged against the previous outcome (not_followed_up without one), higher counting as better';

CREATE FUNCTION status(outcome bigint, target goalmetrics.metric_target, partly_above numeric, fulfilled_at numeric, previous bigint, lower_is_better boolean DEFAULT false) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_prev_int8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status(bigint, goalmetrics.metric_target, numeric, numeric, bigint, boolean) IS 'Status band under explicit thresholds; a direction target is judged against the previous outcome (not_followed_up without one)';

CREATE FUNCTION judged_target(target goalmetrics.metric_target, previous numeric, lower_is_better boolean DEFAULT false) RETURNS goalmetrics.metric_target
	AS 'MODULE_PATHNAME', 'gm_judged_target' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION judged_target(goalmetrics.metric_target, numeric, boolean) IS 'The plain target a direction target stands for after the previous outcome (increase after 72.5: ''above 72.5''; decrease: below; maintain: at least, or at most when lower is better; improve: above, or below when lower is better); without a previous outcome the direction target itself (not followed up wherever it is judged); a multi-year target as its end year''s target; any other target as it is.  Judging against it is judging against the target with status(..., previous => ...)';

-- The target a year's outcome is judged against: the one rule the views,
-- the annual report and the roll-ups apply (doc/fulfilment.md, "Targets
-- over time").  A multi-year target gives the year's value on its glide
-- path (target_for_year; NULL before it starts), a direction target the
-- plain target it stands for after the previous outcome (judged_target;
-- itself, so not followed up, without one), in the metric's direction
-- where the target does not say it (lower_is_better; NULL: higher is
-- better); any other target is itself.  Inlined where it is called.
CREATE FUNCTION target_applied(target goalmetrics.metric_target, year integer, previous numeric, lower_is_better boolean)
RETURNS goalmetrics.metric_target
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN goalmetrics.judged_target(goalmetrics.target_for_year(target, year), previous, coalesce(lower_is_better, false));
COMMENT ON FUNCTION target_applied(goalmetrics.metric_target, integer, numeric, boolean) IS 'The target an outcome of a year is judged against: a multi-year target''s value for the year, a direction target after the previous outcome (in the metric''s direction), any other target as it is';

-- A percent computed elsewhere (not an outcome): >= fulfilled_at fulfilled,
-- > partly_above partly, else not_fulfilled; NULL: not_followed_up.  Its
-- own name, so that a percent is never read as an outcome or back.
CREATE FUNCTION status_of_percent(percent numeric) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_of_percent' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION status_of_percent(numeric) IS 'Status band of a fulfilment percent under the settings (fulfilled from goalmetrics.fulfilled_at); NULL: not_followed_up';

CREATE FUNCTION status_of_percent(percent numeric, partly_above numeric, fulfilled_at numeric) RETURNS goalmetrics.status_band
	AS 'MODULE_PATHNAME', 'gm_status_of_percent' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION status_of_percent(numeric, numeric, numeric) IS 'Status band of a fulfilment percent under explicit thresholds; NULL: not_followed_up';

-- --------------------------------------------------------------- labels
-- The label describes the bands in force: it reads the thresholds (STABLE),
-- or takes them explicitly (IMMUTABLE), as status() does.
CREATE FUNCTION status_label(status goalmetrics.status_band, lang text DEFAULT 'sv') RETURNS text
	AS 'MODULE_PATHNAME', 'gm_status_label' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_label(goalmetrics.status_band, text) IS 'The annual report''s legend text of a status under the settings goalmetrics.partly_above and goalmetrics.fulfilled_at, in Swedish (''sv'', default) or English (''en'')';

CREATE FUNCTION status_label(status goalmetrics.status_band, lang text, partly_above numeric, fulfilled_at numeric) RETURNS text
	AS 'MODULE_PATHNAME', 'gm_status_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_label(goalmetrics.status_band, text, numeric, numeric) IS 'The legend text of a status under explicit thresholds, in Swedish (''sv'') or English (''en'')';

CREATE FUNCTION status_colour(status goalmetrics.status_band) RETURNS text
	AS 'MODULE_PATHNAME', 'gm_status_colour' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_colour(goalmetrics.status_band) IS 'Hex colour of a status: green #2E7D32, yellow #F9A825, red #C62828, grey #9E9E9E';

CREATE FUNCTION status_symbol(status goalmetrics.status_band) RETURNS text
	AS 'MODULE_PATHNAME', 'gm_status_symbol' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION status_symbol(goalmetrics.status_band) IS 'Symbol of a status, distinct without colour: check mark fulfilled, half circle partly, cross not fulfilled, circle not followed up (+ ~ x o where the database encoding lacks them)';
