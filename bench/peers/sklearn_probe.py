#!/usr/bin/env python3
"""A quick probe of scikit-learn fits on a machine shared with other work: each fit timed by the process's CPU time
(single-threaded BLAS, so CPU time is the fit's own), best and median of several fits, for every setting that reaches
the same accuracy, with the OpenBLAS core type verified through threadpoolctl.

    java ... dev.shrink.bench.solvers.SolverProbe -Dwrite=DIR ridge enet-path       # writes DIR/ridge, DIR/enet-path
    (also logistic, logistic-ar1, logistic-equi, multinomial, poisson: lbfgs and newton-cholesky)
    OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/sklearn_probe.py DIR/ridge DIR/enet-path

One thread throughout, as in the report: OPENBLAS_NUM_THREADS and OMP_NUM_THREADS default to 1 here (scikit-learn's
Poisson loss runs on OpenMP threads otherwise, and process CPU time then counts both cores).
The cross-check of shrink's SolverProbe; the report's peer rows come from sklearn_peer.py.
"""
import os
import sys
import time

# before numpy and scikit-learn load their thread pools (see the docstring)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
from sklearn.linear_model import Ridge, enet_path
from threadpoolctl import threadpool_info

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from sklearn_peer import SETTINGS, fit, load, read_props  # noqa: E402

# The smooth GLMs at their fast solvers only (sag, saga and newton-cg are several times slower on the report's shapes).
FAST_GLM_SOLVERS = ("solver=lbfgs", "solver=newton-cholesky")


def settings(model, props, x, y):
    """(label, fit) for every scikit-learn setting of the model that reaches the same objective."""
    if model == "ridge":
        alpha = float(props["alpha"])
        return [(f"Ridge solver={s}", lambda s=s: Ridge(alpha=alpha, solver=s).fit(x, y)) for s in ("cholesky", "auto")]
    if model == "elasticnet_path":
        def path(pre):
            xm, ym = x.mean(axis=0), y.mean()
            xc, yc = x - xm, y - ym
            return enet_path(xc, yc, l1_ratio=float(props["l1_ratio"]), n_alphas=int(props["n_alphas"]),
                             eps=float(props["eps"]), precompute=pre)
        return [(f"enet_path precompute={pre}", lambda pre=pre: path(pre)) for pre in (True, False, "auto")]
    if model in ("logistic", "multinomial", "poisson"):
        return [(label, lambda o=o: fit(model, props, x, y, o)) for label, o in SETTINGS[model] if label in FAST_GLM_SOLVERS]
    raise SystemExit(f"sklearn_probe: no settings for {model}")


def main():
    fits = 7
    blas = [(i.get("internal_api"), i.get("architecture"), i.get("num_threads")) for i in threadpool_info()
            if i.get("user_api") == "blas"]
    print(f"BLAS (threadpoolctl): {blas}")
    for d in sys.argv[1:]:
        props = read_props(f"{d}/workload.properties")
        x, y = load(d, props)
        for label, fit in settings(props["model"], props, x, y):
            fit()
            times = []
            for _ in range(fits):
                t0 = time.process_time()
                fit()
                times.append(time.process_time() - t0)
            times.sort()
            print(f"{props['name']:12s} {props['n']}x{props['p']}  {label:32s} best {times[0]:.4f} s  median {times[fits // 2]:.4f} s")


if __name__ == "__main__":
    main()
