#!/usr/bin/env bash
# Builds and runs the examples against the installed shrink artifacts (run `mvn install -DskipTests` in the project
# root first; .ci/run does both). Uses the JDK that ../.ci/find-jdk.sh finds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../.ci/find-jdk.sh"
JAVA_HOME="$(find_jdk25)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
(set -o pipefail; mvn -B -q -ntp -Dstyle.color=never -f "$here/pom.xml" clean package 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g')
# on the module path, as a named module: only what dev.shrink.solvers exports is reachable
exec java --add-modules jdk.incubator.vector -p "$here/target/classes:$here/target/lib" -m dev.shrink.examples/dev.shrink.examples.QuickStart
