# R oracle fixtures for GlocalNetworks: Burt's constraint, Gould-Fernandez brokerage (sna),
# Katz via alpha_centrality, and R igraph's defaults for the classic metrics (DESIGN 2.5, 2.15).
#
# Run from the repository root, AFTER tests/oracles/classic_metrics.py (this script reads the
# graphs, the "group" attribute and the Katz alphas from the networkx fixtures, so both oracles
# see exactly the same input):
#
#     Rscript tests/oracles/classic_metrics.R
#
# Needs the Debian packages r-cran-igraph (1.3.5), r-cran-sna (2.7-1) and r-cran-jsonlite:
#     apt-get install -y --no-install-recommends r-cran-igraph r-cran-sna r-cran-jsonlite
# Writes tests/GlocalNetworks.Tests/Fixtures/r/<graph>.json in the same format as the Python
# fixtures (see tests/oracles/README.md). Deterministic: R's RNG (ARPACK start vectors) is
# seeded before each eigenvector call, and numbers are written as the shortest decimal that
# reads back to the same double.

suppressPackageStartupMessages({
  library(jsonlite)
  library(igraph)
  library(sna)
})

fixtures <- file.path("tests", "GlocalNetworks.Tests", "Fixtures")
graphs <- c("karate", "florentine", "lesmis", "davis", "gnp60", "digraph50", "dangling")
EXACT <- 1e-12
TIGHT <- 1e-9

# JSON-safe scalar: NaN / +-Inf / NA become strings, as in the Python fixtures.
num1 <- function(x) {
  if (is.na(x) && !is.nan(x)) return("NaN")
  if (is.nan(x)) return("NaN")
  if (is.infinite(x)) return(if (x > 0) "Infinity" else "-Infinity")
  if (x == round(x) && abs(x) < 1e9) return(as.integer(x))
  structure(shortest(x), class = "json")
}
# shortest decimal that reads back to the same double (jsonlite caps at 15 digits)
shortest <- function(x) {
  for (d in 15:17) {
    s <- sprintf("%.*g", d, x)
    if (as.numeric(s) == x) break
  }
  s
}
numlist <- function(v, keys) {
  out <- lapply(seq_along(v), function(i) num1(unname(v[i])))
  names(out) <- keys
  out
}
as_num <- function(x) if (is.character(x)) switch(x, "NaN" = NaN, "Infinity" = Inf,
                                                  "-Infinity" = -Inf) else as.numeric(x)

run_graph <- function(name) {
  nxfix <- fromJSON(file.path(fixtures, "networkx", paste0(name, ".json")), simplifyVector = FALSE)
  nodes <- unlist(nxfix$nodes)
  n <- length(nodes)
  directed <- isTRUE(nxfix$directed)
  el <- do.call(rbind, lapply(nxfix$edges, function(e) data.frame(
    from = e[[1]], to = e[[2]], weight = as.numeric(e[[3]]), stringsAsFactors = FALSE)))
  g <- graph_from_data_frame(el, directed = directed,
                             vertices = data.frame(name = nodes, stringsAsFactors = FALSE))
  stopifnot(identical(V(g)$name, nodes), ecount(g) == length(nxfix$edges))
  unit <- rep(1, ecount(g))
  nxm <- nxfix$metrics

  metrics <- list()
  not_computed <- list()

  agrees <- function(values, nxid, transform = NULL) {
    if (is.null(nxm[[nxid]])) return(NULL)
    ref <- nxm[[nxid]]
    if (!is.null(ref[["value"]])) {
      return(list(entry = nxid, max_abs_diff = abs(as.numeric(values) - as_num(ref[["value"]]))))
    }
    b <- sapply(nodes, function(k) as_num(ref$values[[k]]))
    if (!is.null(transform)) {
      if (transform == "networkx values divided by their max") b <- b / max(b)
      if (transform == "networkx values divided by their Euclidean norm, ours too") {
        values <- values / sqrt(sum(values^2))
      }
    }
    a <- as.numeric(values)
    both <- !is.nan(a) & !is.nan(b)
    one <- xor(is.nan(a), is.nan(b))
    rec <- list(entry = nxid)
    if (!is.null(transform)) rec$transform <- transform
    rec$max_abs_diff <- if (any(both)) max(abs(a[both] - b[both])) else 0
    if (any(one)) rec$nan_on_one_side <- as.list(nodes[one])
    rec
  }

  node <- function(id, call, tol, note, values, nxid = NULL, transform = NULL) {
    e <- list(call = call, kind = "node", tolerance = tol, note = note,
              values = numlist(values, nodes))
    if (!is.null(nxid)) e$agrees_with_networkx <- agrees(values, nxid, transform)
    metrics[[id]] <<- e
  }

  # ---- Burt's constraint (igraph's C implementation)
  node("constraint", "constraint(g, weights = rep(1, ecount(g)))", EXACT,
       "R igraph: unweighted via unit weights (weights = NA is rejected by igraph 1.3.5)",
       constraint(g, weights = unit), "constraint")
  node("constraint:weighted", "constraint(g)", EXACT,
       "R igraph default: the 'weight' attribute is used (python-igraph and networkx default to unweighted)",
       constraint(g), "constraint:weighted")

  # ---- Katz cross-check: alpha_centrality solves x = alpha A^T x + 1 exactly (sparse solve)
  for (v in list(list("katz", "katz:tight", "NA", NA), list("katz:weighted", "katz:weighted-tight", "NULL", NULL))) {
    alpha <- nxm[[v[[2]]]]$alpha
    x <- alpha_centrality(g, alpha = alpha, exo = 1, weights = v[[4]])
    node(v[[1]], sprintf("alpha_centrality(g, alpha = %s, exo = 1, weights = %s)", shortest(alpha), v[[3]]),
         TIGHT, paste0("unnormalised (x = alpha A^T x + 1); alpha taken from the networkx fixture's '",
                       v[[2]], "' entry; compare after dividing both by their Euclidean norm"),
         x, v[[2]], "networkx values divided by their Euclidean norm, ours too")
  }

  # ---- R igraph defaults (where they differ from networkx, see DESIGN 2.15)
  node("betweenness", "igraph::betweenness(g)", EXACT,
       "R igraph default: the 'weight' attribute is used as a DISTANCE; not normalised",
       igraph::betweenness(g), "betweenness:weighted-raw")
  node("betweenness:unweighted", "igraph::betweenness(g, weights = NA)", EXACT,
       "not normalised", igraph::betweenness(g, weights = NA), "betweenness:raw")
  cl <- suppressWarnings(igraph::closeness(g))
  node("closeness", "igraph::closeness(g)", EXACT,
       "R igraph default: mode 'out', the 'weight' attribute as DISTANCE, 1/sum(d) over reachable nodes, not normalised, NaN for isolated nodes",
       cl)
  cl2 <- suppressWarnings(igraph::closeness(g, weights = NA, normalized = TRUE,
                                            mode = if (directed) "in" else "all"))
  node("closeness:normalized-unweighted",
       sprintf("igraph::closeness(g, weights = NA, normalized = TRUE, mode = \"%s\")", if (directed) "in" else "all"),
       EXACT, "(r-1)/sum(d) over the r nodes that reach u: equals networkx wf_improved=False", cl2, "closeness:no-wf")
  node("harmonic", "harmonic_centrality(g)", EXACT,
       "R igraph default: mode 'out', the 'weight' attribute as DISTANCE, not normalised",
       harmonic_centrality(g), if (directed) NULL else "harmonic:weighted")
  pr <- page_rank(g)$vector
  node("pagerank", "page_rank(g)$vector", TIGHT,
       "R igraph default: the 'weight' attribute is used (PRPACK)", pr, "pagerank:tight")
  set.seed(1)  # ARPACK's start vector comes from R's RNG
  ev <- suppressWarnings(eigen_centrality(g)$vector)
  if (directed) {
    node("eigenvector", "eigen_centrality(g)$vector", TIGHT,
         "R igraph default: directed = FALSE, so a digraph is treated as UNDIRECTED; weighted, scale = TRUE (max = 1); no networkx counterpart",
         ev)
    set.seed(1)
    evd <- suppressWarnings(eigen_centrality(g, directed = TRUE)$vector)
    node("eigenvector:directed", "eigen_centrality(g, directed = TRUE)$vector", TIGHT,
         "left eigenvector (in-links), weighted, scale = TRUE (max = 1)", evd,
         "eigenvector:weighted-tight", "networkx values divided by their max")
  } else {
    node("eigenvector", "eigen_centrality(g)$vector", TIGHT,
         "R igraph default: weighted, scale = TRUE (max = 1)", ev, "eigenvector:weighted-tight",
         "networkx values divided by their max")
  }
  node("core-number", "coreness(g, mode = \"all\")", EXACT, "same as networkx",
       coreness(g, mode = "all"), "core-number")
  if (!directed) {
    node("clustering", "transitivity(g, type = \"local\")", EXACT,
         "NaN for degree < 2 (networkx: 0)", transitivity(g, type = "local"), "clustering")
    node("clustering:weighted-barrat", "transitivity(g, type = \"barrat\")", EXACT,
         "Barrat et al. (2004), the R default for weighted graphs; networkx uses Onnela",
         transitivity(g, type = "barrat"))
  }

  # ---- Gould-Fernandez brokerage (sna 2.7), groups = the fixture's 'group' attribute
  grp <- sapply(nodes, function(k) nxfix$attributes$group[[k]])
  adj <- as.matrix(as_adjacency_matrix(g, attr = NULL, sparse = FALSE))
  adj[adj > 0] <- 1
  set.seed(1)
  b <- sna::brokerage(adj, grp)
  roles <- colnames(b$raw.nli)
  call <- "sna::brokerage(adj, cl)"
  bnote <- paste0("adj = 0/1 adjacency in 'nodes' order (weights ignored", 
                  if (directed) ")" else "; undirected = symmetric, so each open path counts twice)",
                  ", cl = attributes$group; columns w_I coordinator, w_O itinerant, b_IO representative, b_OI gatekeeper, b_O liaison, t total")
  for (part in list(c("raw.nli", "brokerage"), c("exp.nli", "brokerage-expected"),
                    c("sd.nli", "brokerage-sd"), c("z.nli", "brokerage-z"))) {
    m <- b[[part[1]]]
    for (r in roles) {
      metrics[[paste0(part[2], ":", r)]] <- list(
        call = sprintf("%s$%s[, \"%s\"]", call, part[1], r), kind = "node",
        tolerance = EXACT, note = bnote,
        values = numlist(m[, r], nodes))
    }
  }
  for (part in list(c("raw.gli", "brokerage-global"), c("exp.gli", "brokerage-global-expected"),
                    c("sd.gli", "brokerage-global-sd"), c("z.gli", "brokerage-global-z"))) {
    v <- b[[part[1]]]
    metrics[[part[2]]] <- list(call = sprintf("%s$%s", call, part[1]), kind = "network",
                               tolerance = EXACT, note = bnote,
                               values = numlist(as.numeric(v), names(v)))
  }

  list(
    graph = name,
    oracle = "R igraph + sna",
    oracle_version = sprintf("igraph %s, sna %s", packageVersion("igraph"), packageVersion("sna")),
    generator = "tests/oracles/classic_metrics.R",
    generated_with = sprintf("%s, jsonlite %s", R.version.string, packageVersion("jsonlite")),
    description = nxfix$description,
    directed = directed,
    weighted = nxfix$weighted,
    tolerance_rule = nxfix$tolerance_rule,
    nodes = as.list(nodes),
    edges = nxfix$edges,
    attributes = nxfix$attributes,
    metrics = metrics,
    not_computed = list(
      `core-periphery` = list(reason = "not in R igraph 1.3.5 or sna 2.7"))
  )
}

dir.create(file.path(fixtures, "r"), showWarnings = FALSE, recursive = TRUE)
for (name in graphs) {
  fx <- run_graph(name)
  txt <- toJSON(fx, auto_unbox = TRUE, digits = NA, pretty = 1, null = "null", json_verbatim = TRUE)
  writeLines(txt, file.path(fixtures, "r", paste0(name, ".json")), useBytes = TRUE)
  for (id in names(fx$metrics)) {
    a <- fx$metrics[[id]]$agrees_with_networkx
    if (!is.null(a)) cat(sprintf("  %s %-34s vs networkx %-28s %.3g%s\n", name, id, a$entry, a$max_abs_diff,
                                 if (is.null(a$nan_on_one_side)) "" else " (NaN on one side)"))
  }
  cat(sprintf("%s: %d metrics\n", name, length(fx$metrics)))
}
