"""Independent oracle for Borgatti & Everett's core-periphery models (the `core-periphery` metric).

No peer library has them (networkx 3.6.1, python-igraph 0.10.2, R sna/igraph here: none), so this script computes
the answers by methods that share nothing with the C# kernel (Kernels/BorgattiEverett.cs):

  discrete    EXHAUSTIVE SEARCH over every core C with 2 <= |C| <= n-2 (all 2^n node subsets, n <= 18): the Pearson
              correlation between a_ij and the ideal delta_ij = 1 (i, j both in C) or 0 (both in the periphery) over
              the pairs i != j, core-periphery pairs left out (our default model), computed in closed form from the
              links inside the core and inside the periphery. Keys:
                core-periphery:discrete-optimum        network: the best correlation and the best core's size
                core-periphery:discrete-optimum-core   node: 1 in the best core, 0 outside (when the optimum is unique)
              plus, for the record, the optimum of the variant with the core-periphery pairs set to 1 (DESIGN 2.15's
              open question): core-periphery:discrete-optimum-offdiagonal-1.
  continuous  an INDEPENDENT OPTIMISER: scipy.optimize.least_squares (trust-region reflective, bounds c >= 0, tolerances
              1e-15) on the residuals a_ij - c_i c_j over the pairs i < j, from a seeded random start, keeping the
              best of 5 starts; our kernel uses damped fixed-point steps from c_i = k_i / sqrt(sum k). Keys:
                core-periphery:continuous                node: the coreness c (the fit's own scale)
                core-periphery:continuous-correlation    network: Pearson(a_ij, c_i c_j) over i != j
              (and the ":weighted" variants on lesmis and davis, fitting the link weights).

Graphs: karate, florentine, lesmis, davis (read from the networkx fixtures, so the same node order), and seeded small
graphs made here: cp-planted-12 and cp-planted-16 (a dense core, a sparse periphery, random noise), gnp-14 and gnp-16.
The exhaustive search runs on the graphs with n <= 18.

Run from the repository root:  PYTHONPATH=/usr/lib/python3/dist-packages python3 tests/oracles/core_periphery.py
It writes tests/GlocalNetworks.Tests/Fixtures/core-periphery/<graph>.json in the format of TestUtils/OracleFixture.cs.
Deterministic (seeded); running it twice writes identical files.
"""
import itertools
import json
import os
import platform
import random

import numpy as np
import scipy
from scipy.optimize import least_squares

GENERATOR = "tests/oracles/core_periphery.py"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIX = os.path.join(ROOT, "tests", "GlocalNetworks.Tests", "Fixtures")
OUT = os.path.join(FIX, "core-periphery")
MAX_EXHAUSTIVE = 18


def from_fixture(name):
    with open(os.path.join(FIX, "networkx", name + ".json"), encoding="utf-8") as f:
        d = json.load(f)
    return d["nodes"], [(s, t, float(w)) for s, t, w in d["edges"]], d["description"]


def planted(n, core, p_core, p_cp, p_pp, seed):
    rng = random.Random(seed)
    nodes = [f"v{i}" for i in range(n)]
    edges = []
    for i, j in itertools.combinations(range(n), 2):
        p = p_core if i < core and j < core else p_pp if i >= core and j >= core else p_cp
        if rng.random() < p:
            edges.append((nodes[i], nodes[j], 1.0))
    desc = (f"planted core-periphery: {n} nodes, core v0..v{core - 1}; link probability {p_core} inside the core, "
            f"{p_cp} core-periphery, {p_pp} inside the periphery; random.Random({seed})")
    return nodes, edges, desc


def gnp(n, p, seed):
    rng = random.Random(seed)
    nodes = [f"v{i}" for i in range(n)]
    edges = [(nodes[i], nodes[j], 1.0) for i, j in itertools.combinations(range(n), 2) if rng.random() < p]
    return nodes, edges, f"G(n={n}, p={p}) with random.Random({seed})"


def matrix(nodes, edges, weighted):
    idx = {v: i for i, v in enumerate(nodes)}
    a = np.zeros((len(nodes), len(nodes)))
    for s, t, w in edges:
        i, j = idx[s], idx[t]
        if i != j:
            a[i, j] += w if weighted else 1.0
            a[j, i] = a[i, j]
    if not weighted:
        a = (a > 0).astype(float)
    return a


def exhaustive(a, offdiagonal_one=False):
    """Best correlation over every core of size 2..n-2; returns (rho, cores attaining it within 1e-12)."""
    n = a.shape[0]
    masks = np.arange(1 << n, dtype=np.int64)
    b = ((masks[:, None] >> np.arange(n)[None, :]) & 1).astype(float)      # 2^n x n membership
    k = b.sum(axis=1)
    keep = (k >= 2) & (n - k >= 2)
    b, k, masks = b[keep], k[keep], masks[keep]
    a2 = a * a
    # sums over unordered pairs inside the core (cc) and inside the periphery (pp)
    s_cc = 0.5 * np.einsum("mi,ij,mj->m", b, a, b)
    q_cc = 0.5 * np.einsum("mi,ij,mj->m", b, a2, b)
    p = 1.0 - b
    s_pp = 0.5 * np.einsum("mi,ij,mj->m", p, a, p)
    q_pp = 0.5 * np.einsum("mi,ij,mj->m", p, a2, p)
    n_cc = k * (k - 1) / 2
    n_pp = (n - k) * (n - k - 1) / 2
    if offdiagonal_one:
        total_s, total_q = a.sum() / 2, a2.sum() / 2
        n_all = n * (n - 1) / 2
        n1 = n_all - n_pp                     # delta = 1 on every pair with a core end
        s1 = total_s - s_pp
        cnt, sa, saa, sd, sad = n_all, total_s, total_q, n1, s1
    else:
        cnt = n_cc + n_pp
        sa, saa, sd, sad = s_cc + s_pp, q_cc + q_pp, n_cc, s_cc
    cov = sad / cnt - (sa / cnt) * (sd / cnt)
    va = saa / cnt - (sa / cnt) ** 2
    vd = sd / cnt - (sd / cnt) ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        rho = np.where((va > 1e-300) & (vd > 1e-300), cov / np.sqrt(np.maximum(va * vd, 1e-300)), np.nan)
    best = np.nanmax(rho)
    winners = masks[np.abs(rho - best) <= 1e-12]
    return float(best), [int(m) for m in winners]


def dense_rho(a, c):
    n = a.shape[0]
    off = ~np.eye(n, dtype=bool)
    return float(np.corrcoef(a[off], np.outer(c, c)[off])[0, 1])


def continuous(a, seed):
    n = a.shape[0]
    iu = np.triu_indices(n, 1)
    target = a[iu]

    def residuals(c):
        return target - (c[:, None] * c[None, :])[iu]

    def jac(c):
        j = np.zeros((len(target), n))
        rows = np.arange(len(target))
        j[rows, iu[0]] = -c[iu[1]]
        j[rows, iu[1]] = -c[iu[0]]
        return j

    rng = np.random.default_rng(seed)
    best = None
    for _ in range(5):
        x0 = rng.uniform(0.1, 1.0, n) * np.sqrt(max(a.max(), 1e-12))
        r = least_squares(residuals, x0, jac=jac, bounds=(0, np.inf), method="trf", xtol=1e-15, ftol=1e-15, gtol=1e-15,
                          max_nfev=100000)
        if best is None or r.cost < best.cost - 1e-15:
            best = r
    c = best.x
    # the stationarity condition of the fit, c_i sum_{j != i} c_j^2 = sum_j a_ij c_j, as a check of convergence
    lhs = c * ((c * c).sum() - c * c)
    rhs = a @ c
    stationarity = float(np.max(np.abs(lhs - rhs)) / max(np.max(np.abs(rhs)), 1e-300))
    return c, float(2 * best.cost), stationarity


def fixture(graph, nodes, edges, description, weighted_variant):
    metrics = {}
    for weighted in ([False, True] if weighted_variant else [False]):
        a = matrix(nodes, edges, weighted)
        suffix = ":weighted" if weighted else ""
        c, sse, stat = continuous(a, seed=20261125)
        metrics["core-periphery:continuous" + suffix] = {
            "call": f"scipy.optimize.least_squares(a_ij - c_i c_j over i < j, bounds c >= 0, trf, tol 1e-15, best of 5 seeded starts)"
                    f"{' on the link weights' if weighted else ''}; sum of squares {sse:.12g}, stationarity residual {stat:.1e}",
            "kind": "node", "tolerance": 1e-6,
            "values": {v: float(x) for v, x in zip(nodes, c)},
        }
        metrics["core-periphery:continuous-correlation" + suffix] = {
            "call": "numpy.corrcoef(a_ij, c_i c_j) over the ordered pairs i != j", "kind": "network", "tolerance": 1e-6,
            "value": dense_rho(a, c),
        }
    if len(nodes) <= MAX_EXHAUSTIVE:
        a = matrix(nodes, edges, False)
        rho, winners = exhaustive(a)
        core = winners[0]
        metrics["core-periphery:discrete-optimum"] = {
            "call": f"exhaustive search over all {1 << len(nodes)} node subsets (cores of size 2..n-2; core-periphery pairs "
                    f"left out); {len(winners)} core(s) attain the optimum",
            "kind": "network", "tolerance": 1e-12,
            "values": {"correlation": rho, "core_size": bin(core).count("1"), "optimal_cores": len(winners)},
        }
        if len(winners) == 1:
            metrics["core-periphery:discrete-optimum-core"] = {
                "call": "the unique optimal core of the exhaustive search", "kind": "node", "tolerance": 0,
                "values": {v: float((core >> i) & 1) for i, v in enumerate(nodes)},
            }
        rho1, winners1 = exhaustive(a, offdiagonal_one=True)
        metrics["core-periphery:discrete-optimum-offdiagonal-1"] = {
            "call": "exhaustive search, variant with delta_ij = 1 for core-periphery pairs (not our model; for the record)",
            "kind": "network", "tolerance": 1e-12,
            "values": {"correlation": rho1, "core_size": bin(winners1[0]).count("1"), "optimal_cores": len(winners1)},
        }
    return {
        "graph": graph, "oracle": "numpy/scipy exhaustive search and least squares", "oracle_version": f"numpy {np.__version__}, scipy {scipy.__version__}",
        "generator": GENERATOR, "generated_with": f"python {platform.python_version()}", "description": description,
        "directed": False, "weighted": weighted_variant,
        "tolerance_rule": "|actual - expected| <= tolerance * max(1, |expected|)",
        "nodes": nodes, "edges": [[s, t, w] for s, t, w in edges], "metrics": metrics,
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    graphs = []
    for name, weighted in [("karate", False), ("florentine", False), ("lesmis", True), ("davis", True)]:
        nodes, edges, desc = from_fixture(name)
        graphs.append((name, nodes, edges, desc, weighted))
    graphs.append(("cp-planted-12",) + planted(12, 4, 0.95, 0.45, 0.05, 12) + (False,))
    graphs.append(("cp-planted-16",) + planted(16, 5, 0.9, 0.35, 0.08, 16) + (False,))
    graphs.append(("gnp-14",) + gnp(14, 0.3, 14) + (False,))
    graphs.append(("gnp-16",) + gnp(16, 0.25, 16) + (False,))
    for name, nodes, edges, desc, weighted in graphs:
        fx = fixture(name, nodes, edges, desc, weighted)
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(fx, f, indent=1, ensure_ascii=False)
            f.write("\n")
        m = fx["metrics"]
        d = m.get("core-periphery:discrete-optimum", {}).get("values")
        print(name, len(nodes), "nodes;", "continuous rho %.6f" % m["core-periphery:continuous-correlation"]["value"],
              "; discrete optimum", d)


if __name__ == "__main__":
    main()
