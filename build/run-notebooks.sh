#!/usr/bin/env bash
# Runs every docs/notebooks/*.dib headless with dotnet-repl (the local tool in .config/dotnet-tools.json) against the
# packages packed into artifacts/packages, and writes each executed notebook to artifacts/notebooks/NAME.ipynb.
# A notebook fails when dotnet-repl exits non-zero, writes no notebook, or the notebook holds an error output.
# Prints one line per notebook (status, seconds) and ends with "notebooks: P passed, F failed"; exits 1 on any failure.
#
# Usage (from anywhere; pack first, e.g. dotnet pack GlocalNetworks.sln -c Release -o artifacts/packages):
#   build/run-notebooks.sh [notebook.dib ...]
#
# .NET Interactive accepts only an absolute path in `#i "nuget: ..."` (a relative one is "Invalid URI"), so each
# notebook's `#i "nuget: ../../artifacts/packages"` line (the feed relative to docs/notebooks/) is rewritten to the
# absolute path of artifacts/packages in a copy under artifacts/notebooks/src/, which is what runs.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
FEED="$ROOT/artifacts/packages"
OUT="$ROOT/artifacts/notebooks"
mkdir -p "$OUT/src"

ls "$FEED"/GlocalNetworks.Interactive.*.nupkg >/dev/null 2>&1 \
  || { echo "run-notebooks: no GlocalNetworks.Interactive package in $FEED; pack first" >&2; echo "notebooks: 0 passed, 1 failed"; exit 1; }
dotnet tool restore >/dev/null || { echo "run-notebooks: dotnet tool restore failed" >&2; echo "notebooks: 0 passed, 1 failed"; exit 1; }

# The extension is built against the Microsoft.DotNet.Interactive that dotnet-repl carries; a drift would load two copies.
pkgs="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
repl_version=$(sed -n 's/.*"dotnet-repl": *{ *//; s/.*"version": *"\([^"]*\)".*/\1/p' .config/dotnet-tools.json | head -1)
interactive_version=$(sed -n 's/.*PackageVersion Include="Microsoft.DotNet.Interactive" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
grep -q "\"Microsoft.DotNet.Interactive/$interactive_version\"" "$pkgs"/dotnet-repl/"$repl_version"/tools/*/any/dotnet-repl.deps.json \
  || { echo "run-notebooks: Microsoft.DotNet.Interactive $interactive_version (Directory.Packages.props) is not the version dotnet-repl $repl_version carries" >&2
       echo "notebooks: 0 passed, 1 failed"; exit 1; }
echo "dotnet-repl $repl_version carries Microsoft.DotNet.Interactive $interactive_version, as GlocalNetworks.Interactive references"

# Every pack has the same version, so a GlocalNetworks package that an earlier run restored into the global package
# folder would shadow the fresh one: drop our own packages (only those) from it first.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/glocalnetworks "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/glocalnetworks.*

if [ "$#" -gt 0 ]; then notebooks=("$@"); else notebooks=(docs/notebooks/*.dib); fi
passed=0; failed=0
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb" .dib)"
  src="$OUT/src/$name.dib"
  sed "s|#i \"nuget: ../../artifacts/packages\"|#i \"nuget: $FEED\"|" "$nb" > "$src"
  rm -f "$OUT/$name.ipynb"
  start=$(date +%s%N)
  (cd "$(dirname "$nb")" && dotnet tool run dotnet-repl -- --run "$src" --exit-after-run \
      --output-format ipynb --output-path "$OUT/$name.ipynb") > "$OUT/$name.log" 2>&1
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  seconds="$((ms / 1000)).$(( (ms % 1000) / 100 ))"
  why=""
  if [ "$rc" -ne 0 ]; then why="dotnet-repl exited with $rc"
  elif [ ! -s "$OUT/$name.ipynb" ]; then why="no executed notebook written"
  elif grep -q '"output_type": "error"' "$OUT/$name.ipynb"; then why="a cell failed"
  fi
  if [ -z "$why" ]; then
    passed=$((passed + 1)); printf 'notebook %-28s passed  %6s s\n' "$name" "$seconds"
  else
    failed=$((failed + 1)); printf 'notebook %-28s FAILED  %6s s  (%s; see artifacts/notebooks/%s.log)\n' "$name" "$seconds" "$why" "$name"
    grep -o '"evalue": "[^"]*"' "$OUT/$name.ipynb" 2>/dev/null | head -3 | sed 's/^/    /'
  fi
done
echo "notebooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
