#!/usr/bin/python3
"""scikit-learn peer of the shrink report: fits one workload folder written by the report and writes back
coef-sklearn.csv, intercept-sklearn.csv, alphas-sklearn.csv and result-sklearn.properties (time_s = mean seconds per fit
over the measured repeats, after the warm-up fits). The objective is evaluated later, in Java, for every side alike.

usage: sklearn_peer.py WORKLOAD_DIR [REPEATS] [WARMUP]
"""
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, ElasticNetCV, Lasso, LogisticRegression, PoissonRegressor, Ridge, RidgeCV, enet_path
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
    try:
        x = np.fromfile(f"{d}/X.f64", dtype="<f8").reshape(n, p)
        y = np.fromfile(f"{d}/y.f64", dtype="<f8")
    except FileNotFoundError:
        x = np.loadtxt(f"{d}/X.csv", delimiter=",").reshape(n, p)
        y = np.loadtxt(f"{d}/y.csv")
    return np.ascontiguousarray(x), y


def fit(model, props, x, y):
    """Returns (coefs: list of arrays, intercepts, alphas, note)."""
    if model == "ridge":
        m = Ridge(alpha=float(props["alpha"]), solver="cholesky").fit(x, y)
        return [m.coef_], [m.intercept_], [float(props["alpha"])], ""
    if model in ("lasso", "elasticnet"):
        alpha = float(props["alpha"])
        l1 = float(props.get("l1_ratio", "1.0"))
        m = (Lasso(alpha=alpha) if model == "lasso" else ElasticNet(alpha=alpha, l1_ratio=l1)).fit(x, y)
        return [m.coef_], [m.intercept_], [alpha], f"n_iter {m.n_iter_}"
    if model == "logistic":
        m = LogisticRegression(C=float(props["C"]), solver="newton-cholesky").fit(x, y)
        return [m.coef_.ravel()], [float(m.intercept_[0])], [float("nan")], f"n_iter {int(m.n_iter_[0])}"
    if model == "elasticnet_path":
        # enet_path fits no intercept: centre as ElasticNetCV does (inside the timing), b_k = ybar - xbar.w_k.
        xm, ym = x.mean(axis=0), y.mean()
        xc, yc = x - xm, y - ym
        alphas, coefs, _ = enet_path(xc, yc, l1_ratio=float(props["l1_ratio"]), n_alphas=int(props["n_alphas"]),
                                     eps=float(props["eps"]))
        coefs = [coefs[:, k] for k in range(coefs.shape[1])]
        return coefs, [ym - xm @ c for c in coefs], list(alphas), ""
    if model == "elasticnet_cv":
        m = ElasticNetCV(l1_ratio=float(props["l1_ratio"]), n_alphas=int(props["n_alphas"]), eps=float(props["eps"]),
                         cv=KFold(int(props["n_folds"]))).fit(x, y)
        return [m.coef_], [m.intercept_], [m.alpha_], f"alpha chosen {m.alpha_:.6g}"
    if model == "ridge_cv":
        alphas = [float(a) for a in props["alphas"].split()]
        m = RidgeCV(alphas=alphas).fit(x, y)
        return [m.coef_], [m.intercept_], [m.alpha_], f"alpha chosen {m.alpha_:.6g}"
    if model == "logistic_penalized":
        # saga minimises exactly C*sum(logloss) + l1_ratio*|w|_1 + 0.5*(1 - l1_ratio)*|w|^2 (liblinear penalises b)
        m = LogisticRegression(penalty=props["penalty"], C=float(props["C"]), solver="saga",
                               l1_ratio=float(props["l1_ratio"]) if props["penalty"] == "elasticnet" else None).fit(x, y)
        return [m.coef_.ravel()], [float(m.intercept_[0])], [float("nan")], f"n_iter {int(m.n_iter_[0])}"
    if model == "multinomial":
        m = LogisticRegression(C=float(props["C"]), multi_class="multinomial").fit(x, y)  # lbfgs, scikit-learn's default
        return list(m.coef_), list(m.intercept_), [float("nan")], f"n_iter {int(m.n_iter_[0])}"
    if model == "poisson":
        m = PoissonRegressor(alpha=float(props["alpha"])).fit(x, y)  # lbfgs
        return [m.coef_], [float(m.intercept_)], [float("nan")], f"n_iter {int(m.n_iter_)}"
    if model in ("logistic_path", "multinomial_path", "poisson_path"):
        raise SystemExit(f"not applicable: scikit-learn has no {model.replace('_', ' ')} (glmnet's objective)")
    raise SystemExit(f"sklearn_peer: unknown model {model}")


def main():
    d = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    props = read_props(f"{d}/workload.properties")
    x, y = load(d, props)
    times = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        for r in range(warmup + repeats):
            t0 = time.perf_counter()
            result = fit(props["model"], props, x, y)
            t1 = time.perf_counter()
            if r >= warmup:
                times.append(t1 - t0)
    coefs, intercepts, alphas, note = result
    if any(issubclass(w.category, ConvergenceWarning) for w in caught):
        note = (note + "; " if note else "") + "ConvergenceWarning"
    np.savetxt(f"{d}/coef-sklearn.csv", np.vstack(coefs), fmt="%.17g", delimiter=",")
    np.savetxt(f"{d}/intercept-sklearn.csv", np.asarray(intercepts, dtype=float), fmt="%.17g")
    np.savetxt(f"{d}/alphas-sklearn.csv", np.asarray(alphas, dtype=float), fmt="%.17g")
    with open(f"{d}/result-sklearn.properties", "w") as f:
        f.write(f"time_s={sum(times) / len(times):.9g}\n")
        f.write("times=" + " ".join(f"{t:.6g}" for t in times) + "\n")
        f.write(f"version=scikit-learn {sklearn.__version__}, numpy {np.__version__}\n")
        f.write(f"note={note}\n")
    print(f"sklearn {props['name']}: {sum(times) / len(times):.4f} s per fit ({note})")


if __name__ == "__main__":
    main()
