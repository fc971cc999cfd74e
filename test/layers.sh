#!/usr/bin/env bash
# The layers of src/ have no cycle (src/README.md, "Layers"):
#  1. objects: for every object of the extension, the objects that define
#     the symbols it uses (nm) must not, directly or through others, use it
#     back;
#  2. headers: no header includes, directly or through others, itself.
# Reads the built objects (make builds them first), prints each edge it
# found (user -> provider), the layers bottom-up, and tsort's verdict.
#   test/layers.sh          prints "layers: N passed, M failed"
set -uo pipefail
cd "$(dirname "$0")/.."
objs=$(ls src/*.o 2>/dev/null)
[ -n "$objs" ] || { echo "layers: no objects; run make first" >&2; echo "layers: 0 passed, 1 failed"; exit 1; }

declare -A owner
for o in $objs; do
	for s in $(nm --defined-only -g "$o" | awk '{print $3}'); do owner[$s]=$o; done
done
obj_edges=$(for o in $objs; do
	for s in $(nm -u "$o" | awk '{print $2}'); do
		p=${owner[$s]:-}
		[ -n "$p" ] && [ "$p" != "$o" ] && echo "$(basename "$o" .o) $(basename "$p" .o)"
	done
done | sort -u)
hdr_edges=$(for h in src/*.h; do
	sed -n 's/^#include "\([a-z_0-9]*\.h\)".*/\1/p' "$h" | while read -r inc; do
		[ -f "src/$inc" ] && echo "$(basename "$h") $inc"
	done
done | sort -u)

passed=0 failed=0
check() { # name edges
	local loops order
	loops=$(tsort <<<"$2" 2>&1 >/dev/null)
	if [ -z "$loops" ]; then
		order=$(tsort <<<"$2" | tac | tr '\n' ' ')
		echo "layers: $1, bottom-up: $order"
		passed=$((passed + 1))
	else
		echo "layers: the $1 depend on each other in a cycle:" >&2
		echo "$loops" >&2
		failed=$((failed + 1))
	fi
	echo "$2" | sed 's/ / -> /; s/^/  /'
}
check objects "$obj_edges"
check headers "$hdr_edges"
echo "layers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
