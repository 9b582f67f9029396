# QAP correlation and MRQAP (double semi-partialling) oracle: R sna::gcor / qaptest / netlm (DESIGN 2.12).
# Writes tests/GlocalNetworks.Tests/Fixtures/r/qap.json. Rerun from the repository root:
#   Rscript tests/oracles/qap.R
# Needs r-cran-sna (2.7) and r-cran-jsonlite (Debian bookworm). Seeded: reruns are byte-identical.
suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

reps <- 2000
set.seed(20261125)
n <- 20

# Directed pair: y = 0.15 x + noise (a weak association, so the p-values are not 0), zero diagonals.
dx <- matrix(round(rnorm(n * n), 6), n, n); diag(dx) <- 0
dy <- matrix(round(0.15 * dx + rnorm(n * n), 6), n, n); diag(dy) <- 0

# Undirected: y, x1, x2 symmetric; y depends on x1 (weakly) and x2 (moderately).
sym <- function(m) { m[upper.tri(m)] <- t(m)[upper.tri(m)]; diag(m) <- 0; m }
ux1 <- sym(matrix(round(rnorm(n * n), 6), n, n))
ux2 <- sym(matrix(rbinom(n * n, 1, 0.3), n, n))
uy <- sym(matrix(round(0.1 * ux1 + 0.8 * ux2 + rnorm(n * n), 6), n, n))

qap <- function(y, x, mode) {
  obs <- gcor(y, x, mode = mode)
  q <- qaptest(list(y, x), gcor, g1 = 1, g2 = 2, mode = mode, reps = reps)
  list(observed = obs, pgreq = q$pgreq, pleeq = q$pleeq)
}

mrqap <- function(y, x, mode, intercept = TRUE) {
  fit <- netlm(y, x, intercept = intercept, mode = mode, nullhyp = "qapspp", test.statistic = "t-value", reps = reps)
  list(nullhyp = fit$nullhyp, names = I(fit$names), coefficients = I(unname(fit$coefficients)), t = I(unname(fit$tstat)),
       pgreq = I(unname(fit$pgreq)), pleeq = I(unname(fit$pleeq)), pgreqabs = I(unname(fit$pgreqabs)),
       n = fit$n, rank = fit$rank)
}

out <- list(
  oracle = "R sna",
  oracle_version = as.character(packageVersion("sna")),
  r_version = R.version.string,
  generator = "tests/oracles/qap.R",
  reps = reps,
  tolerance = list(observed = 1e-10,
                   p_values = "4 binomial standard errors, 4 * sqrt(p (1 - p) / reps), p the mean of the two estimates"),
  calls = list(qap = "gcor(y, x, mode); qaptest(list(y, x), gcor, g1 = 1, g2 = 2, mode, reps)",
               mrqap = "netlm(y, x, intercept, mode, nullhyp = 'qapspp', test.statistic = 't-value', reps)"),
  matrices = list(directed_x = dx, directed_y = dy, undirected_x1 = ux1, undirected_x2 = ux2, undirected_y = uy),
  qap = list(directed = qap(dy, dx, "digraph"), undirected = qap(uy, ux1, "graph")),
  mrqap = list(directed = mrqap(dy, dx, "digraph"),
               undirected = mrqap(uy, list(ux1, ux2), "graph"),
               single = mrqap(dy, dx, "digraph", intercept = FALSE))
)

path <- "tests/GlocalNetworks.Tests/Fixtures/r/qap.json"
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, matrix = "rowmajor"), path)
cat("wrote", path, "\n")
