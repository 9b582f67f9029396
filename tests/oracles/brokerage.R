# R oracle for the `brokerage` metric (Gould & Fernandez 1989), DESIGN 2.5: sna 2.7's brokerage(g, cl).
#
# Run from the repository root:
#
#     Rscript tests/oracles/brokerage.R
#
# Needs the Debian packages r-cran-sna (2.7-1) and r-cran-jsonlite:
#     apt-get install -y --no-install-recommends r-cran-sna r-cran-jsonlite
# Writes tests/GlocalNetworks.Tests/Fixtures/r/brokerage.json with three cases:
#   hand        a small hand-made digraph (8 nodes, 3 groups, one isolated node, a reciprocal pair, closed triads);
#   florentine  the Florentine families (undirected, read from Fixtures/networkx/florentine.json, so a symmetric
#               0/1 adjacency: each open path counts twice), groups = a seeded random 3-group attribute;
#   directed40  a seeded directed Bernoulli graph (40 nodes, p = 0.08) with a seeded random 4-group attribute.
# Every case stores the graph (nodes, arcs or edges), the groups, and sna's raw.nli, exp.nli, sd.nli, z.nli (per node
# and role) and raw.gli, exp.gli, sd.gli, z.gli (network). Deterministic: set.seed before every random draw; numbers
# are the shortest decimal that reads back to the same double; NaN and +-Inf are the strings "NaN", "Infinity",
# "-Infinity".

suppressPackageStartupMessages({
  library(jsonlite)
  library(sna)
})

fixtures <- file.path("tests", "GlocalNetworks.Tests", "Fixtures")
TOL <- 1e-9

num1 <- function(x) {
  if (is.nan(x) || is.na(x)) return("NaN")
  if (is.infinite(x)) return(if (x > 0) "Infinity" else "-Infinity")
  if (x == round(x) && abs(x) < 1e9) return(as.integer(x))
  for (d in 15:17) {
    s <- sprintf("%.*g", d, x)
    if (as.numeric(s) == x) break
  }
  structure(s, class = "json")
}
numlist <- function(v, keys) {
  out <- lapply(seq_along(v), function(i) num1(unname(v[i])))
  names(out) <- keys
  out
}

# adj: 0/1 adjacency (rows = sources) in `nodes` order; cl: group labels in the same order.
run_case <- function(nodes, adj, cl, directed, description) {
  dimnames(adj) <- list(nodes, nodes)
  b <- sna::brokerage(adj, cl)
  roles <- colnames(b$raw.nli)
  per_node <- list()
  for (r in roles) {
    per_node[[r]] <- list(
      raw = numlist(b$raw.nli[, r], nodes), expected = numlist(b$exp.nli[, r], nodes),
      sd = numlist(b$sd.nli[, r], nodes), z = numlist(b$z.nli[, r], nodes))
  }
  network <- list(
    raw = numlist(b$raw.gli, roles), expected = numlist(b$exp.gli, roles),
    sd = numlist(b$sd.gli, roles), z = numlist(b$z.gli, roles))
  idx <- which(adj > 0, arr.ind = TRUE)
  if (!directed) idx <- idx[idx[, 1] < idx[, 2], , drop = FALSE]
  idx <- idx[order(idx[, 1], idx[, 2]), , drop = FALSE]
  links <- lapply(seq_len(nrow(idx)), function(k) c(nodes[idx[k, 1]], nodes[idx[k, 2]]))
  groups <- as.list(as.character(cl))
  names(groups) <- nodes
  list(description = description, directed = directed, nodes = nodes, links = links, groups = groups,
       call = "sna::brokerage(adj, cl)", node = per_node, network = network)
}

cases <- list()

# (a) hand digraph
nodes <- c("A1", "A2", "A3", "B1", "B2", "C1", "C2", "Z")
cl <- c("A", "A", "A", "B", "B", "C", "C", "C")
arcs <- rbind(c("A1", "A2"), c("A2", "A3"), c("A2", "A1"), c("A1", "B1"), c("B1", "A3"), c("A2", "B2"),
              c("B2", "C1"), c("C1", "B1"), c("B1", "C2"), c("C2", "C1"), c("A3", "C1"), c("B2", "B1"),
              c("C1", "A1"), c("A1", "C2"))
adj <- matrix(0, length(nodes), length(nodes))
adj[cbind(match(arcs[, 1], nodes), match(arcs[, 2], nodes))] <- 1
cases$hand <- run_case(nodes, adj, cl, TRUE,
  "hand digraph: 8 nodes (Z isolated), groups A = {A1, A2, A3}, B = {B1, B2}, C = {C1, C2, Z}; A1 <-> A2 reciprocal")

# (b) Florentine families, undirected, seeded random 3 groups
flo <- fromJSON(file.path(fixtures, "networkx", "florentine.json"), simplifyVector = FALSE)
nodes <- unlist(flo$nodes)
adj <- matrix(0, length(nodes), length(nodes))
for (e in flo$edges) {
  i <- match(e[[1]], nodes); j <- match(e[[2]], nodes)
  adj[i, j] <- 1; adj[j, i] <- 1
}
set.seed(2026)
cl <- sample(c("x", "y", "z"), length(nodes), replace = TRUE)
cases$florentine <- run_case(nodes, adj, cl, FALSE,
  "nx.florentine_families_graph() from Fixtures/networkx/florentine.json, symmetric 0/1 adjacency; set.seed(2026); cl = sample(c('x','y','z'), 15, replace = TRUE)")

# (c) seeded directed random graph, 40 nodes, 4 groups
set.seed(7)
N <- 40
nodes <- sprintf("v%02d", 0:(N - 1))
adj <- matrix(as.numeric(runif(N * N) < 0.08), N, N)
diag(adj) <- 0
cl <- sample(c("g1", "g2", "g3", "g4"), N, replace = TRUE)
cases$directed40 <- run_case(nodes, adj, cl, TRUE,
  "set.seed(7); adj = matrix(runif(40 * 40) < 0.08, 40, 40) with a zero diagonal (rows = sources); cl = sample(c('g1','g2','g3','g4'), 40, replace = TRUE)")

out <- list(
  oracle = "R sna",
  oracle_version = sprintf("sna %s", packageVersion("sna")),
  generator = "tests/oracles/brokerage.R",
  generated_with = sprintf("%s, jsonlite %s", R.version.string, packageVersion("jsonlite")),
  tolerance = TOL,
  tolerance_rule = "|actual - expected| <= tolerance * max(1, |expected|); NaN equals NaN, Inf equals Inf",
  roles = "w_I coordinator, w_O itinerant, b_IO representative, b_OI gatekeeper, b_O liaison, t total",
  cases = cases)
path <- file.path(fixtures, "r", "brokerage.json")
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), path)
cat("wrote", path, "\n")
