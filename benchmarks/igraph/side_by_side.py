#!/usr/bin/env python3
"""Run igraph and GlocalNetworks on the very same edge lists, metric by metric, and write a side-by-side table.

Usage (from the repository root, after benchmarks/prepare-data.sh and a Release build of the benchmarks):
    dotnet build benchmarks/GlocalNetworks.Benchmarks -c Release
    PYTHONPATH=/usr/lib/python3/dist-packages python3 benchmarks/igraph/side_by_side.py \
        [--data scratch] [--repeats 3] [--ops load,pagerank,...] [--json benchmarks/igraph/results/side-by-side.json] \
        [--doc docs/performance.md | --no-doc]

For every operation of issue 3's list the script runs, one right after the other (a "pair", in the same minute):
  igraph          a fresh Python process: reads the space-separated copy of the file with igraph's C reader (not
                  timed), warms the function up on Zachary's karate club, then times --repeats calls (wall time) and
                  keeps the best. Louvain on 100k takes ~28 s per call, so it gets --slow-repeats calls.
  GlocalNetworks  a fresh process `dotnet GlocalNetworks.Benchmarks.dll sidebyside <op> <file> <repeats> 1,2`: reads
                  the same CSV into a CsrGraph (not timed), one warm-up run per thread count, then best of --repeats
                  wall times with 1 and with 2 threads (sequential kernels: once; betweenness warms up on 64 sources, and
                  the 2,000-source run is timed at most twice per thread count).
The order inside a pair alternates from one operation to the next, and the 1-minute load average is recorded before
and after each pair. Ratios are igraph-time / our-time with our best thread count, as the issue's targets are.

It writes every run to --json and splices a Markdown table between the markers
`<!-- side-by-side:begin -->` and `<!-- side-by-side:end -->` of --doc.

Operations (file; igraph call; our kernel; issue 3's target):
  load                 ba-1m-head1m (1M links); Graph.Read_Edgelist(.txt); GlocalCsv.Load + ToCsrGraph; >= 2
  pagerank             ba-1m; pagerank() (PRPACK: Gauss-Seidel to tol 1e-10); ours Chebyshev-accelerated iteration (the metric's
                       Solver = Chebyshev) until the L1 change a power step makes is < 1e-10 (DESIGN §0); >= 10. Both
                       tools' vectors get the same accuracy check, not timed: the L1 residual ||alpha P^T x + (1-alpha)/n - x||_1
                       (ours reported by the kernel, igraph's computed here with scipy).
  pagerank-power       ba-1m; as pagerank, ours by plain power iteration (the metric's default, networkx's iterates); -
  pagerank-1e13        ba-1m; as pagerank, ours to an L1 residual < 1e-13 (igraph's PRPACK reaches 1.2e-13 here); -
  betweenness          ba-10k; betweenness(directed=False), exact; exact Brandes; >= 4
  betweenness-sampled  ba-100k; no `sources=` in python-igraph 0.10.2, so not timed: the igraph column is a lower bound
                       from the baseline's exact run, killed unfinished after 3232 s (each Brandes source is one full BFS
                       plus a backward sweep of the connected graph, so 2,000 sources cost >= 3232 s x 2000 / 100000);
                       2,000 seeded sources; >= 4
  louvain              ba-100k; community_multilevel() (random.seed(42)); Louvain seed 42; >= 3 and modularity >= igraph's
  leiden               ba-100k; community_leiden(objective_function="modularity") (2 iterations); Leiden, 2 iterations; -
  clustering           ba-100k; transitivity_local_undirected() + transitivity_undirected(); triangles + both; >= 2
  core-number          ba-1m; coreness(); Batagelj-Zaversnik; >= 1.5
  constraint           ba-100k; constraint(); Burt's constraint; >= 3
"""
import argparse, datetime, json, os, platform, random, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DLL = os.path.join(ROOT, "benchmarks", "GlocalNetworks.Benchmarks", "bin", "Release", "net10.0", "GlocalNetworks.Benchmarks.dll")
FILES = {"50k": "ba-10k.csv", "500k": "ba-100k.csv", "1m": "ba-1m-head1m.csv", "5m": "ba-1m.csv"}
BEGIN, END = "<!-- side-by-side:begin -->", "<!-- side-by-side:end -->"

# Lower bound for igraph's 2,000-source betweenness on ba-100k (see the module docstring).
IGRAPH_EXACT_100K_KILLED_AFTER_S = 3232.0

# op: (label, size key, target ratio or None, slow)
OPS = {
    "load": ("load the 1M-link CSV into a graph (igraph: C edge-list reader)", "1m", 2.0, False),
    "pagerank": ("PageRank, ba-1m, equal accuracy (ours: Chebyshev)", "5m", 10.0, False),
    "pagerank-power": ("PageRank, ba-1m, equal accuracy (ours: power iteration)", "5m", None, False),
    "pagerank-1e13": ("PageRank, ba-1m, ours to igraph's own accuracy (L1 residual < 1e-13, Chebyshev)", "5m", None, False),
    "betweenness": ("exact betweenness, ba-10k", "50k", 4.0, False),
    "betweenness-sampled": ("betweenness from 2,000 seeded sources, ba-100k", "500k", 4.0, False),
    "louvain": ("Louvain with modularity, ba-100k", "500k", 3.0, True),
    "leiden": ("Leiden (modularity, 2 iterations), ba-100k", "500k", None, False),
    "clustering": ("triangles: local clustering + transitivity, ba-100k", "500k", 2.0, False),
    "core-number": ("k-core (core numbers), ba-1m", "5m", 1.5, False),
    "constraint": ("Burt's constraint, ba-100k", "500k", 3.0, False),
}


# ---------------------------------------------------------------------------------------------- igraph worker
def igraph_call(op, g):
    """Runs one operation on g; returns facts about the result."""
    import igraph as ig
    if op in ("pagerank", "pagerank-power", "pagerank-1e13"):
        pr = g.pagerank(directed=False)
        return {"x0": pr[0], "method": "PRPACK", "_vector": pr}
    if op == "betweenness":
        b = g.betweenness(directed=False)
        return {"b0": b[0]}
    if op == "louvain":
        random.seed(42)
        cl = g.community_multilevel()
        return {"modularity": cl.modularity, "communities": len(cl)}
    if op == "leiden":
        random.seed(42)
        cl = g.community_leiden(objective_function="modularity")
        return {"modularity": g.modularity(cl.membership), "communities": len(cl)}
    if op == "clustering":
        local = g.transitivity_local_undirected()
        t = g.transitivity_undirected()
        return {"transitivity": t, "local0": local[0]}
    if op == "core-number":
        return {"max_core": max(g.coreness())}
    if op == "constraint":
        return {"c0": g.constraint()[0]}
    raise ValueError(op)


def pagerank_residual(g, pr, alpha=0.85):
    """The L1 change one power step would make from pr: sum |alpha P^T pr + (1 - alpha)/n - pr| (no dangling nodes here)."""
    import numpy as np, scipy.sparse as sp
    e = np.array(g.get_edgelist(), dtype=np.int64)
    n = g.vcount()
    a = sp.coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n)).tocsr()
    a = (a + a.T).tocsr()
    deg = np.asarray(a.sum(axis=1)).ravel()
    x = np.asarray(pr)
    step = alpha * (a @ np.divide(x, deg, out=np.zeros(n), where=deg > 0)) + (1 - alpha) / n
    return float(np.abs(step - x).sum())


def worker(op, path, repeats):
    import igraph as ig
    txt = path[:-4] + ".txt"
    facts = {}
    if op == "load":
        ig.Graph.Read_Edgelist(txt, directed=False)   # warm: page cache, first-call costs
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            g = ig.Graph.Read_Edgelist(txt, directed=False)
            times.append(time.perf_counter() - t)
            facts = {"nodes": g.vcount(), "links": g.ecount()}
            del g
    elif op == "betweenness-sampled":
        g = ig.Graph.Read_Edgelist(txt, directed=False)
        bound = IGRAPH_EXACT_100K_KILLED_AFTER_S * 2000 / g.vcount()
        print(json.dumps({"tool": "igraph", "op": op, "file": os.path.basename(path), "nodes": g.vcount(),
                          "links": g.ecount(), "best_s": None, "lower_bound_s": bound, "runs_s": [],
                          "facts": {"note": "no sources= in python-igraph 0.10.2; lower bound from the baseline's killed exact run"}}))
        return
    else:
        g = ig.Graph.Read_Edgelist(txt, directed=False)
        igraph_call(op, ig.Graph.Famous("Zachary"))   # warm-up on a tiny graph
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            facts = igraph_call(op, g)
            times.append(time.perf_counter() - t)
        if "_vector" in facts:
            facts["l1_residual"] = pagerank_residual(g, facts.pop("_vector"))
        facts.update({"nodes": g.vcount(), "links": g.ecount()})
    print(json.dumps({"tool": "igraph", "op": op, "file": os.path.basename(path), "best_s": min(times), "runs_s": times,
                      "facts": facts}))


# ---------------------------------------------------------------------------------------------- driver
def run_json(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def versions():
    import igraph as ig
    v = {"python": platform.python_version(), "igraph": ig.__version__, "nproc": os.cpu_count()}
    try:
        v["dotnet"] = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
        v["commit"] = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    return v


def fmt_s(x):
    if x is None:
        return "-"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def table(result):
    rows = [
        "| operation | GlocalNetworks, 1 thread | GlocalNetworks, 2 threads | igraph 0.10.2 | ratio igraph / ours (best) | target | met? | load avg before -> after | notes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for p in result["pairs"]:
        label, _, target, _ = OPS[p["op"]]
        ours, ig = p["ours"], p["igraph"]
        th = ours["threads"]
        t1 = th.get("1", {}).get("best_s")
        t2 = th.get("2", {}).get("best_s")
        best = min(x for x in (t1, t2) if x is not None)
        seq = ours.get("sequential")
        notes = []
        if ig.get("best_s") is not None:
            ratio = ig["best_s"] / best
            igs = fmt_s(ig["best_s"])
            ratio_s = f"{ratio:.1f}x"
        else:
            ratio = ig["lower_bound_s"] / best
            igs = f">= {fmt_s(ig['lower_bound_s'])} (bound, not timed)"
            ratio_s = f">= {ratio:.1f}x"
        met = "-" if target is None else ("yes" if ratio >= target else "no")
        if ig.get("best_s") is None and target is not None and ratio < target:
            met = "unknown (bound below the target)"
        of, gf = ours.get("facts", {}), ig.get("facts", {})
        if p["op"] in ("pagerank", "pagerank-power", "pagerank-1e13"):
            notes.append(f"ours {of.get('solver')}, {of.get('iterations')} passes, L1 residual {of.get('l1_change', 0):.1e}; "
                         f"igraph PRPACK, L1 residual {gf.get('l1_residual', float('nan')):.1e}")
        if p["op"] in ("louvain", "leiden"):
            q, qi = of.get("modularity"), gf.get("modularity")
            notes.append(f"Q ours {q:.4f} ({of.get('communities')} communities), igraph {qi:.4f} ({gf.get('communities')})")
            if p["op"] == "louvain" and target is not None and q < qi:
                met = "no (lower Q)"
        if p["op"] == "clustering":
            notes.append(f"transitivity ours {of.get('transitivity'):.6f}, igraph {gf.get('transitivity'):.6f}")
        if p["op"] == "core-number":
            notes.append(f"max core ours {of.get('max_core')}, igraph {gf.get('max_core')}")
        if p["op"] == "load":
            notes.append("ours: string-id network snapshot + weighted CSR, the CSV parsed in fixed chunks (LoadOptions.MaxDegreeOfParallelism "
                         "= the thread count); igraph: a bare edge list from a space-separated copy")
            seq = False
        if p["op"] == "betweenness-sampled":
            notes.append("igraph 0.10.2 has no `sources=`")
        if seq:
            notes.append("sequential kernel")
        la = f"{p['load_before'][0]:.1f} -> {p['load_after'][0]:.1f}"
        rows.append(f"| {label} | {fmt_s(t1)} | {'-' if t2 is None else fmt_s(t2)} | {igs} | {ratio_s} | "
                    f"{'-' if target is None else f'>= {target:g}'} | {met} | {la} | {'; '.join(notes)} |")
    return "\n".join(rows)


def splice(doc, block):
    with open(doc) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + "\n\n" + BEGIN + "\n" + END + "\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(doc, "w") as f:
        f.write(head + BEGIN + "\n" + block + "\n" + END + tail)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("GLOCAL_BENCH_DATA", os.path.join(ROOT, "scratch")))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--slow-repeats", type=int, default=1, help="igraph calls for Louvain on 100k (~28 s each)")
    ap.add_argument("--ops", default=",".join(OPS))
    ap.add_argument("--json", default=os.path.join(HERE, "results", "side-by-side.json"))
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "performance.md"))
    ap.add_argument("--no-doc", action="store_true")
    ap.add_argument("--from-json", action="store_true", help="only rewrite the table from --json (no runs)")
    ap.add_argument("--worker", nargs=3, metavar=("OP", "PATH", "REPEATS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        return worker(a.worker[0], a.worker[1], int(a.worker[2]))

    if a.from_json:
        with open(a.json) as f:
            result = json.load(f)
        return publish(a, result)

    sys.path.insert(0, HERE)
    from load_side_by_side import space_separated_copy
    if not os.path.exists(DLL):
        sys.exit(f"{DLL} is missing: dotnet build benchmarks/GlocalNetworks.Benchmarks -c Release")
    ver = versions()
    started = datetime.datetime.now(datetime.timezone.utc)
    print("# " + ", ".join(f"{k} {v}" for k, v in ver.items()) + f"; start {started:%Y-%m-%d %H:%M} UTC", flush=True)
    pairs = []
    for i, op in enumerate(a.ops.split(",")):
        _, size, _, slow = OPS[op]
        csv = os.path.join(a.data, FILES[size])
        space_separated_copy(csv)
        ig_cmd = [sys.executable, os.path.abspath(__file__), "--worker", op, csv, str(a.slow_repeats if slow else a.repeats)]
        our_cmd = ["dotnet", DLL, "sidebyside", op, csv, str(min(a.repeats, 2) if op == "betweenness-sampled" else a.repeats), "1,2"]
        before = os.getloadavg()
        t0 = datetime.datetime.now(datetime.timezone.utc)
        if i % 2 == 0:
            ig = run_json(ig_cmd)
            ours = run_json(our_cmd)
        else:
            ours = run_json(our_cmd)
            ig = run_json(ig_cmd)
        after = os.getloadavg()
        pair = {"op": op, "file": FILES[size], "start_utc": f"{t0:%H:%M:%S}", "load_before": before, "load_after": after,
                "igraph": ig, "ours": ours}
        pairs.append(pair)
        print(json.dumps(pair), flush=True)

    ended = datetime.datetime.now(datetime.timezone.utc)
    result = {"versions": ver, "start_utc": started.isoformat(timespec="seconds"), "end_utc": ended.isoformat(timespec="seconds"),
              "repeats": a.repeats, "slow_repeats": a.slow_repeats, "pairs": pairs}
    os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
    with open(a.json, "w") as f:
        json.dump(result, f, indent=1)
    publish(a, result)


def publish(a, result):
    ver = result["versions"]
    started = datetime.datetime.fromisoformat(result["start_utc"])
    ended = datetime.datetime.fromisoformat(result["end_utc"])
    md = table(result)
    head = (f"Generated by `benchmarks/igraph/side_by_side.py` on {started:%Y-%m-%d}, {started:%H:%M}-{ended:%H:%M} UTC "
            f"(commit `{ver.get('commit', '?')}`, .NET SDK {ver.get('dotnet', '?')}, python-igraph {ver['igraph']}, "
            f"{ver['nproc']} cores); best of {result['repeats']} wall times per tool and thread count "
            f"(igraph Louvain: {result.get('slow_repeats', 1)}; ours for the 2,000-source betweenness: at most 2); raw runs in `{os.path.relpath(a.json, ROOT)}`.\n")
    print("\n" + head + "\n" + md)
    if not a.no_doc:
        splice(a.doc, head + "\n" + md)


if __name__ == "__main__":
    main()
