#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every project that tracks its public API (Microsoft.CodeAnalysis.PublicApiAnalyzers):
# builds the project with the analyzers' rules as warnings, adds every symbol that RS0016 reports as undeclared and
# removes every line that RS0017 reports as no longer existing. PublicAPI.Shipped.txt is left alone: it changes only at
# a release, when the Unshipped lines move into it. Review the diff of the Unshipped files before committing: every line
# is a public API change. (`dotnet format analyzers --diagnostics RS0016` was tried first: it fixes a project whose file
# is empty but reports nothing once the file has entries, so the script reads the compiler's own diagnostics instead.)
#
# Usage: build/update-public-api.sh [project.csproj ...]
#        (default: every tracked src project, libraries before the projects that reference them)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -gt 0 ]; then projects=("$@"); else
  projects=()
  for name in GlocalNetworks GlocalNetworks.Plotting GlocalNetworks.Interactive GlocalNetworks.Cli; do
    [ -f "src/$name/PublicAPI.Unshipped.txt" ] && projects+=("src/$name/$name.csproj")
  done
  for f in src/*/PublicAPI.Unshipped.txt; do            # any other tracked project, after those
    p="$(ls "$(dirname "$f")"/*.csproj)"
    case " ${projects[*]} " in *" $p "*) ;; *) projects+=("$p") ;; esac
  done
fi

for proj in "${projects[@]}"; do
  dir="$(dirname "$proj")"
  unshipped="$dir/PublicAPI.Unshipped.txt"
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -s "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
  done
  echo "== $proj"
  touch "$unshipped"                                     # an input of the compile: forces this project (only) to recompile
  log="$(mktemp)"
  dotnet build "$proj" -c Release -p:TreatWarningsAsErrors=false -p:CodeAnalysisTreatWarningsAsErrors=false \
    -clp:NoSummary > "$log" 2>&1 || { tail -n 30 "$log"; echo "build of $proj failed for another reason" >&2; exit 1; }
  added="$(sed -n "s/.*warning RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" "$log" | LC_ALL=C sort -u)"
  removed="$(sed -n "s/.*warning RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" "$log" | LC_ALL=C sort -u)"
  rm -f "$log"
  body="$(tail -n +2 "$unshipped")"
  if [ -n "$removed" ]; then body="$(printf '%s\n' "$body" | grep -vxF -f <(printf '%s\n' "$removed") || true)"; fi
  # Keep the file sorted (ordinal) after its '#nullable enable' header, so that parallel branches merge simply.
  { head -n 1 "$unshipped"; printf '%s\n%s\n' "$body" "$added" | sed '/^$/d' | LC_ALL=C sort -u; } > "$unshipped.tmp"
  mv "$unshipped.tmp" "$unshipped"
  echo "   +$(printf '%s' "$added" | grep -c . || true) -$(printf '%s' "$removed" | grep -c . || true); $(($(wc -l < "$unshipped") - 1)) unshipped entries"
done
