#!/usr/bin/env Rscript
# glmnet peer of the shrink report: fits one workload folder written by the report, with glmnet's settings chosen so
# that it minimises exactly scikit-learn's objective (see the conformance README for glmnet's Gaussian y-scale rule),
# and writes back, for each thresh in THRESHS (glmnet's convergence threshold: the default and a tighter one, so that
# the report can keep the fastest one that reaches the same objective), coef-glmnet-T.csv, intercept-glmnet-T.csv,
# alphas-glmnet-T.csv (scikit-learn's alpha of each fit) and result-glmnet-T.properties (time_s = mean seconds per fit
# over the measured repeats, after the warm-up fits; coretype = the OpenBLAS core type of R's BLAS, which
# run_peers.sh checks and passes in SHRINK_BLAS_CORETYPE).
#
# usage: glmnet_peer.R WORKLOAD_DIR [REPEATS] [WARMUP]
#
# Mapping (s = sqrt(mean((y - mean(y))^2)), rho = l1_ratio, n rows), standardize = FALSE throughout:
#   lasso       alpha = 1,                       lambda = alpha_sk
#   elasticnet  a = rho / (rho + s * (1 - rho)), lambda = alpha_sk * rho / a
#   ridge       alpha = 0,                       lambda = alpha_sk * s / n     (scikit-learn Ridge has no 1/n)
#   logistic    binomial, alpha = 0,             lambda = 1 / (C * n)
#   logistic_penalized  binomial, alpha = l1_ratio, lambda = 1 / (C * n)    (scikit-learn's saga objective)
#   multinomial multinomial, alpha = 0,          lambda = 1 / (C * n)       (scikit-learn's symmetric multinomial)
#   poisson     poisson, alpha = 0,              lambda = alpha_sk          (PoissonRegressor's half deviance)
# and glmnet's own objectives, standardize = TRUE, the workload's lambda grid (glmnet's rule, written out so that
# every side fits the same 100 values): logistic_path (binomial), multinomial_path, poisson_path; logistic_path with
# standardize=false (the sparse L1 logistic path) is scikit-learn's objective at C = 1/(n*lambda).
suppressPackageStartupMessages(library(glmnet))

args <- commandArgs(trailingOnly = TRUE)
d <- args[1]
repeats <- if (length(args) > 1) as.integer(args[2]) else 3L
warmup <- if (length(args) > 2) as.integer(args[3]) else 1L

lines <- readLines(file.path(d, "workload.properties"))
lines <- lines[grepl("=", lines)]
props <- setNames(sub("^[^=]*=", "", lines), sub("=.*$", "", lines))
n <- as.integer(props[["n"]]); p <- as.integer(props[["p"]])
dd <- if ("data_dir" %in% names(props)) file.path(d, props[["data_dir"]]) else d
if (file.exists(file.path(dd, "X.mtx"))) {
  # a sparse workload: a dgCMatrix, which glmnet fits without densifying
  suppressPackageStartupMessages(library(Matrix))
  x <- as(readMM(file.path(dd, "X.mtx")), "CsparseMatrix")
  y <- readBin(file.path(dd, "y.f64"), "double", n, size = 8, endian = "little")
} else if (file.exists(file.path(dd, "X.f64"))) {
  x <- matrix(readBin(file.path(dd, "X.f64"), "double", n * p, size = 8, endian = "little"), nrow = n, byrow = TRUE)
  y <- readBin(file.path(dd, "y.f64"), "double", n, size = 8, endian = "little")
} else {
  x <- unname(as.matrix(read.csv(file.path(dd, "X.csv"), header = FALSE)))
  y <- scan(file.path(dd, "y.csv"), quiet = TRUE)
}
model <- props[["model"]]
s <- sqrt(mean((y - mean(y))^2))
num <- function(k) as.numeric(props[[k]])
en_a <- function(rho) rho / (rho + s * (1 - rho))

sk_grid <- function(rho, n_alphas, eps) {
  xc <- scale(x, center = TRUE, scale = FALSE)
  amax <- max(abs(crossprod(xc, y - mean(y)))) / (n * rho)
  10^seq(log10(amax), log10(eps * amax), length.out = n_alphas)
}

THRESHS <- c(1e-7, 1e-10)
LONG_FIT_S <- 2

fit <- function(thresh) {
  if (model == "ridge") {
    a <- num("alpha")
    f <- glmnet(x, y, family = "gaussian", alpha = 0, lambda = a * s / n, standardize = FALSE, thresh = thresh)
    return(list(coef = list(as.numeric(coef(f))), alphas = a, note = ""))
  }
  if (model %in% c("lasso", "elasticnet")) {
    a <- num("alpha"); rho <- num("l1_ratio"); ga <- en_a(rho)
    f <- glmnet(x, y, family = "gaussian", alpha = ga, lambda = a * rho / ga, standardize = FALSE, thresh = thresh)
    return(list(coef = list(as.numeric(coef(f))), alphas = a, note = paste("npasses", f$npasses)))
  }
  if (model == "logistic") {
    f <- glmnet(x, y, family = "binomial", alpha = 0, lambda = 1 / (num("C") * n), standardize = FALSE, thresh = thresh)
    return(list(coef = list(as.numeric(coef(f))), alphas = NaN, note = paste("npasses", f$npasses)))
  }
  if (model == "elasticnet_path") {
    rho <- num("l1_ratio"); ga <- en_a(rho)
    alphas <- if ("alphas" %in% names(props)) as.numeric(strsplit(props[["alphas"]], " ")[[1]]) else
      sk_grid(rho, as.integer(num("n_alphas")), num("eps"))
    f <- glmnet(x, y, family = "gaussian", alpha = ga, lambda = alphas * rho / ga, standardize = FALSE, thresh = thresh)
    b <- as.matrix(coef(f))
    return(list(coef = lapply(seq_len(ncol(b)), function(k) b[, k]), alphas = alphas,
                note = if (ncol(b) < length(alphas)) "glmnet stopped the path early" else ""))
  }
  if (model == "elasticnet_cv") {
    rho <- num("l1_ratio"); ga <- en_a(rho); k <- as.integer(num("n_folds"))
    alphas <- sk_grid(rho, as.integer(num("n_alphas")), num("eps"))
    foldid <- rep(seq_len(k), each = ceiling(n / k))[seq_len(n)]   # contiguous folds, as KFold without shuffle
    f <- cv.glmnet(x, y, family = "gaussian", alpha = ga, lambda = alphas * rho / ga, foldid = foldid, standardize = FALSE, thresh = thresh)
    chosen <- f$lambda.min * ga / rho
    return(list(coef = list(as.numeric(coef(f, s = "lambda.min"))), alphas = chosen,
                note = sprintf("alpha chosen %.6g", chosen)))
  }
  if (model == "logistic_penalized") {
    f <- glmnet(x, y, family = "binomial", alpha = num("l1_ratio"), lambda = 1 / (num("C") * n), standardize = FALSE, thresh = thresh)
    return(list(coef = list(as.numeric(coef(f))), alphas = NaN, note = paste("npasses", f$npasses)))
  }
  if (model == "multinomial") {
    f <- glmnet(x, y, family = "multinomial", alpha = 0, lambda = 1 / (num("C") * n), standardize = FALSE, thresh = thresh)
    return(list(coef = lapply(coef(f), function(b) as.numeric(b)), alphas = NaN, note = paste("npasses", f$npasses)))
  }
  if (model == "poisson") {
    f <- glmnet(x, y, family = "poisson", alpha = 0, lambda = num("alpha"), standardize = FALSE, thresh = thresh)
    return(list(coef = list(as.numeric(coef(f))), alphas = NaN, note = paste("npasses", f$npasses)))
  }
  if (model %in% c("logistic_path", "multinomial_path", "poisson_path")) {
    lambdas <- as.numeric(strsplit(props[["lambdas"]], " ")[[1]])
    family <- sub("_path$", "", sub("^logistic", "binomial", model))
    # glmnet's default standardize = TRUE, unless the workload fits scikit-learn's objective (standardize=false)
    std <- !identical(props["standardize"][[1]], "false")
    f <- glmnet(x, y, family = family, alpha = num("l1_ratio"), lambda = lambdas, standardize = std, thresh = thresh)
    cf <- coef(f)
    if (is.list(cf)) { # multinomial: line k*K + c holds class c at lambda k
      K <- length(cf)
      out <- list()
      for (k in seq_len(ncol(cf[[1]]))) for (c in seq_len(K)) out[[length(out) + 1]] <- as.numeric(cf[[c]][, k])
    } else {
      b <- as.matrix(cf)
      out <- lapply(seq_len(ncol(b)), function(k) b[, k])
    }
    return(list(coef = out, alphas = lambdas, note = paste("npasses", f$npasses)))
  }
  stop(paste("not applicable:", model))
}

for (thresh in THRESHS) {
  tt <- sub("e-0*", "e-", sprintf("%.0e", thresh))
  side <- paste0("glmnet-thresh", tt)
  times <- c()
  fits <- 0
  while (length(times) < repeats) {
    t0 <- proc.time()[["elapsed"]]
    res <- fit(thresh)
    t1 <- proc.time()[["elapsed"]]
    fits <- fits + 1
    # Warm-up fits are not timed, unless one takes longer than LONG_FIT_S (then warming up is moot).
    if (fits > warmup || t1 - t0 > LONG_FIT_S) times <- c(times, t1 - t0)
  }
  coefs <- do.call(rbind, lapply(res$coef, function(b) b[-1]))
  intercepts <- vapply(res$coef, function(b) b[1], 0)
  out <- function(kind) file.path(d, paste0(kind, "-", side, ".", if (kind == "result") "properties" else "csv"))
  write.table(format(coefs, digits = 17), out("coef"), sep = ",", row.names = FALSE, col.names = FALSE, quote = FALSE)
  writeLines(format(intercepts, digits = 17), out("intercept"))
  writeLines(format(res$alphas, digits = 17), out("alphas"))
  core <- Sys.getenv("SHRINK_BLAS_CORETYPE")
  writeLines(c("peer=glmnet", paste0("setting=thresh=", tt),
               sprintf("time_s=%.9g", mean(times)), paste0("times=", paste(sprintf("%.6g", times), collapse = " ")),
               paste0("version=glmnet ", as.character(packageVersion("glmnet")), ", ", R.version.string),
               paste0("coretype=", core), paste0("coretype_requested=", Sys.getenv("SHRINK_PEER_CORETYPE")),
               paste0("blas=", Sys.getenv("SHRINK_BLAS_LIBRARY"), " (openblas_get_corename of R's library, same environment)"),
               paste0("note=", res$note)), out("result"))
  cat(sprintf("glmnet %s thresh=%s [%s]: %.4f s per fit (%s)\n", props[["name"]], tt, core, mean(times), res$note))
}
