-- goalmetrics SQL API, chapter 3: roll-ups and trends.
--
-- rollup() rolls metrics up to a goal and goals up to a perspective, a
-- committee or a city; trend() tells whether a metric improves over the
-- years.  Reference: doc/rollup.md.  The transition states are real,
-- fixed-size types of the extension (rollup_state, trend_state), so that
-- partial states can be shipped between servers as values.
--
-- Two kinds of aggregate.  Those without rule arguments follow the session's
-- settings: their transition functions read the thresholds and their final
-- functions goalmetrics.rollup_method / trend_tolerance, so they are STABLE
-- and a split aggregate follows each server's settings.  Those with rule
-- arguments (rollup(..., partly_above, fulfilled_at, method), trend(...,
-- tolerance)) record the rules in the state on its first input and read no
-- setting anywhere: IMMUTABLE, the same answer on every server
-- (doc/rollup.md, "Rules as arguments").
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
	status goalmetrics.status_band,
	parts pg_catalog.int4,
	metrics pg_catalog.int4,
	fulfilled pg_catalog.int4,
	partly pg_catalog.int4,
	not_fulfilled pg_catalog.int4,
	not_followed_up pg_catalog.int4
);
COMMENT ON TYPE goalmetrics.rollup_result IS 'Result of rollup(): fulfilment percent and status of the roll-up, parts rolled up, and its metrics counted by status';

-- ----------------------------------------------------------- rollup_method
-- The values of goalmetrics.rollup_method, in src/settings.h's order.
CREATE TYPE goalmetrics.rollup_method AS ENUM ('mean', 'worst', 'share_met');
COMMENT ON TYPE goalmetrics.rollup_method IS 'How a roll-up combines its parts: mean of the capped fulfilment, worst part, or share of met targets';

CREATE FUNCTION goalmetrics.current_rules(OUT partly_above pg_catalog.numeric, OUT fulfilled_at pg_catalog.numeric,
		OUT rollup_method goalmetrics.rollup_method, OUT trend_tolerance pg_catalog.numeric)
	AS 'MODULE_PATHNAME', 'gm_current_rules' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.current_rules() IS 'The goalmetrics.* settings in force, as the rule arguments of rollup() and trend() take them';

-- ------------------------------------------------ rollup support functions
CREATE FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, goalmetrics.rollup_result)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_accum_result' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, goalmetrics.rollup_result) IS 'Transition of rollup(rollup_result): adds one roll-up as one part';

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
COMMENT ON FUNCTION goalmetrics.rollup_final(goalmetrics.rollup_state) IS 'Final function of rollup(): applies the state''s method, else goalmetrics.rollup_method, and the bands';

CREATE FUNCTION goalmetrics.rollup_final_rules(goalmetrics.rollup_state)
	RETURNS goalmetrics.rollup_result
	AS 'MODULE_PATHNAME', 'gm_rollup_final_rules' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_final_rules(goalmetrics.rollup_state) IS 'Final function of rollup() with rule arguments: applies the method the state carries, reads no setting';

-- ----------------------------------------------------------------- rollup
-- The INITCOND is the empty state; the transition updates it in place.
--
-- rollup(outcome, target [, weight]) takes the outcome types status()
-- takes (20_fulfilment.sql): numeric, double precision and real (read as
-- the decimal they print as), integer and bigint.  One C transition serves
-- them all (it reads the outcome's type from the call); the aggregates
-- differ only in that type, so they are made in one loop.
DO $rollup$
DECLARE
	outcome_type text;
	weighted	boolean;
	args		text;
	aggregate_comment text;
BEGIN
	FOREACH outcome_type IN ARRAY ARRAY['pg_catalog.numeric', 'pg_catalog.float8', 'pg_catalog.float4', 'pg_catalog.int4', 'pg_catalog.int8']
	LOOP
		FOREACH weighted IN ARRAY ARRAY[false, true]
		LOOP
			args := outcome_type OPERATOR(pg_catalog.||) ', goalmetrics.metric_target'
					OPERATOR(pg_catalog.||) CASE WHEN weighted THEN ', pg_catalog.numeric' ELSE '' END;
			EXECUTE pg_catalog.format($f$
				CREATE FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, %1$s)
					RETURNS goalmetrics.rollup_state
					AS 'MODULE_PATHNAME', %2$L LANGUAGE C STABLE PARALLEL SAFE;
				COMMENT ON FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, %1$s) IS %3$L;
				CREATE FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, %1$s)
					RETURNS goalmetrics.rollup_state
					AS 'MODULE_PATHNAME', %4$L LANGUAGE C IMMUTABLE PARALLEL SAFE;
				COMMENT ON FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, %1$s) IS %5$L;
				$f$, args,
				CASE WHEN weighted THEN 'gm_rollup_accum_weighted' ELSE 'gm_rollup_accum' END,
				CASE WHEN weighted THEN 'Transition of rollup(outcome, target, weight): adds one weighted metric'
					 ELSE 'Transition of rollup(outcome, target): adds one metric' END,
				CASE WHEN weighted THEN 'gm_rollup_inverse_weighted' ELSE 'gm_rollup_inverse' END,
				CASE WHEN weighted THEN 'Inverse transition of rollup(outcome, target, weight); NULL where it cannot invert'
					 ELSE 'Inverse transition of rollup(outcome, target) for moving windows; NULL where it cannot invert' END);
			aggregate_comment := CASE WHEN weighted
				THEN 'Rolls weighted metrics up to a goal (weight >= 0, NULL = 1; 0 keeps a metric in the counts only)'
				ELSE 'Rolls metrics up to a goal: fulfilment, status and counts (goalmetrics.rollup_method: mean, worst or share_met)' END;
			EXECUTE pg_catalog.format($f$
				CREATE AGGREGATE goalmetrics.rollup(outcome %1$s, target goalmetrics.metric_target%2$s) (
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
				COMMENT ON AGGREGATE goalmetrics.rollup(%3$s) IS %4$L;
				$f$, outcome_type, CASE WHEN weighted THEN ', weight pg_catalog.numeric' ELSE '' END,
				args, aggregate_comment);
		END LOOP;

		-- with the rules as arguments: reads no setting (IMMUTABLE)
		args := outcome_type OPERATOR(pg_catalog.||) ', goalmetrics.metric_target, pg_catalog.numeric, '
				OPERATOR(pg_catalog.||) 'pg_catalog.numeric, pg_catalog.numeric, goalmetrics.rollup_method';
		EXECUTE pg_catalog.format($f$
			CREATE FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, %1$s)
				RETURNS goalmetrics.rollup_state
				AS 'MODULE_PATHNAME', 'gm_rollup_accum_rules' LANGUAGE C IMMUTABLE PARALLEL SAFE;
			COMMENT ON FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, %1$s) IS 'Transition of rollup(outcome, target, weight, partly_above, fulfilled_at, method): adds one weighted metric under the given rules';
			CREATE FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, %1$s)
				RETURNS goalmetrics.rollup_state
				AS 'MODULE_PATHNAME', 'gm_rollup_inverse_rules' LANGUAGE C IMMUTABLE PARALLEL SAFE;
			COMMENT ON FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, %1$s) IS 'Inverse transition of rollup(outcome, target, weight, partly_above, fulfilled_at, method); NULL where it cannot invert';
			CREATE AGGREGATE goalmetrics.rollup(outcome %2$s, target goalmetrics.metric_target, weight pg_catalog.numeric,
					partly_above pg_catalog.numeric, fulfilled_at pg_catalog.numeric, method goalmetrics.rollup_method) (
				SFUNC = goalmetrics.rollup_accum,
				STYPE = goalmetrics.rollup_state,
				SSPACE = @GM_ROLLUP_STATE_SIZE@,
				FINALFUNC = goalmetrics.rollup_final_rules,
				FINALFUNC_MODIFY = READ_ONLY,
				COMBINEFUNC = goalmetrics.rollup_combine,
				INITCOND = '@GM_ROLLUP_STATE_EMPTY@',
				MSFUNC = goalmetrics.rollup_accum,
				MINVFUNC = goalmetrics.rollup_inverse,
				MSTYPE = goalmetrics.rollup_state,
				MSSPACE = @GM_ROLLUP_STATE_SIZE@,
				MFINALFUNC = goalmetrics.rollup_final_rules,
				MFINALFUNC_MODIFY = READ_ONLY,
				MINITCOND = '@GM_ROLLUP_STATE_EMPTY@',
				PARALLEL = SAFE
			);
			COMMENT ON AGGREGATE goalmetrics.rollup(%1$s) IS 'Rolls weighted metrics up to a goal under the given rules (the same in every row); reads no setting';
			$f$, args, outcome_type);
	END LOOP;
END
$rollup$;

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

CREATE FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, goalmetrics.rollup_result,
		pg_catalog.numeric, pg_catalog.numeric, goalmetrics.rollup_method)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_accum_result_rules' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_accum(goalmetrics.rollup_state, goalmetrics.rollup_result, pg_catalog.numeric, pg_catalog.numeric, goalmetrics.rollup_method) IS 'Transition of rollup(rollup_result, partly_above, fulfilled_at, method): adds one roll-up as one part under the given rules';

CREATE FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, goalmetrics.rollup_result,
		pg_catalog.numeric, pg_catalog.numeric, goalmetrics.rollup_method)
	RETURNS goalmetrics.rollup_state
	AS 'MODULE_PATHNAME', 'gm_rollup_inverse_result_rules' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.rollup_inverse(goalmetrics.rollup_state, goalmetrics.rollup_result, pg_catalog.numeric, pg_catalog.numeric, goalmetrics.rollup_method) IS 'Inverse transition of rollup(rollup_result, partly_above, fulfilled_at, method); NULL where it cannot invert';

CREATE AGGREGATE goalmetrics.rollup(result goalmetrics.rollup_result, partly_above pg_catalog.numeric,
		fulfilled_at pg_catalog.numeric, method goalmetrics.rollup_method) (
	SFUNC = goalmetrics.rollup_accum,
	STYPE = goalmetrics.rollup_state,
	SSPACE = @GM_ROLLUP_STATE_SIZE@,
	FINALFUNC = goalmetrics.rollup_final_rules,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = goalmetrics.rollup_combine,
	INITCOND = '@GM_ROLLUP_STATE_EMPTY@',
	MSFUNC = goalmetrics.rollup_accum,
	MINVFUNC = goalmetrics.rollup_inverse,
	MSTYPE = goalmetrics.rollup_state,
	MSSPACE = @GM_ROLLUP_STATE_SIZE@,
	MFINALFUNC = goalmetrics.rollup_final_rules,
	MFINALFUNC_MODIFY = READ_ONLY,
	MINITCOND = '@GM_ROLLUP_STATE_EMPTY@',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE goalmetrics.rollup(goalmetrics.rollup_result, pg_catalog.numeric, pg_catalog.numeric, goalmetrics.rollup_method) IS 'Rolls roll-ups up one more level under the given rules (the same in every row); reads no setting';

-- ------------------------------------------------------------------ trend
-- The result of trend(), like status_band best first, so ORDER BY trend
-- lists improving metrics first and max(trend) is the worst present.
-- Labels and order never change once released (src/rollup.c looks them up
-- by label).
CREATE TYPE goalmetrics.trend_direction AS ENUM ('improving', 'stable', 'worsening');
COMMENT ON TYPE goalmetrics.trend_direction IS 'Result of trend(): improving, stable or worsening; ordered best first';

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
	RETURNS goalmetrics.trend_direction
	AS 'MODULE_PATHNAME', 'gm_trend_final' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.trend_final(goalmetrics.trend_state) IS 'Final function of trend(): improving, stable or worsening under the state''s tolerance, else goalmetrics.trend_tolerance';

CREATE FUNCTION goalmetrics.trend_accum(goalmetrics.trend_state, pg_catalog.int4, pg_catalog.numeric, goalmetrics.metric_target, pg_catalog.numeric)
	RETURNS goalmetrics.trend_state
	AS 'MODULE_PATHNAME', 'gm_trend_accum_rules' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.trend_accum(goalmetrics.trend_state, pg_catalog.int4, pg_catalog.numeric, goalmetrics.metric_target, pg_catalog.numeric) IS 'Transition of trend(year, outcome, target, tolerance): as trend_accum, and records the tolerance';

CREATE FUNCTION goalmetrics.trend_final_rules(goalmetrics.trend_state)
	RETURNS goalmetrics.trend_direction
	AS 'MODULE_PATHNAME', 'gm_trend_final_rules' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.trend_final_rules(goalmetrics.trend_state) IS 'Final function of trend(year, outcome, target, tolerance): under the tolerance the state carries, reads no setting';

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

CREATE AGGREGATE goalmetrics.trend(year pg_catalog.int4, outcome pg_catalog.numeric, target goalmetrics.metric_target, tolerance pg_catalog.numeric) (
	SFUNC = goalmetrics.trend_accum,
	STYPE = goalmetrics.trend_state,
	SSPACE = @GM_TREND_STATE_SIZE@,
	FINALFUNC = goalmetrics.trend_final_rules,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = goalmetrics.trend_combine,
	INITCOND = '@GM_TREND_STATE_EMPTY@',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE goalmetrics.trend(pg_catalog.int4, pg_catalog.numeric, goalmetrics.metric_target, pg_catalog.numeric) IS 'trend() under the given tolerance (the same in every row); reads no setting';

CREATE FUNCTION goalmetrics.check_outcome(value pg_catalog.numeric) RETURNS pg_catalog.bool
	AS 'MODULE_PATHNAME', 'gm_check_outcome' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.check_outcome(pg_catalog.numeric) IS 'true, or error 22003 for an outcome of more than 38 digits or 127 decimals, which trend() cannot hold; the CHECK of goalmetrics.outcome.value';

CREATE FUNCTION goalmetrics.trend_symbol(trend goalmetrics.trend_direction) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'gm_trend_symbol' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goalmetrics.trend_symbol(goalmetrics.trend_direction) IS 'Arrow of a trend: up improving, right stable, down worsening (^ = v where the database encoding lacks arrows)';

-- ------------------------------------------------------ preloaded library?
-- The goalmetrics.* settings exist in a session once the library is loaded.
-- Where it is preloaded (shared_preload_libraries, or
-- session_preload_libraries: doc/settings.md, "Install"), SHOW, ALTER
-- SYSTEM and pg_settings know them from the first statement of every
-- session; elsewhere they do not until a goalmetrics function has run.  Say
-- so when the extension is created in such a database.
DO $preload$
BEGIN
	IF NOT EXISTS (
		SELECT FROM pg_catalog.regexp_split_to_table(
				pg_catalog.concat_ws(',', pg_catalog.current_setting('shared_preload_libraries'),
									 pg_catalog.current_setting('session_preload_libraries'),
									 pg_catalog.current_setting('local_preload_libraries')), ',') AS l(name)
		 WHERE pg_catalog.btrim(l.name, ' "') OPERATOR(pg_catalog.~) '(^|/)goalmetrics(\.so)?$')
	THEN
		RAISE WARNING 'goalmetrics is not preloaded: a new session does not know the goalmetrics.* settings (SHOW, ALTER SYSTEM, pg_settings) until a goalmetrics function has run'
			USING HINT = 'Add goalmetrics to shared_preload_libraries and restart, or to session_preload_libraries (doc/settings.md, "Install"). goalmetrics.current_rules() shows the settings in force in any session.';
	END IF;
END
$preload$;
