# Shared by test/run.sh, test/demo.sh and bench/run.sh: make sure the
# packages a run needs are there, then build and install the extension.
# Sourced, not executed.

PG_MAJOR=${PG_MAJOR:-15}
PG_BINDIR=/usr/lib/postgresql/$PG_MAJOR/bin
export PG_CONFIG=${PG_CONFIG:-$PG_BINDIR/pg_config}
export PATH=$PG_BINDIR:$PATH

# Every suite, the demo and the bench install into the server's own
# directories: one tree at a time on a machine.  The lock is held until the
# sourcing script exits; scripts it starts inherit it.
if [ -z "${GOALMETRICS_SERVER_LOCK:-}" ] && command -v flock >/dev/null 2>&1; then
	export GOALMETRICS_SERVER_LOCK=/tmp/goalmetrics-pg$PG_MAJOR.lock
	exec 8>>"$GOALMETRICS_SERVER_LOCK"
	flock 8 || true
fi

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "goalmetrics: need root (or sudo) to run: $*" >&2
		return 1
	fi
}

# ensure_packages PKG...: install those Debian packages that are missing.
ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "goalmetrics: installing missing packages: ${missing[*]}"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The packages every suite needs (server headers, pgTAP, pg_prove, the
# throwaway-cluster tool, pg_cron for the scheduling recipe; Chromium, a
# font and LibreOffice Calc for the report's checks, test/report/run.sh).
ensure_test_packages() {
	ensure_packages postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR \
		postgresql-$PG_MAJOR-pgtap libtap-parser-sourcehandler-pgtap-perl \
		postgresql-$PG_MAJOR-cron postgresql-common make gcc libc6-dev \
		chromium fonts-dejavu-core libreoffice-calc-nogui
}

build_and_install() {
	make -s PG_CONFIG="$PG_CONFIG"
	as_root make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}
