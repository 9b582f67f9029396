# Oracle for the Poisson GLM / PPML (src/GlocalNetworks/Statistics), the gravity metric and the PPML exponent of
# distance-decay (DESIGN 2.8, 2.9).
#
# Rerun from the repository root (Debian bookworm: r-cran-sandwich r-cran-jsonlite):
#   Rscript tests/oracles/gravity.R
# It writes, under tests/GlocalNetworks.Tests/Fixtures/r/:
#   gravity/regions.csv, innovators.csv, links.csv, proximity.csv  a seeded random network (set.seed(20240611))
#   gravity.json                                                   the expected fits
# Everything the tests compare is recomputed here from the CSV files as read back, independently of the C# code:
# region-pair flows, masses, haversine distances (R = 6371.0088 km), distance bands and pair counts.
# Fits: glm(family = quasipoisson, control = glm.control(epsilon = 1e-14, maxit = 100)) (beta, quasi-Poisson SEs,
# dispersion, deviance) and sandwich::vcovHC(fit, type = "HC0" / "HC1"). Numbers are written with 17 significant
# digits, so they read back to the same doubles.

suppressPackageStartupMessages({
  library(sandwich)
  library(jsonlite)
})

out_dir <- "tests/GlocalNetworks.Tests/Fixtures/r"
net_dir <- file.path(out_dir, "gravity")
dir.create(net_dir, showWarnings = FALSE, recursive = TRUE)
ctrl <- glm.control(epsilon = 1e-14, maxit = 100)

haversine <- function(lat1, lon1, lat2, lon2) {
  to_rad <- pi / 180
  s1 <- sin((lat2 - lat1) * to_rad / 2)
  s2 <- sin((lon2 - lon1) * to_rad / 2)
  a <- s1 * s1 + cos(lat1 * to_rad) * cos(lat2 * to_rad) * s2 * s2
  2 * 6371.0088 * asin(pmin(1, sqrt(a)))
}

# Everything a test compares for one fit.
# R evaluates summary() and vcovHC() at the working weights of the last iteration, i.e. at the mu before the last
# step (about 1e-7 away at epsilon 1e-14: deviance changes are quadratic in the step), while DESIGN 2.9 evaluates every
# covariance at the final mu. Restarting glm from its own estimates (start = coef) runs one more iteration whose
# working weights are the final mu, so R's own summary() and vcovHC() then report the covariances at mu-hat.
# The iteration count is the first fit's.
describe <- function(fit0, terms, data = NULL) {
  fit <- update(fit0, start = coef(fit0))
  hc0 <- sandwich::vcovHC(fit, type = "HC0")
  hc1 <- sandwich::vcovHC(fit, type = "HC1")
  s <- summary(fit)
  b <- unname(coef(fit))
  z <- function(v) b / sqrt(diag(v))
  res <- list(
    terms = terms,
    iterations = fit0$iter,
    restart_iterations = fit$iter,
    deviance = fit$deviance,
    dispersion = s$dispersion,
    n = length(fit$y),
    pseudo_r2 = cor(fit$y, fitted(fit))^2,
    estimate = b,
    se_quasi = unname(s$coefficients[, 2]),
    t_quasi = unname(s$coefficients[, 3]),
    p_quasi = unname(s$coefficients[, 4]),
    se_hc0 = unname(sqrt(diag(hc0))),
    z_hc0 = unname(z(hc0)),
    p_hc0 = unname(2 * pnorm(-abs(z(hc0)))),
    se_hc1 = unname(sqrt(diag(hc1))),
    z_hc1 = unname(z(hc1)),
    p_hc1 = unname(2 * pnorm(-abs(z(hc1)))))
  if (!is.null(data)) res$data <- data
  res
}

cases <- list()

# (a) A small hand data set: counts with zeros, a trend, a dummy, and an offset.
hand <- data.frame(
  y = c(0, 1, 3, 2, 5, 0, 7, 4, 9, 12, 3, 8, 0, 15),
  x1 = c(0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0),
  x2 = c(1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1),
  exposure = c(1, 2, 2, 1, 3, 1, 2, 2, 3, 4, 1, 2, 1, 4))
fit <- glm(y ~ x1 + x2, family = quasipoisson, data = hand, control = ctrl)
cases$hand <- describe(fit, c("intercept", "x1", "x2"), as.list(hand))
fit <- glm(y ~ x1 + x2, offset = log(exposure), family = quasipoisson, data = hand, control = ctrl)
cases[["hand-offset"]] <- describe(fit, c("intercept", "x1", "x2"), as.list(hand))
# PPML on a non-integer outcome (weights): quasipoisson accepts it without a warning.
hand$yw <- hand$y * c(0.5, 1.5, 2, 1, 0.25, 3, 1, 1.5, 2, 0.75, 1, 2.5, 1, 1.25)
fit <- glm(yw ~ x1 + x2, family = quasipoisson, data = hand, control = ctrl)
cases[["hand-weighted"]] <- describe(fit, c("intercept", "x1", "x2"), as.list(hand))

# (b) A seeded random network: world > 4 countries > provinces with centroids; innovators in provinces (some with their
# own location), a few located at country level only; links more likely between near innovators.
set.seed(20240611)
countries <- data.frame(id = c("C1", "C2", "C3", "C4"), lat = c(48.5, 45.0, 52.0, 36.0), lon = c(10.0, 4.0, 18.0, 139.0),
                        provinces = c(6, 5, 4, 4))
regions <- data.frame(id = "W", level = "world", parent = "", lat = NA, lon = NA)
regions <- rbind(regions, data.frame(id = countries$id, level = "country", parent = "W",
                                     lat = c(round(countries$lat[1:3], 4), NA), lon = c(round(countries$lon[1:3], 4), NA)))
for (c in seq_len(nrow(countries))) {
  k <- countries$provinces[c]
  regions <- rbind(regions, data.frame(
    id = sprintf("%sP%d", countries$id[c], seq_len(k)), level = "province", parent = countries$id[c],
    lat = round(countries$lat[c] + runif(k, -2, 2), 4), lon = round(countries$lon[c] + runif(k, -3, 3), 4)))
}
provinces <- regions[regions$level == "province", ]
n_inn <- 240
size <- rexp(nrow(provinces)) + 0.2
home <- sample(provinces$id, n_inn, replace = TRUE, prob = size)
own <- runif(n_inn) < 0.4
plat <- provinces$lat[match(home, provinces$id)]
plon <- provinces$lon[match(home, provinces$id)]
innovators <- data.frame(id = sprintf("i%03d", seq_len(n_inn)), region = home,
                         lat = ifelse(own, round(plat + runif(n_inn, -0.3, 0.3), 4), NA),
                         lon = ifelse(own, round(plon + runif(n_inn, -0.3, 0.3), 4), NA))
# Country-level innovators: two with a location, one in C1 (country centroid), one in C4 (no centroid: unlocated).
innovators <- rbind(innovators, data.frame(
  id = c("k1", "k2", "k3", "k4"), region = c("C1", "C2", "C1", "C4"),
  lat = c(50.1, 44.2, NA, NA), lon = c(8.7, 5.1, NA, NA)))
n_all <- nrow(innovators)
ilat <- ifelse(is.na(innovators$lat), regions$lat[match(innovators$region, regions$id)], innovators$lat)
ilon <- ifelse(is.na(innovators$lon), regions$lon[match(innovators$region, regions$id)], innovators$lon)
links <- data.frame(source = character(0), target = character(0), weight = numeric(0))
seen <- character(0)
while (nrow(links) < 700) {
  i <- sample.int(n_all, 1)
  j <- sample.int(n_all, 1)
  if (i == j) next
  a <- min(i, j)
  b <- max(i, j)
  key <- paste(a, b)
  if (key %in% seen) next
  d <- if (is.na(ilat[a]) || is.na(ilat[b])) 2000 else haversine(ilat[a], ilon[a], ilat[b], ilon[b])
  if (runif(1) > exp(-d / 600) + 0.02) next
  seen <- c(seen, key)
  links <- rbind(links, data.frame(source = innovators$id[a], target = innovators$id[b], weight = sample(1:5, 1)))
}
pairs_all <- t(combn(provinces$id, 2))
proximity <- data.frame(r = pairs_all[, 1], s = pairs_all[, 2], value = round(runif(nrow(pairs_all)), 4))

fmt <- function(v) ifelse(is.na(v), "", sprintf("%.4f", v))
write.csv(data.frame(id = regions$id, level = regions$level, parent = regions$parent, lat = fmt(regions$lat), lon = fmt(regions$lon)),
          file.path(net_dir, "regions.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(id = innovators$id, region = innovators$region, lat = fmt(innovators$lat), lon = fmt(innovators$lon)),
          file.path(net_dir, "innovators.csv"), row.names = FALSE, quote = FALSE)
write.csv(links, file.path(net_dir, "links.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(r = proximity$r, s = proximity$s, value = sprintf("%.4f", proximity$value)),
          file.path(net_dir, "proximity.csv"), row.names = FALSE, quote = FALSE)

# Read everything back: the fits below see exactly what the C# tests load.
regions <- read.csv(file.path(net_dir, "regions.csv"), stringsAsFactors = FALSE, na.strings = "")
innovators <- read.csv(file.path(net_dir, "innovators.csv"), stringsAsFactors = FALSE, na.strings = "")
links <- read.csv(file.path(net_dir, "links.csv"), stringsAsFactors = FALSE)
proximity <- read.csv(file.path(net_dir, "proximity.csv"), stringsAsFactors = FALSE)

# Gravity at the province level: observations R < S over the provinces holding innovators, in regions.csv order.
prov_of <- ifelse(regions$level[match(innovators$region, regions$id)] == "province", innovators$region, NA)
held <- regions$id[regions$level == "province" & regions$id %in% prov_of]
gravity_data <- function(weighted, mass, directed = FALSE) {
  r <- length(held)
  f <- matrix(0, r, r)
  deg <- numeric(r)
  gs <- match(prov_of[match(links$source, innovators$id)], held)
  gt <- match(prov_of[match(links$target, innovators$id)], held)
  for (l in seq_len(nrow(links))) {
    w <- if (weighted) links$weight[l] else 1
    # a region's degree counts every link end of its innovators, whatever the other end
    if (!is.na(gs[l])) deg[gs[l]] <- deg[gs[l]] + w
    if (!is.na(gt[l])) deg[gt[l]] <- deg[gt[l]] + w
    if (is.na(gs[l]) || is.na(gt[l]) || gs[l] == gt[l]) next
    a <- if (directed) gs[l] else min(gs[l], gt[l])
    b <- if (directed) gt[l] else max(gs[l], gt[l])
    f[a, b] <- f[a, b] + w
  }
  m <- if (mass == "innovators") as.numeric(table(factor(prov_of, levels = held))) else deg
  # observations R < S (undirected) or R != S (directed, every link an arc source -> target), row-major
  idx <- which(if (directed) row(f) != col(f) else upper.tri(f), arr.ind = TRUE)
  idx <- idx[order(idx[, 1], idx[, 2]), , drop = FALSE]
  pr <- match(held, regions$id)
  country <- regions$parent[pr]
  data.frame(
    r = held[idx[, 1]], s = held[idx[, 2]], y = f[idx],
    lmr = log(m[idx[, 1]]), lms = log(m[idx[, 2]]),
    ldist = log(haversine(regions$lat[pr[idx[, 1]]], regions$lon[pr[idx[, 1]]], regions$lat[pr[idx[, 2]]], regions$lon[pr[idx[, 2]]])),
    same = as.numeric(country[idx[, 1]] == country[idx[, 2]]),
    prox = proximity$value[match(paste(held[idx[, 1]], held[idx[, 2]]), paste(proximity$r, proximity$s))])
}
gterms <- c("intercept", "ln-mass-r", "ln-mass-s", "ln-distance", "same-parent")
d <- gravity_data(FALSE, "innovators")
fit <- glm(y ~ lmr + lms + ldist + same + prox, family = quasipoisson, data = d, control = ctrl)
cases[["gravity-count"]] <- describe(fit, c(gterms, "proximity"))
cases[["gravity-count"]]$options <- "level province, count, mass innovators, same parent at country, covariate proximity"
d <- gravity_data(TRUE, "degree")
fit <- glm(y ~ lmr + lms + ldist + same, family = quasipoisson, data = d, control = ctrl)
cases[["gravity-weighted"]] <- describe(fit, gterms)
cases[["gravity-weighted"]]$options <- "level province, weighted, mass degree (link weight at each end), same parent at country"
d <- gravity_data(FALSE, "innovators", directed = TRUE)
fit <- glm(y ~ lmr + lms + ldist + same, family = quasipoisson, data = d, control = ctrl)
cases[["gravity-directed"]] <- describe(fit, gterms)
cases[["gravity-directed"]]$options <- "links read as arcs source -> target, ordered pairs R != S, count, mass innovators, same parent at country"

# (c) Distance decay over innovator pairs (i < j): an innovator's location, else its home region's centroid, else
# excluded. Bands [lo, hi), the last one closed.
edges <- c(0, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 20038)
ilat <- ifelse(is.na(innovators$lat), regions$lat[match(innovators$region, regions$id)], innovators$lat)
ilon <- ifelse(is.na(innovators$lon), regions$lon[match(innovators$region, regions$id)], innovators$lon)
located <- which(!is.na(ilat))
band_of <- function(d) pmin(findInterval(d, edges), length(edges) - 1)
nb <- length(edges) - 1
pairs_n <- numeric(nb)
pairs_sum <- numeric(nb)
for (a in seq_along(located)) {
  if (a == length(located)) break
  i <- located[a]
  js <- located[(a + 1):length(located)]
  dd <- haversine(ilat[i], ilon[i], ilat[js], ilon[js])
  bb <- band_of(dd)
  pairs_n <- pairs_n + tabulate(bb, nb)
  pairs_sum <- pairs_sum + vapply(seq_len(nb), function(k) sum(dd[bb == k]), 0)
}
si <- match(links$source, innovators$id)
ti <- match(links$target, innovators$id)
ok <- !is.na(ilat[si]) & !is.na(ilat[ti])
ld <- haversine(ilat[si[ok]], ilon[si[ok]], ilat[ti[ok]], ilon[ti[ok]])
lcount <- tabulate(band_of(ld), nb)
dbar <- ifelse(pairs_n > 0, pairs_sum / pairs_n, NaN)
usable <- pairs_n > 0 & dbar > 0
bands <- data.frame(L = lcount[usable], P = pairs_n[usable], dbar = dbar[usable])
fit <- glm(L ~ log(dbar), offset = log(P), family = quasipoisson, data = bands, control = ctrl)
cases[["decay-ppml"]] <- describe(fit, c("intercept", "ln-distance"))
pos <- bands$L > 0
ols <- lm(log(L / P) ~ log(dbar), data = bands[pos, ])
cases[["decay-ppml"]]$bands <- list(
  id = sprintf("%s-%s", edges[-length(edges)], edges[-1]),
  links = lcount, pairs = pairs_n, mean_distance = dbar,
  located = length(located), unlocated = n_all - length(located), links_excluded = sum(!ok),
  gamma_ols = -unname(coef(ols)[2]), gamma_ppml = -unname(coef(fit)[2]),
  ols_bands = sum(pos), dropped_zero = sum(!pos))

fixture <- list(
  oracle = "R glm(family = quasipoisson) and sandwich::vcovHC",
  oracle_version = sprintf("%s, sandwich %s, jsonlite %s", R.version.string, packageVersion("sandwich"), packageVersion("jsonlite")),
  generator = "tests/oracles/gravity.R",
  control = "glm.control(epsilon = 1e-14, maxit = 100)",
  tolerance = 1e-12,
  tolerance_rule = "|actual - expected| <= tolerance * max(1, |expected|); iterations exact",
  tolerance_note = paste("Observed agreement of the C# fits with these values: below 1e-13 relative for every",
                         "quantity (coefficients, the three covariances, p-values, deviance, dispersion, band means);",
                         "1e-12 leaves a factor of ten."),
  note = paste("R evaluates its covariances at the last iteration's working weights, DESIGN 2.9 at the final mu:",
               "at epsilon 1e-14 they differ by about 1e-9 relative (the last step is about 1e-7), so each fit is",
               "restarted from its estimates (update(fit, start = coef(fit))) and the restart's summary and vcovHC are",
               "recorded; iterations are the first fit's."),
  cases = cases)
# jsonlite stops at 15 significant digits: numbers go in as raw JSON with 17 ("NaN" as a string).
num17 <- function(v) {
  s <- ifelse(is.nan(v), "\"NaN\"", ifelse(v == round(v) & abs(v) < 1e15, sprintf("%.0f", v), sprintf("%.17g", v)))
  structure(if (length(v) == 1) s else paste0("[", paste(s, collapse = ", "), "]"), class = "json")
}
raw17 <- function(x) if (is.list(x)) lapply(x, raw17) else if (is.numeric(x)) num17(x) else x
writeLines(toJSON(raw17(fixture), auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE),
           file.path(out_dir, "gravity.json"))
cat("wrote", file.path(out_dir, "gravity.json"), "\n")
