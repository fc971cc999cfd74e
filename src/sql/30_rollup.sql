-- goalmetrics SQL API, chapter 3: roll-ups and trends.
--
-- rollup() rolls metrics up to a goal and goals up to a perspective, a
-- committee or a city; trend() tells whether a metric improves over the
-- years.  Reference: doc/rollup.md.  The transition states are real,
-- fixed-size types of the extension (rollup_state, trend_state), so that
-- partial states can be shipped between servers as values.  The final
-- functions read goalmetrics.rollup_method / trend_tolerance and the
-- transition functions the thresholds: they are STABLE.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- ------------------------------------------------------------ rollup_state
CREATE TYPE goalmetrics.rollup_state;

CREATE FUNCTION goalmetrics.rollup_state_in(pg_catalog.cstring) RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION goalmetrics.rollup_state_out(goalmetrics.rollup_state) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'gm_rollup_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION goalmetrics.rollup_state_recv(pg_catalog.internal) RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION goalmetrics.rollup_state_send(goalmetrics.rollup_state) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'gm_rollup_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- @GM_ROLLUP_STATE_SIZE@ bytes, fixed (src/rollup.h, GmRollupState)
CREATE TYPE goalmetrics.rollup_state (
	INPUT = goalmetrics.rollup_state_in,
	OUTPUT = goalmetrics.rollup_state_out,
	RECEIVE = goalmetrics.rollup_state_recv,
	SEND = goalmetrics.rollup_state_send,
	INTERNALLENGTH = @GM_ROLLUP_STATE_SIZE@,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE goalmetrics.rollup_state IS 'Transition state of rollup(): exact sums and counts, @GM_ROLLUP_STATE_SIZE@ bytes; text and binary forms round-trip exactly';
COMMENT ON FUNCTION goalmetrics.rollup_state_in(pg_catalog.cstring) IS 'Input of rollup_state: the canonical text form only, every invariant checked';
COMMENT ON FUNCTION goalmetrics.rollup_state_out(goalmetrics.rollup_state) IS 'Output of rollup_state: canonical text';
COMMENT ON FUNCTION goalmetrics.rollup_state_recv(pg_catalog.internal) IS 'Binary input of rollup_state, checked like the text form';
COMMENT ON FUNCTION goalmetrics.rollup_state_send(goalmetrics.rollup_state) IS 'Binary output of rollup_state: format version byte, then the fields';

-- ----------------------------------------------------------- rollup_result
CREATE TYPE goalmetrics.rollup_result AS (
	fulfilment pg_catalog.numeric,
	status goalmetrics.status,
	parts pg_catalog.int4,
	metrics pg_catalog.int4,
	fulfilled pg_catalog.int4,
	partly pg_catalog.int4,
	not_fulfilled pg_catalog.int4,
	not_followed_up pg_catalog.int4
);
COMMENT ON TYPE goalmetrics.rollup_result IS 'Result of rollup(): fulfilment percent and status of the roll-up, parts rolled up, and its metrics counted by status';

-- ------------------------------------------------ rollup support functions
CREATE FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, pg_catalog.numeric, goalmetrics.metric_target)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_accum' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, pg_catalog.numeric, goalmetrics.metric_target) IS 'Transition of rollup(outcome, target): adds one metric';

CREATE FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, pg_catalog.numeric, goalmetrics.metric_target, pg_catalog.numeric)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_accum_weighted' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, pg_catalog.numeric, goalmetrics.metric_target, pg_catalog.numeric) IS 'Transition of rollup(outcome, target, weight): adds one weighted metric';

CREATE FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, goalmetrics.rollup_result)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_accum_result' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, goalmetrics.rollup_result) IS 'Transition of rollup(rollup_result): adds one roll-up as one part';

CREATE FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, pg_catalog.numeric, goalmetrics.metric_target)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_inverse' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, pg_catalog.numeric, goalmetrics.metric_target) IS 'Inverse transition of rollup(outcome, target) for moving windows; NULL where it cannot invert';

CREATE FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, pg_catalog.numeric, goalmetrics.metric_target, pg_catalog.numeric)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_inverse_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, pg_catalog.numeric, goalmetrics.metric_target, pg_catalog.numeric) IS 'Inverse transition of rollup(outcome, target, weight); NULL where it cannot invert';

CREATE FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, goalmetrics.rollup_result)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_inverse_result' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, goalmetrics.rollup_result) IS 'Inverse transition of rollup(rollup_result); NULL where it cannot invert';

CREATE FUNCTION goalmetrics.rollup_combine(goalmetrics.rollup_state, goalmetrics.rollup_state)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_combine(goalmetrics.rollup_state, goalmetrics.rollup_state) IS 'Combines two partial roll-up states exactly (parallel and distributed aggregation)';

CREATE FUNCTION goalmetrics.rollup_final(goalmetrics.rollup_state)
	RETURNS goalmetrics.rollup_result
	AS 'MODULE_PATHNAME', 'gm_rollup_final' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_final(goalmetrics.rollup_state) IS 'Final function of rollup(): applies goalmetrics.rollup_method and the bands';

-- ----------------------------------------------------------------- rollup
-- The INITCOND is the empty state; the transition updates it in place.
CREATE AGGREGATE goalmetrics.rollup(outcome pg_catalog.numeric, target goalmetrics.metric_target) (
	SFUNC = goalmetrics.rollup_accum,
	STYPE = goalmetrics.rollup_state,
	SSPACE = @GM_ROLLUP_STATE_SIZE@,
	FINALFUNC = goalmetrics.rollup_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = goalmetrics.rollup_combine,
	INITCOND = '@GM_ROLLUP_STATE_EMPTY@',
	MSFUNC = goalmetrics.rollup_accum,
	MINVFUNC = goalmetrics.rollup_inverse,
	MSTYPE = goalmetrics.rollup_state,
	MSSPACE = @GM_ROLLUP_STATE_SIZE@,
	MFINALFUNC = goalmetrics.rollup_final,
	MFINALFUNC_MODIFY = READ_ONLY,
	MINITCOND = '@GM_ROLLUP_STATE_EMPTY@',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE goalmetrics.rollup(pg_catalog.numeric, goalmetrics.metric_target) IS 'Rolls metrics up to a goal: fulfilment, status and counts (goalmetrics.rollup_method: mean, worst or share_met)';

CREATE AGGREGATE goalmetrics.rollup(outcome pg_catalog.numeric, target goalmetrics.metric_target, weight pg_catalog.numeric) (
	SFUNC = goalmetrics.rollup_accum,
	STYPE = goalmetrics.rollup_state,
	SSPACE = @GM_ROLLUP_STATE_SIZE@,
	FINALFUNC = goalmetrics.rollup_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = goalmetrics.rollup_combine,
	INITCOND = '@GM_ROLLUP_STATE_EMPTY@',
	MSFUNC = goalmetrics.rollup_accum,
	MINVFUNC = goalmetrics.rollup_inverse,
	MSTYPE = goalmetrics.rollup_state,
	MSSPACE = @GM_ROLLUP_STATE_SIZE@,
	MFINALFUNC = goalmetrics.rollup_final,
	MFINALFUNC_MODIFY = READ_ONLY,
	MINITCOND = '@GM_ROLLUP_STATE_EMPTY@',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE goalmetrics.rollup(pg_catalog.numeric, goalmetrics.metric_target, pg_catalog.numeric) IS 'Rolls weighted metrics up to a goal (weight >= 0, NULL = 1; 0 keeps a metric in the counts only)';

CREATE AGGREGATE goalmetrics.rollup(goalmetrics.rollup_result) (
	SFUNC = goalmetrics.rollup_accum,
	STYPE = goalmetrics.rollup_state,
	SSPACE = @GM_ROLLUP_STATE_SIZE@,
	FINALFUNC = goalmetrics.rollup_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = goalmetrics.rollup_combine,
	INITCOND = '@GM_ROLLUP_STATE_EMPTY@',
	MSFUNC = goalmetrics.rollup_accum,
	MINVFUNC = goalmetrics.rollup_inverse,
	MSTYPE = goalmetrics.rollup_state,
	MSSPACE = @GM_ROLLUP_STATE_SIZE@,
	MFINALFUNC = goalmetrics.rollup_final,
	MFINALFUNC_MODIFY = READ_ONLY,
	MINITCOND = '@GM_ROLLUP_STATE_EMPTY@',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE goalmetrics.rollup(goalmetrics.rollup_result) IS 'Rolls roll-ups up one more level (goals to perspective, committee, city): each input counts once, metric counts are summed';

-- ------------------------------------------------------------- trend_state
CREATE TYPE goalmetrics.trend_state;

CREATE FUNCTION goalmetrics.trend_state_in(pg_catalog.cstring) RETURNS goalmetrics.trend_state
	AS 'MODULE_PATHNAME', 'gm_trend_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION goalmetrics.trend_state_out(goalmetrics.trend_state) RETURNS pg_catalog.cstring
	AS 'MODULE_PATHNAME', 'gm_trend_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION goalmetrics.trend_state_recv(pg_catalog.internal) RETURNS goalmetrics.trend_state
	AS 'MODULE_PATHNAME', 'gm_trend_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION goalmetrics.trend_state_send(goalmetrics.trend_state) RETURNS pg_catalog.bytea
	AS 'MODULE_PATHNAME', 'gm_trend_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- @GM_TREND_STATE_SIZE@ bytes, fixed (src/rollup.h, GmTrendState)
CREATE TYPE goalmetrics.trend_state (
	INPUT = goalmetrics.trend_state_in,
	OUTPUT = goalmetrics.trend_state_out,
	RECEIVE = goalmetrics.trend_state_recv,
	SEND = goalmetrics.trend_state_send,
	INTERNALLENGTH = @GM_TREND_STATE_SIZE@,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE goalmetrics.trend_state IS 'Transition state of trend(): earliest and latest followed-up outcome and the latest target, @GM_TREND_STATE_SIZE@ bytes';
COMMENT ON FUNCTION goalmetrics.trend_state_in(pg_catalog.cstring) IS 'Input of trend_state: the canonical text form only, every invariant checked';
COMMENT ON FUNCTION goalmetrics.trend_state_out(goalmetrics.trend_state) IS 'Output of trend_state: canonical text';
COMMENT ON FUNCTION goalmetrics.trend_state_recv(pg_catalog.internal) IS 'Binary input of trend_state, checked like the text form';
COMMENT ON FUNCTION goalmetrics.trend_state_send(goalmetrics.trend_state) IS 'Binary output of trend_state: format version byte, then the fields';

CREATE FUNCTION goalmetrics.trend_accum(goalmetrics.trend_state, pg_catalog.int4, pg_catalog.numeric, goalmetrics.metric_target)
	RETURNS goalmetrics.trend_state
	AS 'MODULE_PATHNAME', 'gm_trend_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.trend_accum(goalmetrics.trend_state, pg_catalog.int4, pg_catalog.numeric, goalmetrics.metric_target) IS 'Transition of trend(): keeps the earliest and latest outcome and the latest target';

CREATE FUNCTION goalmetrics.trend_combine(goalmetrics.trend_state, goalmetrics.trend_state)
	RETURNS goalmetrics.trend_state
	AS 'MODULE_PATHNAME', 'gm_trend_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.trend_combine(goalmetrics.trend_state, goalmetrics.trend_state) IS 'Combines two partial trend states';

CREATE FUNCTION goalmetrics.trend_final(goalmetrics.trend_state)
	RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'gm_trend_final' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.trend_final(goalmetrics.trend_state) IS 'Final function of trend(): improving, stable or worsening under goalmetrics.trend_tolerance';

CREATE AGGREGATE goalmetrics.trend(year pg_catalog.int4, outcome pg_catalog.numeric, target goalmetrics.metric_target) (
	SFUNC = goalmetrics.trend_accum,
	STYPE = goalmetrics.trend_state,
	SSPACE = @GM_TREND_STATE_SIZE@,
	FINALFUNC = goalmetrics.trend_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = goalmetrics.trend_combine,
	INITCOND = '@GM_TREND_STATE_EMPTY@',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE goalmetrics.trend(pg_catalog.int4, pg_catalog.numeric, goalmetrics.metric_target) IS 'improving, stable or worsening: latest against earliest followed-up outcome, direction-aware; NULL with fewer than two followed-up years';

CREATE FUNCTION goalmetrics.check_outcome(value pg_catalog.numeric) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'gm_check_outcome' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.check_outcome(pg_catalog.numeric) IS 'true, or error 22003 for an outcome of more than 38 digits or 127 decimals, which trend() cannot hold; the CHECK of goalmetrics.outcome.value';

CREATE FUNCTION goalmetrics.trend_symbol(trend pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'gm_trend_symbol' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.trend_symbol(pg_catalog.text) IS 'Arrow of a trend: up improving, right stable, down worsening (^ = v where the database encoding lacks arrows)';
