#!/usr/bin/env bash
# Makes the benchmark inputs (seeded Barabasi-Albert edge lists, header `source,target`, 0-based ids, m = 5):
#   ba-10k.csv        10,000 nodes      49,985 links
#   ba-100k.csv      100,000 nodes     499,985 links
#   ba-1m.csv      1,000,000 nodes   4,999,985 links   (ba-1m.csv.gz decompressed)
#   ba-1m-head1m.csv 200,003 nodes   1,000,000 links   (header + the first 1,000,000 links of ba-1m.csv)
#   ba-*.txt          space-separated copies without header (igraph's C reader), made by load_side_by_side.py
# into $GLOCAL_BENCH_DATA, or scratch/ at the repository root (git-ignored). Needs Debian's python3-igraph 0.10.2:
#   apt-get install -y python3-igraph
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${GLOCAL_BENCH_DATA:-$root/scratch}
mkdir -p "$out"
cd "$out"
if [[ ! -f ba-10k.csv || ! -f ba-100k.csv || ! -f ba-1m.csv.gz ]]; then
  /usr/bin/python3 "$root/benchmarks/igraph/gen_graphs.py"
fi
[[ -f ba-1m.csv ]] || gunzip -k ba-1m.csv.gz
head -n 1000001 ba-1m.csv > ba-1m-head1m.csv
# The files made on the reference machine (python3-igraph 0.10.2); another igraph version may draw other graphs.
sha256sum -c --quiet <<'SUMS' || echo "warning: the inputs differ from the reference ones; figures are not comparable" >&2
ae7107d97921dff0139322e8100dec957618b5fe98dee4ad8b6a2a23e47f77c7  ba-10k.csv
6df827bcaeab3d6fef3f97bde6fb0b1e5c51af2feef78de60892cef5096e90a5  ba-100k.csv
f45e6e0b155458cfba1d3994030bc1b2809eeba09a6fb89a486ddd3339ede31a  ba-1m.csv
5fabe86939d3ee4309039604023380429f4ecd508bcb17599d5098405ee626cd  ba-1m-head1m.csv
SUMS
wc -l ba-10k.csv ba-100k.csv ba-1m-head1m.csv ba-1m.csv
