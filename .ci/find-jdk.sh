# Sourced by ./shrink and .ci/run. find_jdk25 prints the home of a JDK >= 25:
# $JAVA_HOME if it is one, else the newest under /usr/lib/jvm; fails with a clear message if none exists.
jdk_major() {
    local v
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)"
    echo "${v%%.*}"
}
find_jdk25() {
    local candidate best="" best_major=0 major
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        major="$(jdk_major "$JAVA_HOME")"
        if [ -n "$major" ] && [ "$major" -ge 25 ]; then echo "$JAVA_HOME"; return 0; fi
    fi
    for candidate in /usr/lib/jvm/*; do
        [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major="$(jdk_major "$candidate")"
        if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"; best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        echo "shrink: no JDK 25 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm)." >&2
        echo "shrink: install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
        return 1
    fi
    echo "$best"
}
