#!/usr/bin/env bash
# shrink-spark against Spark ML in local[2] (the workloads of issue 14): seconds per fit, speed-ups, and the objective
# each fit reached. Builds the spark module's test classes, compiles spark/src/bench (outside the test sources: it times
# fits, which tests never do), then runs dev.shrink.spark.SparkBench under
# flock /tmp/shrink-bench.lock with a 4 GB heap. Options: --quick (every n / 10), and one of enet | ridge | cv | logistic.
# Result: spark/target/spark-bench.md (and stdout).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source .ci/find-jdk.sh
JAVA_HOME="$(find_jdk25)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
(set -o pipefail; mvn -B -q -ntp -Dstyle.color=never -pl spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g')
cp="spark/target/test-classes:spark/target/classes:$(cat spark/target/bench.classpath)"
"$JAVA_HOME/bin/javac" -nowarn -d spark/target/bench-classes -cp "$cp" spark/src/bench/java/dev/shrink/spark/SparkBench.java
cp="spark/target/bench-classes:$cp"
# Spark's own module options (org.apache.spark.launcher.JavaModuleOptions), which spark-submit would pass
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
       --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
       --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
       --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
       --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
       --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
       --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true)
exec flock /tmp/shrink-bench.lock "$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow "${opens[@]}" -Xmx4g -Dshrink.benchOut=spark/target/spark-bench.md \
    -Dlog4j2.configurationFile=spark/src/test/resources/log4j2.properties -cp "$cp" dev.shrink.spark.SparkBench "$@"
