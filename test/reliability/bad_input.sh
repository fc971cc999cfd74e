#!/usr/bin/env bash
# Invalid UTF-8 reaching the type itself.  In a UTF-8 database the server
# refuses invalid bytes before any input function runs (test/pgtap/
# 90_bad_input.sql checks that); in a SQL_ASCII database bytes pass
# through unchecked, so metric_target_in must refuse them itself, with
# 22021, never crash, and try_metric_target must return NULL.
# Needs a running cluster (lib.sh: rel_init/rel_start), database-agnostic.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/lib.sh

bad_input_sql_ascii() {
	"$REL_BINDIR/createdb" -E SQL_ASCII -T template0 --locale=C gm_sql_ascii || return 1
	rel_psql gm_sql_ascii -c 'CREATE EXTENSION goalmetrics' || return 1
	local hex what state n=0 nulls=0
	while read -r hex what; do
		n=$((n + 1))
		# convert_from(..., 'SQL_ASCII') hands the raw bytes to the cast
		state=$(rel_value gm_sql_ascii "DO \$\$
			BEGIN
				PERFORM convert_from('\\x$hex'::bytea, 'SQL_ASCII')::goalmetrics.metric_target;
				RAISE EXCEPTION USING ERRCODE = 'XX999', MESSAGE = 'accepted';
			EXCEPTION WHEN OTHERS THEN
				RAISE EXCEPTION USING ERRCODE = 'XX998', MESSAGE = SQLSTATE;
			END \$\$" 2>&1 | sed -n 's/.*ERROR: *//p')
		if [ "$state" = "22021" ]; then
			rel_ok "SQL_ASCII: $what: 22021"
		else
			rel_fail "SQL_ASCII: $what: got '$state', want 22021"
		fi
		local tried
		tried=$(rel_value gm_sql_ascii \
			"SELECT goalmetrics.try_metric_target(convert_from('\\x$hex'::bytea, 'SQL_ASCII')) IS NULL" 2>/dev/null)
		[ "$tried" = "t" ] && nulls=$((nulls + 1))
	done <<'EOF'
4d696e7374203635202525ff	byte 0xff in the unit
4d696e737420363520c3	truncated two-byte sequence
4d696e737420c0af3635	overlong encoding of /
4d696e737420363520eda080	UTF-16 surrogate
4d696e737420363520f4908080	code point beyond U+10FFFF
ff	a lone 0xff
c3a4c3	ä then a truncated sequence
4d696e737420363520fe	byte 0xfe
4d696e737420363520e282	truncated three-byte sequence
4d696e737420363520f8888080a0	five-byte sequence
EOF
	rel_check "SQL_ASCII: try_metric_target is NULL for all $n ($nulls)" \
		[ "$nulls" -eq "$n" ]
	rel_check "SQL_ASCII: the server still answers" \
		[ "$(rel_value gm_sql_ascii 'SELECT 1')" = "1" ]
	# valid UTF-8 passes through a SQL_ASCII database unchanged
	rel_check "SQL_ASCII: valid UTF-8 still reads (Högst 2 100 barn)" \
		[ "$(rel_value gm_sql_ascii "SELECT 'Högst 2 100 barn'::goalmetrics.metric_target")" = "Högst 2 100 barn" ]
	# the import keeps the bytes of names (issue 12: the 0xA0 of a no-break
	# space matched the second byte of "à" and made invalid UTF-8)
	rel_value gm_sql_ascii "INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target)
		VALUES ('Nämnden', 'Invånare', 'Mål à la carte', 'Mätetal', 2016, '5', 'Minst 6');
		SELECT goalmetrics.import_report()" >/dev/null
	rel_check "SQL_ASCII: an import keeps the bytes of 'Mål à la carte'" \
		[ "$(rel_value gm_sql_ascii "SELECT encode(convert_to(title, 'SQL_ASCII'), 'hex') FROM goalmetrics.goal WHERE title LIKE 'M%carte'")" = "4dc3a56c20c3a0206c61206361727465" ]
	"$REL_BINDIR/dropdb" gm_sql_ascii
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	ensure_test_packages || exit 1
	rel_build_and_install || exit 1
	rel_init badinput || exit 1
	rel_start || exit 1
	bad_input_sql_ascii
	rel_summary bad_input
fi
