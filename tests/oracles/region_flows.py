"""Oracle for the region flow matrix (DESIGN 2.7): a dense numpy F = M^T A M on seeded random networks.

Writes tests/GlocalNetworks.Tests/Fixtures/numpy/region_flows.json. Rerun from the repository root:

    PYTHONPATH=/usr/lib/python3/dist-packages python3 tests/oracles/region_flows.py

Each network: a region tree on the default ladder (world > world-region > country > province > city), innovators
homed at cities, provinces or countries (those above the level have no region there and are "ungrouped"), and links
with integer-and-a-half weights, parallel links included. A is the dense n x n adjacency (parallel links summed; for an
undirected network A is symmetric), M the n x r membership matrix of the regions at the level that hold innovators
(region-tree order = the order regions are listed), F = M^T A M; undirected: the diagonal is halved. "count" uses
A = link multiplicities.
"""
import json
import os
import platform

import numpy as np

SEED_BASE = 20261125
OUT = os.path.join(os.path.dirname(__file__), "..", "GlocalNetworks.Tests", "Fixtures", "numpy", "region_flows.json")


def make_network(seed, directed, level, n, m):
    rng = np.random.default_rng(seed)
    regions = [("world", "world", None)]
    countries, provinces, cities = [], [], []
    for w in range(2):
        wr = f"W{w}"
        regions.append((wr, "world-region", "world"))
        for c in range(2):
            cid = f"{wr}C{c}"
            regions.append((cid, "country", wr))
            countries.append(cid)
            for p in range(int(rng.integers(1, 4))):
                pid = f"{cid}P{p}"
                regions.append((pid, "province", cid))
                provinces.append(pid)
                for k in range(int(rng.integers(1, 3))):
                    kid = f"{pid}K{k}"
                    regions.append((kid, "city", pid))
                    cities.append(kid)
    parent = {r[0]: r[2] for r in regions}
    lvl = {r[0]: r[1] for r in regions}

    homes = []
    for i in range(n):
        u = rng.random()
        pool = cities if u < 0.75 else provinces if u < 0.92 else countries
        homes.append(pool[int(rng.integers(0, len(pool)))])
    ids = [f"i{i}" for i in range(n)]

    links = []
    for _ in range(m):
        s = int(rng.integers(0, n))
        t = int(rng.integers(0, n - 1))
        if t >= s:
            t += 1
        w = float(rng.integers(1, 7)) / 2.0
        links.append((s, t, w))
        if rng.random() < 0.1:  # a parallel link
            links.append((s, t, float(rng.integers(1, 5)) / 2.0))

    def at_level(r):
        while r is not None and lvl[r] != level:
            r = parent[r]
        return r

    group_region = [at_level(h) for h in homes]
    held = {g for g in group_region if g is not None}
    order = [r[0] for r in regions if r[0] in held]  # region-tree order = listing order
    index = {r: k for k, r in enumerate(order)}

    def flows(count):
        A = np.zeros((n, n))
        for s, t, w in links:
            v = 1.0 if count else w
            A[s, t] += v
            if not directed:
                A[t, s] += v
        M = np.zeros((n, len(order)))
        for i, g in enumerate(group_region):
            if g is not None:
                M[i, index[g]] = 1.0
        F = M.T @ A @ M
        if not directed:
            F[np.diag_indices_from(F)] /= 2.0
        grouped = np.array([g is not None for g in group_region])
        total = float(A.sum() / (1.0 if directed else 2.0))
        covered = float(F.sum() if directed else np.triu(F).sum())
        return F, total, total - covered

    Fw, total_w, ung_w = flows(False)
    Fc, total_c, ung_c = flows(True)
    return {
        "name": f"random-{'directed' if directed else 'undirected'}-{level}",
        "seed": seed,
        "directed": directed,
        "level": level,
        "regions": [[r[0], r[1], r[2]] for r in regions],
        "innovators": [[ids[i], homes[i]] for i in range(n)],
        "links": [[ids[s], ids[t], w] for s, t, w in links],
        "region_ids": order,
        "ungrouped": sum(1 for g in group_region if g is None),
        "weighted": {"matrix": Fw.tolist(), "total": total_w, "ungrouped_weight": ung_w},
        "count": {"matrix": Fc.tolist(), "total": total_c, "ungrouped_weight": ung_c},
    }


def main():
    nets = [
        make_network(SEED_BASE + 1, directed=False, level="province", n=60, m=160),
        make_network(SEED_BASE + 2, directed=True, level="country", n=50, m=140),
        make_network(SEED_BASE + 3, directed=False, level="country", n=40, m=90),
    ]
    doc = {
        "oracle": "numpy",
        "oracle_version": np.__version__,
        "generator": "tests/oracles/region_flows.py",
        "generated_with": f"python {platform.python_version()}, numpy {np.__version__}",
        "description": "dense F = M^T A M (DESIGN 2.7) on seeded random region networks; undirected diagonal halved",
        "tolerance_rule": "|actual - expected| <= tolerance * max(1, |expected|)",
        "tolerance": 1e-12,
        "networks": nets,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
