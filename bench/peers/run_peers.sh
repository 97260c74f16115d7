#!/usr/bin/env bash
# Runs the external peers (scikit-learn, glmnet) on every workload folder under DATA_DIR that the shrink report wrote.
#   bench/peers/run_peers.sh DATA_DIR [REPEATS] [WARMUP] [CORETYPE]
# Each peer fits each workload at every setting it has for it (scikit-learn: both logistic solvers, precompute on and
# off; glmnet: two thresh values) and writes result-PEER-SETTING.properties and its coefficients into the folder; the
# report keeps, per peer, the fastest setting that reaches the same objective. A peer that is not installed, or fails,
# leaves skipped-PEER.txt with the reason instead (never an error: the report shows the note).
#
# BLAS: the peers run single-threaded with OPENBLAS_CORETYPE=CORETYPE (default: SkylakeX where the CPU has AVX-512,
# Haswell where it has AVX2; 'native' leaves OpenBLAS to detect the CPU) and OPENBLAS_L2_SIZE unset: an OpenBLAS
# that does not know the CPU otherwise falls back to slow generic kernels, and some machines preset both variables.
# Each peer checks in its own process which core type loaded (scikit-learn: threadpoolctl; R: openblas_get_corename
# of the library R mapped) and writes it as coretype= beside its time.
#
# Needs (Debian): python3-sklearn python3-threadpoolctl r-cran-glmnet (bench/peers/install.sh installs them).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${1:?usage: run_peers.sh DATA_DIR [REPEATS] [WARMUP] [CORETYPE]}"
repeats="${2:-3}"
warmup="${3:-1}"
core="${4:-${SHRINK_PEER_CORETYPE:-auto}}"
# Debian's scikit-learn lives in the system python, not in a pyenv or venv one.
python="${SHRINK_PYTHON:-/usr/bin/python3}"

if [ "$core" = auto ]; then
    flags=" $(sed -n 's/^flags[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1) "
    case "$flags" in
        *" avx512f "*) core=SkylakeX ;;
        *" avx2 "*) core=Haswell ;;
        *) core=native ;;
    esac
fi
[ "$core" = native ] && core=""
# The peers' environment, this script's alone: single thread, the chosen core type, no preset L2 size.
peer_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
          SHRINK_PEER_CORETYPE="${core:-native}")
[ -n "$core" ] && peer_env+=(OPENBLAS_CORETYPE="$core")
echo "peers: OPENBLAS_CORETYPE=${core:-(unset: OpenBLAS detects)}, OPENBLAS_L2_SIZE unset, one thread"

sklearn_ok=""; glmnet_ok=""
if [ -x "$python" ] && "$python" -c 'import sklearn' 2>/dev/null; then sklearn_ok=1
else sklearn_why="scikit-learn not importable by $python (Debian: apt-get install python3-sklearn python3-threadpoolctl)"; fi
if command -v Rscript >/dev/null && Rscript -e 'suppressPackageStartupMessages(library(glmnet))' >/dev/null 2>&1; then glmnet_ok=1
else glmnet_why="R package glmnet not available (Debian: apt-get install r-cran-glmnet)"; fi

# R cannot call openblas_get_corename itself: R names the OpenBLAS library it mapped, and the same library, loaded in
# the same environment (so the same dynamic-arch choice), is asked by python through ctypes.
glmnet_blas=""; glmnet_core=""
if [ -n "$glmnet_ok" ]; then
    glmnet_blas="$("${peer_env[@]}" Rscript -e 'invisible(crossprod(matrix(1, 4, 4)))
        m <- unique(sub("^.* ", "", grep("openblas", readLines("/proc/self/maps"), value = TRUE)))
        l <- m[grepl("libopenblas[^/]*[.]so", m)]
        cat(if (length(l)) l[1] else m[grepl("[.]so", m)][1])' 2>/dev/null)"
    if [ -n "$glmnet_blas" ] && [ "$glmnet_blas" != NA ] && [ -x "$python" ]; then
        glmnet_core="$("${peer_env[@]}" "$python" -c 'import ctypes, sys
f = ctypes.CDLL(sys.argv[1]).openblas_get_corename
f.restype = ctypes.c_char_p
print(f().decode().strip())' "$glmnet_blas" 2>/dev/null)"
    fi
    echo "peers: R's BLAS ${glmnet_blas:-is not OpenBLAS}${glmnet_core:+, core type $glmnet_core}"
fi

for dir in "$data"/*/; do
    dir="${dir%/}"
    [ -f "$dir/workload.properties" ] || continue
    model="$(sed -n 's/^model=//p' "$dir/workload.properties")"
    rm -f "$dir"/result-sklearn*.properties "$dir"/result-glmnet*.properties "$dir"/skipped-sklearn.txt "$dir"/skipped-glmnet.txt
    if [ "$model" = "group_lasso_path" ]; then
        echo "scikit-learn has no group lasso (there is no installed peer: the report gives shrink's time and duality gap)" > "$dir/skipped-sklearn.txt"
    elif { [ "$model" = "logistic_path" ] && ! grep -q '^standardize=false$' "$dir/workload.properties"; } \
            || [ "$model" = "multinomial_path" ] || [ "$model" = "poisson_path" ]; then
        echo "scikit-learn has no ${model%_path} path on glmnet's objective (standardize, glmnet's lambda grid)" > "$dir/skipped-sklearn.txt"
    elif [ -n "$sklearn_ok" ]; then
        "${peer_env[@]}" "$python" "$here/sklearn_peer.py" "$dir" "$repeats" "$warmup" 2>"$dir/sklearn.log" \
            || { echo "scikit-learn failed: $(tail -n 1 "$dir/sklearn.log")" > "$dir/skipped-sklearn.txt"; cat "$dir/skipped-sklearn.txt"; }
    else
        echo "$sklearn_why" > "$dir/skipped-sklearn.txt"
    fi
    if [ "$model" = "ridge_cv" ]; then
        echo "glmnet has no leave-one-out ridge CV" > "$dir/skipped-glmnet.txt"
    elif [ "$model" = "group_lasso_path" ] || [ "$model" = "bayesian_ridge" ] || [ "${model#multitask}" != "$model" ]; then
        echo "no glmnet peer for $model (glmnet has no group lasso or Bayesian ridge; its mgaussian family is not mapped here)" > "$dir/skipped-glmnet.txt"
    elif [ -n "$glmnet_ok" ]; then
        "${peer_env[@]}" SHRINK_BLAS_LIBRARY="$glmnet_blas" SHRINK_BLAS_CORETYPE="$glmnet_core" \
            Rscript "$here/glmnet_peer.R" "$dir" "$repeats" "$warmup" 2>"$dir/glmnet.log" \
            || { echo "glmnet failed: $(tail -n 1 "$dir/glmnet.log")" > "$dir/skipped-glmnet.txt"; cat "$dir/skipped-glmnet.txt"; }
    else
        echo "$glmnet_why" > "$dir/skipped-glmnet.txt"
    fi
done
