# Sourced: browser ARGS... runs headless Chromium once with the flags this
# machine needs (as root: no sandbox), a new empty profile, no network of
# its own (no updates, sync or QUIC), and a time limit.  Used by
# test/report/run.sh and to take doc/report-2016.png (doc/report.md).
browser() {
	local profile rc
	profile=$(mktemp -d /tmp/goalmetrics-chromium.XXXXXX)
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--disable-extensions --mute-audio --user-data-dir="$profile" "$@" 2>"$profile.err"
	rc=$?
	[ "$rc" -eq 0 ] || sed 's/^/#   chromium: /' "$profile.err" | tail -n 5 >&2
	rm -rf "$profile" "$profile.err"
	return "$rc"
}
