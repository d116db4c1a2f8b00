#!/usr/bin/env bash
# Runs every TenderFlow test. Installs what the tests need when it is missing, then prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "The .NET SDK (10.0.x) is required: https://dot.net" >&2; exit 2; }

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if [ -d tests/TenderFlow.Web.Tests/Browser ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

results="TestResults"
rm -rf "$results"
status=0
dotnet test TenderFlow.sln --configuration Release --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" || status=$?

# dotnet test's own summary is per project; add up the TRX counters of every test project (plain bash: CI may have no python).
# A project whose run died before writing its counters counts as one failure, so the summary line is always printed.
passed=0; failed=0
while IFS= read -r -d '' trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1 || true)
  if [ -z "$counters" ]; then echo "no counters in $trx" >&2; failed=$((failed + 1)); continue; fi
  count() { local v; v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"); echo "${v:-0}"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
done < <(find "$results" -name '*.trx' -print0)
# Every test project must have written a TRX of its own (named by the test assembly inside it): a count of files
# could hide a project that wrote none behind another that wrote two.
while IFS= read -r project; do
  name=$(basename "$project" .csproj | tr '[:upper:]' '[:lower:]')
  if ! grep -rlqi --include='*.trx' "storage=\"[^\"]*/$name\.dll\"" "$results" 2>/dev/null; then
    echo "no test results from $(basename "$project" .csproj)" >&2
    failed=$((failed + 1))
  fi
done < <(find tests -mindepth 2 -maxdepth 2 -name '*.Tests.csproj' | sort)
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
