# Oracle for OLS (Statistics/Ols.cs), the fixed-effects within estimator (Statistics/PanelRegression.cs) and sigma/beta
# convergence (Evolution/Convergence.cs), DESIGN 2.13.
#
# Rerun from the repository root (Debian: r-cran-plm r-cran-sandwich r-cran-jsonlite; lmtest is not needed):
#   Rscript tests/oracles/panel.R [SHARED_DATA_DIR]      (default ../shared/data)
# It writes tests/GlocalNetworks.Tests/Fixtures/r-plm/panel.json: every input it used (synthetic data inline; the real
# panel is re-read by the test from indicators/nuts2-year.csv with the same filter), and the expected values:
#   lm + sandwich::vcovHC(HC0, HC1); plm(model = "within", effect = "individual" / "twoways") with vcov() and
#   plm::vcovHC(type = "HC0" / "HC1" / "sss", cluster = "group"); sigma convergence (sd of logs, CV, sd, by year, and the
#   lm slope of sigma on year); beta convergence (lm of (1/T) ln(x_T/x_0) on ln x_0 [+ covariate], conventional + HC1).
# Numbers are written with 17 significant digits.

suppressPackageStartupMessages({
  library(plm)
  library(sandwich)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) > 0) args[1] else file.path("..", "shared", "data")
out <- "tests/GlocalNetworks.Tests/Fixtures/r-plm/panel.json"
dir.create(dirname(out), showWarnings = FALSE, recursive = TRUE)

ols <- function(d, formula) {
  f <- lm(formula, data = d)
  list(
    names = names(coef(f)), coef = unname(coef(f)),
    se = unname(sqrt(diag(vcov(f)))),
    se_hc0 = unname(sqrt(diag(vcovHC(f, type = "HC0")))),
    se_hc1 = unname(sqrt(diag(vcovHC(f, type = "HC1")))),
    r2 = summary(f)$r.squared, adj_r2 = summary(f)$adj.r.squared,
    sigma2 = summary(f)$sigma^2, df = f$df.residual)
}

fe <- function(pd, formula, effect) {
  m <- plm(formula, data = pd, model = "within", effect = effect)
  list(
    effect = effect, names = names(coef(m)), coef = unname(coef(m)),
    se = unname(sqrt(diag(vcov(m)))),
    se_cluster_hc0 = unname(sqrt(diag(vcovHC(m, type = "HC0", cluster = "group")))),
    se_cluster_hc1 = unname(sqrt(diag(vcovHC(m, type = "HC1", cluster = "group")))),
    se_cluster_sss = unname(sqrt(diag(vcovHC(m, type = "sss", cluster = "group")))),
    n = nobs(m), df = df.residual(m),
    sigma2 = sum(resid(m)^2) / df.residual(m),
    r2_within = if (effect == "individual") unname(r.squared(m)) else NA)
}

# 1. OLS on a seeded synthetic sample.
set.seed(20261125)
n <- 40
o <- data.frame(x1 = rnorm(n), x2 = runif(n, 0, 3))
o$y <- 2 + 0.7 * o$x1 - 1.1 * o$x2 + rnorm(n) * (0.5 + o$x2)
ols_syn <- c(list(x1 = o$x1, x2 = o$x2, y = o$y), ols(o, y ~ x1 + x2))

# 2. Synthetic unbalanced panel: 7 units x 6 years, 4 rows removed, 2 values missing (NA).
g <- expand.grid(unit = paste0("u", 1:7), year = 2010:2015, stringsAsFactors = FALSE)
g <- g[order(g$unit, g$year), ]
g <- g[-c(3, 10, 11, 40), ]
g$x1 <- rnorm(nrow(g)) + as.integer(substr(g$unit, 2, 2)) / 4
g$x2 <- rnorm(nrow(g)) + (g$year - 2010) / 5
g$y <- 1 + 0.6 * g$x1 - 0.4 * g$x2 + as.integer(substr(g$unit, 2, 2)) + 0.1 * (g$year - 2010) + rnorm(nrow(g)) * 0.7
g$x1[5] <- NA
g$y[17] <- NA
pd <- pdata.frame(g, index = c("unit", "year"))
panel_syn <- list(unit = g$unit, year = g$year, x1 = g$x1, x2 = g$x2, y = g$y,
  dropped = sum(!complete.cases(g[, c("x1", "x2", "y")])),
  individual = fe(pd, y ~ x1 + x2, "individual"), twoways = fe(pd, y ~ x1 + x2, "twoways"))

# 3. The real NUTS-2 panel: GDP per capita on EPO patents per million and the unemployment rate, 2007-2012. Rows: every
# (region, year) with any of the three indicators in those years; incomplete rows are dropped (counted).
nuts <- read.csv(file.path(data_dir, "indicators", "nuts2-year.csv"), na.strings = "", stringsAsFactors = FALSE)
ind <- c("gdp_per_capita_eur", "patent_applications_epo_per_million_inhabitants", "unemployment_rate_pct")
nuts <- nuts[nuts$indicator %in% ind & nuts$year >= 2007 & nuts$year <= 2012, ]
w <- reshape(nuts[, c("region_code", "year", "indicator", "value")], idvar = c("region_code", "year"),
  timevar = "indicator", direction = "wide")
names(w) <- sub("^value\\.", "", names(w))
w <- w[order(w$region_code, w$year), ]
rp <- pdata.frame(w, index = c("region_code", "year"))
fr <- y ~ x
rf <- gdp_per_capita_eur ~ patent_applications_epo_per_million_inhabitants + unemployment_rate_pct
panel_real <- list(file = "indicators/nuts2-year.csv", indicators = ind, from = 2007, to = 2012, rows = nrow(w),
  dropped = sum(!complete.cases(w[, ind])),
  individual = fe(rp, rf, "individual"), twoways = fe(rp, rf, "twoways"))

# 4. Sigma and beta convergence of NUTS-2 GDP per capita, 2008-2016 (regions with a value that year).
gdp <- read.csv(file.path(data_dir, "indicators", "nuts2-year.csv"), na.strings = "", stringsAsFactors = FALSE)
gdp <- gdp[gdp$indicator == "gdp_per_capita_eur" & gdp$year >= 2008 & gdp$year <= 2016, ]
years <- 2008:2016
sig <- function(fun) sapply(years, function(t) fun(gdp$value[gdp$year == t]))
sd_log <- sig(function(v) sd(log(v)))
cv <- sig(function(v) sd(v) / mean(v))
sdv <- sig(sd)
trend <- function(s) { f <- lm(s ~ years); c(unname(coef(f)[2]), unname(sqrt(diag(vcov(f)))[2])) }
x0 <- gdp[gdp$year == 2008, c("region_code", "value")]
xT <- gdp[gdp$year == 2016, c("region_code", "value")]
b <- merge(x0, xT, by = "region_code", suffixes = c("0", "T"))
pop <- read.csv(file.path(data_dir, "indicators", "nuts2-year.csv"), na.strings = "", stringsAsFactors = FALSE)
pop <- pop[pop$indicator == "population" & pop$year == 2008, c("region_code", "value")]
names(pop) <- c("region_code", "pop0")
bT <- 2016 - 2008
b$g <- log(b$valueT / b$value0) / bT
b$lnx0 <- log(b$value0)
beta_abs <- ols(b, g ~ lnx0)
bc <- merge(b, pop, by = "region_code")
bc$lnpop <- log(bc$pop0)
beta_cond <- ols(bc, g ~ lnx0 + lnpop)
bb <- beta_abs$coef[2]
speed <- -log(1 + bb * bT) / bT
conv <- list(indicator = "gdp_per_capita_eur", years = years,
  n = sig(length), sd_log = sd_log, cv = cv, sd = sdv,
  trend_sd_log = trend(sd_log), trend_cv = trend(cv), trend_sd = trend(sdv),
  beta_from = 2008, beta_to = 2016, beta_n = nrow(b), beta = beta_abs, speed = speed, half_life = log(2) / speed,
  conditional_covariate = "ln population 2008", conditional_n = nrow(bc), beta_conditional = beta_cond)

res <- list(generator = "tests/oracles/panel.R", oracle = "R", oracle_version = R.version$version.string,
  plm_version = as.character(packageVersion("plm")), sandwich_version = as.character(packageVersion("sandwich")),
  tolerance = 1e-8, ols = ols_syn, panel_synthetic = panel_syn, panel_nuts2 = panel_real, convergence_nuts2 = conv)
writeLines(toJSON(res, digits = I(17), auto_unbox = TRUE, na = "null", pretty = TRUE), out)
cat("wrote", out, "\n")
