-- Random aggregate states through the server: states the aggregates build
-- are mutated (random bytes and boundary integers in the binary form,
-- boundary values in the text form) and fed to rollup_state_recv /
-- trend_state_recv through COPY BINARY and to the text input; every state
-- that is accepted must be accepted by the other form too, round-trip
-- through both, and be safe for every support function (final under each
-- setting, combine, inverse, accum), which must give an error with an
-- expected SQLSTATE or a state the type accepts.  asan.sh runs it against
-- the sanitized library.  Needs a superuser (server-side COPY).  psql
-- variable n: mutations per type (default 3000).  Prints "state_fuzz
-- <name> <count>" lines; every "violations" line must be 0.
\set ON_ERROR_STOP 1
\if :{?n}
\else
\set n 3000
\endif
\if :{?seed}
\else
\set seed 0.3
\endif
SET search_path = public, goalmetrics;
SET client_min_messages = warning;
SELECT setseed(:seed);
SELECT '/tmp/goalmetrics_state_fuzz_' || pg_backend_pid() || '.bin' AS state_file \gset
SELECT set_config('state_fuzz.file', :'state_file', false);

-- aggregates that return their state, to make seeds
CREATE AGGREGATE pg_temp.rstate(numeric, metric_target, numeric) (
	SFUNC = goalmetrics.rollup_accum, STYPE = goalmetrics.rollup_state,
	INITCOND = 'v=1 level=0 partly_above=0 fulfilled_at=0 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0');
CREATE AGGREGATE pg_temp.rstate(rollup_result) (
	SFUNC = goalmetrics.rollup_accum, STYPE = goalmetrics.rollup_state,
	INITCOND = 'v=1 level=0 partly_above=0 fulfilled_at=0 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0');
CREATE AGGREGATE pg_temp.tstate(int, numeric, metric_target) (
	SFUNC = goalmetrics.trend_accum, STYPE = goalmetrics.trend_state, INITCOND = 'v=1 first=- last=- target=- tolerance=-');
-- and the ones with rule arguments (their states carry method and tolerance)
CREATE AGGREGATE pg_temp.rstate(numeric, metric_target, numeric, numeric, numeric, rollup_method) (
	SFUNC = goalmetrics.rollup_accum, STYPE = goalmetrics.rollup_state,
	INITCOND = 'v=1 level=0 partly_above=0 fulfilled_at=0 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0');
CREATE AGGREGATE pg_temp.rstate(rollup_result, numeric, numeric, rollup_method) (
	SFUNC = goalmetrics.rollup_accum, STYPE = goalmetrics.rollup_state,
	INITCOND = 'v=1 level=0 partly_above=0 fulfilled_at=0 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0');
CREATE AGGREGATE pg_temp.tstate(int, numeric, metric_target, numeric) (
	SFUNC = goalmetrics.trend_accum, STYPE = goalmetrics.trend_state, INITCOND = 'v=1 first=- last=- target=- tolerance=-');

CREATE TEMP TABLE fz_targets AS
SELECT array_agg(t::metric_target) AS t FROM unnest(ARRAY['Minst 100', 'Högst 50', 'Över 5', 'Under 3', 'Minst 65 %',
	'Mellan 95 och 105 %', 'Exakt 100', 'Minst 0', 'Högst 0', 'Öka från 70 till 75', 'Minst 0,000001', 'Högst 2 100 barn']) t;
CREATE TEMP TABLE fz_rows AS
SELECT g, (ARRAY[NULL, 0, 1, 50, 80, 90, 95, 99.9999999, 100, 101, 1e-9, 2100, 3, 5, 70, 75, -4])[1 + floor(random() * 17)::int]::numeric
		   * CASE WHEN random() < 0.2 THEN round(random()::numeric, 3) ELSE 1 END AS o,
	   t[1 + floor(random() * array_length(t, 1))::int] AS t,
	   (ARRAY[NULL, 0, 0.5, 1, 3, 1000000, 0.000001])[1 + floor(random() * 7)::int]::numeric AS w
FROM fz_targets, generate_series(1, 1500) i, LATERAL (SELECT i % 300 AS g) x;

-- seeds at level 0, 1 and 2, under two threshold settings
CREATE TEMP TABLE fz_rseed (s rollup_state);
INSERT INTO fz_rseed SELECT pg_temp.rstate(o, t, w) FROM fz_rows GROUP BY g;
INSERT INTO fz_rseed SELECT pg_temp.rstate(r) FROM (SELECT g, rollup(o, t, w) AS r FROM fz_rows GROUP BY g) x GROUP BY g % 40;
SET goalmetrics.partly_above = 50;
SET goalmetrics.fulfilled_at = 80;
INSERT INTO fz_rseed SELECT pg_temp.rstate(o, t, w) FROM fz_rows WHERE g < 100 GROUP BY g;
INSERT INTO fz_rseed SELECT pg_temp.rstate(r) FROM (SELECT g, rollup(o, t, w) AS r FROM fz_rows GROUP BY g) x GROUP BY g % 20;
RESET goalmetrics.partly_above;
RESET goalmetrics.fulfilled_at;
INSERT INTO fz_rseed SELECT rollup_accum(NULL, NULL, NULL);
-- with rules as arguments: each method, two sets of thresholds
INSERT INTO fz_rseed SELECT pg_temp.rstate(o, t, w, p, f, m)
  FROM fz_rows, (VALUES (90, 100), (50, 80)) th(p, f), unnest(enum_range(NULL::rollup_method)) m
 WHERE g < 60 GROUP BY g, p, f, m;
INSERT INTO fz_rseed SELECT pg_temp.rstate(r, 50, 80, 'share_met')
  FROM (SELECT g, rollup(o, t, w, 50, 80, 'share_met') AS r FROM fz_rows GROUP BY g) x GROUP BY g % 20;

-- trend seeds: outcomes of every scale and up to 38 digits
CREATE TEMP TABLE fz_tseed (s trend_state);
INSERT INTO fz_tseed
SELECT pg_temp.tstate(y, o, t) FROM (
	SELECT i % 200 AS g, 2010 + floor(random() * 8)::int AS y,
		   CASE WHEN random() < 0.1 THEN NULL
				WHEN random() < 0.1 THEN (CASE WHEN random() < 0.5 THEN -1 ELSE 1 END) * (repeat('9', 1 + floor(random() * 38)::int)::numeric)
										 * power(10::numeric, -floor(random() * 80)::int)
				ELSE round((random() * 1000 - 200)::numeric, floor(random() * 8)::int) END AS o,
		   CASE WHEN random() < 0.2 THEN NULL ELSE t[1 + floor(random() * array_length(t, 1))::int] END AS t
	FROM fz_targets, generate_series(1, 1200) i) x
GROUP BY g;
INSERT INTO fz_tseed SELECT trend_accum(NULL, NULL, NULL, NULL);
INSERT INTO fz_tseed
SELECT pg_temp.tstate(2010 + i % 7, round((random() * 1000 - 200)::numeric, i % 5), t[1 + i % array_length(t, 1)],
					  (ARRAY[0, 2, 0.000001, 100])[1 + g % 4])
  FROM fz_targets, generate_series(1, 400) i, LATERAL (SELECT i % 40 AS g) x
 GROUP BY g;

-- One value through COPY BINARY into a one-column table: its text when the
-- receive function accepts the bytes, NULL when it refuses them with an
-- expected SQLSTATE (22P03, or a short or long message: 08P01, 22P04).
CREATE TEMP TABLE fz_r (s rollup_state);
CREATE TEMP TABLE fz_t (s trend_state);
CREATE FUNCTION pg_temp.recv_text(b bytea, tab text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('state_fuzz.file');
	r text;
BEGIN
	EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, f);
	EXECUTE format('DELETE FROM %I', tab);
	BEGIN
		EXECUTE format('COPY %I FROM %L (FORMAT binary)', tab, f);
	EXCEPTION WHEN SQLSTATE '22P03' OR SQLSTATE '08P01' OR SQLSTATE '22P04' THEN
		RETURN NULL;
	END;
	EXECUTE format('SELECT s::text FROM %I', tab) INTO r;
	RETURN r;
END $$;

-- Mutations of bytes: one to four random bytes, or a boundary integer
-- written over 1, 2, 4, 8 or 16 bytes at a random offset, or truncated
CREATE FUNCTION pg_temp.mutate(b bytea) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE
	k int;
	len int := length(b);
	w int;
	v bytea;
BEGIN
	IF random() < 0.05 THEN
		RETURN substr(b, 1, floor(random() * len)::int);
	END IF;
	IF random() < 0.5 THEN
		FOR k IN 1 .. 1 + floor(random() * 4)::int LOOP
			b := set_byte(b, floor(random() * len)::int,
						  (ARRAY[0, 1, 127, 128, 255, floor(random() * 256)::int])[1 + floor(random() * 6)::int]);
		END LOOP;
		RETURN b;
	END IF;
	w := (ARRAY[1, 2, 4, 8, 16])[1 + floor(random() * 5)::int];
	v := substr((ARRAY['\x00000000000000000000000000000000', '\xffffffffffffffffffffffffffffffff',
					   '\x7fffffffffffffffffffffffffffffff', '\x80000000000000000000000000000000',
					   '\x00000000000000000000000000000001', '\x000000000000000000000000000000ff',
					   '\x4b3b4ca85a86c47a098a223fffffffff', '\x4b3b4ca85a86c47a098a224000000000',
					   '\x0000000000000000016345785d8a0000', '\x0000000000000000000000007fffffff',
					   '\x00000000000000000000000080000000', '\x000000000000000000000000000f4240'])[1 + floor(random() * 12)::int]::bytea,
				17 - w, w);
	RETURN overlay(b PLACING v FROM 1 + floor(random() * greatest(len - w + 1, 1))::int FOR w);
END $$;

-- An accepted state must be one the type accepts in both forms, alike
CREATE FUNCTION pg_temp.rs_ok(s rollup_state) RETURNS bool LANGUAGE plpgsql AS $$
BEGIN
	RETURN s IS NULL OR (s::text::rollup_state::text = s::text
						 AND pg_temp.recv_text(rollup_state_send(s), 'fz_r') = s::text);
END $$;
CREATE FUNCTION pg_temp.ts_ok(s trend_state) RETURNS bool LANGUAGE plpgsql AS $$
BEGIN
	RETURN s IS NULL OR (s::text::trend_state::text = s::text
						 AND pg_temp.recv_text(trend_state_send(s), 'fz_t') = s::text);
END $$;

CREATE TEMP TABLE fz_log (kind text, detail text);

-- rollup_state: a support call must give a state the type accepts, or an
-- error with an expected SQLSTATE (22023: what the state cannot hold or
-- combine with; 22003: sums out of range)
CREATE FUNCTION pg_temp.rs_support(s rollup_state, other rollup_state, o numeric, t metric_target, w numeric)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	m text;
	r rollup_result;
	x rollup_state;
	step text;
BEGIN
	FOREACH m IN ARRAY ARRAY['mean', 'worst', 'share_met'] LOOP
		step := 'final ' || m;
		PERFORM set_config('goalmetrics.rollup_method', m, true);
		r := rollup_final(s);
		-- a final result is a rollup_result that rollup() accepts
		step := 'rollup(final) ' || m;
		PERFORM rollup(q) FROM (VALUES (r)) v(q);
	END LOOP;
	PERFORM set_config('goalmetrics.rollup_method', 'mean', true);
	BEGIN
		step := 'final_rules';
		r := rollup_final_rules(s);
		PERFORM rollup(q, 90, 100, 'mean') FROM (VALUES (r)) v(q);
	EXCEPTION WHEN SQLSTATE '22023' THEN
		NULL; -- a state without a method
	END;
	FOR k IN 1 .. 7 LOOP
		BEGIN
			step := (ARRAY['combine self', 'combine other', 'inverse', 'accum', 'inverse result', 'accum rules', 'inverse rules'])[k];
			x := CASE k WHEN 1 THEN rollup_combine(s, s)
						WHEN 2 THEN rollup_combine(s, other)
						WHEN 3 THEN rollup_inverse(s, o, t, w)
						WHEN 4 THEN rollup_accum(s, o, t, w)
						WHEN 5 THEN rollup_inverse(s, rollup_final(other))
						WHEN 6 THEN rollup_accum(s, o, t, w, 50, 80, 'worst')
						ELSE rollup_inverse(s, o, t, w, 90, 100, 'mean') END;
			IF NOT pg_temp.rs_ok(x) THEN
				INSERT INTO fz_log VALUES ('violations_support_state', step || ': ' || s::text || ' -> ' || x::text);
			ELSIF x IS NOT NULL THEN
				PERFORM rollup_final(x);
			END IF;
		EXCEPTION WHEN SQLSTATE '22023' OR SQLSTATE '22003' THEN
			NULL;
		END;
	END LOOP;
EXCEPTION WHEN OTHERS THEN
	INSERT INTO fz_log VALUES ('violations_support_error', step || ': ' || SQLSTATE || ' ' || SQLERRM || ': ' || s::text);
END $$;

CREATE FUNCTION pg_temp.ts_support(s trend_state, other trend_state, y int, o numeric, t metric_target)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	tol text;
	x trend_state;
	step text;
BEGIN
	FOREACH tol IN ARRAY ARRAY['0', '2', '100'] LOOP
		step := 'final ' || tol;
		PERFORM set_config('goalmetrics.trend_tolerance', tol, true);
		PERFORM trend_final(s);
	END LOOP;
	BEGIN
		step := 'final_rules';
		PERFORM trend_final_rules(s);
	EXCEPTION WHEN SQLSTATE '22023' THEN
		NULL; -- a state without a tolerance
	END;
	FOR k IN 1 .. 4 LOOP
		BEGIN
			step := (ARRAY['combine self', 'combine other', 'accum', 'accum rules'])[k];
			x := CASE k WHEN 1 THEN trend_combine(s, s)
						WHEN 2 THEN trend_combine(s, other)
						WHEN 3 THEN trend_accum(s, y, o, t)
						ELSE trend_accum(s, y, o, t, 2) END;
			IF NOT pg_temp.ts_ok(x) THEN
				INSERT INTO fz_log VALUES ('violations_support_state', step || ': ' || s::text || ' -> ' || x::text);
			ELSE
				PERFORM trend_final(x);
			END IF;
		EXCEPTION WHEN SQLSTATE '22003' THEN
			NULL; -- an outcome beyond 38 digits (check_outcome)
		WHEN SQLSTATE '22023' THEN
			NULL; -- states made with different tolerances
		END;
	END LOOP;
EXCEPTION WHEN OTHERS THEN
	INSERT INTO fz_log VALUES ('violations_support_error', step || ': ' || SQLSTATE || ' ' || SQLERRM || ': ' || s::text);
END $$;

-- the binary side: mutated bytes through recv
CREATE FUNCTION pg_temp.fuzz_binary(n int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	b bytea;
	txt text;
	t metric_target[] := (SELECT t FROM fz_targets);
BEGIN
	FOR i IN 1 .. n LOOP
		-- rollup_state
		b := pg_temp.mutate((SELECT rollup_state_send(s) FROM fz_rseed ORDER BY random() LIMIT 1));
		BEGIN
			txt := pg_temp.recv_text(b, 'fz_r');
		EXCEPTION WHEN OTHERS THEN
			INSERT INTO fz_log VALUES ('violations_recv_error', SQLSTATE || ' ' || SQLERRM || ': ' || b::text);
			CONTINUE;
		END;
		INSERT INTO fz_log VALUES ('rollup_binary_tried', NULL);
		IF txt IS NOT NULL THEN
			INSERT INTO fz_log VALUES ('rollup_binary_accepted', NULL);
			BEGIN
				IF txt::rollup_state::text <> txt OR rollup_state_send(txt::rollup_state) <> b THEN
					INSERT INTO fz_log VALUES ('violations_round_trip', txt);
				END IF;
			EXCEPTION WHEN OTHERS THEN
				INSERT INTO fz_log VALUES ('violations_text_refuses_binary', SQLERRM || ': ' || txt);
				CONTINUE;
			END;
			PERFORM pg_temp.rs_support(txt::rollup_state, (SELECT s FROM fz_rseed ORDER BY random() LIMIT 1),
									   (SELECT o FROM fz_rows ORDER BY random() LIMIT 1),
									   t[1 + floor(random() * array_length(t, 1))::int],
									   (ARRAY[NULL, 0, 1, 2, 0.5])[1 + floor(random() * 5)::int]);
		END IF;
		-- trend_state
		b := pg_temp.mutate((SELECT trend_state_send(s) FROM fz_tseed ORDER BY random() LIMIT 1));
		BEGIN
			txt := pg_temp.recv_text(b, 'fz_t');
		EXCEPTION WHEN OTHERS THEN
			INSERT INTO fz_log VALUES ('violations_recv_error', SQLSTATE || ' ' || SQLERRM || ': ' || b::text);
			CONTINUE;
		END;
		INSERT INTO fz_log VALUES ('trend_binary_tried', NULL);
		IF txt IS NOT NULL THEN
			INSERT INTO fz_log VALUES ('trend_binary_accepted', NULL);
			BEGIN
				IF txt::trend_state::text <> txt OR trend_state_send(txt::trend_state) <> b THEN
					INSERT INTO fz_log VALUES ('violations_round_trip', txt);
				END IF;
			EXCEPTION WHEN OTHERS THEN
				INSERT INTO fz_log VALUES ('violations_text_refuses_binary', SQLERRM || ': ' || txt);
				CONTINUE;
			END;
			PERFORM pg_temp.ts_support(txt::trend_state, (SELECT s FROM fz_tseed ORDER BY random() LIMIT 1),
									   2008 + floor(random() * 12)::int, (SELECT o FROM fz_rows ORDER BY random() LIMIT 1),
									   t[1 + floor(random() * array_length(t, 1))::int]);
		END IF;
	END LOOP;
END $$;

-- the text side: a field of a seed's text set to a boundary value
CREATE FUNCTION pg_temp.fuzz_text(n int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	src text;
	txt text;
	back text;
	v text;
	t metric_target[] := (SELECT t FROM fz_targets);
BEGIN
	FOR i IN 1 .. n LOOP
		-- rollup_state: one key's value replaced
		src := (SELECT s::text FROM fz_rseed ORDER BY random() LIMIT 1);
		v := (ARRAY['0', '1', '2', '-1', '00', '2147483647', '2147483648', '100000000', '90000000', '100000000000000000',
					'99999999999999999', '1000000', '999999', '1000000000000', '170141183460469231731687303715884105727',
					'170141183460469231731687303715884105728'])[1 + floor(random() * 16)::int];
		txt := regexp_replace(src, '(' || (ARRAY['level', 'partly_above', 'fulfilled_at', 'method', 'parts', 'metrics', 'fulfilled', 'partly',
					'not_fulfilled', 'not_followed_up', 'valued', 'valued_met', 'worst', 'worst_n', 'worst_exact', 'weight',
					'weighted_pct', 'weighted_met'])[1 + floor(random() * 18)::int] || ')=[0-9]+', '\1=' || v);
		BEGIN
			txt := txt::rollup_state::text;
		EXCEPTION WHEN SQLSTATE '22P02' THEN
			txt := NULL;
		END;
		INSERT INTO fz_log VALUES ('rollup_text_tried', NULL);
		IF txt IS NOT NULL THEN
			INSERT INTO fz_log VALUES ('rollup_text_accepted', NULL);
			back := pg_temp.recv_text(rollup_state_send(txt::rollup_state), 'fz_r');
			IF back IS DISTINCT FROM txt THEN
				INSERT INTO fz_log VALUES ('violations_binary_refuses_text', txt);
			ELSE
				PERFORM pg_temp.rs_support(txt::rollup_state, (SELECT s FROM fz_rseed ORDER BY random() LIMIT 1),
										   (SELECT o FROM fz_rows ORDER BY random() LIMIT 1),
										   t[1 + floor(random() * array_length(t, 1))::int], NULL);
			END IF;
		END IF;
		-- trend_state: an end's decimal or year replaced
		src := (SELECT s::text FROM fz_tseed ORDER BY random() LIMIT 1);
		v := (ARRAY['0', '-1', '0.' || repeat('0', 126) || '1', '0.' || repeat('0', 127) || '1', '5e127', '5e128', '0e1', '-0',
					repeat('9', 38), repeat('9', 39), '-' || repeat('9', 38), '170141183460469231731687303715884105727',
					'1.' || repeat('0', 37), '10e1', '00', '1.'])[1 + floor(random() * 16)::int];
		txt := CASE WHEN random() < 0.15
					THEN regexp_replace(src, 'tolerance=[-0-9]+', 'tolerance=' || (ARRAY['-', '0', '-1', '00', '2000000', '100000000', '100000001', '2147483648'])[1 + floor(random() * 8)::int])
					WHEN random() < 0.2
					THEN regexp_replace(src, '(first|last)=-?[0-9]+:', '\1=' || (ARRAY['-2147483648', '2147483647', '2016', '0'])[1 + floor(random() * 4)::int] || ':')
					ELSE regexp_replace(src, CASE WHEN random() < 0.5 THEN '(first=-?[0-9]+:)[^ ]+' ELSE '(last=-?[0-9]+:)[^ ]+' END, '\1' || v) END;
		BEGIN
			txt := txt::trend_state::text;
		EXCEPTION WHEN SQLSTATE '22P02' THEN
			txt := NULL;
		END;
		INSERT INTO fz_log VALUES ('trend_text_tried', NULL);
		IF txt IS NOT NULL THEN
			INSERT INTO fz_log VALUES ('trend_text_accepted', NULL);
			back := pg_temp.recv_text(trend_state_send(txt::trend_state), 'fz_t');
			IF back IS DISTINCT FROM txt THEN
				INSERT INTO fz_log VALUES ('violations_binary_refuses_text', txt);
			ELSE
				PERFORM pg_temp.ts_support(txt::trend_state, (SELECT s FROM fz_tseed ORDER BY random() LIMIT 1),
										   2008 + floor(random() * 12)::int, (SELECT o FROM fz_rows ORDER BY random() LIMIT 1),
										   t[1 + floor(random() * array_length(t, 1))::int]);
			END IF;
		END IF;
	END LOOP;
END $$;

-- the seeds themselves are accepted and safe
DO $$
DECLARE
	s rollup_state;
	u trend_state;
BEGIN
	FOR s IN SELECT * FROM fz_rseed LOOP
		IF NOT pg_temp.rs_ok(s) THEN
			INSERT INTO fz_log VALUES ('violations_seed', s::text);
		END IF;
		PERFORM pg_temp.rs_support(s, (SELECT x.s FROM fz_rseed x ORDER BY random() LIMIT 1), 90, 'Minst 100', 1);
	END LOOP;
	FOR u IN SELECT * FROM fz_tseed LOOP
		IF NOT pg_temp.ts_ok(u) THEN
			INSERT INTO fz_log VALUES ('violations_seed', u::text);
		END IF;
		PERFORM pg_temp.ts_support(u, (SELECT x.s FROM fz_tseed x ORDER BY random() LIMIT 1), 2015, 48, 'Minst 65 %');
	END LOOP;
END $$;
SELECT pg_temp.fuzz_binary(:n);
SELECT pg_temp.fuzz_text(:n / 2);

SELECT 'state_fuzz seeds ' || (SELECT count(*) FROM fz_rseed) + (SELECT count(*) FROM fz_tseed);
SELECT 'state_fuzz ' || k || ' ' || coalesce(c, 0)
  FROM unnest(ARRAY['rollup_binary_tried', 'rollup_binary_accepted', 'trend_binary_tried', 'trend_binary_accepted',
					'rollup_text_tried', 'rollup_text_accepted', 'trend_text_tried', 'trend_text_accepted',
					'violations_seed', 'violations_recv_error', 'violations_round_trip', 'violations_text_refuses_binary',
					'violations_binary_refuses_text', 'violations_support_state', 'violations_support_error']) WITH ORDINALITY u(k, ord)
  LEFT JOIN (SELECT kind, count(*) AS c FROM fz_log GROUP BY kind) l ON l.kind = u.k
 ORDER BY ord;
-- the first few violations, if any, to reproduce them
SELECT 'state_fuzz_violation ' || kind || ' ' || left(detail, 600) FROM fz_log WHERE kind LIKE 'violations%' LIMIT 10;
\! rm -f /tmp/goalmetrics_state_fuzz_*.bin
