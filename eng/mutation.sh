#!/usr/bin/env bash
# Mutation testing of the reload core (Configuration, Reload, Snapshots, Routing of src/HotReloadProxy) against
# the fast tests of tests/Core, with Stryker.NET (the local tool pinned in .config/dotnet-tools.json) and the
# settings of stryker-config.json.
#
#   eng/mutation.sh                  every mutant of the core         -> artifacts/mutation/full/reports/
#   eng/mutation.sh --since <ref>    only files changed since <ref>   -> artifacts/mutation/since-<ref>/reports/
#
# Each leaves mutation-report.html and mutation-report.json in its reports folder, and prints the score per folder.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: eng/mutation.sh [--since <git ref>]" >&2; exit 2; }

since=""
case "${1:-}" in
  "") ;;
  --since) [ $# -eq 2 ] || usage; since="$2" ;;
  *) usage ;;
esac

if [ -n "$since" ]; then
  git rev-parse --verify --quiet "$since^{commit}" >/dev/null || { echo "eng/mutation.sh: no commit named '$since' in this clone" >&2; exit 2; }
  label="since-$(tr -c 'A-Za-z0-9._-' '_' <<<"$since" | sed 's/_$//')"
  scope=(--since:"$since")
else
  label=full
  scope=()
fi

output="$PWD/artifacts/mutation/$label"
rm -rf "$output"
dotnet tool restore >/dev/null
started=$(date +%s)
# Stryker runs from the test project's folder: from the repository root it would see HotReload.sln and mutate in
# solution mode, which takes no test-project list.
(cd tests/Core && dotnet tool run dotnet-stryker --config-file ../../stryker-config.json --output "$output" --skip-version-check "${scope[@]}")
echo "mutation run ($label) took $(( $(date +%s) - started )) s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

report="$output/reports/mutation-report.json"
if [ -f "$report" ]; then
  python3 eng/mutation-score.py "$report"
  echo "reports: $output/reports/mutation-report.html and $report"
else
  echo "no mutation report was written (no mutant in scope?)"
fi
