-- The state types against crafted values (issue 12): text and binary
-- accept the same states, every accepted state is safe for every support
-- function, and the support functions build only states the type accepts.
SET search_path = public, goalmetrics;
SET client_min_messages = warning;
\set VERBOSITY default
SELECT '/tmp/goalmetrics_states_' || pg_backend_pid() || '.bin' AS state_file \gset
CREATE TEMP TABLE ts (s trend_state);
CREATE TEMP TABLE rs (s rollup_state);

-- -------------------------------------------------------------- trend_state
-- The reproduction: a binary trend_state with scale 250 used to be
-- accepted, and trend_final then overflowed a stack buffer.  Now recv
-- refuses it (22P03), as the text form refuses scale 250 (22P02).
COPY (SELECT '\x0101000007de00fa0000000000000000000000000000003b01000007e000000000000000000000000000000000003001000007e004401041250000000000'::bytea)
	TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
SELECT count(*) AS accepted FROM ts;
SELECT 'v=1 first=2014:0.' || repeat('0', 249) || '59 last=2016:0 target=- tolerance=-' AS t \gset
SELECT :'t'::trend_state;
-- the binary form of a valid state, then the same with one field changed
CREATE TEMP TABLE tsend AS
SELECT trend_state_send(trend_accum(trend_accum(NULL, 2014, 59, 'Minst 65 %'), 2016, 48, 'Minst 65 %')) AS b;
-- scale 128 (bytes 7-8 of first), 127 is the largest
COPY (SELECT overlay(b PLACING '\x0080' FROM 7 FOR 2) FROM tsend) TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
COPY (SELECT overlay(b PLACING '\x007f' FROM 7 FOR 2) FROM tsend) TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
-- scale -1 with a zero coefficient (text: "0e1" is not canonical)
COPY (SELECT overlay(overlay(b PLACING '\xffff' FROM 7 FOR 2) PLACING '\x00000000000000000000000000000000' FROM 9 FOR 16) FROM tsend)
	TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
-- -2^127 (printed "--170...", which no input reads) and 10^38
COPY (SELECT overlay(b PLACING '\x80000000000000000000000000000000' FROM 9 FOR 16) FROM tsend) TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
COPY (SELECT overlay(b PLACING '\x4b3b4ca85a86c47a098a224000000000' FROM 9 FOR 16) FROM tsend) TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
-- 10^38 - 1 is the largest coefficient, in both forms
COPY (SELECT overlay(b PLACING '\x4b3b4ca85a86c47a098a223fffffffff' FROM 9 FOR 16) FROM tsend) TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
SELECT 'v=1 first=2014:-99999999999999999999999999999999999999 last=2016:48 target=- tolerance=-'::trend_state;
SELECT 'v=1 first=2014:100000000000000000000000000000000000000 last=2016:48 target=- tolerance=-'::trend_state;
SELECT 'v=1 first=2014:170141183460469231731687303715884105727 last=2016:48 target=- tolerance=-'::trend_state;
SELECT 'v=1 first=2014:5e128 last=2016:48 target=- tolerance=-'::trend_state;
-- what was accepted round-trips through text and binary and is safe for
-- the support functions
SELECT s::text, s::text::trend_state::text = s::text AS text_round_trip,
	   trend_state_send(s::text::trend_state) = trend_state_send(s) AS binary_round_trip,
	   trend_final(s) AS final, trend_final(trend_combine(s, s)) AS combined
  FROM ts ORDER BY 1;
COPY ts TO :'state_file' (FORMAT binary);
CREATE TEMP TABLE ts_back (s trend_state);
COPY ts_back FROM :'state_file' (FORMAT binary);
SELECT (SELECT array_agg(s::text ORDER BY s::text) FROM ts)
	 = (SELECT array_agg(s::text ORDER BY s::text) FROM ts_back) AS copy_binary_round_trip;
-- the extreme decimals give exact numerics (no fixed buffer)
SELECT trend_final(('v=1 first=2014:0.' || repeat('0', 88) || '99999999999999999999999999999999999999 last=2016:-99999999999999999999999999999999999999e127 target=2016:' ||
					substr(trend_accum(NULL, 2016, NULL, 'Högst 5')::text, length('v=1 first=- last=- target=2016:') + 1))::trend_state) AS extreme;

-- ------------------------------------------------- outcomes trend() refuses
-- An outcome of more than 38 digits used to be stored, and then every
-- report reading it failed.  trend() and the outcome table refuse it alike.
SELECT trend(y, o, 'Minst 1') FROM (VALUES (2015, 1::numeric), (2016, 1234567890.12345678901234567890123456789)) v(y, o);
SELECT check_outcome(12345678901234567890.123456789012345678), check_outcome(0.0000000000001), check_outcome(NULL),
	   check_outcome('NaN');
SELECT check_outcome(1e38);
SELECT check_outcome(1e-128);
BEGIN;
INSERT INTO committee (committee_id, name) OVERRIDING SYSTEM VALUE VALUES (901, 'Testnämnden');
INSERT INTO goal (goal_id, committee_id, perspective_id, title) OVERRIDING SYSTEM VALUE VALUES (901, 901, 1, 'Testmål');
INSERT INTO metric (metric_id, goal_id, name) OVERRIDING SYSTEM VALUE VALUES (901, 901, 'Testmått');
INSERT INTO outcome (metric_id, year, value) VALUES (901, 2015, 12345678901234567890.123456789012345678);
INSERT INTO outcome (metric_id, year, value) VALUES (901, 2016, 1234567890.12345678901234567890123456789);
ROLLBACK;

-- ------------------------------------------------------------- rollup_state
-- Removing a value that was never added (90 from {80, 100}) used to give
-- (90,not_fulfilled,1,...): now an error.
SELECT rollup_final(rollup_inverse(rollup_accum(rollup_accum(NULL, 80, 'Minst 100'), 100, 'Minst 100'), 90, 'Minst 100'));
-- removing a value of a status never added
SELECT rollup_inverse(rollup_accum(NULL, 100, 'Minst 100'), 50, 'Minst 100');
-- removing from an empty state, or a metric from a state of roll-ups
SELECT rollup_inverse(rollup_accum(NULL, NULL, NULL), 50, 'Minst 100');
-- removing more weight than was added used to leave weight 0 with valued 1,
-- and rollup_final raised "floating-point exception"
SELECT rollup_final(rollup_inverse(rollup_accum(rollup_accum(NULL, 80, 'Minst 100', 1), 90, 'Minst 100', 2), 90, 'Minst 100', 3));
SELECT rollup_inverse(rollup_accum(NULL, 80, 'Minst 100', 1), 80, 'Minst 100', 2);
-- removing what was added still works, and gives NULL (recompute) when the
-- weakest part leaves while others stay
SELECT rollup_final(rollup_inverse(rollup_accum(rollup_accum(NULL, 80, 'Minst 100', 1), 90, 'Minst 100', 2), 90, 'Minst 100', 2));
SELECT rollup_inverse(rollup_accum(rollup_accum(NULL, 80, 'Minst 100'), 90, 'Minst 100'), 80, 'Minst 100') IS NULL AS recompute;
-- a moving window agrees with recomputation
SELECT i, (rollup(o, 'Minst 100', w) OVER win).fulfilment AS moving,
	   (SELECT (rollup(o2, 'Minst 100', w2)).fulfilment FROM (VALUES (1, 80::numeric, 1::numeric), (2, 95, 2), (3, 60, 0), (4, 100, 3), (5, NULL, 1)) v2(i2, o2, w2)
		 WHERE i2 BETWEEN i - 1 AND i) AS recomputed
  FROM (VALUES (1, 80::numeric, 1::numeric), (2, 95, 2), (3, 60, 0), (4, 100, 3), (5, NULL, 1)) v(i, o, w)
WINDOW win AS (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY i;
-- a state whose counts contradict its scores: two not_fulfilled metrics
-- with mean = worst = 100 % used to roll up as "100 | partly"
SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=2 metrics=2 fulfilled=0 partly=0 not_fulfilled=2 not_followed_up=0 valued=2 valued_met=0 worst=100000000000000000 worst_n=2 worst_exact=2 weight=2000000 weighted_pct=200000000000000000000000 weighted_met=0'::rollup_state;
-- below fulfilled_at 100, a metric that is not fulfilled scores below it
SELECT 'v=1 level=1 partly_above=50000000 fulfilled_at=80000000 method=0 parts=1 metrics=1 fulfilled=0 partly=1 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=0 worst=90000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=90000000000000000000000 weighted_met=0'::rollup_state;
-- at level 2 a valued part has a followed-up metric
SELECT 'v=1 level=2 partly_above=90000000 fulfilled_at=100000000 method=0 parts=1 metrics=1 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=1 valued=1 valued_met=0 worst=50000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=50000000000000000000000 weighted_met=0'::rollup_state;
-- the binary form refuses it alike: a state of two fulfilled metrics at
-- 100 % with fulfilled (bytes 36-43), not_fulfilled (52-59), valued_met
-- (76-83) and weighted_met (140-155) rewritten to the state above
COPY (SELECT overlay(overlay(overlay(overlay(rollup_state_send(rollup_accum(rollup_accum(NULL, 100, 'Minst 100'), 100, 'Minst 100'))
		PLACING '\x0000000000000000' FROM 36 FOR 8) PLACING '\x0000000000000002' FROM 52 FOR 8)
		PLACING '\x0000000000000000' FROM 76 FOR 8) PLACING '\x00000000000000000000000000000000' FROM 140 FOR 16))
	TO :'state_file' (FORMAT binary);
COPY rs FROM :'state_file' (FORMAT binary);
-- states the aggregates build are accepted
SELECT s::text::rollup_state::text = s::text AS accepted
  FROM (SELECT rollup_accum(rollup_accum(rollup_accum(NULL, 80, 'Minst 100'), 50, 'Minst 100', 0), 100, 'Minst 100') AS s) x;

-- ----------------------------------------------------------- rollup_result
-- A status that contradicts the fulfilment used to be rolled up as true:
-- rollup(ROW(100,'not_fulfilled',1,1,1,0,0,0)) gave "100 | partly".
SELECT rollup(ROW(100, 'not_fulfilled', 1, 1, 1, 0, 0, 0)::rollup_result);
SELECT rollup(ROW(0, 'fulfilled', 1, 1, 0, 0, 1, 0)::rollup_result);
SELECT rollup(ROW(0, 'partly', 1, 1, 0, 0, 1, 0)::rollup_result);
SELECT rollup(ROW(50, 'partly', 1, 1, 0, 0, 0, 1)::rollup_result);
SELECT rollup(ROW(NULL, 'not_followed_up', 0, 2, 0, 0, 0, 2)::rollup_result);
-- consistent ones still roll up
SELECT rollup(r) FROM (VALUES (ROW(100, 'fulfilled', 1, 1, 1, 0, 0, 0)::rollup_result),
							  (ROW(0, 'not_fulfilled', 1, 1, 0, 0, 1, 0)::rollup_result),
							  (ROW(NULL, 'not_followed_up', 0, 0, 0, 0, 0, 0)::rollup_result)) v(r);
-- ------------------------------------------------ states made with rules
-- The method (byte 19) and the tolerance (the last five bytes: flag, int32)
-- travel in the binary form and round-trip; a method beyond share_met and
-- a tolerance flag other than 0 or 1 are refused like any broken field.
DELETE FROM rs;
DELETE FROM ts;
COPY (SELECT rollup_accum(NULL, 95::numeric, 'Minst 100'::metric_target, 1, 80, 100, 'share_met')) TO :'state_file' (FORMAT binary);
COPY rs FROM :'state_file' (FORMAT binary);
SELECT s::text FROM rs;
COPY (SELECT overlay(rollup_state_send(rollup_accum(NULL, 95::numeric, 'Minst 100'::metric_target, 1, 80, 100, 'share_met'))
		PLACING '\x04' FROM 19 FOR 1)) TO :'state_file' (FORMAT binary);
COPY rs FROM :'state_file' (FORMAT binary);
COPY (SELECT trend_accum(trend_accum(NULL, 2015, 4, 'Minst 5', 2.5), 2016, 5, 'Minst 5', 2.5)) TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
SELECT s::text, trend_final_rules(s), trend_final(s) FROM ts;
COPY (SELECT overlay(trend_state_send(trend_accum(NULL, 2016, 5, 'Minst 5', 2.5))
		PLACING '\x02' FROM length(trend_state_send(trend_accum(NULL, 2016, 5, 'Minst 5', 2.5))) - 4 FOR 1)) TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
COPY (SELECT overlay(trend_state_send(trend_accum(NULL, 2016, 5, 'Minst 5'))
		PLACING '\x00000001' FROM length(trend_state_send(trend_accum(NULL, 2016, 5, 'Minst 5'))) - 3 FOR 4)) TO :'state_file' (FORMAT binary);
COPY ts FROM :'state_file' (FORMAT binary);
\! rm -f /tmp/goalmetrics_states_*.bin
