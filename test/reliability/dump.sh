#!/usr/bin/env bash
# Dump, restore, upgrade.  A populated database (seed pages, generated
# committees, outcomes, notes, refreshed summary, a committee mapping, a
# user table with a metric_target column and an index on it) is dumped in
# the custom and the plain format and restored into fresh databases.
# Every table and view of the extension, the annual report of every year,
# every target in all three styles and the user table must give identical
# results; the restored databases must dump again to the same plain text;
# the sequences must go on where they were; the shipped perspectives must
# not be doubled.
#
# ALTER EXTENSION goalmetrics UPDATE is tested from every earlier version
# the server offers (pg_available_extension_versions): that version is
# installed, given data, updated to the default version, and the data must
# survive.  Today there is no earlier version (0.1.0 is the first); the
# script says so rather than inventing one.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/lib.sh

# One line per checked query: "name md5"
fingerprint() { # DB
	rel_value "$1" "
		CREATE FUNCTION pg_temp.rel_md5(r regclass) RETURNS text LANGUAGE plpgsql AS \$f\$
		DECLARE
			x	text;
		BEGIN
			EXECUTE format('SELECT string_agg(t::text, E''\\n'' ORDER BY t::text) FROM %s t', r) INTO x;
			RETURN x;
		END \$f\$;
		SELECT format('%s %s %s', q.name, coalesce(length(q.result), 0), md5(coalesce(q.result, '')))
		FROM (
			SELECT 'table ' || c.relname AS name, pg_temp.rel_md5(c.oid) AS result
			  FROM pg_class c
			 WHERE c.relnamespace = 'goalmetrics'::regnamespace AND c.relkind IN ('r', 'v')
			UNION ALL
			SELECT 'annual_report ' || y, (SELECT string_agg(r::text, E'\\n')
				FROM goalmetrics.annual_report(y) r) FROM generate_series(2014, 2016) y
			UNION ALL
			SELECT 'targets in three styles', (SELECT string_agg(format('%s|%s|%s|%s|%s|%s', t.target,
				goalmetrics.format_target(t.target, 'english'), goalmetrics.format_target(t.target, 'symbolic'),
				goalmetrics.target_value(t.target), goalmetrics.target_unit(t.target),
				goalmetrics.target_comparator(t.target)), E'\\n' ORDER BY t.metric_id, t.year)
				FROM goalmetrics.target t)
			UNION ALL
			SELECT 'user table', (SELECT string_agg(u::text, E'\\n' ORDER BY u.id) FROM public.my_targets u)
			UNION ALL
			SELECT 'user index order', (SELECT string_agg(u.id::text, ',') FROM
				(SELECT id FROM public.my_targets ORDER BY t, id) u)
			UNION ALL
			SELECT 'sequences', (SELECT string_agg(format('%s=%s', s.relname,
				pg_sequence_last_value(s.oid)), ',' ORDER BY s.relname)
				FROM pg_class s WHERE s.relnamespace = 'goalmetrics'::regnamespace AND s.relkind = 'S')
		) q ORDER BY 1"
}

# Populate gm_dump beyond populate.sql: notes, a NULL outcome, a mapping,
# a user table of targets with a btree index
dump_populate() {
	rel_psql gm_dump -c 'CREATE EXTENSION goalmetrics' >/dev/null || return 1
	rel_psql gm_dump -v committees=10 -f test/reliability/populate.sql >/dev/null || return 1
	rel_psql gm_dump >/dev/null <<'SQL' || return 1
UPDATE goalmetrics.outcome SET note = 'Mätningen byttes ut; ' || metric_id WHERE metric_id % 11 = 0;
UPDATE goalmetrics.outcome SET value = NULL, note = 'Ingen mätning i år' WHERE metric_id % 13 = 0 AND year = 2015;
INSERT INTO goalmetrics.perspective (name_sv, name_en, sort) VALUES ('Medarbetare', 'Employees', 5);
-- goal chains pointing forward and backward in goal_id order
UPDATE goalmetrics.goal SET parent_goal_id = goal_id + 1 WHERE goal_id % 7 = 0
	AND goal_id + 1 IN (SELECT goal_id FROM goalmetrics.goal);
UPDATE goalmetrics.goal SET parent_goal_id = goal_id - 3 WHERE goal_id % 7 = 3
	AND goal_id - 3 IN (SELECT goal_id FROM goalmetrics.goal);
INSERT INTO goalmetrics.committee_member (member, committee_id)
	SELECT 'goalmetrics_reader', committee_id FROM goalmetrics.committee ORDER BY committee_id LIMIT 1;
CREATE TABLE public.my_targets (id int PRIMARY KEY, t goalmetrics.metric_target NOT NULL);
INSERT INTO public.my_targets
	SELECT row_number() OVER (ORDER BY metric_id, year), target FROM goalmetrics.target;
INSERT INTO public.my_targets VALUES (1000001, 'Minst 42,0'), (1000002, 'Öka från 70 % till 75 %'),
	(1000003, '100 %'), (1000004, 'Mellan -1 000,5 och 999 999 999 999 999 kr'), (1000005, 'Minst index 79');
CREATE INDEX my_targets_t ON public.my_targets (t);
SELECT goalmetrics.refresh_summary(y) FROM generate_series(2014, 2016) y;
SQL
}

# Strip what legitimately differs between two plain dumps of equal data:
# the version lines, and the order of a table's rows inside its COPY block
# (pg_dump writes them in physical order, and a heap filled by INSERTs of
# rows of varying width, as refresh_summary() writes summary, places them
# otherwise than a COPY of the same rows does)
plain_dump() { # DB FILE
	"$REL_BINDIR/pg_dump" -Fp "$1" 2>/dev/null |
		grep -v '^-- Dumped \(from\|by\)\|^\\\(un\)\?restrict ' |
		perl -ne 'if (/^COPY .* FROM stdin;$/) { print; @r = (); $in = 1; next }
			if ($in && /^\\\.$/) { print sort @r; print; $in = 0; next }
			if ($in) { push @r, $_; next } print' >"$2"
}

dump_test() {
	"$REL_BINDIR/createdb" gm_dump || return 1
	dump_populate || { rel_fail "dump: populating"; return 1; }
	fingerprint gm_dump >"$REL_DIR/fp-original"
	plain_dump gm_dump "$REL_DIR/original.sql"
	echo "dump: $(wc -l <"$REL_DIR/fp-original") fingerprints, $(rel_value gm_dump 'SELECT count(*) FROM goalmetrics.outcome') outcomes, plain dump $(wc -c <"$REL_DIR/original.sql") bytes"

	# custom format: pg_dump -Fc, pg_restore into a new database
	"$REL_BINDIR/pg_dump" -Fc -f "$REL_DIR/dump.custom" gm_dump 2>"$REL_DIR/dump-custom.log"
	"$REL_BINDIR/createdb" gm_restored_custom
	"$REL_BINDIR/pg_restore" --exit-on-error -d gm_restored_custom "$REL_DIR/dump.custom" \
		>"$REL_DIR/restore-custom.log" 2>&1
	rel_check "dump: pg_restore of the custom dump succeeds" [ $? -eq 0 ]
	# plain format: pg_dump -Fp, psql into a new database
	"$REL_BINDIR/createdb" gm_restored_plain
	rel_psql gm_restored_plain -f "$REL_DIR/original.sql" >"$REL_DIR/restore-plain.log" 2>&1
	rel_check "dump: psql of the plain dump succeeds" [ $? -eq 0 ]

	local fmt db d
	for fmt in custom plain; do
		db=gm_restored_$fmt
		fingerprint "$db" >"$REL_DIR/fp-$fmt"
		d=$(diff "$REL_DIR/fp-original" "$REL_DIR/fp-$fmt")
		[ -n "$d" ] && echo "$d" | head -n 20
		rel_check "dump $fmt: all $(wc -l <"$REL_DIR/fp-original") query results identical (tables, views, annual reports, targets, user table, sequences)" \
			[ -z "$d" ]
		plain_dump "$db" "$REL_DIR/again-$fmt.sql"
		rel_check "dump $fmt: the restored database dumps to the same text" \
			cmp -s "$REL_DIR/original.sql" "$REL_DIR/again-$fmt.sql"
		rel_check "dump $fmt: the four shipped perspectives are not doubled" \
			[ "$(rel_value "$db" "SELECT count(*) FROM goalmetrics.perspective WHERE shipped")" = "4" ]
		rel_check "dump $fmt: new rows continue the sequences" \
			rel_psql "$db" -c "INSERT INTO goalmetrics.committee (name) VALUES ('Ny nämnd efter återläsning')" \
			-c "INSERT INTO goalmetrics.goal (committee_id, perspective_id, title) SELECT max(committee_id), 1, 'Nytt mål' FROM goalmetrics.committee" \
			-c "INSERT INTO goalmetrics.metric (goal_id, name) SELECT max(goal_id), 'Nytt mätetal' FROM goalmetrics.goal"
		rel_check "dump $fmt: the index on a metric_target column is valid and used" \
			bash -c "'$REL_BINDIR/psql' -X -At -d $db -c 'SET enable_seqscan = off' -c 'SET search_path = public, goalmetrics' -c \"EXPLAIN SELECT * FROM public.my_targets WHERE t = 'Minst 65 %'\" | grep -q my_targets_t && '$REL_BINDIR/psql' -X -At -d $db -c 'CREATE EXTENSION IF NOT EXISTS amcheck' -c \"SELECT bt_index_check('public.my_targets_t', true)\" >/dev/null"
		rel_check "dump $fmt: refresh_summary works and changes nothing" \
			[ "$(rel_value "$db" "SELECT sum(goalmetrics.refresh_summary(y)) FROM generate_series(2014, 2016) y; $(cat test/reliability/summary_check.sql)" | tail -n 1)" = "0" ]
	done
	[ -n "${REL_KEEP:-}" ] && return 0
	"$REL_BINDIR/dropdb" gm_restored_custom
	"$REL_BINDIR/dropdb" gm_restored_plain
	"$REL_BINDIR/dropdb" gm_dump
}

update_test() {
	local default versions v
	default=$(rel_value postgres "SELECT default_version FROM pg_available_extensions WHERE name = 'goalmetrics'")
	versions=$(rel_value postgres "SELECT version FROM pg_available_extension_versions
		WHERE name = 'goalmetrics' AND version <> '$default' ORDER BY version")
	echo "update: default version $default; earlier versions offered: ${versions:-none}"
	if [ -z "$versions" ]; then
		echo "update: there is no earlier released version of goalmetrics, so no update path to test (ALTER EXTENSION ... UPDATE is a no-op)"
		"$REL_BINDIR/createdb" gm_update
		rel_psql gm_update -c 'CREATE EXTENSION goalmetrics' >/dev/null
		rel_check "update: ALTER EXTENSION goalmetrics UPDATE on $default keeps it at $default" \
			[ "$(rel_value gm_update "ALTER EXTENSION goalmetrics UPDATE; SELECT extversion FROM pg_extension WHERE extname = 'goalmetrics'" 2>/dev/null)" = "$default" ]
		"$REL_BINDIR/dropdb" gm_update
		return 0
	fi
	for v in $versions; do
		"$REL_BINDIR/createdb" gm_update
		rel_psql gm_update -c "CREATE EXTENSION goalmetrics VERSION '$v'" >/dev/null
		# data through the oldest interface: the base tables
		rel_psql gm_update >/dev/null <<'SQL'
INSERT INTO goalmetrics.committee (name) VALUES ('Uppgraderingsnämnden');
INSERT INTO goalmetrics.goal (committee_id, perspective_id, title)
	SELECT committee_id, (SELECT min(perspective_id) FROM goalmetrics.perspective), 'Data överlever'
	FROM goalmetrics.committee;
INSERT INTO goalmetrics.metric (goal_id, name) SELECT goal_id, 'Mätetal' FROM goalmetrics.goal;
INSERT INTO goalmetrics.target (metric_id, year, target) SELECT metric_id, 2016, 'Minst 65 %' FROM goalmetrics.metric;
INSERT INTO goalmetrics.outcome (metric_id, year, value) SELECT metric_id, 2016, 59 FROM goalmetrics.metric;
SQL
		local before after
		before=$(rel_value gm_update "SELECT string_agg(format('%s %s %s', t.target, o.value, goalmetrics.status(o.value, t.target)), ',') FROM goalmetrics.target t JOIN goalmetrics.outcome o USING (metric_id, year)")
		rel_check "update: ALTER EXTENSION goalmetrics UPDATE from $v to $default" \
			rel_psql gm_update -c "ALTER EXTENSION goalmetrics UPDATE"
		after=$(rel_value gm_update "SELECT string_agg(format('%s %s %s', t.target, o.value, goalmetrics.status(o.value, t.target)), ',') FROM goalmetrics.target t JOIN goalmetrics.outcome o USING (metric_id, year)")
		rel_check "update from $v: the data is kept ($after)" [ -n "$before" -a "$before" = "$after" ]
		"$REL_BINDIR/dropdb" gm_update
	done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	ensure_test_packages || exit 1
	rel_build_and_install || exit 1
	rel_init dump || exit 1
	rel_start || exit 1
	dump_test
	update_test
	rel_summary dump
fi
