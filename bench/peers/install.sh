#!/usr/bin/env bash
# Installs what the report's external peers need, from Debian's packages, when it is missing (run as root):
# OpenBLAS (also the kernel tables' peer), scikit-learn with threadpoolctl (which checks the BLAS core type), glmnet.
set -euo pipefail
need=()
ldconfig -p 2>/dev/null | grep -q libopenblas || need+=(libopenblas0-pthread)
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || need+=(python3-sklearn)
/usr/bin/python3 -c 'import threadpoolctl' 2>/dev/null || need+=(python3-threadpoolctl)
{ command -v Rscript >/dev/null && Rscript -e 'library(glmnet)' >/dev/null 2>&1; } || need+=(r-cran-glmnet)
if [ ${#need[@]} -eq 0 ]; then
    echo "peers: everything installed"
    exit 0
fi
echo "peers: installing ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
