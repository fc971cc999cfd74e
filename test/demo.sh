#!/usr/bin/env bash
# make demo: install what is missing, build and install the extension, then
# in a throwaway cluster (pg_virtualenv, removed afterwards) load the bundled
# Helsingborg 2016 data through the import path and print the 2016 annual
# report of both committees, followed by the goal, perspective and
# committee roll-ups; then writes the same report as a web page,
# report-2016.html (report_html(), doc/report.md), and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
export HTML_OUT=${HTML_OUT:-$PWD/report-2016.html}

if [ "${1:-}" = "--inside" ]; then
	# Runs inside pg_virtualenv (PGHOST, PGPORT, PGUSER, PGPASSWORD are set).
	createdb goalmetrics_demo
	export PGDATABASE=goalmetrics_demo
	psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION goalmetrics' >/dev/null
	echo "== Loading data/helsingborg-2016.sql (COPY into report_import, then import_report())"
	psql -X -q -v ON_ERROR_STOP=1 -f data/helsingborg-2016.sql
	psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
\pset null '-'
\pset footer off
\echo
\echo == Annual report 2016: Arbetsmarknadsnämnden
SELECT perspective, goal, metric, outcome_prev2 AS "2014", outcome_prev1 AS "2015", outcome AS "2016",
       target AS "Målvärde 2016", status_label, trend
  FROM goalmetrics.annual_report(2016, 'Arbetsmarknadsnämnden');
\echo
\echo == Annual report 2016: Socialnämnden
SELECT perspective, goal, metric, outcome_prev2 AS "2014", outcome_prev1 AS "2015", outcome AS "2016",
       target AS "Målvärde 2016", status_label, trend
  FROM goalmetrics.annual_report(2016, 'Socialnämnden');
\echo
\echo == Goals 2016 (mean of the metrics of each goal, each capped at 100 %)
SELECT committee, perspective, goal, round(fulfilment, 1) AS "fulfilment %", status_label,
       metrics, fulfilled, partly, not_fulfilled, not_followed_up
  FROM goalmetrics.goal_status WHERE year = 2016
 ORDER BY committee_sort, committee, perspective_sort, goal_sort;
\echo
\echo == Perspectives 2016 (mean of their goals, each goal once)
SELECT committee, perspective, round(fulfilment, 1) AS "fulfilment %", status_label, goals, metrics
  FROM goalmetrics.perspective_status WHERE year = 2016
 ORDER BY committee_sort, committee, perspective_sort;
\echo
\echo == Committees 2016 (mean of all their goals, each goal once)
SELECT committee, round(fulfilment, 1) AS "fulfilment %", status_label, goals, metrics,
       fulfilled, partly, not_fulfilled, not_followed_up
  FROM goalmetrics.committee_status WHERE year = 2016
 ORDER BY committee_sort, committee;
SQL
	# the same report as the web page people read (doc/report.md)
	PGCLIENTENCODING=UTF8 psql -X -qAt -v ON_ERROR_STOP=1 -c 'SELECT goalmetrics.report_html(2016)' -o "$HTML_OUT"
	echo
	echo "== The 2016 report as a web page: $HTML_OUT (open it in a browser)"
	exit 0
fi

. test/lib.sh
ensure_test_packages
build_and_install
# goalmetrics preloaded, as doc/settings.md's "Install" says
pg_virtualenv -t -v "$PG_MAJOR" -o 'shared_preload_libraries=goalmetrics' bash test/demo.sh --inside
