#!/usr/bin/env python3
"""Load the same links CSV with networkx, python-igraph and GlocalNetworks; time it and measure memory.

Usage (from the repository root, after benchmarks/prepare-data.sh and a Release build of the benchmarks):
    PYTHONPATH=/usr/lib/python3/dist-packages python3 benchmarks/igraph/load_side_by_side.py \
        [--data scratch] [--sizes 500k,1m,5m] [--repeats 3] [--json benchmarks/igraph/results/load-side-by-side.json]

Needs one interpreter that imports both networkx and igraph (on the reference machine: pyenv python 3.11.7 with
networkx 3.6.1, plus Debian's python3-igraph 0.10.2 through PYTHONPATH=/usr/lib/python3/dist-packages).

Every run is its own process (so peak memory is per run), and the tools take turns (round robin, so a burst of
noise from other work hits one run of each tool rather than every run of one). The time is the wall time of the
load call only (imports, interpreter start and a warm-up load of a three-link file excluded); the table shows the
minimum over --repeats processes. Memory comes from /proc/self/status: VmRSS before the load, VmRSS after it (graph
alive, after gc.collect()), and VmHWM (peak). Per-link figures divide by the number of links in the file.

Loaders:
  networkx        nx.read_edgelist(file after the header, delimiter=",", nodetype=int) -> nx.Graph
  igraph-python   python split/int parse of every line, then ig.Graph(n, edges)   (what time_igraph.py times)
  igraph-C        ig.Graph.Read_Edgelist on a space-separated copy of the CSV (igraph's C reader; no CSV reader in C)
  GlocalNetworks  `dotnet GlocalNetworks.Benchmarks.dll footprint <file> 3`: GlocalCsv.Load + ToCsrGraph, first call
                  (includes JIT) and best of 3 warm calls in the same process, plus managed-heap figures.
"""
import argparse, gc, json, os, platform, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FILES = {"50k": "ba-10k.csv", "500k": "ba-100k.csv", "1m": "ba-1m-head1m.csv", "5m": "ba-1m.csv"}
DLL = os.path.join(ROOT, "benchmarks", "GlocalNetworks.Benchmarks", "bin", "Release", "net10.0", "GlocalNetworks.Benchmarks.dll")


def proc_status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return -1


# ---------------------------------------------------------------------------------------------- worker side
def load_networkx(path):
    import networkx as nx
    with open(path) as f:
        next(f)
        return nx.read_edgelist(f, delimiter=",", nodetype=int)


def load_igraph_python(path):
    import igraph as ig
    with open(path) as f:
        next(f)
        edges = [tuple(map(int, line.split(","))) for line in f]
    n = 1 + max(max(e) for e in edges)
    return ig.Graph(n=n, edges=edges, directed=False)


def load_igraph_c(path):
    import igraph as ig
    return ig.Graph.Read_Edgelist(path[:-4] + ".txt", directed=False)


LOADERS = {"networkx": load_networkx, "igraph-python": load_igraph_python, "igraph-C": load_igraph_c}


def worker(tool, path):
    if tool == "networkx":
        import networkx  # noqa: F401  (import before measuring)
    else:
        import igraph  # noqa: F401
    # warm-up on a three-link file: lazy imports and first-call costs stay out of the timed load
    import tempfile
    tiny = os.path.join(tempfile.gettempdir(), f"glocal-warmup-{os.getpid()}.csv")
    with open(tiny, "w") as f:
        f.write("source,target\n0,1\n1,2\n0,2\n")
    with open(tiny[:-4] + ".txt", "w") as f:
        f.write("0 1\n1 2\n0 2\n")
    LOADERS[tool](tiny)
    os.remove(tiny)
    os.remove(tiny[:-4] + ".txt")
    with open(path if tool != "igraph-C" else path[:-4] + ".txt", "rb") as f:   # page cache, as the .NET side does
        while f.read(1 << 20):
            pass
    gc.collect()
    rss0 = proc_status("VmRSS")
    t = time.perf_counter()
    g = LOADERS[tool](path)
    dt = time.perf_counter() - t
    gc.collect()
    rss1, hwm = proc_status("VmRSS"), proc_status("VmHWM")
    if tool == "networkx":
        n, m = g.number_of_nodes(), g.number_of_edges()
    else:
        n, m = g.vcount(), g.ecount()
    print(json.dumps({"tool": tool, "file": os.path.basename(path), "seconds": dt, "nodes": n, "links": m,
                      "rss_before": rss0, "rss_after": rss1, "rss_peak": hwm}))


# ---------------------------------------------------------------------------------------------- driver side
def versions():
    import networkx as nx
    import igraph as ig
    v = {"python": platform.python_version(), "networkx": nx.__version__, "igraph": ig.__version__}
    try:
        v["dotnet"] = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    return v


def space_separated_copy(csv):
    txt = csv[:-4] + ".txt"
    if not os.path.exists(txt) or os.path.getmtime(txt) < os.path.getmtime(csv):
        with open(csv) as f, open(txt + ".tmp", "w") as o:
            next(f)
            for line in f:
                o.write(line.replace(",", " "))
        os.replace(txt + ".tmp", txt)
    return txt


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("GLOCAL_BENCH_DATA", os.path.join(ROOT, "scratch")))
    ap.add_argument("--sizes", default="500k,1m,5m")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--tools", default="GlocalNetworks,igraph-C,igraph-python,networkx")
    ap.add_argument("--json", default=None, help="also write every run here")
    ap.add_argument("--worker", nargs=2, metavar=("TOOL", "PATH"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        return worker(*a.worker)

    ver = versions()
    print("# " + ", ".join(f"{k} {v}" for k, v in ver.items()), flush=True)
    runs = []
    for size in a.sizes.split(","):
        csv = os.path.join(a.data, FILES[size])
        space_separated_copy(csv)
        for r in range(a.repeats):                 # round robin: a burst of noise hits one run of each tool, not
            for tool in a.tools.split(","):        # all runs of one tool
                if tool == "GlocalNetworks":
                    row = run(["dotnet", DLL, "footprint", csv, "3"])
                else:
                    row = run([sys.executable, os.path.abspath(__file__), "--worker", tool, csv])
                row["size"], row["repeat"], row["loadavg_1min"] = size, r, os.getloadavg()[0]
                runs.append(row)
                print(json.dumps(row), flush=True)

    if a.json:
        with open(a.json, "w") as f:
            json.dump({"versions": ver, "load_average_start": os.getloadavg(), "runs": runs}, f, indent=1)

    # summary: min time over repeats; memory: the smallest retained and the smallest peak RSS over repeats
    print("\n| file | links | tool | time (s, min of %d) | retained RSS B/link | peak RSS B/link | notes |" % a.repeats)
    print("|---|---|---|---|---|---|---|")
    for size in a.sizes.split(","):
        for tool in a.tools.split(","):
            rs = [r for r in runs if r["size"] == size and r["tool"] == tool]
            if not rs:
                continue
            m = rs[0]["links"]
            ret = min(r["rss_after"] - r["rss_before"] for r in rs) / m
            peak = min(r["rss_peak"] - r["rss_before"] for r in rs) / m
            if tool == "GlocalNetworks":
                t = min(r["total_warm_s"] for r in rs)
                cold = min(r["load_cold_s"] + r["csr_cold_s"] for r in rs)
                r0 = rs[0]
                note = (f"load {min(r['load_warm_s'] for r in rs):.3f} + CSR {min(r['csr_warm_s'] for r in rs):.3f}; "
                        f"first call {cold:.3f} s; managed: network {r0['network_managed_bytes'] / m:.1f} B/link, "
                        f"CSR arrays {r0['csr_array_bytes'] / m:.1f} B/link")
            else:
                t = min(r["seconds"] for r in rs)
                note = ""
            print(f"| {FILES[size]} | {m:,} | {tool} | {t:.3f} | {ret:.1f} | {peak:.1f} | {note} |")


if __name__ == "__main__":
    main()
