"""Oracle fixture for the glocal metric `buzz-pipelines` (DESIGN 2.4): networkx 3.6.1 on each region's induced
subgraph, and the concentration measures by their direct formulas.

Run from the repository root:

    python3 tests/oracles/buzz_pipelines.py

It writes tests/GlocalNetworks.Tests/Fixtures/networkx/buzz_pipelines.json in the format of
tests/GlocalNetworks.Tests/TestUtils/OracleFixture.cs. The graph: 8 provinces P0..P7 in 3 countries (C0: P0-P2,
C1: P3-P5, C2: P6-P7; P6 has 2 innovators and P7 one), 3 innovators located in a country only (no `region`
attribute: ungrouped at province level, their ties count neither as internal nor as external), ties with probability
0.35 inside a province and 0.03 between, weights from {0.5, 1, 1.5, 2, 3}. Seeded (random.Random(20251125)):
running it twice writes identical files.

Per province R with members M (n = |M|) and H = G.subgraph(M):
  members, internal = H.number_of_edges(), internal-weight = H.size(weight="weight"),
  density = nx.density(H) (NaN when n < 2, DESIGN 2.4; networkx gives 0),
  transitivity = nx.transitivity(H), average-clustering = nx.average_clustering(H),
  external / external-weight = ties from M to grouped innovators of other provinces,
  regions-reached, regions-reached.country (countries other than R's), partners,
  hhi = sum (x_i / sum x)^2 over i in M (zeros included), hhi-normalised = (hhi - 1/n) / (1 - 1/n),
  gini = sum_i sum_j |x_i - x_j| / (2 n^2 mean x) (both NaN when sum x = 0; hhi-normalised NaN when n = 1),
  pipeline-share = external / (external + internal),
with x_i the external weight (key "buzz-pipelines:weighted") or count (key "buzz-pipelines:count").
"""
import json
import math
import os
import platform
import random
import sys

import networkx as nx

# networkx sums clustering over set iteration orders: fix the hash seed so that reruns write identical files.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

GENERATOR = "tests/oracles/buzz_pipelines.py"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "GlocalNetworks.Tests", "Fixtures", "networkx")
TOL = 1e-12

COUNTRY_OF = {"P0": "C0", "P1": "C0", "P2": "C0", "P3": "C1", "P4": "C1", "P5": "C1", "P6": "C2", "P7": "C2"}
SIZES = {"P0": 12, "P1": 9, "P2": 6, "P3": 10, "P4": 5, "P5": 7, "P6": 2, "P7": 1}
WEIGHTS = [0.5, 1.0, 1.5, 2.0, 3.0]


def build():
    rng = random.Random(20251125)
    g = nx.Graph()
    region, country = {}, {}
    k = 0
    for p, size in SIZES.items():
        for _ in range(size):
            v = f"i{k:02d}"
            k += 1
            g.add_node(v)
            region[v] = p
            country[v] = COUNTRY_OF[p]
    for c in ["C0", "C1", "C2"]:
        v = f"i{k:02d}"
        k += 1
        g.add_node(v)
        country[v] = c
    nodes = list(g.nodes())
    for a in range(len(nodes)):
        for b in range(a + 1, len(nodes)):
            u, v = nodes[a], nodes[b]
            same = u in region and v in region and region[u] == region[v]
            if rng.random() < (0.35 if same else 0.03):
                g.add_edge(u, v, weight=rng.choice(WEIGHTS))
    return g, region, country


def num(x):
    return "NaN" if isinstance(x, float) and math.isnan(x) else float(x)


def concentration(x):
    n = len(x)
    s = sum(x)
    if s == 0:
        return math.nan, math.nan, math.nan
    hhi = sum((v / s) ** 2 for v in x)
    norm = math.nan if n == 1 else (hhi - 1 / n) / (1 - 1 / n)
    mean = s / n
    gini = sum(abs(a - b) for a in x for b in x) / (2 * n * n * mean)
    return hhi, norm, gini


def rows(g, region, country, weighted):
    out = {}
    for p in SIZES:
        members = [v for v in g.nodes() if region.get(v) == p]
        n = len(members)
        h = g.subgraph(members)
        m = h.number_of_edges()
        ext = extw = 0
        regions, countries, partners = set(), set(), set()
        x = []
        for u in members:
            xi = 0.0
            for v, d in g[u].items():
                if v not in region or region[v] == p:
                    continue
                ext += 1
                extw += d["weight"]
                xi += d["weight"] if weighted else 1.0
                regions.add(region[v])
                partners.add(v)
                if country[v] != COUNTRY_OF[p]:
                    countries.add(country[v])
            x.append(xi)
        hhi, norm, gini = concentration(x)
        out[p] = {
            "members": n,
            "internal": m,
            "internal-weight": h.size(weight="weight"),
            "density": math.nan if n < 2 else nx.density(h),
            "transitivity": nx.transitivity(h),
            "average-clustering": nx.average_clustering(h),
            "external": ext,
            "external-weight": extw,
            "regions-reached": len(regions),
            "regions-reached.country": len(countries),
            "partners": len(partners),
            "hhi": hhi,
            "hhi-normalised": norm,
            "gini": gini,
            "pipeline-share": math.nan if ext + m == 0 else ext / (ext + m),
        }
        out[p] = {k: num(v) for k, v in out[p].items()}
    return out


def main():
    g, region, country = build()
    call = ("per province R: nx.density / nx.transitivity / nx.average_clustering on G.subgraph(R); external ties, "
            "reach, HHI and Gini by direct formulas (see the generator's docstring)")
    metrics = {
        "buzz-pipelines:weighted": {"call": call + "; x = external weight", "kind": "region", "level": "province",
                                    "reach_level": "country", "tolerance": TOL,
                                    "values": rows(g, region, country, True)},
        "buzz-pipelines:count": {"call": call + "; x = external tie count", "kind": "region", "level": "province",
                                 "reach_level": "country", "tolerance": TOL,
                                 "values": rows(g, region, country, False)},
    }
    data = {
        "graph": "buzz_pipelines",
        "oracle": "networkx",
        "oracle_version": nx.__version__,
        "generator": GENERATOR,
        "generated_with": f"python {platform.python_version()}",
        "description": "8 provinces in 3 countries, 3 country-located innovators; seeded random ties, denser inside "
                       "provinces. Attributes: region (province, absent for the country-located), country.",
        "directed": False,
        "weighted": True,
        "tolerance_rule": "|actual - expected| <= tolerance * max(1, |expected|)",
        "nodes": list(g.nodes()),
        "edges": [[s, t, float(w)] for s, t, w in g.edges(data="weight")],
        "attributes": {"region": dict(region), "country": dict(country)},
        "metrics": metrics,
    }
    path = os.path.join(OUT, "buzz_pipelines.json")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
