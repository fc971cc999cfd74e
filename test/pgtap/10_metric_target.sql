-- metric_target: SQLSTATEs of every error class, binary input validation,
-- function labels, and the type's catalogue entries.
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SELECT plan(79);

-- ---------------------------------------------------------------- reading
SELECT is('Minst 65 %'::metric_target::text, 'Minst 65 %', 'canonical output');
SELECT is('Högst 2 100 barn'::metric_target::text, 'Högst 2 100 barn', 'thousands separator kept in output');
SELECT is(E'Minst 0\ntkr'::metric_target::text, 'Minst 0 tkr', 'unit on the next line');
SELECT is('Minst index 79'::metric_target::text, 'Minst index 79', 'unit before the number stays before');
SELECT is('100 %'::metric_target::text, '100 %', 'a bare target stays bare');
SELECT is(target_value('Minst 0,1'), 0.1, 'Minst 0,1 is exactly 0.1');
SELECT is(target_value('Minst 42,0')::text, '42.0', 'decimals as written');
SELECT is(target_value(U&'Minst \22125'), -5::numeric, 'U+2212 minus');
SELECT is(format_target('Minst 65 %', 'english'), 'at least 65 %', 'english style');
SELECT is(format_target('Minst 65 %', 'symbolic'), '>= 65 %', 'symbolic style');
SELECT is(target_baseline('Öka från 70 % till 75 %'), 70::numeric, 'baseline kept');
SELECT is(target_comparator('ska minska från 40 till 32 dagar'), 'at_most', 'minska means at most');
SELECT is(target_comparator('från 70 % till 75 %'), 'at_least', 'without a direction word the order decides');
SELECT is(target_comparator(with_comparator('13', 'at_most')), 'at_most', 'with_comparator sets the direction');
SELECT is(with_comparator('13', 'at_most')::text, 'Högst 13', 'and it prints with it');

-- ------------------------------------------------- errors and their codes
SELECT throws_ok($$SELECT ''::goalmetrics.metric_target$$, '22P02', NULL, 'empty input: 22P02');
SELECT throws_ok($$SELECT '  '::goalmetrics.metric_target$$, '22P02', NULL, 'white space only: 22P02');
SELECT throws_ok($$SELECT 'Ungefär 65'::goalmetrics.metric_target$$, '22P02', NULL, 'unknown comparator: 22P02');
SELECT throws_ok($$SELECT 'Minst'::goalmetrics.metric_target$$, '22P02', NULL, 'comparator without number: 22P02');
SELECT throws_ok($$SELECT 'Minst index'::goalmetrics.metric_target$$, '22P02', NULL, 'unit without number: 22P02');
SELECT throws_ok($$SELECT 'Minst 1,2,3'::goalmetrics.metric_target$$, '22P02', NULL, 'malformed number: 22P02');
SELECT throws_ok($$SELECT 'Minst 1 23'::goalmetrics.metric_target$$, '22P02', NULL, 'bad thousands group: 22P02');
SELECT throws_ok($$SELECT 'Minst 1e5'::goalmetrics.metric_target$$, '22P02', NULL, 'scientific notation: 22P02');
SELECT throws_ok($$SELECT 'Minst NaN'::goalmetrics.metric_target$$, '22P02', NULL, 'NaN: 22P02');
SELECT throws_ok($$SELECT 'Minst -Infinity'::goalmetrics.metric_target$$, '22P02', NULL, 'Infinity: 22P02');
SELECT throws_ok($$SELECT 'Minst 1234567890123456'::goalmetrics.metric_target$$, '22003', NULL, '16 significant digits: 22003');
SELECT throws_ok($$SELECT 'Minst 0,0000000000000001'::goalmetrics.metric_target$$, '22003', NULL, '16 decimals: 22003');
SELECT lives_ok($$SELECT 'Minst 123 456 789 012 345'::goalmetrics.metric_target$$, '15 significant digits read');
SELECT throws_ok($$SELECT ('Minst 1 ' || repeat('x', 65))::goalmetrics.metric_target$$, '22001', NULL, 'overlong unit: 22001');
SELECT lives_ok($$SELECT ('Minst 1 ' || repeat('x', 64))::goalmetrics.metric_target$$, 'a 64-byte unit is read');
SELECT throws_ok($$SELECT 'Minst 65 %; DROP TABLE x'::goalmetrics.metric_target$$, '22P02', NULL, 'stray text: 22P02');
SELECT throws_ok($$SELECT E'Minst \x01 65'::goalmetrics.metric_target$$, '22P02', NULL, 'control character: 22P02');
SELECT throws_ok($$SELECT 'Mellan 10 och 5'::goalmetrics.metric_target$$, '22P02', NULL, 'reversed range: 22P02');
SELECT throws_ok($$SELECT 'Öka från 75 till 70'::goalmetrics.metric_target$$, '22P02', NULL, 'contradicting direction: 22P02');
SELECT throws_ok($$SELECT repeat('9', 1000000)::goalmetrics.metric_target$$, '22003', NULL, 'a megabyte of digits: 22003');
SELECT throws_ok($$SELECT goalmetrics.metric_target('between', 1)$$, '22023', NULL, 'constructor refuses between');
SELECT throws_ok($$SELECT goalmetrics.metric_target('at_least', 'NaN')$$, '22023', NULL, 'constructor refuses NaN');
SELECT throws_ok($$SELECT goalmetrics.metric_target('at_least', 1234567890123456)$$, '22003', NULL, 'constructor: 16 digits is 22003');
SELECT throws_ok($$SELECT goalmetrics.metric_target_range(10, 5)$$, '22023', NULL, 'constructor refuses a reversed range');
SELECT throws_ok($$SELECT goalmetrics.with_comparator('Mellan 1 och 2', 'at_most')$$, '22023', NULL, 'with_comparator refuses ranges');
SELECT throws_ok($$SELECT goalmetrics.format_target('Minst 1', 'klingon')$$, '22023', NULL, 'unknown style: 22023');
SELECT ok(goalmetrics.try_metric_target('Minst 1e5') IS NULL, 'try_metric_target gives NULL');

-- ------------------------------------------------- binary input (recv)
-- COPY BINARY files are built byte by byte (large-object export), so recv
-- meets exactly the bytes a malicious or broken client would send.
CREATE TEMP TABLE recv_target (t goalmetrics.metric_target);
CREATE FUNCTION pg_temp.copy_binary(payload bytea) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
	f text := '/tmp/goalmetrics_recv_' || pg_backend_pid() || '.bin';
	lo oid;
BEGIN
	lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
	                       || '\x0001'::bytea || int4send(length(payload)) || payload
	                       || '\xffff'::bytea);
	PERFORM lo_export(lo, f);
	PERFORM lo_unlink(lo);
	EXECUTE format('COPY recv_target FROM %L WITH (FORMAT binary)', f);
END
$f$;
-- the valid value: version 1, comparator at_least (0), unit after (bit 5-6 = 2 -> 0x40),
-- value 65 (scale 0, 1 byte -> 0x10, 0x41), unit '%'
SELECT lives_ok($$SELECT pg_temp.copy_binary('\x0140104125')$$, 'a valid binary value is read');
SELECT is((SELECT t::text FROM recv_target), 'Minst 65 %', 'and equals its text form');
SELECT is(goalmetrics.metric_target_send('Minst 65 %'), '\x0140104125'::bytea, 'send writes version byte + packed form');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x')$$, '22P03', NULL, 'empty binary value');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x02')$$, '22P03', NULL, 'unknown format version');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x01')$$, '22P03', NULL, 'version byte only');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x0107104125')$$, '22P03', NULL, 'comparator code 7');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x01c0104125')$$, '22P03', NULL, 'reserved bit set');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x014010')$$, '22P03', NULL, 'truncated decimal');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x0140104100')$$, '22P03', NULL, 'unit with a NUL byte');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x01401041ff')$$, '22P03', NULL, 'unit not UTF-8');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x0140104170726f63656e74')$$, '22P03', NULL, 'unit "procent" not normalised');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x0100104125')$$, '22P03', NULL, 'unit bytes without a unit position');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x01401f41')$$, '22P03', NULL, 'scale 15 is fine but unit missing');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x0100800000')$$, '22P03', NULL, 'negative zero / bad length');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x0100' || '\x70ffffffffffffff'::bytea)$$, '22P03', NULL, 'coefficient of 10^15 or more');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x0105100a1005')$$, '22P03', NULL, 'range with low > high');
SELECT is((SELECT count(*) FROM recv_target), 1::bigint, 'no malformed value was stored');

-- ------------------------------------------ spaces and units (issue 12)
SELECT is((U&'Minst 5\2007000')::metric_target::text, 'Minst 5 000', 'a figure space separates digit groups');
SELECT is(target_value(U&'Minst 5\2007000'), 5000::numeric, '... so the value is 5000, not 5 with a unit');
SELECT is(status(4000, U&'Minst 5\2007000'), 'not_fulfilled'::status_band, '... and 4000 does not fulfil it');
SELECT is(target_unit(U&'Minst\20035\3000%'), '%', 'an em space and an ideographic space are white space between words');
SELECT throws_ok($$SELECT 'Minst 65 % %'::goalmetrics.metric_target$$, '22P02',
	'invalid input syntax for type metric_target: "Minst 65 % %"', 'percent twice in a unit: 22P02');
SELECT throws_ok($$SELECT U&'Minst 65 %\200B'::goalmetrics.metric_target$$, '22P02', NULL, 'a zero-width space: 22P02');
SELECT throws_ok($$SELECT U&'Minst 5 \202Enrab001'::goalmetrics.metric_target$$, '22P02', NULL, 'a right-to-left override: 22P02');
SELECT ok(U&'Högst 170 va\030Arddygn'::metric_target OPERATOR(goalmetrics.=) 'Högst 170 vårddygn'
		  AND metric_target_send(U&'Högst 170 va\030Arddygn') = metric_target_send('Högst 170 vårddygn'),
	'a decomposed unit is read in NFC: the same target, the same bytes');
SELECT is(metric_target_send(metric_target('at_most', 170, U&'va\030Arddygn')), metric_target_send('Högst 170 vårddygn'),
	'the constructor normalises the unit too');
TRUNCATE recv_target;
SELECT lives_ok($$SELECT pg_temp.copy_binary('\x01401041'::bytea || convert_to(U&'va\030Arddygn', 'UTF8'))$$,
	'a binary value with a decomposed unit is read ...');
SELECT is((SELECT metric_target_send(t) FROM recv_target), metric_target_send('Minst 65 vårddygn'),
	'... and stored in NFC, as text input stores it');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x01401041'::bytea || convert_to(U&'%\200B', 'UTF8'))$$, '22P03', NULL,
	'a binary unit with a zero-width space: 22P03');

-- -------------------------------------------------------------- catalogue
SELECT is((SELECT count(*) FROM pg_proc p
			WHERE p.pronamespace = 'goalmetrics'::regnamespace
			  AND (p.proname ~ '^(metric_target|target_|format_target|try_metric_target|with_comparator|higher_is_better)')
			  AND (p.provolatile <> 'i' OR p.proparallel <> 's')),
		  0::bigint, 'every metric_target function is IMMUTABLE and PARALLEL SAFE');
SELECT is((SELECT count(*) FROM pg_proc p
			WHERE p.pronamespace = 'goalmetrics'::regnamespace
			  AND p.proname ~ '^(metric_target_(in|out|send|recv|eq|ne|lt|le|gt|ge|cmp|hash)|target_|format_target|try_metric_target|with_comparator|higher_is_better)'
			  -- target_applied() (20_fulfilment.sql) judges: a NULL previous
			  -- outcome or direction has a meaning there
			  AND p.proname <> 'target_applied'
			  AND NOT p.proisstrict),
		  0::bigint, 'and STRICT (the constructors excepted: NULL unit means none)');
SELECT is((SELECT opcname::text FROM pg_opclass WHERE opcintype = 'goalmetrics.metric_target'::regtype
			AND opcmethod = (SELECT oid FROM pg_am WHERE amname = 'btree') AND opcdefault),
		  'metric_target_ops', 'default btree operator class');
SELECT is((SELECT opcname::text FROM pg_opclass WHERE opcintype = 'goalmetrics.metric_target'::regtype
			AND opcmethod = (SELECT oid FROM pg_am WHERE amname = 'hash') AND opcdefault),
		  'metric_target_hash_ops', 'default hash operator class');
SELECT is(goalmetrics.metric_target_hash('Minst 42,0'), goalmetrics.metric_target_hash('>= 42'),
		  'equal values hash equally');
SELECT is(goalmetrics.metric_target_hash_extended('Högst 2 100 barn', 0) & 4294967295,
		  goalmetrics.metric_target_hash('Högst 2 100 barn')::bigint & 4294967295,
		  'the 32-bit hash is the low half of the extended hash with seed 0');
SELECT isnt(goalmetrics.metric_target_hash_extended('Högst 2 100 barn', 1),
			goalmetrics.metric_target_hash_extended('Högst 2 100 barn', 0),
			'the seed changes the extended hash');

SELECT * FROM finish();
ROLLBACK;
