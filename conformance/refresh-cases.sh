#!/usr/bin/env bash
# Refreshes the project's copy of the conformance cases (conformance/cases) from ../shared/conformance when that differs,
# and says what changed. The tests and ./shrink conformance read the project's copy, so a clean clone passes its own
# tests; CI calls this first so that new shared cases are picked up. Usage: conformance/refresh-cases.sh [SHARED_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${1:-$here/../../shared/conformance}"
[ -d "$shared" ] && shared="$(cd "$shared" && pwd)"
copy="$here/cases"
if [ ! -d "$shared/cases" ]; then
    echo "conformance: no shared cases at $shared/cases; keeping the project's copy ($(ls "$copy" | grep -vc README) cases)"
    exit 0
fi
changes="$( { diff -rq "$shared/cases" "$copy" --exclude=README.md || true; diff -q "$shared/README.md" "$copy/README.md" || true; } | wc -l)"
if [ "$changes" -eq 0 ]; then
    echo "conformance: the project's copy of the cases is current with $shared"
    exit 0
fi
rm -rf "$copy.tmp"
cp -r "$shared/cases" "$copy.tmp"
cp "$shared/README.md" "$copy.tmp/README.md"
rm -rf "$copy"
mv "$copy.tmp" "$copy"
echo "conformance: refreshed the project's copy from $shared ($changes differences; now $(ls "$copy" | grep -vc README) cases) — commit conformance/cases"
