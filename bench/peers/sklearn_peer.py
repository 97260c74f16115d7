#!/usr/bin/python3
"""scikit-learn peer of the shrink report: fits one workload folder written by the report and writes back
for each setting in SETTINGS coef-sklearn-S.csv, intercept-sklearn-S.csv, alphas-sklearn-S.csv and
result-sklearn-S.properties (time_s = mean seconds per fit over the measured repeats, after the warm-up fits; coretype
= the OpenBLAS core type this process ran, from threadpoolctl). The objective is evaluated later, in Java, for every
side alike.

usage: sklearn_peer.py WORKLOAD_DIR [REPEATS] [WARMUP]
"""
import os
import re
import sys
import time
import warnings

import os

import numpy as np
import scipy.io
import scipy.sparse
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import (BayesianRidge, ElasticNet, ElasticNetCV, Lasso, LogisticRegression, MultiTaskElasticNet,
                                  PoissonRegressor, Ridge, RidgeCV, enet_path)
from sklearn.model_selection import KFold


def read_props(path):
    props = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, v = line.split("=", 1)
                props[k] = v
    return props


def load(d, props):
    n, p = int(props["n"]), int(props["p"])
    d = f"{d}/{props.get('data_dir', '.')}"
    if os.path.exists(f"{d}/X.mtx"):
        # a sparse workload: scipy.sparse, compressed columns as scikit-learn's coordinate descent wants them
        x = scipy.io.mmread(f"{d}/X.mtx").tocsc()
        return x, np.fromfile(f"{d}/y.f64", dtype="<f8")
    try:
        x = np.fromfile(f"{d}/X.f64", dtype="<f8").reshape(n, p)
        y = np.fromfile(f"{d}/y.f64", dtype="<f8")
    except FileNotFoundError:
        x = np.loadtxt(f"{d}/X.csv", delimiter=",").reshape(n, p)
        y = np.loadtxt(f"{d}/y.csv")
    if "n_tasks" in props:  # multi-task: Y row-major, n x T
        y = np.ascontiguousarray(y.reshape(n, int(props["n_tasks"])))
    return np.ascontiguousarray(x), y


# The settings each workload is fitted at: every one that can be the fastest at the same accuracy. The report keeps,
# per workload, the fastest setting whose objective matches the best one reached (and shows the others).
SETTINGS = {
    "ridge": [("solver=cholesky", {"solver": "cholesky"})],
    "lasso": [("precompute=False", {"precompute": False}), ("precompute=True", {"precompute": True})],
    "elasticnet": [("precompute=False", {"precompute": False}), ("precompute=True", {"precompute": True})],
    # every solver that minimises the same objective (liblinear penalises the intercept: another problem)
    "logistic": [("solver=lbfgs", {"solver": "lbfgs"}), ("solver=newton-cholesky", {"solver": "newton-cholesky"}),
                 ("solver=newton-cg", {"solver": "newton-cg"}), ("solver=sag", {"solver": "sag"}), ("solver=saga", {"solver": "saga"})],
    "elasticnet_path": [("precompute=False", {"precompute": False}), ("precompute=True", {"precompute": True})],
    # ElasticNetCV: precompute='auto' is True here (n > p); without the Gram its 500 fold fits take 15x longer.
    "elasticnet_cv": [("precompute=auto", {})],
    "ridge_cv": [("gcv_mode=auto", {})],
    # L1 / elastic-net logistic: saga is the one solver of scikit-learn 1.2 for this objective (liblinear penalises b)
    "logistic_penalized": [("solver=saga", {"solver": "saga"})],
    # the L1 logistic path on scikit-learn's objective (standardize=false): saga warm-started from one C to the next
    "logistic_path": [("solver=saga", {"solver": "saga"})],
    # multinomial: lbfgs (newton-cholesky has no multinomial loss in 1.2)
    "multinomial": [("solver=lbfgs", {"solver": "lbfgs"})],
    "poisson": [("solver=lbfgs", {"solver": "lbfgs"}), ("solver=newton-cholesky", {"solver": "newton-cholesky"})],
    # Multi-task coordinate descent has no Gram variant; the multi-output enet_path would only form an unused Gram with
    # precompute='auto', so it is off.
    "multitask_elasticnet": [("default", {})],
    "multitask_elasticnet_path": [("precompute=False", {"precompute": False})],
    "bayesian_ridge": [("default", {})],
}


# A warm-up fit that takes longer than this is timed too: JIT-free code needs no warm-up at that length.
LONG_FIT_S = 2.0


def path_prefix(grid):
    """The grid, or only its first K values with SHRINK_SKLEARN_PATH_PREFIX=K (scikit-learn's sparse paths are slow: the
    sparse lasso's 100 alphas took ~1400 s; a prefix bounds its time, and its ratio to a whole path of the others is a
    lower bound). Returns (grid, note)."""
    k = int(os.environ.get("SHRINK_SKLEARN_PATH_PREFIX", "0") or 0)
    if 0 < k < len(grid):
        return grid[:k], f"only the first {k} of {len(grid)} values of the grid (SHRINK_SKLEARN_PATH_PREFIX)"
    return grid, ""


def fit(model, props, x, y, options):
    """Returns (coefs: list of arrays, intercepts, alphas, note)."""
    if model == "ridge":
        m = Ridge(alpha=float(props["alpha"]), **options).fit(x, y)
        return [m.coef_], [m.intercept_], [float(props["alpha"])], ""
    if model in ("lasso", "elasticnet"):
        alpha = float(props["alpha"])
        l1 = float(props.get("l1_ratio", "1.0"))
        m = (Lasso(alpha=alpha, **options) if model == "lasso"
             else ElasticNet(alpha=alpha, l1_ratio=l1, **options)).fit(x, y)
        return [m.coef_], [m.intercept_], [alpha], f"n_iter {m.n_iter_}"
    if model == "logistic":
        m = LogisticRegression(C=float(props["C"]), **options).fit(x, y)
        return [m.coef_.ravel()], [float(m.intercept_[0])], [float("nan")], f"n_iter {int(m.n_iter_[0])}"
    if model == "elasticnet_path" and scipy.sparse.issparse(x):
        # sparse X is never centred: as ElasticNetCV does, pass the column means (X_offset) to the solver, centre y
        xm, ym = np.asarray(x.mean(axis=0)).ravel(), y.mean()
        grid, note = path_prefix([float(a) for a in props["alphas"].split()])
        alphas, coefs, _ = enet_path(x, y - ym, l1_ratio=float(props["l1_ratio"]), alphas=np.array(grid), X_offset=xm,
                                     X_scale=np.ones(x.shape[1]), **options)
        coefs = [coefs[:, k] for k in range(coefs.shape[1])]
        return coefs, [ym - xm @ c for c in coefs], list(alphas), note
    if model == "elasticnet_path":
        # enet_path fits no intercept: centre as ElasticNetCV does (inside the timing), b_k = ybar - xbar.w_k.
        xm, ym = x.mean(axis=0), y.mean()
        xc, yc = x - xm, y - ym
        alphas, coefs, _ = enet_path(xc, yc, l1_ratio=float(props["l1_ratio"]), n_alphas=int(props["n_alphas"]),
                                     eps=float(props["eps"]), **options)
        coefs = [coefs[:, k] for k in range(coefs.shape[1])]
        return coefs, [ym - xm @ c for c in coefs], list(alphas), ""
    if model == "elasticnet_cv":
        m = ElasticNetCV(l1_ratio=float(props["l1_ratio"]), n_alphas=int(props["n_alphas"]), eps=float(props["eps"]),
                         cv=KFold(int(props["n_folds"])), **options).fit(x, y)
        return [m.coef_], [m.intercept_], [m.alpha_], f"alpha chosen {m.alpha_:.6g}"
    if model == "ridge_cv":
        alphas = [float(a) for a in props["alphas"].split()]
        m = RidgeCV(alphas=alphas, **options).fit(x, y)
        return [m.coef_], [m.intercept_], [m.alpha_], f"alpha chosen {m.alpha_:.6g}"
    if model == "logistic_penalized":
        # saga minimises exactly C*sum(logloss) + l1_ratio*|w|_1 + 0.5*(1 - l1_ratio)*|w|^2 (liblinear penalises b)
        m = LogisticRegression(penalty=props["penalty"], C=float(props["C"]),
                               l1_ratio=float(props["l1_ratio"]) if props["penalty"] == "elasticnet" else None, **options).fit(x, y)
        return [m.coef_.ravel()], [float(m.intercept_[0])], [float("nan")], f"n_iter {int(m.n_iter_[0])}"
    if model == "logistic_path":
        # glmnet's grid without standardising is scikit-learn's objective at C = 1/(n*lambda), divided by C*n; the
        # path is a warm-started loop over the grid (as LogisticRegressionCV and l1_min_c's examples do)
        if props.get("standardize") != "false":
            raise SystemExit("sklearn_peer: scikit-learn cannot standardise inside the L1 penalty (glmnet's objective)")
        lambdas, note = path_prefix([float(a) for a in props["lambdas"].split()])
        n = x.shape[0]
        m = LogisticRegression(penalty="l1", warm_start=True, **options)
        coefs, intercepts, iters = [], [], 0
        for lam in lambdas:
            m.set_params(C=1.0 / (n * lam)).fit(x, y)
            coefs.append(m.coef_.ravel().copy())
            intercepts.append(float(m.intercept_[0]))
            iters += int(m.n_iter_[0])
        return coefs, intercepts, lambdas, f"n_iter {iters} over {len(lambdas)} C values" + (f"; {note}" if note else "")
    if model == "multinomial":
        m = LogisticRegression(C=float(props["C"]), multi_class="multinomial", **options).fit(x, y)
        return list(m.coef_), list(m.intercept_), [float("nan")], f"n_iter {int(m.n_iter_[0])}"
    if model == "poisson":
        m = PoissonRegressor(alpha=float(props["alpha"]), **options).fit(x, y)
        return [m.coef_], [float(m.intercept_)], [float("nan")], f"n_iter {int(m.n_iter_)}"
    if model == "multitask_elasticnet":
        # coef_ is (n_tasks, n_features): one line per task
        m = MultiTaskElasticNet(alpha=float(props["alpha"]), l1_ratio=float(props["l1_ratio"]), **options).fit(x, y)
        return list(m.coef_), list(m.intercept_), [float(props["alpha"])], f"n_iter {m.n_iter_}"
    if model == "multitask_elasticnet_path":
        # enet_path with a multi-output Y runs scikit-learn's multi-task coordinate descent; centred as above
        xm, ym = x.mean(axis=0), y.mean(axis=0)
        alphas, coefs, _ = enet_path(x - xm, y - ym, l1_ratio=float(props["l1_ratio"]), n_alphas=int(props["n_alphas"]),
                                     eps=float(props["eps"]), **options)
        rows, intercepts = [], []
        for k in range(coefs.shape[2]):  # coefs: (n_tasks, n_features, n_alphas)
            for t in range(coefs.shape[0]):
                rows.append(coefs[t, :, k])
                intercepts.append(ym[t] - xm @ coefs[t, :, k])
        return rows, intercepts, list(alphas), ""
    if model == "bayesian_ridge":
        m = BayesianRidge(**options).fit(x, y)
        return [m.coef_], [m.intercept_], [m.alpha_, m.lambda_], f"alpha_ {m.alpha_:.17g}, lambda_ {m.lambda_:.17g}, {m.n_iter_} iterations"
    raise SystemExit(f"sklearn_peer: unknown model {model}")


def blas():
    """(core type, description) of the BLAS this process loaded, checked here: threadpoolctl, else ctypes."""
    try:
        from threadpoolctl import threadpool_info
        for lib in threadpool_info():
            if lib.get("user_api") == "blas":
                core = lib.get("architecture") or ""
                return core, (f"{lib.get('internal_api')} {lib.get('version')} {lib.get('filepath')} "
                              f"(threadpoolctl, {lib.get('num_threads')} thread(s))")
    except ImportError:
        pass
    # No threadpoolctl: ask the OpenBLAS that this process mapped.
    import ctypes
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "openblas" in line and ".so" in line})
    for path in paths:
        try:
            f = ctypes.CDLL(path).openblas_get_corename
            f.restype = ctypes.c_char_p
            return f().decode().strip(), f"{path} (openblas_get_corename)"
        except (OSError, AttributeError):
            continue
    return "", "BLAS not identified (no threadpoolctl, no OpenBLAS mapped)"


def slug(setting):
    return re.sub(r"[^A-Za-z0-9]+", "-", setting).strip("-").lower()   # solver=lbfgs -> solver-lbfgs


def main():
    d = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    props = read_props(f"{d}/workload.properties")
    model = props["model"]
    x, y = load(d, props)
    for setting, options in SETTINGS[model]:
        if options.get("precompute") is True and (x.shape[1] > x.shape[0] or scipy.sparse.issparse(x)):
            continue   # a p x p Gram for n < p rows (or a dense Gram of a sparse X) is never the fast way ('auto' does not use it either)
        if options.get("solver") == "newton-cholesky" and x.shape[1] > x.shape[0]:
            continue   # forms the (p+1)x(p+1) Hessian: 108 s on 50x10000, 80 GB on 200x100000
        side = f"sklearn-{slug(setting)}"
        times = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            fits = 0
            while len(times) < repeats:
                t0 = time.perf_counter()
                result = fit(model, props, x, y, options)
                t1 = time.perf_counter()
                fits += 1
                # Warm-up fits are not timed, unless one is long enough (LONG_FIT_S) that warming up is moot.
                if fits > warmup or t1 - t0 > LONG_FIT_S:
                    times.append(t1 - t0)
        coefs, intercepts, alphas, note = result
        if any(issubclass(w.category, ConvergenceWarning) for w in caught):
            note = (note + "; " if note else "") + "ConvergenceWarning"
        # The BLAS is asked after the fits: by then numpy and scipy have loaded every library they use.
        core, description = blas()
        np.savetxt(f"{d}/coef-{side}.csv", np.vstack(coefs), fmt="%.17g", delimiter=",")
        np.savetxt(f"{d}/intercept-{side}.csv", np.asarray(intercepts, dtype=float), fmt="%.17g")
        np.savetxt(f"{d}/alphas-{side}.csv", np.asarray(alphas, dtype=float), fmt="%.17g")
        with open(f"{d}/result-{side}.properties", "w") as f:
            f.write("peer=sklearn\n")
            f.write(f"setting={setting}\n")
            f.write(f"time_s={sum(times) / len(times):.9g}\n")
            f.write("times=" + " ".join(f"{t:.6g}" for t in times) + "\n")
            f.write(f"version=scikit-learn {sklearn.__version__}, numpy {np.__version__}\n")
            f.write(f"coretype={core}\n")
            f.write(f"coretype_requested={os.environ.get('SHRINK_PEER_CORETYPE', '')}\n")
            f.write(f"blas={description}\n")
            f.write(f"note={note}\n")
        print(f"sklearn {props['name']} {setting} [{core or '?'}]: {sum(times) / len(times):.4f} s per fit ({note})")


if __name__ == "__main__":
    main()
