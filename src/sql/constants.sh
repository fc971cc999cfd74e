#!/usr/bin/env bash
# Constants that C and SQL share are written once, in the C headers.  The
# SQL chapters write @NAME@ where they need one; this filter (the Makefile
# runs it while it concatenates the install script) replaces each with
# NAME's value as the C preprocessor sees it: a number, or string literals,
# which it joins.  It fails on a placeholder that no header defines.
#   constants.sh 'CC -E CPPFLAGS' HEADER... < script > script-with-values
set -euo pipefail
cpp=$1
shift
input=$(cat)
names=$(grep -o '@GM_[A-Z0-9_]*@' <<<"$input" | tr -d @ | sort -u || true)
if [ -z "$names" ]; then
	printf '%s\n' "$input"
	exit 0
fi
values=$({
	for h in "$@"; do echo "#include \"$(basename "$h")\""; done
	for n in $names; do echo "@ \"$n\" $n"; done
} | $cpp -P -x c - | sed -n 's/^@ "\(GM_[A-Z0-9_]*\)" /@\1@ /p')
printf '%s\n' "$input" | awk -v values="$values" '
BEGIN {
	n = split(values, lines, "\n")
	for (i = 1; i <= n; i++) {
		name = lines[i]; sub(/ .*/, "", name)
		v = substr(lines[i], length(name) + 2)
		if (v ~ /^"/) {          # "a" "b" ... -> ab
			gsub(/"[ \t]*"/, "", v); gsub(/^"|"$/, "", v)
		}
		if (v == "" || v ~ /^GM_/ || v ~ /\047/) {
			print "constants.sh: " name " has no usable value: " v > "/dev/stderr"
			bad = 1
		}
		value[name] = v
	}
	if (bad) exit 1
}
{
	line = $0
	while (match(line, /@GM_[A-Z0-9_]*@/)) {
		name = substr(line, RSTART, RLENGTH)
		if (!(name in value)) {
			print "constants.sh: unknown " name > "/dev/stderr"; exit 1
		}
		line = substr(line, 1, RSTART - 1) value[name] substr(line, RSTART + RLENGTH)
	}
	print line
}'
