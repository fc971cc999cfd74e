# Throwaway PostgreSQL clusters on 127.0.0.1 for the scale-out test
# (test/shard/run.sh) and benchmark (bench/shard.sh).  Sourced, not executed.
#
#   shard_begin                 make the temp dir, install the cleanup trap
#   shard_start NAME [GUC=V..]  initdb + pg_ctl start on a free port;
#                               sets SHARD_PORT_<NAME>
#   shard_psql NAME [psql args] psql -X -q -v ON_ERROR_STOP=1 as postgres
#                               (session settings from SHARD_PGOPTIONS)
#   shard_cleanup               stop every cluster started, remove the dir
#
# Clusters run as the postgres user (initdb refuses root), in a temp dir
# under /tmp, with trust authentication on 127.0.0.1 only and a unix socket
# inside the temp dir, so nothing else on the machine is touched or reachable
# from outside.  The trap stops them and removes the dir on exit, on failure
# and on interrupt.

SHARD_PG_MAJOR=${PG_MAJOR:-15}
SHARD_BINDIR=${SHARD_BINDIR:-/usr/lib/postgresql/$SHARD_PG_MAJOR/bin}
SHARD_DIR=
SHARD_STARTED=()

# as_postgres CMD...: run a command as the postgres user (directly when we
# are not root: initdb then runs as whoever we are).
as_postgres() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

shard_cleanup() {
	local name
	trap - EXIT INT TERM HUP
	for name in "${SHARD_STARTED[@]}"; do
		as_postgres "$SHARD_BINDIR/pg_ctl" -D "$SHARD_DIR/$name" \
			-m immediate -w stop >/dev/null 2>&1
	done
	SHARD_STARTED=()
	if [ -n "$SHARD_DIR" ] && [ -d "$SHARD_DIR" ]; then
		rm -rf "$SHARD_DIR"
	fi
	SHARD_DIR=
}

shard_begin() {
	SHARD_DIR=$(mktemp -d /tmp/goalmetrics-shard.XXXXXX) || return 1
	chmod 700 "$SHARD_DIR"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$SHARD_DIR"
	trap 'shard_cleanup' EXIT
	trap 'shard_cleanup; exit 130' INT
	trap 'shard_cleanup; exit 143' TERM
	trap 'shard_cleanup; exit 129' HUP
	return 0
}

# shard_port_free PORT: nothing listens on 127.0.0.1:PORT.
shard_port_free() {
	if command -v ss >/dev/null 2>&1; then
		[ -z "$(ss -Htln "( sport = :$1 )" 2>/dev/null)" ] || return 1
	fi
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# shard_start NAME [GUC=VALUE ...]: a new cluster NAME on a free port.
# A start that fails (say, the port was taken in between) is retried on
# another port.
shard_start() {
	local name=$1 port try
	shift
	as_postgres "$SHARD_BINDIR/initdb" -D "$SHARD_DIR/$name" -U postgres \
		-A trust -E UTF8 --locale=C --no-sync \
		>"$SHARD_DIR/$name.initdb.log" 2>&1 || {
		echo "shard: initdb $name failed:" >&2
		cat "$SHARD_DIR/$name.initdb.log" >&2
		return 1
	}
	{
		echo "listen_addresses = '127.0.0.1'"
		echo "unix_socket_directories = '$SHARD_DIR'"
		echo "fsync = off"
		echo "synchronous_commit = off"
		echo "full_page_writes = off"
		echo "shared_buffers = 128MB"
		echo "max_connections = 30"
		echo "log_min_messages = warning"
		local guc
		for guc in "$@"; do
			echo "${guc%%=*} = '${guc#*=}'"
		done
	} >>"$SHARD_DIR/$name/postgresql.conf"
	for try in 1 2 3 4 5 6 7 8; do
		port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		shard_port_free "$port" || continue
		if as_postgres "$SHARD_BINDIR/pg_ctl" -D "$SHARD_DIR/$name" \
			-o "-p $port" -l "$SHARD_DIR/$name.log" -w -t 60 start \
			>/dev/null 2>&1; then
			SHARD_STARTED+=("$name")
			printf -v "SHARD_PORT_$name" '%s' "$port"
			return 0
		fi
	done
	echo "shard: could not start cluster $name; its log:" >&2
	tail -n 20 "$SHARD_DIR/$name.log" >&2
	return 1
}

# shard_port NAME: the port of cluster NAME.
shard_port() {
	local v="SHARD_PORT_$1"
	echo "${!v}"
}

# shard_psql NAME [psql args...]: psql on cluster NAME as postgres; the
# database is postgres unless the arguments say otherwise (-d).
shard_psql() {
	local name=$1
	shift
	PGHOST=127.0.0.1 PGPORT=$(shard_port "$name") PGUSER=postgres \
		PGDATABASE=postgres PGOPTIONS=${SHARD_PGOPTIONS:-} \
		"$SHARD_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}
