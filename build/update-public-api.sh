#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every project that tracks its public API (Microsoft.CodeAnalysis.PublicApiAnalyzers):
# adds the public symbols that no PublicAPI file declares (code fix of RS0016) and removes the declared ones that no
# longer exist (RS0017). PublicAPI.Shipped.txt is left alone: it changes only at a release, when the Unshipped lines move
# into it. Review the diff of the Unshipped files before committing: every line is a public API change.
#
# Usage: build/update-public-api.sh [project.csproj ...]     (default: every src project with a PublicAPI.Unshipped.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -gt 0 ]; then projects=("$@"); else
  projects=()
  for f in src/*/PublicAPI.Unshipped.txt; do projects+=("$(ls "$(dirname "$f")"/*.csproj)"); done
fi

for proj in "${projects[@]}"; do
  dir="$(dirname "$proj")"
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -s "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
  done
  echo "== $proj"
  # --severity warn: the rules are warnings (errors only through TreatWarningsAsErrors), so the fixer must see warnings.
  dotnet format analyzers "$proj" --diagnostics RS0016 RS0017 --severity warn
  # Keep the file sorted (ordinal) after its '#nullable enable' header, so that merges of parallel changes stay simple.
  { head -n 1 "$dir/PublicAPI.Unshipped.txt"; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u | sed '/^$/d'; } > "$dir/PublicAPI.Unshipped.txt.tmp"
  mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
  echo "   $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped entries"
done
