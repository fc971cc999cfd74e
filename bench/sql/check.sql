-- bench/sql/check.sql: before anything is timed, every alternative must
-- give exactly what goalmetrics gives on the same rows (and the
-- alternatives must agree with each other while goalmetrics is not there
-- yet).  A difference stops the run: timing queries that disagree would
-- compare nothing.
\set ON_ERROR_STOP on

-- The result of a catalogue query as text (its rows as JSON, sorted).
CREATE FUNCTION bench.result_text(qname text, n bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	res text;
BEGIN
	EXECUTE format('SELECT string_agg(j, '','' ORDER BY j) FROM (SELECT row_to_json(x)::text AS j FROM (%s) x) y',
				   bench.expand((SELECT sql FROM bench.query WHERE name = qname), n))
		INTO STRICT res;
	RETURN res;
END
$$;

CREATE FUNCTION bench.check_same(what text, names text[], n bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	q text;
	res text;
	ref text;
	refname text;
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', '0', true);
	FOREACH q IN ARRAY names LOOP
		CONTINUE WHEN NOT bench.available((SELECT needs FROM bench.query WHERE name = q));
		res := bench.result_text(q, n);
		INSERT INTO bench.fact (section, nrows, key, value) VALUES ('check', n, q, res);
		IF ref IS NULL THEN
			ref := res;
			refname := q;
		ELSIF res IS DISTINCT FROM ref THEN
			RAISE EXCEPTION 'check failed (% rows, %): % gives %, but % gives %',
				n, what, q, res, refname, ref;
		END IF;
	END LOOP;
END
$$;

-- Two grouped queries (key columns, then fulfilment, status and the
-- counts) must agree row by row: the same keys, statuses and counts, and
-- fulfilment within 1e-9 percentage points (goalmetrics' precision
-- contract; avg(numeric) carries ~20 digits).
CREATE FUNCTION bench.check_grouped(what text, gm text, plain text, keys text, n bigint)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	bad bigint;
	total bigint;
	sample text;
BEGIN
	IF NOT bench.available((SELECT needs FROM bench.query WHERE name = gm)) THEN
		RETURN;
	END IF;
	PERFORM set_config('max_parallel_workers_per_gather', '0', true);
	EXECUTE format($s$
		WITH a AS (SELECT true AS present, * FROM (%1$s) x),
		b AS (SELECT true AS present, * FROM (%2$s) y),
		d AS (
			SELECT a.*, b.fulfilment AS b_fulfilment, b.status AS b_status, b.parts AS b_parts,
				   b.metrics AS b_metrics, b.fulfilled AS b_fulfilled, b.partly AS b_partly,
				   b.not_fulfilled AS b_not_fulfilled, b.not_followed_up AS b_not_followed_up,
				   (a.present IS NULL OR b.present IS NULL
					OR a.status::text IS DISTINCT FROM b.status
					OR a.parts IS DISTINCT FROM b.parts
					OR a.metrics IS DISTINCT FROM b.metrics
					OR a.fulfilled IS DISTINCT FROM b.fulfilled
					OR a.partly IS DISTINCT FROM b.partly
					OR a.not_fulfilled IS DISTINCT FROM b.not_fulfilled
					OR a.not_followed_up IS DISTINCT FROM b.not_followed_up
					OR (a.fulfilment IS NULL) <> (b.fulfilment IS NULL)
					OR abs(a.fulfilment - b.fulfilment) > 1e-9) AS bad
			  FROM a FULL JOIN b ON %3$s)
		SELECT count(*) FILTER (WHERE bad), count(*),
			   (SELECT string_agg(row_to_json(d)::text, E'\n') FROM (SELECT * FROM d WHERE bad LIMIT 3) d)
		  FROM d$s$,
		bench.expand((SELECT sql FROM bench.query WHERE name = gm), n),
		bench.expand((SELECT sql FROM bench.query WHERE name = plain), n),
		(SELECT string_agg(format('coalesce(a.%1$I, -1) = coalesce(b.%1$I, -1)', k), ' AND ')
		   FROM unnest(string_to_array(keys, ',')) k))
		INTO bad, total, sample;
	INSERT INTO bench.fact (section, nrows, key, value)
	VALUES ('check', n, what, format('%s groups, %s differ', total, bad));
	IF bad > 0 THEN
		RAISE EXCEPTION 'check failed (% rows, %): % of % groups differ between % and %; e.g.%',
			n, what, bad, total, gm, plain, E'\n' || sample;
	END IF;
END
$$;

-- The inlinable SQL functions must really be inlined.
CREATE FUNCTION bench.check_inlined(qname text, fname text, n bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) '
			|| bench.expand((SELECT sql FROM bench.query WHERE name = qname), n) LOOP
		IF line LIKE '%' || fname || '%' THEN
			RAISE EXCEPTION 'check failed: % is not inlined in %: %', fname, qname, line;
		END IF;
	END LOOP;
	INSERT INTO bench.fact (section, nrows, key, value)
	VALUES ('check', n, fname || ' inlined', 'yes (absent from EXPLAIN VERBOSE)');
END
$$;

CREATE FUNCTION bench.check(n bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	ot text := bench.outcome_table(n);
	bad bigint;
BEGIN
	-- the plain columns describe the same targets as the metric_target
	IF bench.available('{"goalmetrics.target_value(goalmetrics.metric_target)"}') THEN
		EXECUTE format($s$
			SELECT count(*) FROM bench.metric_%s
			 WHERE goalmetrics.target_value(target) <> target_value
				OR (goalmetrics.target_comparator(target) = 'at_most') <> at_most
				OR goalmetrics.target_comparator(target) NOT IN ('at_least', 'at_most')$s$, n)
			INTO bad;
		IF bad > 0 THEN
			RAISE EXCEPTION 'check failed: % metrics whose metric_target does not match target_value/at_most', bad;
		END IF;
	END IF;
	PERFORM bench.check_inlined('q3_status_sqlfn', 'status_sql', n);
	PERFORM bench.check_inlined('q3_fulfil_sqlfn', 'fulfilment_sql', n);
	PERFORM bench.check_same('status counts',
		'{q2_status_gm,q3_status_case,q3_status_nodiv,q3_status_sqlfn,q3_status_plpgsql}', n);
	PERFORM bench.check_same('status counts, FILTER form',
		'{q2_status_gm_filter,q3_status_case_filter}', n);
	PERFORM bench.check_same('fulfilment > 90 counts',
		'{q2_fulfil_gm,q3_fulfil_case,q3_fulfil_sqlfn,q3_fulfil_plpgsql}', n);
	PERFORM bench.check_grouped('goal roll-up', 'q4_rollup_gm', 'q4_rollup_plain', 'goal_id', n);
	PERFORM bench.check_grouped('two-level roll-up', 'q5_twolevel_gm', 'q5_twolevel_plain',
		'committee_id,perspective', n);
	RETURN format('checks passed at %s rows', n);
END
$$;
