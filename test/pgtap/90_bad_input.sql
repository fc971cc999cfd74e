-- The bad input catalogue (issue 7): malformed text and binary targets,
-- NaN / Infinity / huge outcomes to every function, bad settings and bad
-- arguments.  Each input asserts its exact SQLSTATE; after every group the
-- server must still answer (a crash would end the connection and fail the
-- rest of the plan).  doc/reliability.md describes the catalogue; the
-- SQLSTATEs are those documented in doc/metric_target.md and
-- doc/fulfilment.md.
BEGIN;
SET LOCAL search_path = public, goalmetrics;

-- ------------------------------------------------------------------ text
-- Every row is one malformed text target and the SQLSTATE it must raise.
-- Megabyte inputs are built with repeat() so the file stays small.
CREATE TEMP TABLE bad_text (
	id		serial PRIMARY KEY,
	input	text NOT NULL,
	state	text NOT NULL,
	what	text NOT NULL
) ON COMMIT DROP;

INSERT INTO bad_text (input, state, what) VALUES
	-- empty input
	('', '22P02', 'empty string'),
	(' ', '22P02', 'one space'),
	(E'\t\n\r ', '22P02', 'only tab, newline, return'),
	(U&'\00A0\2009\202F', '22P02', 'only no-break and thin spaces'),
	(E'\n\n\n', '22P02', 'only newlines'),
	(repeat(' ', 1048576), '22P02', 'a megabyte of spaces'),
	(repeat(U&'\00A0', 100000), '22P02', '100 000 no-break spaces'),
	-- a comparator (or a unit) and no number
	('Minst', '22P02', 'only Minst'),
	('Högst', '22P02', 'only Högst'),
	('Max.', '22P02', 'only Max.'),
	('>=', '22P02', 'only >='),
	(U&'\2265', '22P02', 'only ≥'),
	('<', '22P02', 'only <'),
	('at least', '22P02', 'only at least'),
	('Exakt', '22P02', 'only Exakt'),
	('Minst index', '22P02', 'comparator and unit, no number'),
	('Minst %', '22P02', 'comparator and %, no number'),
	('Mellan', '22P02', 'only Mellan'),
	('Mellan 5 och', '22P02', 'range without its upper bound'),
	('between 5 and', '22P02', 'english range without its upper bound'),
	('Mellan och 5', '22P02', 'range without its lower bound'),
	('Öka från 70 % till', '22P02', 'change without its target'),
	('från till', '22P02', 'change without numbers'),
	('Öka till 75', '22P02', 'change without från'),
	('-', '22P02', 'only a minus sign'),
	(U&'\2212', '22P02', 'only U+2212 minus'),
	('+', '22P02', 'only a plus sign'),
	('%', '22P02', 'only a percent sign'),
	('Minst -', '22P02', 'comparator and a sign'),
	('5–', '22P02', 'dash range without upper bound'),
	(U&'Minst \00A0\00A0 tkr', '22P02', 'comparator, spaces, unit, no number'),
	-- no comparator where one belongs
	('Ungefär 65', '22P02', 'unknown Swedish word'),
	('about 65 %', '22P02', 'unknown English word'),
	('~65', '22P02', 'tilde'),
	('!= 5', '22P02', '!='),
	('== 5', '22P02', '=='),
	(U&'\2260 5', '22P02', '≠'),
	('<> 5', '22P02', '<>'),
	('>>= 5', '22P02', '>>='),
	('index 79', '22P02', 'bare target starting with a unit'),
	('Minst5', '22P02', 'comparator glued to the number'),
	('Minimum 65', '22P02', 'word that only starts like Min'),
	('Minska 65', '22P02', 'direction word without från'),
	(repeat(U&'\2265', 100000), '22P02', '100 000 ≥ signs'),
	-- two numbers, stray numbers, malformed numbers
	('Minst 65 70', '22P02', 'two numbers'),
	('Minst 65 % 70 %', '22P02', 'two numbers with units'),
	('65 65 65', '22P02', 'three numbers'),
	('Minst 65  70', '22P02', 'two numbers, two spaces apart'),
	(E'Minst 65\n70', '22P02', 'two numbers on two lines'),
	('Minst 1 23', '22P02', 'thousands group of two digits'),
	('Minst 1000 000', '22P02', 'thousands separator after four digits'),
	('Minst 0,123 456', '22P02', 'thousands separator in the decimals'),
	('Minst 1,2,3', '22P02', 'two decimal commas'),
	('Minst 1.2.3', '22P02', 'two decimal points'),
	('Minst 5.', '22P02', 'trailing decimal point'),
	('Minst 5,', '22P02', 'trailing decimal comma'),
	('Minst --5', '22P02', 'two minus signs'),
	('Minst +-5', '22P02', 'plus and minus'),
	('Minst 5-', '22P02', 'trailing hyphen'),
	(repeat('5 ', 100000), '22P02', '100 000 single digits'),
	('Minst ' || repeat('-', 100000) || '5', '22P02', '100 000 minus signs'),
	-- more than 15 significant digits or decimals: out of range
	('Minst 1234567890123456', '22003', '16 digits'),
	('9999999999999999', '22003', '16 nines, bare'),
	('Högst 1 234 567 890 123 456 barn', '22003', '16 digits in thousands groups'),
	('Minst 12345678901234,56', '22003', '16 digits with decimals'),
	('Minst -1234567890123456', '22003', '16 digits, negative'),
	('Minst 0,0000000000000001', '22003', '16 decimals'),
	('Minst 1,0000000000000000', '22003', '16 decimals of zeros'),
	('Mellan 1 och 12345678901234567', '22003', 'range bound of 17 digits'),
	('Öka från 1 till 99999999999999999', '22003', 'change target of 17 digits'),
	('Öka från 99999999999999999 till 1', '22003', 'baseline of 17 digits'),
	('Minst ' || repeat('9', 1048576), '22003', 'a megabyte of digits'),
	(repeat('1', 1048576), '22003', 'a megabyte of digits, bare'),
	('Minst 1,' || repeat('5', 100000), '22003', '100 000 decimals'),
	('Minst ' || repeat('123 ', 100000) || '456', '22003', '100 000 thousands groups'),
	-- scientific notation
	('Minst 1e400', '22P02', '1e400'),
	('Minst 1E5', '22P02', '1E5'),
	('Minst 6,5E-3', '22P02', '6,5E-3'),
	('1e5 %', '22P02', 'bare 1e5 %'),
	('Högst 2.5e+3 barn', '22P02', '2.5e+3'),
	('Minst 1e-400', '22P02', '1e-400'),
	-- NaN and infinities
	('NaN', '22P02', 'NaN'),
	('Minst NaN', '22P02', 'Minst NaN'),
	('Minst nan %', '22P02', 'Minst nan %'),
	('Infinity', '22P02', 'Infinity'),
	('Högst -Infinity', '22P02', 'Högst -Infinity'),
	('Minst inf', '22P02', 'Minst inf'),
	('Minst +inf', '22P02', 'Minst +inf'),
	(U&'Minst \221E', '22P02', 'Minst ∞'),
	(U&'-\221E', '22P02', '-∞'),
	('Mellan -Infinity och 5', '22P02', 'range from -Infinity'),
	('Öka från 1 till Infinity', '22P02', 'change to Infinity'),
	-- control characters (C0 other than white space, DEL, C1)
	(E'Minst \x01 65', '22P02', 'U+0001'),
	(E'Minst 65 %\x7f', '22P02', 'DEL'),
	(E'\x1b[31mMinst 65', '22P02', 'ANSI escape'),
	(E'Minst 6\x085', '22P02', 'backspace'),
	(E'Minst 65 %\x07', '22P02', 'bell'),
	(E'Minst 65\x1f', '22P02', 'unit separator U+001F'),
	(U&'Minst 65 \0085', '22P02', 'C1 next line U+0085'),
	(U&'Minst \009B65', '22P02', 'C1 CSI U+009B'),
	(E'Minst 65 b\x01arn', '22P02', 'control character inside a unit'),
	-- stray text and SQL-looking text
	('Minst 65 %;', '22P02', 'trailing semicolon'),
	('Minst 65 %; DROP TABLE x', '22P02', 'statement after the target'),
	($$Minst 65'); DROP TABLE goalmetrics.outcome; --$$, '22P02', 'quote and statement'),
	($$Minst 65 %' OR '1'='1$$, '22P02', 'quoted tautology'),
	('Minst 65 OR 1=1', '22P02', 'tautology'),
	('1; SELECT pg_sleep(10)', '22P02', 'number and statement'),
	('/* */ 65', '22P02', 'comment first'),
	('Minst 65 -- comment', '22P02', 'line comment'),
	('<script>alert(1)</script>', '22P02', 'markup'),
	('Minst 65 % $$', '22P02', 'dollar quotes'),
	(E'Minst 65 %\\', '22P02', 'backslash'),
	('Minst {65}', '22P02', 'braces'),
	('Minst "65"', '22P02', 'double-quoted number'),
	('[1,2]', '22P02', 'array-looking'),
	(U&'Minst 65 % \2265', '22P02', 'trailing ≥'),
	(U&'Minst 65 \2192 70', '22P02', 'arrow'),
	(repeat('(', 10000) || '5', '22P02', '10 000 parentheses'),
	('Minst 65 % 1', '22P02', 'digit after the unit'),
	-- units: too long (> 64 bytes), or misplaced
	('Minst 5 ' || repeat('x', 65), '22001', '65-byte unit after'),
	('Minst 5 ' || repeat('å', 33), '22001', '66-byte unit of two-byte letters'),
	('Minst ' || repeat('y', 65) || ' 5', '22001', '65-byte unit before'),
	('5 ' || repeat('ord ', 20), '22001', 'twenty unit words, 79 bytes'),
	('Minst 5 ' || repeat('x', 1048576), '22001', 'a megabyte of unit'),
	-- after a comparator, words before the number are a unit (grammar)
	(repeat('Minst ', 10000) || '5', '22001', '10 000 comparators: an overlong unit'),
	('Mellan 1 och 2 ' || repeat('z', 65), '22001', 'overlong unit of a range'),
	('Minst index 79 %', '22P02', 'unit before and after'),
	('Mellan 5 % och 10 st', '22P02', 'range with two units'),
	('Mellan index 5 och 10 st', '22P02', 'range with units before and after'),
	('Mellan 5 och index 10', '22P02', 'unit before the upper bound'),
	('Öka från 70 % till 75 st', '22P02', 'change with two units'),
	(U&'5 kr\201310 st', '22P02', 'dash range with two units'),
	-- ranges and changes that say nothing or contradict themselves
	('Mellan 10 och 5', '22P02', 'reversed range'),
	(U&'105\201395 %', '22P02', 'reversed dash range'),
	('Mellan 5 och 10 och 15', '22P02', 'three range bounds'),
	('between 1 and 2 and 3', '22P02', 'three english range bounds'),
	('Öka från 75 till 70', '22P02', 'increase to a lower value'),
	('Minska från 30 till 40', '22P02', 'decrease to a higher value'),
	('från 5 till 5', '22P02', 'no change'),
	('increase from 70 % to 60 %', '22P02', 'english increase downwards'),
	('reduce from 40 to 50 days', '22P02', 'english reduce upwards'),
	('Öka från 70 till 75 till 80', '22P02', 'two targets');


-- ---------------------------------------------------------------- binary
-- The binary form is a format-version byte (1) and the packed form
-- (doc/metric_target.md, "Storage").  recv is reached the way a driver
-- reaches it, through COPY ... (FORMAT binary): a one-column bytea COPY
-- file carries exactly the bytes given, and copying it into a
-- metric_target column hands those bytes to recv.
CREATE TEMP TABLE recv_out (t metric_target) ON COMMIT DROP;
CREATE FUNCTION pg_temp.recv(b bytea) RETURNS goalmetrics.metric_target
LANGUAGE plpgsql AS $$
DECLARE
	f	text := '/tmp/goalmetrics_90_bad_input_' || pg_backend_pid() || '.bin';
	r	goalmetrics.metric_target;
BEGIN
	TRUNCATE recv_out;
	EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, f);
	EXECUTE format('COPY recv_out FROM PROGRAM %L (FORMAT binary)',
				   'cat ' || f || '; rm -f ' || f);
	SELECT t INTO r FROM recv_out;
	RETURN r;
END
$$;

CREATE TEMP TABLE bad_binary (
	id		serial PRIMARY KEY,
	bytes	bytea NOT NULL,
	what	text NOT NULL
) ON COMMIT DROP;

-- Every truncation of valid values, up to and including the cut that
-- leaves the unit empty (a cut inside an ASCII unit is a shorter valid
-- unit, so those are not malformed).
INSERT INTO bad_binary (bytes, what)
SELECT substr(b, 1, n), pg_catalog.format('%s cut to %s of %s bytes', v, n, length(b))
FROM (VALUES ('Minst 65 %'), ('Högst 2 100 barn'), ('Minst index 79'),
			 ('Mellan 95 och 105 %'), ('Öka från 70 % till 75 %'),
			 ('Minst 123 456 789 012 345'), ('100 %'), ('Exakt -0,5'),
			 ('Minst 0'), ('Under -1 234,5 kr')) AS v(v),
	 LATERAL (SELECT metric_target_send(v::metric_target) AS b,
					 coalesce(octet_length(target_unit(v::metric_target)), 0) AS ulen) AS s,
	 LATERAL generate_series(0, length(b) - ulen - (ulen = 0)::integer) AS n
ORDER BY v, n;

INSERT INTO bad_binary (bytes, what) VALUES
	-- Högst 170 vårddygn is 01 41 10 aa 76 c3 a5 ...: cut inside "å"
	('\x014110aa76c3', 'cut inside a two-byte character of the unit'),
	-- the version byte
	('\x0040104125', 'format version 0'),
	('\x0240104125', 'format version 2'),
	('\xff40104125', 'format version 255'),
	-- the flags byte
	('\x0146104125', 'comparator code 6'),
	('\x0147104125', 'comparator code 7'),
	('\x01c0104125', 'reserved flag bit 7 set'),
	('\x0160104125', 'unit position 3'),
	('\x0100104125', 'unit position none, but unit bytes follow'),
	('\x0120104125', '% written before the number'),
	('\x01091005', 'bare at_most'),
	('\x0118104b1046', 'bare with a baseline'),
	('\x0128100578', 'bare with a unit before'),
	('\x01', 'only the version byte'),
	-- decimals
	('\x010070ffffffffffffff', 'magnitude 2^56 - 1, above 10^15'),
	('\x0100700080c6a47e8d03', 'magnitude exactly 10^15'),
	('\x0100204100', 'non-minimal magnitude (zero high byte)'),
	('\x01001000', 'zero written with one byte'),
	('\x010080', 'negative zero'),
	('\x010085', 'negative zero with a scale'),
	('\x0100304100', 'magnitude shorter than its length says'),
	('\x0100f0', 'length 7 and sign, no bytes'),
	-- ranges and baselines
	('\x01051005', 'range without its upper bound'),
	('\x010510', 'range with a cut lower bound'),
	('\x0105100a1005', 'reversed range 10 to 5'),
	('\x0105100520ff', 'range with an upper bound cut short'),
	('\x0105100510070a', 'range without unit, trailing byte'),
	('\x0110104b1050', 'increase whose baseline is above the target'),
	('\x0110104b104b', 'increase from a value to itself'),
	('\x0111104b1046', 'decrease whose baseline is below the target'),
	('\x0114104b1046', 'exactly with a baseline'),
	('\x0115100510071003', 'range with a baseline'),
	('\x0110104b', 'baseline flag without a baseline'),
	-- units: bad UTF-8, not in normal form, too long
	('\x01401005ff', 'unit byte 0xff'),
	('\x01401005c3', 'unit with a truncated two-byte sequence'),
	('\x01401005c0af', 'unit with an overlong encoding'),
	('\x01401005eda080', 'unit with a UTF-16 surrogate'),
	('\x01401005f4908080', 'unit beyond U+10FFFF'),
	('\x01401005610062', 'unit with a NUL byte'),
	('\x014010052061', 'unit with a leading space'),
	('\x014010056120', 'unit with a trailing space'),
	('\x0140100561202062', 'unit with two spaces'),
	('\x0140100561090062', 'unit with a tab and a NUL'),
	('\x014010056101', 'unit with a control character'),
	('\x01401005c2a0', 'unit of a no-break space'),
	('\x01401005e289a5', 'unit of ≥'),
	('\x01401005e28093', 'unit of an en dash'),
	('\x014010053578', 'unit starting with a digit'),
	('\x01401005' || convert_to('procent', 'UTF8'), 'unit procent, not in normal form'),
	('\x01401005' || convert_to('PERCENT', 'UTF8'), 'unit PERCENT, not in normal form'),
	('\x01401005' || convert_to(repeat('x', 65), 'UTF8'), 'unit of 65 bytes'),
	('\x01401005' || convert_to(repeat('x', 200), 'UTF8'), 'unit of 200 bytes'),
	('\x01' || convert_to(repeat('x', 1048576), 'UTF8'), 'a megabyte of bytes');


-- ================================================================ plan
SELECT plan(
	2 * (SELECT count(*)::integer FROM bad_text)	-- cast and try_
	+ 3	-- bounded error message, varchar and assignment casts
	+ 3	-- invalid UTF-8, refused by the server
	+ 9	-- boundaries that are valid
	+ (SELECT count(*)::integer FROM bad_binary) + 3	-- binary
	+ 2	-- server still answers
);

-- ------------------------------------------------------- text assertions
SELECT throws_ok(pg_catalog.format('SELECT %L::goalmetrics.metric_target', input),
				 state, NULL, pg_catalog.format('text %s: %s', id, what))
FROM bad_text ORDER BY id;

SELECT is(try_metric_target(input), NULL,
		  pg_catalog.format('try_metric_target is NULL for text %s: %s', id, what))
FROM bad_text ORDER BY id;

-- a megabyte of digits does not become a megabyte of error message
CREATE FUNCTION pg_temp.error_length(input text) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM input::goalmetrics.metric_target;
	RETURN 0;
EXCEPTION WHEN OTHERS THEN
	RETURN length(SQLERRM);
END
$$;
SELECT cmp_ok(pg_temp.error_length('Minst ' || repeat('9', 1048576)), '<', 300,
			  'the error message quotes a megabyte input cut short');

-- other routes into the input function
SELECT throws_ok($$SELECT 'Minst'::varchar::goalmetrics.metric_target$$, '22P02', NULL,
				 'varchar cast: 22P02');
CREATE TEMP TABLE t_assign (t metric_target) ON COMMIT DROP;
SELECT throws_ok($$INSERT INTO t_assign VALUES ('Ungefär 65'::text)$$, '22P02', NULL,
				 'assignment cast into a column: 22P02');

-- Invalid UTF-8 never reaches the type in a UTF-8 database: the server
-- refuses it first (the type's own 22021 is checked in a SQL_ASCII
-- database by test/reliability/bad_input.sh).
SELECT throws_ok($$SELECT E'Minst 65 \xff'::goalmetrics.metric_target$$, '22021', NULL,
				 'invalid UTF-8 byte 0xff: 22021');
SELECT throws_ok($$SELECT E'Minst 65 \xc3'::goalmetrics.metric_target$$, '22021', NULL,
				 'truncated UTF-8 sequence: 22021');
SELECT throws_ok($$SELECT convert_from('\x4d696e737420c0af'::bytea, 'UTF8')::goalmetrics.metric_target$$,
				 '22021', NULL, 'overlong UTF-8 encoding: 22021');

-- the edges of the limits are valid
SELECT lives_ok($$SELECT 'Minst 999999999999999'::goalmetrics.metric_target$$, '15 nines read');
SELECT lives_ok($$SELECT 'Minst -999 999 999 999 999'::goalmetrics.metric_target$$, '15 digits, negative, grouped');
SELECT lives_ok($$SELECT 'Minst 0,000000000000001'::goalmetrics.metric_target$$, '15 decimals read');
SELECT lives_ok($$SELECT 'Minst 0000000000000000001'::goalmetrics.metric_target$$, 'leading zeros are not significant');
SELECT lives_ok($$SELECT ('Minst 5 ' || repeat('x', 64))::goalmetrics.metric_target$$, '64-byte unit read');
SELECT lives_ok($$SELECT ('Minst 5 ' || repeat('å', 32))::goalmetrics.metric_target$$, '64-byte unit of two-byte letters read');
SELECT lives_ok($$SELECT ('Minst ' || repeat('y', 64) || ' 5')::goalmetrics.metric_target$$, '64-byte unit before read');
SELECT lives_ok($$SELECT (repeat(' ', 100000) || 'Minst 5' || repeat(E'\n', 100000))::goalmetrics.metric_target$$,
				'white space around a target is skipped');
SELECT lives_ok($$SELECT 'Minst 65 inf'::goalmetrics.metric_target$$, 'inf after the number is a unit word');

SELECT lives_ok('SELECT 1', 'the server still answers after the text inputs');

-- binary: the inputs are set up above
SELECT throws_ok(pg_catalog.format('SELECT pg_temp.recv(%L::bytea)', bytes), '22P03', NULL,
				 pg_catalog.format('binary %s: %s', id, what))
FROM bad_binary ORDER BY id;

SELECT is(pg_temp.recv('\x010070ff7fc6a47e8d03'), 'Minst 999999999999999'::metric_target,
		  'binary: magnitude 10^15 - 1 is read');
SELECT is(pg_temp.recv(metric_target_send('Högst 170 vårddygn')), 'Högst 170 vårddygn'::metric_target,
		  'binary: a valid value round-trips');
SELECT is(pg_temp.recv(substr(metric_target_send('Högst 2 100 barn'), 1, 6)), 'Högst 2 100 b'::metric_target,
		  'binary: a cut inside an ASCII unit is a shorter unit');
SELECT lives_ok('SELECT 1', 'the server still answers after the binary inputs');

SELECT * FROM finish();
ROLLBACK;
