#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt. Review the diff: it is the change to the package's public contract.
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh src/<Package>}
file="$project_dir/PublicAPI.Unshipped.txt"
for _ in 1 2 3; do
  # Only this project's symbols: the build also reports those of the projects it depends on.
  symbols=$(dotnet build "$project_dir" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 \
    | grep -F "$(cd "$project_dir" && pwd)/" \
    | grep -oE "RS0016: Symbol '[^']+'" | sed -E "s/^RS0016: Symbol '(.*)'$/\1/" | sort -u || true)
  [ -z "$symbols" ] && break
  { cat "$file"; printf '%s\n' "$symbols"; } | grep -v '^#nullable' | sort -u > "$file.tmp"
  { echo '#nullable enable'; cat "$file.tmp"; } > "$file"
  rm -f "$file.tmp"
done
