#!/usr/bin/env bash
# Runs the external peers (scikit-learn, glmnet) on every workload folder under DATA_DIR that the shrink report wrote.
#   bench/peers/run_peers.sh DATA_DIR [REPEATS] [WARMUP]
# Each peer writes result-PEER.properties and its coefficients into the folder; a peer that is not installed, or fails,
# leaves skipped-PEER.txt with the reason instead (never an error: the report shows the note).
# Peers run single-threaded (BLAS and OpenMP pinned to 1 thread), like the single-thread shrink rows.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${1:?usage: run_peers.sh DATA_DIR [REPEATS] [WARMUP]}"
repeats="${2:-3}"
warmup="${3:-1}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
# Debian's scikit-learn lives in the system python, not in a pyenv or venv one.
python="${SHRINK_PYTHON:-/usr/bin/python3}"

sklearn_ok=""; glmnet_ok=""
if [ -x "$python" ] && "$python" -c 'import sklearn' 2>/dev/null; then sklearn_ok=1
else sklearn_why="scikit-learn not importable by $python (Debian: apt-get install python3-sklearn)"; fi
if command -v Rscript >/dev/null && Rscript -e 'suppressPackageStartupMessages(library(glmnet))' >/dev/null 2>&1; then glmnet_ok=1
else glmnet_why="R package glmnet not available (Debian: apt-get install r-cran-glmnet)"; fi

for dir in "$data"/*/; do
    dir="${dir%/}"
    [ -f "$dir/workload.properties" ] || continue
    model="$(sed -n 's/^model=//p' "$dir/workload.properties")"
    rm -f "$dir"/result-sklearn.properties "$dir"/result-glmnet.properties "$dir"/skipped-sklearn.txt "$dir"/skipped-glmnet.txt
    if [ "$model" = "group_lasso_path" ]; then
        echo "scikit-learn has no group lasso (there is no installed peer: the report gives shrink's time and duality gap)" > "$dir/skipped-sklearn.txt"
    elif [ -n "$sklearn_ok" ]; then
        "$python" "$here/sklearn_peer.py" "$dir" "$repeats" "$warmup" 2>"$dir/sklearn.log" \
            || { echo "scikit-learn failed: $(tail -n 1 "$dir/sklearn.log")" > "$dir/skipped-sklearn.txt"; cat "$dir/skipped-sklearn.txt"; }
    else
        echo "$sklearn_why" > "$dir/skipped-sklearn.txt"
    fi
    if [ "$model" = "ridge_cv" ]; then
        echo "glmnet has no leave-one-out ridge CV" > "$dir/skipped-glmnet.txt"
    elif [ "$model" = "group_lasso_path" ] || [ "$model" = "bayesian_ridge" ] || [ "${model#multitask}" != "$model" ]; then
        echo "no glmnet peer for $model (glmnet has no group lasso or Bayesian ridge; its mgaussian family is not mapped here)" > "$dir/skipped-glmnet.txt"
    elif [ -n "$glmnet_ok" ]; then
        Rscript "$here/glmnet_peer.R" "$dir" "$repeats" "$warmup" 2>"$dir/glmnet.log" \
            || { echo "glmnet failed: $(tail -n 1 "$dir/glmnet.log")" > "$dir/skipped-glmnet.txt"; cat "$dir/skipped-glmnet.txt"; }
    else
        echo "$glmnet_why" > "$dir/skipped-glmnet.txt"
    fi
done
