#!/usr/bin/env bash
# The report people read, in a real browser and a real spreadsheet:
# report_html() pages rendered by headless Chromium, checked in the page
# itself (test/report/checks.js) at 1280 px and 390 px; a screenshot that
# is not blank; the page printed to PDF; report_csv() opened by
# LibreOffice Calc in Swedish.  Runs inside pg_virtualenv (test/suites.sh);
# prints TAP-like lines and writes "passed failed" to $1/report.count.
# Alone, after make install: pg_virtualenv bash test/report/run.sh /tmp/x
set -uo pipefail
log=$1
cd "$(dirname "$0")/../.."
. test/report/browser.sh

work=$(mktemp -d /tmp/goalmetrics-report.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

passed=0
failed=0
check() { # check DESCRIPTION CONDITION...
	local desc=$1
	shift
	if "$@"; then
		echo "ok - $desc"
		passed=$((passed + 1))
	else
		echo "not ok - $desc"
		failed=$((failed + 1))
	fi
}
finish() {
	echo "report checks: $passed passed, $failed failed"
	echo "$passed $failed" >"$log/report.count"
	exit 0
}
eq() { [ "$1" = "$2" ] || { echo "#   have: $1" >&2; echo "#   want: $2" >&2; return 1; }; }
q() { PGCLIENTENCODING=UTF8 psql -X -qAt -v ON_ERROR_STOP=1 -d "$@"; }

if ! command -v chromium >/dev/null; then
	check "chromium is installed (test/lib.sh installs it)" false
	finish
fi

# ------------------------------------------------------------------ data
for db in gm_report gm_hostile; do dropdb --if-exists "$db" 2>/dev/null; done
createdb -E UTF8 -T template0 --locale=C gm_report
q gm_report -c 'CREATE EXTENSION goalmetrics' -f data/helsingborg-2016.sql -f test/report/assessments.sql >/dev/null
createdb -E UTF8 -T template0 --locale=C gm_hostile
q gm_hostile -c 'CREATE EXTENSION goalmetrics' -f test/report/hostile.sql >/dev/null

# page DB LANG NAME SEEDS [HOSTILE]: the page and its test copy, which
# carries the expectations and checks.js before </body>
page() {
	local db=$1 lang=$2 name=$3 seeds=$4 hostile=${5:-null}
	q "$db" -c "SELECT goalmetrics.report_html(2016, NULL, '$lang')" -o "$work/$name.html"
	q "$db" -v year=2016 -v lang="$lang" -f test/report/expected.sql -o "$work/$name.json"
	perl -e '
		my ($page, $json, $seeds, $hostile, $js, $name) = @ARGV;
		local $/;
		my @f = map { open(my $h, "<", $_) or die "$_: $!"; my $t = <$h>; $t } ($page, $json, $seeds, $js);
		$f[2] =~ s{</}{<\\/}g;
		my $script = qq{<script id="gm-test">var EXPECTED = $f[1];\nEXPECTED.seeds = $f[2];\nEXPECTED.hostile = $hostile;\nEXPECTED.page = "$name";\nEXPECTED.width = +location.hash.slice(1);\n$f[3]</script>};
		$f[0] =~ s{</body>}{$script</body>} or die "no </body> in $page";
		print $f[0];
	' "$work/$name.html" "$work/$name.json" "$seeds" "$hostile" test/report/checks.js "$name" >"$work/$name-test.html"
}
# verdict NAME WIDTH: run the page's checks in Chromium, the page in a
# frame WIDTH px wide (a headless window is at least 500 px wide); the
# frame posts its verdict to the wrapper page, which --dump-dom prints
verdict() {
	local name=$1 width=$2 dom="$work/$1-$2.dom" line n=0
	cat >"$work/$name-$width.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}iframe{border:0;display:block}</style></head>
<body><iframe src="$name-test.html#$width" width="$width" height="900"></iframe>
<script>addEventListener('message', function (e) { var v = document.createElement('pre'); v.id = 'gm-verdict'; v.textContent = e.data; document.body.appendChild(v); });</script>
</body></html>
HTML
	browser --window-size=1300,1000 --hide-scrollbars --virtual-time-budget=10000 --dump-dom \
		"file://$work/$name-$width.html" >"$dom"
	while IFS= read -r line; do
		case $line in
		"ok - "*) passed=$((passed + 1)) n=$((n + 1)); echo "$line" ;;
		"not ok - "*) failed=$((failed + 1)) n=$((n + 1)); echo "$line" ;;
		"# "*) echo "#   ${line#\# }" ;;
		esac
	done < <(perl -0ne 'if (m{<pre id="gm-verdict">(.*?)</pre>}s) { $_ = $1; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/\x27/g; s/&amp;/&/g; print }' "$dom")
	check "$name at $width px: the page's checks ran ($n)" [ "$n" -ge 9 ]
}

# ------------------------------------------------- the pages in Chromium
page gm_report sv report-sv test/report/seeds.json
page gm_report en report-en test/report/seeds-en.json
hostile=$(q gm_hostile -c "SELECT replace(json_build_array(
	json_build_object('selector', 'section.committee h2', 'text', (SELECT name FROM goalmetrics.committee)),
	json_build_object('selector', 'section.perspective h3 span:not(.st):not(.rollup)',
					  'text', (SELECT name_sv FROM goalmetrics.perspective WHERE sort = 5) || ' – nämndens mål och mätetal'),
	json_build_object('selector', '.goal-title', 'text', (SELECT title FROM goalmetrics.goal WHERE sort = 1)),
	json_build_object('selector', 'th.name', 'text', (SELECT name FROM goalmetrics.metric WHERE name LIKE '\"Andel\"%')))::text, '</', '<\\/')")
page gm_hostile sv hostile test/report/seeds-hostile.json "$hostile"
for name in report-sv report-en hostile; do
	for width in 1280 390; do verdict "$name" "$width"; done
done

# the markup as written, beside the browser's reading of it
check "the hostile names reach the page only as character references" \
	eq "$(grep -c -e '<script>window' -e '<img src' -e '<b>fet' -e '<i>kursiv' "$work/hostile.html")" 0
check "an unknown committee is an error (22023), not an empty page" \
	eq "$(q gm_report -v VERBOSITY=verbose -c "SELECT goalmetrics.report_html(2016, 'Nämnden som inte finns')" 2>&1 | grep -c '^ERROR:  22023: no committee named "Nämnden som inte finns"')" 1

# ------------------------------------------------------------ screenshot
browser --window-size=1280,1400 --hide-scrollbars --screenshot="$work/report.png" "file://$work/report-sv.html" >/dev/null
shot=$(perl test/report/png_check.pl "$work/report.png" "$(q gm_report -c "SELECT goalmetrics.status_colour('fulfilled')")" \
	"$(q gm_report -c "SELECT goalmetrics.status_colour('partly')")" \
	"$(q gm_report -c "SELECT goalmetrics.status_colour('not_fulfilled')")" 2>&1)
echo "# screenshot: $shot"
check "the screenshot is not blank: text, lines and the green, yellow and red symbols are drawn" \
	perl -e 'my ($s) = @ARGV; my ($nw) = $s =~ /nonwhite=([\d.]+)/; my @c = $s =~ /=(\d+)/g; shift @c;
		exit !($s =~ /^1280x1400 / && $nw >= 3 && @c == 3 && !grep { $_ < 100 } @c)' "$shot"

# ----------------------------------------------------------------- print
browser --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report-sv.html" >/dev/null
pages=$(grep -a -c '/Type /Page$\|/Type /Page[^s]' "$work/report.pdf" 2>/dev/null || echo 0)
echo "# printed: $(wc -c <"$work/report.pdf" 2>/dev/null || echo 0) bytes, $pages pages"
check "the page prints to PDF, the second committee on a page of its own (3 or more pages)" [ "$pages" -ge 3 ]

# ------------------------------------------------------------ spreadsheet
# report_csv() written with psql as doc/report.md says, opened by
# LibreOffice Calc with Swedish settings (language 1053), read back as a
# flat OpenDocument file: numbers must be numbers.
csv() { # csv DB FILE
	PGCLIENTENCODING=UTF8 psql -X -qAt -d "$1" -c 'SELECT goalmetrics.report_csv(2016)' -o "$2"
}
csv gm_report "$work/report.csv"
csv gm_hostile "$work/hostile.csv"
check "the CSV starts with the UTF-8 byte order mark and a semicolon header" \
	eq "$(head -c 21 "$work/report.csv" | od -An -tx1)" "$(printf '\357\273\277N\303\244mnd;Perspektiv;' | od -An -tx1)"
check "... has CRLF line ends, one line per metric and the header" \
	eq "$(grep -c $'\r$' "$work/report.csv")" "$(($(q gm_report -c 'SELECT count(*) FROM goalmetrics.annual_report(2016)') + 1))"
if command -v soffice >/dev/null; then
	for f in report hostile; do
		timeout 120 soffice --headless "-env:UserInstallation=file://$work/lo-profile" \
			--infilter='CSV:59,34,76,1,,1053' --convert-to fods --outdir "$work" "$work/$f.csv" >"$work/lo-$f.out" 2>&1
	done
	cells() { perl test/report/fods_cells.pl "$1"; }
	cells "$work/report.fods" >"$work/report.cells"
	cells "$work/hostile.fods" >"$work/hostile.cells"
	check "LibreOffice (Swedish) reads the header as written: Nämnd, Perspektiv, Mål, Mätetal, Utfall 2014 ..." \
		eq "$(head -n 1 "$work/report.cells")" \
		"string:Nämnd|string:Perspektiv|string:Mål|string:Mätetal|string:Utfall 2014|string:Utfall 2015|string:Utfall 2016|string:Enhet|string:Målvärde 2016|string:Status|string:Trend|string:Målets bedömning|string:Målanalys"
	check "... every outcome of the demo as a number (all $(q gm_report -c "SELECT count(o) FROM goalmetrics.outcome o WHERE year BETWEEN 2014 AND 2016") of them)" \
		eq "$(tail -n +2 "$work/report.cells" | cut -d'|' -f5-7 | tr '|' '\n' | grep -c '^float:')" \
		"$(q gm_report -c "SELECT count(o) FROM goalmetrics.outcome o WHERE year BETWEEN 2014 AND 2016")"
	check "... a metric row cell by cell: 2315, 2175, 2086, barn, Högst 2 100 barn, the label, the trend" \
		eq "$(grep -F 'string:Barn i försörjningsstödshushåll' "$work/report.cells" | cut -d'|' -f4-)" \
		"string:Barn i försörjningsstödshushåll|float:2315|float:2175|float:2086|string:barn|string:Högst 2 100 barn|string:Uppfyllelse 100 procent|string:Förbättras"
	check "... each goal's assessed status and analysis beside each of its metrics" \
		eq "$(grep -c -F '|string:Testanalys: två av fem mätetal nådde målvärdet & <b>inte</b> fler.' "$work/report.cells")|$(grep -c -F '|string:Uppfyllelse 100 procent|string:Testanalys: egenförsörjningen' "$work/report.cells")" \
		"$(q gm_report -c "SELECT count(*) FILTER (WHERE goal = 'Vi ska vara en ledande samarbetspartner') || '|' || count(*) FILTER (WHERE goal = 'Invånarnas egenförsörjning ska öka') FROM goalmetrics.annual_report(2016)")"
	check "... decimals, a negative and a large number as numbers: 70.5 71.25 72.3, -4.5 1234567.89" \
		eq "$(tail -n +2 "$work/hostile.cells" | cut -d'|' -f5-7 | tr '\n' ' ')" \
		"|float:60|float:66 float:70.5|float:71.25|float:72.3 |float:-4.5|float:1234567.89 ||float:7 "
	check "... names with quotes, semicolons of markup and & as text; a formula is not run" \
		eq "$(tail -n +2 "$work/hostile.cells" | cut -d'|' -f4)" \
		"string:\"Andel\" <i>kursiv</i> & 'citat' </td></tr></table>
string:Andel med decimaler
string:'=SUM(A1:A2)
string:Ett enda utfall"
else
	check "LibreOffice Calc is installed (test/lib.sh installs libreoffice-calc-nogui)" false
fi

finish
