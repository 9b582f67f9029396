"""Extra oracle fixtures for the shortest-path family (betweenness, closeness, harmonic, diameter,
average shortest path) that tests/oracles/classic_metrics.py does not hold.

Run from the repository root (after classic_metrics.py, whose karate and digraph50 graphs it reuses):

    python3 tests/oracles/paths_extra.py

It writes, in the format of tests/GlocalNetworks.Tests/TestUtils/OracleFixture.cs:

    Fixtures/networkx/paths-endpoints-karate.json     betweenness with endpoints=True, exact and weighted
    Fixtures/networkx/paths-endpoints-digraph50.json  the same on the directed graph
    Fixtures/networkx/paths-ties.json                 a weighted graph whose shortest paths tie only in exact
                                                      arithmetic (0.1 + 1/3 + 1/3 + 1/3 = 0.1 + 1, but
                                                      1.0999999999999999 != 1.1 in doubles); the oracle is
                                                      networkx run on fractions.Fraction weights, so the
                                                      ties are exact, and the floats of the same weights
                                                      are what the C# test reads

Deterministic: no randomness; running it twice writes identical files.
"""
import json
import os
import platform
import sys
from fractions import Fraction

import networkx as nx

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

GENERATOR = "tests/oracles/paths_extra.py"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "GlocalNetworks.Tests", "Fixtures", "networkx")
EXACT = 1e-12


def load(name):
    with open(os.path.join(OUT, name + ".json"), encoding="utf-8") as f:
        d = json.load(f)
    g = nx.DiGraph() if d["directed"] else nx.Graph()
    g.add_nodes_from(d["nodes"])
    for s, t, w in d["edges"]:
        g.add_edge(s, t, weight=w)
    return d, g


def fixture(graph, g, description, metrics):
    return {
        "graph": graph,
        "oracle": "networkx",
        "oracle_version": nx.__version__,
        "generator": GENERATOR,
        "generated_with": f"python {platform.python_version()}",
        "description": description,
        "directed": g.is_directed(),
        "weighted": True,
        "tolerance_rule": "|actual - expected| <= tolerance * max(1, |expected|)",
        "nodes": [str(n) for n in g.nodes()],
        "edges": [[str(s), str(t), float(w)] for s, t, w in g.edges(data="weight")],
        "metrics": metrics,
    }


def node_entry(call, values, note=None):
    e = {"call": call, "kind": "node", "tolerance": EXACT}
    if note:
        e["note"] = note
    e["values"] = {str(k): float(v) for k, v in values.items()}
    return e


def write(name, data):
    path = os.path.join(OUT, name + ".json")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, indent=1, sort_keys=False)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


def endpoints(graph):
    d, g = load(graph)
    calls = {
        "betweenness:endpoints": "nx.betweenness_centrality(G, endpoints=True)",
        "betweenness:endpoints-raw": "nx.betweenness_centrality(G, normalized=False, endpoints=True)",
        "betweenness:weighted-endpoints": 'nx.betweenness_centrality(G, weight="weight", endpoints=True)',
    }
    metrics = {k: node_entry(c, eval(c, {"nx": nx, "G": g})) for k, c in calls.items()}
    write(f"paths-endpoints-{graph}", fixture(graph, g, f"The graph of networkx/{graph}.json, read back from it.", metrics))


def ties():
    # r -0.1- s -1/3- a -1/3- b -1/3- t, plus s -1- t: from r, t is at 0.1 + 1 both ways (exactly).
    spec = [("r", "s", Fraction(1, 10)), ("s", "a", Fraction(1, 3)), ("a", "b", Fraction(1, 3)),
            ("b", "t", Fraction(1, 3)), ("s", "t", Fraction(1))]
    exact = nx.Graph()
    floats = nx.Graph()
    for s, t, w in spec:
        exact.add_edge(s, t, weight=w)
        floats.add_edge(s, t, weight=float(w))
    calls = {
        "betweenness:weighted": 'nx.betweenness_centrality(G, weight="weight")',
        "betweenness:weighted-raw": 'nx.betweenness_centrality(G, normalized=False, weight="weight")',
        "closeness:weighted": 'nx.closeness_centrality(G, distance="weight")',
        "harmonic:weighted": 'nx.harmonic_centrality(G, distance="weight")',
    }
    metrics = {}
    for k, c in calls.items():
        metrics[k] = node_entry(c, eval(c, {"nx": nx, "G": exact}),
                                "G has fractions.Fraction weights (exact ties); the edges list their doubles")
        metrics[k + ":float"] = node_entry(c, eval(c, {"nx": nx, "G": floats}),
                                           "the same call on float weights: networkx's exact float comparison "
                                           "misses ties, so these differ from the exact values")
    metrics["diameter:weighted"] = {"call": 'nx.diameter(G, weight="weight")', "kind": "network",
                                    "tolerance": EXACT, "value": float(nx.diameter(exact, weight="weight"))}
    metrics["average-shortest-path:weighted"] = {
        "call": 'nx.average_shortest_path_length(G, weight="weight")', "kind": "network", "tolerance": EXACT,
        "value": float(nx.average_shortest_path_length(exact, weight="weight"))}
    write("paths-ties", fixture("paths-ties", floats,
                                "r-s 1/10, s-a 1/3, a-b 1/3, b-t 1/3, s-t 1: two shortest r-t (and s-t) paths "
                                "in exact arithmetic; expected values from Fraction weights", metrics))


if __name__ == "__main__":
    endpoints("karate")
    endpoints("digraph50")
    ties()
