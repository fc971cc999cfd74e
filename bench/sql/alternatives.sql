-- bench/sql/alternatives.sql: what a user would write without goalmetrics,
-- over the plain comparison columns every outcome row also carries:
--   outcome numeric, target_value numeric, at_most boolean
-- (at_most = false: "at least").  The rules are DOMAIN.md's for at least /
-- at most targets with the default bands:
--   met:        at least: outcome >= T;  at most: outcome <= T
--   fulfilment: at least: 100 * outcome / T;  at most: 100 * T / outcome;
--               capped at 100, never negative; where the ratio is undefined
--               (T <= 0, or outcome <= 0 for at most) 100 if met, else 0
--   status:     NULL outcome: not_followed_up; met: fulfilled;
--               else fulfilment > 90: partly; else not_fulfilled
-- Each is written three ways: an inline CASE, an inlinable SQL function and
-- a PL/pgSQL function.  bench.check() asserts, before any timing, that all
-- of them give exactly the counts goalmetrics gives on the same rows.
\set ON_ERROR_STOP on

-- --------------------------------------------------------- the fragments
-- The CASE a user writes: percent by numeric division, then compared.
INSERT INTO bench.fragment VALUES ('status_case', $f$CASE
		WHEN outcome IS NULL THEN 'not_followed_up'
		WHEN at_most AND outcome <= target_value THEN 'fulfilled'
		WHEN NOT at_most AND outcome >= target_value THEN 'fulfilled'
		WHEN at_most AND target_value > 0 AND outcome > 0 THEN
			CASE WHEN 100 * target_value / outcome > 90 THEN 'partly' ELSE 'not_fulfilled' END
		WHEN NOT at_most AND target_value > 0 THEN
			CASE WHEN 100 * outcome / target_value > 90 THEN 'partly' ELSE 'not_fulfilled' END
		ELSE 'not_fulfilled'
	END$f$);

-- The same, tuned by hand: the band by cross-multiplication, no division
-- (the fastest plain SQL we know; shown for reference).
INSERT INTO bench.fragment VALUES ('status_nodiv', $f$CASE
		WHEN outcome IS NULL THEN 'not_followed_up'
		WHEN at_most AND outcome <= target_value THEN 'fulfilled'
		WHEN NOT at_most AND outcome >= target_value THEN 'fulfilled'
		WHEN at_most AND target_value > 0 AND outcome > 0 THEN
			CASE WHEN 100 * target_value > 90 * outcome THEN 'partly' ELSE 'not_fulfilled' END
		WHEN NOT at_most AND target_value > 0 THEN
			CASE WHEN 100 * outcome > 90 * target_value THEN 'partly' ELSE 'not_fulfilled' END
		ELSE 'not_fulfilled'
	END$f$);

-- Capped fulfilment percent.
INSERT INTO bench.fragment VALUES ('pct_case', $f$CASE
		WHEN outcome IS NULL THEN NULL
		WHEN at_most THEN
			CASE WHEN target_value > 0 AND outcome > 0 THEN least(100, 100 * target_value / outcome)
				 WHEN outcome <= target_value THEN 100 ELSE 0 END
		ELSE
			CASE WHEN target_value > 0 THEN greatest(0, least(100, 100 * outcome / target_value))
				 WHEN outcome >= target_value THEN 100 ELSE 0 END
	END$f$);

-- Target met (NULL when the outcome is).
INSERT INTO bench.fragment VALUES ('met_case',
	$f$CASE WHEN at_most THEN outcome <= target_value ELSE outcome >= target_value END$f$);

-- The status of a roll-up from the mean of its parts' percents (column
-- pct; NULL for a part not followed up): fulfilled when the mean reaches 100
-- (a mean of capped percents is 100 exactly when every followed-up part is
-- met), partly above 90, not followed up without a followed-up part.
INSERT INTO bench.fragment VALUES ('rollup_status', $f$CASE
		WHEN count(pct) = 0 THEN 'not_followed_up'
		WHEN avg(pct) >= 100 THEN 'fulfilled'
		WHEN avg(pct) > 90 THEN 'partly'
		ELSE 'not_fulfilled'
	END$f$);

-- ------------------------------------------- the inlinable SQL functions
-- One SELECT of one expression, not STRICT, IMMUTABLE, no SET clause: the
-- planner inlines it into the query (bench.check() verifies that in
-- EXPLAIN VERBOSE), so it costs what the CASE costs.
CREATE FUNCTION bench.status_sql(outcome numeric, target_value numeric, at_most boolean)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE
		WHEN outcome IS NULL THEN 'not_followed_up'
		WHEN at_most AND outcome <= target_value THEN 'fulfilled'
		WHEN NOT at_most AND outcome >= target_value THEN 'fulfilled'
		WHEN at_most AND target_value > 0 AND outcome > 0 THEN
			CASE WHEN 100 * target_value / outcome > 90 THEN 'partly' ELSE 'not_fulfilled' END
		WHEN NOT at_most AND target_value > 0 THEN
			CASE WHEN 100 * outcome / target_value > 90 THEN 'partly' ELSE 'not_fulfilled' END
		ELSE 'not_fulfilled'
	END
$$;

CREATE FUNCTION bench.fulfilment_sql(outcome numeric, target_value numeric, at_most boolean)
RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE
		WHEN outcome IS NULL THEN NULL
		WHEN at_most THEN
			CASE WHEN target_value > 0 AND outcome > 0 THEN least(100, 100 * target_value / outcome)
				 WHEN outcome <= target_value THEN 100 ELSE 0 END
		ELSE
			CASE WHEN target_value > 0 THEN greatest(0, least(100, 100 * outcome / target_value))
				 WHEN outcome >= target_value THEN 100 ELSE 0 END
	END
$$;

-- ---------------------------------------------------- the PL/pgSQL ones
CREATE FUNCTION bench.status_plpgsql(outcome numeric, target_value numeric, at_most boolean)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF outcome IS NULL THEN
		RETURN 'not_followed_up';
	END IF;
	IF at_most THEN
		IF outcome <= target_value THEN
			RETURN 'fulfilled';
		ELSIF target_value > 0 AND outcome > 0 AND 100 * target_value / outcome > 90 THEN
			RETURN 'partly';
		END IF;
	ELSE
		IF outcome >= target_value THEN
			RETURN 'fulfilled';
		ELSIF target_value > 0 AND 100 * outcome / target_value > 90 THEN
			RETURN 'partly';
		END IF;
	END IF;
	RETURN 'not_fulfilled';
END
$$;

CREATE FUNCTION bench.fulfilment_plpgsql(outcome numeric, target_value numeric, at_most boolean)
RETURNS numeric
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF outcome IS NULL THEN
		RETURN NULL;
	END IF;
	IF at_most THEN
		IF target_value > 0 AND outcome > 0 THEN
			RETURN least(100, 100 * target_value / outcome);
		END IF;
		RETURN CASE WHEN outcome <= target_value THEN 100 ELSE 0 END;
	END IF;
	IF target_value > 0 THEN
		RETURN greatest(0, least(100, 100 * outcome / target_value));
	END IF;
	RETURN CASE WHEN outcome >= target_value THEN 100 ELSE 0 END;
END
$$;
