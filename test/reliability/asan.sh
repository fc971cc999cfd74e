#!/usr/bin/env bash
# The whole pg_regress suite and the pgTAP suite against goalmetrics.so
# built with AddressSanitizer and UndefinedBehaviorSanitizer, in a
# throwaway cluster whose server runs with libasan preloaded.  Passes when
# both suites pass and the sanitizers reported nothing.
#
# Nothing shared is touched: the source tree is copied, and the server is
# a relocated copy of the installed PostgreSQL (PostgreSQL finds its lib/
# and share/ relative to its binaries), so the sanitized goalmetrics.so is
# installed only into that copy.  Your normal build and the system's
# installed extension stay as they were; the copy is removed at the end.
#
# Usage: test/reliability/asan.sh      (as root, or with sudo available)
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/lib.sh

ensure_test_packages || exit 1

LIBASAN=$(gcc -print-file-name=libasan.so)
LIBASAN=$(readlink -f "$LIBASAN")
[ -f "$LIBASAN" ] || {
	echo "asan: libasan not found (gcc -print-file-name=libasan.so)" >&2
	exit 1
}

W=$(mktemp -d /tmp/goalmetrics-asan.XXXXXX)
chmod 755 "$W"

# With libasan preloaded, Debian 12's PostgreSQL 15 hangs at start-up in
# glibc's bindtextdomain() (a deadlock on glibc's internal _nl_state_lock,
# whose reader count is found corrupted; postgres -V and psql --version
# hang the same way, with gcc's and clang's runtime alike).  A tiny
# preloaded shim replaces the gettext family with the untranslated
# message, so that lock is never taken; messages are English anyway.
cat >"$W/nls_shim.c" <<'EOF_SHIM'
char *gettext(const char *m) { return (char *) m; }
char *dgettext(const char *d, const char *m) { (void) d; return (char *) m; }
char *dcgettext(const char *d, const char *m, int c) { (void) d; (void) c; return (char *) m; }
char *ngettext(const char *a, const char *b, unsigned long n) { return (char *) (n == 1 ? a : b); }
char *dngettext(const char *d, const char *a, const char *b, unsigned long n) { (void) d; return (char *) (n == 1 ? a : b); }
char *dcngettext(const char *d, const char *a, const char *b, unsigned long n, int c) { (void) d; (void) c; return (char *) (n == 1 ? a : b); }
char *textdomain(const char *d) { return (char *) (d ? d : "messages"); }
char *bindtextdomain(const char *d, const char *dir) { (void) d; return (char *) dir; }
char *bind_textdomain_codeset(const char *d, const char *c) { (void) d; return (char *) c; }
EOF_SHIM
gcc -shared -fPIC -O2 -o "$W/nls_shim.so" "$W/nls_shim.c" || exit 1
cleanup_asan() {
	rel_cleanup
	rm -rf "$W"
}

# 1. a relocated copy of the server
PGV=$PG_MAJOR
mkdir -p "$W/pg/usr/lib/postgresql" "$W/pg/usr/share/postgresql" "$W/pg/usr/include/postgresql"
cp -a "/usr/lib/postgresql/$PGV" "$W/pg/usr/lib/postgresql/"
cp -a "/usr/share/postgresql/$PGV" "$W/pg/usr/share/postgresql/"
ln -s "/usr/include/postgresql/$PGV" "$W/pg/usr/include/postgresql/$PGV"
# the copy must not carry an installed goalmetrics from the system
rm -f "$W/pg/usr/lib/postgresql/$PGV/lib/goalmetrics.so" \
	"$W"/pg/usr/share/postgresql/"$PGV"/extension/goalmetrics*
REL_BINDIR=$W/pg/usr/lib/postgresql/$PGV/bin
ASAN_PG_CONFIG=$REL_BINDIR/pg_config
[ "$("$ASAN_PG_CONFIG" --pkglibdir)" = "$W/pg/usr/lib/postgresql/$PGV/lib" ] || {
	echo "asan: the relocated server does not find its own lib/" >&2
	rm -rf "$W"
	exit 1
}

# 2. a sanitized build of a copy of the tree
mkdir -p "$W/src"
tar cf - --exclude=.git --exclude='*.o' --exclude='*.bc' --exclude='*.so' \
	--exclude=results --exclude='goalmetrics--[0-9]*.sql' . | tar xf - -C "$W/src"
SAN_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
echo "asan: building goalmetrics.so with $SAN_FLAGS"
if ! make -s -C "$W/src" PG_CONFIG="$ASAN_PG_CONFIG" \
	PG_CFLAGS="-Wall -Wextra -Werror $SAN_FLAGS -DGM_PORTABLE_ARITH" \
	PG_LDFLAGS="-fsanitize=address,undefined" >"$W/build.log" 2>&1 ||
	! make -s -C "$W/src" PG_CONFIG="$ASAN_PG_CONFIG" install >>"$W/build.log" 2>&1; then
	cat "$W/build.log" >&2
	rm -rf "$W"
	echo "0 passed, 1 failed (asan build)"
	exit 1
fi
SO=$W/pg/usr/lib/postgresql/$PGV/lib/goalmetrics.so
chown -R postgres: "$W/src" 2>/dev/null || true

# 3. a cluster on the copy, with the sanitizer runtime preloaded (and
# goalmetrics in every session, as in make test's cluster: the suites expect
# the settings from a session's first statement, doc/settings.md, "Install")
rel_init asan "shared_buffers = 128MB" "max_parallel_workers_per_gather = 2" \
	"session_preload_libraries = 'goalmetrics'" || exit 1
trap cleanup_asan EXIT
mkdir -p "$W/reports"
chmod 777 "$W/reports"
REL_ENV="LD_PRELOAD=$LIBASAN:$W/nls_shim.so"
REL_ENV+=" ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_odr_violation=0:log_path=$W/reports/asan"
REL_ENV+=" UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=$W/reports/ubsan"
rel_start || exit 1

# the library really is instrumented, and really runs under the runtime
rel_check "goalmetrics.so is instrumented (calls __asan_report_*, __ubsan_handle_*)" \
	bash -c "nm -D '$SO' | grep -q __asan_report && nm -D '$SO' | grep -q __ubsan_handle"
"$REL_BINDIR/createdb" asan_probe
maps=$(rel_value asan_probe "CREATE EXTENSION goalmetrics; SELECT goalmetrics.goalmetrics_version(); SELECT pg_read_file('/proc/self/maps')")
rel_check "a backend that loaded goalmetrics maps libasan and the sanitized library" \
	bash -c "grep -q libasan <<<'$maps' && grep -q '$SO' <<<'$maps'"
"$REL_BINDIR/dropdb" asan_probe

# 4. the suites
echo "asan: pg_regress"
make -s -C "$W/src" PG_CONFIG="$ASAN_PG_CONFIG" installcheck >"$W/regress.out" 2>&1
rstatus=$?
cat "$W/regress.out"
[ -f "$W/src/regression.diffs" ] && head -n 100 "$W/src/regression.diffs"
rel_check "pg_regress suite passes under ASan/UBSan" [ "$rstatus" -eq 0 ]

echo "asan: pgTAP"
"$REL_BINDIR/createdb" goalmetrics_tap
rel_psql goalmetrics_tap -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION goalmetrics'
(cd "$W/src" && PATH=$REL_BINDIR:$PATH pg_prove -v -d goalmetrics_tap test/pgtap/*.sql) >"$W/pgtap.out" 2>&1
tstatus=$?
grep -vE '^\s*ok ' "$W/pgtap.out" | grep -vE '^\s*$' | tail -n 40
rel_check "pgTAP suite passes under ASan/UBSan ($(grep -cE '^\s*ok ' "$W/pgtap.out" || true) assertions)" \
	[ "$tstatus" -eq 0 ]

# random targets through the server (sql_fuzz.sql), under the sanitizers
echo "asan: sql_fuzz"
"$REL_BINDIR/createdb" gm_sql_fuzz
rel_psql gm_sql_fuzz -c 'CREATE EXTENSION goalmetrics'
"$REL_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -v n="${SQL_FUZZ_N:-50000}" -d gm_sql_fuzz \
	-f test/reliability/sql_fuzz.sql >"$W/sql_fuzz.out" 2>&1
fstatus=$?
grep -E '^sql_fuzz|ERROR' "$W/sql_fuzz.out" | sed 's/^/asan: /'
rel_check "sql_fuzz: $(sed -n 's/^sql_fuzz strings //p' "$W/sql_fuzz.out") random strings, $(sed -n 's/^sql_fuzz parsed //p' "$W/sql_fuzz.out") read, every property holds" \
	bash -c "[ $fstatus -eq 0 ] && ! grep -qE '^sql_fuzz violations_[a-z_]+ [1-9]' '$W/sql_fuzz.out' && grep -q '^sql_fuzz violations_parallel 0' '$W/sql_fuzz.out'"

# crafted aggregate states through recv, in and every support function
# (state_fuzz.sql), under the sanitizers
echo "asan: state_fuzz"
"$REL_BINDIR/createdb" gm_state_fuzz
rel_psql gm_state_fuzz -c 'CREATE EXTENSION goalmetrics'
"$REL_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -v n="${STATE_FUZZ_N:-3000}" -d gm_state_fuzz \
	-f test/reliability/state_fuzz.sql >"$W/state_fuzz.out" 2>&1
sstatus=$?
grep -E '^state_fuzz|ERROR' "$W/state_fuzz.out" | sed 's/^/asan: /'
rel_check "state_fuzz: $(sed -n 's/^state_fuzz rollup_binary_tried //p' "$W/state_fuzz.out") + $(sed -n 's/^state_fuzz trend_binary_tried //p' "$W/state_fuzz.out") mutated binary states, $(sed -n 's/^state_fuzz rollup_text_tried //p' "$W/state_fuzz.out") + $(sed -n 's/^state_fuzz trend_text_tried //p' "$W/state_fuzz.out") texts, every property holds" \
	bash -c "[ $sstatus -eq 0 ] && ! grep -qE '^state_fuzz violations_[a-z_]+ [1-9]' '$W/state_fuzz.out' && grep -q '^state_fuzz violations_support_error 0' '$W/state_fuzz.out'"

# 5. no sanitizer report, no backend killed
rel_stop
nrep=$(find "$W/reports" -type f | wc -l)
if [ "$nrep" -ne 0 ]; then
	for f in "$W"/reports/*; do
		echo "== $f"
		head -n 60 "$f"
	done
fi
rel_check "no sanitizer report files ($nrep)" [ "$nrep" -eq 0 ]
rel_check "no sanitizer output in the server log" \
	bash -c "! grep -E 'AddressSanitizer|UndefinedBehaviorSanitizer|runtime error:' '$REL_DIR/server.log'"
rel_check "no backend terminated by a signal" \
	bash -c "! grep -E 'terminated by signal|was terminated' '$REL_DIR/server.log'"

# 6. positive control: a deliberately broken C function (a heap overflow)
# in a separate sanitized library must produce a report, so that the
# silence above means something.
cat >"$W/canary.c" <<'EOF_CANARY'
#include "postgres.h"
#include "fmgr.h"
#include <stdlib.h>
PG_MODULE_MAGIC;
PG_FUNCTION_INFO_V1(canary_overflow);
Datum
canary_overflow(PG_FUNCTION_ARGS)
{
	volatile char *p = malloc(8);
	int32		n = PG_GETARG_INT32(0);
	p[n] = 1;
	free((void *) p);
	PG_RETURN_INT32(n);
}
EOF_CANARY
gcc -shared -fPIC $SAN_FLAGS -isystem "$("$ASAN_PG_CONFIG" --includedir-server)" \
	-o "$W/canary.so" "$W/canary.c" && chmod 755 "$W/canary.so"
rel_start || exit 1
"$REL_BINDIR/createdb" asan_canary
rel_psql asan_canary -c "CREATE FUNCTION canary_overflow(int) RETURNS int AS '$W/canary.so' LANGUAGE C STRICT" \
	-c "SELECT canary_overflow(8)" >/dev/null 2>&1
sleep 2
rel_check "positive control: a heap overflow is reported ($(find "$W/reports" -type f | wc -l) report)" \
	bash -c "grep -qs 'heap-buffer-overflow' '$W'/reports/*"
rel_check "and the server recovers and answers" \
	bash -c "for i in 1 2 3 4 5 6 7 8 9 10; do '$REL_BINDIR/psql' -X -At -d postgres -c 'SELECT 1' >/dev/null 2>&1 && exit 0; sleep 1; done; exit 1"

rel_summary asan
