#!/usr/bin/env bash
# The command line's speed on a large numeric CSV (issue 13): parse MB/s of ./shrink's reader on one core beside
# numpy.loadtxt and R's read.csv on the same file, and ./shrink fit lasso end to end against the in-process parse + fit.
#
#   cli/parse-benchmark.sh [ROWS] [COLS]      default 1000000 × 100 (about 1.05 GB, generated once under /tmp)
#
# Every timing runs under flock /tmp/shrink-bench.lock (one benchmark at a time on a shared machine). Compare the ratios
# of one run; the machine's load shows in the wall times (CPU times are printed beside them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
cols="${2:-100}"
alpha=0.01
dir=/tmp/shrink-bench
mkdir -p "$dir"
csv="$dir/numeric-${rows}x${cols}.csv"
lock=/tmp/shrink-bench.lock
"$root/shrink" info >/dev/null 2>&1 || true   # builds when the sources changed
source "$root/.ci/find-jdk.sh"
java="$(find_jdk25)/bin/java"
cp="$root/cli/target/classes:$(cat "$root/cli/target/runtime-classpath.txt")"
jflags=(--add-modules jdk.incubator.vector -Xmx6g)
# the launcher's flag for large designs, so that the in-process run reads the same way
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then jflags+=(-XX:+UseTransparentHugePages); fi

if [ ! -s "$csv" ]; then
    echo "generating $csv ..." >&2
    "$java" "${jflags[@]}" -cp "$cp" dev.shrink.cli.ParseBenchmark generate "$csv" "$rows" "$cols" 2>/dev/null
fi
bytes=$(stat -c %s "$csv")
echo "file: $csv ($bytes bytes, $rows rows × $cols columns)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$csv" >/dev/null   # in the page cache for everyone

# In-process (parse, then fit) and the whole ./shrink process, alternated three times: the least of each is compared,
# which keeps a busy machine's pauses out of the ratio.
for run in 1 2 3; do
    echo "== run $run: shrink's reader, then Lasso(alpha=$alpha).fit in one JVM (threads 1)"
    flock "$lock" "$java" "${jflags[@]}" -cp "$cp" dev.shrink.cli.ParseBenchmark parse-and-fit "$csv" "$alpha" 1 2>/dev/null | tee "$dir/inprocess-$run.txt"
    echo "== run $run: ./shrink fit lasso (the whole process, threads 1)"
    flock "$lock" /usr/bin/time -f "cli_wall_s=%e cli_user_s=%U cli_sys_s=%S cli_max_rss_kb=%M" \
        env SHRINK_JAVA_OPTS=-Xmx6g "$root/shrink" fit lasso "$csv" --target y --alpha "$alpha" --threads 1 --quiet --out "$dir/model.json" 2>&1 \
        | grep -v 'incubator' | tee "$dir/cli-$run.txt"
done

if python3 -c 'import numpy' 2>/dev/null; then
    echo "== numpy.loadtxt"
    flock "$lock" /usr/bin/time -f "numpy_max_rss_kb=%M" python3 -c "
import time, numpy
t = time.perf_counter(); c = time.process_time()
a = numpy.loadtxt('$csv', delimiter=',', skiprows=1)
w = time.perf_counter() - t; u = time.process_time() - c
print(f'numpy {numpy.__version__}: shape={a.shape} wall_s={w:.2f} cpu_s={u:.2f} MBps_wall={$bytes/1e6/w:.1f} MBps_cpu={$bytes/1e6/u:.1f}')
" 2>&1 | tee "$dir/numpy.txt"
fi
if command -v Rscript >/dev/null; then
    # read.csv guesses each column's type from text and needs minutes per 100 MB: it reads the first tenth of the same
    # file (the rate, MB/s, is what is compared), so that it does not hold the shared benchmark lock for half an hour
    part="$dir/numeric-${rows}x${cols}-tenth.csv"
    [ -s "$part" ] || head -n $((rows / 10 + 1)) "$csv" >"$part"
    pbytes=$(stat -c %s "$part")
    echo "== R read.csv (the first $((rows / 10)) rows, $pbytes bytes)"
    flock "$lock" /usr/bin/time -f "R_max_rss_kb=%M" Rscript -e "
t <- proc.time(); d <- read.csv('$part'); e <- proc.time() - t
cat(sprintf('%s: dim=%dx%d wall_s=%.2f cpu_s=%.2f MBps_wall=%.1f MBps_cpu=%.1f\n', R.version.string, nrow(d), ncol(d), e[['elapsed']],
    e[['user.self']] + e[['sys.self']], $pbytes/1e6/e[['elapsed']], $pbytes/1e6/(e[['user.self']] + e[['sys.self']])))
" 2>&1 | tee "$dir/r.txt"
fi

least() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$dir"/$2-*.txt | sort -g | head -1; }
parse=$(least parse_wall_s inprocess)
cpu=$(least parse_cpu_s inprocess)
fit=$(least fit_wall_s inprocess)
cli=$(least cli_wall_s cli)
awk -v b="$bytes" -v p="$parse" -v c="$cpu" 'BEGIN { printf "== shrink parse: %.0f MB/s wall, %.0f MB/s on the reading thread CPU time (least of 3)\n", b / 1e6 / p, b / 1e6 / c }'
awk -v p="$parse" -v f="$fit" -v c="$cli" 'BEGIN { printf "== ./shrink fit / (in-process parse + fit) = %.2f / (%.2f + %.2f) = %.2f (target <= 1.5)\n", c, p, f, c / (p + f) }'
