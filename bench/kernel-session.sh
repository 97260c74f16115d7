#!/usr/bin/env bash
# One measured session of issue 10's kernel and solver targets, for a shared machine (ratios within this one session):
# JMH — the Gram 20000×500 (float64 and float32, 256 and 512 bits), the FMA peak and the Cholesky p = 2000 against
# OpenBLAS at its SkylakeX (AVX-512) and Haswell (AVX2) core types — then whole fits by CPU time (SolverProbe: ridge
# with mixed precision on and off, the elastic-net path) beside scikit-learn's settings (sklearn_probe.py, SkylakeX).
#   mvn -B -q -ntp -pl bench -am package -DskipTests
#   flock /tmp/shrink-bench.lock bench/kernel-session.sh OUT_DIR > OUT_DIR.log
set -u
cd "$(dirname "$0")/.."
out="${1:?usage: bench/kernel-session.sh OUT_DIR}"
mkdir -p "$out"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
cp="bench/target/classes:$(cat bench/target/runtime-classpath.txt)"
J=("$java" -Xmx1g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$cp")
common=(-wi 3 -i 6 -w 1 -r 1 -f 1 -tu ms -bm avgt -jvmArgsAppend -Xmx2g -jvmArgsAppend --enable-native-access=ALL-UNNAMED -rf csv)
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-), family $(grep -m1 'cpu family' /proc/cpuinfo | awk '{print $4}') model $(grep -m1 '^model\s' /proc/cpuinfo | awk '{print $3}')"
echo "== $(date -u) |$cpu | $(nproc) cores | load $(cut -d' ' -f1-3 /proc/loadavg)"
jmh() { local core="$1"; shift; OPENBLAS_CORETYPE="$core" OPENBLAS_NUM_THREADS=1 "${J[@]}" org.openjdk.jmh.Main "$@" "${common[@]}"; }
echo "== Gram, peak: SkylakeX"
jmh SkylakeX 'GramBenchmark.gram$|OpenBlasBenchmark.gram$|Float32Benchmark.gramFloat32FromFloat64$|PeakFlopsBenchmark.fma$' \
    -p n=20000 -p p=500 -p impl=vector-256,vector-512 -p layout=ROW_MAJOR -p precision=float64,float32 -p coretype=SkylakeX \
    -p threads=1 -p bits=256,512 -rff "$out/gram-skylakex.csv"
echo "== Cholesky: SkylakeX"
jmh SkylakeX 'CholeskyBenchmark.cholesky$|OpenBlasBenchmark.cholesky$' -p p=2000 -p impl=vector-256,vector-512 \
    -p precision=float64,float32 -p coretype=SkylakeX -p threads=1 -rff "$out/cholesky-skylakex.csv"
echo "== Gram, Cholesky: Haswell"
jmh Haswell 'OpenBlasBenchmark.gram$' -p n=20000 -p p=500 -p coretype=Haswell -p threads=1 -rff "$out/gram-haswell.csv"
jmh Haswell 'OpenBlasBenchmark.cholesky$' -p p=2000 -p coretype=Haswell -p threads=1 -rff "$out/cholesky-haswell.csv"
echo "== solvers $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out/data"
"${J[@]}" -Dwrite="$out/data" dev.shrink.bench.solvers.SolverProbe ridge enet-path
"${J[@]}" -Dshrink.ridge.refinement=on dev.shrink.bench.solvers.SolverProbe ridge enet-path
"${J[@]}" -Dshrink.ridge.refinement=off dev.shrink.bench.solvers.SolverProbe ridge
OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/peers/sklearn_probe.py "$out/data/ridge" "$out/data/enet-path"
echo "== end $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
