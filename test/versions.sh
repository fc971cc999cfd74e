#!/usr/bin/env bash
# make test-versions: every suite of `make test` on every PostgreSQL major
# version that goalmetrics supports, ending with one line
# "pgN: P passed, F failed" per version.
#
#   15  the machine's own server (Debian 12, bookworm): `make test` itself
#   17  Debian 13 (trixie)'s postgresql-17 packages
#   18  Debian sid's postgresql-18 packages
#
# 17 and 18 run in a Debian root of that release, made once with mmdebstrap
# from Debian's registry into CACHE/debian-N and kept between runs (remove
# it to make it anew): `make test` (test/run.sh with PG_MAJOR=N, so
# pg_virtualenv, pgTAP, pg_cron and postgres_fdw of that version) runs
# inside it, in a private mount namespace, on a copy of the tree; the
# extension is built there with that release's compiler against that
# version's headers.  CACHE is $GOALMETRICS_CACHE, by default
# /var/cache/goalmetrics, outside the repository.  The machine's own apt
# sources are not touched.  VERSIONS="17 18" runs some of them.  Needs root.
# VERSIONS_PROVISION=optional (CI) reports a version whose root cannot be
# made from the registry that day as NOT TESTED instead of failing; a root
# that exists and fails its tests always fails.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
tree=$PWD

VERSIONS=${VERSIONS:-15 17 18}
CACHE=${GOALMETRICS_CACHE:-/var/cache/goalmetrics}

# test/lib.sh's helpers (ensure_packages), without its server lock: only
# the 15 leg installs into the machine's server, and `make test` takes the
# lock itself.
saved_path=$PATH
GOALMETRICS_SERVER_LOCK=none . test/lib.sh
unset GOALMETRICS_SERVER_LOCK PG_CONFIG
PATH=$saved_path

if [ "$(id -u)" -ne 0 ]; then
	echo "goalmetrics: make test-versions needs root (chroot, packages, $CACHE)" >&2
	exit 1
fi
mkdir -p "$CACHE" || exit 1

log=$(mktemp -d /tmp/goalmetrics-versions.XXXXXX) || exit 1
chmod 755 "$log"
trap 'rm -rf "$log"' EXIT

# copy_tree DIR: the tree as it is (tracked and new files, edits included,
# nothing ignored such as build products) into DIR.
copy_tree() {
	mkdir -p "$1" &&
		git -C "$tree" ls-files -z --cached --others --exclude-standard |
		(cd "$tree" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
			tar -C "$tree" --null -T - -cf - | tar -C "$1" -xf -
}

# count_line FILE: the last "N passed, M failed" of a run's output, as "N M"
count_line() {
	grep -oE '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1 | awk '{print $1, $3}'
}

# ----------------------------------------------------------------------- 15
run_15() {
	bash test/run.sh
}

# ------------------------------------------------------------------ 17, 18
# A Debian root (trixie for 17, sid for 18) with the packages that
# test/lib.sh's ensure_test_packages installs for that version, made once
# with mmdebstrap into CACHE/debian-N.
debian_suite() {
	case $1 in
	17) echo trixie ;;
	18) echo sid ;;
	esac
}

ensure_root() { # ensure_root N
	local v=$1 root=$CACHE/debian-$1 suite
	suite=$(debian_suite "$v")
	[ -x "$root/usr/lib/postgresql/$v/bin/postgres" ] &&
		[ -f "$root/etc/goalmetrics-root" ] && return 0
	ensure_packages mmdebstrap debian-archive-keyring || return 1
	echo "goalmetrics: making a Debian $suite root with PostgreSQL $v in $root (once; log in $root.log)"
	local mirrors=("deb http://deb.debian.org/debian $suite main")
	local opts=()
	if [ "$suite" = sid ]; then
		# sid's Release file expires within days; a registry mirror that
		# is a little behind still serves a consistent sid
		opts+=(--aptopt='Acquire::Check-Valid-Until "false"')
	else
		mirrors+=("deb http://deb.debian.org/debian-security $suite-security main")
	fi
	rm -rf "$root.tmp"
	mmdebstrap --mode=root --variant=minbase --components=main "${opts[@]}" \
		--include="postgresql-$v,postgresql-server-dev-$v,postgresql-$v-pgtap,postgresql-$v-cron,libtap-parser-sourcehandler-pgtap-perl,postgresql-common,make,gcc,libc6-dev" \
		"$suite" "$root.tmp" "${mirrors[@]}" >"$root.log" 2>&1 || {
		tail -n 30 "$root.log" >&2
		rm -rf "$root.tmp"
		return 1
	}
	chroot "$root.tmp" dpkg-query -W -f '${Status} ${Package} ${Version}\n' 'postgresql*' |
		sed -n 's/^install ok installed //p' >"$root.tmp/etc/goalmetrics-root"
	rm -rf "$root" && mv "$root.tmp" "$root"
}

# run_in_root N: `make test` (test/run.sh with PG_MAJOR=N) inside the
# version's root, on a copy of the tree.  The lock keeps two trees from
# making or installing into the same root at once.
run_in_root() {
	local v=$1 root=$CACHE/debian-$1 work rc
	exec 9>>"/tmp/goalmetrics-pg$v.lock"
	flock 9
	if ! ensure_root "$v"; then
		# A registry that cannot serve the release today is not a test
		# failure; CI says so loudly and goes on (VERSIONS_PROVISION=optional)
		if [ "${VERSIONS_PROVISION:-required}" = optional ]; then
			echo "goalmetrics: PostgreSQL $v NOT TESTED: its Debian root could not be made (see above)" >&2
			touch "$log/pg$v.skipped"
			return 0
		fi
		echo "0 passed, 1 failed (no PostgreSQL $v root)"
		return 1
	fi
	work=$(mktemp -d "$root/tmp/goalmetrics-src.XXXXXX") || return 1
	copy_tree "$work" || { rm -rf "$work"; return 1; }
	# a private mount namespace: /proc and /dev/shm (parallel query's
	# shared memory) for the root go away with it
	unshare -m --propagation private -- sh -c '
		mount -t proc proc "$1/proc" &&
		mount -t tmpfs -o mode=1777 tmpfs "$1/dev/shm" &&
		exec chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
			HOME=/root LANG=C.UTF-8 PG_MAJOR="$3" \
			bash -c "cd \"\$0\" && bash test/run.sh" "$2"' \
		sh "$root" "${work#"$root"}" "$v"
	rc=$?
	rm -rf "$work"
	return $rc
}

run_17() { run_in_root 17; }
run_18() { run_in_root 18; }

# ---------------------------------------------------------------------
# All in one function, read whole before it runs: editing this file during
# a run does not change the run.
main() {
	local v line p m summary=() times=() total_failed=0 t0
	for v in $VERSIONS; do
		case $v in
		15 | 17 | 18) ;;
		*)
			echo "goalmetrics: PostgreSQL $v is not one of the tested versions (15 17 18)" >&2
			return 2
			;;
		esac
	done
	for v in $VERSIONS; do
		echo "=== PostgreSQL $v"
		t0=$(date +%s)
		"run_$v" 2>&1 | tee "$log/pg$v.out"
		if [ -f "$log/pg$v.skipped" ]; then
			times+=("pg$v: not run")
			summary+=("pg$v: NOT TESTED (no root could be made from Debian's registry)")
			continue
		fi
		line=$(count_line "$log/pg$v.out")
		[ -n "$line" ] || line="0 1"
		read -r p m <<<"$line"
		total_failed=$((total_failed + m))
		times+=("pg$v: $(($(date +%s) - t0)) s")
		summary+=("pg$v: $p passed, $m failed")
	done
	echo
	echo "time taken: ${times[*]}"
	printf '%s\n' "${summary[@]}"
	[ "$total_failed" -eq 0 ]
}
main; exit
