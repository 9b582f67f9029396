"""Oracle fixtures for GlocalNetworks' classic network metrics (DESIGN 2.15).

Run from the repository root:

    PYTHONPATH=/usr/lib/python3/dist-packages python3 tests/oracles/classic_metrics.py

(The script re-executes itself with PYTHONHASHSEED=0 so that set iteration order inside
networkx, and hence the last bit of some sums, is the same on every run.)

networkx 3.6.1 comes from the default python3 (pyenv, Python 3.11); numpy, scipy and
python-igraph come from the Debian packages (python3-numpy python3-scipy python3-igraph), hence
the PYTHONPATH. The script is deterministic: every random choice is seeded, and running it twice
writes byte-identical files. It writes one JSON file per graph per oracle:

    tests/GlocalNetworks.Tests/Fixtures/networkx/<graph>.json
    tests/GlocalNetworks.Tests/Fixtures/igraph/<graph>.json

Every metric entry records the exact call that produced it (networkx entries are evaluated from
that very string), its kind ("node" or "network"), a tolerance and the values. Tolerances are
mixed absolute/relative: a test passes when |actual - expected| <= tolerance * max(1, |expected|).
Entries with "compare": "at_least" are quality references (our value must be
>= value - tolerance); entries with "compare": "rough" are random references.
NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity" (System.Text.Json
reads them with JsonNumberHandling.AllowNamedFloatingPointLiterals).
Node ids are str(node); edges are [source, target, weight] in G.edges() order (for undirected
graphs that orientation is also the one used in the "s|t" keys of edge-level metrics).
See tests/oracles/README.md for what each fixture holds.
"""
import json
import math
import os
import platform
import random
import sys

import networkx as nx
import numpy as np
import scipy

try:
    import igraph as ig
except ImportError:  # pragma: no cover - the message says what to do
    sys.exit("python-igraph missing: apt-get install -y python3-igraph, and run with "
             "PYTHONPATH=/usr/lib/python3/dist-packages")

# Python randomises str hashes per process, which changes set iteration order inside networkx
# (neighbour sets of string-labelled nodes) and so the last bit of some float sums. Pin it.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

GENERATOR = "tests/oracles/classic_metrics.py"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "GlocalNetworks.Tests", "Fixtures")

EXACT = 1e-12      # combinatorial / closed form (floating-point summation order only)
TIGHT = 1e-9       # iterative at tol = 1e-12, or eigen-solvers
LOOSE = 1e-6       # iterative at networkx's default tol = 1e-6 (checked below against the tight run)

GENERATED_WITH = (f"python {platform.python_version()}, numpy {np.__version__}, "
                  f"scipy {scipy.__version__}")


# --------------------------------------------------------------------------------------------
# Graphs
# --------------------------------------------------------------------------------------------
def graph_karate():
    return nx.karate_club_graph()


def graph_florentine():
    return nx.florentine_families_graph()


def graph_lesmis():
    return nx.les_miserables_graph()


def graph_davis():
    b = nx.davis_southern_women_graph()
    women = [n for n, d in b.nodes(data=True) if d["bipartite"] == 0]
    return nx.bipartite.weighted_projected_graph(b, women)


def graph_gnp60():
    g = nx.gnp_random_graph(60, 0.08, seed=1)
    rng = random.Random(2)
    for u, v in g.edges():          # G.edges() order, which is deterministic for a seeded gnp
        g[u][v]["weight"] = rng.randint(1, 5)
    return g


def graph_digraph50():
    g = nx.gnp_random_graph(50, 0.06, seed=3, directed=True)
    rng = random.Random(4)
    for u, v in g.edges():
        g[u][v]["weight"] = rng.randint(1, 5)
    return g


def graph_dangling():
    """Small directed graph: a 3-cycle a->b->c->a fed by a source s, leaking to d, which leads to
    the sink t (no out-links: a dangling node for PageRank), plus the isolated node z
    (no links at all: dangling and unreachable)."""
    g = nx.DiGraph()
    g.add_nodes_from(["s", "a", "b", "c", "d", "t", "z"])
    g.add_weighted_edges_from([
        ("s", "a", 1), ("a", "b", 2), ("b", "c", 1), ("c", "a", 3),
        ("c", "d", 1), ("b", "d", 2), ("d", "t", 4),
    ])
    return g


GRAPHS = [
    ("karate", graph_karate, True,
     "nx.karate_club_graph(): networkx 3.x gives Zachary's edges integer weights (interaction "
     "counts). The weights are kept as given; unweighted metrics (weight=None) ignore them."),
    ("florentine", graph_florentine, False,
     "nx.florentine_families_graph(): unweighted (15 families, Pucci is absent); every edge has "
     "weight 1 (networkx's default for a missing weight), so weighted variants equal unweighted."),
    ("lesmis", graph_lesmis, True,
     "nx.les_miserables_graph(): weighted co-appearance counts."),
    ("davis", graph_davis, True,
     "Davis southern women: nx.bipartite.weighted_projected_graph(nx.davis_southern_women_graph(), "
     "women) with women = nodes whose 'bipartite' attribute is 0; weight = shared events."),
    ("gnp60", graph_gnp60, True,
     "nx.gnp_random_graph(60, 0.08, seed=1); weight of each edge, in G.edges() order, is "
     "random.Random(2).randint(1, 5)."),
    ("digraph50", graph_digraph50, True,
     "nx.gnp_random_graph(50, 0.06, seed=3, directed=True); weight of each edge, in G.edges() "
     "order, is random.Random(4).randint(1, 5)."),
    ("dangling", graph_dangling, True,
     "Hand-made DiGraph: s->a, a->b (2), b->c, c->a (3), c->d, b->d (2), d->t (4); t is a sink "
     "(dangling for PageRank), s a pure source, z isolated. Not strongly connected."),
]


# --------------------------------------------------------------------------------------------
# JSON helpers
# --------------------------------------------------------------------------------------------
def num(x):
    """JSON-safe number: ints stay ints, NaN/inf become strings."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def node_values(d, order):
    return {str(n): num(d[n]) for n in order if n in d}


def edge_key_map(g):
    """frozenset/tuple of the ends -> 's|t' in the fixture's edge orientation."""
    m = {}
    for u, v in g.edges():
        key = f"{u}|{v}"
        m[(u, v)] = key
        if not g.is_directed():
            m[(v, u)] = key
    return m


# --------------------------------------------------------------------------------------------
# networkx fixture
# --------------------------------------------------------------------------------------------
class Recorder:
    def __init__(self, ns, order):
        self.ns = ns
        self.order = order
        self.metrics = {}
        self.not_computed = {}

    def run(self, call):
        return eval(call, self.ns)  # the recorded call is literally what ran

    def node(self, mid, call, tol, note=None, **extra):
        try:
            d = self.run(call)
        except Exception as e:  # recorded, not hidden
            self.not_computed[mid] = {"call": call, "error": f"{type(e).__name__}: {e}"}
            return None
        entry = {"call": call, "kind": "node", "tolerance": tol}
        entry.update(extra)
        if note:
            entry["note"] = note
        entry["values"] = node_values(d, self.order)
        self.metrics[mid] = entry
        return d

    def network(self, mid, call, tol, note=None, **extra):
        try:
            v = self.run(call)
        except Exception as e:
            self.not_computed[mid] = {"call": call, "error": f"{type(e).__name__}: {e}"}
            return None
        entry = {"call": call, "kind": "network", "tolerance": tol}
        entry.update(extra)
        if note:
            entry["note"] = note
        if isinstance(v, dict):
            entry["values"] = {k: num(x) for k, x in v.items()}
        else:
            entry["value"] = num(v)
        self.metrics[mid] = entry
        return v

    def skip(self, mid, reason):
        self.not_computed[mid] = {"reason": reason}


def constraint_in_out(G, weight=None):
    """networkx 3.6.1 constraint's per-node loop, isolation tested on in+out neighbours."""
    out = {}
    for v in G:
        nbrs = set(nx.all_neighbors(G, v)) - {v}
        out[v] = (sum(nx.local_constraint(G, v, n, weight) for n in nbrs) if nbrs
                  else float("nan"))
    return out


def effective_size_in_out(G, weight=None):
    """networkx 3.6.1 effective_size's general per-node loop (its redundancy() spelled out),
    isolation tested on in+out neighbours."""
    nmw = nx.algorithms.structuralholes.normalized_mutual_weight
    out = {}
    for v in G:
        nbrs = set(nx.all_neighbors(G, v)) - {v}
        if not nbrs:
            out[v] = float("nan")
            continue
        ego = set(nx.all_neighbors(G, v))
        out[v] = sum(1 - sum(nmw(G, v, w, weight=weight) * nmw(G, u, w, norm=max, weight=weight)
                             for w in ego)
                     for u in ego)
    return out


def check_structural_holes(r, mid, g, vals):
    """Cross-check against networkx's other code paths; raise on disagreement."""
    if vals is None:
        return
    weight = "weight" if mid.endswith(":weighted") else None
    fn = nx.constraint if mid.startswith("constraint") else nx.effective_size
    per_node = fn(g, nodes=list(g), weight=weight)
    bad_nan = []
    for v in g:
        a, b = vals[v], per_node[v]
        if math.isnan(b) and not math.isnan(a):
            bad_nan.append(str(v))
        elif math.isnan(a) != math.isnan(b) or (not math.isnan(a) and abs(a - b) > 1e-12):
            raise SystemExit(f"{mid}: per-node path disagrees at {v}: {a} vs {b}")
    if bad_nan:
        if not g.is_directed():
            raise SystemExit(f"{mid}: unexpected NaN at {bad_nan}")
        r.metrics[mid]["per_node_path_nan"] = bad_nan
    if fn is nx.constraint and not any(d == 0 for _, d in g.degree()):
        with np.errstate(all="ignore"):
            vec = fn(g, weight=weight)
        diff = max(abs(vals[v] - vec[v]) for v in g)
        if diff > 1e-12:
            raise SystemExit(f"{mid}: vectorised path disagrees by {diff}")
        r.metrics[mid]["max_abs_diff_to_vectorised_path"] = diff


def widen(r, loose, tight):
    """Record how far a default-tolerance result is from the tight one; when that exceeds the
    1e-6 tolerance (networkx stops on the L1 change < n*tol, so single entries can be off by
    more), the stated tolerance becomes twice the observed distance, to one digit, rounded up."""
    if loose not in r.metrics or tight not in r.metrics:
        return
    a, b = r.metrics[loose]["values"], r.metrics[tight]["values"]
    diff = max(abs(a[k] - b[k]) for k in a)
    r.metrics[loose]["max_abs_diff_to_tight"] = diff
    if diff > r.metrics[loose]["tolerance"]:
        e = math.floor(math.log10(2 * diff))
        r.metrics[loose]["tolerance"] = float(f"{math.ceil(2 * diff / 10 ** e)}e{e}")
        r.metrics[loose]["note"] += ("; tolerance widened to cover the observed distance to the "
                                     "tight run (use the tight entry for strict checks)")


def spectral_radius(g, weight):
    a = nx.to_numpy_array(g, weight=weight)
    return float(max(abs(np.linalg.eigvals(a))))


def katz_alpha(lam):
    """alpha = 0.1 unless 0.1 * lambda_max >= 0.9 (too close to divergence); then 0.5/lambda_max
    rounded to 4 significant digits."""
    if lam * 0.1 < 0.9:
        return 0.1
    return float(f"{0.5 / lam:.4g}")


def networkx_fixture(name, g, weighted, note):
    directed = g.is_directed()
    order = list(g.nodes())
    ns = {"nx": nx, "G": g, "constraint_in_out": constraint_in_out,
          "effective_size_in_out": effective_size_in_out}
    r = Recorder(ns, order)
    wnote = None if weighted else "all weights are 1, so this equals the unweighted variant"

    # attributes for attribute assortativity: position in the node list mod 3
    for i, n in enumerate(order):
        g.nodes[n]["group"] = i % 3

    # ---- degree / strength
    r.node("degree", "dict(G.degree())", EXACT)
    r.node("degree:normalized", "nx.degree_centrality(G)", EXACT)
    r.node("strength", 'dict(G.degree(weight="weight"))', EXACT, wnote)
    if directed:
        r.node("degree:in", "dict(G.in_degree())", EXACT)
        r.node("degree:out", "dict(G.out_degree())", EXACT)
        r.node("degree:in-normalized", "nx.in_degree_centrality(G)", EXACT)
        r.node("degree:out-normalized", "nx.out_degree_centrality(G)", EXACT)
        r.node("strength:in", 'dict(G.in_degree(weight="weight"))', EXACT, wnote)
        r.node("strength:out", 'dict(G.out_degree(weight="weight"))', EXACT, wnote)

    # ---- density, components
    r.network("density", "nx.density(G)", EXACT)
    if directed:
        r.network("components",
                  '{"count": nx.number_weakly_connected_components(G), '
                  '"largest_size": len(max(nx.weakly_connected_components(G), key=len))}', EXACT,
                  "weak components")
        r.network("components:strong",
                  '{"count": nx.number_strongly_connected_components(G), '
                  '"largest_size": len(max(nx.strongly_connected_components(G), key=len))}', EXACT)
    else:
        r.network("components",
                  '{"count": nx.number_connected_components(G), '
                  '"largest_size": len(max(nx.connected_components(G), key=len))}', EXACT)

    # ---- betweenness
    r.node("betweenness", "nx.betweenness_centrality(G)", EXACT,
           "normalized=True, unweighted: x 1/((n-1)(n-2)) on the ordered-pair sum"
           + ("" if directed else " (= 2/((n-1)(n-2)) on the unordered-pair sum)"))
    r.node("betweenness:raw", "nx.betweenness_centrality(G, normalized=False)", EXACT,
           None if directed else "undirected: the ordered-pair sum halved")
    r.node("betweenness:weighted", 'nx.betweenness_centrality(G, weight="weight")', EXACT,
           "weight is a DISTANCE (Dijkstra), not a tie strength")
    r.node("betweenness:weighted-raw",
           'nx.betweenness_centrality(G, normalized=False, weight="weight")', EXACT,
           "weight is a DISTANCE (Dijkstra), not a tie strength")
    ekeys = edge_key_map(g)
    for mid, call, enote in [
        ("edge-betweenness", "nx.edge_betweenness_centrality(G)",
         "normalized=True: x 1/(n(n-1))" + ("" if directed else " x 2 (unordered pairs)")),
        ("edge-betweenness:raw", "nx.edge_betweenness_centrality(G, normalized=False)", None),
        ("edge-betweenness:weighted", 'nx.edge_betweenness_centrality(G, weight="weight")',
         "weight is a DISTANCE"),
    ]:
        d = r.run(call)
        entry = {"call": call, "kind": "edge", "tolerance": EXACT}
        if enote:
            entry["note"] = enote
        entry["values"] = {ekeys[e]: num(v) for e, v in d.items()}
        r.metrics[mid] = entry

    # ---- closeness, harmonic
    dirnote = "directed: INCOMING distances (who reaches u), as networkx; " if directed else ""
    r.node("closeness", "nx.closeness_centrality(G)", EXACT,
           dirnote + "wf_improved=True (default): (r-1)/sum d * (r-1)/(n-1); isolated -> 0")
    r.node("closeness:wf", "nx.closeness_centrality(G, wf_improved=True)", EXACT,
           "the default spelled out (Wasserman-Faust scaling); equals 'closeness'")
    r.node("closeness:no-wf", "nx.closeness_centrality(G, wf_improved=False)", EXACT,
           dirnote + "(r-1)/sum d over the nodes that reach u only")
    r.node("closeness:weighted", 'nx.closeness_centrality(G, distance="weight")', EXACT,
           dirnote + "weight is a DISTANCE")
    r.node("harmonic", "nx.harmonic_centrality(G)", EXACT,
           dirnote + "sum of 1/d(v,u), NOT normalized")
    r.node("harmonic:weighted", 'nx.harmonic_centrality(G, distance="weight")', EXACT,
           dirnote + "weight is a DISTANCE; not normalized")

    # ---- eigenvector
    evnote = ("directed: left eigenvector (in-links); " if directed else "") + \
        "Euclidean norm 1; power iteration on A+I; default tol=1e-6"
    r.node("eigenvector", "nx.eigenvector_centrality(G, max_iter=1000)", LOOSE, evnote)
    r.node("eigenvector:weighted",
                 'nx.eigenvector_centrality(G, max_iter=1000, weight="weight")', LOOSE, evnote)
    r.node("eigenvector:tight", "nx.eigenvector_centrality(G, max_iter=100000, tol=1e-13)",
                 TIGHT, "same iteration run to tol=1e-13")
    r.node("eigenvector:weighted-tight",
                  'nx.eigenvector_centrality(G, max_iter=100000, tol=1e-13, weight="weight")',
                  TIGHT, "same iteration run to tol=1e-13")
    r.node("eigenvector:numpy", "nx.eigenvector_centrality_numpy(G)", TIGHT,
           "ARPACK cross-check (sign fixed positive, norm 1)")
    r.node("eigenvector:numpy-weighted", 'nx.eigenvector_centrality_numpy(G, weight="weight")',
           TIGHT, "ARPACK cross-check")
    widen(r, "eigenvector", "eigenvector:tight")
    widen(r, "eigenvector:weighted", "eigenvector:weighted-tight")

    # ---- PageRank
    first, second = order[0], order[1]
    ns["first"], ns["second"] = first, second
    r.node("pagerank", "nx.pagerank(G)", LOOSE,
                "weighted by default (weight='weight'), alpha=0.85, tol=1e-6; compare with "
                "'pagerank:tight' for 1e-9 checks")
    r.node("pagerank:tight", "nx.pagerank(G, tol=1e-12)", TIGHT,
                 "weighted, alpha=0.85, tol=1e-12: the reference for 1e-9 checks")
    widen(r, "pagerank", "pagerank:tight")
    r.node("pagerank:personalized",
           "nx.pagerank(G, personalization={first: 1, second: 1}, tol=1e-12)", TIGHT,
           f"first = {str(first)!r}, second = {str(second)!r} (the first two nodes); "
           "dangling mass follows the personalization (dangling=None)",
           personalization={str(first): 1, str(second): 1})
    r.node("pagerank:unweighted", "nx.pagerank(G, weight=None, tol=1e-12)", TIGHT)
    r.node("pagerank:alpha-0.5", "nx.pagerank(G, alpha=0.5, tol=1e-12)", TIGHT)
    if name == "dangling":
        ns["sink"] = "t"
        r.node("pagerank:dangling-to-sink", "nx.pagerank(G, dangling={sink: 1}, tol=1e-12)",
               TIGHT, "dangling nodes (t, z) redistribute their mass to t only",
               dangling={"t": 1})

    # ---- Katz
    lam_u = spectral_radius(g, None)
    lam_w = spectral_radius(g, "weight")
    ns["alpha_u"], ns["alpha_w"] = katz_alpha(lam_u), katz_alpha(lam_w)
    for mid, call, alpha, lam in [
        ("katz", "nx.katz_centrality(G, alpha=alpha_u, beta=1.0, normalized=True)",
         ns["alpha_u"], lam_u),
        ("katz:weighted",
         'nx.katz_centrality(G, alpha=alpha_w, beta=1.0, normalized=True, weight="weight")',
         ns["alpha_w"], lam_w),
        ("katz:tight",
         "nx.katz_centrality(G, alpha=alpha_u, beta=1.0, normalized=True, tol=1e-13)",
         ns["alpha_u"], lam_u),
        ("katz:weighted-tight",
         'nx.katz_centrality(G, alpha=alpha_w, beta=1.0, normalized=True, weight="weight", '
         'tol=1e-13)', ns["alpha_w"], lam_w),
        ("katz:numpy", "nx.katz_centrality_numpy(G, alpha=alpha_u, beta=1.0, normalized=True)",
         ns["alpha_u"], lam_u),
        ("katz:numpy-weighted",
         'nx.katz_centrality_numpy(G, alpha=alpha_w, beta=1.0, normalized=True, weight="weight")',
         ns["alpha_w"], lam_w),
    ]:
        tol = LOOSE if mid in ("katz", "katz:weighted") else TIGHT
        r.node(mid, call, tol,
               ("directed: x <- alpha A^T x + beta (in-links); " if directed else "")
               + f"alpha = {alpha} (0.1 unless 0.1*lambda_max >= 0.9, then 0.5/lambda_max to 4 "
               f"digits; lambda_max = {lam:.12g}); Euclidean norm 1",
               alpha=alpha, beta=1.0, lambda_max=lam)
    widen(r, "katz", "katz:tight")
    widen(r, "katz:weighted", "katz:weighted-tight")

    # ---- clustering
    cnote = "directed: Fagiolo (2007) on in+out links; " if directed else ""
    r.node("clustering", "nx.clustering(G)", EXACT, cnote + "0 if degree < 2")
    r.node("clustering:weighted", 'nx.clustering(G, weight="weight")', EXACT,
           cnote + "Onnela et al. (2005): geometric mean of w/max(w)")
    r.network("average-clustering", "nx.average_clustering(G)", EXACT, "count_zeros=True")
    r.network("average-clustering:nonzero", "nx.average_clustering(G, count_zeros=False)", EXACT,
              "mean over nodes with clustering > 0 (networkx drops every zero, not only k < 2)")
    r.network("average-clustering:weighted", 'nx.average_clustering(G, weight="weight")', EXACT)
    if directed:
        r.skip("transitivity", "nx.transitivity has no directed definition: on a DiGraph it "
               "silently counts successor sets only, so no fixture")
    else:
        r.network("transitivity", "nx.transitivity(G)", EXACT,
                  "3 x triangles / connected triples; unweighted")

    # ---- k-core
    r.node("core-number", "nx.core_number(G)", EXACT,
           "directed: in+out degree" if directed else None)

    # ---- assortativity
    r.network("assortativity", "nx.degree_assortativity_coefficient(G)", EXACT,
              'directed: x="out", y="in" (defaults)' if directed else
              "Pearson over edge ends, each edge both ways")
    r.network("assortativity:weighted", 'nx.degree_assortativity_coefficient(G, weight="weight")',
              EXACT, "degree replaced by strength")
    r.network("assortativity:attribute", 'nx.attribute_assortativity_coefficient(G, "group")',
              EXACT, "group = position of the node in 'nodes' mod 3 (see 'attributes')")

    # ---- structural holes (see constraint_in_out / effective_size_in_out for why not plain calls)
    sh_note = ("networkx's per-node path (nodes=list(G)); the default vectorised path "
               "(nodes=None) needs a newer scipy than Debian's 1.10.1: there effective_size "
               "raises AttributeError and constraint turns every value into NaN as soon as one "
               "node is isolated. On graphs without isolated nodes the two paths agree to 1e-15 "
               "(checked by the generator). NaN for isolated nodes.")
    if directed:
        sh_note = ("networkx's own per-node formulas (nx.local_constraint, normalized_mutual_weight) "
                   "with the isolation test on in+out neighbours, i.e. the semantics of "
                   "networkx's default vectorised path and of DESIGN 2.15 (N(i) = in U out): "
                   "networkx 3.6.1's per-node path (nodes=list(G)) wrongly returns NaN for nodes "
                   "with in-links but no out-links (it tests G[v], the successors only); those "
                   "nodes are listed in 'per_node_path_nan'. NaN for isolated nodes.")
    for mid, call in ([("constraint", "constraint_in_out(G)"),
                       ("constraint:weighted", 'constraint_in_out(G, weight="weight")'),
                       ("effective-size", "effective_size_in_out(G)"),
                       ("effective-size:weighted", 'effective_size_in_out(G, weight="weight")')]
                      if directed else
                      [("constraint", "nx.constraint(G, nodes=list(G))"),
                       ("constraint:weighted", 'nx.constraint(G, nodes=list(G), weight="weight")'),
                       ("effective-size", "nx.effective_size(G, nodes=list(G))"),
                       ("effective-size:weighted",
                        'nx.effective_size(G, nodes=list(G), weight="weight")')]):
        wnote = " Weights are tie strengths in p_ij." if "weight" in call else ""
        vals = r.node(mid, call, EXACT, sh_note + wnote)
        check_structural_holes(r, mid, g, vals)

    # ---- modularity (Louvain partition and its modularity)
    for mid, lcall, mcall in [
        ("modularity:louvain", "nx.community.louvain_communities(G, seed=1)",
         "nx.community.modularity(G, part)"),
        ("modularity:louvain-unweighted",
         "nx.community.louvain_communities(G, weight=None, seed=1)",
         "nx.community.modularity(G, part, weight=None)"),
    ]:
        part = r.run(lcall)
        ns["part"] = part
        q = r.run(mcall)
        comms = sort_partition(part, order)
        r.metrics[mid] = {
            "call": f"part = {lcall}; {mcall}", "kind": "network", "tolerance": 0.01,
            "compare": "at_least",
            "note": "quality reference: our Louvain/Leiden modularity must be >= value - 0.01; "
                    "'partition' is networkx's partition, whose exact modularity is "
                    "'partition_modularity' (tolerance 1e-12)"
                    + ("; directed modularity" if directed else ""),
            "value": num(q), "partition_modularity": num(q), "partition": comms,
        }

    # ---- distances (largest component if disconnected)
    if directed:
        comps = list(nx.strongly_connected_components(g))
        kind = "largest strongly connected component"
        connected = nx.is_strongly_connected(g)
    else:
        comps = list(nx.connected_components(g))
        kind = "largest connected component"
        connected = nx.is_connected(g)
    if connected:
        target, scope, comp_nodes = "G", "whole graph (connected)", None
    else:
        lc = max(comps, key=len)
        ns["LC"] = g.subgraph(lc).copy()
        target = "LC"
        scope = f"{kind} ({len(lc)} of {g.number_of_nodes()} nodes); the whole graph raises"
        comp_nodes = sorted(str(n) for n in lc)
    extra = {"scope": scope}
    if comp_nodes is not None:
        extra["component_nodes"] = comp_nodes
        extra["component_call"] = ("LC = G.subgraph(max(nx.strongly_connected_components(G), "
                                   "key=len))" if directed else
                                   "LC = G.subgraph(max(nx.connected_components(G), key=len))")
    r.network("diameter", f"nx.diameter({target})", EXACT, **extra)
    r.network("diameter:weighted", f'nx.diameter({target}, weight="weight")', EXACT,
              "weight is a DISTANCE", **extra)
    r.network("average-shortest-path", f"nx.average_shortest_path_length({target})", EXACT,
              **extra)
    r.network("average-shortest-path:weighted",
              f'nx.average_shortest_path_length({target}, weight="weight")', EXACT,
              "weight is a DISTANCE", **extra)
    if not connected:
        r.skip("diameter:whole-graph", "nx.diameter raises NetworkXError on a graph that is not "
               + ("strongly " if directed else "") + "connected (so do we without PerComponent)")

    # ---- small world (karate only)
    if name == "karate":
        r.network("small-world:sigma", "nx.sigma(G, niter=5, nrand=5, seed=1)", 0.3,
                  "random reference: C = transitivity, L = average shortest path; weights "
                  "ignored", compare="rough")
        r.network("small-world:omega", "nx.omega(G, niter=5, nrand=5, seed=1)", 0.3,
                  "random reference: C = average clustering; weights ignored", compare="rough")

    r.skip("core-periphery", "neither networkx 3.6.1 nor python-igraph 0.10 has "
           "Borgatti-Everett core-periphery (DESIGN 2.15)")

    return {
        "graph": name,
        "oracle": "networkx",
        "oracle_version": nx.__version__,
        "generator": GENERATOR,
        "generated_with": GENERATED_WITH,
        "description": note,
        "directed": directed,
        "weighted": weighted,
        "tolerance_rule": "|actual - expected| <= tolerance * max(1, |expected|)",
        "nodes": [str(n) for n in order],
        "edges": [[str(u), str(v), num(d.get("weight", 1))] for u, v, d in g.edges(data=True)],
        "attributes": {"group": {str(n): g.nodes[n]["group"] for n in order}},
        "metrics": r.metrics,
        "not_computed": r.not_computed,
    }


# --------------------------------------------------------------------------------------------
# igraph fixture
# --------------------------------------------------------------------------------------------
def to_igraph(g):
    order = list(g.nodes())
    idx = {n: i for i, n in enumerate(order)}
    edges = list(g.edges(data=True))
    h = ig.Graph(n=len(order), edges=[(idx[u], idx[v]) for u, v, _ in edges],
                 directed=g.is_directed())
    h.vs["name"] = [str(n) for n in order]
    h.es["weight"] = [float(d.get("weight", 1)) for _, _, d in edges]
    return h


def igraph_fixture(name, g, weighted, note, nxfix):
    directed = g.is_directed()
    h = to_igraph(g)
    names = h.vs["name"]
    n = h.vcount()
    metrics, not_computed = {}, {}

    def node(mid, call, tol, note=None, **extra):
        random.seed(0)  # python-igraph's RNG is Python's random (ARPACK start vectors)
        try:
            vals = eval(call, {"h": h, "ig": ig})
        except Exception as e:
            not_computed[mid] = {"call": call, "error": f"{type(e).__name__}: {e}"}
            return None
        entry = {"call": call, "kind": "node", "tolerance": tol}
        entry.update(extra)
        if note:
            entry["note"] = note
        entry["values"] = {names[i]: num(v) for i, v in enumerate(vals)}
        metrics[mid] = entry
        return vals

    def network(mid, call, tol, note=None, **extra):
        random.seed(0)
        try:
            v = eval(call, {"h": h, "ig": ig})
        except Exception as e:
            not_computed[mid] = {"call": call, "error": f"{type(e).__name__}: {e}"}
            return None
        entry = {"call": call, "kind": "network", "tolerance": tol}
        entry.update(extra)
        if note:
            entry["note"] = note
        entry["value"] = num(v)
        metrics[mid] = entry
        return v

    # betweenness: raw + the networkx normalisation
    scale = (1.0 / ((n - 1) * (n - 2))) if directed else (2.0 / ((n - 1) * (n - 2)))
    scale_txt = "1/((n-1)(n-2))" if directed else "2/((n-1)(n-2))"
    for mid, call, bnote in [
        ("betweenness", "h.betweenness()", "unnormalised (unordered pairs if undirected); "
         "equals networkx normalized=False"),
        ("betweenness:weighted", 'h.betweenness(weights="weight")', "weight is a DISTANCE"),
    ]:
        raw = node(mid, call, EXACT, bnote)
        if raw is not None:
            metrics[mid.replace("betweenness", "betweenness:normalized")
                    if mid == "betweenness" else "betweenness:weighted-normalized"] = {
                "call": f"[b * {scale_txt} for b in {call}]", "kind": "node", "tolerance": EXACT,
                "note": "python-igraph has no normalized flag; scaled here as networkx does "
                        f"(n = {n})",
                "values": {names[i]: num(b * scale) for i, b in enumerate(raw)},
            }

    cl_mode = ', mode="in"' if directed else ""
    node("closeness", "h.closeness()", EXACT,
         "python-igraph default: mode='all' (directions ignored on digraphs), normalized=True, "
         "over REACHABLE nodes only, no Wasserman-Faust factor, NaN for isolated nodes "
         "(networkx: WF-scaled, in-distances, 0 for isolated)")
    node("closeness:weighted", 'h.closeness(weights="weight")', EXACT, "weight is a DISTANCE")
    if directed:
        node("closeness:in", f"h.closeness({cl_mode[2:]})", EXACT,
             "in-distances like networkx, but reachable nodes only and no WF factor: equals "
             "networkx wf_improved=False")
    node("harmonic", "h.harmonic_centrality()", EXACT,
         "python-igraph default: mode='all', normalized=True (divided by n-1); networkx is "
         "unnormalised and uses in-distances")
    node("harmonic:raw", f"h.harmonic_centrality(normalized=False{cl_mode})", EXACT,
         "unnormalised" + (", mode='in'" if directed else "") + ": equals networkx harmonic")
    node("harmonic:weighted", f'h.harmonic_centrality(weights="weight", normalized=False'
         f'{cl_mode})', EXACT, "weight is a DISTANCE; equals networkx harmonic:weighted")

    node("pagerank", "h.pagerank()", TIGHT,
         "python-igraph default is UNWEIGHTED (weights=None), PRPACK direct solve; compare "
         "networkx pagerank:unweighted")
    node("pagerank:weighted", 'h.pagerank(weights="weight")', TIGHT,
         "compare networkx pagerank:tight (networkx is weighted by default)")

    ev_note = ("scale=True: max = 1 (networkx: Euclidean norm 1); weights=None by default in "
               "python-igraph")
    if directed:
        ev_note += "; directed: left eigenvector (in-links), as networkx"
    node("eigenvector", "h.eigenvector_centrality(scale=True)", TIGHT, ev_note)
    node("eigenvector:weighted", 'h.eigenvector_centrality(scale=True, weights="weight")', TIGHT,
         ev_note)

    if not directed:
        node("clustering", "h.transitivity_local_undirected()", EXACT,
             "mode='nan' (default): NaN for degree < 2 (networkx: 0)")
        node("clustering:zero", 'h.transitivity_local_undirected(mode="zero")', EXACT,
             "equals networkx clustering")
        node("clustering:weighted-barrat",
             'h.transitivity_local_undirected(weights="weight")', EXACT,
             "Barrat et al. (2004) weighted clustering, NOT networkx's Onnela")
        network("average-clustering", "h.transitivity_avglocal_undirected()", EXACT,
                "mode='nan' (default): nodes with degree < 2 left out (networkx counts them "
                "as 0)")
        network("average-clustering:zero", 'h.transitivity_avglocal_undirected(mode="zero")',
                EXACT, "equals networkx average_clustering")
        network("transitivity", "h.transitivity_undirected()", EXACT, "equals networkx")
    else:
        not_computed["clustering"] = {"reason": "igraph's local transitivity is undirected only"}

    node("core-number", 'h.coreness(mode="all")', EXACT, "equals networkx core_number")
    network("assortativity", "h.assortativity_degree(directed=True)", EXACT,
            "equals networkx degree_assortativity_coefficient")

    if directed:
        dnote = ("python-igraph default unconn=True: longest finite geodesic over the WHOLE "
                 "graph (networkx fixture uses the largest strongly connected component)")
    else:
        dnote = ("python-igraph default unconn=True: over all reachable pairs of the whole graph "
                 "(networkx raises on a disconnected graph; its fixture uses the largest "
                 "component)")
    network("diameter", "h.diameter()", EXACT, dnote)
    network("diameter:weighted", 'h.diameter(weights="weight")', EXACT, dnote + "; DISTANCE")
    network("average-shortest-path", "h.average_path_length()", EXACT, dnote)
    network("average-shortest-path:weighted", 'h.average_path_length(weights="weight")', EXACT,
            dnote + "; DISTANCE")

    # modularity references
    nx_louvain = nxfix["metrics"]["modularity:louvain"]
    member = {}
    for ci, c in enumerate(nx_louvain["partition"]):
        for v in c:
            member[v] = ci
    membership = [member[v] for v in names]
    q_cross = h.modularity(membership, weights="weight", directed=True)
    metrics["modularity:of-networkx-louvain"] = {
        "call": 'h.modularity(membership_of(networkx modularity:louvain partition), '
                'weights="weight", directed=True)',
        "kind": "network", "tolerance": EXACT,
        "note": "cross-check: igraph's modularity of networkx's Louvain partition",
        "value": num(q_cross),
    }
    if abs(q_cross - nx_louvain["value"]) > 1e-12:
        raise SystemExit(f"{name}: igraph and networkx modularity disagree: "
                         f"{q_cross} vs {nx_louvain['value']}")
    if directed:
        for mid in ("modularity:multilevel", "modularity:leiden"):
            not_computed[mid] = {"reason": "python-igraph 0.10 community_multilevel and "
                                 "community_leiden are undirected only"}
    else:
        for mid, call, w in [
            ("modularity:multilevel", 'h.community_multilevel(weights="weight")', "weight"),
            ("modularity:multilevel-unweighted", "h.community_multilevel()", None),
            ("modularity:leiden",
             'h.community_leiden(objective_function="modularity", weights="weight", '
             'resolution_parameter=1, beta=0.01, n_iterations=-1)', "weight"),
            ("modularity:leiden-unweighted",
             'h.community_leiden(objective_function="modularity", resolution_parameter=1, '
             'beta=0.01, n_iterations=-1)', None),
        ]:
            random.seed(1)  # python-igraph draws from Python's random module by default
            cl = eval(call, {"h": h})
            q = h.modularity(cl.membership, weights=w)
            comms = sort_partition([[names[i] for i in c] for c in cl], names)
            metrics[mid] = {
                "call": f"random.seed(1); cl = {call}; h.modularity(cl.membership, weights="
                        f"{w!r})",
                "kind": "network", "tolerance": 0.01, "compare": "at_least",
                "note": "quality reference: our modularity must be >= value - 0.01",
                "value": num(q), "partition": comms,
            }

    node("constraint", "h.constraint()", EXACT,
         "Burt's constraint; mutual weights a_ij + a_ji; NaN for isolated nodes")
    node("constraint:weighted", 'h.constraint(weights="weight")', EXACT,
         "weights as tie strengths (python-igraph: weights=None by default; R igraph uses the "
         "weight attribute by default)")

    cross_check(metrics, nxfix, directed, n)

    not_computed["katz"] = {"reason": "igraph has no Katz centrality"}
    not_computed["core-periphery"] = {"reason": "not in python-igraph 0.10"}

    return {
        "graph": name,
        "oracle": "python-igraph",
        "oracle_version": ig.__version__,
        "generator": GENERATOR,
        "generated_with": GENERATED_WITH + f", python-igraph {ig.__version__}",
        "description": note,
        "directed": directed,
        "weighted": weighted,
        "tolerance_rule": "|actual - expected| <= tolerance * max(1, |expected|)",
        "nodes": names,
        "edges": [[names[e.source], names[e.target], num(e["weight"])] for e in h.es],
        "metrics": metrics,
        "not_computed": not_computed,
    }


def as_float(x):
    return float("nan") if x == "NaN" else float(x)


def cross_check(metrics, nxfix, directed, n):
    """Where igraph and networkx compute the same quantity (after a stated transform), record
    the largest difference under 'agrees_with_networkx'. Nodes where exactly one side is NaN are
    listed, not compared (igraph returns NaN where networkx returns 0)."""
    nxm = nxfix["metrics"]
    pairs = [
        ("betweenness", "betweenness:raw", None),
        ("betweenness:normalized", "betweenness", None),
        ("betweenness:weighted", "betweenness:weighted-raw", None),
        ("betweenness:weighted-normalized", "betweenness:weighted", None),
        ("harmonic:raw", "harmonic", None),
        ("harmonic:weighted", "harmonic:weighted", None),
        ("pagerank", "pagerank:unweighted", None),
        ("pagerank:weighted", "pagerank:tight", None),
        ("eigenvector", "eigenvector:tight", "networkx values divided by their max"),
        ("eigenvector:weighted", "eigenvector:weighted-tight",
         "networkx values divided by their max"),
        ("core-number", "core-number", None),
        ("constraint", "constraint", None),
        ("constraint:weighted", "constraint:weighted", None),
        ("assortativity", "assortativity", None),
    ]
    if directed:
        pairs.append(("closeness:in", "closeness:no-wf", None))
    else:
        pairs += [
            ("closeness", "closeness:no-wf", None),
            ("harmonic", "harmonic", "networkx values divided by n-1"),
            ("clustering:zero", "clustering", None),
            ("clustering", "clustering", None),
            ("average-clustering:zero", "average-clustering", None),
            ("transitivity", "transitivity", None),
        ]
    if nxm["diameter"]["scope"].startswith("whole graph"):
        pairs += [("diameter", "diameter", None), ("diameter:weighted", "diameter:weighted", None),
                  ("average-shortest-path", "average-shortest-path", None),
                  ("average-shortest-path:weighted", "average-shortest-path:weighted", None)]
    for imid, nmid, transform in pairs:
        if imid not in metrics or nmid not in nxm:
            continue
        ie, ne = metrics[imid], nxm[nmid]
        rec = {"entry": nmid}
        if transform:
            rec["transform"] = transform
        if "value" in ie:
            rec["max_abs_diff"] = abs(as_float(ie["value"]) - as_float(ne["value"]))
        else:
            nv = {k: as_float(v) for k, v in ne["values"].items()}
            if transform == "networkx values divided by their max":
                m = max(nv.values())
                nv = {k: v / m for k, v in nv.items()}
            elif transform == "networkx values divided by n-1":
                nv = {k: v / (n - 1) for k, v in nv.items()}
            diffs, nan_nodes = [], []
            for k, v in ie["values"].items():
                a, b = as_float(v), nv[k]
                if math.isnan(a) and math.isnan(b):
                    continue
                if math.isnan(a) or math.isnan(b):
                    nan_nodes.append(k)
                else:
                    diffs.append(abs(a - b))
            rec["max_abs_diff"] = max(diffs) if diffs else 0.0
            if nan_nodes:
                rec["nan_on_one_side"] = nan_nodes
        ie["agrees_with_networkx"] = rec


def sort_partition(part, order):
    """Communities as lists of str ids in node-list order; largest community first, ties by
    their first node's position."""
    pos = {str(v): i for i, v in enumerate(order)}
    comms = [sorted((str(v) for v in c), key=pos.__getitem__) for c in part]
    return sorted(comms, key=lambda c: (-len(c), pos[c[0]]))


def dumps(x, indent=0):
    """json.dumps with indentation, but lists of scalars (edges, communities, node lists) and
    dicts of scalars with at most 4 keys kept on one line."""
    pad, pad1 = " " * indent, " " * (indent + 1)
    scalar = (str, int, float, bool, type(None))
    if isinstance(x, list):
        if all(isinstance(v, scalar) for v in x):
            return json.dumps(x, ensure_ascii=False, allow_nan=False)
        return "[\n" + ",\n".join(pad1 + dumps(v, indent + 1) for v in x) + "\n" + pad + "]"
    if isinstance(x, dict):
        if not x:
            return "{}"
        if len(x) <= 4 and all(isinstance(v, scalar) for v in x.values()):
            return json.dumps(x, ensure_ascii=False, allow_nan=False)
        return "{\n" + ",\n".join(
            pad1 + json.dumps(k, ensure_ascii=False) + ": " + dumps(v, indent + 1)
            for k, v in x.items()) + "\n" + pad + "}"
    return json.dumps(x, ensure_ascii=False, allow_nan=False)


def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = dumps(obj)
    assert json.loads(text) == obj
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text + "\n")


def main():
    assert nx.__version__ == "3.6.1", f"networkx 3.6.1 expected, got {nx.__version__}"
    for name, make, weighted, note in GRAPHS:
        g = make()
        fx = networkx_fixture(name, g, weighted, note)
        write(os.path.join(OUT, "networkx", f"{name}.json"), fx)
        ifx = igraph_fixture(name, make(), weighted, note, fx)
        write(os.path.join(OUT, "igraph", f"{name}.json"), ifx)
        for mid, e in ifx["metrics"].items():
            a = e.get("agrees_with_networkx")
            if a and a["max_abs_diff"] > 1e-9:
                print(f"  {name}: igraph {mid} vs networkx {a['entry']}: {a['max_abs_diff']:.3g}")
        print(f"{name}: networkx {len(fx['metrics'])} metrics "
              f"({len(fx['not_computed'])} not computed), igraph {len(ifx['metrics'])} metrics "
              f"({len(ifx['not_computed'])} not computed)")


if __name__ == "__main__":
    main()
