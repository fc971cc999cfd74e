# Shared by the test/reliability/*.sh scripts: a throwaway cluster of our
# own (initdb + pg_ctl in a temporary directory, Unix socket only), because
# these scripts kill the postmaster, preload sanitizers or run a relocated
# copy of the server, which pg_virtualenv does not allow.  Sourced, not
# executed.  Nothing outside the temporary directory is touched; the
# cluster is stopped and removed on exit, also on failure or interrupt.

. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# The server binaries; asan.sh points this at a relocated copy.
REL_BINDIR=${REL_BINDIR:-$PG_BINDIR}
REL_DIR=""	 # temporary directory: data/, socket, logs
REL_PGDATA=""
REL_PORT=""

# as_pg CMD...: run a command as the cluster's owner (initdb refuses root)
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- env "PATH=$REL_BINDIR:$PATH" \
			${REL_ENV:+$REL_ENV} "$@"
	else
		env "PATH=$REL_BINDIR:$PATH" ${REL_ENV:+$REL_ENV} "$@"
	fi
}

rel_log() { echo "reliability: $*" >&2; }

# Build and install the extension into the server REL_BINDIR belongs to,
# unless REL_SKIP_BUILD is set (it is already installed there).
rel_build_and_install() {
	[ -n "${REL_SKIP_BUILD:-}" ] && return 0
	build_and_install
}

rel_cleanup() {
	if [ -n "$REL_PGDATA" ] && [ -f "$REL_PGDATA/postmaster.pid" ]; then
		as_pg pg_ctl -D "$REL_PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	if [ -n "$REL_DIR" ] && [ -z "${REL_KEEP:-}" ]; then
		rm -rf "$REL_DIR"
	fi
}

# rel_init NAME [postgresql.conf lines...]: create the cluster, don't start
rel_init() {
	local name=$1
	shift
	REL_DIR=$(mktemp -d "/tmp/goalmetrics-$name.XXXXXX")
	chmod 755 "$REL_DIR"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$REL_DIR"
	trap rel_cleanup EXIT
	trap 'exit 130' INT TERM
	REL_PGDATA=$REL_DIR/data
	REL_PORT=$((20000 + RANDOM % 20000))
	as_pg initdb -D "$REL_PGDATA" -U postgres --auth=trust -E UTF8 \
		--locale=C.UTF-8 >"$REL_DIR/initdb.log" 2>&1 ||
		{ cat "$REL_DIR/initdb.log" >&2; return 1; }
	{
		echo "port = $REL_PORT"
		echo "listen_addresses = ''"
		echo "unix_socket_directories = '$REL_DIR'"
		echo "max_worker_processes = 16"
		echo "fsync = on"
		local line
		for line in "$@"; do echo "$line"; done
	} >>"$REL_PGDATA/postgresql.conf"
	export PGHOST=$REL_DIR PGPORT=$REL_PORT PGUSER=postgres
	unset PGPASSWORD PGDATABASE
}

rel_start() {
	as_pg pg_ctl -D "$REL_PGDATA" -l "$REL_DIR/server.log" -w -t 120 start \
		>/dev/null || { tail -n 40 "$REL_DIR/server.log" >&2; return 1; }
}

rel_stop() {
	as_pg pg_ctl -D "$REL_PGDATA" -m fast -w stop >/dev/null
}

# The postmaster's pid, from postmaster.pid
rel_postmaster_pid() { head -n 1 "$REL_PGDATA/postmaster.pid"; }

# rel_psql DB ARGS...: quiet psql that stops at the first error
rel_psql() {
	local db=$1
	shift
	"$REL_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"
}

# rel_value DB SQL: one value, unaligned
rel_value() {
	"$REL_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

# A fresh database with the extension
rel_createdb() {
	"$REL_BINDIR/createdb" "$1" &&
		rel_psql "$1" -c 'CREATE EXTENSION goalmetrics'
}

# Result bookkeeping: rel_ok / rel_fail MESSAGE; rel_summary exits non-zero
# when anything failed.
REL_PASSED=0
REL_FAILED=0
rel_ok() {
	REL_PASSED=$((REL_PASSED + 1))
	echo "ok - $*"
}
rel_fail() {
	REL_FAILED=$((REL_FAILED + 1))
	echo "not ok - $*"
}
# rel_todo MESSAGE REASON CMD...: a known, reported bug: shown as TAP
# "not ok ... # TODO" while it fails, without failing the run
REL_TODO=0
rel_todo() {
	local msg=$1 why=$2
	shift 2
	if "$@"; then
		rel_ok "$msg (TODO fixed: $why)"
	else
		REL_TODO=$((REL_TODO + 1))
		echo "not ok - $msg # TODO $why"
	fi
}
rel_check() { # rel_check MESSAGE CMD...
	local msg=$1
	shift
	if "$@"; then rel_ok "$msg"; else rel_fail "$msg"; fi
}
rel_summary() {
	local todo=""
	[ "$REL_TODO" -gt 0 ] && todo=", $REL_TODO known bugs (TODO)"
	echo "$1: $REL_PASSED passed, $REL_FAILED failed$todo"
	[ "$REL_FAILED" -eq 0 ]
}
